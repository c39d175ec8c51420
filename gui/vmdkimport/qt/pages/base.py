"""What every page shares: the plan, the settings, background tasks, focus, "Go to field".

A page knows its wizard only as a :class:`PageHost`: the three things it really uses. The wizard
imports its pages, so a page importing the wizard would close a cycle; :class:`ImportWizard
<vmdkimport.qt.wizard.ImportWizard>` satisfies the protocol structurally, and a test can hand a
page anything else that does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QWidget, QWizardPage

from vmdkimport.core.plan import ImportPlan
from vmdkimport.core.rules import Field
from vmdkimport.qt.settings import Settings

if TYPE_CHECKING:
    from vmdkimport.qt.tasks import Report, Task


class PageHost(Protocol):
    """What a page needs from the wizard that shows it."""

    @property
    def plan(self) -> ImportPlan:
        """Everything chosen so far, shared by all pages."""
        ...

    @property
    def settings(self) -> Settings:
        """The user's settings (proxy, trust, upload defaults, last folders)."""
        ...

    def go_to_field(self, field: Field) -> bool:
        """Go back to the page that holds ``field`` and focus it; False if none does."""
        ...


class PlanPage(QWizardPage):
    """Base of the wizard's pages."""

    def __init__(self, host: PageHost) -> None:
        super().__init__()
        self.host = host
        self._fields: dict[Field, QWidget] = {}

    @property
    def plan(self) -> ImportPlan:
        return self.host.plan

    @property
    def settings(self) -> Settings:
        return self.host.settings

    def run(self, fn: Callable[[Report], Any], *, name: str,
            on_success: Callable[[Any], None], on_error: Callable[[object], None],
            on_progress: Callable[[Any], None] | None = None,
            cancel: Callable[[], None] | None = None) -> Task:
        """Run ``fn`` in the background; the callbacks run in the GUI thread."""
        from vmdkimport.qt.tasks import Task  # deferred: see vmdkimport.qt

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
        from PySide6.QtCore import Qt  # the Qt namespace: see vmdkimport.qt

        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
