"""The streamOptimized writer: real sources in, a VMDK qemu-img, the pre-flight and our reader
accept out, byte-identical on every run.

One raw image holds real content: an MBR, an ext4 made with ``mkfs.ext4 -d`` over a copy of
files from /usr/share/doc, random data across grain boundaries, compressible text, zeros, and a
partial last grain. qemu-img turns it into every VMDK subformat it writes; each is converted
and the result checked with ``qemu-img check`` and ``qemu-img compare`` against its source.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import struct
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import corpus
from vmdkimport.core.disk.diskformat import DiskFormatError, OperationCancelled
from vmdkimport.core.disk.preflight import Verdict, inspect
from vmdkimport.core.disk.streamopt import (
    GRAIN_BYTES,
    OVERHEAD_SECTORS,
    ConvertSettings,
    StreamConverter,
    convert_to_file,
    read_source_descriptor,
    stream_identity,
)
from vmdkimport.core.disk.virtual import open_virtual_disk
from vmdkimport.core.disk.vmdk import GD_AT_END, SparseHeader

MIB = 1024 * 1024
SECTOR = 512
#: not a whole number of grains (nor of 4 KiB): the last grain is partial
RAW_SIZE = 24 * MIB + 3 * SECTOR
EXT4_AT = MIB
EXT4_SIZE = "16M"
#: real files copied into the ext4 (about this many bytes of /usr/share/doc)
TREE_BYTES = 6 * MIB
RANDOM_REGIONS = ((18 * MIB - 700, 300_000), (21 * MIB + 512, 512), (RAW_SIZE - 5000, 5000))
TEXT_AT = 20 * MIB
SOURCES = ("raw", *corpus.QEMU_VMDK_SUBFORMATS)
QEMU_FORMAT = {"raw": "raw"}


def sha1(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def file_sha1(path: Path) -> str:
    digest = hashlib.sha1()
    with path.open("rb") as f:
        while block := f.read(MIB):
            digest.update(block)
    return digest.hexdigest()


def qemu_check(path: Path) -> None:
    result = subprocess.run([corpus.require_qemu(), "check", "-f", "vmdk", str(path)],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def doc_tree(target: Path, budget: int) -> Path:
    """A copy of real files from /usr/share/doc (in a stable order), about ``budget`` bytes."""
    target.mkdir()
    used = 0
    for path in sorted(Path("/usr/share/doc").rglob("*")):
        if used >= budget:
            break
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        if size > budget // 4:
            continue
        relative = path.relative_to("/usr/share/doc")
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / relative)
        used += size
    assert used > budget // 2, "too few files in /usr/share/doc to fill the image"
    return target


def make_raw(folder: Path) -> Path:
    mkfs = corpus.require_tool("mkfs.ext4")
    fs = folder / "fs.img"
    subprocess.run([mkfs, "-q", "-F", "-d", str(doc_tree(folder / "tree", TREE_BYTES)),
                    str(fs), EXT4_SIZE], check=True, capture_output=True, timeout=60)
    raw = folder / "disk.raw"
    rng = random.Random(15)
    with raw.open("wb") as f:
        f.truncate(RAW_SIZE)
        f.write(corpus.mbr([(0x83, 2048, RAW_SIZE // SECTOR - 2048)]))
        f.seek(EXT4_AT)
        f.write(fs.read_bytes())
        for offset, length in RANDOM_REGIONS:
            f.seek(offset)
            f.write(rng.randbytes(length))
        f.seek(TEXT_AT)
        f.write(b"the quick brown fox jumps over the lazy dog\n" * 20_000)
    return raw


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """name -> source disk; every one reads as ``raw``."""
    corpus.require_qemu()
    d = tmp_path_factory.mktemp("streamopt-sources")
    raw = make_raw(d)
    out = {"raw": raw}
    for sub in corpus.QEMU_VMDK_SUBFORMATS:
        out[sub] = corpus.qemu_convert(raw, d / f"{sub}.vmdk", "raw", "vmdk",
                                       f"subformat={sub}")
    return out


@pytest.fixture(scope="module")
def converted(sources: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
              ) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("streamopt-out")
    return {name: convert_to_file(path, d / f"{name}-stream.vmdk")
            for name, path in sources.items()}


# --- every source subformat ------------------------------------------------------------------

@pytest.mark.parametrize("name", SOURCES)
def test_output_passes_qemu_check_and_compares_identical(
        sources: dict[str, Path], converted: dict[str, Path], name: str) -> None:
    out = converted[name]
    qemu_check(out)
    assert corpus.qemu_identical(sources[name], QEMU_FORMAT.get(name, "vmdk"), out, "vmdk")
    assert corpus.qemu_identical(sources["raw"], "raw", out, "vmdk")
    assert not list(out.parent.glob(".*.part"))


@pytest.mark.parametrize("name", SOURCES)
def test_preflight_calls_the_output_importable(converted: dict[str, Path], name: str) -> None:
    inspection = inspect(converted[name])
    assert inspection.verdict is Verdict.IMPORTABLE, inspection.render_text()
    assert inspection.subformat == "streamOptimized"
    assert inspection.virtual_size == -(-RAW_SIZE // SECTOR) * SECTOR
    assert inspection.vmdk is not None
    assert inspection.vmdk["gd_at_end_footer"] is True


@pytest.mark.parametrize("name", SOURCES)
def test_our_reader_reads_the_output_back(sources: dict[str, Path], converted: dict[str, Path],
                                          name: str) -> None:
    with open_virtual_disk(converted[name]) as disk:
        assert disk.size == RAW_SIZE
        assert sha1(disk.read()) == file_sha1(sources["raw"])


@pytest.mark.parametrize("name", SOURCES)
def test_same_source_gives_byte_identical_output(
        sources: dict[str, Path], converted: dict[str, Path], name: str,
        tmp_path: Path) -> None:
    # another thread count and chunk size: neither may change a byte
    settings = ConvertSettings(threads=3, chunk_bytes=4096 + SECTOR, read_bytes=GRAIN_BYTES)
    again = convert_to_file(sources[name], tmp_path / converted[name].name, settings=settings)
    assert file_sha1(again) == file_sha1(converted[name])
    with open_virtual_disk(sources[name]) as disk:
        converter = StreamConverter(disk, name=converted[name].name,
                                    descriptor=read_source_descriptor(sources[name]))
        pieces = list(converter.chunks())
        assert converter.output_size == converter.output_bytes_done == sum(map(len, pieces))
        assert converter.source_bytes_done == converter.source_bytes_total
    assert all(len(p) == ConvertSettings().chunk_bytes for p in pieces[:-1])
    assert sha1(b"".join(pieces)) == file_sha1(converted[name])


def test_grains_are_the_same_whatever_the_source_layout(converted: dict[str, Path]) -> None:
    """Only the descriptor (extent name, adapter) may differ: the data after it is the same."""
    tails = {name: sha1(path.read_bytes()[21 * SECTOR:]) for name, path in converted.items()}
    assert len(set(tails.values())) == 1, tails


def test_layout_is_vmwares(converted: dict[str, Path]) -> None:
    data = converted["monolithicSparse"].read_bytes()
    header = SparseHeader.parse(data[:SECTOR])
    assert (header.version, header.flags, header.grain_size, header.num_gtes_per_gt) == \
        (3, 0x30001, 128, 512)
    assert (header.gd_offset, header.overhead, header.compress_algorithm) == \
        (GD_AT_END, OVERHEAD_SECTORS, 1)
    assert (header.descriptor_offset, header.descriptor_size, header.rgd_offset) == (1, 20, 0)
    text = data[SECTOR:21 * SECTOR].rstrip(b"\x00").decode()
    assert 'createType="streamOptimized"' in text
    assert 'ddb.adapterType = "ide"' in text  # qemu's default, carried over
    assert 'RW 49155 SPARSE "monolithicSparse-stream.vmdk"' in text
    raw_text = converted["raw"].read_bytes()[SECTOR:21 * SECTOR]
    assert b'ddb.adapterType = "lsilogic"' in raw_text  # nothing to carry over: the default
    # the end: footer marker, footer (gdOffset filled in), end-of-stream marker
    marker, footer, eos = data[-3 * SECTOR:-2 * SECTOR], data[-2 * SECTOR:-SECTOR], data[-SECTOR:]
    assert struct.unpack_from("<QII", marker) == (1, 0, 3)
    assert eos == bytes(SECTOR)
    parsed = SparseHeader.parse(footer)
    assert parsed.gd_offset != GD_AT_END
    gd_marker = data[(parsed.gd_offset - 1) * SECTOR:parsed.gd_offset * SECTOR]
    assert struct.unpack_from("<QII", gd_marker) == (1, 0, 2)
    # the first grain: a marker for LBA 0 and zlib (RFC 1950) data
    lba, _ = struct.unpack_from("<QI", data, OVERHEAD_SECTORS * SECTOR)
    assert lba == 0
    assert data[OVERHEAD_SECTORS * SECTOR + 12] == 0x78  # zlib's header byte


def test_size_is_within_three_percent_of_qemu_img(sources: dict[str, Path],
                                                  converted: dict[str, Path],
                                                  tmp_path: Path) -> None:
    theirs = corpus.qemu_convert(sources["raw"], tmp_path / "qemu.vmdk", "raw", "vmdk",
                                 "subformat=streamOptimized").stat().st_size
    ours = converted["raw"].stat().st_size
    print(f"streamOptimized of the test image: ours {ours} bytes, qemu-img {theirs} bytes")
    assert abs(ours - theirs) <= 0.03 * theirs or ours < theirs


def test_estimate_is_near_the_real_size(sources: dict[str, Path],
                                        converted: dict[str, Path]) -> None:
    with open_virtual_disk(sources["monolithicSparse"]) as disk:
        converter = StreamConverter(disk)
        estimate = converter.estimate()
        assert converter.estimate() == estimate  # cached
    real = converted["monolithicSparse"].stat().st_size
    assert 0.5 * real <= estimate <= 2 * real, (estimate, real)


def test_an_ova_member_converts(sources: dict[str, Path], tmp_path: Path) -> None:
    stream = sources["streamOptimized"]
    ovf = corpus.ovf_xml(disks=[(stream.name, stream.stat().st_size, 1)])
    ova = corpus.ova(tmp_path / "vm.ova", ovf, [stream])
    out = convert_to_file(ova, tmp_path / "member.vmdk", member=stream.name)
    assert corpus.qemu_identical(sources["raw"], "raw", out, "vmdk")
    descriptor = read_source_descriptor(ova)
    assert descriptor is not None
    assert descriptor.create_type == "streamOptimized"


def test_matches_a_vmware_style_stream_after_the_descriptor(tmp_path: Path) -> None:
    """The test corpus's hand-made VMware-style stream and ours agree byte for byte outside the
    descriptor (for a disk of one grain table: VMware writes that table after the grains)."""
    rng = random.Random(4)
    grains = {0: rng.randbytes(GRAIN_BYTES), 3: b"abc" * 5000, 200: rng.randbytes(700),
              511: b"\x01" * GRAIN_BYTES}
    capacity = 512 * GRAIN_BYTES
    vmware = corpus.stream_vmdk_gd_at_end(tmp_path / "vmware.vmdk", capacity, grains)
    out = convert_to_file(vmware, tmp_path / "ours.vmdk")
    a, b = vmware.read_bytes(), out.read_bytes()
    assert a[:SECTOR] == b[:SECTOR]
    assert a[21 * SECTOR:] == b[21 * SECTOR:]


# --- edges -----------------------------------------------------------------------------------

class MemoryDisk:
    """A disk in memory with the converter's protocol; all of it is allocated."""

    def __init__(self, data: bytes, name: str = "memory.raw") -> None:
        self.data = data
        self.name = name

    @property
    def size(self) -> int:
        return len(self.data)

    def pread(self, offset: int, length: int) -> bytes:
        return self.data[offset:offset + length]

    def allocated_ranges(self) -> Iterator[tuple[int, int]]:
        if self.data:
            yield 0, len(self.data)


def test_an_empty_disk_is_metadata_only(tmp_path: Path) -> None:
    empty = corpus.qemu_create(tmp_path / "empty.vmdk", "vmdk", "64M")
    out = convert_to_file(empty, tmp_path / "out.vmdk")
    qemu_check(out)
    assert corpus.qemu_identical(empty, "vmdk", out, "vmdk")
    # header, descriptor, padding; GD marker + one sector of directory; footer; end of stream
    assert out.stat().st_size == (OVERHEAD_SECTORS + 2 + 3) * SECTOR
    assert inspect(out).verdict is Verdict.IMPORTABLE


def test_a_zero_byte_disk_is_refused() -> None:
    with pytest.raises(DiskFormatError, match="empty"):
        StreamConverter(MemoryDisk(b""))


def test_a_size_not_a_whole_sector_reads_back_padded(tmp_path: Path) -> None:
    data = random.Random(2).randbytes(GRAIN_BYTES + 1000)
    converter = StreamConverter(MemoryDisk(data), ConvertSettings(threads=1))
    out = tmp_path / "odd.vmdk"
    out.write_bytes(b"".join(converter.chunks()))
    qemu_check(out)
    with open_virtual_disk(out) as disk:
        assert disk.size == -(-len(data) // SECTOR) * SECTOR
        assert disk.read() == data + bytes(disk.size - len(data))


def test_cancel_midway_leaves_no_file(sources: dict[str, Path], tmp_path: Path) -> None:
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 20

    progress: list[float] = []
    out = tmp_path / "cancelled.vmdk"
    with pytest.raises(OperationCancelled):
        convert_to_file(sources["monolithicFlat"], out, cancelled=cancelled,
                        settings=ConvertSettings(read_bytes=GRAIN_BYTES, chunk_bytes=SECTOR),
                        on_progress=progress.append)
    assert list(tmp_path.iterdir()) == []
    assert progress
    assert progress[-1] < 100
    assert not [t for t in threading.enumerate() if t.name.startswith("streamopt")]


def test_progress_reaches_100(sources: dict[str, Path], tmp_path: Path) -> None:
    progress: list[float] = []
    convert_to_file(sources["monolithicSparse"], tmp_path / "p.vmdk", on_progress=progress.append)
    assert progress == sorted(progress)
    assert progress[-1] == 100.0


def test_a_consumer_that_stops_early_stops_the_threads(sources: dict[str, Path]) -> None:
    with open_virtual_disk(sources["raw"]) as disk:
        converter = StreamConverter(disk, ConvertSettings(threads=2, chunk_bytes=SECTOR))
        stream = converter.chunks()
        next(stream)
        next(stream)
        stream.close()
    assert converter.output_size is None
    assert not [t for t in threading.enumerate() if t.name.startswith("streamopt")]


def test_a_write_error_leaves_no_partial_file(sources: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "gone"
    with pytest.raises(Exception, match="could not be saved"):
        convert_to_file(sources["raw"], folder / "out.vmdk")
    assert not folder.exists()


def test_settings_are_checked_and_named() -> None:
    with pytest.raises(ValueError, match="level"):
        ConvertSettings(level=10)
    with pytest.raises(ValueError, match="threads"):
        ConvertSettings(threads=0)
    assert ConvertSettings().threads >= 1
    assert "level=6" in stream_identity(ConvertSettings())
    assert stream_identity(ConvertSettings(threads=1)) == stream_identity(ConvertSettings())
    assert stream_identity(ConvertSettings(level=1)) != stream_identity(ConvertSettings())


def test_a_hostile_descriptor_value_is_not_copied(tmp_path: Path) -> None:
    text = corpus.descriptor_text("monolithicFlat", ['RW 2048 FLAT "flat.bin" 0'],
                                  adapter='lsi"logic')
    (tmp_path / "flat.bin").write_bytes(b"\x01" * 2048 * SECTOR)
    (tmp_path / "d.vmdk").write_text(text)
    out = convert_to_file(tmp_path / "d.vmdk", tmp_path / "o.vmdk")
    head = out.read_bytes()[:21 * SECTOR]
    assert b'lsi"logic' not in head
    assert b'ddb.adapterType = "lsilogic"' in head
    assert corpus.qemu_identical(tmp_path / "d.vmdk", "vmdk", out, "vmdk")


def test_a_split_sparse_disk_converts_across_its_extents(tmp_path: Path) -> None:
    """twoGbMaxExtentSparse of more than 2 GiB: data on both sides of the extent boundary."""
    disk = corpus.qemu_create(tmp_path / "split.vmdk", "vmdk", "2100M",
                              "subformat=twoGbMaxExtentSparse")
    boundary = 2048 * MIB  # qemu's first extent holds 2 GiB (4194304 sectors)
    corpus.qemu_io(disk, f"write -P 0x5a {boundary - 3 * SECTOR} {GRAIN_BYTES}",
                   f"write -P 0x11 {2099 * MIB} {MIB}", "write -P 0x22 0 4096")
    assert len(list(tmp_path.glob("split-s*.vmdk"))) == 2
    out = convert_to_file(disk, tmp_path / "out.vmdk")
    qemu_check(out)
    assert corpus.qemu_identical(disk, "vmdk", out, "vmdk")
    assert out.stat().st_size < MIB


def test_the_extent_name_follows_the_output_and_stays_safe(tmp_path: Path) -> None:
    data = b"\x07" * GRAIN_BYTES
    named = StreamConverter(MemoryDisk(data), name="ウェブ01.vmdk")
    head = b"".join(named.chunks())[SECTOR:21 * SECTOR].rstrip(b"\x00").decode()
    assert 'SPARSE "ウェブ01.vmdk"' in head
    hostile = StreamConverter(MemoryDisk(data), name='a"\nRW 1 ZERO.vmdk')
    head = b"".join(hostile.chunks())[SECTOR:21 * SECTOR].rstrip(b"\x00").decode()
    assert 'SPARSE "disk.vmdk"' in head
    assert "ZERO" not in head
    raw = StreamConverter(MemoryDisk(data, name="/tmp/x/web.raw"))
    assert raw.name == "web.vmdk"
    out = tmp_path / "ウェブ01.vmdk"
    out.write_bytes(b"".join(named.chunks()))
    assert inspect(out).verdict is Verdict.IMPORTABLE
