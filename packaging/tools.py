"""Running the build tools: the host, a missing tool named with its package, sizes.

A failure the user can act on is a :class:`BuildError`: ``build.py`` prints it as one line,
without a traceback.
"""

# ruff: noqa: T201, S603 - a build script prints, and runs the build tools it is given

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

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
    "patchelf": "apt-get install patchelf",
    "lintian": "apt-get install lintian",
}


class BuildError(Exception):
    """A failure the user can act on; printed as one line, without a traceback."""


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


def tree_size(path: Path) -> int:
    """Bytes of the files under ``path`` (a symbolic link counts as itself, not its target)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir() or p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"
