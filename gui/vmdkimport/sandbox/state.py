"""What the three sandbox services share: users, tokens, lockouts, injected faults, the request log.

The services run on separate ports and threads but must agree on who is signed in (a token from
identity opens object storage and the import API), so these live in one thread-safe place. Token
values are only ever held here, in memory: they are never written to disk or to a log.
"""

from __future__ import annotations

import hmac
import json
import os
import re
import secrets
import threading
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from vmdkimport.core.error_catalog import LIST_CODES, TABLE5, CatalogEntry
from vmdkimport.sandbox.clock import SYSTEM_CLOCK
from vmdkimport.sandbox.config import SandboxConfig

SERVICES: Final = frozenset({"identity", "object-storage", "image-import"})

# Documented by the provider: 5 wrong passwords within 15 minutes lock the user for 15 minutes.
LOCKOUT_ATTEMPTS: Final = 5
LOCKOUT_WINDOW: Final = 15 * 60.0
LOCKOUT_DURATION: Final = 15 * 60.0

_ID_NAMESPACE: Final = uuid.UUID("5d3f1c52-8c1e-4d7b-a0f4-6a1b2c3d4e5f")


def stable_id(kind: str, name: str) -> str:
    """A Keystone-style 32-hex id that stays the same for the same name across restarts."""
    return uuid.uuid5(_ID_NAMESPACE, f"{kind}:{name}").hex


def catalog_entry(code: str) -> CatalogEntry:
    """The provider's row for a detailed code (Table 5 or the list call's codes)."""
    entry = TABLE5.get(code) or LIST_CODES.get(code)
    if entry is None:
        raise KeyError(f"unknown detailed error code {code!r}")
    return entry


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so that a crash leaves either the old file or the new one, never half of one."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@dataclass(frozen=True)
class User:
    id: str
    name: str
    can_import: bool


@dataclass(frozen=True)
class Token:
    """An issued token. ``project_id`` is None for unscoped and domain-scoped tokens."""

    user_id: str
    project_id: str | None
    domain_scoped: bool
    issued_at: float
    expires_at: float


class Lockout:
    """Counts wrong passwords per user and locks users that have too many in the window."""

    def __init__(self, *, attempts: int = LOCKOUT_ATTEMPTS, window: float = LOCKOUT_WINDOW,
                 duration: float = LOCKOUT_DURATION,
                 clock: Callable[[], float] = SYSTEM_CLOCK.monotonic) -> None:
        self._attempts = attempts
        self._window = window
        self._duration = duration
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._locked_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def is_locked(self, user_id: str) -> bool:
        with self._lock:
            until = self._locked_until.get(user_id)
            if until is None:
                return False
            if self._clock() < until:
                return True
            del self._locked_until[user_id]
            return False

    def failed(self, user_id: str) -> None:
        """Record a wrong password; lock the user when it is one too many."""
        now = self._clock()
        with self._lock:
            times = self._failures.setdefault(user_id, deque())
            times.append(now)
            while times and now - times[0] >= self._window:
                times.popleft()
            if len(times) >= self._attempts:
                self._locked_until[user_id] = now + self._duration
                times.clear()

    def succeeded(self, user_id: str) -> None:
        """A right password (on an unlocked user) forgets the earlier failures, as Keystone does."""
        with self._lock:
            self._failures.pop(user_id, None)


class Directory:
    """The users of the one demo domain and project, and the tokens issued to them.

    Token lifetimes and lockout windows run on the configured clock, so a test can end a token's
    life or a lockout by moving that clock.
    """

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.clock = config.clock
        self.domain_id = stable_id("domain", config.domain)
        self.lockout = Lockout(clock=config.clock.monotonic)
        self._users: dict[str, User] = {}
        self._tokens: dict[str, Token] = {}
        self._lock = threading.Lock()

    # --- users -------------------------------------------------------------------------------

    def add_user(self, name: str, *, can_import: bool) -> User:
        """Add (or redefine) a user of the demo domain; all users share the configured password."""
        if not name or name != name.strip():
            raise ValueError("a user name must be non-empty text without surrounding spaces")
        user = User(stable_id("user", name), name, can_import)
        with self._lock:
            self._users[name] = user
        return user

    def user_by_name(self, name: str) -> User | None:
        with self._lock:
            return self._users.get(name)

    def user_by_id(self, user_id: str) -> User | None:
        with self._lock:
            return next((u for u in self._users.values() if u.id == user_id), None)

    def password_ok(self, password: str) -> bool:
        return hmac.compare_digest(password.encode(), self.config.password.encode())

    # --- tokens ------------------------------------------------------------------------------

    def issue(self, user: User, *, project_id: str | None, domain_scoped: bool = False
              ) -> tuple[str, Token]:
        """A new opaque token value and what it stands for."""
        now = self.clock.time()
        token = Token(user.id, project_id, domain_scoped, now, now + self.config.token_lifetime)
        value = "gAAAAA" + secrets.token_urlsafe(96)
        with self._lock:
            self._tokens[value] = token
        return value, token

    def validate(self, value: str | None) -> Token | None:
        """The token for a header value, or None when it is unknown or expired."""
        if not value:
            return None
        with self._lock:
            token = self._tokens.get(value)
            if token is None:
                return None
            if self.clock.time() >= token.expires_at:
                del self._tokens[value]
                return None
            return token

    def expire_all(self) -> None:
        """Every token issued so far becomes invalid, as after the 3-hour lifetime."""
        with self._lock:
            self._tokens.clear()


@dataclass
class Fault:
    """An answer to give instead of serving the next ``count`` matching requests."""

    service: str
    method: str
    path_regex: re.Pattern[str]
    status: int
    error_code: str | None = None
    body: str | None = None
    content_type: str | None = None
    count: int = 1

    def matches(self, service: str, method: str, path: str) -> bool:
        return (
            self.service == service
            and self.method in ("*", method.upper())
            and self.path_regex.search(path) is not None
        )

    def payload(self) -> tuple[bytes, str]:
        """The body and its content type."""
        if self.error_code is not None:
            entry = catalog_entry(self.error_code)
            body = {"error_code": self.error_code, "message": entry.provider_message}
            return json.dumps(body).encode(), "application/json"
        return (self.body or "").encode(), self.content_type or "text/plain; charset=utf-8"


class FaultTable:
    """Injected faults, first injected first used."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, service: str, method: str, path_regex: str, status: int, *,
            error_code: str | None = None, body: str | None = None,
            content_type: str | None = None, count: int = 1) -> None:
        if service not in SERVICES:
            raise ValueError(f"service must be one of {sorted(SERVICES)}, not {service!r}")
        if not isinstance(method, str) or not method:
            raise ValueError("method must be an HTTP method such as 'POST', or '*'")
        if isinstance(status, bool) or not isinstance(status, int) or not (
                status == 0 or 100 <= status <= 599):
            raise ValueError("status must be 0 (close the connection) or an HTTP status")
        if error_code is not None:
            if body is not None:
                raise ValueError("give either error_code or body, not both")
            catalog_entry(error_code)  # KeyError for a code the catalog does not know
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise ValueError("count must be a positive integer")
        try:
            pattern = re.compile(path_regex)
        except (re.error, TypeError) as exc:
            raise ValueError(f"path_regex is not a regular expression: {exc}") from exc
        fault = Fault(service, method.upper(), pattern, status, error_code, body, content_type,
                      count)
        with self._lock:
            self._faults.append(fault)

    def take(self, service: str, method: str, path: str) -> Fault | None:
        """The fault for this request, if any, using up one of its count."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(service, method, path):
                    fault.count -= 1
                    if fault.count <= 0:
                        self._faults.remove(fault)
                    return fault
        return None


class RequestLog:
    """One line per served request: service, method, path and status. Never headers or bodies."""

    def __init__(self) -> None:
        self._entries: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def add(self, service: str, method: str, path: str, status: int) -> None:
        with self._lock:
            self._entries.append(
                {"service": service, "method": method, "path": path, "status": status}
            )

    def entries(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(e) for e in self._entries]


@dataclass
class SharedState:
    """The state every service handler can reach."""

    config: SandboxConfig
    directory: Directory
    faults: FaultTable = field(default_factory=FaultTable)
    log: RequestLog = field(default_factory=RequestLog)
    urls: dict[str, str] = field(default_factory=dict)  # identity, object-storage, image-import
