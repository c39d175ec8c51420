"""The demo disk's guest (``vmdkimport.demo_guest`` in ``vmdkimport.demo``), checked by others.

The ext2 filesystem and the MBR are written by hand, so each is verified by tools that did not
write it: ``e2fsck -fn`` and ``debugfs`` (e2fsprogs), the ``ext4`` package, ``sfdisk``,
``cpio``; the VMDK by ``qemu-img check`` and ``qemu-img convert -O raw``; and guest inspection
must read it as CentOS 7.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import ext4  # type: ignore[import-untyped,import-not-found,unused-ignore]  # no type information
import pytest

from vmdkimport import demo, demo_guest
from vmdkimport.core.guest.inspect import GuestSource, inspect_guest
from vmdkimport.demo import demo_vmdk_bytes, write_demo_vmdk

MIB = 1024 * 1024
CAPACITY = 8 * MIB


def need(*tools: str) -> None:
    """Skip without the tools on a developer machine; CI installs them (conftest fails skips)."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)} (e2fsprogs, qemu-utils, fdisk, cpio)")


def run(*args: str | Path, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(a) for a in args], input=data, capture_output=True, check=False,
                          timeout=60)


@pytest.fixture(scope="module")
def disk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_vmdk(tmp_path_factory.mktemp("demo") / "demo-disk.vmdk", CAPACITY,
                           guest=True)


@pytest.fixture(scope="module")
def raw(disk: Path) -> bytes:
    """The disk's bytes as qemu-img reads them."""
    need("qemu-img")
    out = disk.with_suffix(".raw")
    result = run("qemu-img", "convert", "-f", "vmdk", "-O", "raw", disk, out)
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


@pytest.fixture(scope="module")
def partition(raw: bytes, disk: Path) -> Path:
    """The ext2 partition, extracted from qemu-img's raw image (as sfdisk places it)."""
    start = demo_guest.PARTITION_START_SECTOR * demo_guest.SECTOR
    path = disk.with_suffix(".ext2")
    path.write_bytes(raw[start:start + demo_guest.PARTITION_SECTORS * demo_guest.SECTOR])
    return path


# --- the VMDK ---------------------------------------------------------------------------------


def test_qemu_img_check_is_clean(disk: Path) -> None:
    need("qemu-img")
    result = run("qemu-img", "check", "-f", "vmdk", disk)
    assert result.returncode == 0, result.stdout + result.stderr
    assert b"No errors were found" in result.stdout


def test_qemu_img_reads_the_guest_and_zeros_elsewhere(raw: bytes) -> None:
    expected = bytearray(CAPACITY)
    for offset, data in demo_guest.guest_chunks().items():
        expected[offset:offset + len(data)] = data
    assert len(raw) == CAPACITY
    assert raw == bytes(expected)


def test_the_demo_disk_stays_small_and_is_always_the_same() -> None:
    eight_gib = demo_vmdk_bytes(8 * 1024**3, guest=True)
    assert len(eight_gib) < MIB
    assert eight_gib == demo_vmdk_bytes(8 * 1024**3, guest=True)
    # two allocated grains: the MBR's and the one with the filesystem's used blocks
    assert len(eight_gib) - len(demo_vmdk_bytes(8 * 1024**3)) == 2 * demo.GRAIN


def test_which_disks_get_the_guest(tmp_path: Path) -> None:
    """The demo's and the self-test's disks (1 GiB and more); tests' small disks stay empty."""
    empty = len(demo_vmdk_bytes(64 * MIB, "x.vmdk"))
    assert write_demo_vmdk(tmp_path / "x.vmdk", 64 * MIB).stat().st_size == empty
    big = len(demo_vmdk_bytes(1024**3, "y.vmdk"))
    assert write_demo_vmdk(tmp_path / "y.vmdk", 1024**3).stat().st_size > big
    assert write_demo_vmdk(tmp_path / "y.vmdk", 1024**3, guest=False).stat().st_size == big
    with pytest.raises(ValueError, match="needs a disk of"):
        demo_vmdk_bytes(4 * MIB, guest=True)


# --- the partition table ------------------------------------------------------------------------


def test_sfdisk_reads_one_active_linux_partition(disk: Path, raw: bytes) -> None:
    need("sfdisk")
    image = disk.with_suffix(".mbr.raw")
    image.write_bytes(raw)
    result = run("sfdisk", "--json", image)
    assert result.returncode == 0, result.stderr
    table = json.loads(result.stdout)["partitiontable"]
    assert table["label"] == "dos"
    assert table["id"] == f"0x{demo_guest.DISK_SIGNATURE:08x}"
    (part,) = table["partitions"]
    assert (part["start"], part["size"], part["type"], part.get("bootable")) == (
        2048, demo_guest.PARTITION_SECTORS, "83", True)


def test_the_boot_code_looks_like_grub2(raw: bytes) -> None:
    code = raw[:440]
    assert any(code)
    assert code.index(b"GRUB \0Geom\0Hard Disk\0Read\0 Error") == 0x17B
    assert raw[510:512] == b"\x55\xaa"


# --- the filesystem -----------------------------------------------------------------------------


def test_e2fsck_finds_nothing_to_fix(partition: Path) -> None:
    need("e2fsck")
    result = run("e2fsck", "-fn", partition)
    assert result.returncode == 0, (result.stdout + result.stderr).decode()
    assert re.search(rb"\d+/64 files .* \d+/4096 blocks", result.stdout), result.stdout


def debugfs(partition: Path, request: str) -> bytes:
    need("debugfs")
    result = run("debugfs", "-R", request, partition)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("path", sorted(demo_guest.guest_files()))
def test_debugfs_reads_every_file(partition: Path, path: str) -> None:
    assert debugfs(partition, f"cat {path}") == demo_guest.guest_files()[path]


def test_debugfs_sees_the_tree_and_the_uuid(partition: Path) -> None:
    names = debugfs(partition, "ls -p /etc/sysconfig/network-scripts").decode()
    assert "/ifcfg-eth0/" in names
    stats = debugfs(partition, "stats").decode()
    assert f"Filesystem UUID:          {demo_guest.ROOT_UUID}" in stats
    assert "Block size:               1024" in stats
    assert "Filesystem features:      filetype sparse_super" in stats
    fstab = demo_guest.guest_files()["/etc/fstab"].decode()
    assert f"UUID={demo_guest.ROOT_UUID} / " in fstab


def test_the_ext4_package_reads_the_superblock_and_the_inodes(partition: Path) -> None:
    """ext4 (PyPI) reads only extent-mapped file data, so the data blocks of this ext2's
    block-mapped files are followed from the inode it decodes (direct pointers)."""
    image = partition.read_bytes()
    volume: Any = ext4.Volume(io.BufferedReader(io.BytesIO(image)), offset=0)
    block = volume.superblock
    assert int(block.s_magic) == 0xEF53
    assert bytes(block.s_uuid) == demo_guest.ROOT_UUID.bytes
    assert int(block.s_blocks_count_lo) == demo_guest.FS_BLOCKS
    for path, data in demo_guest.guest_files().items():
        number = int(re.search(rb"Inode: (\d+)", debugfs(partition, f"stat {path}"))[1])  # type: ignore[index]
        inode = volume.inodes[number]
        assert int(inode.i_size) == len(data)
        pointers = list(inode.i_block)[:12]
        read = b"".join(image[p * 1024:(p + 1) * 1024] for p in pointers if p)
        assert read[:len(data)] == data


def test_the_initramfs_lists_virtio_blk_for_cpio() -> None:
    need("cpio")
    result = run("cpio", "-it", "--quiet", data=gzip.decompress(demo_guest.initramfs()))
    assert result.returncode == 0, result.stderr
    assert (f"usr/lib/modules/{demo_guest.KERNEL}/kernel/drivers/block/virtio_blk.ko.xz"
            in result.stdout.decode().splitlines())


# --- the writer's limits --------------------------------------------------------------------------


def test_the_writer_refuses_what_it_cannot_lay_out() -> None:
    writer = demo_guest.Ext2Writer()
    with pytest.raises(ValueError, match="direct blocks"):
        writer.add_file("/big", bytes(13 * 1024))
    writer.add_file("/a", b"x")
    with pytest.raises(ValueError, match="exists"):
        writer.add_file("/a", b"y")
    with pytest.raises(ValueError, match="is a file"):
        writer.add_file("/a/b", b"y")
    for i in range(64 - 12):  # inodes 1-10 reserved, 11 lost+found, 12 /a: 13-64 free
        writer.add_file(f"/f{i}", b"")
    with pytest.raises(ValueError, match="more than"):
        writer.add_file("/one-too-many", b"")
    with pytest.raises(ValueError, match="one ext2 group"):
        demo_guest.Ext2Writer(blocks=9000)


# --- guest inspection ---------------------------------------------------------------------------


def test_guest_inspection_reads_centos_7(disk: Path) -> None:
    report = inspect_guest(GuestSource(disk))
    assert report.os.family == "linux"
    assert report.os.os_type == "centos"
    assert report.os.name == "CentOS Linux 7 (Core)"
    assert report.os.version == "7.8.2003"
    linux = report.facts.linux
    assert linux is not None
    assert [k.version for k in linux.kernels] == [demo_guest.KERNEL]
    assert linux.kernels[0].virtio_in_initramfs is True
    assert [(e.mountpoint, e.on_this_disk) for e in linux.fstab] == [("/", True)]
    assert [(i.name, i.dhcp) for i in linux.interfaces] == [("eth0", True)]
    assert report.facts.bytes_read < MIB


def test_the_selftest_disk_is_the_guest(tmp_path: Path) -> None:
    """What ``vmdkimport --demo`` and the self-test write (1 GiB and 8 GiB) holds the guest."""
    for capacity in (1024**3, 8 * 1024**3):
        path = write_demo_vmdk(tmp_path / f"{capacity}.vmdk", capacity)
        with path.open("ab") as fh:  # as cli.py and qt/app.py do: data after the grains
            fh.write(os.urandom(4096))
        assert inspect_guest(GuestSource(path)).os.os_type == "centos"
