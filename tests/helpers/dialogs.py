"""Answering the wizard's questions as a person would: wait for the message box, press a button."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

#: how long to look for the box before giving up (the question may rightly never come)
LOOK_FOR_MS = 3_000
STEP_MS = 20


def answer_next_question(button: QMessageBox.StandardButton) -> list[str]:
    """Press ``button`` on the next message box that opens. Call it before the key or click that
    asks; the returned list receives the question's text (empty: no question was asked)."""
    asked: list[str] = []
    tries = [LOOK_FOR_MS // STEP_MS]

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            asked.append(box.text())
            box.button(button).click()
        elif tries[0] > 0:
            tries[0] -= 1
            QTimer.singleShot(STEP_MS, look)

    QTimer.singleShot(0, look)
    return asked


def close_next_dialog() -> list[str]:
    """Close (reject) the next modal dialog that opens, so a test that expects none fails
    instead of hanging; the returned list receives that dialog's window title."""
    opened: list[str] = []
    tries = [LOOK_FOR_MS // STEP_MS]

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible() and hasattr(dialog, "reject"):
            opened.append(dialog.windowTitle())
            dialog.reject()
        elif tries[0] > 0:
            tries[0] -= 1
            QTimer.singleShot(STEP_MS, look)

    QTimer.singleShot(0, look)
    return opened
