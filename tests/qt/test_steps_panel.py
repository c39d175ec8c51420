"""The side panel of steps: every page of the table listed, the current one marked, the ones
done ticked, a skipped one shown as skipped, and Back taking the tick away again."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from helpers.wizard import choose_os, press_next, sign_in
from vmdkimport.core.plan import PageId
from vmdkimport.demo import demo_vmdk_bytes
from vmdkimport.qt import steps
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.pages.image import ImagePage
from vmdkimport.qt.wizard import ImportWizard

MIB = 1024 * 1024
LEFT = Qt.MouseButton.LeftButton
Mark = steps.Mark




def _back(qtbot: QtBot, wizard: ImportWizard, expected: PageId) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), LEFT)
    assert wizard.currentId() == int(expected)


@pytest.fixture
def disk(tmp_path: Path) -> Path:
    path = tmp_path / "web01.vmdk"
    path.write_bytes(demo_vmdk_bytes(8 * 1024**3) + os.urandom(MIB))
    return path


def test_the_panel_lists_every_page_of_the_table_in_order(wizard: ImportWizard) -> None:
    panel = steps.install(wizard)
    assert wizard.sideWidget() is panel
    assert list(panel.marks()) == list(PageId)
    names = [panel.label(page).text() for page in PageId]
    assert all(names)
    assert len(set(names)) == len(names)
    assert panel.marks()[PageId.CONNECTION] is Mark.CURRENT
    assert all(panel.marks()[page] is Mark.AHEAD for page in PageId if page > PageId.CONNECTION)
    assert steps.install(wizard) is panel  # once per wizard, however often it is called


def test_the_panel_follows_the_walk(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                    disk: Path) -> None:
    panel = steps.install(wizard)
    sign_in(qtbot, wizard, sandbox)
    press_next(qtbot, wizard, PageId.DISK)
    assert panel.marks()[PageId.CONNECTION] is Mark.DONE
    assert panel.marks()[PageId.DISK] is Mark.CURRENT
    page = wizard.currentPage()
    assert isinstance(page, DiskPage)
    qtbot.keyClicks(page.file_edit, str(disk))
    qtbot.keyClick(page.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    press_next(qtbot, wizard, PageId.DESTINATION)
    press_next(qtbot, wizard, PageId.IMAGE)
    image = wizard.currentPage()
    assert isinstance(image, ImagePage)
    choose_os(qtbot, image, "centos")
    press_next(qtbot, wizard, PageId.REVIEW)
    marks = panel.marks()
    assert [marks[p] for p in PageId] == [Mark.DONE] * 4 + [Mark.CURRENT, Mark.AHEAD, Mark.AHEAD]
    _back(qtbot, wizard, PageId.IMAGE)
    _back(qtbot, wizard, PageId.DESTINATION)
    marks = panel.marks()
    assert [marks[p] for p in PageId] == [Mark.DONE] * 2 + [Mark.CURRENT] + [Mark.AHEAD] * 4


def test_a_page_the_plan_skips_is_marked_skipped(wizard: ImportWizard) -> None:
    """An object already in object storage needs no upload destination: the walk goes from
    Disk to Image (QWizard's history then lacks Destination)."""
    panel = steps.install(wizard)
    panel.follow(int(PageId.IMAGE), [int(PageId.CONNECTION), int(PageId.DISK)])
    marks = panel.marks()
    assert marks[PageId.DESTINATION] is Mark.SKIPPED
    assert marks[PageId.DISK] is Mark.DONE
    assert marks[PageId.IMAGE] is Mark.CURRENT
    assert panel.label(PageId.DESTINATION).text().startswith("–")
    assert not panel.label(PageId.DESTINATION).isEnabled()


def test_a_wizard_opened_further_on_counts_the_pages_before_as_done(qtbot: QtBot) -> None:
    w = ImportWizard()
    qtbot.addWidget(w)
    w.setStartId(int(PageId.REVIEW))
    panel = steps.install(w)
    w.show()
    qtbot.waitUntil(lambda: panel.marks()[PageId.REVIEW] is Mark.CURRENT, timeout=5_000)
    assert all(panel.marks()[p] is Mark.DONE for p in PageId if p < PageId.REVIEW)


def test_the_step_names_are_translated(qtbot: QtBot) -> None:
    """The names go through tr() in the panel's own context, as the pages' strings do."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    class Japanese(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None,
                      n: int = -1) -> str:
            return f"JA:{source}" if context == "StepsPanel" else ""

    app = QCoreApplication.instance()
    assert app is not None
    translator = Japanese()
    app.installTranslator(translator)
    try:
        w = ImportWizard()
        qtbot.addWidget(w)
        panel = steps.install(w)
        assert all(panel.label(p).text().count("JA:") == 1 for p in PageId)
    finally:
        app.removeTranslator(translator)


def test_the_last_step_is_ticked_when_the_import_has_ended(qtbot: QtBot) -> None:
    """The Status step stayed 'current' after the conversion succeeded: it is done then."""
    from vmdkimport.core.cloud.imageimport import ImportState, ImportStatus
    from vmdkimport.qt.pages.status import StatusPage

    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    wizard.setStartId(int(PageId.STATUS))
    wizard.show()
    panel = steps.install(wizard)
    assert panel.marks()[PageId.STATUS] is steps.Mark.CURRENT
    page = wizard.currentPage()
    assert isinstance(page, StatusPage)
    page._ended(ImportStatus(import_id="6bf65660-70ee-4a75-b61a-36ac040c289c",
                             state=ImportState.SUCCEEDED, progress=100))
    assert panel.marks()[PageId.STATUS] is steps.Mark.DONE
