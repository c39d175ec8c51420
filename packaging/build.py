#!/usr/bin/env python3
"""Build everything this host can build, with one command: ``python packaging/build.py``.

1. The one-folder bundle (PyInstaller, ``packaging/vmdkimport.spec``): ``dist/vmdk-import-wizard``
   with the wizard and the command line. Then its smoke test (``--self-test``).
2. Linux, with ``dpkg-deb``: ``dist/vmdk-import-wizard_<version>_<arch>.deb`` (under /opt, launchers
   in /usr/bin, desktop file, hicolor icons, AppStream metainfo; all validated).
3. With ``makensis``: the NSIS installer. On Windows the real one; elsewhere the same script
   compiled against this host's bundle, as a check of the script (not an installer to ship).

The version is read here from pyproject.toml, the one place it is written, and passed on to the
.deb control file, the AppStream release and the installer (``-DVERSION``); the bundle carries
the installed distribution's metadata, which must match (checked), for the About dialog.

``--install-test`` (root, Linux) installs the .deb with dpkg, runs both smoke tests from PATH,
purges the package and checks that nothing it installed is left. Sizes are printed at the end.
A missing tool is named with the package to install, never a traceback.
"""

# ruff: noqa: T201, S603, S607 - a build script prints, and runs the build tools found on PATH

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import stat
import struct
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "packaging"
SPEC = HERE / "vmdkimport.spec"
NSIS_SCRIPT = HERE / "windows" / "installer.nsi"
SVG_ICON = ROOT / "gui" / "vmdkimport" / "qt" / "icons" / "vmdkimport.svg"

PACKAGE = "vmdk-import-wizard"  # distribution, .deb, bundle folder and GUI executable
CLI = "vmdkimport"
APP_ID = "io.github.vmdkimport.VmdkImportWizard"  # desktop file, metainfo and icon names
DISPLAY_NAME = "VM Image Import Wizard"
DISPLAY_NAME_JA = "VMイメージインポートウィザード"  # as in vmdkimport_ja.ts
SUMMARY_JA = "VMware のディスクを FUJITSU K5 / FJcloud-O のイメージとして登録します"
INSTALL_DIR = f"/opt/{PACKAGE}"
# Debian wants a maintainer with an address; pyproject's authors have none. Set a real one here.
MAINTAINER_EMAIL = "vmdkimport@users.noreply.github.com"
DEB_SYNOPSIS = "wizard to import VMware disks as FUJITSU K5 / FJcloud-O images"
PNG_SIZES = (48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
SIZE_GOAL_MB = 120
WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")
EXE = ".exe" if WINDOWS else ""

INSTALL_HINTS = {
    "dpkg-deb": "apt-get install dpkg",
    "dpkg-shlibdeps": "apt-get install dpkg-dev",
    "makensis": "apt-get install nsis (Windows: the NSIS installer from nsis.sourceforge.io)",
    "desktop-file-validate": "apt-get install desktop-file-utils",
    "appstreamcli": "apt-get install appstream",
    "ldd": "apt-get install libc-bin",
}
# Depends the ELF files do not show: none so far. Qt loads libdbus-1, the xcb libraries,
# fontconfig and libGL/libEGL by linking, so dpkg-shlibdeps finds them (see deb_depends).
EXTRA_DEPENDS: tuple[str, ...] = ()
# "Open log folder" goes through xdg-open; Japanese needs a CJK font, which desktops have.
RECOMMENDS = ("xdg-utils",)
SUGGESTS = ("fonts-noto-cjk | fonts-ipafont-gothic | fonts-vlgothic",)


class BuildError(Exception):
    """A failure the user can act on; printed as one line, without a traceback."""


# --- the project, from pyproject.toml ------------------------------------------------------------

@dataclass(frozen=True)
class Project:
    name: str
    version: str
    summary: str
    license: str
    author: str

    @property
    def deb_version(self) -> str:
        return debian_version(self.version)

    @property
    def windows_version(self) -> str:
        return windows_version(self.version)

    @property
    def maintainer(self) -> str:
        return f"{self.author} <{MAINTAINER_EMAIL}>"


def read_project(pyproject: Path = ROOT / "pyproject.toml") -> Project:
    """The version and descriptions, from the one place they are written."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    license_ = data.get("license", {})
    authors = data.get("authors") or [{"name": DISPLAY_NAME + " team"}]
    return Project(name=data["name"], version=data["version"], summary=data["description"],
                   license=license_.get("text", "") if isinstance(license_, dict) else license_,
                   author=authors[0].get("name", DISPLAY_NAME))


def debian_version(version: str) -> str:
    """PEP 440 to Debian ordering: pre-releases sort before the release (``~``), and dev
    releases before those (``~~``): 1.0~~dev1 < 1.0~a1 < 1.0~a1+... < 1.0."""
    text = re.sub(r"[.-]?(a|b|rc|alpha|beta|c)\.?(\d+)", r"~\1\2", version, flags=re.I)
    text = re.sub(r"[.-]?dev\.?(\d*)", r"~~dev\1", text, flags=re.I)
    return text.lower()


def windows_version(version: str) -> str:
    """The four numbers Windows version resources take (NSIS VIProductVersion): 0.1.0 -> 0.1.0.0."""
    match = re.match(r"\d+(?:\.\d+)*", version)
    numbers = (match.group(0).split(".") if match else []) + ["0"] * 4
    return ".".join(str(int(n)) for n in numbers[:4])


def release_date() -> str:
    """The date of the version: SOURCE_DATE_EPOCH, else the last commit of pyproject.toml (where
    the version is set), else of HEAD (a shallow clone may not have the former), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    for paths in (["--", "pyproject.toml"], []):
        try:
            out = subprocess.run(["git", "log", "-1", "--format=%cs", *paths], cwd=ROOT,
                                 capture_output=True, text=True, check=False, timeout=30)
        except OSError:
            break
        if re.fullmatch(r"\d{4}-\d\d-\d\d", out.stdout.strip()):
            return out.stdout.strip()
    return dt.date.today().isoformat()


# --- running tools -------------------------------------------------------------------------------

def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise BuildError(f"{tool} is missing: {INSTALL_HINTS.get(tool, 'install it')}")
    return path


def run(cmd: Sequence[str | Path], *, env: Mapping[str, str] | None = None,
        cwd: Path | None = None, quiet: bool = False,
        timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    """Run a tool; on failure raise BuildError with the end of its output."""
    args = [str(c) for c in cmd]
    if not quiet:
        print("$ " + " ".join(args), flush=True)
    try:
        result = subprocess.run(args, env=dict(env) if env is not None else None, cwd=cwd,
                                capture_output=True, text=True, check=False, timeout=timeout)
    except FileNotFoundError as exc:
        raise BuildError(f"{args[0]} is missing: "
                         f"{INSTALL_HINTS.get(Path(args[0]).name, 'install it')}") from exc
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"{Path(args[0]).name} did not finish within {timeout:.0f} s") from exc
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-25:])
        raise BuildError(f"{Path(args[0]).name} failed (exit {result.returncode}):\n{tail}")
    return result


def check_build_environment(project: Project) -> None:
    """PyInstaller present, and the installed metadata (copied into the bundle for the About
    dialog) describing this very version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError("PyInstaller is missing: pip install -e \".[packaging]\"") from exc
    try:
        installed = version(project.name)
    except PackageNotFoundError as exc:
        raise BuildError(f"{project.name} is not installed: pip install -e .") from exc
    if installed != project.version:
        raise BuildError(f"the installed {project.name} is {installed} but pyproject.toml says "
                         f"{project.version}: pip install -e . (the bundle ships that metadata)")


def tree_size(path: Path) -> int:
    """Bytes of the files under ``path`` (a symbolic link counts as itself, not its target)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir() or p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


# --- icons ---------------------------------------------------------------------------------------

def render_png_icons(svg: Path, out_dir: Path, sizes: Iterable[int]) -> dict[int, Path]:
    """PNG renderings of the SVG icon (hicolor needs them: not every desktop takes SVG)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:  # fonts and painting want one; any kind will do
        QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"cannot read the icon {svg}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"{size}.png"
        if not image.save(str(path)):  # PNG, from the suffix
            raise BuildError(f"cannot write {path}")
        written[size] = path
    return written


def ico_bytes(images: Sequence[tuple[int, bytes]]) -> bytes:
    """A Windows .ico of 32-bit bitmaps: ``images`` are (size, top-down BGRA rows).

    Bitmaps rather than PNG entries, which some tools (NSIS among them) reject; alpha is in
    the pixels, so the AND mask is all zeros.
    """
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs = [], []
    offset = len(header) + 16 * len(images)
    for size, bgra in images:
        if len(bgra) != size * size * 4:
            raise ValueError(f"{size}x{size} needs {size * size * 4} bytes, got {len(bgra)}")
        rows = [bgra[y * size * 4:(y + 1) * size * 4] for y in range(size)]
        xor = b"".join(reversed(rows))  # bottom-up
        mask = bytes(((size + 31) // 32) * 4 * size)
        dib = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(xor) + len(mask),
                          0, 0, 0, 0) + xor + mask
        entries.append(struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32,
                                   len(dib), offset))
        blobs.append(dib)
        offset += len(dib)
    return header + b"".join(entries) + b"".join(blobs)


def render_ico(svg: Path, path: Path, sizes: Iterable[int] = ICO_SIZES) -> Path:
    """The Windows icon (executables, installer, uninstaller) from the SVG."""
    from PySide6.QtGui import QImage

    pngs = render_png_icons(svg, path.parent / "ico-png", sizes)
    images = []
    for size, png in sorted(pngs.items()):
        image = QImage(str(png)).convertToFormat(QImage.Format.Format_ARGB32)
        data = bytes(image.constBits())[:size * size * 4]  # ARGB32 in memory: B, G, R, A
        images.append((size, data))
    path.write_bytes(ico_bytes(images))
    return path


# --- the bundle ----------------------------------------------------------------------------------

def build_bundle(*, dist: Path, work: Path, filter_qt: bool = True,
                 icon: Path | None = None) -> Path:
    """``pyinstaller packaging/vmdkimport.spec`` into ``dist/vmdk-import-wizard``."""
    env = dict(os.environ, VMDKIMPORT_QT_FILTER="1" if filter_qt else "0")
    if icon is not None:
        env["VMDKIMPORT_ICON"] = str(icon)
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", dist, "--workpath", work, SPEC], env=env)
    bundle = dist / PACKAGE
    for exe in (PACKAGE + EXE, CLI + EXE):
        if not (bundle / exe).is_file():
            raise BuildError(f"PyInstaller did not make {bundle / exe}")
    return bundle


def qt_filter_report(work: Path) -> tuple[int, int]:
    """(files, bytes) the Qt keep lists dropped, summed over the dropped files' sizes."""
    import json

    path = work / SPEC.stem / "qt-filtered.json"
    if not path.is_file():
        return 0, 0
    dropped = json.loads(path.read_text(encoding="utf-8")).get("dropped", {})
    return len(dropped), sum(dropped.values())


def smoke_test(folder: Path, *, env: Mapping[str, str] | None = None,
               gui: Path | None = None, cli: Path | None = None) -> float:
    """Both self-tests: ``vmdk-import-wizard --self-test REPORT`` and ``vmdkimport self-test``.

    The GUI's report goes to a file (a windowed Windows executable has no stdout). Returns the
    seconds taken; raises BuildError with the report when a test fails.
    """
    gui = gui or folder / (PACKAGE + EXE)
    cli = cli or folder / (CLI + EXE)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="vmdkimport-smoke-") as tmp:
        report = Path(tmp) / "gui-report.txt"
        runs: list[tuple[str, list[str | Path], Path | None]] = [
            (f"{gui.name} --self-test", [gui, "--self-test", report], report),
            (f"{cli.name} self-test", [cli, "self-test"], None)]
        xvfb = shutil.which("xvfb-run") if LINUX else None
        if xvfb:
            # offscreen proves little about the X11 plugin and the libraries it links
            xcb_report = Path(tmp) / "gui-xcb-report.txt"
            runs.append((f"xvfb-run {gui.name} --self-test -platform xcb",
                         [xvfb, "-a", gui, "--self-test", xcb_report, "-platform", "xcb"],
                         xcb_report))
        elif LINUX:
            print("(xvfb-run is missing: the xcb platform plugin is not tried; "
                  "apt-get install xvfb)")
        for title, cmd, report_file in runs:
            print(f"--- {title}", flush=True)
            try:
                result = subprocess.run([str(c) for c in cmd], env=dict(env) if env else None,
                                        capture_output=True, text=True, check=False,
                                        timeout=300)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise BuildError(f"{title} could not run: {exc}") from exc
            text = report_file.read_text(encoding="utf-8") if report_file and \
                report_file.is_file() else result.stdout
            print(text.rstrip())
            if result.stderr.strip():
                print("    (stderr) " + result.stderr.strip().replace("\n", "\n    (stderr) "))
            if result.returncode != 0:
                last = text.strip().splitlines()[-1] if text.strip() else result.stderr.strip()
                raise BuildError(f"{title} failed (exit {result.returncode}): {last}")
            if "-platform" in cmd and "platform xcb" not in text:
                raise BuildError(f"{title} did not run on the xcb platform")
    return time.monotonic() - started


# --- Linux: the .deb ------------------------------------------------------------------------------

def desktop_entry() -> str:
    """The launcher; names and icon follow the app id."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={DISPLAY_NAME}",
        f"Name[ja]={DISPLAY_NAME_JA}",
        "GenericName=Disk Image Import",
        "GenericName[ja]=ディスクイメージのインポート",
        "Comment=Take a VMware disk to a registered image in FUJITSU K5 / FJcloud-O",
        f"Comment[ja]={SUMMARY_JA}",
        f"Exec={PACKAGE}",
        f"TryExec={PACKAGE}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=System;",
        "Keywords=VMDK;VMware;OpenStack;FJcloud;K5;image;import;upload;",
        "StartupNotify=true",
        f"StartupWMClass={PACKAGE}",
        "",
    ])


def metainfo(project: Project, date: str) -> str:
    """AppStream metadata: what software centres show; the release is pyproject's version."""
    summary = "Take a VMware disk to a registered image in FUJITSU K5 / FJcloud-O"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>{escape(project.license or "LicenseRef-proprietary")}</project_license>
  <name>{DISPLAY_NAME}</name>
  <name xml:lang="ja">{DISPLAY_NAME_JA}</name>
  <summary>{escape(summary)}</summary>
  <summary xml:lang="ja">{SUMMARY_JA}</summary>
  <developer_name>{escape(project.author)}</developer_name>
  <description>
    <p>
      Takes an administrator from a VMware disk (.vmdk) on their workstation to a registered
      image in FUJITSU K5 / FJcloud-O: sign in with Keystone v3, upload the disk to object
      storage, register it with the image import API and follow the conversion to the end.
    </p>
    <ul>
      <li>Every import id is written to a local ledger before it is shown.</li>
      <li>Errors say what happened, what to do and which field to fix.</li>
      <li>Passwords live only in the system keyring and never reach a log.</li>
      <li>Uploads of 50-300 GB resume where they stopped.</li>
    </ul>
    <p>The vmdkimport command does the same from a terminal.</p>
  </description>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <provides>
    <binary>{PACKAGE}</binary>
    <binary>{CLI}</binary>
  </provides>
  <categories>
    <category>System</category>
  </categories>
  <content_rating type="oars-1.1"/>
  <releases>
    <release version="{escape(project.version)}" date="{date}"/>
  </releases>
</component>
"""


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


def copyright_file(project: Project) -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {PACKAGE}\n\n"
        "Files: *\n"
        f"Copyright: {project.author}\n"
        f"License: {project.license}\n"
        f" See /usr/share/common-licenses/{project.license}.\n"
        f" {INSTALL_DIR}/_internal bundles Python (PSF-2.0), Qt and PySide6 (LGPL-3.0),\n"
        " and the Python packages listed by their *.dist-info folders there, each under\n"
        " its own license.\n")


def dpkg_architecture() -> str:
    return run([need("dpkg"), "--print-architecture"], quiet=True).stdout.strip()


def elf_files(folder: Path) -> list[Path]:
    """Every ELF file (executables, libraries, extension modules) under ``folder``."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


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


def normalize_permissions(root: Path) -> None:
    """0755 for folders and executables, 0644 for the rest: what dpkg packages carry."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & stat.S_IXUSR
        path.chmod(0o755 if executable else 0o644)


@dataclass
class DebResult:
    path: Path
    depends: list[str]
    installed_size: int
    validation: list[str] = field(default_factory=list)


def stage_deb(project: Project, bundle: Path, root: Path, png_icons: Mapping[int, Path]) -> None:
    """The package's file tree: /opt, /usr/bin, /usr/share/{applications,icons,metainfo,doc}."""
    if root.exists():
        shutil.rmtree(root)
    app = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, app, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for exe in (PACKAGE, CLI):
        # PyInstaller's bootloader finds its folder through /proc/self/exe: a link is enough.
        (bin_dir / exe).symlink_to(f"{INSTALL_DIR}/{exe}")
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
        metainfo(project, release_date()), encoding="utf-8")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_file(project), encoding="utf-8")
    normalize_permissions(root)


def validate_desktop_and_metainfo(root: Path) -> list[str]:
    """desktop-file-validate (errors fail the build) and appstreamcli where available
    (errors fail; warnings and infos are printed). Returns the printed lines."""
    desktop = root / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    meta = root / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    lines = []
    result = subprocess.run([need("desktop-file-validate"), str(desktop)], capture_output=True,
                            text=True, check=False)
    out = (result.stdout + result.stderr).strip()
    lines.append(f"desktop-file-validate {desktop.name}: "
                 + ("OK (no output)" if not out and result.returncode == 0 else out))
    if result.returncode != 0 or "error:" in out.lower():
        raise BuildError(f"desktop-file-validate: {out}")
    appstream = shutil.which("appstreamcli")
    if appstream is None:
        lines.append("appstreamcli: not installed, metainfo not validated "
                     f"({INSTALL_HINTS['appstreamcli']})")
    else:
        result = subprocess.run([appstream, "validate", "--no-net", "--explain", str(meta)],
                                capture_output=True, text=True, check=False)
        out = (result.stdout + result.stderr).strip()
        lines.append(f"appstreamcli validate --no-net {meta.name}: {out}")
        if result.returncode != 0:
            raise BuildError(f"appstreamcli validate failed:\n{out}")
    for line in lines:
        print(line)
    return lines


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
    normalize_permissions(root / "DEBIAN")
    out = DIST / f"{PACKAGE}_{project.deb_version}_{arch}.deb"
    out.unlink(missing_ok=True)
    run([need("dpkg-deb"), "--root-owner-group", "-Zxz", "--build", root, out])
    print(run(["dpkg-deb", "--info", out], quiet=True).stdout.rstrip())
    return DebResult(out, depends, installed_kib * 1024, validation)


# --- the NSIS installer ---------------------------------------------------------------------------

def build_nsis(project: Project, bundle: Path, icon: Path) -> Path:
    """Compile packaging/windows/installer.nsi against ``bundle``.

    Everything that differs between the real build (Windows) and the check (elsewhere) is a
    define: the version, the bundle folder, the GUI executable's name, the output.
    """
    tool = need("makensis")
    flag = "/" if WINDOWS else "-"
    suffix = "-setup.exe" if WINDOWS else "-setup.check-linux-bundle.exe"
    out = DIST / f"{PACKAGE}-{project.version}{suffix}"
    out.unlink(missing_ok=True)
    defines = {
        "VERSION": project.version,
        "VERSION4": project.windows_version,
        "PUBLISHER": project.author,
        "BUNDLE_DIR": str(bundle),
        "GUI_EXE": PACKAGE + EXE,
        "CLI_EXE": CLI + EXE,
        "ICON": str(icon),
        "OUTFILE": str(out),
    }
    run([tool, f"{flag}V2", f"{flag}INPUTCHARSET", "UTF8",
         *[f"{flag}D{k}={v}" for k, v in defines.items()], NSIS_SCRIPT])
    if not out.is_file():
        raise BuildError(f"makensis did not write {out}")
    return out


# --- installing the .deb for real ----------------------------------------------------------------

def deb_paths(deb: Path) -> list[str]:
    """The absolute paths a .deb installs (files, links and folders)."""
    out = run(["dpkg-deb", "-c", deb], quiet=True).stdout
    paths = []
    for line in out.splitlines():
        name = line.split(None, 5)[-1].split(" -> ")[0]
        name = "/" + name.lstrip("./").rstrip("/")
        if name != "/":
            paths.append(name)
    return paths


def installed(package: str) -> bool:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True,
                            text=True, check=False)
    return result.returncode == 0 and "installed" in result.stdout and \
        "not-installed" not in result.stdout


def install_test(deb: Path) -> float:
    """dpkg -i, both smoke tests from PATH with a throw-away HOME, dpkg --purge, then check that
    nothing the package installed, and nothing of the app in that HOME, is left."""
    if not LINUX or os.geteuid() != 0:
        raise BuildError("--install-test installs a .deb: run it as root on Linux")
    if installed(PACKAGE):
        raise BuildError(f"{PACKAGE} is already installed, and the test would remove it: "
                         f"dpkg --purge {PACKAGE} first")
    started = time.monotonic()
    paths = deb_paths(deb)
    existed = {p for p in paths if os.path.lexists(p)}
    tmp_before = set(os.listdir(tempfile.gettempdir()))
    print(f"--- dpkg -i {deb.name}")
    run(["dpkg", "-i", deb])
    try:
        missing = [p for p in paths if not os.path.lexists(p)]
        if missing:
            raise BuildError("installed, but missing: " + ", ".join(missing[:20]))
        shown = [p for p in paths if p.startswith(("/usr/bin/", "/usr/share/applications/",
                                                    "/usr/share/icons/", "/usr/share/metainfo/"))
                 and not os.path.isdir(p)]
        print("installed: " + INSTALL_DIR + "/ and " + ", ".join(shown))
        with tempfile.TemporaryDirectory(prefix="vmdkimport-home-") as home:
            env = {k: v for k, v in os.environ.items()
                   if not k.startswith(("XDG_", "VMDKIMPORT_", "QT_QPA_"))}
            env.update(HOME=home, PATH="/usr/local/bin:/usr/bin:/bin")
            gui = shutil.which(PACKAGE, path=env["PATH"])
            cli = shutil.which(CLI, path=env["PATH"])
            if gui is None or cli is None:
                raise BuildError(f"the launchers {PACKAGE} and {CLI} are not on PATH")
            print(f"launchers on PATH: {gui} -> {os.path.realpath(gui)}, "
                  f"{cli} -> {os.path.realpath(cli)}")
            smoke_test(Path(gui).parent, env=env, gui=Path(gui), cli=Path(cli))
            ours = [str(p) for p in Path(home).rglob("*") if "vmdkimport" in p.name.lower()]
            if ours:
                raise BuildError("the self-test wrote into the user's home: " + ", ".join(ours))
            print(f"nothing of the app written to HOME ({home})")
    finally:
        print(f"--- dpkg --purge {PACKAGE}")
        run(["dpkg", "--purge", PACKAGE])
    left = sorted(p for p in paths if p not in existed and os.path.lexists(p))
    if left:
        raise BuildError("left behind after dpkg --purge: " + ", ".join(left[:20]))
    if installed(PACKAGE):
        raise BuildError(f"dpkg still lists {PACKAGE} after --purge")
    listing = subprocess.run(["dpkg", "-L", PACKAGE], capture_output=True, text=True,
                             check=False)
    if listing.returncode == 0:
        raise BuildError(f"dpkg -L still knows {PACKAGE}")
    leaked = sorted(n for n in set(os.listdir(tempfile.gettempdir())) - tmp_before
                    if n.startswith("vmdkimport-selftest-"))
    if leaked:
        raise BuildError(f"temporary files left in {tempfile.gettempdir()}: {', '.join(leaked)}")
    new_paths = len([p for p in paths if p not in existed])
    said = (listing.stderr.strip() or listing.stdout.strip()).splitlines()
    print(f"nothing left behind: none of the {new_paths} paths the package created exists; "
          f"dpkg -L {PACKAGE}: {said[0] if said else '(nothing)'}")
    return time.monotonic() - started


# --- the command ---------------------------------------------------------------------------------

def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python packaging/build.py",
        description="Build the bundle, the .deb (Linux) and the NSIS installer (with makensis), "
                    "smoke-test the bundle and print the sizes.")
    parser.add_argument("--only", action="append", choices=["bundle", "deb", "nsis"],
                        help="build only these (repeatable); the bundle is built when needed")
    parser.add_argument("--reuse-bundle", action="store_true",
                        help="use dist/vmdk-import-wizard as it is (skip PyInstaller)")
    parser.add_argument("--smoke", action=argparse.BooleanOptionalAction, default=True,
                        help="run the self-tests of the bundle (default: yes)")
    parser.add_argument("--install-test", action="store_true",
                        help="Linux, root: dpkg -i the .deb, self-test it from PATH, purge it and "
                             "check that nothing is left")
    parser.add_argument("--measure-qt-excludes", action="store_true",
                        help="also build a bundle without the Qt excludes, to report the saving")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    try:
        return build(args, started)
    except BuildError as exc:
        print(f"\nBUILD FAILED: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 130


def build(args: argparse.Namespace, started: float) -> int:
    project = read_project()
    wanted = set(args.only or ["bundle", "deb", "nsis"])
    if args.install_test:
        wanted.add("deb")
    can_deb = LINUX and shutil.which("dpkg-deb") is not None
    can_nsis = shutil.which("makensis") is not None
    print(f"{DISPLAY_NAME} {project.version} (deb {project.deb_version}, "
          f"Windows {project.windows_version}) on {sys.platform}")
    sizes: list[tuple[str, Path, int, str]] = []
    notes: list[str] = []
    WORK.mkdir(parents=True, exist_ok=True)
    DIST.mkdir(parents=True, exist_ok=True)
    icons = WORK / "icons"
    ico = render_ico(SVG_ICON, icons / "vmdkimport.ico")
    pyi_work = WORK / "pyinstaller"

    bundle = DIST / PACKAGE
    if args.reuse_bundle:
        if not (bundle / (PACKAGE + EXE)).is_file():
            raise BuildError(f"--reuse-bundle: there is no bundle in {bundle}")
    else:
        check_build_environment(project)
        t0 = time.monotonic()
        bundle = build_bundle(dist=DIST, work=pyi_work, icon=ico if WINDOWS else None)
        notes.append(f"PyInstaller: {time.monotonic() - t0:.0f} s")
        files, dropped = qt_filter_report(pyi_work)
        notes.append(f"Qt keep lists dropped {files} files, {mb(dropped)} (sum of the dropped "
                     "files' sizes)")
    bundle_size = tree_size(bundle)
    goal = "within" if bundle_size <= SIZE_GOAL_MB * 1e6 else "OVER"
    sizes.append(("bundle", bundle, bundle_size, f"{goal} the {SIZE_GOAL_MB} MB goal"))
    if args.measure_qt_excludes:
        t0 = time.monotonic()
        unfiltered = build_bundle(dist=WORK / "measure" / "dist", work=WORK / "measure" / "work",
                                  filter_qt=False)
        full = tree_size(unfiltered)
        notes.append(f"without the Qt excludes the bundle is {mb(full)}: they save "
                     f"{mb(full - bundle_size)} (measured, {time.monotonic() - t0:.0f} s)")
    if args.smoke:
        notes.append(f"smoke test of the bundle: {smoke_test(bundle):.1f} s")

    deb: DebResult | None = None
    if "deb" in wanted:
        if can_deb:
            t0 = time.monotonic()
            pngs = render_png_icons(SVG_ICON, icons / "png", PNG_SIZES)
            deb = build_deb(project, bundle, pngs)
            sizes.append((".deb", deb.path, deb.path.stat().st_size,
                          f"installs {mb(deb.installed_size)}; "
                          f"{time.monotonic() - t0:.0f} s"))
            notes.append("Depends: " + ", ".join(deb.depends))
        elif LINUX:
            notes.append(f".deb skipped: dpkg-deb is missing ({INSTALL_HINTS['dpkg-deb']})")
    if "nsis" in wanted:
        if can_nsis:
            t0 = time.monotonic()
            setup = build_nsis(project, bundle, ico)
            sizes.append(("installer", setup, setup.stat().st_size,
                          ("the real installer" if WINDOWS else
                           "a check of installer.nsi, built from the Linux bundle")
                          + f"; {time.monotonic() - t0:.0f} s"))
        else:
            notes.append(f"NSIS installer skipped: makensis is missing "
                         f"({INSTALL_HINTS['makensis']})")
    if args.install_test:
        if deb is None:
            raise BuildError("--install-test needs the .deb, which this host cannot build")
        notes.append(f"install test (dpkg -i, smoke tests, purge, checks): "
                     f"{install_test(deb.path):.1f} s")

    print(f"\n=== {DISPLAY_NAME} {project.version}: artefacts")
    for kind, path, size, note in sizes:
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"  {kind:9} {mb(size):>9}  {shown}  ({note})")
    for note in notes:
        print(f"  - {note}")
    print(f"  built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
