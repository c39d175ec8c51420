"""One table joins pages, steps and fields: core.plan.PageId, plus the class of each page.

A new page is one member of PageId (its position and the error-catalog step whose fields it
holds) and one entry in qt.pages.PAGE_CLASSES; these tests fail when the two, the catalog's
steps and fields, or the wizard disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from vmdkimport.core.error_catalog import FIELD_STEP, Step
from vmdkimport.core.plan import STEP_PAGE, ImportPlan, PageId, page_of
from vmdkimport.core.rules import Field
from vmdkimport.qt.pages import PAGE_CLASSES, page_class
from vmdkimport.qt.pages.base import PageHost, PlanPage
from vmdkimport.qt.pages.review import ReviewPage
from vmdkimport.qt.settings import Settings
from vmdkimport.qt.wizard import ImportWizard


def test_pages_are_numbered_in_order_from_zero() -> None:
    assert [int(page) for page in PageId] == list(range(len(PageId)))


@pytest.mark.parametrize("step", list(Step))
def test_every_step_has_exactly_one_page(step: Step) -> None:
    assert [page for page in PageId if page.step is step] == [STEP_PAGE[step]]


@pytest.mark.parametrize("field", list(Field))
def test_every_field_reaches_a_page(field: Field) -> None:
    assert page_of(field).step is FIELD_STEP[field]


def test_every_page_has_a_class_and_nothing_else_does() -> None:
    assert list(PAGE_CLASSES) == list(PageId)
    for page in PageId:
        assert issubclass(page_class(page), PlanPage)


def test_the_wizard_shows_the_table_in_order(wizard: ImportWizard) -> None:
    assert wizard.pageIds() == [int(page) for page in PageId]
    for page in PageId:
        assert type(wizard.page(int(page))) is page_class(page)
    assert wizard.currentId() == int(PageId.CONNECTION)


@dataclass
class Host:
    """Any PageHost will do: a page does not need the wizard itself."""

    plan: ImportPlan = field(default_factory=ImportPlan)
    settings: Settings = field(default_factory=Settings)
    asked: list[Field] = field(default_factory=list)

    def go_to_field(self, field: Field) -> bool:
        self.asked.append(field)
        return True


def test_a_page_asks_its_host_to_go_to_a_field(qtbot: QtBot) -> None:
    host = Host()
    checked: PageHost = host  # mypy checks that the dataclass satisfies the protocol
    page = ReviewPage(checked)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.connection.edit, Qt.MouseButton.LeftButton)
    assert host.asked == [Field.CREDENTIALS]
