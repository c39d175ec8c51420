"""Widgets that pages and dialogs share, so a dialog never imports a page to get one."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class MessageLabel(QLabel):
    """A selectable, word-wrapped label for status and error messages.

    The text becomes selectable when there first is one: touching the ``Qt`` namespace builds
    all of its ~90 Python enums (~14 ms), which the first page's first paint need not wait for.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._selectable = False

    def setText(self, text: str) -> None:
        if not self._selectable:
            from PySide6.QtCore import Qt

            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._selectable = True
        super().setText(text)

    def show_info(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)

    def show_error(self, text: str) -> None:
        self.setStyleSheet("color: #b00020;")
        self.setText(text)

    def clear_message(self) -> None:
        self.setStyleSheet("")
        self.clear()
