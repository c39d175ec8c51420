"""Write any readable disk as a streamOptimized VMDK, in one sequential pass, as a stream.

The import service takes one self-contained VMDK; streamOptimized (deflated grains, what
VMware's OVF export writes) is the smallest such file, and on an office uplink the bytes on the
wire are the migration's duration. :class:`StreamConverter` reads a :class:`VirtualDisk` (or
anything with ``size``, ``pread`` and ``allocated_ranges``) and yields the VMDK's bytes in
order, so the uploader can hash and send them without a temporary file;
:func:`convert_to_file` writes the same bytes to a file.

Why hand-written: no library writes streamOptimized. PyPI has no VMDK writer, libvmdk (libyal)
only reads, and ``qemu-img`` is not on a Windows workstation unless the administrator installed
QEMU (the bundle does not carry it). The format is small (VMware "Virtual Disk Format 5.0",
"Stream-Optimized Compressed Sparse Extents"), and the header, markers and constants are
reused from :mod:`vmdkimport.core.disk.vmdk`, so the pre-flight and the reader judge our output
by the same code that judges VMware's.

Layout written (sector = 512 bytes), as VMware's export writes it::

    sector 0        header: version 3, flags newline-test|compressed|markers, grain 128
                    sectors, 512 entries per grain table, gdOffset = GD_AT_END, deflate
    sectors 1-20    the embedded descriptor (createType "streamOptimized")
    sector 128 ...  for every grain (64 KiB) holding data, in disk order: a grain marker (u64
                    LBA, u32 compressed size) and the zlib (RFC 1950) data, padded to a sector;
                    after the grains of each group of 512 that had any: a GT marker and the
                    grain table (4 sectors)
    end             a GD marker and the grain directory, a footer marker and the footer (the
                    header again, with the real gdOffset), an end-of-stream marker (a zero
                    sector)

Grains that are unallocated in the source, or all zeros, are not written (their grain table
entry stays 0 and they read as zeros).

Deterministic, so that resume stays exact: the output depends only on the source's bytes, its
size, the extent name, the descriptor facts passed in and :class:`ConvertSettings` (the level;
never on the thread count, the time or chance: the CID is a CRC of the size and name). zlib
gives the same bytes for the same input, level and zlib build; :func:`stream_identity` names all
of that, and the uploader keeps it in its journal. After a kill -9 the uploader produces the
stream again from the start, hashing it (SHA1 of the whole, MD5 per segment) without sending,
up to the first segment Swift does not hold, and sends from there; a different identity (another
zlib, another level) means the stored segments cannot be trusted and the upload starts over.
Re-producing costs the CPU of compressing the source up to that point; reading and testing for
zeros are cheap beside deflate. Measured on the reference machine (2 cores, zlib 1.2.13, a
1 GiB ext4 image about 30 % full of real files): deflate at level 6 takes one core about 70 MiB
of non-zero source data per second (114 at level 1, for 4 % more output); zero and unallocated
grains cost about 3.5 GiB/s of reading and comparing. The whole image (1 GiB, 313 MiB of it
non-zero) is re-produced in 5.0 s on one compression thread and 2.8 s on two (206 and 360 MiB
of source per second). So a resume near the end of a disk whose guest uses 60 GB costs about
15 minutes of one core (7 on two) before the first new segment is sent.

Memory, whatever the disk's size: the source's read batch (:attr:`ConvertSettings.read_bytes`,
1 MiB, held in up to three copies while it is split), at most
:attr:`ConvertSettings.grains_in_flight` grains being compressed (64 KiB each and at most about
64 KiB compressed), the output buffer (:attr:`ConvertSettings.chunk_bytes`, twice while a piece
is cut, plus one grain), one grain table (2 KiB), and the grain directory, which grows with the
disk's *size* at 4 bytes per 32 MiB (128 KiB per TiB; 8 MiB at VMware's 62 TB limit). With the
defaults that is about 3 + 0.125 x in_flight + 2 MiB; measured with tracemalloc on the 1 GiB
image: 7.0 MiB peak on one thread, 7.7 MiB on two.

Threads: the caller's thread reads the source (a :class:`VirtualDisk` is not thread-safe, so it
never leaves that thread), tests for zeros and assembles the stream; compression runs on
:attr:`ConvertSettings.threads` worker threads (zlib releases the GIL while it deflates) and
the results are emitted in disk order.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import zlib
from array import array
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Protocol

from vmdkimport.core.disk.diskformat import (
    SECTOR,
    DiskFormatError,
    OperationCancelled,
    Reader,
    detect,
    iter_tar,
)
from vmdkimport.core.disk.qemu import ConversionFailed
from vmdkimport.core.disk.virtual import open_virtual_disk
from vmdkimport.core.disk.vmdk import (
    COMPRESSION_DEFLATE,
    FLAG_COMPRESSED,
    FLAG_MARKERS,
    FLAG_NEWLINE_TEST,
    GD_AT_END,
    HEADER_FORMAT,
    KDMV_MAGIC,
    MARKER_EOS,
    MARKER_FOOTER,
    MARKER_GD,
    MARKER_GT,
    MAX_CAPACITY_SECTORS,
    MAX_DESCRIPTOR_BYTES,
    Descriptor,
    parse_descriptor,
    read_sparse,
)
from vmdkimport.core.errors import VmdkImportError
from vmdkimport.core.text import Text

#: the version of this writer's layout; part of :func:`stream_identity`
WRITER_VERSION: Final = 1
GRAIN_SECTORS: Final = 128
GRAIN_BYTES: Final = GRAIN_SECTORS * SECTOR
GTES_PER_GT: Final = 512
GT_SECTORS: Final = GTES_PER_GT * 4 // SECTOR
#: the descriptor's room after the header (VMware's 20 sectors)
DESCRIPTOR_SECTORS: Final = 20
#: sectors before the first grain (VMware's 64 KiB)
OVERHEAD_SECTORS: Final = 128
FLAGS: Final = FLAG_NEWLINE_TEST | FLAG_COMPRESSED | FLAG_MARKERS
#: a grain table entry is a u32 sector number: the stream cannot go past 2 TiB
MAX_OUTPUT_SECTORS: Final = 0xFFFFFFFF
#: grains compressed for :meth:`StreamConverter.estimate`
ESTIMATE_SAMPLES: Final = 32
#: adapter type written when the source does not say (VMware's default for a SCSI disk)
DEFAULT_ADAPTER: Final = "lsilogic"
#: descriptor (ddb) keys carried over from the source, when their values are plain
_KEPT_DDB: Final = ("ddb.adapterType", "ddb.virtualHWVersion", "ddb.toolsVersion",
                    "ddb.toolsInstallType", "ddb.uuid")
_MARKER: Final = struct.Struct("<QII")
_GRAIN_MARKER: Final = struct.Struct("<QI")
_ZERO_GRAIN: Final = bytes(GRAIN_BYTES)
_ZERO_SECTOR: Final = bytes(SECTOR)
#: an array("I") is little-endian u32s here, so a grain table is written in one copy
_NATIVE_U32: Final = sys.byteorder == "little" and array("I").itemsize == 4


def _default_threads() -> int:
    """One compression thread per core, at most eight. The caller's thread only reads, tests
    for zeros and assembles the stream (and an upload hashes it: the output is a fraction of
    the source), so it needs no core of its own: on two cores, two threads convert 360 MiB of
    source per second and one 206."""
    return max(1, min(8, os.cpu_count() or 1))


@dataclass(frozen=True)
class ConvertSettings:
    """How to convert. Only ``level`` changes the output; the others change speed and memory.

    ``level`` is zlib's (1 fastest .. 9 smallest; 6 is zlib's and qemu's default). ``threads``
    is the number of compression threads. ``in_flight`` bounds the grains read but not yet
    emitted (None: eight per thread). ``chunk_bytes`` is the size of the pieces
    :meth:`StreamConverter.chunks` yields (the last one may be shorter), ``read_bytes`` the
    largest single read of the source.
    """

    level: int = 6
    threads: int = field(default_factory=_default_threads)
    in_flight: int | None = None
    chunk_bytes: int = 1024 * 1024
    read_bytes: int = 1024 * 1024

    def __post_init__(self) -> None:
        if not 0 <= self.level <= 9:
            raise ValueError(f"zlib level must be 0..9, not {self.level}")
        if not 1 <= self.threads <= 64:
            raise ValueError(f"threads must be 1..64, not {self.threads}")
        if self.in_flight is not None and not 1 <= self.in_flight <= 4096:
            raise ValueError(f"in_flight must be 1..4096, not {self.in_flight}")
        if not SECTOR <= self.chunk_bytes <= 256 * 1024 * 1024:
            raise ValueError(f"chunk_bytes must be 512 B..256 MiB, not {self.chunk_bytes}")
        if not GRAIN_BYTES <= self.read_bytes <= 256 * 1024 * 1024:
            raise ValueError(f"read_bytes must be 64 KiB..256 MiB, not {self.read_bytes}")

    @property
    def grains_in_flight(self) -> int:
        return self.in_flight if self.in_flight is not None else 8 * self.threads


def stream_identity(settings: ConvertSettings) -> str:
    """Everything besides the source that decides the output's bytes, as one string.

    An upload journal stores it; a resume that finds another identity (a new zlib after an
    update, another level) cannot reproduce the stored segments and must start over.
    """
    return (f"streamOptimized/{WRITER_VERSION} zlib={zlib.ZLIB_RUNTIME_VERSION} "
            f"level={settings.level} grain={GRAIN_BYTES}")


class SourceDisk(Protocol):
    """What the converter reads: :class:`~vmdkimport.core.disk.virtual.VirtualDisk` has it."""

    @property
    def size(self) -> int: ...

    def pread(self, offset: int, length: int) -> bytes: ...

    def allocated_ranges(self) -> Iterator[tuple[int, int]]: ...


# --- descriptor ------------------------------------------------------------------------------

def _plain(value: str | None, limit: int = 64) -> str | None:
    """``value`` when it is safe to write inside a descriptor's quotes, else None: the source's
    descriptor is hostile input, and a quote or a newline would change ours."""
    if not value or len(value) > limit:
        return None
    if all(c.isalnum() or c in " ._:-" for c in value) and value.isascii():
        return value
    return None


def _file_name(value: str) -> str | None:
    """``value`` when it can stand in the extent line's quotes (any printable text but quotes
    and backslashes: a Japanese file name is written as it is, in UTF-8), else None."""
    if 0 < len(value) <= 200 and all(c.isprintable() and c not in '"\\' for c in value):
        return value
    return None


def _extent_name(name: str | None) -> str:
    """The file name the descriptor's extent line gives (VMware writes the exported file's)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    if not base.lower().endswith(".vmdk"):
        stem = base.rsplit(".", 1)[0] if "." in base else base
        base = f"{stem}.vmdk" if stem else ""
    return _file_name(base) or "disk.vmdk"


def _geometry(capacity: int, adapter: str) -> tuple[int, int, int]:
    """(cylinders, heads, sectors) from the size, the way VMware and qemu make them up."""
    heads = 16 if adapter == "ide" else 255
    cylinders = min(max(1, capacity // (heads * 63)), 16383 if adapter == "ide" else 65535)
    return cylinders, heads, 63


def descriptor_text(capacity: int, name: str, source: Descriptor | None = None) -> str:
    """The embedded descriptor for a disk of ``capacity`` sectors, extent file ``name``.

    The CID is a CRC of the size and name (never of the time or chance), so the same source
    gives the same bytes; the adapter type and a few ddb facts come from ``source`` when it has
    plain values for them.
    """
    cid = zlib.crc32(f"{capacity}:{name}".encode()) or 1
    if cid == 0xFFFFFFFF:
        cid = 0xFFFFFFFE  # ffffffff means "no parent"
    ddb: dict[str, str] = {}
    for key in _KEPT_DDB:
        value = _plain(source.ddb.get(key)) if source is not None else None
        if value is not None:
            ddb[key] = value
    adapter = ddb.setdefault("ddb.adapterType", DEFAULT_ADAPTER)
    ddb.setdefault("ddb.virtualHWVersion", "4")
    cylinders, heads, sectors = _geometry(capacity, adapter)
    ddb["ddb.geometry.cylinders"] = str(cylinders)
    ddb["ddb.geometry.heads"] = str(heads)
    ddb["ddb.geometry.sectors"] = str(sectors)
    lines = ["# Disk DescriptorFile", "version=1", 'encoding="UTF-8"', f"CID={cid:08x}",
             "parentCID=ffffffff", 'createType="streamOptimized"', "", "# Extent description",
             f'RW {capacity} SPARSE "{name}"', "", "# The Disk Data Base", "#DDB", ""]
    lines += [f'{key} = "{ddb[key]}"' for key in sorted(ddb)]
    return "\n".join(lines) + "\n"


def read_source_descriptor(path: Path, *, member: str | None = None) -> Descriptor | None:
    """The descriptor of the disk in ``path`` (embedded, standalone, or of an OVA's member), or
    None when it has none (a raw image) or it cannot be read: it only lends the output its
    adapter type and a few ddb facts, so a damaged one is no reason to stop here (reading the
    disk itself says what is wrong)."""
    try:
        with Path(path).open("rb") as handle:
            reader = Reader(handle, os.fstat(handle.fileno()).st_size, name=str(path))
            detected = detect(reader)
            if detected.kind == "tar":
                wanted = member
                for item in iter_tar(reader):
                    leaf = item.name.rsplit("/", 1)[-1]
                    if (wanted is None and item.name.lower().endswith(".vmdk")) or \
                            wanted in (item.name, leaf):
                        reader = reader.window(item.offset, item.size, name=item.name)
                        detected = detect(reader)
                        break
                else:
                    return None
            if detected.kind != "vmdk":
                return None
            if detected.variant == "sparse":
                return read_sparse(reader).descriptor
            if detected.variant == "descriptor":
                return parse_descriptor(reader.read_at(0, MAX_DESCRIPTOR_BYTES))
    except (OSError, VmdkImportError):  # DiskFormatError, DiskReadError
        return None
    return None


# --- the header ------------------------------------------------------------------------------

def _header(capacity: int, gd_offset: int) -> bytes:
    head = struct.pack(HEADER_FORMAT, KDMV_MAGIC, 3, FLAGS, capacity, GRAIN_SECTORS, 1,
                       DESCRIPTOR_SECTORS, GTES_PER_GT, 0, gd_offset, OVERHEAD_SECTORS, 0,
                       b"\n \r\n", COMPRESSION_DEFLATE)
    return head.ljust(SECTOR, b"\x00")


def _marker(sectors: int, kind: int) -> bytes:
    """A metadata marker: a sector whose first 16 bytes say how many sectors follow, and what."""
    return _MARKER.pack(sectors, 0, kind).ljust(SECTOR, b"\x00")


def _grain_item(lba: int, packed: bytes) -> bytes:
    """A grain marker and its compressed data, padded to a whole sector."""
    item = _GRAIN_MARKER.pack(lba, len(packed)) + packed
    return item + _ZERO_SECTOR[: -len(item) % SECTOR]


def _compress(data: bytes, level: int) -> bytes:
    # zlib format (RFC 1950), what VMware and qemu write and read; deterministic for a given
    # input, level and zlib build
    return zlib.compress(data, level)


# --- the converter ---------------------------------------------------------------------------

class StreamConverter:
    """The streamOptimized VMDK of ``disk``, produced as a stream of byte chunks.

    ``chunks()`` reads the source once, in order, and may be called more than once (each call
    produces the same bytes again, from the start). ``cancelled`` is asked before every read
    batch; when it says True, :class:`OperationCancelled` is raised from ``chunks()``.
    ``name`` is the file name the descriptor's extent line gives (default: the source's name,
    ending in .vmdk); ``descriptor`` the source's descriptor, for its adapter type (see
    :func:`read_source_descriptor`). Not thread-safe: use one converter from one thread, and do
    not call :meth:`estimate` while ``chunks()`` is being consumed (both read ``disk``).
    """

    def __init__(self, disk: SourceDisk, settings: ConvertSettings | None = None, *,
                 cancelled: Callable[[], bool] | None = None, name: str | None = None,
                 descriptor: Descriptor | None = None) -> None:
        self.disk = disk
        self.settings = settings or ConvertSettings()
        self._cancelled = cancelled or (lambda: False)
        size = disk.size
        label = str(getattr(disk, "name", None) or name or "disk")
        if size <= 0:
            raise DiskFormatError(Text("{name} is empty (0 bytes): there is nothing to "
                                       "convert.", name=label))
        self.size = size
        self.label = label
        self.capacity = -(-size // SECTOR)  # sectors; a partial last sector reads as zeros
        if self.capacity > MAX_CAPACITY_SECTORS:
            raise DiskFormatError(Text("{name} is {size} bytes, larger than a VMDK can hold "
                                       "({limit} bytes).", name=label, size=size,
                                       limit=MAX_CAPACITY_SECTORS * SECTOR))
        self.name = _extent_name(name or getattr(disk, "name", None))
        self.grains = -(-self.capacity // GRAIN_SECTORS)
        self.tables = -(-self.grains // GTES_PER_GT)
        self.gd_sectors = -(-self.tables * 4 // SECTOR)
        descriptor_bytes = descriptor_text(self.capacity, self.name, descriptor).encode()
        # A dozen short lines; the limit only guards against a change that outgrows the room.
        if len(descriptor_bytes) > DESCRIPTOR_SECTORS * SECTOR:  # pragma: no cover
            raise ValueError("the descriptor outgrew its 20 sectors")
        self._prologue = (_header(self.capacity, GD_AT_END)
                          + descriptor_bytes.ljust(DESCRIPTOR_SECTORS * SECTOR, b"\x00"))
        self._prologue = self._prologue.ljust(OVERHEAD_SECTORS * SECTOR, b"\x00")
        self.source_bytes_done = 0
        self.output_bytes_done = 0
        #: the stream's size, once ``chunks()`` has produced all of it
        self.output_size: int | None = None
        self._source_total: int | None = None
        self._estimate: int | None = None

    # --- what the source holds -----------------------------------------------------------

    def _grain_runs(self) -> Iterator[tuple[int, int]]:
        """(first grain, end grain) runs holding allocated bytes, in order, each grain once.

        The source's ranges are hostile input as far as we know: clamped to the disk, and a
        range that goes backwards adds nothing already covered.
        """
        next_grain = 0
        for offset, length in self.disk.allocated_ranges():
            start = max(0, offset)
            end = min(self.size, offset + length)
            if end <= start:
                continue
            first = max(start // GRAIN_BYTES, next_grain)
            last = -(-end // GRAIN_BYTES)
            if last > first:
                yield first, last
                next_grain = last

    @property
    def source_bytes_total(self) -> int:
        """The bytes ``chunks()`` will read: the allocated grains (computed once; reads the
        source's grain tables, never its data)."""
        if self._source_total is None:
            total = 0
            for first, last in self._grain_runs():
                total += min(last * GRAIN_BYTES, self.size) - first * GRAIN_BYTES
            self._source_total = total
        return self._source_total

    def _grains(self) -> Iterator[tuple[int, bytes]]:
        """(grain number, data) of every allocated grain that is not all zeros, in order; the
        disk's last grain is padded with zeros to a whole grain."""
        batch = self.settings.read_bytes // GRAIN_BYTES
        for first, last in self._grain_runs():
            grain = first
            while grain < last:
                if self._cancelled():
                    raise OperationCancelled(Text("The conversion was cancelled."))
                count = min(batch, last - grain)
                offset = grain * GRAIN_BYTES
                want = min(count * GRAIN_BYTES, self.size - offset)
                data = self.disk.pread(offset, want)
                if len(data) != want:
                    raise DiskFormatError(Text(
                        "{name} gave {got} bytes at byte {offset} where {expected} were "
                        "expected: it changed or is damaged.", name=self.label, got=len(data),
                        offset=offset, expected=want))
                self.source_bytes_done += want
                for index in range(count):
                    piece = data[index * GRAIN_BYTES:(index + 1) * GRAIN_BYTES]
                    if piece != _ZERO_GRAIN[:len(piece)]:  # a memcmp; zeros are not written
                        yield grain + index, piece.ljust(GRAIN_BYTES, b"\x00")
                grain += count

    # --- the stream ------------------------------------------------------------------------

    def chunks(self) -> Generator[bytes, None, None]:
        """The VMDK's bytes, in order, in pieces of ``settings.chunk_bytes`` (the last shorter).

        Counters restart at each call. Closing the iterator early (``break``, an exception in
        the consumer) stops the worker threads; nothing is left running.
        """
        self.source_bytes_done = 0
        self.output_bytes_done = 0
        self.output_size = None
        writer = _Writer(self)
        yield from writer.run()
        self.output_size = self.output_bytes_done

    def estimate(self) -> int:
        """About how many bytes the stream will have: the allocated grains times the compressed
        size of an evenly spread sample of :data:`ESTIMATE_SAMPLES` of them, plus the metadata.

        Walks the source's maps twice (grain tables, never data) and reads the sampled grains
        (2 MiB at most); cached. Memory: the sample positions only.
        """
        if self._estimate is not None:
            return self._estimate
        allocated = groups = 0
        last_group = -1
        for first, last in self._grain_runs():
            allocated += last - first
            groups += (last - 1) // GTES_PER_GT - max(first // GTES_PER_GT, last_group + 1) + 1
            last_group = (last - 1) // GTES_PER_GT
        fixed = (OVERHEAD_SECTORS + 1 + self.gd_sectors + 3) * SECTOR
        count = min(ESTIMATE_SAMPLES, allocated)
        wanted = [(2 * j + 1) * allocated // (2 * count) for j in range(count)]
        sampled = position = out = 0
        for first, last in self._grain_runs():
            while sampled < count and wanted[sampled] < position + last - first:
                offset = (first + wanted[sampled] - position) * GRAIN_BYTES
                data = self.disk.pread(offset, min(GRAIN_BYTES, self.size - offset))
                if data != _ZERO_GRAIN[:len(data)]:
                    packed = _compress(data.ljust(GRAIN_BYTES, b"\x00"), self.settings.level)
                    out += len(_grain_item(0, packed))
                sampled += 1
            position += last - first
            if sampled >= count:
                break
        grains = allocated * out // count if count else 0
        self._estimate = fixed + grains + groups * (1 + GT_SECTORS) * SECTOR
        return self._estimate


class _Writer:
    """One production of the stream: the compression pool, the grain tables, the counters."""

    def __init__(self, owner: StreamConverter) -> None:
        self.owner = owner
        self.settings = owner.settings
        self.buffer = bytearray()
        self.position = 0  # bytes of the stream assembled (yielded or in ``buffer``)
        self.directory = array("I", bytes(4 * owner.tables))
        self.table = array("I", bytes(4 * GTES_PER_GT))
        self.table_number = -1
        self.table_used = False

    def _append(self, data: bytes) -> None:
        self.buffer += data
        self.position += len(data)

    def _ready(self, final: bool = False) -> Iterator[bytes]:
        size = self.settings.chunk_bytes
        while len(self.buffer) >= size or (final and self.buffer):
            piece = bytes(self.buffer[:size])
            del self.buffer[:size]
            self.owner.output_bytes_done += len(piece)
            yield piece

    def _sector(self) -> int:
        sector = self.position // SECTOR
        if sector + 1 + GRAIN_BYTES // SECTOR * 2 > MAX_OUTPUT_SECTORS:
            raise DiskFormatError(
                Text("The converted disk would be larger than a streamOptimized VMDK can "
                     "address (2 TiB of compressed data)."),
                Text("Upload the disk without converting it."))
        return sector

    def _close_table(self) -> None:
        if self.table_used:
            self._append(_marker(GT_SECTORS, MARKER_GT))
            self.directory[self.table_number] = self._sector()
            self._append(self._table_bytes(self.table))
            self.table = array("I", bytes(4 * GTES_PER_GT))
            self.table_used = False

    @staticmethod
    def _table_bytes(values: array[int]) -> bytes:
        if _NATIVE_U32:
            return values.tobytes()
        return struct.pack(f"<{len(values)}I", *values)  # pragma: no cover - big-endian hosts

    def _emit(self, grain: int, packed: bytes) -> None:
        number = grain // GTES_PER_GT
        if number != self.table_number:
            self._close_table()
            self.table_number = number
        self.table[grain % GTES_PER_GT] = self._sector()
        self.table_used = True
        self._append(_grain_item(grain * GRAIN_SECTORS, packed))

    def run(self) -> Generator[bytes, None, None]:
        owner = self.owner
        level = self.settings.level
        limit = self.settings.grains_in_flight
        self._append(owner._prologue)
        pending: deque[tuple[int, Future[bytes]]] = deque()
        pool = ThreadPoolExecutor(max_workers=self.settings.threads,
                                  thread_name_prefix="streamopt")
        try:
            for grain, data in owner._grains():
                pending.append((grain, pool.submit(_compress, data, level)))
                while len(pending) >= limit or (pending and pending[0][1].done()):
                    done_grain, future = pending.popleft()
                    self._emit(done_grain, future.result())
                yield from self._ready()
            while pending:
                done_grain, future = pending.popleft()
                self._emit(done_grain, future.result())
                yield from self._ready()
        finally:
            for _, future in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
        self._close_table()
        self._append(_marker(owner.gd_sectors, MARKER_GD))
        gd_offset = self._sector()
        directory = self._table_bytes(self.directory)
        self._append(directory.ljust(owner.gd_sectors * SECTOR, b"\x00"))
        self._append(_marker(1, MARKER_FOOTER))
        self._append(_header(owner.capacity, gd_offset))
        self._append(_marker(0, MARKER_EOS))
        yield from self._ready(final=True)


# --- to a file -------------------------------------------------------------------------------

def convert_to_file(source: Path, out: Path, *, member: str | None = None,
                    settings: ConvertSettings | None = None,
                    on_progress: Callable[[float], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the streamOptimized VMDK of ``source`` (``member`` of an OVA) as ``out``.

    Written as ``.<name>.part`` beside ``out`` and renamed when complete, so a cancelled or
    failed run leaves nothing that looks finished (the partial file is removed).
    ``on_progress`` gets the percentage of the source's data read, as
    :func:`vmdkimport.core.disk.qemu.convert` gives it. Raises :class:`OperationCancelled`,
    :class:`DiskFormatError` or :class:`~vmdkimport.core.disk.diskformat.DiskReadError`.
    """
    source = Path(source)
    out = Path(out)
    partial = out.with_name(f".{out.name}.part")
    descriptor = read_source_descriptor(source, member=member)
    with open_virtual_disk(source, member=member) as disk:
        converter = StreamConverter(disk, settings, cancelled=cancelled, name=out.name,
                                    descriptor=descriptor)
        total = converter.source_bytes_total
        last = -1.0
        try:
            with partial.open("wb") as handle:
                for piece in converter.chunks():
                    handle.write(piece)
                    if on_progress is not None and total:
                        percent = round(100.0 * converter.source_bytes_done / total, 1)
                        if percent != last:
                            last = percent
                            on_progress(percent)
            partial.replace(out)
        except OperationCancelled:
            _remove(partial)
            raise OperationCancelled(
                Text("The conversion was cancelled; the partial file was removed.")) from None
        except OSError as exc:  # writing or renaming; the source's errors are DiskReadError
            _remove(partial)
            raise ConversionFailed(
                Text("The converted disk could not be saved as {path}: {reason}.",
                     path=str(out), reason=exc.strerror or str(exc)),
                Text("Choose a folder you can write to.")) from exc
        except BaseException:
            _remove(partial)
            raise
    if on_progress is not None and last < 100.0:
        on_progress(100.0)
    return out


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


__all__ = [
    "ConvertSettings",
    "SourceDisk",
    "StreamConverter",
    "convert_to_file",
    "descriptor_text",
    "read_source_descriptor",
    "stream_identity",
]
