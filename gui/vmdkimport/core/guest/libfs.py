"""Typed wrappers around the untyped filesystem libraries: the one module that calls them.

``ext4`` (MIT, pure Python compiled with Nuitka), ``pyfsxfs`` and ``pyfsntfs`` (libyal, LGPL-3.0+,
C extensions) come without type information and raise whatever a damaged filesystem makes them
raise (``OSError``, ``ValueError``, ``AssertionError``, ``struct.error``, their own errors). Here
each call is made inside :func:`_guarded`, which turns any of it into :class:`GuestReadError`, and
every answer is converted to plain typed values. Nothing outside this module imports them.

The ``ext4`` library walks extent trees and group descriptors wherever the disk points; a
damaged or hostile tree can point back at itself and it would loop for ever. Every read it makes
goes through :class:`_Budget`, which fails an operation after :data:`READS_PER_OPERATION` reads:
the time bound that the library itself lacks.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, TypeVar

import ext4  # type: ignore[import-not-found]  # its .pyi (Nuitka's) imports modules that do not exist
import pyfsntfs  # type: ignore[import-not-found]  # C extension without stubs
import pyfsxfs  # type: ignore[import-not-found]  # C extension without stubs

from vmdkimport.core.guest.fs import GuestReadError
from vmdkimport.core.guest.partitions import Source
from vmdkimport.core.text import Text

T = TypeVar("T")

#: reads the ext4 library may make for one call, besides one per block of data asked for: a
#: real inode and its extent tree take a handful (a tree has at most 5 levels)
READS_PER_OPERATION: Final = 10_000
#: directory entries listed by the libyal wrappers
MAX_CHILDREN: Final = 10_000


class _BudgetExceeded(Exception):
    pass


def _guarded(what: str, call: Callable[[], T]) -> T:
    """Run a library call; anything it raises becomes a :class:`GuestReadError`."""
    try:
        return call()
    except GuestReadError:
        raise
    except _BudgetExceeded:
        raise GuestReadError(Text("Reading the {what} filesystem took far more reads than "
                                  "its metadata can need: it is damaged or loops.",
                                  what=what)) from None
    except Exception as exc:
        raise GuestReadError(Text("The {what} filesystem could not be read: {reason}.",
                                  what=what, reason=f"{type(exc).__name__}: {exc}"[:300])) \
            from exc


# --- ext2/3/4 --------------------------------------------------------------------------------

class _Budget(io.RawIOBase):
    """The volume as the ext4 library wants it (read, peek, seek, tell), counting reads."""

    def __init__(self, source: Source, size: int) -> None:
        super().__init__()
        self._source = source
        self._size = size
        self._pos = 0
        self.reads = 0
        self.allowed = READS_PER_OPERATION

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def read(self, size: int = -1, /) -> bytes:
        self.reads += 1
        if self.reads > self.allowed:
            raise _BudgetExceeded
        if size < 0:
            size = self._size - self._pos
        size = max(0, min(size, self._size - self._pos))
        if size == 0:
            return b""
        self._source.seek(self._pos)
        data = self._source.read(size) or b""
        self._pos += len(data)
        return data

    def peek(self, size: int = 0, /) -> bytes:
        pos = self._pos
        data = self.read(size)
        self._pos = pos
        return data


@dataclass(frozen=True)
class ExtInode:
    """What the ext probes need of an inode."""

    number: int
    mode: int
    size: int
    flags: int
    #: the 60 bytes of i_block: block map, extent root, inline data or a fast symlink target
    i_block: bytes
    blocks_lo: int

    @property
    def kind(self) -> str:
        return {0x4000: "dir", 0x8000: "file", 0xA000: "link"}.get(self.mode & 0xF000, "other")

    @property
    def extents(self) -> bool:
        return bool(self.flags & 0x80000)

    @property
    def inline(self) -> bool:
        return bool(self.flags & 0x10000000)


class ExtLibrary:
    """An ext2/3/4 volume opened by the ``ext4`` library.

    The library reads only extent-mapped and inline files: for a block-mapped inode (every file
    of ext2 and ext3, and old files of an ext4 converted from ext3) its reader returns zeros and
    its directory lookup finds nothing. :mod:`.filesystems` therefore reads block maps and
    directory entries itself and asks this class only for inodes and extent-mapped data.
    """

    def __init__(self, source: Source, size: int) -> None:
        self._file = _Budget(source, size)
        self._volume: Any = self._run(lambda: ext4.Volume(self._file, offset=0))

    def _run(self, call: Callable[[], T], data_bytes: int = 0) -> T:
        self._file.reads = 0
        self._file.allowed = READS_PER_OPERATION + 2 * (data_bytes // 1024 + 1)
        return _guarded("ext", call)

    def inode(self, number: int) -> ExtInode:
        def get() -> ExtInode:
            node = self._volume.inodes[number]
            return ExtInode(number, int(node.i_mode), int(node.i_size), int(node.i_flags),
                            bytes(node.i_block), int(node.i_blocks_lo))
        return self._run(get)

    def read_mapped(self, number: int, limit: int) -> bytes:
        """The first ``limit`` bytes of an extent-mapped or inline inode, by the library."""
        def read() -> bytes:
            node = self._volume.inodes[number]
            want = max(0, min(limit, int(node.i_size)))
            # Inode.open() exists only on regular files (a directory's or a symlink's raises
            # NotImplementedError); _open() is the reader behind it, for every kind
            data: bytes = node._open().read(want) if want else b""
            return bytes(data[:want])
        return self._run(read, limit)


# --- libyal: XFS and NTFS --------------------------------------------------------------------

@dataclass(frozen=True)
class YalEntry:
    """A file entry of pyfsxfs or pyfsntfs, as plain values; ``handle`` is the library's."""

    name: str
    kind: str  # "dir" | "file" | "link" | "other"
    size: int
    link_target: str
    handle: Any
    path: str = ""  # the path the entry was found by (pyfsxfs lookups need it)


def _xfs_entry(handle: Any, path: str = "") -> YalEntry:
    mode = int(handle.get_file_mode() or 0)
    kind = {0x4000: "dir", 0x8000: "file", 0xA000: "link"}.get(mode & 0xF000, "other")
    target = handle.get_symbolic_link_target() if kind == "link" else None
    return YalEntry(str(handle.get_name() or ""), kind, int(handle.get_size() or 0),
                    str(target or ""), handle, path)


class XfsLibrary:
    """An XFS volume opened by pyfsxfs (reads v4 and v5 filesystems, read-only)."""

    def __init__(self, source: Source) -> None:
        self._volume: Any = pyfsxfs.volume()
        self._source = source  # the library keeps using it: keep it alive
        _guarded("XFS", lambda: self._volume.open_file_object(source))

    def label(self) -> str:
        return str(_guarded("XFS", self._volume.get_label) or "")

    def root(self) -> YalEntry:
        return _guarded("XFS", lambda: _xfs_entry(self._volume.get_root_directory(), ""))

    def child(self, directory: YalEntry, name: str) -> YalEntry | None:
        # file_entry.get_sub_file_entry_by_name raises OSError for every name that exists
        # (pyfsxfs 20260901; it returns None only for a missing one), so look the child up
        # by its whole path: the walker has already resolved every link above it
        path = f"{directory.path}/{name}"
        def get() -> YalEntry | None:
            found = self._volume.get_file_entry_by_path(path)
            return _xfs_entry(found, path) if found is not None else None
        return _guarded("XFS", get)

    def children(self, directory: YalEntry) -> list[YalEntry]:
        def get() -> list[YalEntry]:
            count = min(int(directory.handle.get_number_of_sub_file_entries()), MAX_CHILDREN)
            return [_xfs_entry(directory.handle.get_sub_file_entry(i)) for i in range(count)]
        return _guarded("XFS", get)

    def read(self, entry: YalEntry, limit: int) -> bytes:
        want = max(0, min(limit, entry.size))
        return _guarded("XFS", lambda: bytes(entry.handle.read_buffer_at_offset(want, 0))
                        if want else b"")


def _ntfs_entry(handle: Any) -> YalEntry:
    is_dir = bool(handle.has_directory_entries_index())
    target = None
    if not is_dir:
        try:
            target = handle.get_symbolic_link_target()
        except OSError:
            target = None
    kind = "dir" if is_dir else ("link" if target else "file")
    size = 0 if is_dir else int(handle.get_size() or 0)
    return YalEntry(str(handle.get_name() or ""), kind, size, str(target or ""), handle)


class NtfsLibrary:
    """An NTFS volume opened by pyfsntfs. Its path lookup ignores case (checked in the tests),
    as Windows does, so paths are handed to it whole, with backslashes."""

    def __init__(self, source: Source) -> None:
        self._volume: Any = pyfsntfs.volume()
        self._source = source
        _guarded("NTFS", lambda: self._volume.open_file_object(source))

    def label(self) -> str:
        return str(_guarded("NTFS", self._volume.get_name) or "")

    def serial(self) -> int:
        return int(_guarded("NTFS", self._volume.get_serial_number) or 0)

    def entry(self, path: str) -> YalEntry | None:
        windows = "\\" + "\\".join(p for p in path.split("/") if p)
        def get() -> YalEntry | None:
            found = self._volume.get_file_entry_by_path(windows)
            return _ntfs_entry(found) if found is not None else None
        return _guarded("NTFS", get)

    def children(self, directory: YalEntry) -> list[YalEntry]:
        def get() -> list[YalEntry]:
            count = min(int(directory.handle.get_number_of_sub_file_entries()), MAX_CHILDREN)
            return [_ntfs_entry(directory.handle.get_sub_file_entry(i)) for i in range(count)]
        return _guarded("NTFS", get)

    def read(self, entry: YalEntry, limit: int) -> bytes:
        want = max(0, min(limit, entry.size))
        return _guarded("NTFS", lambda: bytes(entry.handle.read_buffer_at_offset(want, 0))
                        if want else b"")

    def bitmap(self, limit: int) -> bytes | None:
        """The cluster allocation bitmap ($Bitmap, MFT entry 6), or None when over ``limit``."""
        def get() -> bytes | None:
            handle = self._volume.get_file_entry(6)
            size = int(handle.get_size() or 0)
            if size > limit:
                return None
            return bytes(handle.read_buffer_at_offset(size, 0))
        return _guarded("NTFS", get)
