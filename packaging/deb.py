"""Linux: the .deb. The bundle under /usr/lib, launchers in /usr/bin, the desktop entry, hicolor
icons, AppStream metainfo, manual pages, the Debian changelog, copyright and lintian overrides;
Depends computed by dpkg-shlibdeps from the bundle's ELF files."""

# ruff: noqa: T201 - a build script prints

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import hashlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from elf import elf_files, is_elf, read_elf
from freedesktop import desktop_entry, metainfo, validate_desktop_and_metainfo
from manpages import command_manpage
from notices import NOTICES_FILE, deb_copyright_stanzas, installed_versions
from project import (
    APP_ID,
    CLI,
    DIST,
    INSTALL_DIR,
    LINTIAN_OVERRIDES,
    PACKAGE,
    SVG_ICON,
    WORK,
    Project,
    release_date,
)
from tools import BuildError, need, run, tree_size

DEB_SYNOPSIS = "wizard to import VMware disks as FUJITSU K5 / FJcloud-O images"
CLI_SYNOPSIS = "import VMware disks into FUJITSU K5 / FJcloud-O from a terminal"
# Depends the ELF files do not show: none so far. Qt loads libdbus-1, the xcb libraries,
# fontconfig and libGL/libEGL by linking, so dpkg-shlibdeps finds them (see deb_depends).
EXTRA_DEPENDS: tuple[str, ...] = ()
# "Open log folder" goes through xdg-open. Japanese needs a CJK font: recommended, since apt
# installs recommendations by default and suggestions never (a minimal or server-turned-desktop
# system has none, and every Japanese glyph was an empty box).
RECOMMENDS = ("xdg-utils", "fonts-noto-cjk | fonts-ipafont-gothic | fonts-vlgothic")
SUGGESTS: tuple[str, ...] = ()


def control_file(project: Project, *, arch: str, installed_kib: int,
                 depends: Sequence[str]) -> str:
    """DEBIAN/control. Version from pyproject; Depends from the ELF files (deb_depends)."""
    fields = [
        ("Package", PACKAGE),
        ("Version", project.deb_version),
        ("Architecture", arch),
        ("Maintainer", project.maintainer),
        ("Installed-Size", str(installed_kib)),
        ("Depends", ", ".join(depends)),
        ("Recommends", ", ".join(RECOMMENDS)),
        ("Suggests", ", ".join(SUGGESTS)),
        ("Section", "admin"),
        ("Priority", "optional"),
        ("Description", DEB_SYNOPSIS),
    ]
    long = [
        "The VM Image Import Wizard takes an administrator from a VMware disk (.vmdk)",
        "to a registered image in FUJITSU K5 / FJcloud-O: sign in, upload the disk to",
        "object storage (resumable), register it and follow the conversion.",
        ".",
        f"The wizard is {PACKAGE}; the same steps on the command line are",
        f"{CLI}. Both are self-contained under {INSTALL_DIR}",
        "(Python and Qt included).",
    ]
    text = "".join(f"{k}: {v}\n" for k, v in fields if v)
    return text + "".join(f" {line}\n" for line in long)


def copyright_file(project: Project, date: str) -> str:
    """DEP-5 copyright; the year is the release's. The libraries of guest inspection get a
    paragraph each (``notices.py``: the same table as the bundle's THIRD-PARTY-NOTICES.txt)."""
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {PACKAGE}\n\n"
        "Files: *\n"
        f"Copyright: {date[:4]} {project.author}\n"
        f"License: {project.license}\n"
        f" See /usr/share/common-licenses/{project.license}.\n"
        f" {INSTALL_DIR}/_internal bundles Python (PSF-2.0), Qt and PySide6 (LGPL-3.0),\n"
        " and the Python packages listed by their *.dist-info folders there, each under\n"
        " its own license; the notices of all of them are in\n"
        f" {INSTALL_DIR}/_internal/{NOTICES_FILE}.\n\n"
        + deb_copyright_stanzas(INSTALL_DIR, installed_versions()))


def debian_changelog(project: Project, date: str) -> str:
    """usr/share/doc/<package>/changelog: one entry, for this version, on the release date.
    (A native package: the version has no Debian revision, so the file has no .Debian.)"""
    when = dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC)
    return (f"{PACKAGE} ({project.deb_version}) unstable; urgency=medium\n\n"
            f"  * {project.name} {project.version}, packaged from the upstream sources.\n\n"
            f" -- {project.maintainer}  {email.utils.format_datetime(when)}\n")


def gzip_reproducible(data: bytes) -> bytes:
    """``gzip -9n``: best compression, no file name and no time stamp in the header, so the
    same text always gives the same bytes (Debian policy for files in /usr/share)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def md5sums(root: Path) -> str:
    """DEBIAN/md5sums (what dh_md5sums writes): ``dpkg --verify`` checks the installed files
    against it."""
    lines = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and not path.is_symlink() and not relative.startswith("DEBIAN/"):
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {relative}\n")
    return "".join(lines)


def dpkg_architecture() -> str:
    return run([need("dpkg"), "--print-architecture"], quiet=True).stdout.strip()


def parse_shlibdeps(output: str) -> list[str]:
    """``shlibs:Depends=a (>= 1), b`` -> ["a (>= 1)", "b"]."""
    for line in output.splitlines():
        if line.startswith("shlibs:Depends="):
            return [d.strip() for d in line.split("=", 1)[1].split(",") if d.strip()]
    return []


def deb_depends(root: Path) -> list[str]:
    """Depends, from what the bundle's ELF files link: dpkg-shlibdeps, the Debian tool for this.

    The distribution's libraries are not in the bundle (see bundle_rules.system_library), so
    every library not found in it must come from a package; dpkg-shlibdeps maps each to the
    package and version that provides it (shlibs/symbols files) and fails on a library no
    installed package provides, such as libwayland-cursor.so.0 when libwayland-cursor0 is
    not installed on the build host. Our private libraries (``-l``) are not dependencies.
    """
    tool = need("dpkg-shlibdeps")
    app = root / INSTALL_DIR.lstrip("/")
    private = [app / "_internal", app / "_internal" / "PySide6" / "Qt" / "lib",
               app / "_internal" / "shiboken6", app / "_internal" / "PySide6"]
    with tempfile.TemporaryDirectory(prefix="shlibdeps-") as tmp:
        (Path(tmp) / "debian").mkdir()
        (Path(tmp) / "debian" / "control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n", encoding="utf-8")
        try:
            result = run([tool, "-O", "--ignore-missing-info", "--warnings=0",
                          *[f"-l{p}" for p in private], *elf_files(app)],
                         cwd=Path(tmp), quiet=True)
        except BuildError as exc:
            missing = sorted(set(re.findall(r"cannot find library (\S+)", str(exc))))
            if missing:
                raise BuildError(
                    "the bundle links libraries that no installed package provides: "
                    + ", ".join(missing) + ". Install their packages on the build host (apt-get "
                    "install libwayland-client0 libwayland-cursor0 ... ; see .ci/run)") from exc
            raise
    depends = parse_shlibdeps(result.stdout)
    if not depends:
        raise BuildError("dpkg-shlibdeps found no dependencies; the bundle looks broken")
    return sorted(set(depends) | set(EXTRA_DEPENDS))


_SHARED_OBJECT_NAME = re.compile(r"\.so(\.\d+)*$")


def packaged_mode(path: Path) -> int:
    """What dpkg packages carry (dh_fixperms): 0755 for folders, programs (ELF files with an
    interpreter that are not shared libraries by name: libQt6Core.so.6 has one, to print its
    build when run) and scripts; 0644 for the rest, shared libraries and extension modules
    included."""
    if path.is_dir():
        return 0o755
    if is_elf(path):
        program = read_elf(path).program and not _SHARED_OBJECT_NAME.search(path.name)
        return 0o755 if program else 0o644
    with path.open("rb") as fh:
        script = fh.read(2) == b"#!" and bool(path.stat().st_mode & stat.S_IXUSR)
    return 0o755 if script else 0o644


def normalize_permissions(root: Path) -> None:
    """Every file and folder under ``root`` (links are left alone) to :func:`packaged_mode`."""
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(packaged_mode(path))


@dataclass
class DebResult:
    path: Path
    depends: list[str]
    installed_size: int
    validation: list[str] = field(default_factory=list)


def launcher_target(exe: str) -> str:
    """Where /usr/bin/<exe> links to. PyInstaller's bootloader finds its folder through
    /proc/self/exe, so a link is enough; relative, as Debian wants a link within one top-level
    folder (/usr) to be (lintian: absolute-symlink-in-top-level-folder)."""
    return os.path.relpath(f"{INSTALL_DIR}/{exe}", "/usr/bin")


def stage_deb(project: Project, bundle: Path, root: Path, png_icons: Mapping[int, Path]) -> None:
    """The package's file tree: /usr/lib, /usr/bin, /usr/share/{applications,icons,metainfo,man,
    doc,lintian}."""
    if root.exists():
        shutil.rmtree(root)
    date = release_date()
    app = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, app, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for exe in (PACKAGE, CLI):
        (bin_dir / exe).symlink_to(launcher_target(exe))
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{APP_ID}.desktop").write_text(desktop_entry(), encoding="utf-8")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copyfile(SVG_ICON, scalable / f"{APP_ID}.svg")
    for size, png in png_icons.items():
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copyfile(png, folder / f"{APP_ID}.png")
    (share / "metainfo").mkdir()
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(
        metainfo(project, date), encoding="utf-8")
    man = share / "man" / "man1"
    man.mkdir(parents=True)
    for exe, summary, other in ((PACKAGE, DEB_SYNOPSIS, CLI), (CLI, CLI_SYNOPSIS, PACKAGE)):
        page = command_manpage(bundle / exe, summary, version=project.version,
                               package=PACKAGE, date=date, see_also=[other])
        (man / f"{exe}.1.gz").write_bytes(gzip_reproducible(page.encode("utf-8")))
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_file(project, date), encoding="utf-8")
    (doc / "changelog.gz").write_bytes(
        gzip_reproducible(debian_changelog(project, date).encode("utf-8")))
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    shutil.copyfile(LINTIAN_OVERRIDES, overrides / PACKAGE)
    normalize_permissions(root)


def build_deb(project: Project, bundle: Path, png_icons: Mapping[int, Path]) -> DebResult:
    need("dpkg-deb")
    root = WORK / "deb" / "root"
    stage_deb(project, bundle, root, png_icons)
    validation = validate_desktop_and_metainfo(root)
    depends = deb_depends(root)
    installed_kib = (tree_size(root) + 1023) // 1024
    arch = dpkg_architecture()
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        control_file(project, arch=arch, installed_kib=installed_kib, depends=depends),
        encoding="utf-8")
    (root / "DEBIAN" / "md5sums").write_text(md5sums(root), encoding="utf-8")
    normalize_permissions(root / "DEBIAN")
    out = DIST / f"{PACKAGE}_{project.deb_version}_{arch}.deb"
    out.unlink(missing_ok=True)
    run([need("dpkg-deb"), "--root-owner-group", "-Zxz", "--build", root, out])
    print(run(["dpkg-deb", "--info", out], quiet=True).stdout.rstrip())
    return DebResult(out, depends, installed_kib * 1024, validation)
