"""The whole wizard as a person walks it: page 1 to a succeeded import, and back to the field
an error names. Nothing is set behind the pages' backs: keys, clicks, and waiting for them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from helpers.wizard import choose_os, press_next, sign_in
from vmdkimport.core.error_catalog import TABLE5
from vmdkimport.core.plan import PageId
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.demo import demo_vmdk_bytes
from vmdkimport.qt import i18n
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.pages.image import ImagePage
from vmdkimport.qt.pages.status import StatusPage
from vmdkimport.qt.pages.submit import SubmitPage
from vmdkimport.qt.wizard import ImportWizard

MIB = 1024 * 1024
LEFT = Qt.MouseButton.LeftButton


pytestmark = pytest.mark.usefixtures("fast_status")




def walk_to_submit(qtbot: QtBot, wizard: ImportWizard, cloud: Any, disk: Path) -> SubmitPage:
    sign_in(qtbot, wizard, cloud)
    page = press_next(qtbot, wizard, PageId.DISK)
    assert isinstance(page, DiskPage)
    qtbot.keyClicks(page.file_edit, str(disk))
    qtbot.keyClick(page.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    press_next(qtbot, wizard, PageId.DESTINATION)
    image = press_next(qtbot, wizard, PageId.IMAGE)
    assert isinstance(image, ImagePage)
    assert image.name.text() == "web01"  # suggested from the file name
    assert image.min_disk.text() == "8"  # the 8 GiB capacity, from the pre-flight
    choose_os(qtbot, image, "centos")
    press_next(qtbot, wizard, PageId.REVIEW)
    submit = press_next(qtbot, wizard, PageId.SUBMIT)
    assert isinstance(submit, SubmitPage)
    return submit


@pytest.fixture
def disk(tmp_path: Path) -> Path:
    path = tmp_path / "web01.vmdk"
    path.write_bytes(demo_vmdk_bytes(8 * 1024**3) + os.urandom(3 * MIB))
    return path


def test_from_sign_in_to_a_succeeded_import(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                            disk: Path) -> None:
    submit = walk_to_submit(qtbot, wizard, sandbox, disk)
    qtbot.waitUntil(submit.isComplete, timeout=60_000)
    import_id = submit.import_id.text()
    assert Ledger().get(import_id) is not None
    status = press_next(qtbot, wizard, PageId.STATUS)
    assert isinstance(status, StatusPage)
    qtbot.waitUntil(lambda: status.last is not None and status.last.state.final,
                    timeout=30_000)
    # succeeded: the sandbox checked the SHA1 computed during the upload against the object
    assert "Succeeded" in status.state.text()
    assert Ledger().get(import_id).status == "succeeded"  # type: ignore[union-attr]
    body = Ledger().get(import_id).as_dict()["body"]  # type: ignore[union-attr]
    assert body["os_type"] == "centos"
    assert body["min_disk"] == 8


@pytest.mark.parametrize(("code", "page_id", "widget"), [
    ("40028", PageId.IMAGE, "name"),
    ("40006", PageId.IMAGE, "os_type"),
    ("40033", PageId.IMAGE, "min_disk"),
    ("40025", PageId.DESTINATION, "object_edit"),
    ("40037", PageId.DISK, "file_edit"),
    ("40011", PageId.CONNECTION, "project"),
])
def test_go_to_field_after_an_error(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                    disk: Path, code: str, page_id: PageId,
                                    widget: str) -> None:
    entry = TABLE5[code]
    sandbox.inject_fault("image-import", "POST", r"^/v1/imageimport$", entry.status or 0,
                         error_code=code)
    submit = walk_to_submit(qtbot, wizard, sandbox, disk)
    qtbot.waitUntil(lambda: submit.error is not None, timeout=60_000)
    assert i18n.core(entry.fix) in submit.message.text()  # worded with the page names
    wizard.activateWindow()
    qtbot.mouseClick(submit.go_to_field, LEFT)
    assert wizard.currentId() == int(page_id)
    target = getattr(wizard.currentPage(), widget)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target, timeout=5_000)


def test_fix_the_field_and_submit_again_without_uploading_twice(
    qtbot: QtBot, wizard: ImportWizard, sandbox: Any, disk: Path
) -> None:
    sandbox.inject_fault("image-import", "POST", r"^/v1/imageimport$", 400, error_code="40028")
    submit = walk_to_submit(qtbot, wizard, sandbox, disk)
    qtbot.waitUntil(lambda: submit.error is not None, timeout=60_000)
    segment_puts = sum(1 for r in sandbox.requests()
                       if r["method"] == "PUT" and "_segments/" in r["path"])
    qtbot.mouseClick(submit.go_to_field, LEFT)
    image = wizard.currentPage()
    assert isinstance(image, ImagePage)
    image.name.selectAll()
    qtbot.keyClicks(image.name, "web01-fixed")
    press_next(qtbot, wizard, PageId.REVIEW)
    again = press_next(qtbot, wizard, PageId.SUBMIT)
    assert isinstance(again, SubmitPage)
    qtbot.waitUntil(again.isComplete, timeout=60_000)
    entry = Ledger().get(again.import_id.text())
    assert entry is not None
    assert entry.name == "web01-fixed"
    assert sum(1 for r in sandbox.requests()
               if r["method"] == "PUT" and "_segments/" in r["path"]) == segment_puts
    assert [e.phase for e in Ledger().entries()] == ["registered", "rejected"]
