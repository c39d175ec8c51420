"""The Disk page's path field as a newcomer uses it: typed or pasted, never followed by Enter.

The path is inspected shortly after the typing stops (no Enter, no Tab); the page says what is
missing while Next is disabled; Alt with the letter of a wizard button never types that letter
into the path."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from helpers import corpus
from helpers.wizard import sign_in
from vmdkimport.core.disk import preflight
from vmdkimport.core.disk.preflight import Inspection
from vmdkimport.core.plan import PageId
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.wizard import ImportWizard

MIB = 1024 * 1024
#: long enough for the pause after typing and a pre-flight of a small disk; short enough that
#: waiting for Enter (the old behaviour) fails the test quickly
WAIT_MS = 5_000


def to_disk_page(qtbot: QtBot, wizard: ImportWizard, cloud: Any) -> DiskPage:
    sign_in(qtbot, wizard, cloud)
    wizard.next()
    page = wizard.pages[PageId.DISK]
    assert isinstance(page, DiskPage)
    assert wizard.currentPage() is page
    return page


def a_disk(folder: Path, name: str = "web01.vmdk") -> Path:
    return corpus.stream_vmdk_gd_at_end(folder / name, 64 * MIB, {0: b"boot"})


def next_button_enabled(wizard: ImportWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_an_empty_path_says_what_to_do(qtbot: QtBot, wizard: ImportWizard, sandbox: Any) -> None:
    page = to_disk_page(qtbot, wizard, sandbox)
    assert not next_button_enabled(wizard)
    assert "Choose or type the path of a disk file" in page.verdict.text()


def test_a_typed_path_is_inspected_without_enter(qtbot: QtBot, wizard: ImportWizard,
                                                 sandbox: Any, tmp_path: Path) -> None:
    disk = a_disk(tmp_path)
    page = to_disk_page(qtbot, wizard, sandbox)
    page.file_edit.setFocus()
    qtbot.keyClicks(page.file_edit, str(disk))  # and no Enter, no Tab
    qtbot.waitUntil(lambda: next_button_enabled(wizard), timeout=WAIT_MS)
    assert page.file_edit.hasFocus()  # the user is still where they typed
    assert wizard.plan.file == disk
    assert "can be imported" in page.verdict.text()


def test_a_pasted_path_is_inspected(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                    tmp_path: Path) -> None:
    disk = a_disk(tmp_path)
    page = to_disk_page(qtbot, wizard, sandbox)
    QApplication.clipboard().setText(str(disk))
    page.file_edit.setFocus()
    qtbot.keyClick(page.file_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert page.file_edit.text() == str(disk)
    qtbot.waitUntil(lambda: next_button_enabled(wizard), timeout=WAIT_MS)
    assert wizard.plan.file == disk


def test_a_pasted_quoted_path_is_the_file(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                          tmp_path: Path) -> None:
    """Windows' "Copy as path" puts the path in double quotes; a file manager may copy a
    file:// address. Either is the file, not a name with quotes in it."""
    disk = a_disk(tmp_path, "web 01.vmdk")
    page = to_disk_page(qtbot, wizard, sandbox)
    for text in (f'"{disk}"', disk.as_uri()):
        page.file_edit.clear()
        QApplication.clipboard().setText(text)
        page.file_edit.setFocus()
        qtbot.keyClick(page.file_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: next_button_enabled(wizard), timeout=WAIT_MS)
        assert wizard.plan.file == disk
        qtbot.keyClick(page.file_edit, Qt.Key.Key_End)
        qtbot.keyClick(page.file_edit, Qt.Key.Key_Backspace)
        qtbot.waitUntil(lambda: not next_button_enabled(wizard), timeout=WAIT_MS)


def test_a_missing_file_is_named_while_next_is_disabled(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.vmdk"
    page = to_disk_page(qtbot, wizard, sandbox)
    page.file_edit.setFocus()
    qtbot.keyClicks(page.file_edit, str(missing))
    qtbot.waitUntil(lambda: "does not exist" in page.verdict.text(), timeout=WAIT_MS)
    assert str(missing) in page.verdict.text()
    assert not next_button_enabled(wizard)
    # emptied again: back to what to do
    page.file_edit.selectAll()
    qtbot.keyClick(page.file_edit, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "Choose or type the path" in page.verdict.text(), timeout=WAIT_MS)


def test_a_result_for_an_older_text_is_dropped(qtbot: QtBot, wizard: ImportWizard,
                                               sandbox: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    disk = a_disk(tmp_path)
    # the good disk is on a slow share: its inspection lasts until the test lets it end
    release = threading.Event()
    inspect = preflight.inspect

    def slow_inspect(path: Path, **kwargs: Any) -> Inspection:
        if path == disk:
            release.wait(10)
        return inspect(path, **kwargs)

    monkeypatch.setattr(preflight, "inspect", slow_inspect)
    page = to_disk_page(qtbot, wizard, sandbox)
    page.file_edit.setFocus()
    qtbot.keyClicks(page.file_edit, str(disk))
    qtbot.waitUntil(page.is_busy, timeout=WAIT_MS)  # the good path's inspection runs...
    qtbot.keyClicks(page.file_edit, "x")  # ...and the text changes under it
    qtbot.waitUntil(lambda: "does not exist" in page.verdict.text(), timeout=WAIT_MS)
    assert f"{disk}x" in page.verdict.text()
    release.set()  # the good path's answer arrives last, for a text no longer there
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=WAIT_MS)
    assert f"{disk}x" in page.verdict.text()
    assert page.shown_inspection() is None
    assert not page.isComplete()
    assert not next_button_enabled(wizard)
    assert wizard.plan.file is None


def test_alt_n_on_a_disabled_next_types_nothing(qtbot: QtBot, wizard: ImportWizard,
                                                sandbox: Any, tmp_path: Path) -> None:
    disk = a_disk(tmp_path)
    page = to_disk_page(qtbot, wizard, sandbox)
    page.file_edit.setFocus()
    assert not next_button_enabled(wizard)
    qtbot.keyClick(page.file_edit, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert page.file_edit.text() == ""
    qtbot.keyClicks(page.file_edit, str(disk))
    qtbot.keyClick(page.file_edit, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # hidden
    assert page.file_edit.text() == str(disk)
    # once the disk is accepted, Alt+N is Next again
    qtbot.waitUntil(lambda: next_button_enabled(wizard), timeout=WAIT_MS)
    qtbot.keyClick(page.file_edit, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    # a mnemonic "animates" the click: the button is pressed for a moment, then clicked
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.DESTINATION, timeout=WAIT_MS)


def test_the_message_stays_under_the_path(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                          tmp_path: Path) -> None:
    """With no details to show (a missing file), the message sat halfway down the page, far
    from the path it is about (seen in a screenshot)."""
    page = to_disk_page(qtbot, wizard, sandbox)
    page.file_edit.setFocus()
    qtbot.keyClicks(page.file_edit, str(tmp_path / "missing.vmdk"))
    qtbot.waitUntil(lambda: "does not exist" in page.verdict.text(), timeout=WAIT_MS)
    field_bottom = page.file_edit.mapTo(page, page.file_edit.rect().bottomLeft()).y()
    message_top = page.verdict.mapTo(page, page.verdict.rect().topLeft()).y()
    text_top = message_top + (page.verdict.height() - page.verdict.sizeHint().height()) // 2
    assert text_top - field_bottom < 2 * page.fontMetrics().height()
