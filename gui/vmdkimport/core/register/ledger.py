"""The local record of every register attempt and every import id, kept before it is shown.

Why SQLite (stdlib): each write is one atomic, durable transaction (``synchronous=FULL``), a crash
or a power cut leaves either the old or the new state, and the CLI and the wizard may use the
ledger at the same time. A hand-written JSON file would need its own locking and fsync dance.

Lifecycle of an entry: ``submitting`` is written *before* the POST, so even a crash between
sending and hearing back leaves a trace; then ``registered`` with the import id (before anyone sees
the id), or ``rejected`` with the error, or ``unknown`` when the answer was lost (the user must
look at the server's list before trying again). Status polls then record
queued/processing/succeeded/failed with progress, each change as an event. A final status
(succeeded, failed, canceled) is final here too: a late or stale answer never reopens it.

A process killed between the POST and its answer leaves ``submitting``: the next start turns
such rows older than :data:`STALE_AFTER` into ``unknown``, and listing the service's imports
(``reconcile``) links the import to its row instead of adding a nameless one.

The ledger is private (0600, its folder 0700) and stores no secret: text from a service is
scrubbed (``logsetup.scrub``) before it is written, because services echo what they were sent.
A ledger that cannot be written (a full disk) is a :class:`LedgerError` naming the folder.
"""

from __future__ import annotations

import contextlib
import errno
import json
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from vmdkimport.core import logsetup, paths
from vmdkimport.core.cloud.imageimport import ImportSummary
from vmdkimport.core.error_catalog import Place
from vmdkimport.core.errors import VmdkImportError
from vmdkimport.core.text import Text

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
#: a register call that has not come back after this long never will (connect 10 s, read 60 s,
#: a sign-in before it): its process is gone, and the row becomes ``unknown``
STALE_AFTER = timedelta(minutes=15)
#: what an ``unknown`` row left by a dead process says
LOST_ANSWER = Text("The tool stopped before the service answered the register call, so the "
                   "import may exist. Check {import_list} before you try again.",
                   import_list=Place.IMPORT_LIST)
#: the files SQLite keeps next to the database
_COMPANIONS = ("-wal", "-shm", "-journal")


class LedgerError(VmdkImportError):
    """The ledger file cannot be used: says where, and what to do (free space, another home)."""

    def __init__(self, path: Path, error: BaseException) -> None:
        folder = path.parent
        reason = (getattr(error, "strerror", None) or str(error) or type(error).__name__)
        super().__init__(Text("The local ledger {path} cannot be used: {reason}.", path=path,
                              reason=reason))
        if _is_full(error, folder):
            self.action = Text(
                "The disk that holds {folder} is full. Free some space there, or set "
                "VMDKIMPORT_HOME to a folder on another disk, then run the command again.",
                folder=folder)
        else:
            self.action = Text(
                "Check that {folder} exists and that you may write there, or set "
                "VMDKIMPORT_HOME to another folder, then run the command again.", folder=folder)


def _is_full(error: BaseException, folder: Path) -> bool:
    if (getattr(error, "errno", None) in (errno.ENOSPC, errno.EDQUOT)
            or getattr(error, "sqlite_errorname", "") == "SQLITE_FULL"
            or "disk is full" in str(error)):
        return True
    # SQLite reports a write that found no space in its -wal or -shm file as "disk I/O error"
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


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
        try:
            self.path = path or paths.ledger_path()
        except OSError as exc:  # the data folder itself cannot be made
            raise LedgerError(Path(getattr(exc, "filename", None) or ".") / "ledger.sqlite3",
                              exc) from exc
        self._lock = threading.Lock()
        try:
            paths.private_dir(self.path.parent, tighten=paths.is_ours(self.path.parent))
            # created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the
            # database's mode
            paths.private_file(self.path)
            for suffix in _COMPANIONS:
                companion = self.path.with_name(self.path.name + suffix)
                if companion.exists():
                    paths.private_file(companion)
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript("BEGIN IMMEDIATE;" + _SCHEMA
                                 + f"PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
            finally:
                db.close()
        except (sqlite3.Error, OSError) as exc:
            raise LedgerError(self.path, exc) from exc
        self.settle_stale()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # A connection per operation: simple, thread-safe, and the file is closed between
        # writes, so a crash never holds it half-open.
        try:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise LedgerError(self.path, exc) from exc
        try:
            db.row_factory = sqlite3.Row
            with self._lock:
                try:
                    db.execute("PRAGMA journal_mode=WAL")
                    db.execute("PRAGMA synchronous=FULL")
                    db.execute("BEGIN IMMEDIATE")
                except sqlite3.Error as exc:
                    raise LedgerError(self.path, exc) from exc
                try:
                    yield db
                    db.execute("COMMIT")
                except BaseException as exc:
                    with contextlib.suppress(sqlite3.Error):  # nothing was committed anyway
                        db.execute("ROLLBACK")
                    if isinstance(exc, (sqlite3.OperationalError, OSError)):
                        raise LedgerError(self.path, exc) from exc
                    raise
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
            status, progress = _take_over_adopted(db, local_id, import_id)
            db.execute(
                "UPDATE submissions SET phase='registered', import_id=?, request_id=?,"
                " status=?, progress=?, error=NULL, updated_at=? WHERE local_id=?",
                (import_id, request_id, status, progress, _now(), local_id),
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
        error = logsetup.scrub(error)
        with self._connect() as db:
            db.execute("UPDATE submissions SET phase=?, error=?, request_id=?, updated_at=?"
                       " WHERE local_id=?", (phase, error, request_id, _now(), local_id))
            db.execute("INSERT INTO events (local_id, at, status, progress, detail)"
                       " VALUES (?, ?, ?, NULL, ?)", (local_id, _now(), phase, error))

    def record_status(self, import_id: str, status: str, progress: int | None,
                      detail: str | None = None, *, image_id: str | None = None) -> bool:
        """Store a polled status; True when it differs from the last one (an event is added).

        A final status stays: a stale or replayed answer never moves ``succeeded`` back. The
        image id the answer carries is stored even then: it is the only place the service
        names the image it made (the list answer has none), and rows that ended before it was
        kept get it at their next status.
        """
        detail = logsetup.scrub(detail) if detail else detail
        with self._connect() as db:
            row = db.execute("SELECT local_id, status, progress FROM submissions"
                             " WHERE import_id=?", (import_id,)).fetchone()
            if row is None:
                return False
            if image_id:
                db.execute("UPDATE submissions SET image_id=? WHERE local_id=?",
                           (image_id, row["local_id"]))
            if row["status"] in FINAL_STATUSES:
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
        with self._connect() as db:
            return _insert_adopted(db, import_id=import_id, status=status, region=region,
                                   import_url=import_url, project_id=project_id, name=name,
                                   location=location)

    def adopt_many(self, items: Iterable[ImportSummary], *, region: str | None,
                   import_url: str | None, project_id: str | None,
                   links: Mapping[str, int] | None = None) -> int:
        """A listing of the service's imports in one transaction; returns how many were new.

        One fsync for the whole list, not one per import (2,000 imports took 5.4 s that way).
        ``links`` maps an import id to the waiting row it belongs to (see ``reconcile``): that
        row gets the id instead of a new, nameless row being added.
        """
        links = links or {}
        added = 0
        with self._connect() as db:
            for item in items:
                local_id = links.get(item.import_id)
                linked = local_id is not None and _link(db, local_id, item)
                if linked or _insert_adopted(db, import_id=item.import_id,
                                             status=item.state.value, region=region,
                                             import_url=import_url, project_id=project_id):
                    added += 1
        return added

    def settle_stale(self, *, older_than: timedelta = STALE_AFTER) -> int:
        """``submitting`` rows whose process is gone become ``unknown``; returns how many."""
        cutoff = (datetime.now(UTC) - older_than).isoformat(timespec="seconds")
        with self._connect() as db:
            rows = db.execute("SELECT local_id FROM submissions WHERE phase='submitting'"
                              " AND created_at < ?", (cutoff,)).fetchall()
            for row in rows:
                db.execute("UPDATE submissions SET phase='unknown', error=?, updated_at=?"
                           " WHERE local_id=?", (str(LOST_ANSWER), _now(), row["local_id"]))
                db.execute("INSERT INTO events (local_id, at, status, progress, detail)"
                           " VALUES (?, ?, 'unknown', NULL, ?)",
                           (row["local_id"], _now(), str(LOST_ANSWER)))
        return len(rows)

    def waiting(self, *, project_id: str | None, import_url: str | None) -> list[LedgerEntry]:
        """Attempts without an import id (``submitting``/``unknown``) that may exist remotely."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT * FROM submissions WHERE phase IN ('submitting', 'unknown')"
                " AND import_id IS NULL AND (project_id IS ? OR project_id IS NULL)"
                " AND (import_url IS ? OR import_url IS NULL) ORDER BY local_id",
                (project_id, import_url)).fetchall()
        return [LedgerEntry(**dict(r)) for r in rows]

    def known(self, import_ids: Iterable[str]) -> set[str]:
        """Which of ``import_ids`` the ledger already holds."""
        with self._connect() as db:  # one indexed look-up each, in one transaction
            return {i for i in import_ids if db.execute(
                "SELECT 1 FROM submissions WHERE import_id=?", (i,)).fetchone()}

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


def _insert_adopted(db: sqlite3.Connection, *, import_id: str, status: str | None,
                    region: str | None, import_url: str | None, project_id: str | None,
                    name: str = "", location: str = "") -> bool:
    now = _now()
    cur = db.execute(
        "INSERT OR IGNORE INTO submissions (created_at, updated_at, phase, import_id, name,"
        " location, region, import_url, project_id, status, body)"
        " VALUES (?, ?, 'registered', ?, ?, ?, ?, ?, ?, ?, '{}')",
        (now, now, import_id, logsetup.scrub(name), logsetup.scrub(location), region,
         import_url, project_id, status),
    )
    return cur.rowcount > 0


def _link(db: sqlite3.Connection, local_id: int, item: ImportSummary) -> bool:
    """Give a waiting row the import id the service showed for it (a lost register answer)."""
    cur = db.execute(
        "UPDATE submissions SET phase='registered', import_id=?, status=?, error=NULL,"
        " updated_at=? WHERE local_id=? AND import_id IS NULL",
        (item.import_id, item.state.value, _now(), local_id))
    if cur.rowcount:
        db.execute("INSERT INTO events (local_id, at, status, progress, detail)"
                   " VALUES (?, ?, 'registered', NULL, 'found in the service''s list')",
                   (local_id, _now()))
    return cur.rowcount > 0


def _take_over_adopted(db: sqlite3.Connection, local_id: int,
                       import_id: str) -> tuple[str, int | None]:
    """The status the row gets on registration, merging a twin the listing adopted meanwhile.

    A listing in another process can see the import before this process records the answer:
    that nameless adopted row is folded into ours (its events and last status), so the id is
    held once and the UNIQUE constraint never fails the register call.
    """
    row = db.execute("SELECT local_id, status, progress, body FROM submissions"
                     " WHERE import_id=?", (import_id,)).fetchone()
    if row is None:
        return "queued", 0
    if row["local_id"] != local_id and row["body"] == "{}":
        db.execute("UPDATE events SET local_id=? WHERE local_id=?", (local_id, row["local_id"]))
        db.execute("DELETE FROM submissions WHERE local_id=?", (row["local_id"],))
    return row["status"] or "queued", row["progress"]
