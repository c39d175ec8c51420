"""Widgets that pages and dialogs share, so a dialog never imports a page to get one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent


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


class LineEdit(QLineEdit):
    """A text field where Alt with a letter or digit never types: that is a button's or a label's
    key (Alt+N for Next...), and it only reaches the field when that button is disabled or
    hidden; QLineEdit would then type the "n". No field here needs Alt to be typed: AltGr
    arrives as its own key on X11 and as Ctrl+Alt on Windows, both let through."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # here: the Qt namespace costs the first paint ~14 ms

        mods = event.modifiers()
        alt_only = (mods & Qt.KeyboardModifier.AltModifier
                    and not mods & (Qt.KeyboardModifier.ControlModifier
                                    | Qt.KeyboardModifier.MetaModifier))
        key = event.key()
        if alt_only and (Qt.Key.Key_A <= key <= Qt.Key.Key_Z
                         or Qt.Key.Key_0 <= key <= Qt.Key.Key_9):
            event.ignore()  # on to the page and the wizard, which have no use for it either
            return
        super().keyPressEvent(event)
