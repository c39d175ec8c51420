"""Where a streamOptimized disk ends: decided from its grain stream, not from its last sector.

qemu-img (7.2) writes no end-of-stream marker: it ends the file at the sector after the last
grain. When that grain compresses well, the rest of the grain's space happens to be zeros; when
it does not (random, encrypted or already-compressed data), the file ends with grain bytes. Both
are complete disks that ``qemu-img check`` and ``compare`` accept. A copy cut inside the last
grain, before it, or before a grain table is truncated, whichever way the data compresses.
"""

from __future__ import annotations

import struct
import threading
from pathlib import Path

import pytest

from helpers import corpus
from vmdkimport.core.disk import qemu
from vmdkimport.core.disk.preflight import Inspection, Verdict, inspect

MIB = 1024 * 1024
SECTOR = 512


@pytest.fixture(scope="module")
def random_tail(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(raw, stream): 64 MiB, zero but for 1 MiB of random data at the very end."""
    corpus.require_qemu()
    folder = tmp_path_factory.mktemp("random-tail")
    raw = corpus.incompressible_raw(folder / "r.raw", 64 * MIB, at=63 * MIB)
    stream = corpus.qemu_convert(raw, folder / "s.vmdk", "raw", "vmdk",
                                 "subformat=streamOptimized")
    return raw, stream


def grain_offsets(path: Path) -> list[int]:
    """Byte offsets of the allocated grains, in file order (qemu's layout: GD in the header)."""
    data = path.read_bytes()
    gd_offset = struct.unpack_from("<Q", data, 56)[0] * SECTOR
    capacity = struct.unpack_from("<Q", data, 12)[0]
    gd = struct.unpack_from(f"<{-(-capacity // (128 * 512))}I", data, gd_offset)
    out: list[int] = []
    for gt in gd:
        if gt:
            out += [e * SECTOR for e in struct.unpack_from("<512I", data, gt * SECTOR) if e]
    return sorted(out)


def refused_as_truncated(result: Inspection) -> None:
    assert result.verdict is Verdict.REFUSED, result.render_text()
    assert "trunc" in " ".join(result.reasons).lower(), result.render_text()
    assert result.upload_source is None


def test_incompressible_last_grain_is_a_complete_disk(random_tail: tuple[Path, Path]) -> None:
    raw, stream = random_tail
    data = stream.read_bytes()
    assert data[-SECTOR:].strip(b"\x00"), "the file ends with grain bytes, no zeroed sector"
    corpus.qemu("check", "-f", "vmdk", stream)
    assert corpus.qemu_identical(stream, "vmdk", raw, "raw")
    result = inspect(stream)
    assert result.verdict is Verdict.IMPORTABLE, result.render_text()
    assert result.upload_source is not None
    assert result.upload_source.length == stream.stat().st_size


def test_our_own_conversion_of_incompressible_data_is_accepted(
        random_tail: tuple[Path, Path], tmp_path: Path) -> None:
    """What the wizard's Convert… and ``inspect --convert`` write is accepted afterwards."""
    raw, _ = random_tail
    out = qemu.convert_to_stream_optimized(raw, tmp_path / "converted.vmdk",
                                           on_progress=lambda _: None,
                                           cancel=threading.Event(), source_format="raw")
    result = inspect(out)
    assert result.verdict is Verdict.IMPORTABLE, result.render_text()


def test_incompressible_data_in_the_middle_and_at_the_end(tmp_path: Path) -> None:
    raw = corpus.incompressible_raw(tmp_path / "mid.raw", 32 * MIB, at=5 * MIB, length=3 * MIB)
    with raw.open("r+b") as f:  # and a compressible grain last
        f.seek(31 * MIB)
        f.write(b"text " * 1000)
    stream = corpus.qemu_convert(raw, tmp_path / "mid.vmdk", "raw", "vmdk",
                                 "subformat=streamOptimized")
    assert inspect(stream).verdict is Verdict.IMPORTABLE


@pytest.mark.parametrize("cut", ["inside-last-grain", "last-grain-byte", "before-last-grain",
                                 "at-last-grain-start", "inside-grain-tables",
                                 "before-first-grain"])
def test_cut_copies_are_truncated(random_tail: tuple[Path, Path], tmp_path: Path,
                                  cut: str) -> None:
    _, stream = random_tail
    size = stream.stat().st_size
    grains = grain_offsets(stream)
    data = stream.read_bytes()
    gd = struct.unpack_from("<Q", data, 56)[0] * SECTOR
    last_grain_end = grains[-1] + 12 + struct.unpack_from("<I", data, grains[-1] + 8)[0]
    assert size - SECTOR < last_grain_end <= size
    sizes = {"inside-last-grain": size - 20_000, "last-grain-byte": last_grain_end - 1,
             "before-last-grain": grains[-1] - 3 * SECTOR,
             "at-last-grain-start": grains[-1],  # whole grains only: ends on a sector
             "inside-grain-tables": gd + 2 * SECTOR,
             "before-first-grain": grains[0]}
    refused_as_truncated(inspect(corpus.truncated_copy(stream, tmp_path / "cut.vmdk",
                                                       sizes[cut])))


def test_grains_written_out_of_order(tmp_path: Path) -> None:
    """The file's last grain is in a grain table the pre-flight does not sample (the middle
    one): the walk along the stream still finds a cut inside it."""
    disk = corpus.qemu_create(tmp_path / "ooo.vmdk", "vmdk", "96M", "subformat=streamOptimized")
    corpus.qemu_io(disk, "write -c -P 1 0 64k", "write -c -P 2 64M 64k",
                   "write -c -P 3 32M 64k")
    corpus.qemu("check", "-f", "vmdk", disk)
    assert inspect(disk).verdict is Verdict.IMPORTABLE
    grains = grain_offsets(disk)
    data = disk.read_bytes()
    assert struct.unpack_from("<Q", data, grains[-1])[0] == 32 * MIB // SECTOR  # the middle
    refused_as_truncated(inspect(corpus.truncated_copy(disk, tmp_path / "cut.vmdk",
                                                       grains[-1] + 50)))


def test_zero_padding_after_the_last_grain_may_be_missing(
        qemu_corpus: dict[str, Path], tmp_path: Path) -> None:
    """A compressible last grain, the zeros after it dropped: the grain stream is whole."""
    src = qemu_corpus["stream-data"]
    data = src.read_bytes()
    end = -(-len(data.rstrip(b"\x00")) // SECTOR) * SECTOR
    assert end < len(data)
    result = inspect(corpus.truncated_copy(src, tmp_path / "trimmed.vmdk", end))
    assert result.verdict is Verdict.IMPORTABLE, result.render_text()


def test_vmware_stream_with_an_incompressible_last_grain(tmp_path: Path) -> None:
    noise = corpus.incompressible_raw(tmp_path / "noise", 64 * 1024, at=0, length=64 * 1024)
    grains = {0: b"boot" * 100, 127: noise.read_bytes()}
    disk = corpus.stream_vmdk_gd_at_end(tmp_path / "vmware.vmdk", 8 * MIB, grains)
    assert inspect(disk).verdict is Verdict.IMPORTABLE
    data = disk.read_bytes()
    last_gt_marker = data.rindex(struct.pack("<QII", 4, 0, 1))
    for size in (last_gt_marker, last_gt_marker - 1000, len(data) - 1024):
        refused_as_truncated(inspect(corpus.truncated_copy(disk, tmp_path / "cut.vmdk", size)))


def test_a_grain_marker_that_names_the_wrong_grain_is_damage(
        random_tail: tuple[Path, Path], tmp_path: Path) -> None:
    _, stream = random_tail
    copy = tmp_path / "bad-marker.vmdk"
    copy.write_bytes(stream.read_bytes())
    corpus.flip(copy, grain_offsets(copy)[-1], struct.pack("<Q", 8))
    result = inspect(copy)
    assert result.verdict is Verdict.REFUSED
    assert "damaged" in " ".join(result.reasons)


def test_inspecting_reads_only_metadata(random_tail: tuple[Path, Path]) -> None:
    from helpers.reads import ReadCounter

    _, stream = random_tail
    reads = ReadCounter()
    inspect(stream, opener=reads.open)
    assert reads.bytes < 32 * 1024
