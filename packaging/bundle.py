"""The one-folder bundle: PyInstaller with ``vmdkimport.spec``, the build machine's library
search paths taken out (Linux), what the Qt keep lists dropped, and the smoke test."""

# ruff: noqa: T201, S603 - a build script prints, and runs the bundle it built

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from elf import clean_runpaths, foreign_search_paths
from project import CLI, PACKAGE, SPEC, Project
from tools import EXE, LINUX, BuildError, need, run


def check_build_environment(project: Project) -> None:
    """PyInstaller present (and patchelf on Linux), and the installed metadata (copied into the
    bundle for the About dialog) describing this very version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError("PyInstaller is missing: pip install -e \".[packaging]\"") from exc
    if LINUX:
        need("patchelf")  # before minutes of PyInstaller, not after
    try:
        installed = version(project.name)
    except PackageNotFoundError as exc:
        raise BuildError(f"{project.name} is not installed: pip install -e .") from exc
    if installed != project.version:
        raise BuildError(f"the installed {project.name} is {installed} but pyproject.toml says "
                         f"{project.version}: pip install -e . (the bundle ships that metadata)")


def build_bundle(*, dist: Path, work: Path, filter_qt: bool = True,
                 icon: Path | None = None) -> Path:
    """``pyinstaller packaging/vmdkimport.spec`` into ``dist/vmdk-import-wizard``, then (Linux)
    :func:`clean_bundle_runpaths`."""
    env = dict(os.environ, VMDKIMPORT_QT_FILTER="1" if filter_qt else "0")
    if icon is not None:
        env["VMDKIMPORT_ICON"] = str(icon)
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", dist, "--workpath", work, SPEC], env=env)
    bundle = dist / PACKAGE
    for exe in (PACKAGE + EXE, CLI + EXE):
        if not (bundle / exe).is_file():
            raise BuildError(f"PyInstaller did not make {bundle / exe}")
    if LINUX:
        clean_bundle_runpaths(bundle)
    return bundle


def clean_bundle_runpaths(bundle: Path) -> int:
    """Remove the search paths pointing outside the bundle (the build machine's Python) from
    its ELF files, and check that none is left. Returns the number of files changed."""
    changed = clean_runpaths(bundle)
    if changed:
        before = sorted({entry for _, entry, _ in changed})
        print(f"removed the build machine's library search paths from {len(changed)} ELF "
              f"files (were: {', '.join(before)}; $ORIGIN entries kept)")
    left = foreign_search_paths(bundle)
    if left:
        raise BuildError("search paths outside the bundle are left: " + ", ".join(
            f"{path.relative_to(bundle)}: {entry}" for path, entry in left[:10]))
    return len(changed)


def qt_filter_report(work: Path) -> tuple[int, int]:
    """(files, bytes) the Qt keep lists dropped, summed over the dropped files' sizes."""
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
