"""The local record of every register attempt and every import id, kept before it is shown.

Why SQLite (stdlib): each write is one atomic, durable transaction (``synchronous=FULL``), a crash
or a power cut leaves either the old or the new state, and the CLI and the wizard may use the
ledger at the same time. A hand-written JSON file would need its own locking and fsync dance.

Lifecycle of an entry: ``submitting`` is written *before* the POST, so even a crash between
sending and hearing back leaves a trace; then ``registered`` with the import id (before anyone sees
the id), or ``rejected`` with the error, or ``unknown`` when the answer was lost (the user must
look at the server's list before trying again). Status polls then record
queued/processing/succeeded/failed with progress, each change as an event.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vmdkimport.core import paths

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (
    local_id     INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    phase        TEXT NOT NULL,          -- submitting | registered | rejected | unknown
    import_id    TEXT UNIQUE,
    name         TEXT NOT NULL,
    location     TEXT NOT NULL,
    os_type      TEXT,
    image_id     TEXT,
    region       TEXT,
    import_url   TEXT,
    project_id   TEXT,
    request_id   TEXT,
    status       TEXT,                   -- last import_status seen
    progress     INTEGER,
    error        TEXT,
    body         TEXT NOT NULL           -- the JSON body sent (it never holds a secret)
);
CREATE TABLE IF NOT EXISTS events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    local_id    INTEGER NOT NULL REFERENCES submissions(local_id),
    at          TEXT NOT NULL,
    status      TEXT NOT NULL,
    progress    INTEGER,
    detail      TEXT
);
CREATE INDEX IF NOT EXISTS events_by_submission ON events(local_id);
"""

FINAL_STATUSES = frozenset({"succeeded", "failed", "canceled"})


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class LedgerEntry:
    local_id: int
    created_at: str
    updated_at: str
    phase: str
    import_id: str | None
    name: str
    location: str
    os_type: str | None
    image_id: str | None
    region: str | None
    import_url: str | None
    project_id: str | None
    request_id: str | None
    status: str | None
    progress: int | None
    error: str | None
    body: str

    @property
    def is_open(self) -> bool:
        """Registered and not finished: worth following."""
        return self.phase == "registered" and (self.status or "") not in FINAL_STATUSES

    def as_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["body"] = json.loads(self.body)
        return out


@dataclass(frozen=True)
class LedgerEvent:
    at: str
    status: str
    progress: int | None
    detail: str | None


class Ledger:
    """One SQLite file; safe to share between threads of a process and between processes."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.ledger_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript("BEGIN IMMEDIATE;" + _SCHEMA
                             + f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
        finally:
            db.close()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # A connection per operation: simple, thread-safe, and the file is closed between
        # writes, so a crash never holds it half-open.
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            with self._lock:
                db.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
                db.execute("COMMIT")
        finally:
            db.close()

    # --- writes ------------------------------------------------------------------------------
    def begin_submission(self, *, body: dict[str, Any], region: str | None,
                         import_url: str | None, project_id: str | None) -> int:
        """Record an attempt before the POST goes out; returns its local id."""
        now = _now()
        with self._connect() as db:
            cur = db.execute(
                "INSERT INTO submissions (created_at, updated_at, phase, name, location, os_type,"
                " image_id, region, import_url, project_id, body)"
                " VALUES (?, ?, 'submitting', ?, ?, ?, ?, ?, ?, ?, ?)",
                (now, now, str(body.get("name", "")), str(body.get("location", "")),
                 body.get("os_type"), body.get("id"), region, import_url, project_id,
                 json.dumps(body, ensure_ascii=False, sort_keys=True)),
            )
            return int(cur.lastrowid or 0)

    def record_registered(self, local_id: int, *, import_id: str,
                          request_id: str | None) -> LedgerEntry:
        with self._connect() as db:
            db.execute(
                "UPDATE submissions SET phase='registered', import_id=?, request_id=?,"
                " status='queued', progress=0, updated_at=? WHERE local_id=?",
                (import_id, request_id, _now(), local_id),
            )
            db.execute("INSERT INTO events (local_id, at, status, progress, detail)"
                       " VALUES (?, ?, 'registered', 0, ?)", (local_id, _now(), request_id))
        entry = self.get_local(local_id)
        assert entry is not None
        return entry

    def record_rejected(self, local_id: int, *, error: str, request_id: str | None) -> None:
        self._set_phase(local_id, "rejected", error, request_id)

    def record_unknown(self, local_id: int, *, error: str) -> None:
        self._set_phase(local_id, "unknown", error, None)

    def _set_phase(self, local_id: int, phase: str, error: str,
                   request_id: str | None) -> None:
        with self._connect() as db:
            db.execute("UPDATE submissions SET phase=?, error=?, request_id=?, updated_at=?"
                       " WHERE local_id=?", (phase, error, request_id, _now(), local_id))
            db.execute("INSERT INTO events (local_id, at, status, progress, detail)"
                       " VALUES (?, ?, ?, NULL, ?)", (local_id, _now(), phase, error))

    def record_status(self, import_id: str, status: str, progress: int | None,
                      detail: str | None = None) -> bool:
        """Store a polled status; True when it differs from the last one (an event is added)."""
        with self._connect() as db:
            row = db.execute("SELECT local_id, status, progress FROM submissions"
                             " WHERE import_id=?", (import_id,)).fetchone()
            if row is None:
                return False
            if row["status"] == status and row["progress"] == progress:
                return False
            db.execute("UPDATE submissions SET status=?, progress=?, error=COALESCE(?, error),"
                       " updated_at=? WHERE local_id=?",
                       (status, progress, detail, _now(), row["local_id"]))
            db.execute("INSERT INTO events (local_id, at, status, progress, detail)"
                       " VALUES (?, ?, ?, ?, ?)",
                       (row["local_id"], _now(), status, progress, detail))
            return True

    def adopt(self, *, import_id: str, status: str | None, region: str | None,
              import_url: str | None, project_id: str | None, name: str = "",
              location: str = "") -> bool:
        """Record an import found on the server but not here (started elsewhere)."""
        now = _now()
        with self._connect() as db:
            cur = db.execute(
                "INSERT OR IGNORE INTO submissions (created_at, updated_at, phase, import_id, name,"
                " location, region, import_url, project_id, status, body)"
                " VALUES (?, ?, 'registered', ?, ?, ?, ?, ?, ?, ?, '{}')",
                (now, now, import_id, name, location, region, import_url, project_id, status),
            )
            return cur.rowcount > 0

    # --- reads -------------------------------------------------------------------------------
    def get(self, import_id: str) -> LedgerEntry | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM submissions WHERE import_id=?",
                             (import_id,)).fetchone()
        return LedgerEntry(**dict(row)) if row else None

    def get_local(self, local_id: int) -> LedgerEntry | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM submissions WHERE local_id=?",
                             (local_id,)).fetchone()
        return LedgerEntry(**dict(row)) if row else None

    def entries(self, limit: int | None = None) -> list[LedgerEntry]:
        """Newest first."""
        sql = "SELECT * FROM submissions ORDER BY local_id DESC"
        args: tuple[int, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            args = (limit,)
        with self._connect() as db:
            return [LedgerEntry(**dict(r)) for r in db.execute(sql, args).fetchall()]

    def open_imports(self) -> list[LedgerEntry]:
        return [e for e in self.entries() if e.is_open]

    def events(self, import_id: str) -> list[LedgerEvent]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT e.at, e.status, e.progress, e.detail FROM events e JOIN submissions s"
                " ON e.local_id = s.local_id WHERE s.import_id=? ORDER BY e.id", (import_id,),
            ).fetchall()
        return [LedgerEvent(r["at"], r["status"], r["progress"], r["detail"]) for r in rows]
