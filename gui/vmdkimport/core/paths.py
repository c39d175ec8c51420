"""Where the application keeps its files (platformdirs), overridable for tests and portable use.

``VMDKIMPORT_HOME`` puts everything under one folder: tests point it at a temporary directory so
that nothing touches the user's real ledger.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "vmdkimport"
APP_AUTHOR = "vmdkimport"


def _home() -> Path | None:
    value = os.environ.get("VMDKIMPORT_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """Ledger, upload journals, the demo sandbox's objects."""
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    home = _home()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = _home()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def ledger_path() -> Path:
    return data_dir() / "ledger.sqlite3"
