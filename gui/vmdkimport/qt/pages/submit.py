"""Page 6, Upload and register: the upload with progress and control, then the POST.

Both steps run in one background task that only re-emits the core's events. The import id is in
the ledger before this page shows it (:func:`vmdkimport.core.register.submit.submit_import`). An
error shows the catalog's message and action, a "Go to field" button that takes the user to the
value to fix, and Retry where trying again makes sense (500/503, network, a cancelled upload,
which resumes).

A disk the plan converts (:attr:`ImportPlan.converts`) goes through
:class:`~vmdkimport.core.upload.converting.ConvertingUploader` instead: the same events, plus how
far the conversion is, and the SHA1 of the object (the stream produced), which is what the
register call's checksum must be. Its number of segments is an estimate until the stream ends,
so the map grows or shrinks at the end. A stopped converting upload resumes too: the disk is
converted again from the start, and segments already in object storage are proven by their MD5,
not sent again.
"""

from __future__ import annotations

import dataclasses
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from vmdkimport.core.errors import Cancelled, VmdkImportError
from vmdkimport.core.plan import PageId, page_of
from vmdkimport.core.rules import Field
from vmdkimport.core.units import format_duration, format_size
from vmdkimport.core.upload.transfer import TransferControl
from vmdkimport.qt import notify
from vmdkimport.qt.i18n import error_text
from vmdkimport.qt.pages.base import PageHost, PlanPage
from vmdkimport.qt.segment_map import COLOURS, CellState, SegmentMap
from vmdkimport.qt.throughput import ThroughputGraph
from vmdkimport.qt.widgets import MessageLabel

if TYPE_CHECKING:
    from vmdkimport.core.register.ledger import LedgerEntry
    from vmdkimport.core.upload.segments import UploadRequest
    from vmdkimport.core.upload.uploader import UploadEvent, UploadResult
    from vmdkimport.qt.tasks import Report

REGISTERING = "registering"
#: seconds of uploading before the throughput graph starts: the first rates are noise
RATE_SETTLES_S = 1.0


#: UploadEvent.segment_states' bytes -> the map's cells
CELL_OF_STATE: dict[int, CellState] = {
    ord("w"): CellState.WAITING, ord("f"): CellState.IN_FLIGHT, ord("s"): CellState.SENT,
    ord("r"): CellState.RESUMED}


class SubmitPage(PlanPage):
    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Upload and register"))
        self.setSubTitle(self.tr("The disk goes to object storage, then the image is "
                                 "registered. Pause or stop at any time: a stopped upload "
                                 "resumes where it stopped."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Follow the import"))
        self.phase = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.details = QLabel()
        self.details.setWordWrap(True)  # a converting upload says more; Japanese is longer
        self.pause = QPushButton(self.tr("&Pause"))
        self.pause.setCheckable(True)
        self.pause.toggled.connect(self._pause_toggled)
        self.cancel = QPushButton(self.tr("&Cancel upload"))
        self.cancel.clicked.connect(self._cancel_clicked)
        self.message = MessageLabel()
        self.go_to_field = QPushButton(self.tr("&Go to field"))
        self.go_to_field.clicked.connect(self._go_to_field)
        self.retry = QPushButton(self.tr("&Retry"))
        self.retry.clicked.connect(self.start)
        self.import_id = QLineEdit()
        self.import_id.setReadOnly(True)
        self.import_id_label = QLabel(self.tr("Import ID:"))
        self.import_id_label.setBuddy(self.import_id)
        self.copy = QPushButton(self.tr("C&opy"))
        self.copy.clicked.connect(self._copy)
        self.throughput = ThroughputGraph()
        self.segment_map = SegmentMap()
        self.throughput.warm_up()
        self.segment_map.warm_up()
        self.segment_legend = QLabel()
        self.segment_legend.setWordWrap(True)
        self.transfer = self._transfer_view()
        self._threads = 1
        self._uploading_since: float | None = None
        self._converting = False
        #: this page's last completed converting upload, and the request it was for: a register
        #: that failed is retried without converting the whole disk again to prove it
        self._converted: tuple[UploadRequest, UploadResult] | None = None

        controls = QHBoxLayout()
        controls.addWidget(self.pause)
        controls.addWidget(self.cancel)
        controls.addStretch(1)
        result = QHBoxLayout()
        result.addWidget(self.import_id_label)
        result.addWidget(self.import_id, 1)
        result.addWidget(self.copy)
        actions = QHBoxLayout()
        actions.addWidget(self.go_to_field)
        actions.addWidget(self.retry)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.phase, self.progress, self.details):
            layout.addWidget(widget)
        layout.addLayout(controls)
        layout.addWidget(self.transfer, 10)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addLayout(result)
        layout.addStretch(1)  # takes the room when there is no transfer to show
        self.control: TransferControl | None = None
        self.error: object | None = None
        self.entry: LedgerEntry | None = None
        self._running = False
        self._show_result(False)
        self._show_error_actions(None)

    def _transfer_view(self) -> QWidget:
        """The throughput over time beside the segment map, with its legend."""
        rate = QGroupBox(self.tr("Throughput"))
        QVBoxLayout(rate).addWidget(self.throughput)
        segments = QGroupBox(self.tr("Segments"))
        inner = QVBoxLayout(segments)
        inner.addWidget(self.segment_map, 1)
        inner.addWidget(self.segment_legend)
        view = QWidget()
        row = QHBoxLayout(view)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(rate, 3)
        row.addWidget(segments, 2)
        # tall enough to read, not so tall that the result below it is pushed off the page
        view.setMaximumHeight(260)
        view.setVisible(False)
        return view

    # --- flow ----------------------------------------------------------------------------------
    def initializePage(self) -> None:
        if self.plan.import_id is None and not self._running:
            self.start()

    def start(self) -> None:
        plan = self.plan
        session = plan.session
        if session is None:
            self._failed(VmdkImportError("You are not signed in."))
            return
        self.error = None
        self.message.clear_message()
        self._show_error_actions(None)
        self.control = TransferControl()
        control = self.control
        snapshot = dataclasses.replace(plan)
        from vmdkimport.core.register.ledger import Ledger

        ledger = Ledger()
        project_id = session.project_id
        region = plan.profile.region or None
        converting = plan.converts
        upload = plan.upload_request() if plan.needs_upload else None
        done = self._converted
        reuse = done[1] if converting and done is not None and done[0] == upload else None

        def work(report: Report) -> tuple[UploadResult | None, LedgerEntry]:
            # A file upload always goes through the uploader: after a failed register it finds
            # its own upload by metadata in one HEAD (nothing is sent again) and returns the
            # stored SHA1. A converting one would prove it by converting the whole disk again
            # (minutes of CPU per 10 GB), so this page's own finished upload is kept instead.
            from vmdkimport.core.register.submit import submit_import
            from vmdkimport.core.upload.uploader import Uploader

            result: UploadResult | None = reuse
            if upload is not None and reuse is None:
                if converting:
                    from vmdkimport.core.upload.converting import ConvertingUploader

                    events = ConvertingUploader(session.storage, upload, control).run()
                else:
                    events = Uploader(session.storage, upload, control).run()
                for event in events:
                    report(event)
                    result = event.result or result
                if converting and result is not None:
                    report(("converted", upload, result))
            report(REGISTERING)
            request = dataclasses.replace(snapshot, upload_result=result).import_request()
            entry = submit_import(session.imports, ledger, request, project_id=project_id,
                                  region=region)
            return result, entry

        self._running = True
        self.pause.setChecked(False)
        self.pause.setEnabled(plan.needs_upload)
        self.cancel.setEnabled(plan.needs_upload)
        self.progress.setValue(0)
        self._threads = max(1, plan.threads)
        self._converting = converting
        self._uploading_since = None
        self.throughput.clear()
        self.segment_map.clear()
        self.segment_legend.clear()
        self.transfer.setVisible(plan.needs_upload)
        self.phase.setText(self.tr("Converting and uploading…") if converting
                           else self.tr("Uploading…") if plan.needs_upload
                           else self.tr("Registering…"))
        self.run(work, name="upload", on_success=self._done, on_error=self._failed,
                 on_progress=self._progress, cancel=control.cancel)
        self.completeChanged.emit()

    def _progress(self, value: Any) -> None:
        from vmdkimport.core.upload.uploader import Phase, UploadEvent

        if value == REGISTERING:
            self.phase.setText(self.tr("Registering the image…"))
            self.pause.setEnabled(False)
            self.cancel.setEnabled(False)
            self.progress.setValue(self.progress.maximum())
            return
        if isinstance(value, tuple) and value and value[0] == "converted":
            self._converted = (value[1], value[2])  # kept before the register is tried
            return
        if not isinstance(value, UploadEvent):
            return
        event = value
        self.progress.setValue(int(event.fraction * 1000))
        phases = {Phase.CHECKING: self.tr("Checking object storage…"),
                  Phase.UPLOADING: self.tr("Converting and uploading…") if self._converting
                  else self.tr("Uploading…"),
                  Phase.HASHING: self.tr("Computing the SHA1 checksum…"),
                  Phase.MANIFEST: self.tr("Writing the manifest…"),
                  Phase.CLEANUP: self.tr("Deleting the replaced object's segments…"),
                  Phase.DONE: self.tr("Upload complete.")}
        phase = phases.get(event.phase, event.message)
        if event.paused:
            phase = self.tr("Paused.")
        self.phase.setText(phase)
        # converting, the bar's percentage is the conversion's: the line says what was sent
        parts = self._conversion_parts(event) or [
            self.tr("%1 of %2").replace("%1", format_size(event.bytes_done))
            .replace("%2", format_size(event.bytes_total)), f"{event.fraction * 100:.1f} %"]
        parts += [self.tr("%1/s").replace("%1", format_size(event.rate)),
                  self.tr("ETA %1").replace("%1", format_duration(event.eta))]
        if event.segments_total:
            segments = self.tr("segments %1/%2")
            if self._converting and event.phase in (Phase.CHECKING, Phase.UPLOADING):
                segments = self.tr("segments %1 of about %2")  # known when the stream ends
            segments = segments.replace("%1", str(event.segments_done)) \
                .replace("%2", str(event.segments_total))
            if event.segments_skipped:
                segments += " " + self.tr("(%1 already there)").replace(
                    "%1", str(event.segments_skipped))
            parts.append(segments)
        if event.retries:
            parts.append(self.tr("retries %1").replace("%1", str(event.retries)))
        self.details.setText("  ·  ".join(parts))
        self._show_transfer(event)

    def _conversion_parts(self, event: UploadEvent) -> list[str]:
        """How far a converting upload is: the disk's data read, and the bytes sent of the
        stream's estimated size (empty for a file upload)."""
        from vmdkimport.core.upload.converting import ConvertingEvent

        if not isinstance(event, ConvertingEvent):
            return []
        from vmdkimport.core.upload.uploader import Phase

        read = self.tr("converted %1 of %2").replace("%1", format_size(event.source_done)) \
            .replace("%2", format_size(event.source_total))
        if event.phase in (Phase.CHECKING, Phase.UPLOADING):  # the stream's size: an estimate
            sent = self.tr("sent %1 of about %2").replace("%1", format_size(event.bytes_sent)) \
                .replace("%2", format_size(max(event.output_estimate, event.output_done)))
        else:
            sent = self.tr("sent %1").replace("%1", format_size(event.bytes_sent))
        return [read, sent]

    def _show_transfer(self, event: UploadEvent) -> None:
        """Feed the graph and the map. Cheap on the GUI thread: a few events a second, each a
        list compare and an update() that Qt folds into the next paint."""
        from vmdkimport.core.upload.uploader import Phase

        uploading = event.phase is Phase.UPLOADING
        now = time.monotonic()
        if uploading and self._uploading_since is None:
            self._uploading_since = now
        # The rate of the first second is measured over too short a time to mean anything
        # (one burst of the first segments), and it would set the graph's scale.
        if uploading and self._uploading_since is not None \
                and now - self._uploading_since >= RATE_SETTLES_S:
            self.throughput.add(now, 0.0 if event.paused else event.rate)
        total = event.segments_total
        if not total:
            return
        if event.segment_states:  # the uploader says each segment's state: show which
            states = [CELL_OF_STATE[byte] for byte in event.segment_states]
            self.segment_map.set_states(states)
            counts = {state: states.count(state) for state in CellState}
        else:  # counts only (an older event): the parallel connections carry the next ones
            resumed = event.segments_skipped
            sent = event.segments_done - resumed
            in_flight = min(self._threads, total - event.segments_done) if uploading else 0
            self.segment_map.set_counts(total, resumed=resumed, sent=sent, in_flight=in_flight)
            counts = {CellState.SENT: sent, CellState.IN_FLIGHT: in_flight,
                      CellState.WAITING: total - event.segments_done - in_flight,
                      CellState.RESUMED: resumed}
        names = {CellState.SENT: self.tr("Sent: %1"), CellState.IN_FLIGHT: self.tr("Sending: %1"),
                 CellState.WAITING: self.tr("Waiting: %1"),
                 CellState.RESUMED: self.tr("Already there: %1")}
        self.segment_legend.setText("&nbsp;&nbsp; ".join(
            f'<span style="color:{COLOURS[state]}">&#9632;</span>&nbsp;'
            + names[state].replace("%1", str(counts[state])).replace(" ", "&nbsp;")
            for state in names if counts[state] or state is CellState.SENT))

    def _done(self, value: tuple[UploadResult | None, LedgerEntry]) -> None:
        result, entry = value
        self._running = False
        self.plan.upload_result = result
        self.plan.import_id = entry.import_id
        self.entry = entry
        self.pause.setEnabled(False)
        self.cancel.setEnabled(False)
        self.phase.setText(self.tr("The import has started."))
        text = self.tr("The image is being imported. The import ID is saved in the ledger "
                       "(History); you can close the wizard and follow it later.")
        if result is not None and getattr(result, "converted", False):
            text += "\n" + self.tr("Converted to streamOptimized and uploaded %1 to %2 (SHA1 "
                                   "%3, of the object).").replace(
                "%1", format_size(result.size)).replace("%2", result.location).replace(
                "%3", result.sha1)
        elif result is not None:
            text += "\n" + self.tr("Uploaded %1 to %2 (SHA1 %3).").replace(
                "%1", format_size(result.size)).replace("%2", result.location).replace(
                "%3", result.sha1)
        self.message.show_info(text)
        self.import_id.setText(entry.import_id or "")
        self._show_result(True)
        self.completeChanged.emit()
        if result is not None:
            notify.notify(self, self.tr("Upload complete: the import has started"),
                          self.tr("%1: import ID %2").replace("%1", self._disk_name())
                          .replace("%2", entry.import_id or "?"))

    def _failed(self, exc: object) -> None:
        self._running = False
        self.error = exc
        self.pause.setEnabled(False)
        self.cancel.setEnabled(False)
        if isinstance(exc, Cancelled):  # a converting upload stops in the converter too
            self.phase.setText(self.tr("Upload stopped."))
            if self._converting:
                self.message.show_info(self.tr(
                    "The upload was stopped. What was sent is kept: Resume converts the disk "
                    "again up to where it stopped, without sending those segments again, and "
                    "continues. Uploading the same disk later resumes the same way."))
            else:
                self.message.show_info(self.tr("The upload was stopped. What was sent is kept: "
                                               "Resume continues where it stopped."))
            self.retry.setText(self.tr("&Resume"))
        else:
            self.phase.setText(self.tr("Not registered."))
            self.message.show_error(error_text(exc))
            self.retry.setText(self.tr("&Retry"))
            notify.notify(self, self.tr("The import was not registered"),
                          f"{self._disk_name()}: {error_text(exc).splitlines()[0]}")
        self._show_error_actions(exc)
        self.completeChanged.emit()

    def _disk_name(self) -> str:
        """How the notification names the import: the image name, else the disk's file."""
        plan = self.plan
        return plan.name or (plan.file.name if plan.file is not None else plan.object_name)

    # --- buttons -------------------------------------------------------------------------------
    def _pause_toggled(self, paused: bool) -> None:
        if self.control is None:
            return
        if paused:
            self.control.pause()
            self.pause.setText(self.tr("&Resume"))
        else:
            self.control.resume()
            self.pause.setText(self.tr("&Pause"))

    def _cancel_clicked(self) -> None:
        if self.control is not None:
            self.cancel.setEnabled(False)
            self.phase.setText(self.tr("Stopping…"))
            self.control.cancel()

    def _go_to_field(self) -> None:
        field = getattr(self.error, "field", Field.NONE)
        if isinstance(field, Field) and field is not Field.NONE:
            self.host.go_to_field(field)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.import_id.text())

    # --- state ---------------------------------------------------------------------------------
    def _show_result(self, shown: bool) -> None:
        for widget in (self.import_id_label, self.import_id, self.copy):
            widget.setVisible(shown)

    def _show_error_actions(self, exc: object | None) -> None:
        field = getattr(exc, "field", Field.NONE) if exc is not None else Field.NONE
        # Go to field goes back: to a page before this one
        jump = isinstance(field, Field) and page_of(field) < PageId.SUBMIT
        self.go_to_field.setVisible(bool(jump))
        retry = exc is not None and (isinstance(exc, Cancelled)
                                     or bool(getattr(exc, "retryable", False)))
        self.retry.setVisible(retry)

    def isComplete(self) -> bool:
        return self.plan.import_id is not None and not self._running

    def cleanupPage(self) -> None:
        """Going back (Go to field) keeps the upload result: only the register is redone."""
        if self.control is not None and self._running:
            self.control.cancel()
