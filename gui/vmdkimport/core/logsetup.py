"""Logging for the CLI and the wizard: a log file for support, with secrets scrubbed.

Our code never logs a password or a token (bodies are never logged, tokens only as hashes). The
filter here is the second line of defence: every secret the process learns is registered, and
any log record that would contain one is rewritten before a handler sees it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from vmdkimport.core import paths

_secrets: set[str] = set()
_secrets_lock = threading.Lock()
MASK = "***"


def register_secret(value: str | None) -> None:
    """Make sure ``value`` never appears in any log output from now on."""
    if value and len(value) >= 4:
        with _secrets_lock:
            _secrets.add(value)


def redact(text: str) -> str:
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites records that would print a registered secret."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            text = redact(str(record.exc_info[1]))
            if text != str(record.exc_info[1]):
                record.exc_info = None
                record.exc_text = None
                record.msg = f"{record.msg} [exception text redacted]"
        return True


def configure(level: int = logging.WARNING, *, log_file: Path | None = None,
              file_level: int = logging.DEBUG) -> Path | None:
    """Console at ``level``; a rotating file at ``file_level`` (the file support asks for)."""
    root = logging.getLogger()
    root.setLevel(min(level, file_level if log_file else level))
    redactor = RedactingFilter()
    console = logging.StreamHandler()
    console.setLevel(level)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(redactor)
    root.addHandler(console)
    if log_file is not None:
        # only when a log file is set up (the wizard's pages need none of this at start)
        from logging.handlers import RotatingFileHandler

        handler = RotatingFileHandler(log_file, maxBytes=5_000_000,
                                                       backupCount=3, encoding="utf-8")
        handler.setLevel(file_level)
        handler.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        handler.addFilter(redactor)
        root.addHandler(handler)
    return log_file


def default_log_file() -> Path:
    return paths.log_dir() / "vmdkimport.log"
