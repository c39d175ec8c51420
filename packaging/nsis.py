"""The NSIS installer: ``windows/installer.nsi`` compiled against the bundle. On Windows the
real one (per user, no admin rights); elsewhere a check of the script only."""

from __future__ import annotations

from pathlib import Path

from project import CLI, DIST, NSIS_SCRIPT, PACKAGE, Project
from tools import EXE, WINDOWS, BuildError, need, run


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
