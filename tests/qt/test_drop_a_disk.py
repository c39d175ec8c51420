"""A disk file dropped anywhere on the wizard: the Disk page, with the file chosen and inspected.

The drops are synthetic QDropEvents carrying a file URL, sent where the window system would
send them: to the widget under the pointer (the wizard itself, or a text field of a page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget, QWizard
from pytestqt.qtbot import QtBot

from helpers import corpus
from helpers.wizard import press_next, sign_in, start_at
from vmdkimport.core.plan import ImportPlan, PageId
from vmdkimport.qt.pages.connection import ConnectionPage
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.wizard import ImportWizard

MIB = 1024 * 1024
LEFT = Qt.MouseButton.LeftButton


def a_disk(folder: Path, name: str) -> Path:
    return corpus.stream_vmdk_gd_at_end(folder / name, 64 * MIB, {0: b"boot"})


def files(*paths: Path) -> QMimeData:
    """What a file manager's drag carries: the file's URL, and its path as text."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    mime.setText("\n".join(str(p) for p in paths))
    return mime


def drop(target: QWidget, mime: QMimeData) -> bool:
    """Drag ``mime`` over ``target`` and drop it there; whether the drop was taken."""
    at = QPointF(10, 10)
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, LEFT,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(at, Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def disk_page(wizard: ImportWizard) -> DiskPage:
    page = wizard.pages[PageId.DISK]
    assert isinstance(page, DiskPage)
    return page


def chosen(wizard: ImportWizard, disk: Path) -> bool:
    """The wizard is on the Disk page with ``disk`` chosen and accepted."""
    page = disk_page(wizard)
    return (wizard.currentId() == PageId.DISK and page.file_edit.text() == str(disk)
            and page.isComplete() and wizard.plan.file == disk)


def test_a_disk_dropped_on_the_signed_in_connection_page_is_chosen(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    disk = a_disk(tmp_path, "web01.vmdk")
    sign_in(qtbot, wizard, sandbox)
    assert wizard.currentId() == PageId.CONNECTION
    assert drop(wizard, files(disk))
    qtbot.waitUntil(lambda: chosen(wizard, disk), timeout=10_000)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_disk_dropped_on_a_later_page_replaces_the_first(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    first, second = a_disk(tmp_path, "first.vmdk"), a_disk(tmp_path, "second.vmdk")
    sign_in(qtbot, wizard, sandbox)
    press_next(qtbot, wizard, PageId.DISK)
    disk_page(wizard).choose_file(first)
    press_next(qtbot, wizard, PageId.DESTINATION)
    press_next(qtbot, wizard, PageId.IMAGE)
    assert drop(wizard, files(second))
    qtbot.waitUntil(lambda: chosen(wizard, second), timeout=10_000)
    assert wizard.plan.object_name == "second.vmdk"  # the values that follow the disk follow


def test_a_disk_dropped_on_a_text_field_is_not_typed_into_it(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    disk = a_disk(tmp_path, "web01.vmdk")
    connection = sign_in(qtbot, wizard, sandbox)
    user = connection.user.text()
    assert drop(connection.user, files(disk))
    assert connection.user.text() == user
    qtbot.waitUntil(lambda: chosen(wizard, disk), timeout=10_000)
    # and on the Disk page's own path field, the file replaces the path (not inserted into it)
    other = a_disk(tmp_path, "other.vmdk")
    assert drop(disk_page(wizard).file_edit, files(other))
    qtbot.waitUntil(lambda: chosen(wizard, other), timeout=10_000)


def test_a_disk_dropped_before_sign_in_waits_for_it(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    disk = a_disk(tmp_path, "web01.vmdk")
    assert drop(wizard, files(disk))
    assert wizard.currentId() == PageId.CONNECTION  # no way past the sign-in
    qtbot.waitUntil(lambda: "sign in" in QToolTip.text().lower(), timeout=5_000)
    assert "web01.vmdk" in QToolTip.text()
    sign_in(qtbot, wizard, sandbox)
    press_next(qtbot, wizard, PageId.DISK)
    qtbot.waitUntil(lambda: chosen(wizard, disk), timeout=10_000)


def test_what_is_not_a_local_file_is_not_taken(qtbot: QtBot, wizard: ImportWizard,
                                               sandbox: Any) -> None:
    connection = sign_in(qtbot, wizard, sandbox)
    text = QMimeData()
    text.setText("just some text")
    assert not drop(wizard, text)
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/disk.vmdk")])
    assert not drop(wizard, web)
    assert wizard.currentId() == PageId.CONNECTION
    # a text field still takes dragged text as text
    assert isinstance(connection, ConnectionPage)
    connection.project.clear()
    assert drop(connection.project, text)
    assert connection.project.text() == "just some text"
    web.setText("https://identity.example.com/v3")
    connection.identity_url.clear()
    assert drop(connection.identity_url, web)
    assert connection.identity_url.text() == "https://identity.example.com/v3"


def test_no_drop_once_the_import_is_registered(qtbot: QtBot, tmp_path: Path,
                                              no_thread_left: None) -> None:
    """On the Status page the disk can no longer change: the drop is refused, not half done."""
    disk = a_disk(tmp_path, "late.vmdk")

    def registered(plan: ImportPlan) -> None:
        plan.import_id = "6bf65660-70ee-4a75-b61a-36ac040c289c"

    wizard = start_at(qtbot, PageId.STATUS, registered)
    assert not drop(wizard, files(disk))
    assert wizard.currentId() == PageId.STATUS
    assert disk_page(wizard).file_edit.text() == ""
