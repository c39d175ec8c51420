"""VirtualDisk: the guest's bytes of every disk layout the pre-flight accepts, read in place.

One raw image with real content (random data across grain boundaries, an ext4 made with
``mkfs.ext4 -d``, a partial last grain) is turned by qemu-img into every VMDK subformat, by
hand into a VMware-style streamOptimized disk (directory at the end) and a descriptor mixing
FLAT, VMFS, ZERO and SPARSE extents, and packed into OVAs. Whatever the layout, reading it
through :func:`open_virtual_disk` must give the raw image back, byte for byte.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import itertools
import os
import random
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from helpers import corpus
from vmdkimport.core.disk.diskformat import DiskFormatError, DiskReadError
from vmdkimport.core.disk.virtual import VirtualDisk, open_virtual_disk
from vmdkimport.core.disk.vmdk import SparseHeader

MIB = 1024 * 1024
GRAIN = 64 * 1024
#: not a whole number of grains: the last grain is partial
RAW_SIZE = 40 * MIB + 3 * 512
#: random data (offset, length): across grain boundaries, a lone sector, the very end
RANDOM_REGIONS = ((GRAIN - 700, 3 * GRAIN + 1400), (5 * MIB + 512, 512),
                  (7 * MIB - 100, 200), (RAW_SIZE - 5000, 5000))
EXT4_AT = 20 * MIB
#: zeroed by qemu-io ``write -z`` in the zeroed-grain disk (whole grains, inside the ext4 data)
ZEROED = (EXT4_AT + 4 * MIB, 2 * GRAIN)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_all(disk: VirtualDisk, chunk: int = 3 * MIB + 17) -> bytes:
    """Sequential reads of an odd size, so chunks straddle grains and extents."""
    out = bytearray()
    while block := disk.read(chunk):
        out += block
    return bytes(out)


def ext4_image(folder: Path) -> Path:
    mkfs = corpus.require_tool("mkfs.ext4")
    tree = folder / "tree"
    (tree / "etc").mkdir(parents=True)
    (tree / "boot").mkdir()
    (tree / "etc" / "os-release").write_text('NAME="CentOS Linux"\nVERSION_ID="7"\n')
    (tree / "boot" / "vmlinuz-3.10.0-1160.el7.x86_64").write_bytes(random.Random(3).randbytes(
        300_000))
    (tree / "etc" / "fstab").write_text("UUID=1234 / xfs defaults 0 0\n" * 50)
    image = folder / "fs.img"
    subprocess.run([mkfs, "-q", "-F", "-d", str(tree), str(image), "8M"], check=True,
                   capture_output=True, timeout=60)
    return image


def make_raw(folder: Path) -> Path:
    raw = folder / "disk.raw"
    rng = random.Random(13)
    with raw.open("wb") as f:
        f.truncate(RAW_SIZE)
        f.write(corpus.mbr([(0x83, 2048, RAW_SIZE // 512 - 2048)]))
        for offset, length in RANDOM_REGIONS:
            f.seek(offset)
            f.write(rng.randbytes(length))
        f.seek(EXT4_AT)
        f.write(ext4_image(folder).read_bytes())
    return raw


def mixed_descriptor(folder: Path) -> tuple[Path, Path]:
    """A hand-written descriptor with FLAT (at an offset), ZERO, SPARSE and VMFS extents, and the
    raw image it must read as; qemu-img agrees (checked in a test)."""
    rng = random.Random(5)
    a = rng.randbytes(3 * MIB + 512)
    c = bytearray(4 * MIB)
    c[GRAIN - 10:GRAIN + 10] = b"C" * 20
    c[3 * MIB:3 * MIB + 4096] = rng.randbytes(4096)
    d = rng.randbytes(MIB)
    (folder / "mixed-a.bin").write_bytes(rng.randbytes(2048 * 512) + a + b"tail")
    piece_c = folder / "mixed-c.raw"
    piece_c.write_bytes(bytes(c))
    corpus.qemu_convert(piece_c, folder / "mixed-c.vmdk", "raw", "vmdk")
    (folder / "mixed-d.bin").write_bytes(d)
    extents = [f'RW {len(a) // 512} FLAT "mixed-a.bin" 2048', "RW 4096 ZERO",
               f'RW {len(c) // 512} SPARSE "mixed-c.vmdk"',
               f'RW {len(d) // 512} VMFS "/vmfs/volumes/datastore1/vm/mixed-d.bin"']
    text = corpus.descriptor_text("vmfs", extents).replace(
        "/vmfs/volumes/datastore1/vm/", "")
    desc = folder / "mixed.vmdk"
    desc.write_text(text)
    expected = folder / "mixed.raw"
    expected.write_bytes(a + bytes(4096 * 512) + bytes(c) + d)
    # the VMFS extent as ESXi writes it (an absolute datastore path): found next to the file
    datastore = folder / "datastore.vmdk"
    datastore.write_text(corpus.descriptor_text("vmfs", extents))
    return desc, expected


def vmware_stream(raw: Path, out: Path) -> Path:
    """The raw image as VMware writes a streamOptimized disk: its non-zero grains deflated, the
    grain directory at the end, found through the footer."""
    data = raw.read_bytes()
    grains = {i // GRAIN: data[i:i + GRAIN] for i in range(0, len(data), GRAIN)
              if data[i:i + GRAIN].strip(b"\x00")}
    return corpus.stream_vmdk_gd_at_end(out, -(-len(data) // 512) * 512, grains)


@pytest.fixture(scope="session")
def disks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """name -> disk file; ``raw`` is what each must read as (``mixed`` has ``mixed-raw``)."""
    corpus.require_qemu()
    d = tmp_path_factory.mktemp("virtual")
    raw = make_raw(d)
    out: dict[str, Path] = {"raw": raw}
    for sub in corpus.QEMU_VMDK_SUBFORMATS:
        out[sub] = corpus.qemu_convert(raw, d / f"{sub}.vmdk", "raw", "vmdk",
                                       f"subformat={sub}")
    zeroed = corpus.qemu_convert(raw, d / "zeroed.vmdk", "raw", "vmdk", "zeroed_grain=on")
    corpus.qemu_io(zeroed, f"write -z {ZEROED[0]} {ZEROED[1]}")
    zeroed_raw = bytearray(raw.read_bytes())
    zeroed_raw[ZEROED[0]:ZEROED[0] + ZEROED[1]] = bytes(ZEROED[1])
    (d / "zeroed.raw").write_bytes(bytes(zeroed_raw))
    out["zeroed"], out["zeroed-raw"] = zeroed, d / "zeroed.raw"
    out["vmware-stream"] = vmware_stream(raw, d / "vmware-stream.vmdk")
    stream = out["streamOptimized"]
    ovf = corpus.ovf_xml(disks=[(stream.name, stream.stat().st_size, 1)])
    out["ova"] = corpus.ova(d / "vm.ova", ovf, [stream])
    vmware = out["vmware-stream"]
    ovf = corpus.ovf_xml(disks=[(vmware.name, vmware.stat().st_size, 1)])
    out["ova-vmware"] = corpus.ova(d / "vmware.ova", ovf, [vmware])
    out["mixed"], out["mixed-raw"] = mixed_descriptor(d)
    out["datastore"] = d / "datastore.vmdk"
    return out


#: disk name -> the raw image it must read as
SAME_AS_RAW = ("raw", "monolithicSparse", "monolithicFlat", "twoGbMaxExtentSparse",
               "twoGbMaxExtentFlat", "streamOptimized", "vmware-stream", "ova", "ova-vmware")
EXPECTED = {**{name: "raw" for name in SAME_AS_RAW}, "zeroed": "zeroed-raw",
            "mixed": "mixed-raw", "datastore": "mixed-raw"}
SPARSE = ("monolithicSparse", "twoGbMaxExtentSparse", "streamOptimized", "vmware-stream", "ova",
          "ova-vmware", "zeroed")


@pytest.fixture(scope="session")
def opened(disks: dict[str, Path]) -> Iterator[dict[str, VirtualDisk]]:
    """One open VirtualDisk per layout, shared by the random-read examples (caches warm up)."""
    handles = {name: open_virtual_disk(disks[name]) for name in EXPECTED}
    yield handles
    for handle in handles.values():
        handle.close()


@pytest.fixture(scope="session")
def expected(disks: dict[str, Path]) -> dict[str, bytes]:
    return {name: disks[source].read_bytes() for name, source in EXPECTED.items()}


# --- whole disks -----------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_whole_disk_reads_as_the_raw_image(disks: dict[str, Path], expected: dict[str, bytes],
                                           name: str) -> None:
    with open_virtual_disk(disks[name]) as disk:
        assert disk.size == disk.get_size() == len(expected[name])
        assert sha(read_all(disk)) == sha(expected[name])
        assert disk.read(10) == b""
        assert disk.tell() == disk.size
        assert disk.bytes_read > 0


def test_the_mixed_descriptor_is_one_qemu_reads_the_same_way(disks: dict[str, Path]) -> None:
    # qemu (7.2) skips ZERO extent lines altogether, so it checks the others without one.
    copy = disks["mixed"].with_name("mixed-for-qemu.vmdk")
    copy.write_text(disks["mixed"].read_text().replace("RW 4096 ZERO\n", ""))
    whole = disks["mixed-raw"].read_bytes()
    zero_at = 3 * MIB + 512
    without = disks["mixed"].with_name("mixed-without-zero.raw")
    without.write_bytes(whole[:zero_at] + whole[zero_at + 4096 * 512:])
    assert corpus.qemu_identical(copy, "vmdk", without, "raw")
    with open_virtual_disk(copy) as disk:
        assert sha(read_all(disk)) == sha(without.read_bytes())


def test_the_zeroed_grain_disk_has_zeroed_grain_entries(disks: dict[str, Path]) -> None:
    data = disks["zeroed"].read_bytes()
    header = SparseHeader.parse(data[:512])
    gd = struct.unpack_from(f"<{header.gt_count}I", data, header.gd_offset * 512)
    entries = [e for sector in gd if sector
               for e in struct.unpack_from("<512I", data, sector * 512)]
    assert entries.count(1) == ZEROED[1] // GRAIN


def test_the_ext4_inside_reads_back(disks: dict[str, Path]) -> None:
    with open_virtual_disk(disks["vmware-stream"]) as disk:
        superblock = disk.pread(EXT4_AT + 1024, 1024)
    assert superblock[56:58] == b"\x53\xef"


# --- random access ---------------------------------------------------------------------------

FAST = settings(max_examples=int(os.environ.get("VIRTUAL_FUZZ_EXAMPLES", "200")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(name=st.sampled_from(sorted(EXPECTED)), data=st.data())
def test_random_reads_equal_the_raw_slice(opened: dict[str, VirtualDisk],
                                          expected: dict[str, bytes], name: str,
                                          data: st.DataObject) -> None:
    disk, raw = opened[name], expected[name]
    interesting = st.sampled_from([0, GRAIN - 1, GRAIN, 2 * MIB - 3, 3 * MIB + 512, EXT4_AT,
                                   len(raw) - GRAIN, len(raw) - 1, len(raw), len(raw) + 5])
    offset = data.draw(st.one_of(st.integers(0, len(raw) + 1000), interesting), label="offset")
    length = data.draw(st.one_of(st.integers(0, 300_000), st.sampled_from([1, 512, GRAIN + 1])),
                       label="length")
    disk.seek(offset)
    assert disk.read(length) == raw[offset:offset + length]
    assert disk.tell() == offset + len(raw[offset:offset + length])
    assert disk.pread(offset, length) == raw[offset:offset + length]


def test_seek_and_file_object_behaviour(disks: dict[str, Path], expected: dict[str, bytes]
                                        ) -> None:
    raw = expected["streamOptimized"]
    disk = open_virtual_disk(disks["streamOptimized"])
    assert disk.readable()
    assert disk.seekable()
    assert not disk.writable()
    assert disk.seek(-10, io.SEEK_END) == disk.size - 10
    assert disk.read() == raw[-10:]
    assert disk.seek(GRAIN) == GRAIN
    assert disk.seek(5, io.SEEK_CUR) == GRAIN + 5
    buffer = bytearray(100)
    assert disk.readinto(buffer) == 100
    assert bytes(buffer) == raw[GRAIN + 5:GRAIN + 105]
    with pytest.raises(ValueError, match="negative"):
        disk.seek(-1)
    with pytest.raises(io.UnsupportedOperation, match="not writable"):
        disk.write(b"x")
    with io.BufferedReader(disk) as buffered:  # what a library wrapping it would do
        assert buffered.read(7) == raw[GRAIN + 105:GRAIN + 112]
    assert disk.closed
    with pytest.raises(ValueError, match="closed"):
        disk.read(1)


# --- allocated ranges --------------------------------------------------------------------------

def data_bytes(raw: bytes, block: int = 4096) -> Iterator[int]:
    """The first and the last non-zero byte of every 4 KiB block that has any."""
    for offset in range(0, len(raw), block):
        chunk = raw[offset:offset + block]
        stripped = chunk.lstrip(b"\x00")
        if stripped:
            yield offset + len(chunk) - len(stripped)
            yield offset + len(chunk.rstrip(b"\x00")) - 1


def covered(ranges: list[tuple[int, int]], byte: int) -> bool:
    i = bisect.bisect_right([a for a, _ in ranges], byte) - 1
    return i >= 0 and ranges[i][0] <= byte < ranges[i][0] + ranges[i][1]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_allocated_ranges_cover_all_data(opened: dict[str, VirtualDisk],
                                         expected: dict[str, bytes], name: str) -> None:
    ranges = list(opened[name].allocated_ranges())
    assert ranges == sorted(ranges)
    for (a, la), (b, _) in itertools.pairwise(ranges):
        assert a + la < b, "runs are merged and do not overlap"
    assert all(length > 0 and offset + length <= opened[name].size for offset, length in ranges)
    raw = expected[name]
    missed = [byte for byte in data_bytes(raw) if not covered(ranges, byte)]
    assert not missed, (name, missed[:5])
    if name in SPARSE:
        mapped = sum(length for _, length in ranges)
        assert mapped < len(raw) // 2, "the big holes are left out"
        assert not any(a <= EXT4_AT - MIB < a + la for a, la in ranges)
    if name == "zeroed":
        assert not any(a < ZEROED[0] + ZEROED[1] and ZEROED[0] < a + la for a, la in ranges)


# --- split disks: several extent files --------------------------------------------------------

SPLIT_SIZE = 5 * 1024 * MIB
TWO_GIB = 2 * 1024 * MIB
#: data across the extent boundaries at 2 and 4 GiB, and at the very end
SPLIT_DATA = ((TWO_GIB - 70_000, 150_000), (2 * TWO_GIB - 512, 1024), (SPLIT_SIZE - 4096, 4096))


@pytest.fixture(scope="session")
def split(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A 5 GiB disk as twoGbMaxExtentSparse and twoGbMaxExtentFlat (three extent files each;
    sparse on the host's disk, so small), and the raw image."""
    corpus.require_qemu()
    d = tmp_path_factory.mktemp("split")
    raw = d / "split.raw"
    rng = random.Random(21)
    with raw.open("wb") as f:
        f.truncate(SPLIT_SIZE)
        for offset, length in SPLIT_DATA:
            f.seek(offset)
            f.write(rng.randbytes(length))
    out = {sub: corpus.qemu_convert(raw, d / f"split-{sub}.vmdk", "raw", "vmdk",
                                    f"subformat={sub}")
           for sub in ("twoGbMaxExtentSparse", "twoGbMaxExtentFlat")}
    out["raw"] = raw
    return out


@FAST
@given(name=st.sampled_from(["twoGbMaxExtentSparse", "twoGbMaxExtentFlat"]), data=st.data())
def test_random_reads_across_extent_files(split: dict[str, Path], name: str,
                                          data: st.DataObject) -> None:
    region = data.draw(st.sampled_from(SPLIT_DATA), label="region")
    offset = data.draw(st.integers(region[0] - 70_000, region[0] + region[1]), label="offset")
    length = data.draw(st.integers(0, 200_000), label="length")
    with split["raw"].open("rb") as f:
        f.seek(offset)
        want = f.read(length)
    with open_virtual_disk(split[name]) as disk:
        assert disk.size == SPLIT_SIZE
        assert disk.pread(offset, length) == want


def test_split_disks_map_their_data(split: dict[str, Path]) -> None:
    with open_virtual_disk(split["twoGbMaxExtentSparse"]) as disk:
        ranges = list(disk.allocated_ranges())
        assert disk.bytes_read < MIB
    for offset, length in SPLIT_DATA:
        assert any(a <= offset and offset + length <= a + la for a, la in ranges)
    assert sum(la for _, la in ranges) < 2 * MIB
    with open_virtual_disk(split["twoGbMaxExtentFlat"]) as disk:
        assert list(disk.allocated_ranges()) == [(0, SPLIT_SIZE)]


def test_a_missing_extent_file_is_named(split: dict[str, Path], tmp_path: Path) -> None:
    descriptor = tmp_path / split["twoGbMaxExtentFlat"].name
    shutil.copyfile(split["twoGbMaxExtentFlat"], descriptor)
    with pytest.raises(DiskReadError, match=r"f001\.vmdk does not exist"):
        open_virtual_disk(descriptor)


# --- cost -----------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def big_sparse(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """100 GiB disks with 2 MiB of data at the start: nothing else is allocated."""
    corpus.require_qemu()
    d = tmp_path_factory.mktemp("big")
    raw = d / "big.raw"
    with raw.open("wb") as f:
        f.truncate(100 * 1024 * MIB)
        f.write(random.Random(9).randbytes(2 * MIB))
    out = {sub: corpus.qemu_convert(raw, d / f"big-{sub}.vmdk", "raw", "vmdk",
                                    f"subformat={sub}")
           for sub in ("monolithicSparse", "streamOptimized", "twoGbMaxExtentSparse")}
    out["raw"] = raw
    return out


@pytest.mark.parametrize("name", ["monolithicSparse", "streamOptimized", "twoGbMaxExtentSparse"])
def test_reading_a_mib_of_a_huge_sparse_disk_reads_little(big_sparse: dict[str, Path],
                                                         name: str) -> None:
    with big_sparse["raw"].open("rb") as f:
        start = f.read(MIB)
    with open_virtual_disk(big_sparse[name]) as disk:
        assert disk.size == 100 * 1024 * MIB
        assert disk.read(MIB) == start
        assert disk.bytes_read < 2 * MIB, disk.bytes_read
        disk.seek(50 * 1024 * MIB)
        assert disk.read(MIB) == bytes(MIB)
        assert disk.bytes_read < 2 * MIB + 64 * 1024, disk.bytes_read
        assert list(disk.allocated_ranges()) == [(0, 2 * MIB)]


# --- refusals --------------------------------------------------------------------------------

def test_a_delta_disk_is_refused(tmp_path: Path) -> None:
    corpus.qemu_create(tmp_path / "base.vmdk", "vmdk", "8M")
    corpus.qemu("create", "-q", "-f", "vmdk", "-b", "base.vmdk", "-F", "vmdk",
                tmp_path / "child.vmdk")
    with pytest.raises(DiskFormatError, match="snapshot"):
        open_virtual_disk(tmp_path / "child.vmdk")
    (tmp_path / "child-desc.vmdk").write_text(corpus.descriptor_text(
        "monolithicFlat", ['RW 16 FLAT "x-flat.vmdk" 0'], parent_cid="0badcafe"))
    with pytest.raises(DiskFormatError, match="snapshot"):
        open_virtual_disk(tmp_path / "child-desc.vmdk")


@pytest.mark.parametrize("fmt", ["qcow2", "vpc", "vdi"])
def test_other_formats_are_refused(tmp_path: Path, fmt: str) -> None:
    path = corpus.qemu_create(tmp_path / f"disk.{fmt}", fmt, "8M")
    with pytest.raises(DiskFormatError, match="not a disk this tool can read"):
        open_virtual_disk(path)


def test_unsupported_extents_and_missing_members_are_refused(disks: dict[str, Path],
                                                             tmp_path: Path) -> None:
    (tmp_path / "rdm.vmdk").write_text(corpus.descriptor_text(
        "vmfsRawDeviceMap", ['RW 16 VMFSRDM "rdm-rdm.vmdk"']))
    with pytest.raises(DiskFormatError, match="VMFSRDM"):
        open_virtual_disk(tmp_path / "rdm.vmdk")
    (tmp_path / "short.vmdk").write_text(corpus.descriptor_text(
        "monolithicFlat", ['RW 16 FLAT "short-flat.vmdk" 0']))
    (tmp_path / "short-flat.vmdk").write_bytes(b"x" * 4096)
    with pytest.raises(DiskFormatError, match="truncated"):
        open_virtual_disk(tmp_path / "short.vmdk")
    with pytest.raises(DiskFormatError, match="no member"):
        open_virtual_disk(disks["ova"], member="nope.vmdk")
    with open_virtual_disk(disks["ova"], member=disks["streamOptimized"].name) as disk:
        assert disk.size == RAW_SIZE
    with pytest.raises(DiskFormatError, match="not an OVA"):
        open_virtual_disk(disks["raw"], member="x.vmdk")
    (tmp_path / "empty.vmdk").write_bytes(b"")
    with pytest.raises(DiskFormatError):
        open_virtual_disk(tmp_path / "empty.vmdk")


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe-flat.vmdk")
    (tmp_path / "pipe.vmdk").write_text(corpus.descriptor_text(
        "monolithicFlat", ['RW 16 FLAT "pipe-flat.vmdk" 0']))
    for path in (tmp_path / "pipe.vmdk", tmp_path / "pipe-flat.vmdk"):
        with pytest.raises(DiskReadError, match="not a regular file"):
            open_virtual_disk(path)


# --- hostile metadata and grains -------------------------------------------------------------

def stream_parts(path: Path) -> tuple[SparseHeader, list[int], list[int]]:
    """(header in force, grain-table sectors, grain sectors) of a streamOptimized disk."""
    data = path.read_bytes()
    header = SparseHeader.parse(data[:512])
    if header.gd_at_end:
        header = SparseHeader.parse(data[-1024:-512])
    gd = [e for e in struct.unpack_from(f"<{header.gt_count}I", data, header.gd_offset * 512)
          if e]
    grains = sorted(g for t in gd for g in struct.unpack_from("<512I", data, t * 512) if g > 1)
    return header, gd, grains


def read_whole(path: Path) -> bytes:
    with open_virtual_disk(path) as disk:
        list(disk.allocated_ranges())
        return read_all(disk)


@pytest.mark.parametrize(("value", "match"), [
    (0x7FFFFFF0, f"grain 640 lies at byte {0x7FFFFFF0 * 512}, past the end of the file"),
    (3, "grain 640 points into the metadata area"),
])
def test_a_bad_grain_table_entry_fails_on_read_with_the_offset(tmp_path: Path, value: int,
                                                               match: str) -> None:
    # Three grain tables: the pre-flight's checks sample the first and the last, so a bad entry
    # in the middle one is found only when its grain is read.
    raw = tmp_path / "three.raw"
    with raw.open("wb") as f:
        f.truncate(96 * MIB)
        for at in (0, 40 * MIB, 80 * MIB):
            f.seek(at)
            f.write(b"data" * 1000)
    path = corpus.qemu_convert(raw, tmp_path / "bad.vmdk", "raw", "vmdk")
    data = bytearray(path.read_bytes())
    header = SparseHeader.parse(bytes(data[:512]))
    middle = struct.unpack_from("<3I", data, header.gd_offset * 512)[1]
    entry = middle * 512 + 4 * (640 - 512)
    assert struct.unpack_from("<I", data, entry)[0] > 1
    struct.pack_into("<I", data, entry, value)
    path.write_bytes(bytes(data))
    with open_virtual_disk(path) as disk:
        assert disk.pread(0, 4) == b"data"
        with pytest.raises(DiskFormatError, match=match):
            disk.pread(40 * MIB, 4)


def test_damaged_compressed_grains_fail_on_read(disks: dict[str, Path], tmp_path: Path) -> None:
    _, _, grains = stream_parts(disks["vmware-stream"])
    original = disks["vmware-stream"].read_bytes()

    def variant(name: str, offset: int, value: bytes) -> Path:
        path = tmp_path / name
        data = bytearray(original)
        data[offset:offset + len(value)] = value
        path.write_bytes(bytes(data))
        return path

    at = grains[0] * 512
    lba = struct.unpack_from("<Q", original, at)[0]
    garbage = variant("garbage.vmdk", at + 12, b"\xff" * 64)
    with pytest.raises(DiskFormatError, match=f"at byte {at} does not inflate"):
        read_whole(garbage)
    short = zlib.compress(b"x" * 1000)
    wrong_size = variant("short.vmdk", at, struct.pack("<QI", lba, len(short)) + short)
    with pytest.raises(DiskFormatError, match="inflates to 1000 bytes instead of 65536"):
        read_whole(wrong_size)
    wrong_lba = variant("lba.vmdk", at, struct.pack("<Q", lba + 128))
    with pytest.raises(DiskFormatError, match="grain marker"):
        read_whole(wrong_lba)
    huge = variant("huge.vmdk", at + 8, struct.pack("<I", 0xFFFFFFFF))
    with pytest.raises(DiskFormatError, match="impossible compressed size"):
        read_whole(huge)


def test_grain_directory_loop_is_refused(disks: dict[str, Path], tmp_path: Path) -> None:
    source = disks["monolithicSparse"]
    data = bytearray(source.read_bytes())
    header = SparseHeader.parse(bytes(data[:512]))
    first = struct.unpack_from("<I", data, header.gd_offset * 512)[0]
    struct.pack_into("<I", data, header.gd_offset * 512 + 4, first)  # two tables, one place
    path = tmp_path / "loop.vmdk"
    path.write_bytes(bytes(data))
    with pytest.raises(DiskFormatError, match="same or overlapping grain tables"):
        read_whole(path)


#: small disks to mutate (the qemu ones are made from a 4 MiB raw with data in a few grains)
@pytest.fixture(scope="session")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, list[int]]]:
    """name -> (file bytes, offsets worth hitting: header fields, GD, GTs, grain markers)."""
    corpus.require_qemu()
    d = tmp_path_factory.mktemp("virtual-seeds")
    raw = d / "small.raw"
    rng = random.Random(1)
    with raw.open("wb") as f:
        f.truncate(4 * MIB)
        for at in (0, GRAIN - 50, MIB, 3 * MIB + 4096):
            f.seek(at)
            f.write(rng.randbytes(3000) + b"text " * 400)
    paths = {
        "stream": corpus.qemu_convert(raw, d / "s.vmdk", "raw", "vmdk",
                                      "subformat=streamOptimized"),
        "sparse": corpus.qemu_convert(raw, d / "m.vmdk", "raw", "vmdk", "zeroed_grain=on"),
        "vmware": vmware_stream(raw, d / "v.vmdk"),
    }
    out: dict[str, tuple[bytes, list[int]]] = {}
    for name, path in paths.items():
        header, tables, grains = stream_parts(path)
        spots = [*range(0, 80, 4), header.gd_offset * 512, *(t * 512 for t in tables),
                 *(g * 512 for g in grains), *(g * 512 + 8 for g in grains),
                 *(g * 512 + 14 for g in grains)]
        if name == "vmware":
            size = path.stat().st_size
            spots += [size - 1024 + i for i in range(0, 80, 4)]
        out[name] = (path.read_bytes(), spots)
    return out


HOSTILE = settings(max_examples=int(os.environ.get("VIRTUAL_FUZZ_EXAMPLES", "200")),
                   deadline=5000,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@HOSTILE
@given(name=st.sampled_from(["stream", "sparse", "vmware"]), data=st.data())
def test_hostile_bytes_give_a_disk_format_error_or_data(
        seeds: dict[str, tuple[bytes, list[int]]], tmp_path_factory: pytest.TempPathFactory,
        name: str, data: st.DataObject) -> None:
    content, spots = seeds[name]
    mutated = bytearray(content)
    edits = data.draw(st.lists(st.tuples(
        st.one_of(st.sampled_from(spots), st.integers(0, len(content) - 1)),
        st.one_of(st.binary(min_size=1, max_size=8),
                  st.sampled_from([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\x01\x00\x00\x00",
                                   struct.pack("<I", len(content) // 512 - 1),
                                   struct.pack("<Q", 0xFFFFFFFFFFFFFFFF)]))),
        min_size=1, max_size=4), label="edits")
    for offset, value in edits:
        mutated[offset:offset + len(value)] = value
    cut = data.draw(st.one_of(st.just(len(mutated)), st.integers(0, len(mutated))), label="cut")
    path = tmp_path_factory.mktemp("hostile") / "disk.vmdk"
    path.write_bytes(bytes(mutated[:cut]))
    try:
        with open_virtual_disk(path) as disk:
            ranges = list(disk.allocated_ranges())
            assert all(a >= 0 and a + la <= disk.size for a, la in ranges)
            # a damaged header may give a huge disk: read its start and its data, not all
            assert len(disk.read(4 * MIB)) == min(disk.size, 4 * MIB)
            for offset, length in ranges[:32]:
                assert len(disk.pread(offset, min(length, MIB))) == min(length, MIB)
    except DiskFormatError as exc:
        error: DiskFormatError | None = exc
    else:
        error = None
    if error is not None:  # a sentence and a fix, never an empty message
        assert str(error)
        assert error.action
    event("DiskFormatError" if error else "read")
