"""Page 2 as a person uses it: type or drop a disk, read the verdict, convert, or pick an object."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QRadioButton, QWizard
from pytestqt.qtbot import QtBot

from helpers import corpus
from helpers.wizard import click, sign_in
from vmdkimport.core import rules
from vmdkimport.core.disk import qemu
from vmdkimport.core.disk.preflight import Verdict
from vmdkimport.core.plan import ChecksumMode, PageId, SourceKind
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.wizard import ImportWizard

MIB = 1024 * 1024
LEFT = Qt.MouseButton.LeftButton


def to_disk_page(qtbot: QtBot, wizard: ImportWizard, cloud: Any) -> DiskPage:
    sign_in(qtbot, wizard, cloud)
    wizard.next()
    assert wizard.currentId() == PageId.DISK
    page = wizard.pages[PageId.DISK]
    assert isinstance(page, DiskPage)
    return page


def type_path(qtbot: QtBot, page: DiskPage, path: Path) -> None:
    """Type the path and press Enter, then wait for the pre-flight."""
    page.file_edit.clear()
    qtbot.keyClicks(page.file_edit, str(path))
    qtbot.keyClick(page.file_edit, Qt.Key.Key_Return)
    assert page.is_busy()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10_000)


def click_radio(qtbot: QtBot, button: QRadioButton) -> None:
    """Click a radio button on its indicator (its label may be much narrower than the row)."""
    qtbot.mouseClick(button, LEFT, pos=QPoint(6, button.height() // 2))


def next_enabled(wizard: ImportWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_stream_optimized_vmdk_is_accepted_with_suggestions(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    disk = corpus.qemu_create(tmp_path / "web01 disk.vmdk", "vmdk", "1536M",
                              "subformat=streamOptimized")
    page = to_disk_page(qtbot, wizard, sandbox)
    assert not page.isComplete()
    assert not next_enabled(wizard)
    type_path(qtbot, page, disk)
    assert page.isComplete()
    assert next_enabled(wizard)
    text = page.details.toPlainText()
    assert "streamOptimized" in text
    assert "1.5 GiB" in text  # the virtual size
    assert "importable" in text
    plan = wizard.plan
    assert plan.source_kind is SourceKind.LOCAL_FILE
    assert plan.file == disk
    assert plan.inspection is not None
    assert plan.inspection.verdict is Verdict.IMPORTABLE
    assert plan.object_name == "web01-disk.vmdk"
    assert plan.min_disk == 2
    assert wizard.nextId() == PageId.DESTINATION


def test_monolithic_flat_descriptor_is_refused_with_its_fix(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    disk = corpus.qemu_create(tmp_path / "flat.vmdk", "vmdk", "16M", "subformat=monolithicFlat")
    page = to_disk_page(qtbot, wizard, sandbox)
    type_path(qtbot, page, disk)
    click(qtbot, page.convert_upload)  # converting while uploading is offered: send it as it is
    assert not page.isComplete()
    assert not next_enabled(wizard)
    assert "cannot be imported" in page.verdict.text()
    inspection = page.shown_inspection()
    assert inspection is not None
    assert inspection.fix
    text = page.details.toPlainText()
    assert "Fix" in text
    assert inspection.fix.split()[0] in text
    assert "monolithicFlat" in text
    assert page.convert.isVisible()  # qemu-img can follow the descriptor


def test_missing_file_says_so(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                              tmp_path: Path) -> None:
    page = to_disk_page(qtbot, wizard, sandbox)
    type_path(qtbot, page, tmp_path / "nothing.vmdk")
    assert not page.isComplete()
    assert "nothing.vmdk" in page.verdict.text()


def test_qcow2_is_converted_then_accepted(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                          tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    source = corpus.qemu_create(tmp_path / "app.qcow2", "qcow2", "64M")
    page = to_disk_page(qtbot, wizard, sandbox)
    type_path(qtbot, page, source)
    assert not page.isComplete()
    assert page.convert.isVisible()
    output = tmp_path / "converted.vmdk"
    asked: list[str] = []

    def save_dialog(parent: object, caption: str, directory: str, filter: str) -> tuple[str, str]:
        asked.append(directory)
        return str(output), ""

    monkeypatch.setattr("vmdkimport.qt.pages.disk.QFileDialog.getSaveFileName", save_dialog)
    seen: list[int] = []
    page.progress.valueChanged.connect(seen.append)
    qtbot.mouseClick(page.convert, LEFT)
    assert asked == [str(tmp_path / "app-stream.vmdk")]  # the pre-flight's suggestion
    assert page.is_converting()
    assert not page.isComplete()
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    assert seen
    assert seen[-1] == 100
    assert page.progress.value() == 100
    assert output.is_file()
    assert wizard.plan.file == output
    assert wizard.plan.inspection is not None
    assert wizard.plan.inspection.subformat == "streamOptimized"
    assert page.file_edit.text() == str(output)


def test_cancelled_conversion_leaves_no_partial_file(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    if os.name == "nt":
        pytest.skip("the slow stand-in for qemu-img is a shell script")
    source = corpus.qemu_create(tmp_path / "app.qcow2", "qcow2", "64M")
    # a qemu-img that writes its output, reports 12 % and then never finishes
    slow = tmp_path / "slow-qemu-img"
    slow.write_text('#!/bin/sh\nfor last; do :; done\n: > "$last"\n'
                    "printf '    (12.00/100%%)\\r'\nexec sleep 60\n")
    slow.chmod(slow.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(qemu.ENV_VAR, str(slow))
    page = to_disk_page(qtbot, wizard, sandbox)
    type_path(qtbot, page, source)
    output = tmp_path / "app-stream.vmdk"
    page.start_conversion(output)
    qtbot.waitUntil(lambda: page.progress.value() == 12, timeout=10_000)
    assert (tmp_path / ".app-stream.vmdk.part" / "app-stream.vmdk").exists()
    assert page.cancel_conversion.isVisible()
    qtbot.mouseClick(page.cancel_conversion, LEFT)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10_000)
    assert "cancelled" in page.verdict.text()
    assert not output.exists()
    assert not [p.name for p in tmp_path.iterdir() if ".part" in p.name]
    assert not page.isComplete()
    assert page.convert.isEnabled()  # it can be started again


def test_dropping_a_file_inspects_it(qtbot: QtBot, wizard: ImportWizard, sandbox: Any,
                                     tmp_path: Path) -> None:
    disk = corpus.stream_vmdk_gd_at_end(tmp_path / "dropped.vmdk", 64 * MIB, {0: b"boot"})
    page = to_disk_page(qtbot, wizard, sandbox)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(disk))])
    enter = QDragEnterEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, LEFT,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, LEFT,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, drop)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10_000)
    assert page.file_edit.text() == str(disk)
    assert page.isComplete()
    assert wizard.plan.file == disk


def test_existing_object_skips_the_destination(qtbot: QtBot, wizard: ImportWizard,
                                               sandbox: Any) -> None:
    page = to_disk_page(qtbot, wizard, sandbox)
    session = wizard.plan.session
    assert session is not None
    session.storage.create_container("images")
    session.storage.put_object("images", "db01.vmdk", b"v" * 3000)
    session.storage.put_object("images", "notes.txt", b"not a disk")
    click_radio(qtbot, page.use_object)
    assert page.use_object.isChecked()
    qtbot.waitUntil(lambda: not page.is_busy() and page.objects.count() > 0, timeout=10_000)
    assert page.container.currentText() == "images"
    assert page.objects.count() == 1  # only the .vmdk
    assert not page.isComplete()
    item = page.objects.item(0)
    assert "db01.vmdk" in item.text()
    qtbot.mouseClick(page.objects.viewport(), LEFT,
                     pos=page.objects.visualItemRect(item).center())
    assert page.isComplete()
    plan = wizard.plan
    assert plan.source_kind is SourceKind.EXISTING_OBJECT
    assert (plan.container, plan.object_name) == ("images", "db01.vmdk")
    assert plan.checksum_mode is ChecksumMode.NONE
    assert plan.name == "db01"
    assert plan.next_page(PageId.DISK) is PageId.IMAGE
    assert wizard.nextId() != PageId.DESTINATION
    if PageId.IMAGE in wizard.pages:
        assert wizard.nextId() == PageId.IMAGE
    # back to a file: the destination comes back into the way
    click_radio(qtbot, page.use_file)
    assert not page.isComplete()  # no file chosen yet
    assert wizard.nextId() == PageId.DESTINATION


# --- past a refusal: "Upload anyway" -----------------------------------------------------------

def truncated_stream(folder: Path, name: str = "cut.vmdk") -> Path:
    """A streamOptimized disk cut inside its last grain: refused as truncated, no conversion."""
    raw = corpus.raw_disk(folder / f"{name}.raw", 16 * MIB, data_mib=8)
    full = corpus.qemu_convert(raw, folder / f"{name}.full", "raw", "vmdk",
                               "subformat=streamOptimized")
    cut = len(full.read_bytes().rstrip(b"\x00")) - 100
    return corpus.truncated_copy(full, folder / name, cut)


def test_a_refused_disk_can_be_uploaded_anyway_deliberately(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    disk = truncated_stream(tmp_path)
    page = to_disk_page(qtbot, wizard, sandbox)
    assert not page.upload_anyway.isVisible()  # nothing refused yet
    type_path(qtbot, page, disk)
    inspection = page.shown_inspection()
    assert inspection is not None
    assert inspection.verdict is Verdict.REFUSED
    # offered, worded as what it is, and off
    assert page.upload_anyway.isVisible()
    assert page.upload_anyway.isEnabled()
    assert not page.upload_anyway.isChecked()
    assert "reject" in page.upload_anyway.text()
    assert not page.isComplete()
    assert not next_enabled(wizard)
    # a person ticks it with the keyboard: Tab to it from the path field, then Space
    page.file_edit.setFocus()
    for _ in range(12):
        if page.upload_anyway.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert page.upload_anyway.hasFocus()
    qtbot.keyClick(page.upload_anyway, Qt.Key.Key_Space)
    assert page.upload_anyway.isChecked()
    assert page.isComplete()
    assert next_enabled(wizard)
    plan = wizard.plan
    assert plan.source_kind is SourceKind.LOCAL_FILE
    assert plan.file == disk
    assert plan.inspection is inspection  # the plan carries the refusal it goes past
    source = plan.upload_source()
    assert (source.path, source.offset, source.whole_file) == (disk, 0, True)
    assert source.stat()[0] == disk.stat().st_size  # the whole file, as it is
    assert plan.object_name == "cut.vmdk"
    assert wizard.nextId() == PageId.DESTINATION
    # and unticked with the mouse: the way is closed again
    click(qtbot, page.upload_anyway)
    assert not page.upload_anyway.isChecked()
    assert not page.isComplete()
    assert not next_enabled(wizard)


def test_upload_anyway_is_never_remembered_across_disks(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    first = truncated_stream(tmp_path, "first.vmdk")
    second = truncated_stream(tmp_path, "second.vmdk")
    good = corpus.qemu_create(tmp_path / "good.vmdk", "vmdk", "16M", "subformat=streamOptimized")
    page = to_disk_page(qtbot, wizard, sandbox)
    type_path(qtbot, page, first)
    click(qtbot, page.upload_anyway)
    assert page.isComplete()
    type_path(qtbot, page, second)  # another refused disk: asked again
    assert page.upload_anyway.isVisible()
    assert not page.upload_anyway.isChecked()
    assert not page.isComplete()
    click(qtbot, page.upload_anyway)
    type_path(qtbot, page, good)  # an importable one: nothing to go past
    assert not page.upload_anyway.isVisible()
    assert not page.upload_anyway.isChecked()
    assert page.isComplete()
    assert wizard.plan.inspection is not None
    assert wizard.plan.inspection.verdict is Verdict.IMPORTABLE
    type_path(qtbot, page, first)  # back to the first: off again
    assert not page.upload_anyway.isChecked()
    assert not page.isComplete()
    # typing another path hides the choice with the verdict it belonged to
    click(qtbot, page.upload_anyway)
    qtbot.keyClicks(page.file_edit, "x")
    assert not page.upload_anyway.isVisible()
    assert not page.isComplete()


def test_upload_anyway_names_the_object_after_the_file_not_its_conversion(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path) -> None:
    source = corpus.qemu_create(tmp_path / "app.qcow2", "qcow2", "64M")
    page = to_disk_page(qtbot, wizard, sandbox)
    type_path(qtbot, page, source)
    assert page.convert.isVisible()  # the fix stays on offer
    assert page.upload_anyway.isVisible()
    click(qtbot, page.upload_anyway)
    assert wizard.plan.upload_source().path == source
    assert wizard.plan.object_name == rules.suggest_object_name(source.name)
    assert "stream" not in wizard.plan.object_name
