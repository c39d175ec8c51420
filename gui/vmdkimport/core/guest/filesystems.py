"""Guest filesystems behind the one read-only interface the OS probes use (:class:`fs.GuestFS`).

ext2/3/4 through the ``ext4`` library, XFS through pyfsxfs and NTFS through pyfsntfs (the calls
themselves are in :mod:`.libfs`). vfat is recognised but not read: the probes only need to know
that an ESP is there.

Two things are done by hand, each because the library cannot:

- ext block maps and directory entries. The ``ext4`` library reads only extent-mapped files: on
  ext2, ext3 and the old files of an ext4 converted from ext3 it returns zeros and finds no
  directory entry (checked in the tests). Block maps (12 direct, one single, double and triple
  indirect pointer) and the directory entry format are small and fixed, so they are read here,
  for every ext flavour alike; the library still finds inodes and reads extent trees.
- symlinks. Neither ``ext4`` nor pyfsxfs follows a link inside a path, yet newer distributions
  have ``/etc/os-release -> ../usr/lib/os-release`` and ``/lib -> usr/lib``. Paths are walked
  here one name at a time, following at most :data:`MAX_LINK_HOPS` links.

Every size is bounded: files by ``limit``, directories by :data:`MAX_DIR_BYTES` and
:data:`MAX_ENTRIES`, walks by :data:`MAX_WALK_STEPS`.
"""

from __future__ import annotations

import struct
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable
from typing import Final, Generic, TypeVar

from vmdkimport.core.guest.facts import Volume
from vmdkimport.core.guest.fs import MAX_FILE_BYTES, Entry, GuestFS, GuestReadError
from vmdkimport.core.guest.libfs import (
    ExtInode,
    ExtLibrary,
    NtfsLibrary,
    XfsLibrary,
    YalEntry,
)
from vmdkimport.core.guest.partitions import Source
from vmdkimport.core.guest.volumes import HEAD_BYTES, Identity, identify
from vmdkimport.core.text import Text

MAX_LINK_HOPS: Final = 8
MAX_WALK_STEPS: Final = 256
MAX_ENTRIES: Final = 10_000
#: a directory of 10,000 entries with long names is about 1 MiB
MAX_DIR_BYTES: Final = 8 * 1024 * 1024
#: directories whose entries are kept, per filesystem
DIR_CACHE: Final = 64

N = TypeVar("N")


def _read(source: Source, offset: int, length: int) -> bytes:
    source.seek(offset)
    return source.read(length) or b""


class _Walker(ABC, Generic[N]):
    """Path resolution over a POSIX tree: one name at a time, following symlinks (absolute or
    relative) up to :data:`MAX_LINK_HOPS` times, ``..`` included. A filesystem says how to
    take one step (the four methods below); the walk and its bounds are written once here."""

    @abstractmethod
    def _root(self) -> N:
        """The root directory's node."""

    @abstractmethod
    def _child(self, directory: N, name: str) -> N | None:
        """The entry ``name`` of ``directory`` (None: not there)."""

    @abstractmethod
    def _kind(self, node: N) -> str:
        """"dir", "file", "link" or "other"."""

    @abstractmethod
    def _target(self, node: N) -> str:
        """A symlink's target, as stored."""

    def _resolve(self, path: str, *, follow_last: bool = True) -> N | None:
        parts = [p for p in path.split("/") if p not in ("", ".")]
        stack = [self._root()]
        hops = steps = 0
        while parts:
            steps += 1
            if steps > MAX_WALK_STEPS:
                return None
            name = parts.pop(0)
            if name == "..":
                if len(stack) > 1:
                    stack.pop()
                continue
            if self._kind(stack[-1]) != "dir":
                return None
            child = self._child(stack[-1], name)
            if child is None:
                return None
            if self._kind(child) == "link" and (parts or follow_last):
                hops += 1
                target = self._target(child)
                if hops > MAX_LINK_HOPS or not target:
                    return None
                if target.startswith("/"):
                    stack = stack[:1]
                parts = [p for p in target.split("/") if p not in ("", ".")] + parts
                continue
            stack.append(child)
        return stack[-1]


# --- ext2/3/4 --------------------------------------------------------------------------------

class ExtFS(_Walker[ExtInode]):
    """An ext2, ext3 or ext4 filesystem (see the module docstring for what is read by hand)."""

    def __init__(self, source: Source, size: int, identity: Identity) -> None:
        self.kind = identity.filesystem
        self.label, self.uuid = identity.label, identity.uuid
        self.size_bytes, self.free_bytes = identity.size_bytes, identity.free_bytes
        self._source = source
        sb = _read(source, 1024, 1024)
        if len(sb) < 1024 or sb[56:58] != b"\x53\xef":
            raise GuestReadError(Text("The ext superblock is missing or damaged."))
        inodes, blocks = struct.unpack_from("<II", sb, 0)
        log_block = struct.unpack_from("<I", sb, 24)[0]
        per_group = struct.unpack_from("<I", sb, 40)[0]
        incompat = struct.unpack_from("<I", sb, 96)[0]
        desc = struct.unpack_from("<H", sb, 254)[0] if incompat & 0x80 else 32
        if log_block > 6 or per_group == 0 or inodes == 0:
            raise GuestReadError(Text("The ext superblock is damaged (impossible block size or "
                                      "inode counts)."))
        self._block: int = 1024 << log_block
        groups = -(-inodes // per_group)
        if incompat & 0x80:
            blocks |= struct.unpack_from("<I", sb, 0x150)[0] << 32
        first_data = struct.unpack_from("<I", sb, 20)[0]
        blocks_per_group = struct.unpack_from("<I", sb, 32)[0]
        block_groups = -(-(blocks - first_data) // blocks_per_group) if blocks_per_group else -1
        if block_groups != groups:
            raise GuestReadError(Text("The ext superblock is damaged: its inode and block "
                                      "counts describe different numbers of block groups."))
        if groups * max(desc, 32) > max(size, 0) or groups > 1 << 22:
            raise GuestReadError(Text("The ext superblock is damaged: it describes more block "
                                      "groups than the volume can hold."))
        if incompat & 0x8:
            raise GuestReadError(Text("This is an ext journal device, not a filesystem."))
        self._inodes: int = inodes
        self._blocks: int = blocks
        self._filetype = bool(incompat & 0x2)
        self._library = ExtLibrary(source, size)
        self._dirs: OrderedDict[int, list[tuple[bytes, int, int]]] = OrderedDict()

    # the walker's view
    def _root(self) -> ExtInode:
        return self._inode(2)

    def _inode(self, number: int) -> ExtInode:
        if not 1 <= number <= self._inodes:
            raise GuestReadError(Text("A directory entry points at inode {number}, beyond the "
                                      "filesystem's {count} inodes: it is damaged.",
                                      number=number, count=self._inodes))
        return self._library.inode(number)

    def _kind(self, node: ExtInode) -> str:
        return node.kind

    def _target(self, node: ExtInode) -> str:
        return self._data(node, 4096).decode("utf-8", "surrogateescape")

    def _child(self, directory: ExtInode, name: str) -> ExtInode | None:
        wanted = name.encode("utf-8", "surrogateescape")
        for entry_name, number, _ in self._entries(directory):
            if entry_name == wanted:
                return self._inode(number)
        return None

    # reading
    def _data(self, node: ExtInode, limit: int) -> bytes:
        want = max(0, min(limit, node.size))
        if want == 0:
            return b""
        if node.extents or node.inline:
            return self._library.read_mapped(node.number, want)
        if node.kind == "link" and node.blocks_lo == 0 and node.size <= 60:
            return node.i_block[:want]  # a fast symlink: the target sits in i_block
        return self._block_mapped(node, want)

    def _block_mapped(self, node: ExtInode, want: int) -> bytes:
        """Read through the classic block map (ext2/ext3): 12 direct pointers, then single,
        double and triple indirect blocks. Holes read as zeros."""
        block = self._block
        per = block // 4
        pointers: tuple[int, ...] = struct.unpack("<15I", node.i_block)
        tables: dict[int, tuple[int, ...]] = {}

        def table(number: int) -> tuple[int, ...]:
            if number == 0:
                return (0,) * per
            if number not in tables:
                if number >= self._blocks or len(tables) > 4096:
                    raise GuestReadError(Text("A file's block map points outside the "
                                              "filesystem: it is damaged."))
                raw = _read(self._source, number * block, block).ljust(block, b"\0")
                tables[number] = tuple(struct.unpack(f"<{per}I", raw))
            return tables[number]

        def physical(logical: int) -> int:
            if logical < 12:
                return pointers[logical]
            logical -= 12
            if logical < per:
                return table(pointers[12])[logical]
            logical -= per
            if logical < per * per:
                return table(table(pointers[13])[logical // per])[logical % per]
            logical -= per * per
            outer = table(pointers[14])[logical // (per * per)]
            return table(table(outer)[(logical // per) % per])[logical % per]

        out = bytearray()
        count = -(-want // block)
        run_start, run_length = 0, 0

        def flush() -> None:
            if run_length:
                out.extend(_read(self._source, run_start * block, run_length * block)
                           .ljust(run_length * block, b"\0"))

        for logical in range(count):
            number = physical(logical)
            if number >= self._blocks:
                raise GuestReadError(Text("A file's block map points outside the filesystem: "
                                          "it is damaged."))
            if number and run_length and number == run_start + run_length:
                run_length += 1
                continue
            flush()
            if number == 0:
                run_start, run_length = 0, 0
                out.extend(b"\0" * block)
            else:
                run_start, run_length = number, 1
        flush()
        return bytes(out[:want])

    def _entries(self, directory: ExtInode) -> list[tuple[bytes, int, int]]:
        """(name, inode, file type) of a directory, read linearly block by block (an htree
        directory's index blocks look like empty entries, so this reads every kind)."""
        cached = self._dirs.get(directory.number)
        if cached is not None:
            self._dirs.move_to_end(directory.number)
            return cached
        data = self._data(directory, MAX_DIR_BYTES)
        out: list[tuple[bytes, int, int]] = []
        block = self._block
        for base in range(0, len(data), block):
            offset = base
            end = min(base + block, len(data))
            while offset + 8 <= end and len(out) < MAX_ENTRIES:
                number, rec_len, name_len, file_type = struct.unpack_from("<IHBB", data, offset)
                if not self._filetype:
                    name_len, file_type = name_len | file_type << 8, 0
                if rec_len < 8 or rec_len % 4 or offset + rec_len > end:
                    break  # damaged block: go on with the next one
                if number and 8 + name_len <= rec_len:
                    name = data[offset + 8: offset + 8 + name_len]
                    if name not in (b".", b".."):
                        out.append((name, number, file_type))
                offset += rec_len
        self._dirs[directory.number] = out
        if len(self._dirs) > DIR_CACHE:
            self._dirs.popitem(last=False)
        return out

    # GuestFS
    def read_file(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
        node = self._resolve(path)
        if node is None or node.kind != "file":
            return None
        return self._data(node, min(limit, MAX_FILE_BYTES))

    def list_dir(self, path: str) -> list[Entry] | None:
        node = self._resolve(path)
        if node is None or node.kind != "dir":
            return None
        out = []
        for name, number, file_type in self._entries(node)[:MAX_ENTRIES]:
            if file_type == 2:
                out.append(Entry(name.decode("utf-8", "replace"), True, 0))
                continue
            child = self._inode(number)
            out.append(Entry(name.decode("utf-8", "replace"), child.kind == "dir",
                             child.size if child.kind == "file" else 0))
        return out

    def exists(self, path: str) -> bool:
        return self._resolve(path, follow_last=False) is not None

    def file_size(self, path: str) -> int | None:
        node = self._resolve(path)
        return node.size if node is not None and node.kind == "file" else None


# --- XFS -------------------------------------------------------------------------------------

class XfsFS(_Walker[YalEntry]):
    """An XFS filesystem through pyfsxfs."""

    def __init__(self, source: Source, identity: Identity) -> None:
        self._library = XfsLibrary(source)
        self.kind = "xfs"
        self.label = self._library.label() or identity.label
        self.uuid = identity.uuid
        self.size_bytes, self.free_bytes = identity.size_bytes, identity.free_bytes

    def _root(self) -> YalEntry:
        return self._library.root()

    def _child(self, directory: YalEntry, name: str) -> YalEntry | None:
        return self._library.child(directory, name)

    def _kind(self, node: YalEntry) -> str:
        return node.kind

    def _target(self, node: YalEntry) -> str:
        return node.link_target

    def read_file(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
        node = self._resolve(path)
        if node is None or node.kind != "file":
            return None
        return self._library.read(node, min(limit, MAX_FILE_BYTES))

    def list_dir(self, path: str) -> list[Entry] | None:
        node = self._resolve(path)
        if node is None or node.kind != "dir":
            return None
        return [Entry(e.name, e.kind == "dir", e.size if e.kind == "file" else 0)
                for e in self._library.children(node)]

    def exists(self, path: str) -> bool:
        return self._resolve(path, follow_last=False) is not None

    def file_size(self, path: str) -> int | None:
        node = self._resolve(path)
        return node.size if node is not None and node.kind == "file" else None


# --- NTFS ------------------------------------------------------------------------------------

class NtfsFS:
    """An NTFS filesystem through pyfsntfs; lookups ignore case (the library's own lookup
    does, as Windows does). Reparse points are not followed: the probes read none."""

    def __init__(self, source: Source, identity: Identity, volume: Volume) -> None:
        self._library = NtfsLibrary(source)
        self.kind = "ntfs"
        self.label = self._library.label()
        self.uuid = identity.uuid
        self.size_bytes = identity.size_bytes
        # free space comes from $Bitmap, counted once by find_volumes
        self.free_bytes = volume.free_bytes

    def read_file(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
        entry = self._library.entry(path)
        if entry is None or entry.kind == "dir":
            return None
        return self._library.read(entry, min(limit, MAX_FILE_BYTES))

    def list_dir(self, path: str) -> list[Entry] | None:
        entry = self._library.entry(path)
        if entry is None or entry.kind != "dir":
            return None
        return [Entry(e.name, e.kind == "dir", e.size) for e in self._library.children(entry)
                if e.name not in (".", "")]

    def exists(self, path: str) -> bool:
        return self._library.entry(path) is not None

    def file_size(self, path: str) -> int | None:
        entry = self._library.entry(path)
        return entry.size if entry is not None and entry.kind != "dir" else None


# --- vfat ------------------------------------------------------------------------------------

class VfatFS:
    """A FAT filesystem, recognised but not read (the probes only need to know an ESP is
    there): every lookup answers "not known" (None, False)."""

    def __init__(self, identity: Identity) -> None:
        self.kind = "vfat"
        self.label, self.uuid = identity.label, identity.uuid
        self.size_bytes: int | None = identity.size_bytes
        self.free_bytes: int | None = None

    def read_file(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
        return None

    def list_dir(self, path: str) -> list[Entry] | None:
        return None

    def exists(self, path: str) -> bool:
        return False

    def file_size(self, path: str) -> int | None:
        return None


def open_filesystem(volume_file: Source, volume: Volume) -> GuestFS:
    """The filesystem in ``volume_file`` (from :func:`volumes.open_volume`) as a GuestFS.

    The signature is read again from the volume's first 64 KiB (``volume.filesystem`` is only
    what was seen when listing). Raises :class:`GuestReadError` for anything that is not ext,
    XFS, NTFS or vfat, or that the library cannot open.
    """
    identity = identify(_read(volume_file, 0, HEAD_BYTES))
    openers: dict[str, Callable[[], GuestFS]] = {
        "ext2": lambda: ExtFS(volume_file, volume.size, identity),
        "ext3": lambda: ExtFS(volume_file, volume.size, identity),
        "ext4": lambda: ExtFS(volume_file, volume.size, identity),
        "xfs": lambda: XfsFS(volume_file, identity),
        "ntfs": lambda: NtfsFS(volume_file, identity, volume),
        "vfat": lambda: VfatFS(identity),
    }
    opener = openers.get(identity.filesystem)
    if opener is None:
        what = identity.filesystem or Text("nothing recognisable")
        raise GuestReadError(Text("{where} holds {what}; its files cannot be read.",
                                  where=volume.where, what=what))
    return opener()
