"""Guest filesystems made at test time: ext2/3/4 (mkfs -d), XFS (protofile), NTFS (ntfs-3g)."""

from __future__ import annotations

import os
import random
import re
import shutil
import struct
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vmdkimport.core.guest.filesystems import MAX_ENTRIES, open_filesystem
from vmdkimport.core.guest.fs import GuestFS, GuestReadError
from vmdkimport.core.guest.partitions import read_boot
from vmdkimport.core.guest.volumes import find_volumes, open_volume

MIB = 1024 * 1024
XFS_SMALL = {**os.environ, "TEST_DIR": "1", "TEST_DEV": "1", "QA_CHECK_FS": "1"}
OS_RELEASE = b'NAME="CentOS Linux"\nID="centos"\nVERSION_ID="7"\n'
#: 300 KiB: with 1 KiB blocks that needs the double indirect block of a block map
BIG = random.Random(13).randbytes(300 * 1024)
MANY = 300


def need(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], check=True, capture_output=True, env=env)


def blank(path: Path, size: int) -> Path:
    with path.open("wb") as f:
        f.truncate(size)
    return path


def make_tree(root: Path) -> Path:
    """A Linux-like tree: os-release behind a relative link, /lib -> usr/lib, a link loop."""
    (root / "usr" / "lib").mkdir(parents=True)
    (root / "etc").mkdir()
    (root / "boot").mkdir()
    (root / "many").mkdir()
    (root / "usr" / "lib" / "os-release").write_bytes(OS_RELEASE)
    (root / "etc" / "os-release").symlink_to("../usr/lib/os-release")
    (root / "etc" / "absolute").symlink_to("/usr/lib/os-release")
    (root / "etc" / "dangling").symlink_to("/nowhere")
    (root / "etc" / "loop1").symlink_to("loop2")
    (root / "etc" / "loop2").symlink_to("loop1")
    (root / "etc" / "long-link").symlink_to("/" + "./" * 40 + "usr/lib/os-release")
    (root / "lib").symlink_to("usr/lib")
    (root / "boot" / "big.bin").write_bytes(BIG)
    (root / "etc" / "hostname").write_bytes(b"guest\n")
    for i in range(MANY):
        (root / "many" / f"file-{i:04d}").write_bytes(b"x" * i)
    return root


class Counting:
    """A file that counts the bytes read through it (the cost of an inspection)."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("rb")
        self.bytes_read = 0
        self.reads = 0

    def read(self, size: int = -1, /) -> bytes:
        data = self._file.read(size)
        self.bytes_read += len(data)
        self.reads += 1
        return data

    def seek(self, offset: int, whence: int = 0, /) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def close(self) -> None:
        self._file.close()


@pytest.fixture(scope="session")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    need("mkfs.ext4", "mkfs.xfs")
    d = tmp_path_factory.mktemp("filesystems")
    tree = make_tree(d / "tree")
    out: dict[str, Path] = {}
    for kind in ("ext2", "ext3", "ext4"):
        out[kind] = blank(d / f"{kind}.img", 8 * MIB)
        run("mkfs.ext4", "-q", "-t", kind, "-b", "1024", "-L", kind, "-d", tree, out[kind])
    out["ext4-4k"] = blank(d / "ext4-4k.img", 16 * MIB)
    run("mkfs.ext4", "-q", "-b", "4096", "-d", tree, out["ext4-4k"])
    out["xfs"] = blank(d / "xfs.img", 32 * MIB)
    proto = d / "proto"
    proto.write_text(xfs_protofile(tree))
    run("mkfs.xfs", "-q", "-L", "xfs", "-p", proto, out["xfs"], env=XFS_SMALL)
    return out


def xfs_protofile(tree: Path) -> str:
    """mkfs.xfs's protofile for ``tree`` (files, directories and symlinks)."""
    lines = ["/dummy", "0 0", "d--755 0 0"]

    def walk(directory: Path, depth: int) -> None:
        for path in sorted(directory.iterdir()):
            if path.is_symlink():
                lines.append(f"{path.name} l--777 0 0 {os.readlink(path)}")
            elif path.is_dir():
                lines.append(f"{path.name} d--755 0 0")
                walk(path, depth + 1)
                lines.append("$")
            else:
                lines.append(f"{path.name} ---644 0 0 {path}")

    walk(tree, 0)
    lines.append("$")
    return "\n".join(lines) + "\n"


def open_image(path: Path) -> tuple[GuestFS, Counting]:
    counting = Counting(path)
    size = path.stat().st_size
    boot = read_boot(counting, size)
    volume = find_volumes(counting, size, boot)[0]
    return open_filesystem(open_volume(counting, size, volume), volume), counting


LINUX = ["ext2", "ext3", "ext4", "ext4-4k", "xfs"]


@pytest.fixture(params=LINUX)
def linux_fs(request: pytest.FixtureRequest, images: dict[str, Path]) -> Iterator[GuestFS]:
    fs, counting = open_image(images[request.param])
    yield fs
    counting.close()


def test_reads_through_symlinks(linux_fs: GuestFS) -> None:
    assert linux_fs.read_file("/etc/os-release") == OS_RELEASE
    assert linux_fs.read_file("/etc/absolute") == OS_RELEASE
    assert linux_fs.read_file("/lib/os-release") == OS_RELEASE
    assert linux_fs.read_file("/etc/long-link") == OS_RELEASE
    assert linux_fs.read_file("/etc/../usr/./lib/os-release") == OS_RELEASE
    assert linux_fs.read_file("/etc/loop1") is None
    assert linux_fs.read_file("/etc/dangling") is None
    assert linux_fs.exists("/etc/dangling")
    assert not linux_fs.exists("/nowhere")
    assert linux_fs.read_file("/etc") is None
    assert linux_fs.read_file("/etc/hostname/x") is None
    assert linux_fs.file_size("/etc/os-release") == len(OS_RELEASE)


def test_reads_big_files_and_limits(linux_fs: GuestFS) -> None:
    assert linux_fs.read_file("/boot/big.bin") == BIG
    assert linux_fs.read_file("/boot/big.bin", limit=5000) == BIG[:5000]
    assert linux_fs.read_file("/etc/hostname", limit=0) == b""
    assert linux_fs.file_size("/boot/big.bin") == len(BIG)


def test_lists_directories(linux_fs: GuestFS) -> None:
    root = {e.name: e for e in linux_fs.list_dir("/") or []}
    assert {"etc", "usr", "boot", "many", "lib"} <= set(root)
    assert root["etc"].is_dir
    assert not root["lib"].is_dir
    many = linux_fs.list_dir("/many") or []
    assert len(many) == MANY
    assert {e.size for e in many} == set(range(MANY))
    assert [e.name for e in linux_fs.list_dir("/lib") or []] == ["os-release"]
    assert linux_fs.list_dir("/etc/hostname") is None
    assert linux_fs.list_dir("/nowhere") is None
    assert MAX_ENTRIES == 10_000


@pytest.mark.parametrize("kind", ["ext2", "ext3", "ext4", "xfs"])
def test_identity(images: dict[str, Path], kind: str) -> None:
    fs, counting = open_image(images[kind])
    assert (fs.kind, fs.label) == (kind, kind)
    assert fs.size_bytes is not None
    assert fs.free_bytes is not None
    assert 0 < fs.free_bytes < fs.size_bytes
    counting.close()


def test_the_ext4_library_alone_cannot_read_ext2(images: dict[str, Path]) -> None:
    """Why block maps are read by hand: the ``ext4`` library finds nothing on ext2/ext3."""
    import ext4  # type: ignore[import-not-found]

    with images["ext2"].open("rb") as f:
        volume: Any = ext4.Volume(f, offset=0)
        with pytest.raises(FileNotFoundError):
            volume.inode_at("/etc/hostname")


def test_cost_of_reading_os_release(images: dict[str, Path]) -> None:
    """Opening the filesystem and reading /etc/os-release reads a few dozen KiB."""
    costs = {}
    for kind in ("ext4-4k", "xfs"):
        fs, counting = open_image(images[kind])
        assert fs.read_file("/etc/os-release") == OS_RELEASE
        costs[kind] = (counting.bytes_read, counting.reads)
        counting.close()
    print("bytes read, reads:", costs)
    assert all(b < 1 * MIB for b, _ in costs.values())


def test_damaged_ext_superblock_is_a_guest_read_error(images: dict[str, Path],
                                                     tmp_path: Path) -> None:
    data = bytearray(images["ext4"].read_bytes())
    data[1024 + 40: 1024 + 44] = (1).to_bytes(4, "little")  # 1 inode per group: huge count
    damaged = tmp_path / "damaged.img"
    damaged.write_bytes(bytes(data))
    with pytest.raises(GuestReadError):
        open_image(damaged)


# --- NTFS ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def ntfs_image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need("mkntfs", "ntfs-3g")
    d = tmp_path_factory.mktemp("ntfs")
    image = blank(d / "ntfs.img", 16 * MIB)
    run("mkntfs", "-F", "-Q", "-q", "-L", "System", image)
    mount = d / "mnt"
    mount.mkdir()
    run("ntfs-3g", image, mount)
    try:
        config = mount / "Windows" / "System32" / "config"
        config.mkdir(parents=True)
        (config / "SOFTWARE").write_bytes(BIG)
        (mount / "pagefile.sys").write_bytes(b"")
        for i in range(50):
            (mount / "Windows" / f"f{i}.txt").write_bytes(b"y" * i)
    finally:
        run("umount", mount)
    return image


def test_ntfs_case_insensitive(ntfs_image: Path) -> None:
    fs, counting = open_image(ntfs_image)
    assert (fs.kind, fs.label) == ("ntfs", "System")
    assert fs.read_file("/Windows/System32/config/SOFTWARE") == BIG
    assert fs.read_file("/windows/SYSTEM32/Config/software", limit=10) == BIG[:10]
    assert fs.file_size("/WINDOWS/system32/config/SOFTWARE") == len(BIG)
    assert fs.exists("/pagefile.sys")
    assert not fs.exists("/hiberfil.sys")
    assert fs.read_file("/Windows") is None
    assert fs.list_dir("/pagefile.sys") is None
    listing = {e.name: e for e in fs.list_dir("/windows") or []}
    assert listing["System32"].is_dir
    assert listing["f7.txt"].size == 7
    assert len(listing) == 51
    assert fs.free_bytes is not None
    assert fs.size_bytes is not None
    assert fs.free_bytes < fs.size_bytes - len(BIG)
    counting.close()


def test_extent_tree_loop_is_bounded(tmp_path: Path) -> None:
    """An extent index that points at itself: the ext4 library would walk it for ever."""
    need("mkfs.ext4", "debugfs")
    tree = tmp_path / "tree"
    (tree / "etc").mkdir(parents=True)
    (tree / "etc" / "os-release").write_bytes(OS_RELEASE)
    image = blank(tmp_path / "loop.img", 4 * MIB)
    run("mkfs.ext4", "-q", "-b", "4096", "-d", tree, image)
    where = subprocess.run(["debugfs", "-R", "imap /etc/os-release", str(image)], check=True,
                           capture_output=True, text=True).stdout
    match = re.search(r"located at block (\d+), offset 0x([0-9a-f]+)", where)
    assert match is not None
    inode = int(match.group(1)) * 4096 + int(match.group(2), 16)
    loop_block = 1000
    node = struct.pack("<HHHHI", 0xF30A, 1, 4, 1, 0) + struct.pack("<IIHH", 0, loop_block, 0, 0)
    data = bytearray(image.read_bytes())
    data[loop_block * 4096: loop_block * 4096 + 24] = node
    data[inode + 40: inode + 64] = node
    image.write_bytes(bytes(data))
    fs, counting = open_image(image)
    started = time.monotonic()
    with pytest.raises(GuestReadError, match="loops"):
        fs.read_file("/etc/os-release")
    assert time.monotonic() - started < 3
    counting.close()
