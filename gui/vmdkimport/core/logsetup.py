"""Logging for the CLI and the wizard: a log file for support, with secrets scrubbed.

Our code never logs a password or a token (bodies are never logged, tokens only as hashes). The
filter here is the second line of defence: every secret the process learns is registered, and
any log record that would contain one is rewritten before a handler sees it. A password becomes
``***``; a token becomes its hash, as our own log lines write it, so two tokens can still be told
apart in a support log.

Masking is for what is *stored* (log records, crash reports, the ledger), never for messages
shown to the user: those are built without secrets, and masking them by substring mangled them
(the password ``wrong`` turned "... or project is wrong." into "... or project is ***.").
Short secrets are therefore masked as whole words only; long ones anywhere, since a 16-character
secret turning up inside an unrelated word is not a realistic accident, while one glued to other
text (``token=...&``) is.

What the tool stores from a service (an error text in the ledger) may echo a secret this process
never registered: :func:`scrub` also removes values that look like credentials.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from vmdkimport.core import paths
from vmdkimport.core.text import Text

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

#: secret -> whether it is a token (logged as its hash) rather than a password (masked)
_secrets: dict[str, bool] = {}
_secrets_lock = threading.Lock()
_compiled: tuple[frozenset[str], re.Pattern[str] | None] = (frozenset(), None)
MASK = "***"
#: from this length on a secret is masked wherever it appears, not only as a whole word
WHOLE_WORD_BELOW = 16

# Credentials by shape, for text a service sent us (see scrub): a key that names a secret and
# its value; Keystone Fernet tokens (base64url of 0x80 + timestamp: always "gAAAAA"), PKI
# tokens (DER in base64: "MII"), and JWTs. Bare 32-hex Keystone UUID tokens look exactly like
# MD5 ETags and are left to registration.
_KEYED = re.compile(
    r"""(?ix)
    ( ["']? (?: x-auth-token | x-subject-token | x-auth-key | x-storage-token | auth[_-]?token
              | token | password | passwd | secret | authorization | os_password )
      ["']? \s* [:=] \s* ["']? (?: (?:bearer|basic) \s+ )? )
    ( [^\s"',;&}]+ )""")
_SHAPED = re.compile(r"gAAAAA[A-Za-z0-9_\-=]{20,}|MII[A-Za-z0-9+/=]{60,}"
                     r"|eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*")


def fingerprint(value: str) -> str:
    """How a token may appear in a log: a short hash (the same as ``cloud.http.hash_secret``)."""
    import hashlib  # here, not at import: OpenSSL is kept off the wizard's first paint

    return "{SHA256}" + hashlib.sha256(value.encode()).hexdigest()[:16]


def register_secret(value: str | None, *, token: bool = False) -> None:
    """Make sure ``value`` never appears in any log output from now on.

    ``token=True`` for tokens: they are logged as their :func:`fingerprint`; anything else (a
    password) is masked, because even a hash of a password helps whoever guesses it.
    """
    if value and len(value) >= 4:
        with _secrets_lock:
            _secrets[value] = _secrets.get(value, False) or token  # a token stays a token


def _pattern() -> re.Pattern[str] | None:
    global _compiled
    with _secrets_lock:
        known = frozenset(_secrets)  # a few secrets per process: cheaper than invalidation
        if _compiled[0] == known:
            return _compiled[1]
        parts = []
        for secret in sorted(_secrets, key=len, reverse=True):
            escaped = re.escape(secret)
            parts.append(escaped if len(secret) >= WHOLE_WORD_BELOW
                         else rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])")
        pattern = re.compile("|".join(parts)) if parts else None
        _compiled = (known, pattern)
        return pattern


def redact(text: str) -> str:
    """``text`` for a log or a crash report: registered passwords masked, tokens hashed."""
    pattern = _pattern()
    if pattern is None:
        return text

    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        return fingerprint(found) if _secrets.get(found) else MASK

    return pattern.sub(replace, text)


def scrub(text: str) -> str:
    """``text`` from a service, made safe to store: :func:`redact`, and credentials by shape."""
    text = redact(text)
    text = _KEYED.sub(lambda m: m.group(1) + (m.group(2) if m.group(2) == MASK
                                              or m.group(2).startswith("{SHA256}") else MASK),
                      text)
    return _SHAPED.sub(MASK, text)


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


def _private_rotating_handler(log_file: Path) -> RotatingFileHandler:
    # only when a log file is set up (the wizard's pages need none of this at start)
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        """The support log: 0600 from the first byte, and quiet when the disk is full.

        logging's own handleError prints "--- Logging error ---" and a traceback for every
        record that cannot be written: on a full disk, five of them around the one message that
        mattered. Here it is one line, once; the program goes on without its log.
        """

        _warned = False

        def _open(self):  # type: ignore[no-untyped-def]  # typeshed: untyped private method
            return open(self.baseFilename, self.mode, encoding=self.encoding,
                        errors=self.errors, opener=paths.private_opener)

        def handleError(self, record: logging.LogRecord) -> None:
            self._warn_once(sys.exc_info()[1])

        def flush(self) -> None:
            try:  # also at exit, where a full disk must not end the program with a traceback
                super().flush()
            except OSError as exc:
                self._warn_once(exc)

        def _warn_once(self, error: BaseException | None) -> None:
            if self._warned or not logging.raiseExceptions:
                return
            self._warned = True
            reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
            with contextlib.suppress(OSError, ValueError):  # no stderr: nothing more to do
                sys.stderr.write(Text(
                    "Warning: the log file {path} cannot be written ({reason}); this run is not "
                    "logged there. Free some space in its folder, or set VMDKIMPORT_HOME to a "
                    "folder on another disk.", path=self.baseFilename, reason=reason) + "\n")

    handler = PrivateRotatingFileHandler(log_file, maxBytes=5_000_000, backupCount=3,
                                         encoding="utf-8", delay=True)
    for rotated in log_file.parent.glob(log_file.name + ".*"):  # left readable by older versions
        with contextlib.suppress(OSError):
            paths.private_file(rotated)
    return handler


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
        handler = _private_rotating_handler(log_file)
        handler.setLevel(file_level)
        handler.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        handler.addFilter(redactor)
        root.addHandler(handler)
    return log_file


def default_log_file() -> Path:
    return paths.log_dir() / "vmdkimport.log"
