"""History: every import in the local ledger, refreshed from the service on request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vmdkimport.core.register.ledger import Ledger
from vmdkimport.qt.i18n import error_text
from vmdkimport.qt.tasks import Report, Task
from vmdkimport.qt.widgets import MessageLabel

if TYPE_CHECKING:
    from vmdkimport.core.cloud.session import CloudSession

# QT_TRANSLATE_NOOP marks them for lupdate; they are translated when the table is built.
COLUMNS = (
    str(QT_TRANSLATE_NOOP("HistoryDialog", "Started")),
    str(QT_TRANSLATE_NOOP("HistoryDialog", "Import ID")),
    str(QT_TRANSLATE_NOOP("HistoryDialog", "Name")),
    str(QT_TRANSLATE_NOOP("HistoryDialog", "Status")),
    str(QT_TRANSLATE_NOOP("HistoryDialog", "Progress")),
    str(QT_TRANSLATE_NOOP("HistoryDialog", "Location")),
    str(QT_TRANSLATE_NOOP("HistoryDialog", "Region")),
)

#: the words for an import's state in the summary
STATE_WORDS = {
    "succeeded": str(QT_TRANSLATE_NOOP("HistoryDialog", "succeeded")),
    "failed": str(QT_TRANSLATE_NOOP("HistoryDialog", "failed")),
    "processing": str(QT_TRANSLATE_NOOP("HistoryDialog", "converting")),
    "queued": str(QT_TRANSLATE_NOOP("HistoryDialog", "queued")),
    "canceled": str(QT_TRANSLATE_NOOP("HistoryDialog", "canceled")),
    "unknown": str(QT_TRANSLATE_NOOP("HistoryDialog", "unknown to the service")),
}


def summary(counts: object) -> str:
    """"2 succeeded, 1 converting" for the open imports just refreshed. In the dialog's
    context whoever shows it: ``widget.tr`` here was listed by lupdate under "widget" and
    looked up under the caller's class, so the Connection page showed it in English."""
    names = {state: QCoreApplication.translate("HistoryDialog", text)
             for state, text in STATE_WORDS.items()}
    if not isinstance(counts, dict) or not counts:
        return QCoreApplication.translate("HistoryDialog",
                                          "Up to date: no import is still converting.")
    parts = [f"{n} {names.get(state, state)}" for state, n in sorted(counts.items())]
    return QCoreApplication.translate("HistoryDialog", "Earlier imports: %1.").replace(
        "%1", ", ".join(parts))


class HistoryDialog(QDialog):
    def __init__(self, session: CloudSession | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History"))
        self.resize(900, 420)
        self.session = session
        self.ledger = Ledger()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.refresh = QPushButton(self.tr("&Refresh from the service"))
        self.refresh.clicked.connect(self.refresh_from_service)
        if session is None:
            self.refresh.setEnabled(False)
            self.refresh.setToolTip(self.tr("Sign in first (Connection page)."))
        self.message = MessageLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.refresh, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.task: Task | None = None
        self.reload()

    def reload(self) -> None:
        entries = self.ledger.entries()
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            values = (e.created_at.replace("T", " ")[:19], e.import_id or f"({e.phase})",
                      e.name, e.status or e.phase, "" if e.progress is None else f"{e.progress}%",
                      e.location, e.region or "")
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def refresh_from_service(self) -> None:
        session = self.session
        if session is None:
            return
        ledger = self.ledger

        def work(report: Report) -> dict[str, int]:
            from vmdkimport.core.register.submit import refresh_open_imports

            return refresh_open_imports(session.imports, ledger, project_id=session.project_id,
                                        region=session.profile.region or None)

        self.refresh.setEnabled(False)
        self.message.show_info(self.tr("Asking the service…"))
        self.task = Task(work, name="history", parent=self)
        self.task.succeeded.connect(self._refreshed)
        self.task.failed.connect(self._failed)
        self.task.start()

    def _refreshed(self, counts: object) -> None:
        self.refresh.setEnabled(True)
        self.message.show_info(summary(counts))
        self.reload()

    def _failed(self, exc: object) -> None:
        self.refresh.setEnabled(True)
        self.message.show_error(error_text(exc))

    def done(self, result: int) -> None:
        if self.task is not None and self.task.is_running():
            self.task.wait()
        super().done(result)
