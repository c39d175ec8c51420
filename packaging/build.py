#!/usr/bin/env python3
"""Build everything this host can build, with one command: ``python packaging/build.py``.

1. The one-folder bundle (PyInstaller, ``packaging/vmdkimport.spec``): ``dist/vmdk-import-wizard``
   with the wizard and the command line; on Linux without the build machine's library search
   paths. Then its smoke test (``--self-test``).
2. Linux, with ``dpkg-deb``: ``dist/vmdk-import-wizard_<version>_<arch>.deb`` (under /usr/lib,
   launchers in /usr/bin, desktop file, hicolor icons, AppStream metainfo, manual pages; all
   validated), then lintian on it where it is installed (``--lintian`` to insist,
   ``--no-lintian`` to skip); as root, ``--install-test`` (dpkg on this host) and
   ``--clean-machine-test`` (apt-get on a minimal Debian made with debootstrap).
3. With ``makensis``: the NSIS installer. On Windows the real one; elsewhere the same script
   compiled against this host's bundle, as a check of the script (not an installer to ship).

The version is read from pyproject.toml, the one place it is written, and passed on to the
.deb control file, changelog and manual pages, the AppStream release and the installer
(``-DVERSION``); the bundle carries the installed distribution's metadata, which must match
(checked), for the About dialog.

``--install-test`` (root, Linux) installs the .deb with dpkg, runs both smoke tests from PATH,
purges the package and checks that nothing it installed is left. Sizes are printed at the end.
A missing tool is named with the package to install, never a traceback.

This file is the command; the steps are the modules next to it, each named after what it
holds: ``project`` (names, places, version), ``tools`` (running tools, BuildError), ``icons``,
``bundle`` (PyInstaller, smoke test), ``elf`` (search paths, programs), ``freedesktop``
(desktop entry, metainfo), ``manpages``, ``deb``, ``lintian``, ``nsis``, ``install_test``,
``clean_machine``;
``bundle_rules`` holds what the spec keeps of Qt.
"""

# ruff: noqa: T201 - a build script prints

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

# The steps are the modules next to this file. Python puts a script's folder first on sys.path,
# but not under ``python -P`` or PYTHONSAFEPATH, nor when this file is imported from elsewhere
# (tests); packaging/ cannot be a package instead: it would shadow PyPI's "packaging".
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle import (
    build_bundle,
    check_build_environment,
    clean_bundle_runpaths,
    qt_filter_report,
    smoke_test,
)
from clean_machine import clean_machine_test
from deb import DebResult, build_deb
from icons import PNG_SIZES, render_ico, render_png_icons
from install_test import install_test
from lintian import run_lintian
from nsis import build_nsis
from project import DISPLAY_NAME, DIST, PACKAGE, ROOT, SVG_ICON, WORK, read_project
from tools import EXE, INSTALL_HINTS, LINUX, WINDOWS, BuildError, mb, tree_size

SIZE_GOAL_MB = 120


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python packaging/build.py",
        description="Build the bundle, the .deb (Linux) and the NSIS installer (with makensis), "
                    "smoke-test the bundle and print the sizes.")
    parser.add_argument("--only", action="append", choices=["bundle", "deb", "nsis"],
                        help="build only these (repeatable); the bundle is built when needed")
    parser.add_argument("--reuse-bundle", action="store_true",
                        help="use dist/vmdk-import-wizard as it is (skip PyInstaller; on Linux "
                             "its library search paths are still cleaned)")
    parser.add_argument("--smoke", action=argparse.BooleanOptionalAction, default=True,
                        help="run the self-tests of the bundle (default: yes)")
    parser.add_argument("--lintian", action=argparse.BooleanOptionalAction, default=None,
                        help="check the .deb with lintian and fail on errors that are not "
                             "overridden (default: when lintian is installed)")
    parser.add_argument("--install-test", action="store_true",
                        help="Linux, root: dpkg -i the .deb, self-test it from PATH, purge it and "
                             "check that nothing is left")
    parser.add_argument("--clean-machine-test", action="store_true",
                        help="Linux, root: apt-get install the .deb into a minimal Debian made "
                             "with debootstrap, check its libraries, self-test it, purge it")
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
    if args.install_test or args.clean_machine_test:
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
        if LINUX:  # a bundle from an older build may still carry them
            clean_bundle_runpaths(bundle)
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
    if args.lintian and deb is None:
        raise BuildError("--lintian checks the .deb, which this run does not build")
    if deb is not None and args.lintian is not False:
        if args.lintian or shutil.which("lintian"):
            checked = run_lintian(deb.path)
            notes.append(f"lintian ({checked.seconds:.0f} s): " + "; ".join(checked.summary()))
        else:
            notes.append(f"lintian skipped: not installed ({INSTALL_HINTS['lintian']})")
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

    if args.clean_machine_test:
        if deb is None:
            raise BuildError("--clean-machine-test needs the .deb, which this host cannot build")
        notes.append(f"clean-machine test (debootstrap, apt-get install ./deb, ldd, self-tests, "
                     f"purge): {clean_machine_test(deb.path):.0f} s")

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
