"""Volumes: every place on the disk that may hold a filesystem, and what is in it.

Each partition (or the whole disk when it has no table) is identified by its signature, and
LVM2 physical volumes are opened to list their logical volumes. Identification reads the first
64 KiB of each volume, plus the filesystem's own size and free space from its superblock (for
NTFS, from the $Bitmap file, bounded).

LVM2 is read by hand (label, metadata area, the metadata text): pyvslvm (libvslvm) lists volume
groups and logical volumes but does not expose a segment's type or stripe count, and libvslvm
itself ignores both (left as a to-do in its ``libvslvm_metadata.c``), so a striped, thin or RAID
volume would be read as if it were linear, i.e. as garbage. The text format is small and
documented (``lvm2/doc/lvm2-raid.txt``, ``man lvm.conf`` for the syntax); only a volume made of
linear segments on physical volumes of this disk is mapped, anything else is listed with
``unreadable`` saying why.
"""

from __future__ import annotations

import io
import os
import re
import struct
import uuid
from dataclasses import dataclass
from typing import Any, Final

from vmdkimport.core.guest.facts import BootFacts, PartKind, Scheme, Volume
from vmdkimport.core.guest.fs import GuestReadError
from vmdkimport.core.guest.libfs import NtfsLibrary
from vmdkimport.core.guest.partitions import Source, read_boot
from vmdkimport.core.text import Text

SECTOR: Final = 512
HEAD_BYTES: Final = 64 * 1024
#: NTFS free space is counted from $Bitmap only up to this size (a 1 TiB volume with 4 KiB
#: clusters has a 32 MiB bitmap); beyond it free_bytes stays None
MAX_NTFS_BITMAP: Final = 32 * 1024 * 1024
#: LVM metadata text is a few KiB; the default metadata area is 1 MiB
MAX_LVM_METADATA: Final = 1024 * 1024
MAX_LVM_SEGMENTS: Final = 1024
MAX_LVM_VOLUMES: Final = 256
MAX_CONFIG_DEPTH: Final = 16
MAX_CONFIG_TOKENS: Final = 200_000
LVM_MDA_MAGIC: Final = b" LVM2 x[5A%r0N*>"


def _read(source: Source, offset: int, length: int) -> bytes:
    if length <= 0 or offset < 0:
        return b""
    source.seek(offset)
    return source.read(length) or b""


# --- files over parts of the disk ------------------------------------------------------------

class SliceFile(io.RawIOBase):
    """A byte range of the disk as a file of its own (read, seek, tell, get_size, peek): what a
    filesystem library opens. Reads never leave the range."""

    def __init__(self, disk: Source, start: int, size: int) -> None:
        super().__init__()
        self._disk = disk
        self._start = start
        self.size = max(0, size)
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def get_size(self) -> int:
        return self.size

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self.size}.get(whence)
        if base is None:
            raise ValueError(f"invalid whence {whence}")
        if base + offset < 0:
            raise OSError(22, "negative seek position")
        self._pos = base + offset
        return self._pos

    def tell(self) -> int:
        return self._pos

    def _read_at(self, position: int, size: int) -> bytes:
        return _read(self._disk, self._start + position, size)

    def read(self, size: int = -1, /) -> bytes:
        left = max(0, self.size - self._pos)
        size = left if size is None or size < 0 else min(size, left)
        data = self._read_at(self._pos, size) if size else b""
        self._pos += len(data)
        return data

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def peek(self, size: int = 0, /) -> bytes:
        position = self._pos
        data = self.read(size)
        self._pos = position
        return data


class MappedFile(SliceFile):
    """A logical volume: linear segments (volume offset, disk offset, length) read in order."""

    def __init__(self, disk: Source, segments: list[tuple[int, int, int]]) -> None:
        size = max((lv + length for lv, _, length in segments), default=0)
        super().__init__(disk, 0, size)
        self._segments = sorted(segments)

    def _read_at(self, position: int, size: int) -> bytes:
        out = bytearray()
        for lv_offset, disk_offset, length in self._segments:
            if len(out) >= size:
                break
            here = position + len(out)
            if not lv_offset <= here < lv_offset + length:
                continue
            want = min(size - len(out), lv_offset + length - here)
            chunk = _read(self._disk, disk_offset + here - lv_offset, want)
            out += chunk
            if len(chunk) < want:
                break
        return bytes(out)


# --- filesystem signatures -------------------------------------------------------------------

@dataclass(frozen=True)
class Identity:
    filesystem: str
    label: str = ""
    uuid: str = ""
    size_bytes: int | None = None
    free_bytes: int | None = None


def _text(raw: bytes) -> str:
    return raw.split(b"\0", 1)[0].decode("utf-8", "replace").strip()


def _ext(head: bytes) -> Identity:
    sb = head[1024:2048]
    compat, incompat = struct.unpack_from("<II", sb, 92)
    log_block = struct.unpack_from("<I", sb, 24)[0]
    kind = "ext4" if incompat & (0x40 | 0x80 | 0x200) else "ext3" if compat & 0x4 else "ext2"
    label = _text(sb[120:136])
    fs_uuid = str(uuid.UUID(bytes=sb[104:120]))
    if log_block > 6:
        return Identity(kind, label, fs_uuid)
    block = 1024 << log_block
    blocks = struct.unpack_from("<I", sb, 4)[0]
    free = struct.unpack_from("<I", sb, 12)[0]
    if incompat & 0x80:  # 64bit: the high halves count
        blocks |= struct.unpack_from("<I", sb, 0x150)[0] << 32
        free |= struct.unpack_from("<I", sb, 0x158)[0] << 32
    return Identity(kind, label, fs_uuid, blocks * block, min(free, blocks) * block)


def _xfs(head: bytes) -> Identity:
    block, blocks = struct.unpack_from(">IQ", head, 4)
    free = struct.unpack_from(">Q", head, 144)[0]
    fs_uuid = str(uuid.UUID(bytes=head[32:48]))
    if not 512 <= block <= 65536:
        return Identity("xfs", _text(head[108:120]), fs_uuid)
    # sb_fdblocks of the primary superblock: exact after a clean unmount; with lazy counters
    # (the default) a crashed guest's figure may be stale until xfs_repair
    return Identity("xfs", _text(head[108:120]), fs_uuid, blocks * block,
                    min(free, blocks) * block)


def _ntfs_geometry(head: bytes) -> tuple[int, int] | None:
    """(cluster size, clusters) from an NTFS boot sector, or None when it makes no sense."""
    per_sector = struct.unpack_from("<H", head, 11)[0]
    raw = head[13]
    per_cluster = 1 << (256 - raw) if raw > 0x80 else raw
    sectors = struct.unpack_from("<Q", head, 40)[0]
    if per_sector not in (512, 1024, 2048, 4096) or not per_cluster or per_cluster > 1 << 12:
        return None
    cluster = per_sector * per_cluster
    return cluster, sectors * per_sector // cluster


def _vfat(head: bytes) -> Identity | None:
    if head[510:512] != b"\x55\xaa":
        return None
    per_sector = struct.unpack_from("<H", head, 11)[0]
    if per_sector not in (512, 1024, 2048, 4096) or head[13] not in (1, 2, 4, 8, 16, 32, 64, 128):
        return None
    fat32 = head[82:87] == b"FAT32"
    if not (fat32 or head[54:57] == b"FAT"):
        return None
    serial_at, label_at = (67, 71) if fat32 else (39, 43)
    serial = struct.unpack_from("<I", head, serial_at)[0]
    label = head[label_at:label_at + 11].decode("latin-1").strip()
    sectors = struct.unpack_from("<H", head, 19)[0] or struct.unpack_from("<I", head, 32)[0]
    return Identity("vfat", "" if label == "NO NAME" else label,
                    f"{serial >> 16:04X}-{serial & 0xFFFF:04X}", sectors * per_sector)


def _lvm_label(head: bytes) -> int | None:
    """The offset of the LVM2 label in the first four sectors, or None."""
    for sector in range(4):
        at = sector * SECTOR
        if head[at:at + 8] == b"LABELONE" and head[at + 24:at + 32] == b"LVM2 001":
            return at
    return None


def identify(head: bytes) -> Identity:
    """What the first 64 KiB of a volume say it holds (see :attr:`Volume.filesystem`)."""
    if len(head) >= 2048 and head[1080:1082] == b"\x53\xef":
        return _ext(head)
    if head[:4] == b"XFSB" and len(head) >= 160:
        return _xfs(head)
    if head[3:11] == b"NTFS    " and len(head) >= 512:
        geometry = _ntfs_geometry(head)
        serial = struct.unpack_from("<Q", head, 72)[0]
        size = geometry[0] * geometry[1] if geometry else None
        return Identity("ntfs", "", f"{serial:016X}", size)
    if head[3:11] == b"-FVE-FS-":
        return Identity("bitlocker")
    if head[:6] == b"LUKS\xba\xbe":
        return Identity("luks", _text(head[24:72]) if head[6:8] == b"\0\x02" else "",
                        _text(head[168:208]))
    if _lvm_label(head) is not None:
        return Identity("lvm2-pv")
    if head[4086:4096] == b"SWAPSPACE2":
        return Identity("swap", _text(head[1052:1068]), str(uuid.UUID(bytes=head[1036:1052])))
    if len(head) >= 512:
        fat = _vfat(head)
        if fat is not None:
            return fat
    return Identity("unknown" if any(head) else "")


def _ntfs_details(source: Source, head: bytes, identity: Identity) -> tuple[Identity, str]:
    """Label and free space of an NTFS volume from the library (free: clear bits of
    $Bitmap); the second value says why it could not be opened, "" when it could."""
    try:
        library = NtfsLibrary(source)
        label = library.label()
        geometry = _ntfs_geometry(head)
        free: int | None = None
        if geometry is not None:
            cluster, clusters = geometry
            bitmap = library.bitmap(MAX_NTFS_BITMAP)
            if bitmap is not None and len(bitmap) * 8 >= clusters:
                whole, rest = divmod(clusters, 8)
                used = int.from_bytes(bitmap[:whole], "little").bit_count()
                if rest:
                    used += (bitmap[whole] & ((1 << rest) - 1)).bit_count()
                free = (clusters - used) * cluster
    except GuestReadError as exc:
        return identity, str(exc)
    return Identity("ntfs", label, identity.uuid, identity.size_bytes, free), ""


def _volume(where: str, start: int, size: int, source: SliceFile) -> Volume:
    head = _read(source, 0, HEAD_BYTES)
    identity = identify(head)
    unreadable = ""
    if identity.filesystem == "ntfs":
        identity, unreadable = _ntfs_details(source, head, identity)
    return Volume(where, start, size, identity.filesystem, identity.label, identity.uuid,
                  identity.size_bytes, identity.free_bytes, unreadable)


# --- LVM2 ------------------------------------------------------------------------------------

_TOKEN: Final = re.compile(r'\s+|#[^\n]*|"((?:\\.|[^"\\])*)"|(-?\d+)|([A-Za-z0-9_.+\-]+)|(.)')


def parse_lvm_config(text: str) -> dict[str, Any]:
    """The LVM2 metadata text (``name { key = value ... }``) as nested dicts; values are str,
    int or lists of them. Bounded in depth and tokens; raises ValueError when malformed."""
    tokens: list[tuple[str, Any]] = []
    for match in _TOKEN.finditer(text):
        string, number, word, symbol = match.groups()
        if string is not None:
            tokens.append(("value", string.replace('\\"', '"').replace("\\\\", "\\")))
        elif number is not None:
            tokens.append(("value", int(number)))
        elif word is not None:
            tokens.append(("word", word))
        elif symbol is not None:
            tokens.append(("symbol", symbol))
        if len(tokens) > MAX_CONFIG_TOKENS:
            raise ValueError("too many tokens")
    position = 0

    def section(depth: int) -> dict[str, Any]:
        nonlocal position
        if depth > MAX_CONFIG_DEPTH:
            raise ValueError("nested too deep")
        out: dict[str, Any] = {}
        while position < len(tokens):
            kind, value = tokens[position]
            if kind == "symbol" and value == "}":
                if not depth:
                    raise ValueError("unexpected '}'")
                position += 1
                return out
            if kind != "word":
                raise ValueError(f"unexpected {value!r}")
            position += 1
            follow = tokens[position] if position < len(tokens) else ("", "")
            position += 1
            if follow == ("symbol", "{"):
                out[value] = section(depth + 1)
            elif follow == ("symbol", "="):
                out[value] = item()
            else:
                raise ValueError(f"unexpected {follow[1]!r} after {value!r}")
        if depth:
            raise ValueError("unterminated section")
        return out

    def item() -> Any:
        nonlocal position
        if position >= len(tokens):
            raise ValueError("missing value")
        kind, value = tokens[position]
        position += 1
        if kind in ("value", "word"):
            return value
        if (kind, value) != ("symbol", "["):
            raise ValueError(f"unexpected {value!r}")
        values: list[Any] = []
        while position < len(tokens):
            kind, value = tokens[position]
            position += 1
            if (kind, value) == ("symbol", "]"):
                return values
            if kind == "value":
                values.append(value)
            elif (kind, value) != ("symbol", ","):
                raise ValueError(f"unexpected {value!r} in a list")
        raise ValueError("unterminated list")

    return section(0)


@dataclass(frozen=True)
class PhysicalVolume:
    """An LVM2 PV on this disk: where its data starts, and its VG's metadata."""

    disk_start: int  # bytes from the start of the disk
    pv_uuid: str  # 32 characters, no dashes
    metadata: dict[str, Any] | None
    problem: str = ""


def _u(raw: bytes, offset: int, fmt: str) -> int:
    value: int = struct.unpack_from(fmt, raw, offset)[0]
    return value


def read_physical_volume(source: Source, disk_start: int) -> PhysicalVolume | None:
    """The label and current metadata of an LVM2 PV (``source`` reads the PV, from 0)."""
    head = _read(source, 0, 4 * SECTOR)
    at = _lvm_label(head)
    if at is None:
        return None
    pv_at = at + _u(head, at + 20, "<I")
    header = head[pv_at:] if pv_at < len(head) else b""
    if len(header) < 40:
        return PhysicalVolume(disk_start, "", None, Text("The LVM label is damaged."))
    pv_uuid = header[:32].decode("ascii", "replace")
    # after the uuid and device size: the data areas, a zero entry, the metadata areas
    offset, lists = 40, []
    for _ in range(2):
        areas: list[tuple[int, int]] = []
        while offset + 16 <= len(header) and len(areas) < 8:
            area_offset, area_size = struct.unpack_from("<QQ", header, offset)
            offset += 16
            if area_offset == 0:
                break
            areas.append((area_offset, area_size))
        lists.append(areas)
    for mda_offset, _ in lists[1]:
        text = _read_metadata_area(source, mda_offset)
        if text is None:
            continue
        try:
            config = parse_lvm_config(text)
        except (ValueError, RecursionError):
            continue
        return PhysicalVolume(disk_start, pv_uuid, config)
    return PhysicalVolume(disk_start, pv_uuid, None,
                          Text("The LVM metadata of this physical volume could not be read."))


def _read_metadata_area(source: Source, mda_offset: int) -> str | None:
    header = _read(source, mda_offset, SECTOR)
    if len(header) < 64 or header[4:20] != LVM_MDA_MAGIC:
        return None
    start, size = struct.unpack_from("<QQ", header, 24)
    locn_offset, locn_size = struct.unpack_from("<QQ", header, 40)
    if locn_offset == 0 or not 0 < locn_size <= MAX_LVM_METADATA or size > 1 << 40:
        return None
    if locn_offset + locn_size <= size:
        raw = _read(source, start + locn_offset, locn_size)
    else:  # the text wraps round the circular buffer, after the 512-byte header
        first = max(0, size - locn_offset)
        raw = _read(source, start + locn_offset, first) + \
            _read(source, start + SECTOR, locn_size - first)
    return raw.split(b"\0", 1)[0].decode("utf-8", "replace")


@dataclass(frozen=True)
class LogicalVolume:
    vg: str
    name: str
    segments: tuple[tuple[int, int, int], ...]  # (lv offset, disk offset, length)
    size: int
    unreadable: str = ""


def _vg_of(config: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    for name, value in config.items():
        if isinstance(value, dict) and "extent_size" in value:
            return name, value
    return None


def logical_volumes(pvs: list[PhysicalVolume]) -> list[LogicalVolume]:
    """The logical volumes of the volume groups whose PVs are on this disk, mapped to disk
    offsets when every segment is linear on a PV of this disk."""
    on_disk = {pv.pv_uuid: pv for pv in pvs if pv.pv_uuid}
    out: list[LogicalVolume] = []
    seen_vgs: set[str] = set()
    for pv in pvs:
        found = _vg_of(pv.metadata) if pv.metadata else None
        if found is None:
            continue
        vg_name, vg = found
        vg_id = str(vg.get("id", vg_name))
        if vg_id in seen_vgs:
            continue
        seen_vgs.add(vg_id)
        extent = vg.get("extent_size")
        if not isinstance(extent, int) or extent <= 0:
            continue
        extent_bytes = extent * SECTOR
        pv_start: dict[str, int | None] = {}
        for pv_name, pv_value in _dicts(vg.get("physical_volumes")):
            local = on_disk.get(str(pv_value.get("id", "")).replace("-", ""))
            pe_start = pv_value.get("pe_start")
            pv_start[pv_name] = (local.disk_start + pe_start * SECTOR
                                 if local is not None and isinstance(pe_start, int) else None)
        for lv_name, lv in _dicts(vg.get("logical_volumes"))[:MAX_LVM_VOLUMES]:
            status = lv.get("status")
            if isinstance(status, list) and "VISIBLE" not in status:
                continue  # an internal volume (a thin pool's metadata, a RAID image)
            out.append(_map_lv(vg_name, lv_name, lv, extent_bytes, pv_start))
    return out


def _dicts(value: Any) -> list[tuple[str, dict[str, Any]]]:
    if not isinstance(value, dict):
        return []
    return [(k, v) for k, v in value.items() if isinstance(v, dict)]


def _map_lv(vg: str, name: str, lv: dict[str, Any], extent_bytes: int,
            pv_start: dict[str, int | None]) -> LogicalVolume:
    segments: list[tuple[int, int, int]] = []
    size = 0
    why = ""
    for _, seg in _dicts(lv)[:MAX_LVM_SEGMENTS]:
        start, count = seg.get("start_extent"), seg.get("extent_count")
        if not isinstance(start, int) or not isinstance(count, int) or start < 0 or count <= 0:
            why = why or Text("a segment of it is damaged")
            continue
        size = max(size, (start + count) * extent_bytes)
        kind, stripes = seg.get("type"), seg.get("stripes")
        if kind != "striped" or seg.get("stripe_count") != 1:
            why = why or Text("it is a {kind} volume, not a linear one", kind=str(
                kind if kind != "striped" else f"striped ({seg.get('stripe_count')})"))
            continue
        if not (isinstance(stripes, list) and len(stripes) == 2 and isinstance(stripes[1], int)):
            why = why or Text("a segment of it is damaged")
            continue
        base = pv_start.get(str(stripes[0]))
        if base is None:
            why = why or Text("part of it is on a physical volume that is not on this disk")
            continue
        segments.append((start * extent_bytes, base + stripes[1] * extent_bytes,
                         count * extent_bytes))
    if not segments and not why:
        why = Text("it has no segments")
    return LogicalVolume(vg, name, tuple(segments), size, why)


# --- the whole -------------------------------------------------------------------------------

def _partition_volumes(disk: Source, size: int, boot: BootFacts) -> list[tuple[str, int, int]]:
    if boot.scheme == Scheme.NONE:
        return [("whole disk", 0, size)]
    out = []
    for part in boot.partitions:
        if part.kind == PartKind.EXTENDED or part.start >= size or part.size <= 0:
            continue
        out.append((f"partition {part.number}", part.start, min(part.size, size - part.start)))
    return out


def _lvm_scan(disk: Source, size: int, boot: BootFacts
              ) -> tuple[list[Volume], list[LogicalVolume]]:
    volumes: list[Volume] = []
    pvs: list[PhysicalVolume] = []
    for where, start, length in _partition_volumes(disk, size, boot):
        source = SliceFile(disk, start, length)
        volume = _volume(where, start, length, source)
        if volume.filesystem == "lvm2-pv":
            pv = read_physical_volume(source, start)
            if pv is not None:
                pvs.append(pv)
                vg = _vg_of(pv.metadata) if pv.metadata else None
                volume = Volume(where, start, length, "lvm2-pv", vg[0] if vg else "",
                                pv.pv_uuid, unreadable=pv.problem)
        volumes.append(volume)
    return volumes, logical_volumes(pvs)


def find_volumes(disk: Source, size: int, boot: BootFacts) -> list[Volume]:
    """Every partition (or the whole disk) and every LVM2 logical volume, with its filesystem.

    Reads about 64 KiB per volume (more for an NTFS volume's $Bitmap). Never raises for what is
    on the disk; an LV that cannot be mapped is a Volume with ``unreadable`` set.
    """
    volumes, lvs = _lvm_scan(disk, size, boot)
    for lv in lvs:
        where = f"LVM {lv.vg}/{lv.name}"
        first = lv.segments[0][1] if lv.segments else 0
        if lv.unreadable:
            volumes.append(Volume(where, first, lv.size, "unknown",
                                  unreadable=Text("The logical volume cannot be read: {why}.",
                                                  why=lv.unreadable)))
            continue
        volumes.append(_volume(where, first, lv.size, MappedFile(disk, list(lv.segments))))
    return volumes


def open_volume(disk: Source, size: int, volume: Volume) -> SliceFile:
    """The bytes of a volume as a file: a slice of the disk, or an LV's segments in order.

    Raises :class:`GuestReadError` for an LV that cannot be mapped (or is no longer found).
    """
    if not volume.where.startswith("LVM "):
        return SliceFile(disk, volume.start, min(volume.size, max(0, size - volume.start)))
    _, lvs = _lvm_scan(disk, size, read_boot(disk, size))
    for lv in lvs:
        if f"LVM {lv.vg}/{lv.name}" == volume.where:
            if lv.unreadable:
                break
            return MappedFile(disk, list(lv.segments))
    raise GuestReadError(Text("The logical volume {name} cannot be read.", name=volume.where))
