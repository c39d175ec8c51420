"""A small typed, bounded, never-raising view of a Windows registry hive, over regipy.

regipy (MIT, pure Python) parses the regf format; this is the one module that calls it, so its
untyped API and its exceptions stay here. What the Windows probe gets is :class:`Hive` and
:class:`Key`: lookups that answer ``None`` for "not there" *and* for "could not be read" (a
damaged hive is hostile input: the reason is logged at debug level, the probe's fields stay
unknown), and that look at no more than a bounded number of subkeys and values per key, whatever
counts a damaged cell claims.

regipy's ``RegistryHive`` takes a path, not bytes or a file object (it opens the path and reads it
whole into a BytesIO). The hive's bytes come from inside the guest's disk, so they are handed to
it without landing in a regular file where possible: an anonymous in-memory file
(``memfd_create``, Linux) through its ``/proc/self/fd`` path; elsewhere (Windows, macOS) a file
created 0600 in a private temporary folder and removed as soon as regipy has read it.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from regipy.registry import NKRecord, RegistryHive

log = logging.getLogger(__name__)

#: subkeys or values looked at in one key; real keys have at most a few thousand (Services)
MAX_CHILDREN = 20_000
#: path components of one lookup
MAX_DEPTH = 32

#: what a value holds, as regipy decodes it: REG_SZ/EXPAND_SZ str, DWORD/QWORD int,
#: BINARY bytes, MULTI_SZ list of str
Data = str | int | bytes | list[str] | None


@dataclass(frozen=True)
class RegValue:
    name: str
    type: str  # "REG_SZ", "REG_DWORD", "REG_BINARY", "REG_MULTI_SZ", …
    data: Data


@contextlib.contextmanager
def _hive_path(data: bytes) -> Iterator[str]:
    """A path regipy can open that holds ``data``, gone when the block ends."""
    memfd = getattr(os, "memfd_create", None)
    if memfd is not None and os.path.isdir("/proc/self/fd"):
        fd = memfd("guest-hive", getattr(os, "MFD_CLOEXEC", 0))
        try:
            with os.fdopen(os.dup(fd), "wb") as out:
                out.write(data)
            yield f"/proc/self/fd/{fd}"
        finally:
            os.close(fd)
        return
    with tempfile.TemporaryDirectory(prefix="vmdkimport-hive-") as folder:
        path = Path(folder) / "hive"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        yield str(path)


class Key:
    """One key of a hive."""

    def __init__(self, record: Any) -> None:
        self._record = record
        self.name: str = str(record.name)

    def _subkeys(self) -> Iterator[Any]:
        return itertools.islice(self._record.iter_subkeys() or (), MAX_CHILDREN)

    def subkey(self, name: str) -> Key | None:
        """The subkey ``name`` (case-insensitive, as Windows), or None."""
        wanted = name.upper()
        try:
            for record in self._subkeys():
                if isinstance(record, NKRecord) and str(record.name).upper() == wanted:
                    return Key(record)
        except Exception as exc:  # noqa: BLE001 - regipy on hostile bytes raises anything
            log.debug("subkey %s of %s unreadable: %r", name, self.name, exc)
        return None

    def subkey_names(self) -> list[str]:
        """The names of the subkeys (at most MAX_CHILDREN); those read before damage if any."""
        names: list[str] = []
        try:
            for record in self._subkeys():
                if isinstance(record, NKRecord):
                    names.append(str(record.name))
        except Exception as exc:  # noqa: BLE001 - regipy on hostile bytes raises anything
            log.debug("subkeys of %s unreadable: %r", self.name, exc)
        return names

    def values(self) -> list[RegValue]:
        """The values of this key (at most MAX_CHILDREN); those read before damage if any."""
        found: list[RegValue] = []
        try:
            raw = self._record.iter_values(as_json=False, trim_values=False)
            for value in itertools.islice(raw, MAX_CHILDREN):
                found.append(RegValue(str(value.name), str(value.value_type),
                                      _data(value.value)))
        except Exception as exc:  # noqa: BLE001 - regipy on hostile bytes raises anything
            log.debug("values of %s unreadable: %r", self.name, exc)
        return found

    def value(self, name: str) -> RegValue | None:
        """The value ``name`` (case-insensitive), or None."""
        wanted = name.lower()
        return next((v for v in self.values() if v.name.lower() == wanted), None)

    def string(self, name: str) -> str:
        """A string value ("" when missing or not a string)."""
        value = self.value(name)
        if value is None:
            return ""
        if isinstance(value.data, str):
            return value.data.rstrip("\x00")
        if isinstance(value.data, list):
            return value.data[0] if value.data else ""
        return ""

    def dword(self, name: str) -> int | None:
        value = self.value(name)
        return value.data if value is not None and isinstance(value.data, int) else None

    def binary(self, name: str) -> bytes | None:
        value = self.value(name)
        return value.data if value is not None and isinstance(value.data, bytes) else None

    def strings(self, name: str) -> list[str]:
        """A MULTI_SZ value (a single string counts as a list of one)."""
        value = self.value(name)
        if value is None:
            return []
        if isinstance(value.data, list):
            return value.data
        if isinstance(value.data, str) and value.data:
            return [value.data.rstrip("\x00")]
        return []


def _data(raw: Any) -> Data:
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, (str, int, bytes)):
        return raw
    if isinstance(raw, list):
        return [str(item) for item in raw]
    return None


class Hive:
    """A parsed hive; :meth:`key` walks to a key by its path below the root."""

    def __init__(self, root: Any) -> None:
        self.root = Key(root)

    @classmethod
    def parse(cls, data: bytes) -> Hive | None:
        """The hive in ``data``, or None when it is not one or is damaged beyond its root."""
        if len(data) < 4096 or data[:4] != b"regf":
            log.debug("not a registry hive (%d bytes)", len(data))
            return None
        try:
            with _hive_path(data) as path:
                hive = RegistryHive(path)  # type: ignore[no-untyped-call]
            return cls(hive.root)
        except Exception as exc:  # noqa: BLE001 - regipy on hostile bytes raises anything
            log.debug("registry hive unreadable: %r", exc)
            return None

    def key(self, path: str) -> Key | None:
        """The key at ``a\\b\\c`` below the root (case-insensitive), or None."""
        key: Key | None = self.root
        for part in [p for p in path.split("\\") if p][:MAX_DEPTH]:
            if key is None:
                return None
            key = key.subkey(part)
        return key
