"""What every page shares: the plan, the settings, background tasks, error display, focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QWidget, QWizardPage

from vmdkimport.core.plan import ImportPlan
from vmdkimport.core.rules import Field
from vmdkimport.qt import i18n

if TYPE_CHECKING:
    from vmdkimport.qt.settings import Settings
    from vmdkimport.qt.tasks import Report, Task
    from vmdkimport.qt.wizard import ImportWizard


def error_text(exc: object) -> str:
    """What the user reads for a failure: the core's message and action (translated where the
    error catalog has them), never a traceback."""
    return i18n.error_text(exc)


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


class PlanPage(QWizardPage):
    """Base of the wizard's pages."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.import_wizard = wizard
        self._fields: dict[Field, QWidget] = {}

    @property
    def plan(self) -> ImportPlan:
        return self.import_wizard.plan

    @property
    def settings(self) -> Settings:
        return self.import_wizard.settings

    def run(self, fn: Callable[[Report], Any], *, name: str,
            on_success: Callable[[Any], None], on_error: Callable[[object], None],
            on_progress: Callable[[Any], None] | None = None,
            cancel: Callable[[], None] | None = None) -> Task:
        """Run ``fn`` in the background; the callbacks run in the GUI thread."""
        from vmdkimport.qt.tasks import Task  # after the first paint (QThread types, signals)

        task = Task(fn, name=name, cancel=cancel, parent=self)
        task.succeeded.connect(on_success)
        task.failed.connect(on_error)
        if on_progress is not None:
            task.progress.connect(on_progress)
        return task.start()

    def register_field_widget(self, field: Field, widget: QWidget) -> None:
        """The widget to focus when an error names ``field`` ("Go to field")."""
        self._fields[field] = widget

    def focus_field(self, field: Field) -> bool:
        widget = self._fields.get(field)
        if widget is None:
            return False
        from PySide6.QtCore import Qt

        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
