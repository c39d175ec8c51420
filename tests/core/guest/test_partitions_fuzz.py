"""Hostile bytes: fuzzed partition tables, LVM metadata and superblocks in real images.

Whatever the bytes, reading gives sane facts or a GuestReadError: never another exception,
never a hang (hypothesis's deadline bounds each example).
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vmdkimport.core.guest.facts import BootFacts, Scheme
from vmdkimport.core.guest.filesystems import open_filesystem
from vmdkimport.core.guest.fs import GuestReadError
from vmdkimport.core.guest.partitions import read_boot
from vmdkimport.core.guest.volumes import find_volumes, open_volume, parse_lvm_config

MIB = 1024 * 1024
FUZZ = settings(max_examples=60, deadline=3000,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def sane(boot: BootFacts, size: int) -> None:
    assert boot.scheme in (Scheme.MBR, Scheme.GPT, Scheme.NONE, None)
    assert len(boot.partitions) <= 1024 + 4 + 128
    for part in boot.partitions:
        assert 0 <= part.start < size
        assert part.size >= 0


def entry(status: int, kind: int, first: int, count: int) -> bytes:
    return bytes([status, 0, 0, 0, kind, 0, 0, 0]) + first.to_bytes(4, "little") + \
        count.to_bytes(4, "little")


@FUZZ
@given(entries=st.lists(st.tuples(st.sampled_from([0, 0x80, 0x01]),
                                  st.sampled_from([0, 0x05, 0x0F, 0x83, 0xEE, 0x07, 0x8E]),
                                  st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1)),
                        min_size=4, max_size=4),
       ebr=st.binary(min_size=512, max_size=512), gpt=st.binary(min_size=1024, max_size=1024),
       fix_crc=st.booleans())
def test_fuzzed_mbr_and_gpt(entries: list[tuple[int, int, int, int]], ebr: bytes, gpt: bytes,
                            fix_crc: bool) -> None:
    size = 4 * MIB
    disk = bytearray(size)
    disk[446:510] = b"".join(entry(*e) for e in entries)
    disk[510:512] = b"\x55\xaa"
    header = bytearray(gpt[:512])
    header[:8] = b"EFI PART"
    if fix_crc:
        header[12:16] = (92).to_bytes(4, "little")
        header[16:20] = bytes(4)
        header[16:20] = zlib.crc32(bytes(header[:92])).to_bytes(4, "little")
    disk[512:1024] = header
    disk[1024:1536] = gpt[512:]
    for _, _, first, _ in entries:  # an EBR wherever an entry points
        if 0 < first * 512 < size - 512:
            disk[first * 512: first * 512 + 512] = ebr[:510] + b"\x55\xaa"
    boot = read_boot(io.BytesIO(bytes(disk)), size)
    sane(boot, size)
    find_volumes(io.BytesIO(bytes(disk)), size, boot)


@FUZZ
@given(text=st.text(alphabet='ab{}[]=,"# \n0123456789-', max_size=300))
def test_fuzzed_lvm_config(text: str) -> None:
    with contextlib.suppress(ValueError):
        parse_lvm_config(text)


def need(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


@pytest.fixture(scope="module")
def real_images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    need("mkfs.ext4", "mkfs.xfs", "mkntfs", "sgdisk")
    d = tmp_path_factory.mktemp("fuzz")
    tree = d / "tree"
    (tree / "etc").mkdir(parents=True)
    (tree / "usr" / "lib").mkdir(parents=True)
    (tree / "usr" / "lib" / "os-release").write_text("ID=x\n")
    (tree / "etc" / "os-release").symlink_to("../usr/lib/os-release")
    out = {}
    for kind, args in [("ext2", ["mkfs.ext4", "-q", "-t", "ext2", "-d", str(tree)]),
                       ("ext4", ["mkfs.ext4", "-q", "-d", str(tree)]),
                       ("ntfs", ["mkntfs", "-F", "-Q", "-q"])]:
        path = d / f"{kind}.img"
        with path.open("wb") as f:
            f.truncate(4 * MIB)
        subprocess.run([*args, str(path)], check=True, capture_output=True)
        out[kind] = path.read_bytes()
    gpt = d / "gpt.img"
    with gpt.open("wb") as f:
        f.truncate(8 * MIB)
    subprocess.run(["sgdisk", "-n", "1:2048:+4M", "-t", "1:8300", str(gpt)], check=True,
                   capture_output=True)
    data = bytearray(gpt.read_bytes())
    data[MIB: 5 * MIB] = out["ext4"]
    out["gpt"] = bytes(data)
    return out


def inspect(data: bytes) -> None:
    """The whole path a probe takes; only GuestReadError may come out."""
    size = len(data)
    disk = io.BytesIO(data)
    boot = read_boot(disk, size)
    sane(boot, size)
    for volume in find_volumes(disk, size, boot):
        assert volume.size >= 0
        try:
            fs = open_filesystem(open_volume(disk, size, volume), volume)
            fs.read_file("/etc/os-release", limit=4096)
            fs.list_dir("/")
            fs.exists("/Windows/System32/config/SOFTWARE")
        except GuestReadError:
            pass


@FUZZ
@given(kind=st.sampled_from(["ext2", "ext4", "ntfs", "gpt"]),
       flips=st.lists(st.tuples(st.integers(0, 256 * 1024 - 1), st.integers(1, 255)),
                      min_size=1, max_size=24))
def test_flipped_bytes_in_real_images(real_images: dict[str, bytes], kind: str,
                                      flips: list[tuple[int, int]]) -> None:
    data = bytearray(real_images[kind])
    base = MIB if kind == "gpt" else 0
    for offset, xor in flips:
        data[(base + offset) % len(data)] ^= xor
    inspect(bytes(data))


@FUZZ
@given(offset=st.sampled_from([1024 + 0, 1024 + 4, 1024 + 24, 1024 + 32, 1024 + 40, 1024 + 88,
                               1024 + 96, 1024 + 254, 2048 + 8, 2048 + 40]),
       value=st.binary(min_size=4, max_size=4))
def test_hostile_ext_superblock_fields(real_images: dict[str, bytes], offset: int,
                                       value: bytes) -> None:
    data = bytearray(real_images["ext4"])
    data[offset: offset + 4] = value
    inspect(bytes(data))
