"""The third-party notices both packages carry: which libraries, under which licence, where.

The bundle ships libraries under other licences than the application's: Python (PSF-2.0), Qt and
PySide6 (LGPL-3.0), and the readers of guest inspection with their dependencies, listed in
:data:`LIBRARIES`. One table feeds everything that names them, so they cannot drift apart:

* the spec copies each distribution's ``*.dist-info`` (with its licence files: libyal's
  ``COPYING`` and ``COPYING.LESSER``, the MIT ``LICENSE`` files) into the bundle;
* :func:`notices_text` is ``_internal/THIRD-PARTY-NOTICES.txt`` in the bundle (so in the .deb and
  the Windows installation alike), and the NSIS installer shows it as a page;
* :func:`deb_copyright_stanzas` are the per-library paragraphs of the .deb's DEP-5 copyright.

LGPL (libyal's pyfsntfs and pyfsxfs): each is a separate shared library, the extension
module file the wheel installs (``.so``/``.pyd``), loaded at run time by name; replacing that
file with a build of a modified libyal changes what the application uses, which is what the
LGPL asks of a work that uses the library. Nothing of them is linked into our code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata

#: the notices' file name in the bundle's ``_internal`` folder
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"


@dataclass(frozen=True)
class Library:
    """One third-party distribution in the bundle, as its notices name it."""

    distribution: str  # the PyPI name (its *.dist-info is copied into the bundle)
    modules: tuple[str, ...]  # import names: the files in the bundle
    licence: str  # SPDX expression, as the distribution's metadata says
    copyright: str  # from its licence file
    url: str  # where its source is
    used_for: str


#: the Debian short name (DEP-5) of each SPDX expression used in LIBRARIES
DEP5_LICENCE = {"LGPL-3.0-or-later": "LGPL-3+", "MIT": "Expat", "PSF-2.0": "PSF-2.0"}

_LIBYAL = "Copyright (C) 2010-2026, Joachim Metz <joachim.metz@gmail.com>"

LIBRARIES: tuple[Library, ...] = (
    Library("libfsntfs-python", ("pyfsntfs",), "LGPL-3.0-or-later", _LIBYAL,
            "https://github.com/libyal/libfsntfs", "reading NTFS (Windows guests)"),
    Library("libfsxfs-python", ("pyfsxfs",), "LGPL-3.0-or-later", _LIBYAL,
            "https://github.com/libyal/libfsxfs", "reading XFS (CentOS/RHEL 7 guests)"),
    Library("ext4", ("ext4",), "MIT", "Copyright (c) 2024 Nathaniel van Diepen",
            "https://github.com/Eeems/python-ext4", "reading ext2/3/4"),
    Library("regipy", ("regipy",), "MIT", "Copyright (c) 2019 Martin G. Korman",
            "https://github.com/mkorman90/regipy", "reading Windows registry hives"),
    Library("construct", ("construct",), "MIT",
            "Copyright (C) 2006-2020 Arkadiusz Bulski, Tomer Filiba, Corbin Simpson",
            "https://github.com/construct/construct", "binary structures (for regipy)"),
    Library("inflection", ("inflection",), "MIT", "Copyright (C) 2012-2020 Janne Vanhala",
            "https://github.com/jpvanhal/inflection", "a dependency of regipy"),
    Library("pytz", ("pytz",), "MIT",
            "Copyright (c) 2003-2019 Stuart Bishop <stuart@stuartbishop.net>",
            "https://github.com/stub42/pytz", "time zones (for regipy)"),
    Library("cachetools", ("cachetools",), "MIT", "Copyright (c) 2014-2026 Thomas Kemmer",
            "https://github.com/tkem/cachetools", "a dependency of ext4"),
    Library("crcmod", ("crcmod",), "MIT",
            "Copyright (c) 2010 Raymond L. Buvel, Copyright (c) 2010 Craig McQueen",
            "https://crcmod.sourceforge.net/", "checksums (for ext4)"),
    Library("typing_extensions", ("typing_extensions",), "PSF-2.0",
            "Copyright (c) 2001-2024 Python Software Foundation",
            "https://github.com/python/typing_extensions", "a dependency of ext4"),
)


def installed_versions(libraries: Iterable[Library] = LIBRARIES) -> dict[str, str]:
    """The version of each distribution installed here (what PyInstaller bundles)."""
    return {lib.distribution: metadata.version(lib.distribution) for lib in libraries}


def licence_files(distribution: str) -> list[str]:
    """The licence files of an installed distribution, relative to site-packages
    (``libfsntfs_python-20260827.dist-info/licenses/COPYING.LESSER``)."""
    files = metadata.distribution(distribution).files or []
    names = ("LICENSE", "LICENCE", "COPYING", "NOTICE")
    return sorted(str(f) for f in files
                  if ".dist-info/" in str(f) and f.name.upper().startswith(names))


def notices_text(versions: Mapping[str, str], files: Mapping[str, list[str]]) -> str:
    """THIRD-PARTY-NOTICES.txt: every library, its licence, copyright and where its licence
    text is in the bundle (``files``: distribution -> dist-info paths)."""
    lines = [
        "VM Image Import Wizard: third-party notices",
        "",
        "The application is licensed under the Apache License 2.0. This folder also holds",
        "software of others, each under its own licence:",
        "",
        "- Python (PSF-2.0): the interpreter and its standard library (python3*.dll / libpython).",
        "- Qt 6 and PySide6 (LGPL-3.0): the PySide6 folder; https://www.qt.io/",
        "  https://code.qt.io/. Separate shared libraries you can replace with your own builds.",
        "- Python packages, each with its licence files in its *.dist-info folder here.",
        "",
        "Guest inspection (reading the filesystems and registry inside a disk) uses:",
        "",
    ]
    for lib in LIBRARIES:
        version = versions.get(lib.distribution, "")
        where = ", ".join(files.get(lib.distribution, [])) or f"{lib.distribution}-*.dist-info"
        lines += [
            f"{lib.distribution} {version} ({', '.join(lib.modules)}): {lib.licence}",
            f"  {lib.copyright}",
            f"  {lib.used_for}; source: {lib.url}",
            f"  licence text: {where}",
        ]
        if lib.licence.startswith("LGPL"):
            lines += [
                "  It is a separate shared library, the extension module file as its wheel",
                f"  installs it ({lib.modules[0]}.*.so on Linux, {lib.modules[0]}.*.pyd on "
                "Windows), loaded",
                "  at run time. You may replace that file with a build of a modified version",
                "  of the library (GNU LGPL 3.0 or later, section 4). Its complete source for",
                f"  this version is the sdist {lib.distribution}=={version} on PyPI and the",
                f"  release {version} at {lib.url}. The licence texts are COPYING (GNU GPL 3.0)",
                "  and COPYING.LESSER (GNU LGPL 3.0) in its dist-info folder.",
            ]
        lines.append("")
    return "\n".join(lines)


EXPAT_TEXT = """\
Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def deb_copyright_stanzas(install_dir: str, versions: Mapping[str, str]) -> str:
    """DEP-5 paragraphs for the libraries of :data:`LIBRARIES`, after the ``Files: *`` one.

    One ``Files`` paragraph per library (details in its ``Comment``), then one standalone
    ``License`` paragraph per licence: LGPL-3+ refers to /usr/share/common-licenses, Expat
    carries its text (Debian has no common copy), PSF-2.0 refers to the dist-info's file.
    """
    out: list[str] = []
    for lib in LIBRARIES:
        # (paths in the package, relative to its root as DEP-5 writes them)
        files = " ".join(f"{install_dir.lstrip('/')}/_internal/{module}*"
                         for module in lib.modules)
        comment = [f"{lib.distribution} {versions.get(lib.distribution, '')}: {lib.used_for}.",
                   f"Source: {lib.url}"]
        if lib.licence.startswith("LGPL"):
            comment.append("A separate shared library, loaded at run time: replaceable.")
        out.append(f"Files: {files}\nCopyright: {lib.copyright.removeprefix('Copyright ')}\n"
                   f"License: {DEP5_LICENCE[lib.licence]}\nComment:"
                   + "".join(f"\n {line}" for line in comment) + "\n")
    used = {DEP5_LICENCE[lib.licence] for lib in LIBRARIES}
    bodies = {
        "LGPL-3+": "See /usr/share/common-licenses/LGPL-3 (and GPL-3, which it extends).",
        "Expat": EXPAT_TEXT,
        "PSF-2.0": f"The text is in {install_dir}/_internal/typing_extensions-*.dist-info.",
    }
    for name in sorted(used):
        body = "\n".join(f" {line}" if line else " ." for line in bodies[name].splitlines())
        out.append(f"License: {name}\n{body}\n")
    return "\n".join(out)
