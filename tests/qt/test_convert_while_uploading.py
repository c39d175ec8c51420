"""Convert while uploading, as a person meets it (issue #15): a VMware Workstation disk goes from
the Disk page to a registered image with no qemu-img anywhere, converted on the way; the Disk
page says about how much will be sent; a stopped upload resumes; "Convert…" to a file works
without qemu-img too; a refused flat disk is no longer a dead end.

The disk: a real Ubuntu 18.04 guest (an ext4 made with ``mkfs.ext4 -d``, tests/helpers/guests.py)
plus 3 MiB of random data after its partition, turned into a monolithicSparse VMDK by qemu-img
before qemu-img is hidden.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers import corpus, guests
from helpers.wizard import MIB, choose_os, click, press_next, sign_in, start_at, upload_plan
from vmdkimport.core.disk import qemu
from vmdkimport.core.disk.preflight import Verdict
from vmdkimport.core.disk.streamopt import convert_to_file
from vmdkimport.core.plan import PageId
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.core.units import format_size
from vmdkimport.core.upload.converting import (
    ConvertingResult,
    conversion_source,
    estimate_conversion,
)
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.pages.image import ImagePage
from vmdkimport.qt.pages.status import StatusPage
from vmdkimport.qt.pages.submit import SubmitPage
from vmdkimport.qt.segment_map import CellState
from vmdkimport.qt.wizard import ImportWizard

LEFT = Qt.MouseButton.LeftButton

pytestmark = pytest.mark.usefixtures("fast_status")


@pytest.fixture(scope="module")
def raw_guest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("convert-guest")
    raw = guests.ubuntu1804(folder).path
    with raw.open("r+b") as handle:  # after the partition (1-47 MiB): data the guest never sees
        handle.truncate(56 * MIB)
        handle.seek(50 * MIB)
        handle.write(os.urandom(3 * MIB))
    return raw


@pytest.fixture(scope="module")
def sparse_disk(raw_guest: Path) -> Path:
    """monolithicSparse, Workstation's usual form: what this feature is for."""
    return corpus.qemu_convert(raw_guest, raw_guest.with_name("web01.vmdk"), "raw", "vmdk",
                               "subformat=monolithicSparse")


@pytest.fixture(scope="module")
def flat_disk(raw_guest: Path) -> Path:
    """A monolithicFlat descriptor with its -flat extent: refused as it is."""
    return corpus.qemu_convert(raw_guest, raw_guest.with_name("db01.vmdk"), "raw", "vmdk",
                               "subformat=monolithicFlat")


@pytest.fixture
def no_qemu_img(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """qemu-img is not installed: not on PATH, not configured (as on a Windows workstation)."""
    empty = tmp_path / "no-tools"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv(qemu.ENV_VAR, str(empty / "qemu-img"))
    assert qemu.find_qemu_img() is None
    assert shutil.which("qemu-img") is None


def choose_disk(qtbot: QtBot, page: DiskPage, path: Path) -> None:
    """Type the path and press Enter, then wait for the pre-flight and the guest."""
    page.file_edit.selectAll()
    qtbot.keyClicks(page.file_edit, str(path))
    qtbot.keyClick(page.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.is_busy() and page.shown_inspection() is not None
                    and page.shown_inspection().path == path,  # type: ignore[union-attr]
                    timeout=30_000)


def stored(cloud: Any, wizard: ImportWizard) -> bytes:
    """The object as object storage returns it (a DLO manifest: its segments joined)."""
    session = wizard.plan.session
    assert session is not None
    url = session.storage.url(wizard.plan.container, wizard.plan.object_name)
    return requests.get(url, timeout=60, headers={
        "X-Auth-Token": session.storage.tokens.token().value}).content


def expected_stream(disk: Path, object_name: str, folder: Path) -> bytes:
    """What the converter writes for ``disk`` named ``object_name`` (the name is in the
    descriptor): the bytes the object must be."""
    return convert_to_file(disk, folder / object_name).read_bytes()


def test_a_sparse_disk_is_converted_while_uploading_by_default_without_qemu_img(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, sparse_disk: Path, tmp_path: Path,
        no_qemu_img: None) -> None:
    sign_in(qtbot, wizard, sandbox)
    page = press_next(qtbot, wizard, PageId.DISK)
    assert isinstance(page, DiskPage)
    choose_disk(qtbot, page, sparse_disk)
    inspection = page.shown_inspection()
    assert inspection is not None
    assert inspection.verdict is Verdict.WARN
    # the default fix, with what it will send
    assert page.convert_upload.isVisible()
    assert page.convert_upload.isChecked()
    estimate = estimate_conversion(conversion_source(inspection))  # type: ignore[arg-type]
    text = page.convert_upload.text().replace("&", "")
    assert text.startswith("Convert while uploading (recommended)")
    assert f"about {format_size(estimate.output_bytes)} to send" in text
    assert f"instead of {format_size(sparse_disk.stat().st_size)}" in text
    assert estimate.output_bytes < sparse_disk.stat().st_size
    assert "converted while uploading" in page.verdict.text()
    # the file offer stays, with the built-in writer: no "install qemu-img"
    assert page.convert.isVisible()
    assert "built-in" in page.convert.toolTip()
    assert "qemu-img is not installed" not in page.details.toPlainText()
    assert page.guest_card.state in ("ready", "ready-with-warnings")  # the card still works
    plan = wizard.plan
    assert plan.converts
    assert plan.object_name == "web01.vmdk"
    press_next(qtbot, wizard, PageId.DESTINATION)
    image = press_next(qtbot, wizard, PageId.IMAGE)
    assert isinstance(image, ImagePage)
    choose_os(qtbot, image, "ubuntu")
    press_next(qtbot, wizard, PageId.REVIEW)
    plan.segment_size = MIB  # several segments of a few MiB of stream: the map has cells
    submit = press_next(qtbot, wizard, PageId.SUBMIT)
    assert isinstance(submit, SubmitPage)
    qtbot.waitUntil(submit.isComplete, timeout=60_000)
    result = plan.upload_result
    assert isinstance(result, ConvertingResult)
    expected = expected_stream(sparse_disk, "web01.vmdk", tmp_path)
    assert stored(sandbox, wizard) == expected  # the object is the converter's output
    assert result.sha1 == hashlib.sha1(expected).hexdigest()
    assert result.segments > 1
    assert result.sha1 in submit.message.text()
    assert "Converted to streamOptimized" in submit.message.text()
    assert len(submit.segment_map.cell_states()) == result.segments  # the estimate settled
    entry = Ledger().get(submit.import_id.text())
    assert entry is not None
    assert entry.as_dict()["body"]["checksum"] == result.sha1  # the object's SHA1
    status = press_next(qtbot, wizard, PageId.STATUS)
    assert isinstance(status, StatusPage)
    qtbot.waitUntil(lambda: status.last is not None and status.last.state.final,
                    timeout=30_000)
    assert "Succeeded" in status.state.text()  # the sandbox checked the SHA1 of the object


def test_a_stopped_converting_upload_resumes_without_sending_twice(
        qtbot: QtBot, sandbox: Any, sparse_disk: Path, tmp_path: Path,
        no_qemu_img: None, no_thread_left: None) -> None:
    with upload_plan(sandbox, sparse_disk, object_name="resumed.vmdk",
                     limit_rate=MIB, threads=1) as setup:
        def converting(plan: Any) -> None:
            setup(plan)
            plan.choose_conversion(conversion_source(plan.inspection))

        wizard = start_at(qtbot, PageId.SUBMIT, converting)
        submit = wizard.currentPage()
        assert isinstance(submit, SubmitPage)
        assert submit.phase.text() == "Converting and uploading…"
        qtbot.waitUntil(lambda: CellState.SENT in submit.segment_map.cell_states(),
                        timeout=30_000)
        assert "converted" in submit.details.text()
        assert "segments 1 of about" in submit.details.text()  # an estimate until the end
        qtbot.mouseClick(submit.cancel, LEFT)
        qtbot.waitUntil(lambda: submit.error is not None, timeout=30_000)
        assert "Resume" in submit.retry.text()
        assert submit.retry.isVisible()
        assert "converts the disk again" in submit.message.text()
        sent_before = {r["path"] for r in sandbox.requests()
                       if r["method"] == "PUT" and "_segments/" in r["path"]}
        assert sent_before
        qtbot.mouseClick(submit.retry, LEFT)
        qtbot.waitUntil(submit.isComplete, timeout=60_000)
        result = wizard.plan.upload_result
        assert isinstance(result, ConvertingResult)
        assert result.segments_skipped >= 1  # proven by their MD5, not sent again
        puts = [r["path"] for r in sandbox.requests()
                if r["method"] == "PUT" and "_segments/" in r["path"]]
        assert len(puts) <= result.segments + wizard.plan.threads  # at most those in flight
        expected = expected_stream(sparse_disk, "resumed.vmdk", tmp_path)
        assert stored(sandbox, wizard) == expected
        assert result.sha1 == hashlib.sha1(expected).hexdigest()


def test_convert_to_a_file_uses_the_built_in_writer_without_qemu_img(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, sparse_disk: Path, tmp_path: Path,
        no_qemu_img: None, monkeypatch: pytest.MonkeyPatch) -> None:
    sign_in(qtbot, wizard, sandbox)
    page = press_next(qtbot, wizard, PageId.DISK)
    assert isinstance(page, DiskPage)
    choose_disk(qtbot, page, sparse_disk)
    output = tmp_path / "web01-copy.vmdk"
    monkeypatch.setattr("vmdkimport.qt.pages.disk.QFileDialog.getSaveFileName",
                        lambda *args: (str(output), ""))
    seen: list[int] = []
    page.progress.valueChanged.connect(seen.append)
    qtbot.mouseClick(page.convert, LEFT)
    qtbot.waitUntil(lambda: not page.is_converting() and not page.is_busy()
                    and page.isComplete(), timeout=30_000)
    assert seen
    assert seen[-1] == 100
    (tmp_path / "expected").mkdir()
    assert output.read_bytes() == expected_stream(sparse_disk, output.name,
                                                  tmp_path / "expected")
    # the copy is what the page uses now: streamOptimized, nothing left to convert
    assert wizard.plan.file == output
    inspection = wizard.plan.inspection
    assert inspection is not None
    assert inspection.subformat == "streamOptimized"
    assert inspection.verdict is Verdict.IMPORTABLE
    assert not page.convert_upload.isVisible()
    assert not wizard.plan.converts


def test_a_refused_flat_disk_is_fixed_by_converting_and_can_be_unticked(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, flat_disk: Path,
        no_qemu_img: None) -> None:
    sign_in(qtbot, wizard, sandbox)
    page = press_next(qtbot, wizard, PageId.DISK)
    assert isinstance(page, DiskPage)
    choose_disk(qtbot, page, flat_disk)
    inspection = page.shown_inspection()
    assert inspection is not None
    assert inspection.verdict is Verdict.REFUSED
    assert page.convert_upload.isChecked()
    assert "instead of" in page.convert_upload.text()  # the whole disk, as the flat extent
    assert "converted while uploading" in page.verdict.text()
    assert not page.upload_anyway.isVisible()  # converting is the fix: nothing to go past
    assert page.isComplete()
    assert wizard.plan.converts
    assert wizard.plan.object_name.endswith(".vmdk")
    # unticked: the refusal is back, with its way past
    click(qtbot, page.convert_upload)
    assert not page.convert_upload.isChecked()
    assert "cannot be imported" in page.verdict.text()
    assert page.upload_anyway.isVisible()
    assert not page.isComplete()
    assert not wizard.plan.converts
    # and ticked again
    click(qtbot, page.convert_upload)
    assert page.isComplete()
    assert wizard.plan.converts
    press_next(qtbot, wizard, PageId.DESTINATION)
