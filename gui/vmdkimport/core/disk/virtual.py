"""The guest's view of a disk: random, read-only access to the virtual disk's bytes.

:func:`open_virtual_disk` turns whatever the pre-flight accepts into one seekable, read-only
file object, :class:`VirtualDisk`, whose bytes are what the guest would see: a raw image, a
VMDK monolithicSparse (zeroed grains included), a streamOptimized VMDK (deflated grains with
markers; the grain directory found through the header, or through the footer when the header
says ``GD_AT_END``, as VMware writes it), a descriptor whose extents are FLAT/VMFS files (with
their offsets), SPARSE files (twoGbMaxExtentSparse) or ZERO, and the VMDK member of an OVA,
read in place inside the tar. Guest inspection (:mod:`vmdkimport.core.guest`) reads partition
tables and filesystems through it; an upload that skips holes can use
:meth:`VirtualDisk.allocated_ranges`.

Why hand-written: :mod:`vmdkimport.core.disk.vmdk` says why no VMDK library is used (the one
maintained reader, libvmdk, is an LGPL C extension marked alpha, and it says *that* it cannot
open a file, never *why*). The data path adds little to the metadata that module already
reads: a grain directory, grain tables and, for a stream, a 12-byte marker before each deflated
grain. Everything about the header, the footer and the descriptor is reused from
:mod:`.vmdk` (:func:`~vmdkimport.core.disk.vmdk.read_sparse`, :class:`SparseHeader`,
:func:`parse_descriptor`), so the pre-flight and this reader judge a file the same way.

Hostile input: every table entry, marker and compressed grain is checked when it is used; a
bad one raises :class:`DiskFormatError` (which byte, what is wrong) from ``readinto``, never
another exception and never a loop without a bound. Memory is bounded whatever the disk's
size: at most :data:`GT_CACHE_TABLES` grain tables and :data:`GRAIN_CACHE_BYTES` of inflated
grains are kept, the grain directory is at most :data:`MAX_DIRECTORY_BYTES`, and inflating a grain
stops at the grain's size.

Thread safety: a :class:`VirtualDisk` has a position, caches and open files of its own and no
lock. Use one per thread (opening the same disk twice is cheap); do not share one between
threads.
"""

from __future__ import annotations

import bisect
import io
import struct
import sys
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from vmdkimport.core.disk.diskformat import (
    SECTOR,
    DiskFormatError,
    Reader,
    detect,
    iter_tar,
    read_error,
    regular_file_size,
)
from vmdkimport.core.disk.vmdk import (
    FLAG_ZEROED_GTE,
    MAX_DESCRIPTOR_BYTES,
    Descriptor,
    SparseHeader,
    parse_descriptor,
    read_sparse,
)
from vmdkimport.core.text import Text

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

#: grain tables kept in memory (each 2 KiB for VMware's 512 entries)
GT_CACHE_TABLES: Final = 64
#: inflated streamOptimized grains kept in memory (128 grains of 64 KiB)
GRAIN_CACHE_BYTES: Final = 8 * 1024 * 1024
#: the largest compressed grain accepted (VMware and qemu write 64 KiB grains); bounds memory
MAX_COMPRESSED_GRAIN_BYTES: Final = 2 * 1024 * 1024
#: the largest grain directory read (8 MiB covers 62 TB at 64 KiB grains)
MAX_DIRECTORY_BYTES: Final = 16 * 1024 * 1024
#: extents of one descriptor (twoGbMaxExtent* of a 62 TB disk has about 31,000)
MAX_EXTENTS: Final = 65_536
#: data files of a split disk kept open at once; the others are opened again when read
MAX_OPEN_FILES: Final = 32
#: grain tables and grain markers are read in one go up to this size
_MAX_STREAM_ITEM: Final = 2 * MAX_COMPRESSED_GRAIN_BYTES

FLAT_TYPES: Final = frozenset({"FLAT", "VMFS"})
_ZEROED_GTE: Final = 1
_SWAP: Final = sys.byteorder != "little"


def _u32_array(data: bytes) -> array[int]:
    """Little-endian u32s as a compact array (4 bytes each, not a tuple of ints)."""
    values = array("I")
    if values.itemsize != 4:  # pragma: no cover - every platform Python supports has 4-byte I
        values = array("L")
    values.frombytes(data[: len(data) // 4 * 4])
    if _SWAP:  # pragma: no cover - big-endian hosts
        values.byteswap()
    return values


# --- files: counted, opened lazily, a bounded number at once -------------------------------

class _Counter:
    """Bytes read from the files of one virtual disk (shared by its extents)."""

    def __init__(self) -> None:
        self.bytes_read = 0


class _CountingFile(io.FileIO):
    """An unbuffered file that adds what it reads to a :class:`_Counter`.

    Counting at the file, below :class:`Reader`, also counts what :func:`read_sparse` reads.
    """

    def __init__(self, path: Path, counter: _Counter) -> None:
        super().__init__(path, "rb")
        self._counter = counter

    def read(self, size: int | None = -1, /) -> bytes:
        data = super().read(size)
        if data:
            self._counter.bytes_read += len(data)
        return data

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        n = super().readinto(buffer)
        if n:
            self._counter.bytes_read += n
        return n


class _Files:
    """The data files of one virtual disk: opened when read, at most ``limit`` open at once."""

    def __init__(self, counter: _Counter, limit: int = MAX_OPEN_FILES) -> None:
        self.counter = counter
        self._limit = limit
        self._open: OrderedDict[Path, tuple[_CountingFile, Reader]] = OrderedDict()
        self._fixed: list[io.FileIO] = []

    def reader(self, path: Path, size: int) -> Reader:
        entry = self._open.get(path)
        if entry is not None:
            self._open.move_to_end(path)
            return entry[1]
        try:
            handle = _CountingFile(path, self.counter)
        except OSError as exc:
            raise read_error(path, exc) from exc
        reader = Reader(handle, size, name=str(path))
        self._open[path] = (handle, reader)
        while len(self._open) > self._limit:
            _, (old, _) = self._open.popitem(last=False)
            old.close()
        return reader

    def pinned(self, path: Path) -> tuple[_CountingFile, int]:
        """A file kept open until :meth:`close` (the disk or OVA the user chose)."""
        size = regular_file_size(path)
        try:
            handle = _CountingFile(path, self.counter)
        except OSError as exc:
            raise read_error(path, exc) from exc
        self._fixed.append(handle)
        return handle, size

    def close(self) -> None:
        for handle, _ in self._open.values():
            handle.close()
        self._open.clear()
        for fixed in self._fixed:
            fixed.close()
        self._fixed.clear()


class _Source(Protocol):
    """Where an extent's bytes come from: a file opened on demand, or a fixed reader."""

    def get(self) -> Reader: ...


@dataclass
class _FixedSource:
    reader: Reader

    def get(self) -> Reader:
        return self.reader


@dataclass
class _PathSource:
    files: _Files
    path: Path
    size: int

    def get(self) -> Reader:
        return self.files.reader(self.path, self.size)


# --- caches --------------------------------------------------------------------------------

class _Caches:
    """Grain tables and inflated grains, LRU, shared by all the extents of one disk so that
    the memory bound holds however many extents a descriptor lists."""

    def __init__(self) -> None:
        self.tables: OrderedDict[tuple[int, int], array[int]] = OrderedDict()
        self.grains: OrderedDict[tuple[int, int], bytes] = OrderedDict()
        self._grain_bytes = 0
        self._next_id = 0

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def table(self, key: tuple[int, int]) -> array[int] | None:
        table = self.tables.get(key)
        if table is not None:
            self.tables.move_to_end(key)
        return table

    def add_table(self, key: tuple[int, int], table: array[int]) -> None:
        self.tables[key] = table
        if len(self.tables) > GT_CACHE_TABLES:
            self.tables.popitem(last=False)

    def grain(self, key: tuple[int, int]) -> bytes | None:
        data = self.grains.get(key)
        if data is not None:
            self.grains.move_to_end(key)
        return data

    def add_grain(self, key: tuple[int, int], data: bytes) -> None:
        self.grains[key] = data
        self._grain_bytes += len(data)
        while self._grain_bytes > GRAIN_CACHE_BYTES and len(self.grains) > 1:
            _, old = self.grains.popitem(last=False)
            self._grain_bytes -= len(old)


# --- extents -------------------------------------------------------------------------------

class _Extent(Protocol):
    #: virtual bytes
    size: int

    def readinto(self, offset: int, view: memoryview) -> None:
        """Fill ``view`` with the extent's bytes from ``offset`` (all inside the extent)."""

    def allocated(self) -> Iterator[tuple[int, int]]:
        """(offset, length) runs holding data, in order, relative to the extent."""


@dataclass
class _ZeroExtent:
    size: int

    def readinto(self, offset: int, view: memoryview) -> None:
        view[:] = bytes(len(view))

    def allocated(self) -> Iterator[tuple[int, int]]:
        return iter(())


@dataclass
class _FlatExtent:
    """A raw image, or a FLAT/VMFS extent: the bytes at ``start`` onwards in a file."""

    source: _Source
    start: int
    size: int

    def readinto(self, offset: int, view: memoryview) -> None:
        reader = self.source.get()
        data = reader.read_at(self.start + offset, len(view))
        if len(data) != len(view):
            raise DiskFormatError(Text(
                "{file} ends at byte {size}, inside the disk's data (byte {offset} was read): "
                "it is truncated.", file=reader.name, size=reader.size,
                offset=self.start + offset + len(data)))
        view[:] = data

    def allocated(self) -> Iterator[tuple[int, int]]:
        if self.size:
            yield 0, self.size


class _SparseExtent:
    """A hosted sparse (KDMV) extent: monolithicSparse, an -s001 file, or streamOptimized."""

    def __init__(self, source: _Source, header: SparseHeader, size: int, name: str,
                 caches: _Caches) -> None:
        self.source = source
        self.caches = caches
        self.id = caches.new_id()
        self.header = header
        self.size = size
        self.name = name
        self.grain_bytes = header.grain_size * SECTOR
        self.gtes = header.num_gtes_per_gt
        self.gt_bytes = header.gt_sectors * SECTOR
        self.zeroed = bool(header.flags & FLAG_ZEROED_GTE)
        self.stream = header.has_markers
        self.compressed = header.compressed
        if self.compressed and self.grain_bytes > MAX_COMPRESSED_GRAIN_BYTES:
            raise DiskFormatError(Text(
                "{file} has compressed grains of {size} bytes; grains larger than {limit} "
                "bytes are not supported (VMware writes 65536).", file=name,
                size=self.grain_bytes, limit=MAX_COMPRESSED_GRAIN_BYTES))
        self.gd = self._read_gd()

    # grain directory and tables

    def _read_gd(self) -> array[int]:
        reader = self.source.get()
        grains = -(-self.size // self.grain_bytes)
        count = -(-grains // self.gtes)
        start = self.header.gd_offset * SECTOR
        length = count * 4
        if length > MAX_DIRECTORY_BYTES:
            raise DiskFormatError(Text(
                "{file} has a grain directory of {size} bytes, more than any real disk needs: "
                "the header is damaged.", file=self.name, size=length))
        data = reader.read_at(start, length)
        if len(data) != length:
            raise DiskFormatError(Text(
                "{file}: the grain directory at byte {offset} runs past the end of the file: "
                "it is truncated.", file=self.name, offset=start))
        gd = _u32_array(data)
        # Distinct tables inside the file: more entries than fit cannot all be distinct, and
        # saying so first keeps the sort below as small as the file.
        entries = len(gd) - gd.count(0)
        if entries * self.gt_bytes > reader.size:
            raise DiskFormatError(Text(
                "{file}: the grain directory lists {count} grain tables, more than the file "
                "can hold: the disk is damaged.", file=self.name, count=entries))
        used = sorted(e for e in gd if e)
        previous = -1
        for entry in used:
            end = (entry + self.header.gt_sectors) * SECTOR
            if end > reader.size:
                raise DiskFormatError(Text(
                    "{file}: the grain directory points at a grain table at byte {offset}, past "
                    "the end of the file: it is truncated or damaged.", file=self.name,
                    offset=entry * SECTOR))
            if previous >= 0 and entry < previous + self.header.gt_sectors:
                raise DiskFormatError(Text(
                    "{file}: two entries of the grain directory point at the same or "
                    "overlapping grain tables (byte {offset}): the disk is damaged.",
                    file=self.name, offset=entry * SECTOR))
            previous = entry
        return gd

    def _table(self, number: int) -> array[int] | None:
        """Grain table ``number`` (cached), or None when the directory has none there."""
        table = self.caches.table((self.id, number))
        if table is not None:
            return table
        sector = self.gd[number]
        if not sector:
            return None
        reader = self.source.get()
        data = reader.read_at(sector * SECTOR, self.gtes * 4)
        if len(data) != self.gtes * 4:  # checked at open; the file may have shrunk since
            raise DiskFormatError(Text(
                "{file}: the grain table at byte {offset} runs past the end of the file: it "
                "is truncated.", file=self.name, offset=sector * SECTOR))
        table = _u32_array(data)
        self.caches.add_table((self.id, number), table)
        return table

    def _gte(self, grain: int) -> int:
        table = self._table(grain // self.gtes)
        return 0 if table is None else table[grain % self.gtes]

    # reading

    def readinto(self, offset: int, view: memoryview) -> None:
        done = 0
        total = len(view)
        while done < total:
            position = offset + done
            grain, within = divmod(position, self.grain_bytes)
            n = min(total - done, self.grain_bytes - within)
            part = view[done:done + n]
            gte = self._gte(grain)
            if gte == 0 or (gte == _ZEROED_GTE and self.zeroed):
                part[:] = bytes(n)
            elif gte < self.header.overhead:
                raise DiskFormatError(Text(
                    "{file}: the grain table entry of grain {grain} points into the metadata "
                    "area (sector {sector}): the disk is damaged.", file=self.name, grain=grain,
                    sector=gte))
            elif self.compressed:
                data = self._inflated(grain, gte)
                chunk = data[within:within + n]
                part[:len(chunk)] = chunk
                if len(chunk) < n:  # the disk's last, partial grain
                    part[len(chunk):] = bytes(n - len(chunk))
            else:
                self._read_plain(grain, gte, within, part)
            done += n

    def _read_plain(self, grain: int, gte: int, within: int, part: memoryview) -> None:
        reader = self.source.get()
        start = gte * SECTOR + within
        data = reader.read_at(start, len(part))
        if len(data) != len(part):
            raise DiskFormatError(Text(
                "{file}: grain {grain} lies at byte {offset}, past the end of the file ({size} "
                "bytes): it is truncated or damaged.", file=self.name, grain=grain,
                offset=start, size=reader.size))
        part[:] = data

    def _inflated(self, grain: int, gte: int) -> bytes:
        data = self.caches.grain((self.id, grain))
        if data is None:
            data = self._inflate(grain, gte)
            self.caches.add_grain((self.id, grain), data)
        return data

    def _inflate(self, grain: int, gte: int) -> bytes:
        reader = self.source.get()
        start = gte * SECTOR
        expected = min(self.grain_bytes, self.size - grain * self.grain_bytes)
        if self.stream:
            marker = reader.read_at(start, 12)
            if len(marker) != 12:
                raise DiskFormatError(Text(
                    "{file}: the grain table entry of grain {grain} points at byte {offset}, "
                    "past the end of the file: it is truncated or damaged.", file=self.name,
                    grain=grain, offset=start))
            lba, length = struct.unpack("<QI", marker)
            if lba != grain * self.header.grain_size:
                raise DiskFormatError(Text(
                    "{file}: the grain marker at byte {offset} is for sector {lba}, but the "
                    "grain table puts grain {grain} there: the disk is damaged.",
                    file=self.name, offset=start, lba=lba, grain=grain))
            if not 0 < length <= 2 * self.grain_bytes:
                raise DiskFormatError(Text(
                    "{file}: the grain marker at byte {offset} gives an impossible compressed "
                    "size ({size} bytes): the disk is damaged.", file=self.name, offset=start,
                    size=length))
            packed = reader.read_at(start + 12, length)
            if len(packed) != length:
                raise DiskFormatError(Text(
                    "{file}: the compressed grain at byte {offset} runs past the end of the "
                    "file: it is truncated.", file=self.name, offset=start))
        else:  # compressed without markers: the length is not stored; inflate what is there
            packed = reader.read_at(start, 2 * self.grain_bytes)
            if not packed:
                raise DiskFormatError(Text(
                    "{file}: the grain table entry of grain {grain} points at byte {offset}, "
                    "past the end of the file: it is truncated or damaged.", file=self.name,
                    grain=grain, offset=start))
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(packed, self.grain_bytes)
        except zlib.error as exc:
            raise DiskFormatError(Text(
                "{file}: the compressed grain at byte {offset} does not inflate ({reason}): "
                "the disk is damaged.", file=self.name, offset=start, reason=str(exc))) from None
        if inflater.unconsumed_tail:
            raise DiskFormatError(Text(
                "{file}: the compressed grain at byte {offset} inflates to more than a grain "
                "({expected} bytes): the disk is damaged.", file=self.name, offset=start,
                expected=self.grain_bytes))
        if len(data) not in (self.grain_bytes, expected):
            raise DiskFormatError(Text(
                "{file}: the compressed grain at byte {offset} inflates to {size} bytes instead "
                "of {expected}: the disk is damaged.", file=self.name, offset=start,
                size=len(data), expected=self.grain_bytes))
        return data

    def allocated(self) -> Iterator[tuple[int, int]]:
        """Runs of grains the tables map (zeroed grains excluded), without reading a grain."""
        run_start = run_end = -1
        for number, sector in enumerate(self.gd):
            if not sector:
                continue
            table = self._table(number)
            if table is None:  # pragma: no cover - sector is non-zero
                continue
            base = number * self.gtes
            for index, gte in enumerate(table):
                if gte == 0 or (gte == _ZEROED_GTE and self.zeroed):
                    continue
                start = (base + index) * self.grain_bytes
                if start >= self.size:
                    break
                end = min(start + self.grain_bytes, self.size)
                if start == run_end:
                    run_end = end
                    continue
                if run_end > run_start >= 0:
                    yield run_start, run_end - run_start
                run_start, run_end = start, end
        if run_end > run_start >= 0:
            yield run_start, run_end - run_start


# --- the virtual disk ----------------------------------------------------------------------

class VirtualDisk(io.RawIOBase):
    """The bytes the guest sees, read-only and seekable. Made by :func:`open_virtual_disk`.

    Reads past the end return ``b""``; unallocated and zeroed grains read as zeros. A damaged
    table or grain raises :class:`DiskFormatError` from the read. ``bytes_read`` counts the
    bytes read from the underlying files (metadata included). Not thread-safe: one per thread.
    """

    def __init__(self, extents: list[_Extent], files: _Files, *, name: str) -> None:
        super().__init__()
        self.name = name
        self._extents = extents
        self._starts: list[int] = []
        position = 0
        for extent in extents:
            self._starts.append(position)
            position += extent.size
        self._size = position
        self._files = files
        self._position = 0

    # io.RawIOBase

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return False

    def tell(self) -> int:
        self._checkClosed()
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._checkClosed()
        if whence == io.SEEK_SET:
            position = offset
        elif whence == io.SEEK_CUR:
            position = self._position + offset
        elif whence == io.SEEK_END:
            position = self._size + offset
        else:
            raise ValueError(f"invalid whence ({whence})")
        if position < 0:
            raise ValueError(f"negative seek position {position}")
        self._position = position
        return position

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        self._checkClosed()
        view = memoryview(buffer).cast("B")
        n = self._read_at(self._position, view)
        self._position += n
        return n

    def write(self, buffer: ReadableBuffer, /) -> int:
        raise io.UnsupportedOperation("a VirtualDisk is read-only: not writable")

    def close(self) -> None:
        if not self.closed:
            self._files.close()
        super().close()

    # the rest of the API

    @property
    def size(self) -> int:
        """The virtual disk's size in bytes (what the guest sees)."""
        return self._size

    def get_size(self) -> int:
        """The same as :attr:`size`; libyal's file-object bindings call it."""
        return self._size

    @property
    def bytes_read(self) -> int:
        """Bytes read from the underlying file(s) so far, metadata included."""
        return self._files.counter.bytes_read

    def pread(self, offset: int, length: int) -> bytes:
        """``length`` bytes at ``offset`` (fewer at the end), without moving the position."""
        self._checkClosed()
        if offset < 0 or length <= 0:
            return b""
        buffer = bytearray(max(0, min(length, self._size - offset)))
        n = self._read_at(offset, memoryview(buffer))
        return bytes(buffer[:n])

    def allocated_ranges(self) -> Iterator[tuple[int, int]]:
        """(offset, length) runs of virtual bytes that hold data by the disk's own maps.

        Grain tables for sparse extents (unallocated and zeroed grains left out), the whole
        extent for flat ones and raw images, nothing for ZERO extents; in order and merged.
        Reads grain tables only, never a grain.
        """
        run_start = run_end = -1
        for start, extent in zip(self._starts, self._extents, strict=True):
            for offset, length in extent.allocated():
                begin, end = start + offset, start + offset + length
                if begin == run_end:
                    run_end = end
                    continue
                if run_end > run_start >= 0:
                    yield run_start, run_end - run_start
                run_start, run_end = begin, end
        if run_end > run_start >= 0:
            yield run_start, run_end - run_start

    def _read_at(self, offset: int, view: memoryview) -> int:
        if offset >= self._size or not len(view):
            return 0
        total = min(len(view), self._size - offset)
        done = 0
        index = bisect.bisect_right(self._starts, offset) - 1
        while done < total:
            while self._starts[index] + self._extents[index].size <= offset + done:
                index += 1
            extent = self._extents[index]
            within = offset + done - self._starts[index]
            n = min(total - done, extent.size - within)
            extent.readinto(within, view[done:done + n])
            done += n
        return total

    def __repr__(self) -> str:
        return f"<VirtualDisk {self.name!r} size={self._size}>"


# --- opening -------------------------------------------------------------------------------

def open_virtual_disk(path: Path, *, member: str | None = None) -> VirtualDisk:
    """Open the virtual disk in ``path``: a raw image, a VMDK (any layout the pre-flight
    accepts, a descriptor with its extent files) or an OVA (its first .vmdk member, or
    ``member``), read in place.

    Reads only metadata: the header (and footer) and the grain directory of a sparse disk, the
    descriptor of a split one (its sparse extents are opened when first read). Raises
    :class:`DiskFormatError` for a delta (snapshot) disk, a damaged disk or anything that is no
    disk, and :class:`~vmdkimport.core.disk.diskformat.DiskReadError` when a file cannot be
    read. Close the result (it is a context manager).
    """
    path = Path(path)
    files = _Files(_Counter())
    context = _Context(files, _Caches())
    try:
        handle, size = files.pinned(path)
        reader = Reader(handle, size, name=str(path))
        extents = _open_top(path, reader, context, member)
        return VirtualDisk(extents, files, name=str(path))
    except OSError as exc:
        files.close()
        raise read_error(path, exc) from exc
    except BaseException:
        files.close()
        raise


@dataclass(frozen=True)
class _Context:
    """What the extents of one disk share: its files and its caches."""

    files: _Files
    caches: _Caches


def _open_top(path: Path, reader: Reader, context: _Context, member: str | None
              ) -> list[_Extent]:
    detected = detect(reader)
    if detected.kind == "tar":
        return [_open_ova(path, reader, context, member)]
    if member is not None:
        raise DiskFormatError(Text("{path} is not an OVA, so it has no member {member}.",
                                   path=str(path), member=member))
    if detected.kind == "vmdk" and detected.variant == "sparse":
        return [_open_sparse(_FixedSource(reader), reader, context, None)]
    if detected.kind == "vmdk" and detected.variant == "descriptor":
        return _open_descriptor(path, reader, context)
    if detected.kind in ("raw-mbr", "raw-gpt", "filesystem", "unknown"):
        # Any bytes are a raw disk; only files that are recognisably something else are not.
        return [_FlatExtent(_FixedSource(reader), 0, reader.size)]
    raise DiskFormatError(Text("{path} is {description}, not a disk this tool can read "
                               "inside.", path=str(path), description=detected.description))


def _open_ova(path: Path, reader: Reader, context: _Context, member: str | None) -> _Extent:
    members = list(iter_tar(reader))
    if member is None:
        found = next((m for m in members if m.name.lower().endswith(".vmdk")), None)
        if found is None:
            raise DiskFormatError(Text("The archive {path} holds no .vmdk file.",
                                       path=str(path)))
    else:
        found = next((m for m in members if m.name == member), None) or next(
            (m for m in members if m.name.rsplit("/", 1)[-1] == member), None)
        if found is None:
            raise DiskFormatError(Text("The archive {path} has no member {member}.",
                                       path=str(path), member=member))
    if found.type != "file":
        raise DiskFormatError(Text("{member} is stored in the archive as a {kind} member, so it "
                                   "cannot be read in place; extract it first.",
                                   member=found.name, kind=found.type))
    window = reader.window(found.offset, found.size, name=f"{path}:{found.name}")
    inner = detect(window)
    if inner.kind == "vmdk" and inner.variant == "sparse":
        return _open_sparse(_FixedSource(window), window, context, None)
    raise DiskFormatError(Text("{member} in the archive is {description}; only a sparse or "
                               "streamOptimized VMDK can be read inside an OVA.",
                               member=found.name, description=inner.description))


def _refuse_delta(descriptor: Descriptor, name: str) -> None:
    if descriptor.is_delta:
        raise DiskFormatError(Text(
            "{file} is a snapshot (delta) disk: it holds only the changes to its parent "
            "{parent}, so the guest cannot be read from it alone.", file=name,
            parent=descriptor.parent_file_name_hint or "?"),
            Text("Delete (consolidate) the VM's snapshots, or convert the delta with qemu-img "
                 "(its parent next to it), then choose the result."))


def _open_sparse(source: _Source, reader: Reader, context: _Context,
                 sectors: int | None) -> _SparseExtent:
    """A KDMV file: the whole disk (``sectors`` None) or one extent of ``sectors`` sectors."""
    info = read_sparse(reader)
    if info.fatal:
        raise DiskFormatError(Text("{file}: {problem}", file=reader.name,
                                   problem=info.fatal[0]))
    if sectors is None and info.descriptor is not None:
        _refuse_delta(info.descriptor, reader.name)
    header = info.header
    size = header.capacity_bytes
    if sectors is not None:
        if sectors > header.capacity:
            raise DiskFormatError(Text(
                "{file} holds {capacity} sectors, but the descriptor gives its extent {sectors}: "
                "the disk is damaged.", file=reader.name, capacity=header.capacity,
                sectors=sectors))
        size = sectors * SECTOR
    return _SparseExtent(source, header, size, reader.name, context.caches)


class _LazySparseExtent:
    """A SPARSE extent of a descriptor, opened (header, directory) when first used, so that
    opening a disk split into hundreds of files reads only its descriptor."""

    def __init__(self, source: _PathSource, sectors: int, context: _Context) -> None:
        self.source = source
        self.size = sectors * SECTOR
        self._sectors = sectors
        self._context = context
        self._inner: _SparseExtent | None = None

    def _extent(self) -> _SparseExtent:
        if self._inner is None:
            reader = self.source.get()
            if detect(reader).variant != "sparse":
                raise DiskFormatError(Text("{file} should be a sparse extent (KDMV), but it is "
                                           "not.", file=reader.name))
            self._inner = _open_sparse(self.source, reader, self._context, self._sectors)
        return self._inner

    def readinto(self, offset: int, view: memoryview) -> None:
        self._extent().readinto(offset, view)

    def allocated(self) -> Iterator[tuple[int, int]]:
        return self._extent().allocated()


def _extent_path(descriptor_path: Path, name: str) -> Path:
    """An extent's file: as the descriptor names it (relative to the descriptor's folder), or
    failing that the file of that name next to the descriptor (a disk copied off a datastore)."""
    named = descriptor_path.parent / name.replace("\\", "/")
    if named.is_file():
        return named
    return descriptor_path.parent / name.replace("\\", "/").rsplit("/", 1)[-1]


def _open_descriptor(path: Path, reader: Reader, context: _Context) -> list[_Extent]:
    data = reader.read_at(0, MAX_DESCRIPTOR_BYTES + 1)
    if len(data) > MAX_DESCRIPTOR_BYTES:
        raise DiskFormatError(Text("{path} starts like a VMDK descriptor but is far too large "
                                   "to be one: it is damaged.", path=str(path)))
    descriptor = parse_descriptor(data)
    _refuse_delta(descriptor, str(path))
    if not descriptor.extents:
        raise DiskFormatError(Text("The descriptor {path} lists no extent.", path=str(path)))
    if len(descriptor.extents) > MAX_EXTENTS:
        raise DiskFormatError(Text("The descriptor {path} lists {count} extents, more than any "
                                   "real disk has.", path=str(path),
                                   count=len(descriptor.extents)))
    extents: list[_Extent] = []
    for extent in descriptor.extents:
        size = extent.sectors * SECTOR
        if extent.type == "ZERO":
            extents.append(_ZeroExtent(size))
            continue
        if extent.type not in FLAT_TYPES and extent.type != "SPARSE":
            raise DiskFormatError(Text(
                "The descriptor {path} has an extent of type {type}; only FLAT, VMFS, SPARSE "
                "and ZERO extents can be read.", path=str(path), type=extent.type))
        file_path = _extent_path(path, extent.file or "")
        file_size = regular_file_size(file_path)
        source = _PathSource(context.files, file_path, file_size)
        if extent.type == "SPARSE":
            extents.append(_LazySparseExtent(source, extent.sectors, context))
            continue
        start = extent.offset * SECTOR
        if start + size > file_size:
            raise DiskFormatError(Text(
                "{file} has {size} bytes, but the descriptor reads {needed} bytes of it: it is "
                "truncated.", file=str(file_path), size=file_size, needed=start + size))
        extents.append(_FlatExtent(source, start, size))
    return extents
