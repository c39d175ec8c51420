"""A tiny CentOS-7-like guest for the demo disk: an MBR and an ext2 filesystem, written by hand.

The ``--demo`` sample disk and the self-test's disk should hold a guest that guest inspection
(:mod:`vmdkimport.core.guest`) recognises, so both show the whole path: the OS found, ``os_type``
filled in, a verdict. They must be made on a fresh Windows machine too, without mkfs, root or
any tool, so the bytes are written here.

Why by hand: no Python library writes ext2 images (``ext4`` on PyPI only reads; pyfsext and
libext2fs bindings read or need e2fsprogs), and mke2fs does not exist on Windows. ext2 revision 1
with 1 KiB blocks, one block group and direct blocks only is a few hundred lines of well-known
structures (the layout is Linux's ``Documentation/filesystems/ext2.rst``); ``e2fsck -fn``,
``debugfs`` and the ``ext4`` reader check the result in ``tests/test_demo_guest.py``.

The guest is what a CentOS Linux 7.8 install looks like to the probes, in miniature: an MBR with
one active partition of type 0x83 and BIOS boot code in the style of GRUB 2's boot.img (only its
message strings, where the probes look for them: no GRUB code is copied), ``/etc/os-release`` and
the release files, ``/etc/fstab`` naming the root filesystem by UUID, a kernel and an initramfs
(a gzip'd newc cpio that lists ``virtio_blk.ko.xz``) under ``/boot``, and an ``ifcfg-eth0`` with
DHCP. Everything is deterministic (fixed UUID and times): the same bytes on every call.
"""

from __future__ import annotations

import gzip
import struct
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

SECTOR: Final = 512
BLOCK: Final = 1024
#: where the partition starts (sector 2048 = 1 MiB, as every installer since 2009 aligns it)
PARTITION_START_SECTOR: Final = 2048
#: the filesystem and its partition: 4 MiB, 4096 blocks of 1 KiB, well inside one block group
FS_BLOCKS: Final = 4096
PARTITION_SECTORS: Final = FS_BLOCKS * BLOCK // SECTOR
#: the smallest disk that holds the guest (the partition ends at 5 MiB)
MIN_CAPACITY: Final = (PARTITION_START_SECTOR + PARTITION_SECTORS) * SECTOR

ROOT_UUID: Final = uuid.UUID("5b1c3e5e-7c1d-4f7e-9a43-1d0d2c5a7e01")
DISK_SIGNATURE: Final = 0x000C5A7E
KERNEL: Final = "3.10.0-1160.el7.x86_64"
#: 2020-04-01 00:00 UTC: the month CentOS 7.8 came out
TIMESTAMP: Final = 1_585_699_200

OS_RELEASE: Final = """\
NAME="CentOS Linux"
VERSION="7 (Core)"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="7"
PRETTY_NAME="CentOS Linux 7 (Core)"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:centos:centos:7"
HOME_URL="https://www.centos.org/"
BUG_REPORT_URL="https://bugs.centos.org/"

CENTOS_MANTISBT_PROJECT="CentOS-7"
CENTOS_MANTISBT_PROJECT_VERSION="7"
REDHAT_SUPPORT_PRODUCT="centos"
REDHAT_SUPPORT_PRODUCT_VERSION="7"

"""
RELEASE: Final = "CentOS Linux release 7.8.2003 (Core)\n"
IFCFG_ETH0: Final = """\
TYPE=Ethernet
BOOTPROTO=dhcp
DEFROUTE=yes
NAME=eth0
DEVICE=eth0
ONBOOT=yes
"""

# --- the MBR --------------------------------------------------------------------------------------

#: GRUB 2's boot.img carries these messages at 0x17b; probes recognise the boot loader by them
GRUB_MESSAGES: Final = b"GRUB \0Geom\0Hard Disk\0Read\0 Error\r\n\0"
GRUB_MESSAGES_OFFSET: Final = 0x17B


def mbr() -> bytes:
    """Sector 0: boot code, the disk signature, one active Linux partition, 0x55AA."""
    out = bytearray(SECTOR)
    # A short jump over a BIOS parameter block, as boot.img starts (EB 63 90), then a few
    # instructions' worth of non-zero bytes: a probe sees "boot code present". It is not code
    # that runs; this disk is never booted.
    out[0:3] = b"\xeb\x63\x90"
    out[0x65:0x6D] = b"\xfa\x90\x90\xf6\xc2\x80\x74\x05"
    out[GRUB_MESSAGES_OFFSET:GRUB_MESSAGES_OFFSET + len(GRUB_MESSAGES)] = GRUB_MESSAGES
    struct.pack_into("<I", out, 440, DISK_SIGNATURE)
    entry = struct.pack("<B3sB3sII", 0x80, _chs(PARTITION_START_SECTOR), 0x83,
                        _chs(PARTITION_START_SECTOR + PARTITION_SECTORS - 1),
                        PARTITION_START_SECTOR, PARTITION_SECTORS)
    out[446:462] = entry
    out[510:512] = b"\x55\xaa"
    return bytes(out)


def _chs(lba: int) -> bytes:
    """The CHS form of an LBA for 255 heads and 63 sectors (what fdisk writes)."""
    cylinder, rest = divmod(lba, 255 * 63)
    head, sector = divmod(rest, 63)
    if cylinder > 1023:
        return b"\xfe\xff\xff"
    return bytes([head, ((cylinder >> 2) & 0xC0) | (sector + 1), cylinder & 0xFF])


# --- the initramfs --------------------------------------------------------------------------------

def initramfs() -> bytes:
    """A gzip'd newc cpio with the path of the virtio block driver (and its directories)."""
    module = f"usr/lib/modules/{KERNEL}/kernel/drivers/block/virtio_blk.ko.xz"
    parts = module.split("/")
    entries: list[tuple[str, int, bytes]] = [
        ("/".join(parts[:i]), 0o40755, b"") for i in range(1, len(parts))]
    entries.append((module, 0o100644, b"\xfd7zXZ\0demo"))
    out = bytearray()
    for number, (name, mode, data) in enumerate([*entries, ("TRAILER!!!", 0, b"")], start=1):
        encoded = name.encode("ascii") + b"\0"
        fields = (number if name != "TRAILER!!!" else 0, mode, 0, 0, 2 if mode & 0o40000 else 1,
                  TIMESTAMP if mode else 0, len(data), 0, 0, 0, 0, len(encoded), 0)
        out += b"070701" + b"".join(b"%08X" % value for value in fields) + encoded
        out += b"\0" * (-len(out) % 4) + data
        out += b"\0" * (-len(out) % 4)
    out += b"\0" * (-len(out) % 512)
    return gzip.compress(bytes(out), compresslevel=9, mtime=0)


def guest_files() -> dict[str, bytes]:
    """Path to contents of every regular file in the guest (directories follow from them)."""
    fstab = (
        "\n#\n# /etc/fstab\n# Created by anaconda on Wed Apr  1 00:00:00 2020\n#\n"
        f"UUID={ROOT_UUID} /                       ext2    defaults        1 1\n"
    )
    return {
        "/etc/os-release": OS_RELEASE.encode(),
        "/etc/centos-release": RELEASE.encode(),
        "/etc/redhat-release": RELEASE.encode(),
        "/etc/system-release": RELEASE.encode(),
        "/etc/hostname": b"web01.example.com\n",
        "/etc/fstab": fstab.encode(),
        "/etc/sysconfig/network-scripts/ifcfg-eth0": IFCFG_ETH0.encode(),
        f"/boot/vmlinuz-{KERNEL}": b"demo kernel: not a real vmlinuz\n",
        f"/boot/initramfs-{KERNEL}.img": initramfs(),
    }


# --- ext2 -----------------------------------------------------------------------------------------

_S_IFDIR: Final = 0o040000
_S_IFREG: Final = 0o100000
_FT_REG: Final = 1
_FT_DIR: Final = 2
_ROOT_INO: Final = 2
_FIRST_INO: Final = 11  # lost+found, as mke2fs makes it
_INODES: Final = 64
_INODE_SIZE: Final = 128
_INODE_TABLE_BLOCKS: Final = _INODES * _INODE_SIZE // BLOCK
_DIRECT: Final = 12
_FEATURE_INCOMPAT_FILETYPE: Final = 0x0002
_FEATURE_RO_COMPAT_SPARSE_SUPER: Final = 0x0001
# block 0: boot block; 1: superblock; 2: group descriptors; 3, 4: bitmaps; then the inode table
_BLOCK_BITMAP: Final = 3
_INODE_BITMAP: Final = 4
_INODE_TABLE: Final = 5
_FIRST_DATA: Final = _INODE_TABLE + _INODE_TABLE_BLOCKS


@dataclass
class _Node:
    """One inode being laid out: a directory's entries or a file's bytes, and its blocks."""

    ino: int
    is_dir: bool
    data: bytes = b""
    entries: dict[str, int] = field(default_factory=dict)
    parent: int = _ROOT_INO
    blocks: list[int] = field(default_factory=list)
    links: int = 1


class Ext2Writer:
    """Lay out directories and small files in an ext2 image (one group, direct blocks only).

    Limits are checked, not assumed: a file needs at most 12 blocks (12 KiB), the tree at most
    :data:`_INODES` inodes and the image's blocks; past them :class:`ValueError` says which.
    """

    def __init__(self, blocks: int = FS_BLOCKS, fs_uuid: uuid.UUID = ROOT_UUID,
                 label: str = "") -> None:
        if not _FIRST_DATA + 16 <= blocks <= 8192:
            raise ValueError(f"{blocks} blocks do not make one ext2 group of 1 KiB blocks")
        self.blocks = blocks
        self.uuid = fs_uuid
        self.label = label
        self._nodes: dict[int, _Node] = {}
        self._paths: dict[str, int] = {}
        self._next_ino = _FIRST_INO
        self._add_dir_node("/", _ROOT_INO, _ROOT_INO)
        self.mkdir("/lost+found")

    def _add_dir_node(self, path: str, ino: int, parent: int) -> None:
        self._nodes[ino] = _Node(ino, True, parent=parent, links=2)
        self._paths[path] = ino

    def _new_ino(self) -> int:
        if self._next_ino > _INODES:
            raise ValueError(f"more than {_INODES - _FIRST_INO + 1} files and directories")
        ino, self._next_ino = self._next_ino, self._next_ino + 1
        return ino

    def _place(self, path: str) -> tuple[int, str]:
        """The parent directory's inode and the name for a new entry at ``path`` (checked)."""
        parent_path, _, name = path.rstrip("/").rpartition("/")
        parent = self.mkdir(parent_path or "/")
        if not name or len(name.encode()) > 255 or name in (".", ".."):
            raise ValueError(f"bad name in {path!r}")
        if name in self._nodes[parent].entries:
            raise ValueError(f"{path} exists already")
        return parent, name

    def _add(self, path: str, node: _Node, parent: int, name: str) -> int:
        self._nodes[parent].entries[name] = node.ino
        self._paths[path] = node.ino
        self._nodes[node.ino] = node
        return node.ino

    def mkdir(self, path: str) -> int:
        """The directory at ``path`` (made with its parents when missing); its inode number."""
        path = "/" + path.strip("/") if path.strip("/") else "/"
        if path in self._paths:
            if not self._nodes[self._paths[path]].is_dir:
                raise ValueError(f"{path} is a file")
            return self._paths[path]
        parent, name = self._place(path)
        node = _Node(self._new_ino(), True, parent=parent, links=2)
        self._nodes[parent].links += 1  # the new directory's ".."
        return self._add(path, node, parent, name)

    def add_file(self, path: str, data: bytes) -> int:
        if -(-len(data) // BLOCK) > _DIRECT:
            raise ValueError(f"{path}: {len(data)} bytes need more than {_DIRECT} direct blocks")
        path = "/" + path.strip("/")
        parent, name = self._place(path)
        return self._add(path, _Node(self._new_ino(), False, data=data), parent, name)

    # -- output ------------------------------------------------------------------------------

    def _dir_block(self, node: _Node) -> bytes:
        entries = [(".", node.ino, _FT_DIR), ("..", node.parent, _FT_DIR)]
        entries += [(name, ino, _FT_DIR if self._nodes[ino].is_dir else _FT_REG)
                    for name, ino in sorted(node.entries.items())]
        out = bytearray()
        for index, (name, ino, kind) in enumerate(entries):
            encoded = name.encode()
            length = 8 + len(encoded) + (-(8 + len(encoded)) % 4)
            if index == len(entries) - 1:
                length = BLOCK - len(out)  # the last entry spans the rest of the block
            if len(out) + length > BLOCK or length < 8 + len(encoded):
                raise ValueError("a directory of more than one block is not supported")
            out += struct.pack("<IHBB", ino, length, len(encoded), kind) + encoded
            out += b"\0" * (length - 8 - len(encoded))
        return bytes(out)

    def _layout(self) -> dict[int, bytes]:
        """Block number to contents for every data block; assigns each node its blocks."""
        contents: dict[int, bytes] = {}
        next_block = _FIRST_DATA
        for ino in sorted(self._nodes):
            node = self._nodes[ino]
            data = self._dir_block(node) if node.is_dir else node.data
            count = max(1, -(-len(data) // BLOCK)) if node.is_dir else -(-len(data) // BLOCK)
            node.blocks = list(range(next_block, next_block + count))
            next_block += count
            if next_block > self.blocks:
                raise ValueError(f"the files need more than {self.blocks} blocks")
            for i, number in enumerate(node.blocks):
                contents[number] = data[i * BLOCK:(i + 1) * BLOCK]
        return contents

    def _inode(self, node: _Node) -> bytes:
        size = BLOCK * len(node.blocks) if node.is_dir else len(node.data)
        mode = (_S_IFDIR | 0o755) if node.is_dir else (_S_IFREG | 0o644)
        if node.ino == _FIRST_INO:
            mode = _S_IFDIR | 0o700  # lost+found
        block_pointers = node.blocks + [0] * (15 - len(node.blocks))
        return struct.pack("<HHIIIIIHHIII15IIIII12x", mode, 0, size, TIMESTAMP, TIMESTAMP,
                           TIMESTAMP, 0, 0, node.links, len(node.blocks) * (BLOCK // SECTOR), 0,
                           0, *block_pointers, 0, 0, 0, 0)

    def image(self) -> bytes:
        """The filesystem's bytes (``blocks`` KiB)."""
        contents = self._layout()
        used_blocks = _FIRST_DATA + len(contents)  # metadata blocks 1..first data, then data
        free_blocks = self.blocks - used_blocks
        used_inodes = max(self._nodes)
        free_inodes = _INODES - used_inodes
        dirs = sum(1 for node in self._nodes.values() if node.is_dir)
        out = bytearray(self.blocks * BLOCK)
        out[BLOCK:2 * BLOCK] = self._superblock(free_blocks, free_inodes)
        out[2 * BLOCK:2 * BLOCK + 32] = struct.pack(
            "<IIIHHH14x", _BLOCK_BITMAP, _INODE_BITMAP, _INODE_TABLE, free_blocks, free_inodes,
            dirs)
        # block bitmap: bit i is block 1 + i (the first data block is 1 with 1 KiB blocks);
        # the bits past the end of the filesystem are set, as the kernel expects
        out[_BLOCK_BITMAP * BLOCK:(_BLOCK_BITMAP + 1) * BLOCK] = _bitmap(
            used=used_blocks - 1, valid=self.blocks - 1)
        out[_INODE_BITMAP * BLOCK:(_INODE_BITMAP + 1) * BLOCK] = _bitmap(
            used=used_inodes, valid=_INODES)
        for ino, node in self._nodes.items():
            at = _INODE_TABLE * BLOCK + (ino - 1) * _INODE_SIZE
            out[at:at + _INODE_SIZE] = self._inode(node)
        for number, data in contents.items():
            out[number * BLOCK:number * BLOCK + len(data)] = data
        return bytes(out)

    def _superblock(self, free_blocks: int, free_inodes: int) -> bytes:
        head = struct.pack(
            "<13I HhHHHH 4I HH IHHIII16s16s64s",
            _INODES, self.blocks, self.blocks // 20, free_blocks, free_inodes,
            1,  # s_first_data_block
            0, 0,  # s_log_block_size, s_log_frag_size: 1 KiB
            8192, 8192, _INODES,  # blocks, fragments, inodes per group
            TIMESTAMP, TIMESTAMP,  # s_mtime, s_wtime
            0, -1, 0xEF53, 1, 1, 0,  # mount count, max (-1: never checked), magic, clean, continue
            TIMESTAMP, 0, 0, 1,  # s_lastcheck, s_checkinterval, Linux, revision 1 (dynamic)
            0, 0,  # reserved uid, gid
            _FIRST_INO, _INODE_SIZE, 0,  # first inode, inode size, this copy's group
            0, _FEATURE_INCOMPAT_FILETYPE, _FEATURE_RO_COMPAT_SPARSE_SUPER,
            self.uuid.bytes, self.label.encode()[:16], b"/",
        )
        return head + bytes(BLOCK - len(head))

    def paths(self) -> Iterator[str]:
        return iter(sorted(self._paths))


def _bitmap(used: int, valid: int) -> bytes:
    """One bitmap block: the first ``used`` bits set, then clear up to ``valid``, then set."""
    bits = bytearray(BLOCK)
    for i in [*range(used), *range(valid, BLOCK * 8)]:
        bits[i >> 3] |= 1 << (i & 7)
    return bytes(bits)


def ext2_image() -> bytes:
    """The guest's root filesystem (4 MiB)."""
    writer = Ext2Writer()
    # (paths inside the guest, not on this machine)
    for directory in ("/boot", "/etc/sysconfig/network-scripts", "/root", "/tmp",  # noqa: S108
                      "/usr", "/var"):
        writer.mkdir(directory)
    for path, data in guest_files().items():
        writer.add_file(path, data)
    return writer.image()


def guest_chunks() -> dict[int, bytes]:
    """Disk offset to bytes for everything the guest writes (the rest of the disk is zero)."""
    return {0: mbr(), PARTITION_START_SECTOR * SECTOR: ext2_image()}
