"""The one read-only view of a guest filesystem that the OS probes use.

ext2/3/4, XFS and NTFS are read by libraries (see :mod:`.filesystems`); each is wrapped in this
small interface so that the Linux and Windows probes neither know nor care which library read the
bytes, and so that their unit tests can use an in-memory filesystem.

Paths are POSIX-style and absolute (``/etc/os-release``, ``/Windows/System32/config/SOFTWARE``).
On NTFS, lookups ignore case, as Windows does. Every method returns ``None`` (or an empty list)
for "not there" and raises :class:`GuestReadError` only when the filesystem itself is damaged or
cannot be read, so a probe can ask freely.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from vmdkimport.core.errors import VmdkImportError

#: a probe never reads more than this of one file (hives are the largest things it reads)
MAX_FILE_BYTES = 256 * 1024 * 1024


class GuestReadError(VmdkImportError):
    """A filesystem or volume inside the disk could not be read (damaged, unsupported)."""


@dataclass(frozen=True)
class Entry:
    """One directory entry."""

    name: str
    is_dir: bool
    size: int  # bytes; 0 for a directory


class GuestFS(Protocol):
    """A mounted-nowhere, read-only filesystem inside the guest's disk."""

    #: "ext2" | "ext3" | "ext4" | "xfs" | "ntfs" | "vfat"
    kind: str
    label: str
    uuid: str
    #: total and free bytes, when the filesystem tells (None: unknown)
    size_bytes: int | None
    free_bytes: int | None

    def read_file(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
        """The first ``limit`` bytes of a regular file (following symlinks inside this fs)."""

    def list_dir(self, path: str) -> list[Entry] | None:
        """The entries of a directory (without ``.`` and ``..``), or None when not a directory."""

    def exists(self, path: str) -> bool:
        """Whether a file, directory or link is there."""

    def file_size(self, path: str) -> int | None:
        """The size of a regular file in bytes, or None."""
