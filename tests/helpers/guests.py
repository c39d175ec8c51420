"""Real guest disks, built at test time: CentOS 7, Ubuntu 18.04, Windows 2016, UEFI, RHEL/Rocky 8.

No binary blob is committed: every image is made here with the tools an installer uses
(``mkfs.xfs``, ``mkfs.ext4 -d``, LVM2 on a loop device, ``mkswap``, ``mkntfs`` + ntfs-3g,
``sgdisk`` + ``mkfs.vfat`` + mtools, ``cryptsetup``), holding only the files an inspector reads,
with the contents the real systems have. Each build returns a :class:`Guest`: the raw image and
``expect``, what an inspector should find in it (see each builder), so tests can assert against it.

Images are sparse raw files of 32-80 MiB (a few MiB on disk); filesystems are made as separate
files and copied in at their partition's offset, so nothing is mounted except:

- LVM: ``pvcreate``/``vgcreate``/``lvcreate`` need a block device, so the PV's partition is put
  on a loop device (``losetup --offset``). This sandbox (and CI) has no device-mapper, so the LVs
  are created with activation off (``--config global/activation=0``, ``-an -Zn``) and their
  filesystems written at the extents ``lvs`` reports: what the guest's disk holds is the same.
  ``--devices`` limits every LVM command to that one loop device, so the host's volume groups
  and other builds running at the same time (each with a VG named "centos") never meet.
- NTFS: ``mkntfs`` makes no directories and ``ntfscp`` copies only into existing ones, so C: is
  populated through an ntfs-3g (FUSE) mount of the filesystem image.

Everything is cleaned up in ``finally`` (loop devices detached, FUSE unmounted and its daemon
awaited), even when a step fails. Tools missing on a developer machine skip the test
(``require``); under CI=true that is a failure, as for qemu-img.
"""

from __future__ import annotations

import gzip
import json
import lzma
import os
import shutil
import struct
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from helpers import corpus, regf
from helpers.waiting import wait_until

SECTOR = 512
MIB = 1024 * 1024
TIMEOUT = 120  # seconds for one tool run: generous, a run takes milliseconds

#: xfsprogs >= 5.19 refuses filesystems below 300 MB unless it runs under its own test suite
#: (mkfs/xfs_mkfs.c looks for these variables); small sparse test images are exactly that case
XFS_TEST_ENV = {"TEST_DIR": "1", "TEST_DEV": "1", "QA_CHECK_FS": "1"}
#: CentOS 7's mkfs.xfs (xfsprogs 4.5): v5 with CRCs and ftype, none of the newer features
XFS_EL7 = ["-m", "crc=1,finobt=0,rmapbt=0,reflink=0,bigtime=0,inobtcount=0",
           "-i", "sparse=0", "-n", "ftype=1"]
#: RHEL 8's mkfs.xfs (xfsprogs 5.0): adds finobt, sparse inodes and reflink
XFS_EL8 = ["-m", "crc=1,finobt=1,rmapbt=0,reflink=1,bigtime=0,inobtcount=0",
           "-i", "sparse=1", "-n", "ftype=1"]
#: Ubuntu 18.04's mke2fs (e2fsprogs 1.44) has neither orphan_file nor metadata_csum_seed
EXT4_BIONIC = ["-b", "4096", "-O", "^orphan_file,^metadata_csum_seed"]
#: no host LVM state: no backup/archive files in /etc/lvm, no activation (no device-mapper)
LVM_CONFIG = "global/activation=0 backup/backup=0 backup/archive=0"

MAC = "00:50:56:8a:12:34"
STATIC_IP = "192.0.2.10"
GATEWAY = "192.0.2.1"
OTHER_DISK_SIGNATURE = 0x5E6F7A8B

EL7_KERNEL = "3.10.0-1160.el7.x86_64"
BIONIC_KERNEL = "4.15.0-213-generic"


@dataclass(frozen=True)
class Guest:
    """A built guest disk: the raw image, what it is, and what an inspector should find."""

    path: Path
    kind: str
    #: what an inspector should find (JSON-like values; ``Any`` so tests can index into it)
    expect: dict[str, Any] = field(default_factory=dict)


# -- tools ------------------------------------------------------------------------------------


def _unavailable(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; CI must build the test guests, not skip them")
    pytest.skip(message)


def require(*tools: str) -> None:
    """Skip (fail under CI=true) unless every tool is installed."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        _unavailable(f"not installed: {', '.join(missing)} (see README, Development)")


def require_root() -> None:
    """Loop devices and FUSE mounts need root (CI runs as root)."""
    if os.geteuid() != 0:
        _unavailable("building this guest needs root (loop devices, FUSE)")


def run(*args: str | Path, env: Mapping[str, str] | None = None, stdin: bytes | None = None,
        ok: tuple[int, ...] = (0,)) -> str:
    """Run a tool; a non-zero exit is a test error naming the command and its stderr."""
    full_env = {**os.environ, "LC_ALL": "C", "LVM_SUPPRESS_FD_WARNINGS": "1", **(env or {})}
    result = subprocess.run([str(a) for a in args], input=stdin, capture_output=True,
                            env=full_env, check=False, timeout=TIMEOUT)
    if result.returncode not in ok:
        raise AssertionError(f"{' '.join(map(str, args))} exited {result.returncode}: "
                             f"{result.stderr.decode(errors='replace').strip()}")
    return result.stdout.decode(errors="replace")


# -- raw image plumbing -----------------------------------------------------------------------


def sparse_file(path: Path, size: int) -> Path:
    with path.open("wb") as f:
        f.truncate(size)
    return path


def put(disk: Path, offset: int, src: Path | bytes) -> None:
    """Write ``src`` into ``disk`` at ``offset``; all-zero MiBs are skipped (the disk stays
    sparse)."""
    with disk.open("r+b") as out:
        if isinstance(src, bytes):
            out.seek(offset)
            out.write(src)
            return
        with src.open("rb") as f:
            pos = 0
            while chunk := f.read(MIB):
                if chunk.count(0) != len(chunk):
                    out.seek(offset + pos)
                    out.write(chunk)
                pos += len(chunk)


def _chs(lba: int) -> bytes:
    """CHS of an LBA with the 255-head, 63-sector geometry; past cylinder 1023 the usual cap."""
    cyl, rest = divmod(lba, 255 * 63)
    if cyl > 1023:
        return b"\xfe\xff\xff"
    head, sector = divmod(rest, 63)
    return bytes((head, ((cyl >> 2) & 0xC0) | (sector + 1), cyl & 0xFF))


@dataclass(frozen=True)
class Part:
    type_id: int
    start: int  # bytes
    size: int  # bytes
    bootable: bool = False


def write_mbr(disk: Path, parts: list[Part], *, boot_code: bytes, signature: int) -> None:
    """Sector 0: boot code, NT disk signature, four partition entries, 0x55AA.

    Written by hand (not with sfdisk) so that the tests can check it with sfdisk independently.
    """
    if len(boot_code) > 440 or len(parts) > 4:
        raise ValueError("an MBR holds 440 bytes of code and four primary partitions")
    sector = bytearray(SECTOR)
    sector[:len(boot_code)] = boot_code
    struct.pack_into("<I", sector, 440, signature)
    for i, p in enumerate(parts):
        first, count = p.start // SECTOR, p.size // SECTOR
        sector[446 + 16 * i:446 + 16 * (i + 1)] = (
            bytes((0x80 if p.bootable else 0,)) + _chs(first) + bytes((p.type_id,))
            + _chs(first + count - 1) + struct.pack("<II", first, count))
    sector[510:512] = b"\x55\xaa"
    put(disk, 0, bytes(sector))


def _code(strings: list[tuple[int, bytes]], *, head: bytes) -> bytes:
    """440 bytes of plausible boot code: ``head``, a non-zero filler, strings at offsets."""
    code = bytearray((0x90 if i % 7 else 0xCD) for i in range(440))  # nop/int filler
    code[:len(head)] = head
    for at, text in strings:
        code[at:at + len(text)] = text
    return bytes(code)


#: GRUB 2's boot.img as grub-install writes it: a short jump, its BIOS parameter area, the code,
#: and its messages "GRUB ", "Geom", "Hard Disk", "Read", " Error" from offset 0x17B (boot.S)
GRUB2_BOOT_CODE = _code(
    [(0x17B, b"GRUB \0Geom\0Hard Disk\0Read\0 Error\r\n\0"),
     (0x19E, bytes.fromhex("bb0100b40ecd10ac3c0075f4c3"))],
    head=bytes.fromhex("eb6390") + bytes(0x5D) + bytes.fromhex("0000008000010000000000fffa90"
                                                                 "90f6c2807405f6c2707402b280"))
#: what Windows 7 and later write: relocation code, then the three messages at 0x163, 0x17B and
#: 0x19A with their offsets (minus 0x100) in bytes 0x1B5-0x1B7
WINDOWS_BOOT_CODE = _code(
    [(0x163, b"Invalid partition table\0Error loading operating system\0"
             b"Missing operating system\0"),
     (0x1B5, bytes((0x63, 0x7B, 0x9A)))],
    head=bytes.fromhex("33c08ed0bc007c8ec08ed8be007cbf0006b90002fcf3a450681c06cb"))


# -- file trees -------------------------------------------------------------------------------

#: a file tree: POSIX path (no leading slash) -> content, or ("link", target) for a symlink
Tree = dict[str, bytes | tuple[str, str]]


def materialize(tree: Tree, root: Path) -> Path:
    """Write a tree into a host folder (for mkfs -d/-p and for copying into ntfs-3g)."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in sorted(tree.items()):
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, tuple):
            target.symlink_to(content[1])
        else:
            target.write_bytes(content)
            executable = rel.startswith(("usr/bin/", "usr/sbin/", "bin/", "sbin/"))
            target.chmod(0o755 if executable else 0o644)
    return root


def xfs_protofile(root: Path) -> str:
    """The mkfs.xfs(8) prototype-file description of a host folder (files, dirs, symlinks).

    xfsprogs 6.1 cannot populate from a folder directly; its prototype file can, so XFS needs no
    mount either.
    """
    lines = ["boot-image-unused", "0 0", "d--755 0 0"]

    def walk(folder: Path, depth: int) -> None:
        for entry in sorted(folder.iterdir()):
            if " " in entry.name:
                raise ValueError(f"a prototype file cannot name {entry.name!r}")
            pad = " " * depth
            if entry.is_symlink():
                lines.append(f"{pad}{entry.name} l--777 0 0 {os.readlink(entry)}")
            elif entry.is_dir():
                lines.append(f"{pad}{entry.name} d--755 0 0")
                walk(entry, depth + 1)
                lines.append(f"{pad}$")
            else:
                mode = entry.stat().st_mode & 0o777
                lines.append(f"{pad}{entry.name} ---{mode:03o} 0 0 {entry}")

    walk(root, 1)
    lines.append("$")
    return "\n".join(lines) + "\n"


def make_xfs(image: Path, size: int, tree: Tree, *, uuid: str, features: list[str],
             work: Path) -> Path:
    sparse_file(image, size)
    proto = work / f"{image.name}.proto"
    proto.write_text(xfs_protofile(materialize(tree, work / f"{image.name}.tree")))
    run("mkfs.xfs", "-q", "-f", *features, "-m", f"uuid={uuid}", "-p", proto, image,
        env=XFS_TEST_ENV)
    return image


def make_ext4(image: Path, size: int, tree: Tree, *, uuid: str, work: Path,
              label: str = "") -> Path:
    sparse_file(image, size)
    src = materialize(tree, work / f"{image.name}.tree")
    run("mkfs.ext4", "-q", "-F", *EXT4_BIONIC, "-U", uuid, *(["-L", label] if label else []),
        "-E", "root_owner=0:0", "-d", src, image)
    return image


def newc(files: Mapping[str, bytes], *, mtime: int = 1_590_000_000) -> bytes:
    """A cpio "newc" archive (what the kernel unpacks as an initramfs), directories included.

    By hand because it is forty lines and keeps the build free of a cpio binary's quirks
    (it wants to read the files from a folder, with its own path rules).
    """
    entries: dict[str, bytes | None] = {}
    for path in sorted(files):
        parts = path.split("/")
        for i in range(1, len(parts)):
            entries.setdefault("/".join(parts[:i]), None)
        entries[path] = files[path]
    out = bytearray()

    def add(ino: int, name: str, mode: int, data: bytes) -> None:
        raw = name.encode() + b"\0"
        fields = (ino, mode, 0, 0, 2 if mode & 0o40000 else 1, mtime, len(data), 0, 0, 0, 0,
                  len(raw), 0)
        out.extend(b"070701" + "".join(f"{v:08X}" for v in fields).encode() + raw)
        out.extend(bytes(-len(out) % 4))
        out.extend(data)
        out.extend(bytes(-len(out) % 4))

    for ino, (name, data) in enumerate(sorted(entries.items()), 1):
        add(ino, name, 0o40755 if data is None else 0o100644, data or b"")
    add(0, "TRAILER!!!", 0, b"")
    return bytes(out)


def initramfs(files: Mapping[str, bytes], *, early_microcode: bool) -> bytes:
    """dracut / initramfs-tools layout: optionally an uncompressed early-microcode cpio (padded
    to 512 bytes, as dracut writes it), then the gzip'd main cpio."""
    early = b""
    if early_microcode:
        early = newc({"kernel/x86/microcode/GenuineIntel.bin": b"\x01\0\0\0" + bytes(60)})
        early += bytes(-len(early) % 512)
    return early + gzip.compress(newc(files), mtime=0)


def kernel_module(name: str) -> bytes:
    """A ``.ko.xz``: xz (CRC32, as kmod writes) around an ELF-looking object naming itself."""
    body = b"\x7fELF\x02\x01\x01" + bytes(9) + f"name={name}\0vermagic=".encode() + bytes(64)
    return lzma.compress(body, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32)


def bzimage(version: str) -> bytes:
    """A vmlinuz: the boot sector magic, the "HdrS" setup header and the version string that
    the header's kernel_version field points to (as ``file`` reads it)."""
    image = bytearray(4096)
    image[0x1FE:0x200] = b"\x55\xaa"
    image[0x202:0x206] = b"HdrS"
    struct.pack_into("<H", image, 0x206, 0x020D)
    struct.pack_into("<H", image, 0x20E, 0x400 - 0x200)
    text = f"{version} (mockbuild@builder) #1 SMP\0".encode()
    image[0x400:0x400 + len(text)] = text
    return bytes(image)


VIRTIO_MODULES = ("kernel/drivers/block/virtio_blk.ko.xz", "kernel/drivers/scsi/virtio_scsi.ko.xz",
                  "kernel/drivers/virtio/virtio.ko.xz", "kernel/drivers/virtio/virtio_ring.ko.xz",
                  "kernel/drivers/virtio/virtio_pci.ko.xz")
VMWARE_MODULES = ("kernel/drivers/scsi/vmw_pvscsi.ko.xz", "kernel/drivers/message/fusion/"
                  "mptspi.ko.xz", "kernel/fs/xfs/xfs.ko.xz")


def modules(kernel: str, names: tuple[str, ...], *,
            prefix: str = "usr/lib/modules") -> dict[str, bytes]:
    return {f"{prefix}/{kernel}/{n}": kernel_module(Path(n).name.split(".")[0]) for n in names}


def os_release(**fields: str) -> bytes:
    return "".join(f'{k}="{v}"\n' for k, v in fields.items()).encode()


# -- LVM --------------------------------------------------------------------------------------


@contextmanager
def loop_device(image: Path, offset: int, size: int) -> Iterator[str]:
    """A loop device over a byte range of ``image``; detached however the block ends."""
    device = run("losetup", "--find", "--show", "--offset", str(offset), "--sizelimit",
                 str(size), image).strip()
    try:
        yield device
    finally:
        run("losetup", "--detach", device)


def lvm(device: str, *args: str) -> str:
    return run(args[0], "--devices", device, "--config", LVM_CONFIG, *args[1:])


def make_lvm(disk: Path, offset: int, size: int, vg: str,
             lvs: list[tuple[str, int]]) -> dict[str, tuple[int, int]]:
    """A PV in the partition at ``offset``, VG ``vg`` and linear LVs (name, bytes) in order.

    Returns each LV's (start on the disk, size) in bytes, read back from LVM's own report.
    """
    with loop_device(disk, offset, size) as dev:
        lvm(dev, "pvcreate", "-q", "-y", dev)
        lvm(dev, "vgcreate", "-q", "-s", "4m", vg, dev)
        for name, lv_size in lvs:
            lvm(dev, "lvcreate", "-q", "-an", "-Zn", "-y", "-L", f"{lv_size}b", "-n", name, vg)
        pvs = json.loads(lvm(dev, "pvs", "--reportformat", "json", "--units", "b",
                             "--nosuffix", "-o", "pe_start,vg_extent_size"))
        pe_start = int(pvs["report"][0]["pv"][0]["pe_start"])
        extent = int(pvs["report"][0]["pv"][0]["vg_extent_size"])
        report = json.loads(lvm(dev, "lvs", "--reportformat", "json", "--units", "b",
                                "--nosuffix", "--segments", "-o", "lv_name,seg_pe_ranges,seg_size",
                                vg))
    placed: dict[str, tuple[int, int]] = {}
    for seg in report["report"][0]["seg"]:
        first = int(seg["seg_pe_ranges"].rsplit(":", 1)[1].split("-")[0])
        placed[seg["lv_name"]] = (offset + pe_start + first * extent, int(seg["seg_size"]))
    return placed


# -- NTFS -------------------------------------------------------------------------------------


def _mounted(mountpoint: Path) -> bool:
    with open("/proc/self/mountinfo", encoding="utf-8") as f:
        return any(line.split()[4] == str(mountpoint) for line in f)


@contextmanager
def ntfs_mounted(image: Path, mountpoint: Path) -> Iterator[Path]:
    """ntfs-3g (FUSE) on an NTFS image file, kept in the foreground (``no_detach``) so that the
    unmount can wait for the daemon to write everything back before the image is used."""
    mountpoint.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile() as log:
        daemon = subprocess.Popen(["ntfs-3g", "-o", "no_detach", str(image), str(mountpoint)],
                                  stdout=subprocess.DEVNULL, stderr=log)
        try:
            def up() -> bool:
                if daemon.poll() is not None:
                    log.seek(0)
                    raise AssertionError(f"ntfs-3g exited {daemon.returncode}: "
                                         f"{log.read().decode(errors='replace')}")
                return _mounted(mountpoint)

            wait_until(up, timeout=30, what=f"ntfs-3g to mount {image.name}")
            yield mountpoint
        finally:
            if _mounted(mountpoint):
                run("umount", mountpoint)
            try:
                daemon.wait(timeout=60)
            except subprocess.TimeoutExpired:
                daemon.kill()
                daemon.wait(timeout=10)
                raise


def make_ntfs(image: Path, size: int, *, start: int, label: str) -> Path:
    sparse_file(image, size)
    # -p/-H/-S: the boot sector's hidden sectors and geometry, as Windows setup writes them
    run("mkntfs", "-Q", "-F", "-q", "-p", str(start // SECTOR), "-H", "255", "-S", "63",
        "-L", label, image)
    return image


def ntfs_free(image: Path) -> tuple[int, int]:
    """(free clusters, clusters) of an NTFS image, as ntfsinfo reads its $Bitmap."""
    info = run("ntfsinfo", "-m", image)
    numbers = {}
    for key in ("Free Clusters", "Volume Size in Clusters"):
        for line in info.splitlines():
            if line.strip().startswith(key + ":"):
                numbers[key] = int(line.split(":")[1].split()[0])
    return numbers["Free Clusters"], numbers["Volume Size in Clusters"]


def fill_ntfs(image: Path, path: str, *, below: float = 0.04) -> float:
    """Allocate clusters to the (existing, empty) file ``path`` until less than ``below`` of
    the volume is free; returns the free ratio reached.

    ntfsfallocate marks clusters in use without writing them, so the volume is full while the
    image stays sparse (writing 46 MiB through FUSE would be slow and dense). It is fed 2 MiB at
    a time: one large request that reaches into the MFT zone fails, yet it still exits 0 (seen
    with ntfs-3g 2022.10.3), so progress is checked after each step instead.
    """
    offset = 0
    free, total = ntfs_free(image)
    cluster = max(1, (image.stat().st_size // total))
    for _ in range(256):  # a 48 MiB volume needs about 25 steps
        if free / total < below:
            return free / total
        step = min(2 * MIB, free * cluster - MIB)
        if step <= 0:
            break
        run("ntfsfallocate", "-o", str(offset), "-l", str(step), image, path)
        offset += step
        now, _ = ntfs_free(image)
        if now >= free:
            break
        free = now
    raise AssertionError(f"could not fill {image.name}: {free} of {total} clusters still free")


def bitlocker_volume() -> bytes:
    """The start of a BitLocker (Windows 7+) volume, as blkid and the FVE readers find it: the
    boot sector ("-FVE-FS-" as OEM id at byte 3, an NTFS-like BPB, "NO NAME" label, the
    BitLocker GUID at 0xA0 and the three FVE metadata offsets at 0xB0), then those three FVE
    metadata blocks (signature, size, version 2). Everything after is ciphertext: left zero."""
    blocks = (0x2000, 0x4000, 0x6000)
    sector = bytearray(SECTOR)
    sector[0:3] = b"\xeb\x58\x90"
    sector[3:11] = b"-FVE-FS-"
    struct.pack_into("<HBHB", sector, 11, SECTOR, 8, 0, 0)
    struct.pack_into("<B", sector, 21, 0xF8)
    struct.pack_into("<HHI", sector, 24, 63, 255, 0)
    struct.pack_into("<I", sector, 67, 0x5EC7A11D)  # volume serial
    sector[71:82] = b"NO NAME    "
    sector[82:90] = b"FAT32   "
    sector[0xA0:0xB0] = bytes.fromhex("3bd66749292ed84a8399f6a339e3d001")
    struct.pack_into("<QQQ", sector, 0xB0, *blocks)
    sector[0x1FE:0x200] = b"\x55\xaa"
    volume = bytearray(max(blocks) + 0x1000)
    volume[:SECTOR] = sector
    for at in blocks:
        volume[at:at + 12] = b"-FVE-FS-" + struct.pack("<HH", 0x40, 2)
    return bytes(volume)


# -- guests -----------------------------------------------------------------------------------


def _mbr_partitions(parts: list[Part]) -> list[dict[str, Any]]:
    return [{"number": i, "start": p.start, "size": p.size, "type_id": f"0x{p.type_id:02x}",
             "bootable": p.bootable} for i, p in enumerate(parts, 1)]


def centos7(dir: Path, *, static_ip: bool = True, fstab_extra: list[str] | None = None,
            lvm: bool = True, kernel: str = EL7_KERNEL, virtio_initramfs: bool = True,
            cloud_init: bool = False, vmware_tools: bool = True,
            early_microcode: bool = True) -> Guest:
    """CentOS 7.8 as its installer lays it out: MBR with GRUB 2; partition 1 /boot (XFS);
    partition 2 an LVM PV, VG "centos" with LVs root (XFS) and swap (``lvm=False``: XFS root
    straight in partition 2)."""
    require("mkfs.xfs", "mkswap")
    if lvm:
        require_root()
        require("losetup", "pvcreate", "vgcreate", "lvcreate")
    name = f"centos7{'-nolvm' if not lvm else ''}"
    work = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=dir))
    disk = sparse_file(dir / f"{name}-{work.name[-8:]}.raw", 64 * MIB)
    boot_uuid = "8d3f3a5e-6b1f-4c47-9a8e-0c2b6f1d7e01"
    root_uuid = "c2a9f0e4-7d3b-4a51-8e6f-2b1d9c0a4f02"
    swap_uuid = "5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e03"
    parts = [Part(0x83, 1 * MIB, 16 * MIB, bootable=True),
             Part(0x8E if lvm else 0x83, 17 * MIB, 46 * MIB)]
    write_mbr(disk, parts, boot_code=GRUB2_BOOT_CODE, signature=0x000C4F21)

    init_modules = VMWARE_MODULES + (VIRTIO_MODULES if virtio_initramfs else ())
    initrd_files = {"init": b"#!/usr/bin/bash\n", "usr/lib/dracut/build-parameter.txt":
                    b" --kver '" + kernel.encode() + b"'\n",
                    **modules(kernel, init_modules)}
    boot: Tree = {
        f"vmlinuz-{kernel}": bzimage(kernel),
        f"initramfs-{kernel}.img": initramfs(initrd_files, early_microcode=early_microcode),
        f"System.map-{kernel}": b"ffffffff81000000 T _text\n",
        f"config-{kernel}": b"CONFIG_VIRTIO_BLK=m\nCONFIG_VIRTIO_SCSI=m\n",
        "grub2/grub.cfg": (
            "### BEGIN /etc/grub.d/10_linux ###\n"
            f"menuentry 'CentOS Linux ({kernel}) 7 (Core)' --class centos {{\n"
            "\tinsmod xfs\n"
            f"\tsearch --no-floppy --fs-uuid --set=root {boot_uuid}\n"
            f"\tlinux16 /vmlinuz-{kernel} root="
            + ("/dev/mapper/centos-root" if lvm else f"UUID={root_uuid}")
            + " ro crashkernel=auto"
            + (" rd.lvm.lv=centos/root rd.lvm.lv=centos/swap" if lvm else "")
            + " rhgb quiet LANG=en_US.UTF-8\n"
            f"\tinitrd16 /initramfs-{kernel}.img\n}}\n").encode(),
        "grub2/grubenv": b"# GRUB Environment Block\nsaved_entry=CentOS Linux\n".ljust(1024, b"#"),
    }
    fstab = ["#", "# /etc/fstab", "# Created by anaconda on Tue Jun  2 10:00:00 2020", "#",
             ("/dev/mapper/centos-root /                       xfs     defaults        0 0"
              if lvm else f"UUID={root_uuid} /                       xfs     defaults        0 0"),
             f"UUID={boot_uuid} /boot                   xfs     defaults        0 0"]
    if lvm:
        fstab.append("/dev/mapper/centos-swap swap                    swap    defaults        0 0")
    fstab += fstab_extra or []
    ifcfg = ["TYPE=Ethernet", "PROXY_METHOD=none", "BROWSER_ONLY=no",
             f"BOOTPROTO={'none' if static_ip else 'dhcp'}", "DEFROUTE=yes",
             "IPV4_FAILURE_FATAL=no", "IPV6INIT=yes", "NAME=ens192",
             "UUID=7f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "DEVICE=ens192", "ONBOOT=yes"]
    if static_ip:
        ifcfg += [f"IPADDR={STATIC_IP}", "PREFIX=24", f"GATEWAY={GATEWAY}", "DNS1=192.0.2.53",
                  f"HWADDR={MAC.upper()}"]
    release = b"CentOS Linux release 7.8.2003 (Core)\n"
    root: Tree = {
        "etc/os-release": os_release(
            NAME="CentOS Linux", VERSION="7 (Core)", ID="centos", ID_LIKE="rhel fedora",
            VERSION_ID="7", PRETTY_NAME="CentOS Linux 7 (Core)", ANSI_COLOR="0;31",
            CPE_NAME="cpe:/o:centos:centos:7", HOME_URL="https://www.centos.org/"),
        "etc/centos-release": release,
        "etc/redhat-release": ("link", "centos-release"),
        "etc/system-release": ("link", "centos-release"),
        "etc/fstab": ("\n".join(fstab) + "\n").encode(),
        "etc/hostname": b"db01.example.com\n",
        "etc/machine-id": b"0f1e2d3c4b5a69788796a5b4c3d2e1f0\n",
        "etc/sysconfig/network-scripts/ifcfg-lo": b"DEVICE=lo\nIPADDR=127.0.0.1\n"
                                                  b"NETMASK=255.0.0.0\nONBOOT=yes\nNAME=loopback\n",
        "etc/sysconfig/network-scripts/ifcfg-ens192": ("\n".join(ifcfg) + "\n").encode(),
        "lib": ("link", "usr/lib"),
        "lib64": ("link", "usr/lib64"),
        "boot/.keep": b"",  # the /boot mount point (a protofile needs a file to make a dir)
        "usr/lib64/.keep": b"",
        f"usr/lib/modules/{kernel}/modules.dep": b"",
        **modules(kernel, VIRTIO_MODULES + VMWARE_MODULES),
    }
    if vmware_tools:
        root["usr/bin/vmtoolsd"] = b"\x7fELF\x02\x01\x01" + bytes(57)
        root["etc/vmware-tools/tools.conf"] = b"[logging]\nlog = true\n"
    if cloud_init:
        root["etc/cloud/cloud.cfg"] = b"users:\n - default\ndisable_root: 1\n" \
                                      b"datasource_list: [ OpenStack, ConfigDrive, None ]\n"
        root["usr/bin/cloud-init"] = b"#!/usr/bin/python\n"
    try:
        boot_img = make_xfs(work / "boot.xfs", 16 * MIB, boot, uuid=boot_uuid,
                            features=XFS_EL7, work=work)
        root_img = make_xfs(work / "root.xfs", 32 * MIB, root, uuid=root_uuid,
                            features=XFS_EL7, work=work)
        put(disk, parts[0].start, boot_img)
        volumes: dict[str, str] = {"partition 1": "xfs"}
        if lvm:
            swap_img = sparse_file(work / "swap.img", 8 * MIB)
            run("mkswap", "-U", swap_uuid, swap_img)
            placed = make_lvm(disk, parts[1].start, parts[1].size, "centos",
                              [("root", 32 * MIB), ("swap", 8 * MIB)])
            put(disk, placed["root"][0], root_img)
            put(disk, placed["swap"][0], swap_img)
            volumes |= {"partition 2": "lvm2-pv", "LVM centos/root": "xfs",
                        "LVM centos/swap": "swap"}
            root_where = "LVM centos/root"
        else:
            put(disk, parts[1].start, root_img)
            placed = {}
            volumes["partition 2"] = "xfs"
            root_where = "partition 2"
    finally:
        shutil.rmtree(work, ignore_errors=True)
    on_other = [line.split()[0] for line in fstab_extra or [] if line.strip()
                and not line.startswith("#")]
    return Guest(disk, "centos7", {
        "family": "linux", "os_id": "centos", "version_id": "7", "release": "7.8.2003",
        "pretty_name": "CentOS Linux 7 (Core)", "name": "CentOS Linux 7 (Core)",
        "os_type": "centos", "arch": "x86_64",
        "scheme": "mbr", "bios_boot_code": True, "boot_loader": "grub2",
        "disk_signature": 0x000C4F21, "partitions": _mbr_partitions(parts),
        "volumes": volumes, "lvm": lvm, "lv_extents": placed,
        "root": root_where, "root_fs": "xfs", "root_uuid": root_uuid,
        "boot_fs": "xfs", "boot_uuid": boot_uuid, "swap_uuid": swap_uuid if lvm else "",
        "kernel": kernel, "kernels": [kernel], "initramfs": f"/boot/initramfs-{kernel}.img",
        "early_microcode": early_microcode,
        "virtio_in_initramfs": virtio_initramfs, "virtio_modules": True,
        "static_ip": STATIC_IP if static_ip else None, "prefix": 24 if static_ip else None,
        "gateway": GATEWAY if static_ip else "", "interface": "ens192",
        "mac": MAC if static_ip else "", "dhcp": not static_ip,
        "fstab": [line for line in fstab if line and not line.startswith("#")],
        "fstab_other_disk": on_other,
        "cloud_init": cloud_init, "vmware_tools": vmware_tools,
        "readiness": "ready-with-warnings" if static_ip or on_other or not virtio_initramfs
        else "ready",
    })


def _bionic_tree(*, kernel: str, netplan: str, fstab: list[str], cloud_init: bool,
                 hostname: str) -> Tree:
    init_files: dict[str, bytes] = {
        "init": b"#!/bin/sh\n", "conf/initramfs.conf": b"MODULES=most\nCOMPRESS=gzip\n",
        f"lib/modules/{kernel}/modules.builtin": b"kernel/drivers/block/virtio_blk.ko\n"
                                                 b"kernel/drivers/virtio/virtio.ko\n",
        **{f"lib/modules/{kernel}/kernel/drivers/scsi/{m}.ko": b"\x7fELF\x02\x01\x01" + bytes(9)
           for m in ("virtio_scsi", "vmw_pvscsi", "mptspi")}}
    tree: Tree = {
        "etc/os-release": ("link", "../usr/lib/os-release"),
        "usr/lib/os-release": os_release(
            NAME="Ubuntu", VERSION="18.04.6 LTS (Bionic Beaver)", ID="ubuntu", ID_LIKE="debian",
            PRETTY_NAME="Ubuntu 18.04.6 LTS", VERSION_ID="18.04",
            HOME_URL="https://www.ubuntu.com/", VERSION_CODENAME="bionic",
            UBUNTU_CODENAME="bionic"),
        "etc/lsb-release": b"DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=18.04\nDISTRIB_CODENAME=bionic\n"
                           b'DISTRIB_DESCRIPTION="Ubuntu 18.04.6 LTS"\n',
        "etc/debian_version": b"buster/sid\n",
        "etc/hostname": f"{hostname}\n".encode(),
        "etc/fstab": ("\n".join(fstab) + "\n").encode(),
        "etc/netplan/50-cloud-init.yaml": netplan.encode(),
        f"boot/vmlinuz-{kernel}": bzimage(kernel),
        f"boot/initrd.img-{kernel}": initramfs(init_files, early_microcode=True),
        f"boot/config-{kernel}": b"CONFIG_VIRTIO_BLK=y\nCONFIG_VIRTIO_SCSI=m\n",
        "boot/grub/grub.cfg": (f"menuentry 'Ubuntu' {{\n\tlinux\t/boot/vmlinuz-{kernel} "
                               "root=UUID=... ro maybe-ubiquity\n"
                               f"\tinitrd\t/boot/initrd.img-{kernel}\n}}\n").encode(),
        "vmlinuz": ("link", f"boot/vmlinuz-{kernel}"),
        "initrd.img": ("link", f"boot/initrd.img-{kernel}"),
        f"lib/modules/{kernel}/modules.builtin": b"kernel/drivers/block/virtio_blk.ko\n"
                                                 b"kernel/drivers/virtio/virtio.ko\n",
        f"lib/modules/{kernel}/kernel/drivers/scsi/virtio_scsi.ko": b"\x7fELF\x02\x01\x01",
        "usr/bin/vmtoolsd": b"\x7fELF\x02\x01\x01" + bytes(57),
    }
    if cloud_init:
        tree["etc/cloud/cloud.cfg"] = (b"users:\n   - default\ndisable_root: true\n"
                                       b"preserve_hostname: false\n")
        tree["usr/bin/cloud-init"] = b"#!/usr/bin/python3\n"
    return tree


def _netplan(static: bool, device: str) -> str:
    if static:
        body = (f"            addresses:\n            - {STATIC_IP}/24\n"
                f"            gateway4: {GATEWAY}\n"
                "            nameservers:\n                addresses:\n"
                "                - 192.0.2.53\n")
    else:
        body = "            dhcp4: true\n"
    return ("# This file is generated from information provided by the datasource.  Changes\n"
            "# to it will not persist across an instance reboot.\n"
            "network:\n    ethernets:\n"
            f"        {device}:\n{body}"
            f"            match:\n                macaddress: {MAC}\n"
            f"            set-name: {device}\n    version: 2\n")


def ubuntu1804(dir: Path, *, netplan_static: bool = False, fstab_extra: list[str] | None = None,
               cloud_init: bool = True) -> Guest:
    """Ubuntu 18.04.6 LTS: MBR with GRUB 2, one ext4 partition (root, /boot inside), a swap
    file, netplan written by cloud-init (matched by MAC), virtio_blk built into the kernel."""
    require("mkfs.ext4")
    work = Path(tempfile.mkdtemp(prefix="ubuntu1804-", dir=dir))
    disk = sparse_file(dir / f"ubuntu1804-{work.name[-8:]}.raw", 48 * MIB)
    root_uuid = "3e1f2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a10"
    parts = [Part(0x83, 1 * MIB, 46 * MIB, bootable=True)]
    write_mbr(disk, parts, boot_code=GRUB2_BOOT_CODE, signature=0x9D8C7B6A)
    fstab = ["# /etc/fstab: static file system information.", "#",
             f"UUID={root_uuid} /               ext4    errors=remount-ro 0       1",
             "/swap.img\tnone\tswap\tsw\t0\t0", *(fstab_extra or [])]
    try:
        image = make_ext4(work / "root.ext4", parts[0].size, _bionic_tree(
            kernel=BIONIC_KERNEL, netplan=_netplan(netplan_static, "ens160"), fstab=fstab,
            cloud_init=cloud_init, hostname="web01"), uuid=root_uuid, work=work)
        put(disk, parts[0].start, image)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    on_other = [line.split()[0] for line in fstab_extra or [] if line.strip()
                and not line.startswith("#")]
    return Guest(disk, "ubuntu1804", {
        "family": "linux", "os_id": "ubuntu", "version_id": "18.04",
        "pretty_name": "Ubuntu 18.04.6 LTS", "name": "Ubuntu 18.04.6 LTS", "release": "",
        "os_type": "ubuntu", "arch": "x86_64",
        "scheme": "mbr", "bios_boot_code": True, "boot_loader": "grub2",
        "disk_signature": 0x9D8C7B6A, "partitions": _mbr_partitions(parts),
        "volumes": {"partition 1": "ext4"}, "lvm": False,
        "root": "partition 1", "root_fs": "ext4", "root_uuid": root_uuid,
        "kernel": BIONIC_KERNEL, "kernels": [BIONIC_KERNEL],
        "initramfs": f"/boot/initrd.img-{BIONIC_KERNEL}", "early_microcode": True,
        # CONFIG_VIRTIO_BLK=y: in the kernel itself (modules.builtin), so always there
        "virtio_in_initramfs": True, "virtio_modules": True, "virtio_builtin": True,
        "static_ip": STATIC_IP if netplan_static else None,
        "prefix": 24 if netplan_static else None, "gateway": GATEWAY if netplan_static else "",
        "interface": "ens160", "mac": MAC, "dhcp": not netplan_static,
        "netplan": "/etc/netplan/50-cloud-init.yaml",
        "fstab": [line for line in fstab if line and not line.startswith("#")],
        "fstab_other_disk": on_other,
        "cloud_init": cloud_init, "vmware_tools": True,
        "readiness": "ready-with-warnings" if netplan_static or on_other else "ready",
    })


LANGUAGES = {"en": "0409", "ja": "0411"}
WINDOWS_SIGNATURE = 0x1A2B3C4D
WINDOWS_NIC = "{8C3D1E2F-4A5B-4C6D-9E8F-7A6B5C4D3E2F}"
SQL_2016 = ("MSSQLSERVER", "Standard Edition", "13.0.1601.5")


def windows2016(dir: Path, *, language: str = "en", hibernated: bool = False,
                fast_startup: bool = False, bitlocker: bool = False, static_ip: bool = False,
                other_disk_letter: bool = False, nearly_full: bool = False, sql: bool = False,
                licence_channel: str = "Volume:GVLK", virtio: bool = False,
                dynamic: bool = False, vmware_tools: bool = True, cloudbase_init: bool = False,
                kms_host: str = "") -> Guest:
    """Windows Server 2016 Standard as setup lays out a BIOS disk: MBR with Windows boot code,
    partition 1 "System Reserved" (NTFS, active, bootmgr), partition 2 C: (NTFS: the SOFTWARE
    and SYSTEM hives, ntoskrnl.exe, drivers; or a BitLocker volume)."""
    require("mkntfs", "ntfscp", "ntfs-3g", "ntfsfallocate")
    require_root()
    if language not in LANGUAGES:
        raise ValueError(f"language is one of {sorted(LANGUAGES)}")
    work = Path(tempfile.mkdtemp(prefix="windows2016-", dir=dir))
    disk = sparse_file(dir / f"windows2016-{work.name[-8:]}.raw", 64 * MIB)
    data_type = 0x42 if dynamic else 0x07
    parts = [Part(data_type, 1 * MIB, 8 * MIB, bootable=True), Part(data_type, 9 * MIB, 48 * MIB)]
    write_mbr(disk, parts, boot_code=WINDOWS_BOOT_CODE, signature=WINDOWS_SIGNATURE)
    if dynamic:  # the LDM private header: sector 6 on an MBR dynamic disk
        put(disk, 6 * SECTOR, b"PRIVHEAD" + struct.pack(">IHH", 0x2C, 2, 12))
    mounted = {"\\DosDevices\\C:": regf.mounted_device(WINDOWS_SIGNATURE, parts[1].start),
               "\\??\\Volume{4e3f2a1b-0c9d-11e6-80b5-806e6f6e6963}":
                   regf.mounted_device(WINDOWS_SIGNATURE, parts[1].start)}
    if other_disk_letter:
        mounted["\\DosDevices\\D:"] = regf.mounted_device(OTHER_DISK_SIGNATURE, 1 * MIB)
    free_ratio: float | None = None
    try:
        system = make_ntfs(work / "system.ntfs", parts[0].size, start=parts[0].start,
                           label="System Reserved")
        (work / "bootmgr").write_bytes(b"\xe9\0\0" + bytes(509))
        run("ntfscp", "-q", system, work / "bootmgr", "bootmgr")
        put(disk, parts[0].start, system)
        if bitlocker:
            put(disk, parts[1].start, bitlocker_volume())
        else:
            cdrive = make_ntfs(work / "c.ntfs", parts[1].size, start=parts[1].start,
                               label="")
            hives = work / "hives"
            hives.mkdir()
            regf.software_hive(
                hives / "SOFTWARE", sql=[SQL_2016] if sql else None, vmware_tools=vmware_tools,
                cloudbase_init=cloudbase_init, licence_channel=licence_channel,
                kms_host=kms_host)
            regf.system_hive(
                hives / "SYSTEM", install_language=LANGUAGES[language], hiberboot=fast_startup,
                static_ips=[(WINDOWS_NIC, STATIC_IP, "255.255.255.0")] if static_ip else None,
                dhcp_guid=None if static_ip else WINDOWS_NIC, virtio=virtio,
                mounted_devices=mounted)
            with ntfs_mounted(cdrive, work / "mnt") as c:
                system32 = c / "Windows" / "System32"
                (system32 / "config").mkdir(parents=True)
                (system32 / "drivers").mkdir()
                for hive in ("SOFTWARE", "SYSTEM"):
                    shutil.copyfile(hives / hive, system32 / "config" / hive)
                (system32 / "ntoskrnl.exe").write_bytes(b"MZ\x90\0" + bytes(60) + b"PE\0\0")
                (system32 / "drivers" / "disk.sys").write_bytes(b"MZ")
                (c / "Users" / "Administrator").mkdir(parents=True)
                (c / "Program Files").mkdir()
                if virtio:
                    (system32 / "drivers" / "viostor.sys").write_bytes(b"MZ")
                    store = system32 / "DriverStore" / "FileRepository" / (
                        "viostor.inf_amd64_5c3a8b2e1f0d4a67")
                    store.mkdir(parents=True)
                    (store / "viostor.inf").write_bytes(b"[Version]\r\nClass=SCSIAdapter\r\n")
                if vmware_tools:
                    tools = c / "Program Files" / "VMware" / "VMware Tools"
                    tools.mkdir(parents=True)
                    (tools / "vmtoolsd.exe").write_bytes(b"MZ")
                if hibernated:
                    (c / "hiberfil.sys").write_bytes(b"HIBR" + bytes(4092))
                elif fast_startup:  # hibernation on, no hibernated session: a zeroed header
                    (c / "hiberfil.sys").write_bytes(bytes(4096))
                if nearly_full:
                    (c / "Users" / "Administrator" / "Downloads.iso").write_bytes(b"")
            if nearly_full:
                free_ratio = fill_ntfs(cdrive, "/Users/Administrator/Downloads.iso")
            put(disk, parts[1].start, cdrive)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    letters = {"C:": True, **({"D:": False} if other_disk_letter else {})}
    expect_windows = not bitlocker
    readiness = ("not-ready" if hibernated or bitlocker or dynamic else
                 "ready-with-warnings" if (fast_startup or static_ip or other_disk_letter
                                           or nearly_full or not virtio) else "ready")
    return Guest(disk, "windows2016", {
        "family": "windows",
        "product_name": "Windows Server 2016 Standard" if expect_windows else "",
        "name": "Windows Server 2016 Standard" if expect_windows else "",
        "edition_id": "ServerStandard" if expect_windows else "",
        "current_build": "14393" if expect_windows else "",
        "installation_type": "Server" if expect_windows else "",
        "install_language": LANGUAGES[language] if expect_windows else "",
        "language": language if expect_windows else "",
        "os_type": f"win2016SE_{language}" if expect_windows else None,
        "arch": "AMD64" if expect_windows else "",
        "sql_servers": [SQL_2016] if sql and expect_windows else [],
        "scheme": "mbr", "bios_boot_code": True, "boot_loader": "windows",
        "disk_signature": WINDOWS_SIGNATURE, "partitions": _mbr_partitions(parts),
        "volumes": {"partition 1": "ntfs", "partition 2": "bitlocker" if bitlocker else "ntfs"},
        "system": "partition 2", "system_fs": "bitlocker" if bitlocker else "ntfs",
        "boot_label": "System Reserved",
        "hibernated": hibernated if expect_windows else None,
        "fast_startup": fast_startup if expect_windows else None,
        "bitlocker": bitlocker, "dynamic": dynamic,
        "nearly_full": nearly_full, "free_ratio": free_ratio,
        "drive_letters": letters if expect_windows else {},
        "static_ip": STATIC_IP if static_ip and expect_windows else None,
        "interface": WINDOWS_NIC, "dhcp": not static_ip,
        "virtio_drivers": virtio if expect_windows else None,
        "vmware_tools": vmware_tools if expect_windows else None,
        "cloudbase_init": cloudbase_init if expect_windows else None,
        "licence_channel": licence_channel if expect_windows else "",
        "kms_host": kms_host,
        "readiness": readiness,
    })


ESP_VOLUME_ID = "5A1B2C3D"


def uefi_linux(dir: Path) -> Guest:
    """An Ubuntu 18.04 installed for UEFI: GPT (protective MBR with zero boot code), partition 1
    the ESP (FAT, EFI/BOOT/BOOTX64.EFI and EFI/ubuntu/grubx64.efi), partition 2 ext4 root."""
    require("sgdisk", "mkfs.vfat", "mkfs.ext4")
    work = Path(tempfile.mkdtemp(prefix="uefi-", dir=dir))
    disk = sparse_file(dir / f"uefi-{work.name[-8:]}.raw", 48 * MIB)
    root_uuid = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c20"
    esp_start, esp_size = 1 * MIB, 16 * MIB
    root_start = esp_start + esp_size
    root_size = 48 * MIB - root_start - MIB  # the backup GPT lives in the last 33 sectors
    run("sgdisk", "-U", "11223344-5566-4778-899a-abbccddeeff0",
        "-n", f"1:{esp_start // SECTOR}:+{esp_size // SECTOR}", "-t", "1:EF00",
        "-c", "1:EFI System Partition", "-u", "1:0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9",
        "-n", f"2:{root_start // SECTOR}:+{root_size // SECTOR}", "-t", "2:8300",
        "-u", f"2:{root_uuid}", disk)
    fstab = ["# /etc/fstab: static file system information.",
             f"UUID={root_uuid} /               ext4    errors=remount-ro 0       1",
             f"UUID={ESP_VOLUME_ID[:4]}-{ESP_VOLUME_ID[4:]}  /boot/efi       vfat    "
             "umask=0077      0       1"]
    have_mtools = shutil.which("mcopy") is not None
    try:
        esp = sparse_file(work / "esp.vfat", esp_size)
        run("mkfs.vfat", "-i", ESP_VOLUME_ID, "-n", "ESP", esp)
        if have_mtools:
            pe = work / "BOOTX64.EFI"
            pe.write_bytes(b"MZ" + bytes(58) + struct.pack("<I", 64) + b"PE\0\0"
                           + struct.pack("<H", 0x8664) + bytes(128))
            run("mmd", "-i", esp, "::EFI", "::EFI/BOOT", "::EFI/ubuntu")
            run("mcopy", "-i", esp, pe, "::EFI/BOOT/BOOTX64.EFI")
            run("mcopy", "-i", esp, pe, "::EFI/ubuntu/grubx64.efi")
        put(disk, esp_start, esp)
        tree = _bionic_tree(kernel=BIONIC_KERNEL, netplan=_netplan(False, "ens160"),
                            fstab=fstab, cloud_init=True, hostname="efi01")
        tree["boot/efi/.keep"] = b""
        image = make_ext4(work / "root.ext4", root_size, tree, uuid=root_uuid, work=work)
        put(disk, root_start, image)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Guest(disk, "uefi", {
        "family": "linux", "os_id": "ubuntu", "version_id": "18.04",
        "pretty_name": "Ubuntu 18.04.6 LTS", "name": "Ubuntu 18.04.6 LTS", "os_type": "ubuntu",
        "arch": "x86_64", "scheme": "gpt", "bios_boot_code": False, "boot_loader": "",
        "esp": True, "esp_files": ["/EFI/BOOT/BOOTX64.EFI"] if have_mtools else [],
        "partitions": [
            {"number": 1, "start": esp_start, "size": esp_size, "type_id":
             "C12A7328-F81F-11D2-BA4B-00A0C93EC93B", "bootable": False,
             "name": "EFI System Partition"},
            {"number": 2, "start": root_start, "size": root_size, "type_id":
             "0FC63DAF-8483-4772-8E79-3D69D8477DE4", "bootable": False, "name": ""}],
        "volumes": {"partition 1": "vfat", "partition 2": "ext4"},
        "root": "partition 2", "root_fs": "ext4", "root_uuid": root_uuid,
        "kernel": BIONIC_KERNEL, "kernels": [BIONIC_KERNEL],
        "readiness": "not-ready",  # UEFI boot is not supported (the provider's rule)
    })


EL8 = {
    # (rocky minor) -> kernel of that point release
    5: "4.18.0-348.el8.0.2.x86_64", 6: "4.18.0-372.9.1.el8.x86_64", 7: "4.18.0-425.3.1.el8.x86_64",
}
EL8_NAMES = {5: "Green Obsidian", 6: "Green Obsidian", 7: "Green Obsidian"}


def _el8(dir: Path, *, kind: str, os_id: str, name: str, version_id: str, codename: str,
         release_file: str, release_line: str, kernel: str, root_fs: str,
         id_like: str) -> Guest:
    require("mkfs.xfs" if root_fs == "xfs" else "mkfs.ext4")
    if root_fs not in ("xfs", "ext4"):
        raise ValueError("root_fs is xfs or ext4")
    work = Path(tempfile.mkdtemp(prefix=f"{kind}-", dir=dir))
    disk = sparse_file(dir / f"{kind}-{work.name[-8:]}.raw", 48 * MIB)
    root_uuid = "6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e30"
    parts = [Part(0x83, 1 * MIB, 46 * MIB, bootable=True)]
    write_mbr(disk, parts, boot_code=GRUB2_BOOT_CODE, signature=0x4B3C2D1E)
    fstab = ["#", "# /etc/fstab", "#",
             f"UUID={root_uuid} /                       {root_fs}     defaults        0 0"]
    pretty = f"{name} {version_id} ({codename})"
    init = modules(kernel, VIRTIO_MODULES + VMWARE_MODULES)
    tree: Tree = {
        "etc/os-release": os_release(
            NAME=name, VERSION=f"{version_id} ({codename})", ID=os_id, ID_LIKE=id_like,
            VERSION_ID=version_id, PLATFORM_ID="platform:el8", PRETTY_NAME=pretty,
            ANSI_COLOR="0;32"),
        f"etc/{release_file}": f"{release_line}\n".encode(),
        "etc/fstab": ("\n".join(fstab) + "\n").encode(),
        "etc/sysconfig/network-scripts/ifcfg-ens192": b"TYPE=Ethernet\nBOOTPROTO=dhcp\n"
                                                      b"NAME=ens192\nDEVICE=ens192\nONBOOT=yes\n",
        f"boot/vmlinuz-{kernel}": bzimage(kernel),
        f"boot/initramfs-{kernel}.img": initramfs(init, early_microcode=True),
        f"boot/loader/entries/0f1e2d3c4b5a69788796a5b4c3d2e1f0-{kernel}.conf":
            (f"title {pretty}\nversion {kernel}\nlinux /boot/vmlinuz-{kernel}\n"
             f"initrd /boot/initramfs-{kernel}.img\n").encode(),
        "boot/grub2/grub.cfg": b"blscfg\n",
        "lib": ("link", "usr/lib"),
        **modules(kernel, VIRTIO_MODULES + VMWARE_MODULES),
        "usr/bin/vmtoolsd": b"\x7fELF\x02\x01\x01" + bytes(57),
    }
    if release_file != "redhat-release":
        tree["etc/redhat-release"] = ("link", release_file)
    try:
        if root_fs == "xfs":
            image = make_xfs(work / "root.xfs", parts[0].size, tree, uuid=root_uuid,
                             features=XFS_EL8, work=work)
        else:
            image = make_ext4(work / "root.ext4", parts[0].size, tree, uuid=root_uuid,
                              work=work)
        put(disk, parts[0].start, image)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Guest(disk, kind, {
        "family": "linux", "os_id": os_id, "version_id": version_id, "pretty_name": pretty,
        "name": pretty, "release": version_id, "arch": "x86_64",
        # RHEL 8 and Rocky 8 are Region 3 only, and the seed's os_type list has neither
        "os_type": None, "scheme": "mbr", "bios_boot_code": True, "boot_loader": "grub2",
        "disk_signature": 0x4B3C2D1E, "partitions": _mbr_partitions(parts),
        "volumes": {"partition 1": root_fs}, "lvm": False,
        "root": "partition 1", "root_fs": root_fs, "root_uuid": root_uuid,
        "kernel": kernel, "kernels": [kernel], "initramfs": f"/boot/initramfs-{kernel}.img",
        "virtio_in_initramfs": True, "virtio_modules": True, "static_ip": None,
        "cloud_init": False, "vmware_tools": True,
        "readiness": None,  # depends on the region generation (Region 3 only)
    })


def rhel8(dir: Path, *, minor: int = 6, root_fs: str = "xfs") -> Guest:
    """Red Hat Enterprise Linux 8.x (Ootpa), XFS (or ext4) root in partition 1, BLS entries."""
    kernel = EL8.get(minor, EL8[6])
    return _el8(dir, kind="rhel8", os_id="rhel", name="Red Hat Enterprise Linux",
                version_id=f"8.{minor}", codename="Ootpa", release_file="redhat-release",
                release_line=f"Red Hat Enterprise Linux release 8.{minor} (Ootpa)",
                kernel=kernel, root_fs=root_fs, id_like="fedora")


def rocky8(dir: Path, minor: int = 6, *, root_fs: str = "xfs") -> Guest:
    """Rocky Linux 8.``minor`` (Green Obsidian), XFS (or ext4) root in partition 1."""
    if minor not in EL8:
        raise ValueError(f"Rocky Linux 8.{minor}: the builder knows {sorted(EL8)}")
    return _el8(dir, kind="rocky8", os_id="rocky", name="Rocky Linux",
                version_id=f"8.{minor}", codename=EL8_NAMES[minor],
                release_file="rocky-release",
                release_line=f"Rocky Linux release 8.{minor} ({EL8_NAMES[minor]})",
                kernel=EL8[minor], root_fs=root_fs, id_like="rhel centos fedora")


def blank(dir: Path) -> Guest:
    """A disk of zeros: no partition table, no filesystem, no boot code."""
    disk = sparse_file(dir / "blank.raw", 32 * MIB)
    return Guest(disk, "blank", {"scheme": "none", "bios_boot_code": False, "family": "",
                                 "volumes": {}, "readiness": "cannot-inspect"})


def unknown_fs(dir: Path) -> Guest:
    """An MBR disk whose one Linux partition holds bytes that are no known filesystem."""
    disk = sparse_file(dir / "unknown-fs.raw", 32 * MIB)
    parts = [Part(0x83, 1 * MIB, 30 * MIB, bootable=True)]
    write_mbr(disk, parts, boot_code=GRUB2_BOOT_CODE, signature=0x0BADF00D)
    noise = b"".join(zlib.crc32(i.to_bytes(4, "little")).to_bytes(4, "little")
                     for i in range(64 * 1024 // 4))
    put(disk, parts[0].start, noise)
    return Guest(disk, "unknown_fs", {
        "scheme": "mbr", "disk_signature": 0x0BADF00D, "bios_boot_code": True,
        "boot_loader": "grub2", "family": "",
        "partitions": _mbr_partitions(parts), "volumes": {"partition 1": "unknown"},
        "readiness": "cannot-inspect"})


def luks_like(dir: Path) -> Guest:
    """An MBR disk whose one partition is a real LUKS2 volume (cryptsetup luksFormat, on a file:
    nothing is opened, so no device-mapper is needed)."""
    require("cryptsetup")
    disk = sparse_file(dir / "luks.raw", 48 * MIB)
    parts = [Part(0x83, 1 * MIB, 46 * MIB, bootable=True)]
    write_mbr(disk, parts, boot_code=GRUB2_BOOT_CODE, signature=0x1C2D3E4F)
    with tempfile.TemporaryDirectory(dir=dir) as work:
        volume = sparse_file(Path(work) / "luks.img", parts[0].size)
        run("cryptsetup", "luksFormat", "-q", "--type", "luks2", "--pbkdf", "pbkdf2",
            "--pbkdf-force-iterations", "1000", "--uuid", "2f3e4d5c-6b7a-4891-a0b1-c2d3e4f5a6b7",
            "--key-file=-", volume, stdin=b"not a secret")
        put(disk, parts[0].start, volume)
    return Guest(disk, "luks", {
        "scheme": "mbr", "disk_signature": 0x1C2D3E4F, "bios_boot_code": True,
        "boot_loader": "grub2", "family": "",
        "partitions": _mbr_partitions(parts), "volumes": {"partition 1": "luks"},
        "readiness": "cannot-inspect"})


# -- containers: VMDK, OVA, VMX ---------------------------------------------------------------


def _raw(guest_or_raw: Guest | Path) -> Path:
    return guest_or_raw.path if isinstance(guest_or_raw, Guest) else guest_or_raw


def to_vmdk(guest_or_raw: Guest | Path, out: Path, subformat: str = "streamOptimized") -> Path:
    """``qemu-img convert`` of the raw guest into a VMDK (any subformat qemu-img writes; for the
    split and flat ones ``out`` is the descriptor)."""
    corpus.qemu("convert", "-q", "-f", "raw", "-O", "vmdk", "-o", f"subformat={subformat}",
                _raw(guest_or_raw), out)
    return out


#: OVF (DMTF CIM) operating system ids and names for the vSphere guest ids used here
OVF_OS = {"centos7_64Guest": (107, "CentOS 7 (64-bit)"),
          "ubuntu64Guest": (94, "Ubuntu Linux (64-bit)"),
          "windows9Server64Guest": (112, "Microsoft Windows Server 2016 (64-bit)"),
          "rhel8_64Guest": (80, "Red Hat Enterprise Linux 8 (64-bit)")}


def to_ova(vmdk: Path, out: Path, *, firmware: str | None = None,
           os_id: str = "centos7_64Guest") -> Path:
    """An OVA as vSphere exports it (.ovf first, manifest, the disk); ``firmware`` "efi" or
    "bios" adds vSphere's ``vmw:Config firmware`` entry."""
    capacity_gib = max(1, -(-_virtual_size(vmdk) // (1024 ** 3)))
    cim_id, description = OVF_OS.get(os_id, (1, "Other"))
    text = corpus.ovf_xml(vm_name=out.stem, disks=[(vmdk.name, vmdk.stat().st_size,
                                                   capacity_gib)],
                          os_id=cim_id, vmw_os=os_id, os_description=description,
                          firmware=firmware)
    return corpus.ova(out, text, [vmdk])


def to_vmx(vmdk: Path, out: Path, *, firmware: str | None = None) -> Path:
    """A .vmx next to the disk naming it (``firmware = "efi"`` when asked)."""
    out.write_text(corpus.vmx_text(name=out.stem, disks={"scsi0:0": vmdk.name},
                                   firmware=firmware))
    return out


def _virtual_size(image: Path) -> int:
    info = json.loads(corpus.qemu("info", "--output=json", image))
    return int(info["virtual-size"])


def members(ova: Path) -> list[str]:
    """The member names of an OVA, in order (for tests)."""
    with tarfile.open(ova) as t:
        return t.getnames()


__all__ = ["Guest", "blank", "centos7", "luks_like", "members", "rhel8", "rocky8", "to_ova",
           "to_vmdk", "to_vmx", "ubuntu1804", "uefi_linux", "unknown_fs", "windows2016"]
