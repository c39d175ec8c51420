"""Conversion with qemu-img: progress to 100, cancel without leftovers, clear failures."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from helpers import corpus
from vmdkimport.core.disk import qemu
from vmdkimport.core.disk.diskformat import OperationCancelled
from vmdkimport.core.disk.preflight import Verdict, inspect

MIB = 1024 * 1024


def convert(source: Path, destination: Path, fmt: str, **kwargs: object) -> list[float]:
    seen: list[float] = []
    qemu.convert_to_stream_optimized(source, destination, on_progress=seen.append,
                                     cancel=threading.Event(), source_format=fmt,
                                     **kwargs)  # type: ignore[arg-type]
    return seen


def test_progress_reaches_100_and_the_result_is_importable(tmp_path: Path) -> None:
    corpus.require_qemu()
    raw = corpus.raw_disk(tmp_path / "server.img", 32 * MIB, data_mib=24)
    before = inspect(raw)
    assert before.can_convert
    assert before.conversion is not None
    out = before.conversion.output
    seen = convert(raw, out, before.conversion.source_format)
    assert seen[-1] == 100.0
    assert seen == sorted(seen)
    assert len(seen) > 2
    after = inspect(out)
    assert after.verdict is Verdict.IMPORTABLE, after.render_text()
    assert after.subformat == "streamOptimized"
    assert after.virtual_size == 32 * MIB
    assert corpus.qemu_identical(raw, "raw", out, "vmdk")
    assert sorted(p.name for p in out.parent.iterdir()) == sorted([out.name, raw.name])


def test_the_converted_disk_names_itself_in_its_descriptor(tmp_path: Path) -> None:
    """qemu-img writes the file name it creates into the embedded descriptor's extent line. The
    conversion used to create ``OUT.vmdk.part`` and rename it, so the finished disk called its
    own extent "OUT.vmdk.part" (qemu ignores the name for a one-file disk; other readers may
    not). It must name the file as it is finally called, and leave no partial file or folder."""
    corpus.require_qemu()
    raw = corpus.raw_disk(tmp_path / "server.img", 4 * MIB, data_mib=2)
    out = tmp_path / "server-stream.vmdk"
    convert(raw, out, "raw")
    head = out.read_bytes()[:64 * 1024]
    assert b'"server-stream.vmdk"' in head
    assert b".part" not in head
    assert sorted(p.name for p in tmp_path.iterdir()) == ["server-stream.vmdk", "server.img"]


@pytest.mark.parametrize("subformat", ["monolithicFlat", "twoGbMaxExtentSparse",
                                       "monolithicSparse"])
def test_conversion_fixes_what_the_preflight_flags(qemu_corpus: dict[str, Path], tmp_path: Path,
                                                   subformat: str) -> None:
    result = inspect(qemu_corpus[subformat])
    assert result.conversion is not None
    out = tmp_path / f"{subformat}-fixed.vmdk"
    convert(result.conversion.source, out, result.conversion.source_format)
    assert inspect(out).verdict is Verdict.IMPORTABLE


def test_snapshot_chain_is_merged(qemu_corpus: dict[str, Path], tmp_path: Path) -> None:
    result = inspect(qemu_corpus["child"])
    assert result.conversion is not None
    out = tmp_path / "merged.vmdk"
    convert(result.conversion.source, out, "vmdk")
    merged = inspect(out)
    assert merged.verdict is Verdict.IMPORTABLE
    assert merged.vmdk is not None
    assert merged.vmdk["descriptor"]["parent_cid"] == "ffffffff"  # type: ignore[index]


def test_hand_made_vmfs_descriptor_converts(tmp_path: Path) -> None:
    corpus.require_qemu()
    corpus.raw_disk(tmp_path / "esx-flat.vmdk", 4 * MIB, data_mib=2)
    desc = tmp_path / "esx.vmdk"
    desc.write_text(corpus.descriptor_text("vmfs", ['RW 8192 VMFS "esx-flat.vmdk"']))
    result = inspect(desc)
    assert result.verdict is Verdict.REFUSED
    assert result.conversion is not None
    out = tmp_path / "esx-stream.vmdk"
    convert(desc, out, "vmdk")
    assert inspect(out).verdict is Verdict.IMPORTABLE
    assert corpus.qemu_identical(tmp_path / "esx-flat.vmdk", "raw", out, "vmdk")


def test_cancel_kills_qemu_img_and_leaves_no_partial_file(tmp_path: Path) -> None:
    corpus.require_qemu()
    raw = tmp_path / "big.raw"
    noise = os.urandom(MIB)  # incompressible: the conversion takes seconds, not milliseconds
    with raw.open("wb") as f:
        for _ in range(96):
            f.write(noise)
    out = tmp_path / "big.vmdk"
    cancel = threading.Event()
    seen: list[float] = []

    def progress(percent: float) -> None:
        seen.append(percent)
        if percent > 0:
            cancel.set()

    started = time.monotonic()
    with pytest.raises(OperationCancelled) as caught:
        qemu.convert_to_stream_optimized(raw, out, on_progress=progress, cancel=cancel,
                                         source_format="raw")
    assert time.monotonic() - started < 10
    assert caught.value.action
    assert seen
    assert seen[-1] < 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.raw"]


def test_cancel_before_start(tmp_path: Path) -> None:
    corpus.require_qemu()
    raw = corpus.raw_disk(tmp_path / "a.img", 4 * MIB)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(OperationCancelled):
        qemu.convert_to_stream_optimized(raw, tmp_path / "a.vmdk", on_progress=lambda _: None,
                                         cancel=cancel, source_format="raw")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.img"]


def test_failure_carries_qemu_img_message(tmp_path: Path) -> None:
    corpus.require_qemu()
    desc = tmp_path / "broken.vmdk"
    desc.write_text(corpus.descriptor_text("monolithicFlat", ['RW 2048 FLAT "gone-flat.vmdk" 0']))
    with pytest.raises(qemu.ConversionFailed) as caught:
        convert(desc, tmp_path / "out.vmdk", "vmdk")
    assert "gone-flat.vmdk" in str(caught.value) or "gone-flat.vmdk" in caught.value.output
    assert caught.value.action
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.vmdk"]


def test_existing_destination_is_not_overwritten_unless_asked(tmp_path: Path) -> None:
    corpus.require_qemu()
    raw = corpus.raw_disk(tmp_path / "a.img", 4 * MIB)
    out = tmp_path / "a.vmdk"
    out.write_bytes(b"keep me")
    with pytest.raises(qemu.ConversionFailed, match="already exists"):
        convert(raw, out, "raw")
    assert out.read_bytes() == b"keep me"
    convert(raw, out, "raw", overwrite=True)
    assert inspect(out).verdict is Verdict.IMPORTABLE
    with pytest.raises(qemu.ConversionFailed, match="cannot replace"):
        convert(out, out, "vmdk", overwrite=True)


def test_without_qemu_img(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(qemu.ENV_VAR, str(tmp_path / "no-such-qemu-img"))
    assert qemu.find_qemu_img() is None
    raw = corpus.raw_disk(tmp_path / "a.img", 4 * MIB)
    with pytest.raises(qemu.QemuNotFound) as caught:
        convert(raw, tmp_path / "a.vmdk", "raw")
    assert "qemu-utils" in caught.value.action
    result = inspect(raw)
    assert result.conversion is not None
    assert not result.can_convert
    assert "qemu-img is not installed" in result.render_text()
    assert "qemu-img convert -p -f raw" in (result.fix or "")


def test_progress_parsing() -> None:
    assert qemu.parse_progress(b"    (0.00/100%)\r    (1.56/100%)\r    (100.00/100%)\r") == [
        0.0, 1.56, 100.0]
    assert qemu.parse_progress(b"garbage") == []


def test_command_is_shell_quoted(tmp_path: Path) -> None:
    args = qemu.convert_args(tmp_path / "my disk.img", tmp_path / "out.vmdk",
                             source_format="raw")
    text = qemu.command_text(args)
    assert f"'{tmp_path / 'my disk.img'}'" in text
    assert text.startswith("qemu-img convert -p -f raw -O vmdk -o subformat=streamOptimized")
