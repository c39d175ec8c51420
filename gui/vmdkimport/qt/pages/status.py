"""Page 7, Import status: follows the conversion until it ends; every change goes to the ledger.

The wizard may be closed at any time: the import goes on in the cloud, and History shows it
(and refreshes it) at the next launch.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout

from vmdkimport.core.plan import PageId
from vmdkimport.core.register.polling import PollPolicy
from vmdkimport.qt.i18n import error_text
from vmdkimport.qt.pages.base import PageHost, PlanPage
from vmdkimport.qt.widgets import MessageLabel

if TYPE_CHECKING:
    from vmdkimport.core.cloud.imageimport import ImportStatus
    from vmdkimport.qt.tasks import Report


class StatusPage(PlanPage):
    #: how often to ask; tests make it faster
    policy = PollPolicy()

    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Import status"))
        self.setSubTitle(self.tr("The cloud converts the disk into an image. This takes time: "
                                 "about a day for 300 GB. You may close the wizard: the "
                                 "History button follows the import at any later start."))
        self.import_id = QLabel()
        self.state = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.updated = QLabel()
        self.message = MessageLabel()
        layout = QVBoxLayout(self)
        for widget in (self.import_id, self.state, self.progress, self.updated, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.last: ImportStatus | None = None
        #: the service has been converting this import: a later "queued" is a return to the queue
        self._was_processing = False
        self._stop: threading.Event | None = None

    def initializePage(self) -> None:
        import_id = self.plan.import_id
        session = self.plan.session
        self.import_id.setText(self.tr("Import ID: %1").replace("%1", import_id or "?"))
        self._was_processing = False
        if import_id is None or session is None:
            return
        from vmdkimport.core.register.ledger import Ledger
        from vmdkimport.core.register.submit import follow_import

        self._stop = threading.Event()
        stop, policy, ledger = self._stop, self.policy, Ledger()

        def work(report: Report) -> ImportStatus | None:
            return follow_import(session.imports, ledger, import_id, on_status=report,
                                 on_error=report, stop=stop, policy=policy)

        self.state.setText(self.tr("Asking for the status…"))
        self.run(work, name="status", on_success=self._ended, on_error=self._failed,
                 on_progress=self._update, cancel=stop.set)

    def _update(self, value: object) -> None:
        from vmdkimport.core.cloud.imageimport import ImportState, ImportStatus

        if not isinstance(value, ImportStatus):
            self.message.show_error(self.tr("The status is not available right now; trying "
                                            "again. (%1)").replace("%1", error_text(value)))
            return
        self.last = value
        names = {ImportState.QUEUED: self.tr("Queued"),
                 ImportState.PROCESSING: self.tr("Converting"),
                 ImportState.SUCCEEDED: self.tr("Succeeded: the image is registered"),
                 ImportState.FAILED: self.tr("Failed"),
                 ImportState.CANCELED: self.tr("Canceled")}
        requeued = value.state is ImportState.QUEUED and (self._was_processing
                                                           or value.progress > 0)
        self._was_processing |= value.state is ImportState.PROCESSING
        self.state.setText(self.tr("Queued again") if requeued
                           else names.get(value.state, value.state.value))
        self.progress.setValue(value.progress)
        self.updated.setText(self.tr("Last checked %1").replace(
            "%1", datetime.now().strftime("%H:%M:%S")))
        if value.state is ImportState.FAILED:
            self.message.show_error(value.error_message or self.tr("The service gave no reason."))
        elif value.state is ImportState.SUCCEEDED:
            image = value.image_id or "?"
            self.message.show_info(self.tr("Image ID %1. It is private to your project; find it "
                                           "under Compute > Images.").replace("%1", image))
        elif requeued:
            # "status might repeat": the service paused the conversion, keeping its progress
            self.message.show_info(self.tr(
                "The service put the import back in the queue after converting had reached "
                "%1 %. It continues by itself: nothing to do.").replace(
                "%1", str(value.progress)))
        else:
            self.message.clear_message()

    def _ended(self, value: object) -> None:
        from vmdkimport.core.cloud.imageimport import ImportStatus

        if isinstance(value, ImportStatus):
            self._update(value)
            from vmdkimport.qt import notify, steps

            if value.state.final:  # not when the follow was only stopped
                steps.finished(self, PageId.STATUS)
            notify.notify(self, self.tr("The import has ended"), self.state.text())

    def _failed(self, exc: object) -> None:
        self.message.show_error(error_text(exc))

    def cleanupPage(self) -> None:
        if self._stop is not None:
            self._stop.set()
