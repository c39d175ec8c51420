"""Page 3 as a person uses it: the destination is checked on a worker as the names are typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from helpers import corpus
from helpers.wizard import sign_in
from vmdkimport.core.plan import PageId
from vmdkimport.core.upload.segments import Manifest
from vmdkimport.qt.pages.destination import DestinationPage
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.wizard import ImportWizard

MIB = 1024 * 1024
LEFT = Qt.MouseButton.LeftButton


def sign_in_and_choose_disk(qtbot: QtBot, wizard: ImportWizard, cloud: Any,
                            tmp_path: Path) -> None:
    sign_in(qtbot, wizard, cloud)
    wizard.next()
    disk_page = wizard.pages[PageId.DISK]
    assert isinstance(disk_page, DiskPage)
    disk = corpus.stream_vmdk_gd_at_end(tmp_path / "web01.vmdk", 64 * MIB, {0: b"boot"})
    qtbot.keyClicks(disk_page.file_edit, str(disk))
    qtbot.keyClick(disk_page.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(disk_page.isComplete, timeout=10_000)
    assert wizard.plan.object_name == "web01.vmdk"


def to_destination(qtbot: QtBot, wizard: ImportWizard) -> DestinationPage:
    wizard.next()
    assert wizard.currentId() == PageId.DESTINATION
    page = wizard.pages[PageId.DESTINATION]
    assert isinstance(page, DestinationPage)
    wait_for_check(qtbot, page)
    return page


def wait_for_check(qtbot: QtBot, page: DestinationPage) -> None:
    qtbot.waitUntil(lambda: not page.is_checking() and page.current_check() is not None,
                    timeout=10_000)


def retype(qtbot: QtBot, edit: Any, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_new_object(qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    sign_in_and_choose_disk(qtbot, wizard, sandbox, tmp_path)
    page = to_destination(qtbot, wizard)
    assert page.container.currentText() == "images"
    assert page.object_edit.text() == "web01.vmdk"
    assert page.location.text() == f"/v1/AUTH_{sandbox.project_id}/images/web01.vmdk"
    assert "will be uploaded" in page.check_message.text()
    assert not page.replace.isVisible()
    assert not page.advanced.isVisible()
    assert page.isComplete()
    assert page.validatePage()
    assert wizard.plan.container == "images"
    assert wizard.plan.overwrite is False
    assert wizard.settings.value("destination/container") == "images"


def test_different_object_needs_consent_to_replace(qtbot: QtBot, wizard: ImportWizard,
                                                   sandbox: Any, tmp_path: Path) -> None:
    sign_in_and_choose_disk(qtbot, wizard, sandbox, tmp_path)
    session = wizard.plan.session
    assert session is not None
    session.storage.create_container("images")
    session.storage.put_object("images", "web01.vmdk", b"someone else's disk")
    page = to_destination(qtbot, wizard)
    assert "Another object" in page.check_message.text()
    assert page.replace.isVisible()
    assert not page.isComplete()
    assert not page.validatePage()
    qtbot.mouseClick(page.replace, LEFT, pos=QPoint(6, page.replace.height() // 2))
    assert page.replace.isChecked()
    assert page.isComplete()
    assert page.validatePage()
    assert wizard.plan.overwrite is True

    # another name: the check runs again after the typing pauses, and nothing is replaced
    retype(qtbot, page.object_edit, "web02.vmdk")
    assert not page.isComplete()  # the earlier check is for the earlier name
    assert not page.replace.isChecked()  # consent was for web01.vmdk only
    wait_for_check(qtbot, page)
    assert "will be uploaded" in page.check_message.text()
    assert not page.replace.isVisible()
    assert page.location.text().endswith("/images/web02.vmdk")
    assert page.isComplete()
    assert page.validatePage()
    assert wizard.plan.object_name == "web02.vmdk"
    assert wizard.plan.overwrite is False


def test_invalid_names_block_next(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                  tmp_path: Path) -> None:
    sign_in_and_choose_disk(qtbot, wizard, sandbox, tmp_path)
    page = to_destination(qtbot, wizard)
    assert page.isComplete()
    line = page.container.lineEdit()
    assert line is not None
    retype(qtbot, line, "my images")
    assert not page.isComplete()
    assert "container name may only contain" in page.container_message.text()
    assert page.location.text() == ""
    assert not page.is_checking()  # nothing is asked for a name that cannot be used
    retype(qtbot, line, "my-images")
    assert page.container_message.text() == ""
    retype(qtbot, page.object_edit, "web01.img")
    assert "must end with .vmdk" in page.object_message.text()
    assert not page.isComplete()
    retype(qtbot, page.object_edit, "disks/web01.vmdk")
    wait_for_check(qtbot, page)
    assert page.isComplete()
    assert page.location.text().endswith("/my-images/disks/web01.vmdk")


def test_advanced_settings_reach_the_plan(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                          tmp_path: Path) -> None:
    sign_in_and_choose_disk(qtbot, wizard, sandbox, tmp_path)
    page = to_destination(qtbot, wizard)
    assert page.segment_size.currentText() == "256 MiB"
    assert page.threads.value() == 4
    assert page.limit.text() == "Unlimited"
    assert page.manifest.currentData() == Manifest.DLO.value
    model = page.manifest.model()
    assert isinstance(model, QStandardItemModel)
    assert model.item(1).isEnabled()  # the sandbox offers SLO
    qtbot.mouseClick(page.advanced_toggle, LEFT)
    assert page.advanced.isVisible()
    page.segment_size.setCurrentIndex(page.segment_size.findData(64 * MIB))
    retype(qtbot, page.threads.lineEdit(), "8")
    retype(qtbot, page.limit.lineEdit(), "10")
    page.manifest.setCurrentIndex(page.manifest.findData(Manifest.SLO.value))
    wait_for_check(qtbot, page)
    assert page.isComplete()
    assert page.validatePage()
    plan = wizard.plan
    assert plan.segment_size == 64 * MIB
    assert plan.threads == 8
    assert plan.limit_rate == 10 * MIB
    assert plan.manifest is Manifest.SLO
    request = plan.upload_request()
    assert (request.segment_size, request.threads, request.limit_rate) == (64 * MIB, 8, 10 * MIB)
