"""Recognise disk images and archives by their magic numbers, reading a few sectors only.

The pre-flight check (:mod:`vmdkimport.core.disk.preflight`) must name what a file really is when it
is not an importable VMDK: "this is a qcow2 image", "this is a gzip archive", "this is an
installation ISO". Every test here looks at fixed offsets near the start or the end of the file;
nothing depends on the file's size, and the data area is never read.

This module also holds what the other pre-flight modules share: :class:`Reader`, positional reads
on one open file (or a byte range of it, such as a member of an OVA), the two errors the checks
raise, and a minimal tar walker for OVA files.

Magic numbers (all offsets in bytes):

============================  ===============================  ==============================
format                        signature                        source
============================  ===============================  ==============================
VMDK hosted sparse            ``KDMV`` at 0                    VMware Virtual Disk Format 1.1
VMDK ESX sparse (COWD)        ``COWD`` at 0                    VMware Virtual Disk Format 1.1
VMDK SE sparse                u64 ``0xcafebabe`` at 0          qemu block/vmdk.c
VMDK descriptor               text with ``createType=``        VMware Virtual Disk Format 1.1
qcow / qcow2                  ``QFI\\xfb`` at 0                 qemu docs/interop/qcow2.txt
QED                           ``QED\\0`` at 0                   qemu docs/interop/qed_spec.txt
VHD (VirtualPC)               ``conectix`` at 0 or at end-512  Microsoft VHD specification
VHDX                          ``vhdxfile`` at 0                Microsoft VHDX specification
VDI (VirtualBox)              u32 ``0xbeda107f`` at 64         VirtualBox VDICore.h
Parallels                     ``WithoutFreeSpace`` at 0        qemu docs/interop/parallels.txt
ISO 9660 / UDF                ``CD001`` / ``BEA01`` at 32769   ECMA-119 / ECMA-167
raw disk, GPT                 ``EFI PART`` at 512 (or 4096)    UEFI specification
raw disk, MBR                 ``55 aa`` at 510 + partitions    IBM PC MBR
filesystem (one partition)    NTFS, FAT, ext2/3/4, XFS         their boot sectors/superblocks
gzip, bzip2, xz, zstd         ``1f 8b``, ``BZh``, ...           their RFCs / specifications
zip, 7z, rar                  ``PK\\3\\4``, ``7z\\xbc\\xaf``, ...    their specifications
tar (ustar, GNU)              ``ustar`` at 257                 POSIX.1-1988 / GNU tar
============================  ===============================  ==============================
"""

from __future__ import annotations

import re
import stat
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from vmdkimport.core.errors import Cancelled, VmdkImportError
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text

SECTOR: Final = 512
#: how much of the start of a file detection reads (covers MBR, GPT at LBA 1 for 512- and
#: 4096-byte sectors, the tar header and every magic above but the ISO one)
HEAD_BYTES: Final = 8192
#: ISO 9660 primary volume descriptor: sector 16 of 2048-byte sectors, identifier at +1
ISO_OFFSET: Final = 16 * 2048


class DiskReadError(VmdkImportError):
    """The file could not be read at all: missing, no permission, a folder, an I/O error."""

    field = Field.DISK

    def __init__(self, message: str, action: str) -> None:
        super().__init__(message)
        self.action = action


class DiskFormatError(VmdkImportError):
    """The file's metadata is corrupt or inconsistent; said in plain words."""

    field = Field.DISK

    def __init__(self, message: str, action: str = "") -> None:
        super().__init__(message)
        self.action = action or Text(
            "Copy or export the disk again from its source (in binary mode), then check the new "
            "file."
        )


class OperationCancelled(Cancelled):
    """The user cancelled a conversion or an extraction; no partial output was kept."""

    field = Field.DISK
    action = Text("Start it again when you are ready.")


def read_error(path: object, exc: OSError) -> DiskReadError:
    """A :class:`DiskReadError` with a plain message for ``exc``, which happened on ``path``."""
    name = str(path)
    if isinstance(exc, FileNotFoundError):
        return DiskReadError(Text("The file {path} does not exist.", path=name),
                             Text("Check the path and the file name, then choose the file again."))
    if isinstance(exc, IsADirectoryError):
        return DiskReadError(Text("{path} is a folder, not a disk file.", path=name),
                             Text("Choose the .vmdk (or .ova, .ovf, .vmx) file inside it."))
    if isinstance(exc, PermissionError):
        return DiskReadError(Text("You are not allowed to read {path}.", path=name),
                             Text("Ask for read access to the file, or copy it to a folder of "
                                  "yours (if it belongs to a running VM, shut the VM down first)."))
    reason = exc.strerror or exc.__class__.__name__  # the system's words: not translated
    return DiskReadError(Text("{path} could not be read: {reason}.", path=name, reason=reason),
                         Text("Check that the disk or network share holding the file is "
                              "reachable, then try again."))


def regular_file_size(path: Path) -> int:
    """The size of a regular file. A device, pipe or socket is refused before it is opened:
    opening a pipe would wait for a writer, and a descriptor may name ``/dev/sdb``."""
    try:
        info = path.stat()
    except OSError as exc:
        raise read_error(path, exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise read_error(path, IsADirectoryError(21, "Is a directory"))
    if not stat.S_ISREG(info.st_mode):
        raise DiskReadError(Text("{path} is not a regular file (a device, pipe or socket).",
                                 path=str(path)),
                            Text("Choose a disk image file."))
    return info.st_size


class Reader:
    """Positional reads on an open binary file, or on a byte range of it.

    Reads past the end return fewer bytes (never raise); an ``OSError`` becomes a
    :class:`DiskReadError`. A window (:meth:`window`) shares the file and sees offsets relative to
    its own start, so the VMDK inside an OVA is read exactly like a VMDK on its own.
    """

    def __init__(self, file: BinaryIO, size: int, *, name: str, base: int = 0) -> None:
        self._file = file
        self.size = size
        self.name = name
        self.base = base

    def read_at(self, offset: int, length: int) -> bytes:
        if offset < 0 or length <= 0 or offset >= self.size:
            return b""
        length = min(length, self.size - offset)
        chunks: list[bytes] = []
        try:
            self._file.seek(self.base + offset)
            while length > 0:
                chunk = self._file.read(length)
                if not chunk:
                    break
                chunks.append(chunk)
                length -= len(chunk)
        except OSError as exc:
            raise read_error(self.name, exc) from exc
        return b"".join(chunks)

    def read_tail(self, length: int) -> bytes:
        """The last ``length`` bytes (fewer when the file is shorter)."""
        start = max(0, self.size - length)
        return self.read_at(start, self.size - start)

    def window(self, offset: int, length: int, *, name: str) -> Reader:
        length = max(0, min(length, self.size - offset))
        return Reader(self._file, length, name=name, base=self.base + offset)


@dataclass(frozen=True)
class Detected:
    """What a file is, judged by its magic numbers."""

    #: "vmdk", "qcow2", "vhd", ..., "tar", "xml", "text", "empty", "unknown"
    kind: str
    #: in words, for the user: "a QEMU qcow2 disk image (version 3)"
    description: Text
    #: the ``-f`` name qemu-img reads it with, when it can be converted to a VMDK
    qemu_format: str | None = None
    #: the size of the virtual disk, when the header says it cheaply
    virtual_size: int | None = None
    #: for kind "vmdk": "sparse" (KDMV), "cowd", "sesparse" or "descriptor"
    variant: str | None = None
    #: a disk image whose contents could become an image (as opposed to an archive or an ISO)
    is_disk: bool = False
    #: something more to say (a backing file, a differencing VHD, ...)
    note: Text | None = None


_COMPRESSED: Final[tuple[tuple[bytes, str, Text], ...]] = (
    (b"\x1f\x8b", "gzip", Text("a gzip-compressed file")),
    (b"\xfd7zXZ\x00", "xz", Text("an xz-compressed file")),
    (b"\x28\xb5\x2f\xfd", "zstd", Text("a Zstandard-compressed file")),
    (b"7z\xbc\xaf\x27\x1c", "7z", Text("a 7-Zip archive")),
    (b"Rar!\x1a\x07", "rar", Text("a RAR archive")),
    (b"PK\x03\x04", "zip", Text("a ZIP archive")),
    (b"PK\x05\x06", "zip", Text("an (empty) ZIP archive")),
    (b"PK\x07\x08", "zip", Text("a ZIP archive")),
)

_DESCRIPTOR_RE: Final = re.compile(rb"^\s*createType\s*=", re.MULTILINE)
_VMX_RE: Final = re.compile(
    rb"^\s*(?:config\.version|virtualHW\.version|\.encoding|guestOS|displayName)\s*=",
    re.MULTILINE | re.IGNORECASE,
)


def _u32le(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<I", data, offset)[0])


def _u64le(data: bytes, offset: int) -> int:
    return int(struct.unpack_from("<Q", data, offset)[0])


def _u32be(data: bytes, offset: int) -> int:
    return int(struct.unpack_from(">I", data, offset)[0])


def _u64be(data: bytes, offset: int) -> int:
    return int(struct.unpack_from(">Q", data, offset)[0])


def looks_like_text(data: bytes) -> bool:
    """No NUL bytes and mostly printable: a descriptor, a .vmx, an XML file."""
    stripped = data.rstrip(b"\x00")
    if not stripped or b"\x00" in stripped:
        return False
    sample = stripped[:4096]
    if sample.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control <= len(sample) // 100


def detect(reader: Reader) -> Detected:
    """Name the format of ``reader``'s content from its magic numbers."""
    size = reader.size
    if size == 0:
        return Detected("empty", Text("an empty file (0 bytes)"))
    head = reader.read_at(0, HEAD_BYTES)
    padded = head.ljust(HEAD_BYTES, b"\x00")

    if head.startswith(b"KDMV"):
        return Detected("vmdk", Text("a VMware sparse disk (hosted sparse extent)"), "vmdk",
                        variant="sparse", is_disk=True)
    if head.startswith(b"COWD"):
        capacity = _u32le(padded, 12) * SECTOR
        return Detected("vmdk", Text("an ESX sparse extent (COWD), the data file of a vmfsSparse "
                                     "snapshot or disk"),
                        None, capacity or None, variant="cowd", is_disk=True)
    if head.startswith(struct.pack("<Q", 0xCAFEBABE)):
        return Detected("vmdk", Text("an ESXi SE sparse extent (seSparse), the data file of a "
                                     "snapshot or thin disk on a VMFS datastore"), None,
                        _u64le(padded, 16) * SECTOR or None, variant="sesparse", is_disk=True)
    if head.startswith(b"QFI\xfb"):
        version = _u32be(padded, 4)
        backing = _u64be(padded, 8) != 0
        name = "qcow2" if version >= 2 else "qcow"
        return Detected(name, Text("a QEMU {name} disk image (version {version})", name=name,
                                   version=version), name,
                        _u64be(padded, 24) or None, is_disk=True,
                        note=Text("It is an overlay on a backing file.") if backing else None)
    if head.startswith(b"QED\x00"):
        return Detected("qed", Text("a QEMU QED disk image"), "qed", _u64le(padded, 48) or None,
                        is_disk=True)
    if head.startswith(b"vhdxfile"):
        return Detected("vhdx", Text("a Hyper-V VHDX disk image"), "vhdx", is_disk=True)
    if head.startswith(b"conectix"):
        return _vhd(padded, _VHD_DYNAMIC)
    if _u32le(padded, 64) == 0xBEDA107F:
        return Detected("vdi", Text("a VirtualBox VDI disk image"), "vdi",
                        _u64le(padded, 0x170) or None, is_disk=True)
    if head.startswith((b"WithoutFreeSpace", b"WithouFreSpacExt")):
        return Detected("parallels", Text("a Parallels disk image"), "parallels",
                        _u64le(padded, 36) * SECTOR or None, is_disk=True)
    for magic, kind, description in _COMPRESSED:
        if head.startswith(magic):
            return Detected(kind, description)
    if head.startswith(b"BZh") and head[3:4] in b"123456789" and head[3:4]:
        return Detected("bzip2", Text("a bzip2-compressed file"))
    if padded[257:262] == b"ustar":
        return Detected("tar", Text("a tar archive"))

    if looks_like_text(head):
        text = head.lstrip(b"\xef\xbb\xbf").lstrip()
        if text.startswith(b"# Disk DescriptorFile") or _DESCRIPTOR_RE.search(head):
            return Detected("vmdk", Text("a VMDK descriptor (text) file"), "vmdk",
                            variant="descriptor", is_disk=True)
        if text.startswith(b"<"):
            return Detected("xml", Text("an XML file"))
        if _VMX_RE.search(head):
            return Detected("vmx", Text("a VMware virtual machine configuration (.vmx) file"))
        return Detected("text", Text("a text file"))

    # Formats whose signature is not at the start.
    if size >= SECTOR:
        tail = reader.read_tail(SECTOR)
        if tail.startswith(b"conectix"):
            return _vhd(tail, _VHD_FIXED)
    if size > ISO_OFFSET + 6:
        volume = reader.read_at(ISO_OFFSET, 6)
        if volume[1:6] in (b"CD001", b"BEA01", b"NSR02", b"NSR03"):
            return Detected("iso", Text("an ISO 9660 / UDF optical disc image (an installation or "
                                        "data DVD)"))
    if padded[512:520] == b"EFI PART" or padded[4096:4104] == b"EFI PART":
        return Detected("raw-gpt", Text("a raw disk image with a GPT partition table"), "raw",
                        size, is_disk=True)
    filesystem = _filesystem(padded)
    if filesystem:
        return Detected("filesystem", Text("a single {filesystem} file system (a partition image, "
                                           "not a whole disk)", filesystem=filesystem))
    if padded[510:512] == b"\x55\xaa" and _has_mbr_partitions(padded):
        return Detected("raw-mbr", Text("a raw disk image with an MBR partition table"), "raw",
                        size, is_disk=True)
    return Detected("unknown", Text("not a disk image format this tool recognises"))


#: the VHD footer's disk types (fixed, dynamic, differencing), in words
_VHD_FIXED: Final = 2
_VHD_DYNAMIC: Final = 3
_VHD_DIFFERENCING: Final = 4
_VHD_KINDS: Final = {
    _VHD_FIXED: Text("a fixed VHD (Virtual PC / Hyper-V) disk image"),
    _VHD_DYNAMIC: Text("a dynamic VHD (Virtual PC / Hyper-V) disk image"),
    _VHD_DIFFERENCING: Text("a differencing VHD (Virtual PC / Hyper-V) disk image"),
}


def _vhd(footer: bytes, default_type: int) -> Detected:
    """A VHD, from its footer; ``default_type`` when the footer's disk type is unknown (where
    the footer was found tells a dynamic disk, which has a copy at the start, from a fixed one)."""
    disk_type = _u32be(footer, 60)
    note = (Text("A differencing VHD holds only the changes to a parent VHD.")
            if disk_type == _VHD_DIFFERENCING else None)
    return Detected("vhd", _VHD_KINDS.get(disk_type, _VHD_KINDS[default_type]), "vpc",
                    _u64be(footer, 48) or None, is_disk=True, note=note)


def _has_mbr_partitions(sector: bytes) -> bool:
    entries = [sector[446 + 16 * i: 462 + 16 * i] for i in range(4)]
    used = 0
    for entry in entries:
        if entry[0] not in (0x00, 0x80):
            return False
        if entry[4] != 0:
            if _u32le(entry, 12) == 0:
                return False
            used += 1
    return used > 0


def _filesystem(head: bytes) -> str | None:
    if head[3:11] == b"NTFS    ":
        return "NTFS"
    if head[82:87] == b"FAT32" or head[54:59] in (b"FAT12", b"FAT16"):
        return "FAT"
    if head[1080:1082] == b"\x53\xef":
        return "ext2/3/4"
    if head[0:4] == b"XFSB":
        return "XFS"
    return None


# --- tar (OVA) --------------------------------------------------------------------------------

#: an OVA holds a handful of files; more members than this is not an OVA
MAX_TAR_MEMBERS: Final = 10_000
#: extended headers (PAX, GNU long names) are a few hundred bytes
MAX_EXTENDED_HEADER: Final = 64 * 1024


@dataclass(frozen=True)
class TarMember:
    """One member of a tar archive: where its data lies, without reading it."""

    name: str
    offset: int  # of the data, from the start of the archive
    size: int
    type: str  # "file", "dir", "link", "sparse", "other"


def _tar_number(field: bytes) -> int:
    if field[:1] and field[0] & 0x80:  # base-256 (GNU, for sizes above 8 GiB)
        value = int.from_bytes(field[1:], "big")
        if field[0] & 0x40:
            raise DiskFormatError(Text("A tar header holds a negative number."))
        return value
    text = field.split(b"\x00", 1)[0].strip()
    if not text:
        return 0
    try:
        return int(text, 8)
    except ValueError:
        raise DiskFormatError(Text("A tar header holds a number that is not octal.")) from None


def _tar_checksum_ok(block: bytes) -> bool:
    stored = _tar_number(block[148:156])
    unsigned = sum(block[:148]) + 8 * 32 + sum(block[156:])
    signed = (sum(b - 256 if b > 127 else b for b in block[:148]) + 8 * 32
              + sum(b - 256 if b > 127 else b for b in block[156:]))
    return stored in (unsigned, signed)


def _pax_records(data: bytes) -> dict[str, str]:
    records: dict[str, str] = {}
    pos = 0
    while pos < len(data):
        space = data.find(b" ", pos)
        if space < 0:
            break
        try:
            length = int(data[pos:space])
        except ValueError:
            raise DiskFormatError(Text("A tar extended (PAX) header is malformed.")) from None
        if length <= 0 or pos + length > len(data):
            raise DiskFormatError(Text("A tar extended (PAX) header is malformed."))
        key, _, value = data[space + 1:pos + length - 1].partition(b"=")
        records[key.decode("utf-8", "replace")] = value.decode("utf-8", "replace")
        pos += length
    return records


def iter_tar(reader: Reader, *, max_members: int = MAX_TAR_MEMBERS) -> Iterator[TarMember]:
    """The members of a tar archive, reading only their headers.

    Supports ustar, GNU (long names, base-256 sizes, sparse members reported as "sparse") and PAX
    extended headers. Raises :class:`DiskFormatError` on a damaged archive or one that ends early.
    """
    offset = 0
    long_name: str | None = None
    pax: dict[str, str] = {}
    for _ in range(max_members * 2):
        block = reader.read_at(offset, SECTOR)
        if len(block) < SECTOR:
            if offset >= reader.size and offset > 0:
                return  # no end-of-archive blocks: tolerated, as GNU tar does
            raise DiskFormatError(Text("The tar archive ends in the middle of a header: the "
                                       "file is truncated."))
        if block == b"\x00" * SECTOR:
            return
        if not _tar_checksum_ok(block):
            raise DiskFormatError(Text("The tar archive has a damaged header at byte {offset}.",
                                       offset=offset))
        size = _tar_number(block[124:136])
        typeflag = block[156:157]
        data_offset = offset + SECTOR
        if data_offset + size > reader.size:
            raise DiskFormatError(Text(
                "The tar archive is shorter than its headers say: the file is truncated "
                "(a member needs {needed} bytes, the file has {size}).",
                needed=data_offset + size, size=reader.size))
        next_offset = data_offset + -(-size // SECTOR) * SECTOR
        if typeflag in (b"x", b"g", b"L", b"K"):
            if size > MAX_EXTENDED_HEADER:
                raise DiskFormatError(
                    Text("The tar archive has an implausibly large extended header."))
            data = reader.read_at(data_offset, size)
            if typeflag == b"x":
                pax = _pax_records(data)
            elif typeflag == b"L":
                long_name = data.split(b"\x00", 1)[0].decode("utf-8", "replace")
            offset = next_offset
            continue
        name = block[0:100].split(b"\x00", 1)[0].decode("utf-8", "replace")
        if block[257:262] == b"ustar" and block[263:265] == b"00":
            prefix = block[345:500].split(b"\x00", 1)[0].decode("utf-8", "replace")
            if prefix:
                name = f"{prefix}/{name}"
        name = pax.get("path") or long_name or name
        if "size" in pax:
            try:
                size = int(pax["size"])
            except ValueError:
                raise DiskFormatError(
                    Text("A tar extended (PAX) header is malformed.")) from None
            next_offset = data_offset + -(-size // SECTOR) * SECTOR
        sparse = typeflag == b"S" or any(k.startswith("GNU.sparse") for k in pax)
        kind = ("sparse" if sparse else
                "file" if typeflag in (b"0", b"\x00", b"7") else
                "dir" if typeflag == b"5" else
                "link" if typeflag in (b"1", b"2") else "other")
        yield TarMember(name, data_offset, size, kind)
        long_name, pax = None, {}
        offset = next_offset
    raise DiskFormatError(Text("The tar archive has more than {count} members; it is not an OVA.",
                               count=max_members))
