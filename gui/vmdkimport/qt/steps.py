"""The side panel of steps: where the user is in the wizard, at a glance.

Installers and VMware's own vCenter Converter list their steps down the left, the current one
marked and the ones done ticked; administrators recognise a wizard by it. The list is the core's
page table (:class:`~vmdkimport.core.plan.PageId`), so a new page appears here by joining it;
a page the plan skipped (the upload destination of an object already in object storage) says so.

It is part of the first paint, so it is cheap: plain-text labels (rich text, a style sheet
or a font of its own each made the first show measurably slower), the current step in bold,
the steps ahead greyed by the style's own disabled colour; no painting of its own, no Qt
namespace (see :mod:`vmdkimport.qt`).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard

from vmdkimport.core.plan import PageId


class Mark(Enum):
    """What the panel says about a step."""

    DONE = "done"
    CURRENT = "current"
    AHEAD = "ahead"
    SKIPPED = "skipped"


#: the sign before a step's name; the current step is also bold
SIGNS = {Mark.DONE: "✓", Mark.CURRENT: "▶", Mark.AHEAD: "", Mark.SKIPPED: "–"}


class StepsPanel(QWidget):
    """One line per page of the table; :meth:`follow` marks them for the current page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 12, 12, 12)
        layout.setSpacing(10)
        names = self.step_names()
        self._labels: dict[PageId, QLabel] = {}
        self._names: dict[PageId, str] = {}
        self._marks: dict[PageId, Mark] = {}
        for page in PageId:
            self._names[page] = names.get(page) or page.name.replace("_", " ").title()
            # no wrapping: the panel takes the width of its longest name, in either language
            label = QLabel(f"{SIGNS[Mark.CURRENT]}  {self._names[page]}")
            self._labels[page] = label
            layout.addWidget(label)
        layout.addStretch(1)
        # Wide enough for the longest name in bold (the current step): plain text measured,
        # plus a fifth, rather than a bold font set up for the first paint.
        widest = max(label.sizeHint().width() for label in self._labels.values())
        self.setMinimumWidth(max(140, widest * 6 // 5 + 16))  # + the layout's margins

    def step_names(self) -> dict[PageId, str]:
        """The step names, translated. A page missing here still shows, by its enum name;
        tests/qt/test_steps_panel.py checks that none is missing."""
        return {PageId.CONNECTION: self.tr("Connection"),
                PageId.DISK: self.tr("Disk image"),
                PageId.DESTINATION: self.tr("Destination"),
                PageId.IMAGE: self.tr("Image settings"),
                PageId.REVIEW: self.tr("Review"),
                PageId.SUBMIT: self.tr("Upload and register"),
                PageId.STATUS: self.tr("Import status")}

    def label(self, page: PageId) -> QLabel:
        return self._labels[page]

    def marks(self) -> dict[PageId, Mark]:
        """Each step's mark, in the table's order."""
        return dict(self._marks)

    def follow(self, current: int, visited: list[int]) -> None:
        """Mark the steps for ``current`` and the pages ``visited`` on the way to it (QWizard's
        history: Back removes a page from it). A page before the current one that the walk
        went past is skipped; one before where the walk started (a wizard opened further on)
        counts as done."""
        first = min(visited, default=current)
        for page in PageId:
            if page == current:
                mark = Mark.CURRENT
            elif page > current:
                mark = Mark.AHEAD
            elif page in visited or page < first:
                mark = Mark.DONE
            else:
                mark = Mark.SKIPPED
            if self._marks.get(page) is not mark:
                self._marks[page] = mark
                self._show(page, mark)

    def finish(self, page: PageId) -> None:
        """``page`` is done though the wizard stays on it: the last step, once the import ended."""
        if self._marks.get(page) is not Mark.DONE:
            self._marks[page] = Mark.DONE
            self._show(page, Mark.DONE)

    def _show(self, page: PageId, mark: Mark) -> None:
        label = self._labels[page]
        text = f"{SIGNS[mark] or ' '}  {self._names[page]}"
        if mark is Mark.CURRENT:  # the one rich-text label: bold
            name = self._names[page].replace("&", "&amp;").replace("<", "&lt;")
            text = f"<b>{SIGNS[mark]}&nbsp;&nbsp;{name}</b>"
        label.setText(text)
        label.setEnabled(mark in (Mark.DONE, Mark.CURRENT))


def install(wizard: QWizard) -> StepsPanel:
    """Give ``wizard`` its steps panel (once: a second call returns the same panel)."""
    existing = wizard.sideWidget()
    if isinstance(existing, StepsPanel):
        return existing
    panel = StepsPanel(wizard)
    wizard.setSideWidget(panel)

    def follow(current: int) -> None:
        panel.follow(current if current >= 0 else int(min(PageId)), wizard.visitedIds())

    wizard.currentIdChanged.connect(follow)
    follow(wizard.currentId())
    return panel


def finished(widget: QWidget, page: PageId) -> None:
    """Tick ``page`` in the panel of the wizard that shows ``widget``, if it has one."""
    wizard = widget.window()
    panel = wizard.sideWidget() if isinstance(wizard, QWizard) else None
    if isinstance(panel, StepsPanel):
        panel.finish(page)
