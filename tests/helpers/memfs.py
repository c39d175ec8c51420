"""An in-memory guest filesystem for the OS probes' unit tests.

Implements :class:`vmdkimport.core.guest.fs.GuestFS` over a dict of paths to contents, so a
probe's every branch (an os-release variant, an fstab line, a netplan file) is one dict away and
needs no mkfs, loop device or library. Directories are implied by the paths; ``symlinks`` maps a
path to its target (relative or absolute, resolved inside this filesystem like a real one, so
``/etc/os-release -> ../usr/lib/os-release`` and a merged ``/bin -> usr/bin`` both work).
``kind="ntfs"`` makes lookups ignore case, as :mod:`.fs` promises for NTFS.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from vmdkimport.core.guest.fs import MAX_FILE_BYTES, Entry

#: how many links one lookup may follow, as Linux's MAXSYMLINKS (a loop ends, not hangs)
MAX_LINKS = 40


class MemFS:
    """A read-only GuestFS whose files live in a dict."""

    def __init__(self, files: Mapping[str, bytes | str], *, kind: str = "ext4", label: str = "",
                 uuid: str = "", symlinks: Mapping[str, str] | None = None,
                 dirs: tuple[str, ...] = (), size_bytes: int | None = None,
                 free_bytes: int | None = None) -> None:
        self.kind = kind
        self.label = label
        self.uuid = uuid
        self.size_bytes = size_bytes
        self.free_bytes = free_bytes
        self._fold = kind == "ntfs"
        self._files: dict[str, bytes] = {}
        self._links: dict[str, str] = {}
        self._dirs: set[str] = {"/"}
        for path, data in files.items():
            key = self._key(path)
            self._files[key] = data.encode() if isinstance(data, str) else data
            self._add_parents(key)
        for path, target in (symlinks or {}).items():
            key = self._key(path)
            self._links[key] = target
            self._add_parents(key)
        for path in dirs:
            key = self._key(path)
            self._dirs.add(key)
            self._add_parents(key)
        # display names: the spelling first given, for list_dir on a case-folding fs
        self._names = {self._key(p): posixpath.basename(posixpath.normpath("/" + p))
                       for p in [*files, *(symlinks or {}), *dirs]}

    def _key(self, path: str) -> str:
        norm = posixpath.normpath("/" + path.lstrip("/"))
        return norm.lower() if self._fold else norm

    def _add_parents(self, key: str) -> None:
        parent = posixpath.dirname(key)
        while parent not in self._dirs:
            self._dirs.add(parent)
            parent = posixpath.dirname(parent)

    def _resolve(self, path: str) -> str | None:
        """The path with every link followed, or None for a link loop."""
        parts = [p for p in self._key(path).split("/") if p]
        done = "/"
        hops = 0
        while parts:
            part = parts.pop(0)
            if part == "..":
                done = posixpath.dirname(done)
                continue
            current = self._key(posixpath.join(done, part))
            target = self._links.get(current)
            if target is None:
                done = current
                continue
            hops += 1
            if hops > MAX_LINKS:
                return None
            base = "/" if target.startswith("/") else done
            parts = [p for p in target.split("/") if p and p != "."] + parts
            done = self._key(base)
        return done

    def read_file(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes | None:
        key = self._resolve(path)
        if key is None or key not in self._files:
            return None
        return self._files[key][:limit]

    def list_dir(self, path: str) -> list[Entry] | None:
        key = self._resolve(path)
        if key is None or key not in self._dirs:
            return None
        entries: list[Entry] = []
        children = {k for k in [*self._files, *self._links, *self._dirs]
                    if k != "/" and posixpath.dirname(k) == key}
        for child in sorted(children):
            name = self._names.get(child, posixpath.basename(child))
            resolved = self._resolve(child)
            if resolved in self._files:
                entries.append(Entry(name, False, len(self._files[resolved])))
            else:
                entries.append(Entry(name, resolved in self._dirs, 0))
        return entries

    def exists(self, path: str) -> bool:
        key = self._key(path)
        if key in self._links:
            return True
        resolved = self._resolve(path)
        return resolved is not None and (resolved in self._files or resolved in self._dirs)

    def file_size(self, path: str) -> int | None:
        key = self._resolve(path)
        if key is None or key not in self._files:
            return None
        return len(self._files[key])
