"""Where the application keeps its files (platformdirs), overridable for tests and portable use.

``VMDKIMPORT_HOME`` puts everything under one folder: tests point it at a temporary directory so
that nothing touches the user's real ledger.

Everything here is private to the user, as ssh keeps ``~/.ssh``: folders 0700, files 0600,
whatever the umask. The ledger names images and projects, the log names hosts and request ids,
and a service's echo of a secret could slip into either; none of it is for other local users.
On Windows the folders live in the user profile, whose ACL already admits only the user (and
administrators), and ``os.chmod`` there only toggles the read-only flag: the mode calls below
are skipped.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "vmdkimport"
APP_AUTHOR = "vmdkimport"

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_POSIX = os.name == "posix"


def _home() -> Path | None:
    value = os.environ.get("VMDKIMPORT_HOME")
    return Path(value) if value else None


def _locations() -> dict[str, Path]:
    home = _home()
    if home is not None:
        return {sub: home / sub for sub in ("data", "config", "logs")}
    return {"data": Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            "config": Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
            "logs": Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))}


def _app_dir(sub: str) -> Path:
    home = _home()
    if home is not None:
        private_dir(home, tighten=False)  # the user may point it at a folder that is not ours
    return private_dir(_locations()[sub])


def data_dir() -> Path:
    """Ledger, upload journals, the demo sandbox's objects."""
    return _app_dir("data")


def config_dir() -> Path:
    return _app_dir("config")


def log_dir() -> Path:
    return _app_dir("logs")


def is_ours(path: Path) -> bool:
    """Whether ``path`` is one of our folders or inside one (so its mode is ours to set)."""
    target = path.absolute()
    return any(target.is_relative_to(folder.absolute()) for folder in _locations().values())


def ledger_path() -> Path:
    return data_dir() / "ledger.sqlite3"


def private_dir(path: Path, *, tighten: bool = True) -> Path:
    """Create ``path`` (and missing parents) as 0700; with ``tighten``, make an existing one 0700.

    Only the folders created here get the private mode: a parent that already exists (the
    user's ``~/.local/share``) is not ours to change. ``tighten`` is for our own folders, made
    0755 by versions before this one; a folder the user named (``--ledger /shared/l.sqlite3``)
    is created private but left as it is when it exists.
    """
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if _POSIX:
        # mkdir's mode goes through the umask and parents=True ignores it for the parents:
        # set it explicitly on every folder made here
        for created in missing:
            _chmod(created, PRIVATE_DIR_MODE)
        if tighten and not missing:
            _chmod(path, PRIVATE_DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make ``path`` 0600, creating it empty if it is missing (a settings file after Qt wrote it).

    An existing file is only chmod-ed, never opened: it may be one the user can read but not
    write, which is theirs to keep that way.
    """
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0),
                         PRIVATE_FILE_MODE))
    if _POSIX:
        _chmod(path, PRIVATE_FILE_MODE)
    return path


def private_opener(path: str, flags: int) -> int:
    """``open(..., opener=private_opener)``: a file created by ``open`` is 0600 from its first byte.

    The mode passed to ``os.open`` only applies when the file is created; an existing file of
    ours is tightened as well, so a log written by an earlier version does not stay readable.
    """
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    if _POSIX:
        with contextlib.suppress(OSError):  # not the owner (a file the user chose): leave it
            os.fchmod(fd, PRIVATE_FILE_MODE)
    return fd


def _chmod(path: Path, mode: int) -> None:
    # not ours to change (another owner): the files inside are still created private
    with contextlib.suppress(OSError):
        if (os.stat(path).st_mode & 0o777) != mode:
            os.chmod(path, mode)
