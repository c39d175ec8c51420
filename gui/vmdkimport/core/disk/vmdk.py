"""VMDK metadata: the hosted sparse header, the streamOptimized footer, and the descriptor.

Hand-written, on purpose. The import service needs one self-contained VMDK file; to tell the user
before an upload whether theirs is one, we read the 512-byte header, the descriptor, the
1536-byte footer of a streamOptimized disk and a few grain-directory and grain-table entries.
Nothing here reads or hashes the data area, so the cost does not depend on the file size.

Why not a library: PyPI has no maintained pure-Python VMDK metadata reader (checked with
``pip index versions``: there is no ``vmdk`` or ``pyvmdk`` distribution). The one maintained
binding, ``libvmdk-python`` (libyal), ships Windows and Linux wheels, but it is a C extension,
marked "alpha", LGPL-3.0, and it reports what it cannot open, not why a disk is the wrong kind
for an import. The format parts we need are small and fully specified.

References: VMware "Virtual Disk Format 1.1" (header, descriptor, streamOptimized markers and
footer) and the behaviour of qemu's ``block/vmdk.c`` (which the tests use to make real disks).

Header layout (little-endian, sector = 512 bytes)::

    0  char[4] magic "KDMV"        44  u32 numGTEsPerGT (512)
    4  u32 version (1, 2 or 3)     48  u64 rgdOffset   (redundant grain directory, sectors)
    8  u32 flags                   56  u64 gdOffset    (GD_AT_END: see the footer)
   12  u64 capacity   (sectors)    64  u64 overHead    (sectors before the first grain)
   20  u64 grainSize  (sectors)    72  u8  uncleanShutdown
   28  u64 descriptorOffset        73  char[4] "\\n \\r\\n" (newline-corruption test)
   36  u64 descriptorSize          77  u16 compressAlgorithm (0 none, 1 deflate)

A streamOptimized disk written by VMware puts ``GD_AT_END`` in the header and the real header as
a *footer*: the file ends with a footer marker, the footer (a header copy with the real
gdOffset) and an end-of-stream marker, 1536 bytes in all; a reader needs that footer to find the
grain directory (qemu refuses the file without it: "Invalid footer"). qemu writes the grain
directory and tables near the start instead and writes no end-of-stream marker at all: it only
rounds the file up to a whole sector after the last grain. Zeros follow that grain when it
compressed well, and nothing when it did not (random, encrypted or compressed data), so a
zeroed last sector proves nothing. Whether such a file is complete is decided from the grain
stream: the last grain the grain tables point to must lie whole inside the file, and whatever
follows it must be whole stream items (see :func:`_stream_cut`).
"""

from __future__ import annotations

import codecs
import re
import struct
from dataclasses import dataclass, field
from typing import Final

from vmdkimport.core.disk.diskformat import SECTOR, DiskFormatError, Reader
from vmdkimport.core.text import Text, message_of

KDMV_MAGIC: Final = b"KDMV"
HEADER_FORMAT: Final = "<4sIIQQQQIQQQB4sH"
HEADER_SIZE: Final = struct.calcsize(HEADER_FORMAT)  # 79; the rest of the sector is padding
GD_AT_END: Final = 0xFFFFFFFFFFFFFFFF

FLAG_NEWLINE_TEST: Final = 1 << 0
FLAG_REDUNDANT_GT: Final = 1 << 1
FLAG_ZEROED_GTE: Final = 1 << 2
FLAG_COMPRESSED: Final = 1 << 16
FLAG_MARKERS: Final = 1 << 17

COMPRESSION_NONE: Final = 0
COMPRESSION_DEFLATE: Final = 1

MARKER_EOS: Final = 0
MARKER_GT: Final = 1
MARKER_GD: Final = 2
MARKER_FOOTER: Final = 3

NO_PARENT_CID: Final = "ffffffff"
#: VMware's largest virtual disk is 62 TB; anything far above is a damaged header
MAX_CAPACITY_SECTORS: Final = (64 << 40) // SECTOR
#: VMware writes 20 sectors; a descriptor is text of a few KiB
MAX_DESCRIPTOR_BYTES: Final = 64 * 1024
#: at most this much of the grain directory is read (256 KiB covers 2 TiB at 64 KiB grains)
MAX_GD_BYTES: Final = 256 * 1024

#: createType values that keep all data inside the one .vmdk file
SINGLE_FILE_TYPES: Final = frozenset({"monolithicSparse", "streamOptimized"})
#: createType values VMware documents (others are reported as unknown)
KNOWN_CREATE_TYPES: Final = frozenset({
    "monolithicSparse", "monolithicFlat", "twoGbMaxExtentSparse", "twoGbMaxExtentFlat",
    "streamOptimized", "vmfs", "vmfsSparse", "vmfsThin", "vmfsPreallocated",
    "vmfsEagerZeroedThick", "vmfsRaw", "vmfsRawDeviceMap", "vmfsPassthroughRawDeviceMap",
    "fullDevice", "partitionedDevice", "custom", "seSparse",
})


@dataclass(frozen=True)
class SparseHeader:
    """The 512-byte header (or footer) of a hosted sparse extent."""

    version: int
    flags: int
    capacity: int  # sectors
    grain_size: int  # sectors
    descriptor_offset: int  # sectors; 0 = no embedded descriptor
    descriptor_size: int  # sectors
    num_gtes_per_gt: int
    rgd_offset: int
    gd_offset: int
    overhead: int
    unclean_shutdown: bool
    newline_chars: bytes
    compress_algorithm: int

    @classmethod
    def parse(cls, data: bytes) -> SparseHeader:
        if len(data) < HEADER_SIZE:
            raise DiskFormatError(Text(
                "The file is only {size} bytes long, shorter than a VMDK header (512 bytes)"
                ": it is truncated.", size=len(data)))
        (magic, version, flags, capacity, grain, desc_off, desc_size, gtes, rgd, gd, overhead,
         unclean, newline, compress) = struct.unpack_from(HEADER_FORMAT, data)
        if magic != KDMV_MAGIC:
            raise DiskFormatError(Text("The VMDK header does not start with the KDMV signature."))
        return cls(version, flags, capacity, grain, desc_off, desc_size, gtes, rgd, gd, overhead,
                   bool(unclean), newline, compress)

    @property
    def compressed(self) -> bool:
        return bool(self.flags & FLAG_COMPRESSED)

    @property
    def has_markers(self) -> bool:
        return bool(self.flags & FLAG_MARKERS)

    @property
    def gd_at_end(self) -> bool:
        return self.gd_offset == GD_AT_END

    @property
    def capacity_bytes(self) -> int:
        return self.capacity * SECTOR

    @property
    def grain_count(self) -> int:
        return -(-self.capacity // self.grain_size) if self.grain_size else 0

    @property
    def gt_count(self) -> int:
        return -(-self.grain_count // self.num_gtes_per_gt) if self.num_gtes_per_gt else 0

    @property
    def gd_sectors(self) -> int:
        return -(-self.gt_count * 4 // SECTOR)

    @property
    def gt_sectors(self) -> int:
        return -(-self.num_gtes_per_gt * 4 // SECTOR)

    def problems(self) -> list[str]:
        """What is wrong with the header on its own (without looking at the file)."""
        out: list[str] = []
        if self.version not in (1, 2, 3):
            out.append(Text("The VMDK header has version {version}; only versions 1 to 3 "
                            "exist.", version=self.version))
        if self.capacity == 0:
            out.append(Text("The VMDK header gives the disk a size of 0 bytes."))
        elif self.capacity > MAX_CAPACITY_SECTORS:
            out.append(Text("The VMDK header gives an impossible disk size ({size} bytes).",
                            size=self.capacity * SECTOR))
        if self.grain_size == 0 or self.grain_size & (self.grain_size - 1) or \
                self.grain_size > 1 << 21:
            out.append(Text("The VMDK header has an invalid grain size ({sectors} sectors; "
                            "it must be a power of two).", sectors=self.grain_size))
        if not 1 <= self.num_gtes_per_gt <= 512:
            out.append(Text("The VMDK header has an invalid grain-table size "
                            "({entries} entries; VMware uses 512).",
                            entries=self.num_gtes_per_gt))
        if self.compress_algorithm not in (COMPRESSION_NONE, COMPRESSION_DEFLATE):
            out.append(Text("The VMDK header names an unknown compression method "
                            "({method}).", method=self.compress_algorithm))
        elif self.compressed and self.compress_algorithm != COMPRESSION_DEFLATE:
            out.append(Text("The VMDK header says its grains are compressed but names no "
                            "compression method."))
        if self.gd_at_end and not self.has_markers:
            out.append(Text("The VMDK header puts the grain directory at the end of the file, "
                            "which only a streamOptimized disk may do, but has no stream "
                            "markers."))
        if self.descriptor_offset and not self.descriptor_size:
            out.append(Text("The VMDK header points at an embedded descriptor of size 0."))
        return out

    @property
    def newline_corrupted(self) -> bool:
        """True when a text-mode transfer changed line endings (VMware's own check)."""
        return bool(self.flags & FLAG_NEWLINE_TEST) and self.newline_chars != b"\n \r\n"


# --- descriptor ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Extent:
    """One ``RW 4192256 SPARSE "disk-s001.vmdk"`` line of a descriptor."""

    access: str  # RW, RDONLY, NOACCESS
    sectors: int
    type: str  # FLAT, SPARSE, ZERO, VMFS, VMFSSPARSE, VMFSRDM, VMFSRAW, SESPARSE
    file: str | None
    offset: int = 0


@dataclass(frozen=True)
class Descriptor:
    """The text that says what a VMDK is and where its data lives."""

    create_type: str | None
    cid: str | None
    parent_cid: str | None
    parent_file_name_hint: str | None
    encoding: str
    extents: tuple[Extent, ...]
    ddb: dict[str, str] = field(default_factory=dict)
    version: str | None = None

    @property
    def is_delta(self) -> bool:
        """A snapshot/child disk: only the changes to a parent disk."""
        return self.parent_cid is not None and self.parent_cid.lower() != NO_PARENT_CID

    @property
    def adapter_type(self) -> str | None:
        return self.ddb.get("ddb.adapterType")

    @property
    def hw_version(self) -> str | None:
        return self.ddb.get("ddb.virtualHWVersion")

    @property
    def capacity_sectors(self) -> int:
        return sum(e.sectors for e in self.extents)

    def to_dict(self) -> dict[str, object]:
        return {
            "create_type": self.create_type, "cid": self.cid, "parent_cid": self.parent_cid,
            "parent_file_name_hint": self.parent_file_name_hint, "encoding": self.encoding,
            "adapter_type": self.adapter_type, "virtual_hw_version": self.hw_version,
            "extents": [{"access": e.access, "sectors": e.sectors, "type": e.type,
                         "file": e.file, "offset": e.offset} for e in self.extents],
        }


_KEY_RE: Final = re.compile(r'^\s*([A-Za-z_.][\w.:-]*)\s*=\s*"?(.*?)"?\s*$')
_EXTENT_RE: Final = re.compile(
    r'^\s*(RW|RDONLY|NOACCESS)\s+(\d+)\s+([A-Za-z]+)(?:\s+"([^"]*)"(?:\s+(\d+))?)?\s*$',
    re.IGNORECASE)
_EXTENT_START_RE: Final = re.compile(r"^\s*(RW|RDONLY|NOACCESS)\s", re.IGNORECASE)
_ENCODING_RE: Final = re.compile(rb'^\s*encoding\s*=\s*"?([A-Za-z0-9_.:-]+)"?', re.MULTILINE)


def _decode(data: bytes) -> tuple[str, str]:
    """The descriptor text and the encoding used; ``encoding=`` is honoured (e.g. Shift_JIS)."""
    declared = _ENCODING_RE.search(data)
    name = declared.group(1).decode("ascii") if declared else "UTF-8"
    try:
        codecs.lookup(name)
    except LookupError:
        name = "UTF-8"
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        return data.decode(name, "replace"), name


def parse_descriptor(data: bytes) -> Descriptor:
    """Parse descriptor text (embedded or standalone); trailing NUL padding is ignored.

    Raises :class:`DiskFormatError` when the text is no descriptor at all or an extent line is
    malformed. Unknown keys are kept; unknown lines are ignored, as VMware does.
    """
    data = data.split(b"\x00", 1)[0]
    if not data.strip():
        raise DiskFormatError(Text("The VMDK's descriptor is empty."))
    text, encoding = _decode(data)
    if any(ord(c) < 9 or 13 < ord(c) < 32 for c in text):
        raise DiskFormatError(Text("The VMDK's descriptor is not text: it is damaged."))
    values: dict[str, str] = {}
    ddb: dict[str, str] = {}
    extents: list[Extent] = []
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if _EXTENT_START_RE.match(line):
            match = _EXTENT_RE.match(line)
            if not match:
                raise DiskFormatError(Text("The VMDK's descriptor has a malformed extent "
                                           "line: {line}.", line=repr(line[:120])))
            access, sectors, kind, file_name, offset = match.groups()
            if kind.upper() != "ZERO" and not file_name:
                raise DiskFormatError(Text("The VMDK's descriptor has an extent without a "
                                           "file name: {line}.", line=repr(line[:120])))
            extents.append(Extent(access.upper(), int(sectors), kind.upper(), file_name or None,
                                  int(offset or 0)))
            continue
        match = _KEY_RE.match(line)
        if not match:
            continue
        key, value = match.group(1), match.group(2)
        if key.startswith("ddb."):
            ddb[key] = value
        else:
            values[key] = value
    if "createType" not in values and not extents:
        raise DiskFormatError(Text("The text has no createType and no extents: it is not a "
                                   "VMDK descriptor."))
    return Descriptor(
        create_type=values.get("createType") or None,
        cid=values.get("CID"),
        parent_cid=values.get("parentCID"),
        parent_file_name_hint=values.get("parentFileNameHint") or None,
        encoding=values.get("encoding", encoding),
        extents=tuple(extents),
        ddb=ddb,
        version=values.get("version"),
    )


# --- hosted sparse extent: header, footer, grain directory ------------------------------------

@dataclass
class SparseInfo:
    """What the metadata of a hosted sparse (KDMV) file says, and what is wrong with it."""

    header: SparseHeader  # the one in force: the footer when the header says GD_AT_END
    descriptor: Descriptor | None
    footer_used: bool = False
    #: problems that make the file unusable (corrupt, truncated, inconsistent)
    fatal: list[str] = field(default_factory=list)
    #: things worth telling that do not make the file unusable
    warnings: list[str] = field(default_factory=list)

    @property
    def stream(self) -> bool:
        return self.header.compressed and self.header.has_markers

    def to_dict(self) -> dict[str, object]:
        h = self.header
        return {
            "version": h.version, "flags": h.flags, "capacity_sectors": h.capacity,
            "grain_size_sectors": h.grain_size, "descriptor_offset": h.descriptor_offset,
            "descriptor_size": h.descriptor_size, "gtes_per_gt": h.num_gtes_per_gt,
            "gd_offset": h.gd_offset, "rgd_offset": h.rgd_offset, "overhead": h.overhead,
            "compression": {0: "none", 1: "deflate"}.get(h.compress_algorithm, "unknown"),
            "unclean_shutdown": h.unclean_shutdown, "gd_at_end_footer": self.footer_used,
            "descriptor": self.descriptor.to_dict() if self.descriptor else None,
        }


def _truncated(size: int, needed: int, what: Text) -> Text:
    """``what`` is the part of the metadata that does not fit, e.g. ``Text("the header")``."""
    return Text("The file is shorter than its metadata says: {what} needs at least {needed} "
                "bytes, but the file has {size}. It is truncated (an interrupted copy or "
                "download).", what=what, needed=needed, size=size)


def read_sparse(reader: Reader) -> SparseInfo:
    """Read and check the metadata of a hosted sparse extent.

    Raises :class:`DiskFormatError` when not even the header can be read; every other problem
    is listed in :attr:`SparseInfo.fatal`.
    """
    size = reader.size
    header = SparseHeader.parse(reader.read_at(0, SECTOR))
    info = SparseInfo(header, None)
    fatal = info.fatal
    if header.newline_corrupted:
        fatal.append(Text("The file was copied in text mode (for example by FTP in ASCII "
                          "mode): its line endings were changed and the disk is damaged."))
        return info
    fatal.extend(header.problems())
    if fatal:
        return info
    if size < SECTOR:
        fatal.append(_truncated(size, SECTOR, Text("the header")))
        return info

    # The embedded descriptor.
    if header.descriptor_offset:
        start = header.descriptor_offset * SECTOR
        length = header.descriptor_size * SECTOR
        if start + min(length, MAX_DESCRIPTOR_BYTES) > size:
            fatal.append(_truncated(size, start + length, Text("the embedded descriptor")))
            return info
        text = reader.read_at(start, min(length, MAX_DESCRIPTOR_BYTES))
        if text.strip(b"\x00"):  # qemu reserves the space in extents of split disks, empty
            try:
                info.descriptor = parse_descriptor(text)
            except DiskFormatError as exc:
                fatal.append(message_of(exc))
                return info

    # The footer of a streamOptimized disk that keeps its grain directory at the end.
    if header.gd_at_end:
        footer = _read_footer(reader, header, fatal)
        if footer is None:
            return info
        info.header = header = footer
        info.footer_used = True

    _check_layout(reader, header, info)
    if header.unclean_shutdown:
        info.warnings.append(Text("The disk was not closed cleanly (its VM was running, or the "
                                  "host crashed). The guest may need a file-system check after "
                                  "import; shut the VM down and copy the disk again if you "
                                  "can."))
    return info


def _read_footer(reader: Reader, header: SparseHeader, fatal: list[str]) -> SparseHeader | None:
    size = reader.size
    if size < 3 * SECTOR + header.overhead * SECTOR:
        fatal.append(_truncated(size, 3 * SECTOR + header.overhead * SECTOR,
                                Text("the streamOptimized footer")))
        return None
    tail = reader.read_tail(3 * SECTOR)
    marker, footer_bytes, eos = tail[:SECTOR], tail[SECTOR:2 * SECTOR], tail[2 * SECTOR:]
    _, marker_size, marker_type = struct.unpack_from("<QII", marker)
    if eos.strip(b"\x00") or marker_size != 0 or marker_type != MARKER_FOOTER or \
            footer_bytes[:4] != KDMV_MAGIC:
        fatal.append(Text("The streamOptimized disk does not end with its footer and "
                          "end-of-stream marker: it is truncated (an interrupted copy or "
                          "download) or damaged."))
        return None
    footer = SparseHeader.parse(footer_bytes)
    problems = footer.problems()
    if problems:
        fatal.extend(Text("Footer: {problem}", problem=p) for p in problems)
        return None
    if footer.gd_at_end:
        fatal.append(Text("The streamOptimized footer does not say where the grain directory "
                          "is."))
        return None
    same = (footer.capacity, footer.grain_size, footer.num_gtes_per_gt, footer.compress_algorithm)
    if same != (header.capacity, header.grain_size, header.num_gtes_per_gt,
                header.compress_algorithm):
        fatal.append(Text("The streamOptimized footer disagrees with the header (size, grain "
                          "size or compression): the file is damaged."))
        return None
    return footer


def _check_layout(reader: Reader, header: SparseHeader, info: SparseInfo) -> None:
    """Grain directory, a sample of grain tables and the data area against the file size."""
    size = reader.size
    fatal = info.fatal
    stream = info.stream
    desc_end = (header.descriptor_offset + header.descriptor_size) * SECTOR \
        if header.descriptor_offset else SECTOR
    if header.overhead * SECTOR < desc_end:
        fatal.append(Text("The VMDK header's data area starts inside the descriptor: the "
                          "header is inconsistent."))
        return
    if header.overhead * SECTOR > size:
        fatal.append(_truncated(size, header.overhead * SECTOR, Text("the metadata area")))
        return
    gd_start = header.gd_offset * SECTOR
    gd_bytes = header.gd_sectors * SECTOR
    if gd_start < desc_end:
        fatal.append(Text("The VMDK header's grain directory overlaps the header or the "
                          "descriptor: the header is inconsistent."))
        return
    if gd_start + gd_bytes > size:
        fatal.append(_truncated(size, gd_start + gd_bytes, Text("the grain directory")))
        return
    if not stream and header.gd_offset + header.gd_sectors > header.overhead:
        fatal.append(Text("The VMDK header's grain directory runs into the data area: the "
                          "header is inconsistent."))
        return
    if header.flags & FLAG_REDUNDANT_GT and not stream and (
            header.rgd_offset * SECTOR < desc_end
            or header.rgd_offset + header.gd_sectors > header.overhead):
        fatal.append(Text("The VMDK header's redundant grain directory lies outside the "
                          "metadata area: the header is inconsistent."))
        return

    gd_raw = reader.read_at(gd_start, min(gd_bytes, MAX_GD_BYTES))
    count = min(header.gt_count, len(gd_raw) // 4)
    used = [(i, e) for i, e in enumerate(struct.unpack_from(f"<{count}I", gd_raw)) if e]
    beyond = [e for _, e in used if (e + header.gt_sectors) * SECTOR > size]
    if beyond:
        fatal.append(_truncated(size, (max(beyond) + header.gt_sectors) * SECTOR,
                                Text("a grain table the grain directory points to")))
        return
    if any(e * SECTOR < desc_end or (not stream and e + header.gt_sectors > header.overhead)
           for _, e in used):
        fatal.append(Text("The grain directory points outside the metadata area: the disk is "
                          "damaged."))
        return
    if used:
        _check_grains(reader, header, info, sorted({used[0], used[-1]}))


def _check_grains(reader: Reader, header: SparseHeader, info: SparseInfo,
                  tables: list[tuple[int, int]]) -> None:
    """Check the grains of a sample of grain tables (``(table number, sector)`` pairs).

    In a stream, and in any disk qemu-img or an export wrote, grains lie in disk order, so the
    last table holds the grain that ends the file: a truncated copy is caught here.
    """
    size = reader.size
    stream = info.stream
    grain_bytes = header.grain_size * SECTOR
    highest: tuple[int, int] | None = None  # (sector, grain number)
    for table_number, gt_sector in tables:
        table = reader.read_at(gt_sector * SECTOR, header.gt_sectors * SECTOR)
        gtes = struct.unpack_from(f"<{len(table) // 4}I", table)
        for position, grain in enumerate(gtes):
            if grain == 0 or (grain == 1 and header.flags & FLAG_ZEROED_GTE):
                continue  # not allocated, or a zeroed grain
            if grain < header.overhead:
                info.fatal.append(Text("A grain table points into the metadata area: the "
                                       "disk is damaged."))
                return
            if highest is None or grain > highest[0]:
                highest = (grain, table_number * header.num_gtes_per_gt + position)
    if highest is None:
        return
    grain, number = highest
    if stream:
        marker = reader.read_at(grain * SECTOR, 12)
        if len(marker) < 12:
            info.fatal.append(_truncated(size, grain * SECTOR + 12,
                                             Text("the last compressed grain")))
            return
        lba, compressed = struct.unpack("<QI", marker)
        if lba != number * header.grain_size:
            info.fatal.append(Text("A grain marker does not match its grain table: the disk "
                                   "is damaged."))
            return
        if not 0 < compressed <= 2 * grain_bytes:  # qemu reads at most two grains' worth
            info.fatal.append(Text("A grain table points at something that is not a "
                                   "compressed grain: the disk is damaged."))
            return
        end = grain * SECTOR + 12 + compressed
    else:
        end = grain * SECTOR + grain_bytes
    if end > size:
        info.fatal.append(_truncated(size, end, Text("the last grain of data")))
        return
    if stream:
        cut = _stream_cut(reader, header, end)
        if cut is not None:
            info.fatal.append(_truncated(size, cut, Text("the rest of the grain stream")))
            return
    if not stream and (size - header.overhead * SECTOR) % grain_bytes:
        info.warnings.append(Text(
            "The file size is not a whole number of grains after the metadata, which a "
            "complete disk usually is: it may be truncated. If the copy was interrupted, copy "
            "it again."))


#: stream items walked after the last grain the sampled grain tables know (each a 16-byte read)
MAX_STREAM_WALK: Final = 64


def _stream_cut(reader: Reader, header: SparseHeader, start: int) -> int | None:
    """Where the stream after byte ``start`` (the end of a known grain) would need the file to
    go on, when the file stops inside an item; None when it ends on an item boundary.

    Each item starts on a sector: a grain marker (LBA, compressed size, data) or a metadata
    marker (sector count, 0, type) followed by that many sectors. The walk stops, complete, at
    the end of the file, at an end-of-stream marker or zeros (qemu's padding), or at bytes that
    are no stream item (not ours to judge; the grain tables vouch for the rest). It reads 16
    bytes per item and at most :data:`MAX_STREAM_WALK` items, normally a few: the grain tables'
    last grain is the stream's last grain, followed by nothing or zeros (qemu) or by the last
    grain table, the directory, the footer and the end-of-stream marker (VMware).
    """
    size = reader.size
    grain_bytes = header.grain_size * SECTOR
    metadata_sectors = {MARKER_GT: header.gt_sectors, MARKER_GD: header.gd_sectors,
                        MARKER_FOOTER: 1}
    position = -(-start // SECTOR) * SECTOR
    for _ in range(MAX_STREAM_WALK):
        if position >= size:
            return None
        head = reader.read_at(position, 16).ljust(16, b"\x00")
        value: int
        length: int
        kind: int
        value, length, kind = struct.unpack("<QII", head)
        if length == 0:
            if kind == MARKER_EOS or metadata_sectors.get(kind) != value:
                return None  # the end, padding, or not a marker we can size
            end = position + SECTOR + value * SECTOR
        elif value % header.grain_size or value >= header.capacity or \
                length > 2 * grain_bytes:
            return None  # not a grain marker
        else:
            end = position + 12 + length
        if end > size:
            return end
        position = -(-end // SECTOR) * SECTOR
    return None
