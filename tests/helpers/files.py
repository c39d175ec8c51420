"""Small helpers shared by test modules."""

from __future__ import annotations

from pathlib import Path


def settings_files_text(home: Path) -> str:
    """Every text file the app wrote under its home, except the log, as one string."""
    out = []
    for path in home.rglob("*"):
        if path.is_file() and path.suffix not in (".log",):
            out.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(out)
