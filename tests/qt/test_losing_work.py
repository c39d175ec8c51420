"""Leaving work behind is always a question: Back, Cancel and Escape during an upload, and
Escape or Cancel once signed in with a disk chosen; and Enter always steps forward."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from helpers.dialogs import answer_next_question, close_next_dialog
from helpers.wizard import choose_os, press_next, sign_in
from vmdkimport.core.plan import PageId
from vmdkimport.demo import demo_vmdk_bytes
from vmdkimport.qt.pages.destination import DestinationPage
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.pages.image import ImagePage
from vmdkimport.qt.pages.submit import SubmitPage
from vmdkimport.qt.tasks import Task
from vmdkimport.qt.wizard import ImportWizard

MIB = 1024 * 1024
LEFT = Qt.MouseButton.LeftButton
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No

pytestmark = pytest.mark.usefixtures("fast_status")


@pytest.fixture
def disk(tmp_path: Path) -> Path:
    path = tmp_path / "web01.vmdk"
    path.write_bytes(demo_vmdk_bytes(8 * 1024**3) + os.urandom(8 * MIB))
    return path




def _to_review(qtbot: QtBot, wizard: ImportWizard, cloud: Any, disk: Path, *,
               limit_mib: int = 0) -> None:
    sign_in(qtbot, wizard, cloud)
    page = press_next(qtbot, wizard, PageId.DISK)
    assert isinstance(page, DiskPage)
    qtbot.keyClicks(page.file_edit, str(disk))
    qtbot.keyClick(page.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    if page.convert_upload.isChecked():
        # sent as it is: converted, the nearly empty sample would be gone before the question
        qtbot.mouseClick(page.convert_upload, LEFT)
        assert not page.convert_upload.isChecked()
        qtbot.waitUntil(page.isComplete, timeout=30_000)
    destination = press_next(qtbot, wizard, PageId.DESTINATION)
    assert isinstance(destination, DestinationPage)
    if limit_mib:  # a slow line: the upload is still running when the user has second thoughts
        qtbot.mouseClick(destination.advanced_toggle, LEFT)
        destination.limit.setFocus()
        destination.limit.selectAll()
        qtbot.keyClicks(destination.limit, str(limit_mib))
        assert destination.limit.value() == limit_mib
    image = press_next(qtbot, wizard, PageId.IMAGE)
    assert isinstance(image, ImagePage)
    choose_os(qtbot, image, "centos")
    press_next(qtbot, wizard, PageId.REVIEW)


def _uploading(qtbot: QtBot, wizard: ImportWizard, cloud: Any, disk: Path) -> SubmitPage:
    _to_review(qtbot, wizard, cloud, disk, limit_mib=1)
    submit = press_next(qtbot, wizard, PageId.SUBMIT)
    assert isinstance(submit, SubmitPage)
    qtbot.waitUntil(lambda: submit.progress.value() > 0, timeout=30_000)
    return submit


def _upload_running() -> bool:
    return any(task.name == "upload" for task in Task.running())


def test_back_during_the_upload_asks_first(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                           disk: Path) -> None:
    _uploading(qtbot, wizard, sandbox, disk)
    back = wizard.button(QWizard.WizardButton.BackButton)
    asked = answer_next_question(NO)
    qtbot.mouseClick(back, LEFT)
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    assert "upload is running" in asked[0]
    assert wizard.currentId() == int(PageId.SUBMIT)
    assert _upload_running()
    asked = answer_next_question(YES)
    qtbot.mouseClick(back, LEFT)
    qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.REVIEW), timeout=5_000)
    assert asked
    qtbot.waitUntil(lambda: not _upload_running(), timeout=10_000)


@pytest.mark.parametrize("how", ["escape", "cancel"])
def test_escape_or_cancel_during_the_upload_asks_first(qtbot: QtBot, wizard: ImportWizard,
                                                       sandbox: Any, disk: Path,
                                                       how: str) -> None:
    submit = _uploading(qtbot, wizard, sandbox, disk)
    asked = answer_next_question(NO)
    if how == "escape":
        qtbot.keyClick(submit, Qt.Key.Key_Escape)
    else:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), LEFT)
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    assert "upload is running" in asked[0]
    assert wizard.isVisible()
    assert _upload_running()
    qtbot.mouseClick(submit.cancel, LEFT)  # stop it the way the page offers
    qtbot.waitUntil(lambda: not _upload_running(), timeout=10_000)


def test_escape_when_signed_in_with_a_disk_asks_first(qtbot: QtBot, wizard: ImportWizard,
                                                      sandbox: Any, disk: Path) -> None:
    _to_review(qtbot, wizard, sandbox, disk)
    asked = answer_next_question(NO)
    qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    assert wizard.isVisible()
    asked = answer_next_question(YES)
    qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5_000)
    assert asked


def test_escape_on_a_fresh_wizard_closes_without_a_question(qtbot: QtBot,
                                                            wizard: ImportWizard) -> None:
    asked = answer_next_question(NO)
    qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5_000)
    assert asked == []


def _default_button(wizard: ImportWizard) -> QPushButton | None:
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton,
                  QWizard.WizardButton.FinishButton, QWizard.WizardButton.CustomButton1,
                  QWizard.WizardButton.CustomButton2, QWizard.WizardButton.CustomButton3,
                  QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
        button = wizard.button(which)
        if isinstance(button, QPushButton) and button.isVisible() and button.isDefault():
            return button
    return None


def test_enter_always_steps_forward(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                    disk: Path) -> None:
    _to_review(qtbot, wizard, sandbox, disk)
    assert _default_button(wizard) is wizard.button(QWizard.WizardButton.NextButton)
    submit = press_next(qtbot, wizard, PageId.SUBMIT)
    assert isinstance(submit, SubmitPage)
    qtbot.waitUntil(submit.isComplete, timeout=60_000)
    # the import has started: Enter follows it (it opened History)
    follow = wizard.button(QWizard.WizardButton.CommitButton)
    assert _default_button(wizard) is follow
    focused = QApplication.focusWidget()
    assert focused is not None
    # Enter where the keyboard is: the focus moved on when Pause and Cancel were disabled
    opened = close_next_dialog()
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert opened == []
    qtbot.waitUntil(lambda: wizard.currentId() == int(PageId.STATUS), timeout=5_000)


def test_enter_in_the_password_signs_in(qtbot: QtBot, wizard: ImportWizard,
                                        sandbox: Any) -> None:
    from vmdkimport.qt.pages.connection import ConnectionPage

    page = wizard.pages[PageId.CONNECTION]
    assert isinstance(page, ConnectionPage)
    page.region.setCurrentIndex(page.region.findData("custom"))
    for edit, text in ((page.identity_url, sandbox.identity_url), (page.contract, sandbox.domain),
                       (page.user, sandbox.user), (page.project, sandbox.project_name),
                       (page.password, sandbox.password)):
        qtbot.keyClicks(edit, text)
    # before signing in, the step forward is Sign in
    with qtbot.waitSignal(page.completeChanged, timeout=20_000):
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert wizard.plan.session is not None
    assert wizard.currentId() == int(PageId.CONNECTION)  # the same Enter did not also go on
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert wizard.currentId() == int(PageId.DISK)
