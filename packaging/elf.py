"""The bundle's ELF files (Linux): which they are, which are programs, and their library
search paths.

PyInstaller copies extension modules and libraries as they were built. Those of a Python built
on the build machine (pyenv: ``-Wl,-rpath,/root/.pyenv/versions/3.11.7/lib``) carry a RUNPATH
naming a folder of that machine; on an administrator's machine it would make the loader look
there first (a folder anyone who can create it controls), and Debian forbids it (lintian:
``custom-library-search-path``). :func:`clean_runpaths` removes every entry that does not point
into the bundle, with Debian's ``patchelf``, and keeps the ``$ORIGIN``-relative ones (PySide6's
modules find Qt's libraries through them). The bootloader loads ``_internal/libpython*`` by
path, and the extension modules link only the distribution's libraries (found in the standard
folders), so nothing else needs those entries.

The few header fields needed are read here rather than with ``readelf``/``patchelf`` per file:
the bundle has about 900 files to classify, and one process each would add seconds to every
build for three numbers (pyelftools would be a dependency for the same three). The tests check
this reader against binutils' ``readelf`` on the real bundle's files. Only the change is
patchelf's.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from tools import BuildError, need, run

_MAGIC = b"\x7fELF"
_ET_EXEC = 2
_PT_LOAD, _PT_DYNAMIC, _PT_INTERP = 1, 2, 3
_DT_NULL, _DT_STRTAB, _DT_RPATH, _DT_RUNPATH = 0, 5, 15, 29


@dataclass(frozen=True)
class Elf:
    """What the build needs to know of one ELF file."""

    program: bool  # has a program interpreter (or is a fixed-address executable): runs, 0755
    rpath: tuple[str, ...] | None  # DT_RPATH entries (old style: also used by what it loads)
    runpath: tuple[str, ...] | None  # DT_RUNPATH entries


def is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as fh:
        return fh.read(4) == _MAGIC


def elf_files(folder: Path) -> list[Path]:
    """Every ELF file (executables, libraries, extension modules) under ``folder``; links are
    skipped (their targets are in the list)."""
    return [path for path in sorted(folder.rglob("*")) if is_elf(path)]


def read_elf(path: Path) -> Elf:
    """The program flag and the library search paths of an ELF file (32/64-bit, either byte
    order). Raises ValueError for anything else."""
    data = path.read_bytes()
    if data[:4] != _MAGIC or data[4] not in (1, 2) or data[5] not in (1, 2):
        raise ValueError(f"{path} is not an ELF file")
    wide = data[4] == 2
    order = "<" if data[5] == 1 else ">"
    e_type = struct.unpack_from(order + "H", data, 16)[0]
    if wide:
        phoff = struct.unpack_from(order + "Q", data, 32)[0]
        phentsize, phnum = struct.unpack_from(order + "HH", data, 54)
        header, entry = order + "IIQQQQQQ", order + "qQ"  # p_type, p_flags, p_offset, ...
    else:
        phoff = struct.unpack_from(order + "I", data, 28)[0]
        phentsize, phnum = struct.unpack_from(order + "HH", data, 42)
        header, entry = order + "IIIIIIII", order + "iI"  # p_type, p_offset, p_vaddr, ...
    segments = []  # (type, file offset, virtual address, size in the file)
    for index in range(phnum):
        fields = struct.unpack_from(header, data, phoff + index * phentsize)
        if wide:
            p_type, _, p_offset, p_vaddr, _, p_filesz = fields[:6]
        else:
            p_type, p_offset, p_vaddr, _, p_filesz = fields[:5]
        segments.append((p_type, p_offset, p_vaddr, p_filesz))
    program = e_type == _ET_EXEC or any(s[0] == _PT_INTERP for s in segments)
    dynamic = next((s for s in segments if s[0] == _PT_DYNAMIC), None)
    if dynamic is None:
        return Elf(program, None, None)
    tags: dict[int, int] = {}
    size = struct.calcsize(entry)
    for offset in range(dynamic[1], dynamic[1] + dynamic[3] - size + 1, size):
        tag, value = struct.unpack_from(entry, data, offset)
        if tag == _DT_NULL:
            break
        tags.setdefault(tag, value)
    strtab = next((offset + tags[_DT_STRTAB] - vaddr for kind, offset, vaddr, filesz in segments
                   if kind == _PT_LOAD and _DT_STRTAB in tags
                   and vaddr <= tags[_DT_STRTAB] < vaddr + filesz), None)

    def paths(tag: int) -> tuple[str, ...] | None:
        if tag not in tags or strtab is None:
            return None
        start = strtab + tags[tag]
        text = data[start:data.index(b"\0", start)].decode("utf-8", "surrogateescape")
        return tuple(text.split(":")) if text else ()

    return Elf(program, paths(_DT_RPATH), paths(_DT_RUNPATH))


def inside_bundle(entry: str) -> bool:
    """A search path entry relative to the file itself: ``$ORIGIN``, ``${ORIGIN}/../lib``."""
    return entry.startswith(("$ORIGIN", "${ORIGIN}"))


def clean_runpaths(folder: Path) -> list[tuple[Path, str, str]]:
    """Remove the RPATH/RUNPATH entries that point outside the bundle from every ELF file
    under ``folder``: ``(file, before, after)`` for each file changed (``after`` empty when the
    entry was removed). Files with none are not touched, so running it twice changes nothing.
    """
    changed = []
    for path in elf_files(folder):
        info = read_elf(path)
        if info.rpath is not None and info.runpath is not None and any(
                not inside_bundle(e) for e in info.rpath + info.runpath):
            raise BuildError(f"{path} has both an RPATH and a RUNPATH: not handled here")
        kind, entries = ("RPATH", info.rpath) if info.rpath is not None else \
            ("RUNPATH", info.runpath)
        if entries is None:
            continue
        kept = [e for e in entries if inside_bundle(e)]
        if len(kept) == len(entries):
            continue
        patchelf = need("patchelf")
        if kept:
            # --force-rpath keeps an RPATH an RPATH (it also applies to what the file loads)
            force = ["--force-rpath"] if kind == "RPATH" else []
            run([patchelf, *force, "--set-rpath", ":".join(kept), path], quiet=True)
        else:
            run([patchelf, "--remove-rpath", path], quiet=True)
        changed.append((path, ":".join(entries), ":".join(kept)))
    return changed


def foreign_search_paths(folder: Path) -> list[tuple[Path, str]]:
    """``(file, entry)`` for every search path entry outside the bundle (none after
    :func:`clean_runpaths`)."""
    found = []
    for path in elf_files(folder):
        info = read_elf(path)
        for entries in (info.rpath, info.runpath):
            found += [(path, e) for e in entries or () if not inside_bundle(e)]
    return found
