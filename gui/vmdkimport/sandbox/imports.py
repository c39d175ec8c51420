"""The image import API (``/v1/imageimport``) exactly as the provider's page describes it.

Validation is not written here: the body goes through :func:`vmdkimport.core.rules.check_body`,
the same code the client runs before sending, and the sandbox answers with the first problem.
What only a server can know is checked here, in the order the page implies: the token, the
import right, the object at ``location`` and its size, the number of running imports, and
whether the image id is taken.

A registered import then "converts" on a timeline of the sandbox's clock (the wall clock unless a
test gives a :class:`~vmdkimport.sandbox.clock.ManualClock`), so a sandbox restarted on the same
data directory picks up where it was. Meanwhile a background thread reads the object once to
decide how the import will end: ``failed`` when the given SHA1 does not match or the file is not
a VMDK, else ``succeeded``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

from vmdkimport.core import rules
from vmdkimport.sandbox.clock import SYSTEM_CLOCK
from vmdkimport.sandbox.http import Exchange, HttpError, json_body
from vmdkimport.sandbox.objectstore import ObjectStore, Part, StoreError, read_parts
from vmdkimport.sandbox.state import SharedState, Token, catalog_entry, write_json_atomic

logger = logging.getLogger(__name__)

# The conversion timeline, as fractions of conversion_seconds (CHOSEN: the docs give no timing).
QUEUED_UNTIL: Final = 0.10  # queued for the first tenth
FAIL_AT: Final = 0.50  # a doomed import fails half-way
BOUNCE_FROM: Final = 0.60  # some imports go back to queued for a while after half-way...
BOUNCE_UNTIL: Final = 0.75  # ...keeping their progress, as "status might repeat" allows

LIST_MAX: Final = 100  # documented: the list holds at most 100 imports
VERDICT_WAIT: Final = 5.0  # how long a status call waits for the disk check it needs
VMDK_MAGIC: Final = b"KDMV"  # hosted sparse extent header (monolithicSparse, streamOptimized)
_BODY_LIMIT: Final = 1024 * 1024
_UNSIGNED_RE: Final = re.compile(r"[0-9]+")
_STATUS_PATH_RE: Final = re.compile(r"/v1/imageimport/([^/]+)/status")

NOT_VMDK_MESSAGE: Final = (
    "The image file is not a VMDK sparse/streamOptimized disk: it does not start with the "
    "VMDK signature KDMV. Export the disk as a streamOptimized VMDK (for example with an OVF "
    "export) and upload that file."
)


def checksum_message(expected: str, actual: str) -> str:
    return (f"The SHA1 checksum of the image file ({actual}) does not match the checksum "
            f"parameter ({expected.lower()}). The file may have been corrupted during the upload; "
            "upload it again.")


def bounces(import_id: str) -> bool:
    """Whether this import goes back from processing to queued once (about one in three)."""
    return hashlib.sha256(import_id.encode()).digest()[0] % 3 == 0


def timeline(fraction: float, *, bounce: bool) -> tuple[str, int]:
    """Status and progress of a healthy import ``fraction`` of the way through its conversion."""
    if fraction >= 1.0:
        return "succeeded", 100
    if fraction < QUEUED_UNTIL:
        return "queued", 0
    pause = BOUNCE_UNTIL - BOUNCE_FROM if bounce else 0.0
    work = 1.0 - QUEUED_UNTIL - pause
    if bounce and BOUNCE_FROM <= fraction < BOUNCE_UNTIL:
        return "queued", int((BOUNCE_FROM - QUEUED_UNTIL) / work * 100)
    done = fraction - QUEUED_UNTIL - (pause if bounce and fraction >= BOUNCE_UNTIL else 0.0)
    return "processing", min(99, int(done / work * 100))


def import_state(fraction: float, *, bounce: bool, verdict: str | None
                 ) -> tuple[str, int, str | None]:
    """(status, progress, error_message) at ``fraction``, given the disk check's verdict.

    ``verdict`` is None while the disk is still being checked, "" when it is fine, else why the
    import fails. An import whose check has not finished holds just before the half-way mark.
    """
    if fraction >= FAIL_AT:
        if verdict is None:
            status, progress = timeline(math.nextafter(FAIL_AT, 0.0), bounce=bounce)
            return status, progress, None
        if verdict:
            return "failed", timeline(FAIL_AT, bounce=bounce)[1], verdict
    status, progress = timeline(fraction, bounce=bounce)
    return status, progress, None


def check_disk(parts: tuple[Part, ...], checksum: str | None,
               cancel: threading.Event) -> str | None:
    """The verdict for an object's bytes: "" when importable, else why not; None if cancelled."""
    digest = hashlib.sha1(usedforsecurity=False)
    head = b""
    for chunk in read_parts(parts, cancel=cancel):
        if len(head) < len(VMDK_MAGIC):
            head += chunk[: len(VMDK_MAGIC) - len(head)]
        if checksum is None:
            break  # only the signature is needed
        digest.update(chunk)
    if cancel.is_set():
        return None
    if checksum is not None and digest.hexdigest() != checksum.lower():
        return checksum_message(checksum, digest.hexdigest())
    if head != VMDK_MAGIC:
        return NOT_VMDK_MESSAGE
    return ""


@dataclass
class ImportRecord:
    """One registered import, as kept in ``imports.json``. Never holds a password."""

    import_id: str
    project_id: str
    seq: int
    created_at: float  # the clock's time() at registration (seconds since the epoch)
    conversion_seconds: float
    name: str
    location: str
    image_id: str
    min_ram: int
    min_disk: int
    os_type: str
    checksum: str | None
    size: int
    verdict: str | None = None  # None: disk not checked yet; "": fine; else the failure reason


class ImportRegistry:
    """All imports, persisted atomically to ``imports.json`` after every change."""

    def __init__(self, path: Path, clock: Callable[[], float] = SYSTEM_CLOCK.time) -> None:
        self.path = path
        self.clock = clock
        self.lock = threading.RLock()
        self._records: dict[str, ImportRecord] = {}
        self._checked: dict[str, threading.Event] = {}
        if path.exists():
            data = json.loads(path.read_text("utf-8"))
            for item in data.get("imports", []):
                self._remember(ImportRecord(**item))

    def _remember(self, record: ImportRecord) -> None:
        self._records[record.import_id] = record
        event = threading.Event()
        if record.verdict is not None:
            event.set()
        self._checked[record.import_id] = event

    def _save(self) -> None:
        records = sorted(self._records.values(), key=lambda r: r.seq)
        write_json_atomic(self.path, {"version": 1, "imports": [asdict(r) for r in records]})

    def add(self, record: ImportRecord) -> None:
        with self.lock:
            self._remember(record)
            self._save()

    def next_seq(self) -> int:
        with self.lock:
            return max((r.seq for r in self._records.values()), default=0) + 1

    def set_verdict(self, import_id: str, verdict: str) -> None:
        with self.lock:
            self._records[import_id].verdict = verdict
            self._save()
            self._checked[import_id].set()

    def get(self, import_id: str) -> ImportRecord | None:
        with self.lock:
            return self._records.get(import_id)

    def pending(self) -> list[ImportRecord]:
        with self.lock:
            return [r for r in self._records.values() if r.verdict is None]

    def for_project(self, project_id: str) -> list[ImportRecord]:
        """The project's imports, newest first."""
        with self.lock:
            mine = [r for r in self._records.values() if r.project_id == project_id]
        return sorted(mine, key=lambda r: (r.created_at, r.seq), reverse=True)

    def state(self, record: ImportRecord, *, wait: bool = True) -> tuple[str, int, str | None]:
        """(status, progress, error_message) now; may wait briefly for the disk check."""
        elapsed = self.clock() - record.created_at
        fraction = math.inf if record.conversion_seconds <= 0 else (
            elapsed / record.conversion_seconds)
        if wait and fraction >= FAIL_AT and record.verdict is None:
            self._checked[record.import_id].wait(VERDICT_WAIT)
        return import_state(fraction, bounce=bounces(record.import_id), verdict=record.verdict)


class DiskChecker:
    """Reads each registered object once, in the background, to decide how its import ends."""

    def __init__(self, registry: ImportRegistry, store: ObjectStore) -> None:
        self._registry = registry
        self._store = store
        self._cancel = threading.Event()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sandbox-diskcheck")

    def submit(self, record: ImportRecord, parts: tuple[Part, ...] | None = None) -> None:
        try:
            self._pool.submit(self._check, record, parts)
        except RuntimeError:  # stopping: the next start on this data dir checks it
            logger.debug("disk check of %s left for the next start", record.import_id)

    def resume(self) -> None:
        """Check again the imports a previous run stopped before checking."""
        for record in self._registry.pending():
            self.submit(record)

    def _check(self, record: ImportRecord, parts: tuple[Part, ...] | None) -> None:
        try:
            if parts is None:
                loc, _ = rules.parse_location(record.location)
                view = self._store.view(loc.container, loc.object_name) if loc else None
                if view is None:
                    self._registry.set_verdict(
                        record.import_id, "The image file is no longer in object storage.")
                    return
                parts = view.parts
            verdict = check_disk(parts, record.checksum, self._cancel)
        except (OSError, StoreError):
            logger.debug("disk check of %s could not read the object", record.import_id,
                         exc_info=True)
            verdict = "The image file could not be read from object storage."
        except Exception:
            # The thread boundary: without a verdict the import would hang half-way for ever.
            logger.exception("disk check of %s failed", record.import_id)
            verdict = "Internal error while checking the image file."
        if verdict is not None and not self._cancel.is_set():
            self._registry.set_verdict(record.import_id, verdict)

    def stop(self) -> None:
        self._cancel.set()
        self._pool.shutdown(wait=True, cancel_futures=True)


def provider_error(code: str) -> HttpError:
    """The provider's answer for a detailed code: its status and ``{"error_code","message"}``."""
    entry = catalog_entry(code)
    body = {"error_code": code, "message": entry.provider_message}
    return HttpError(entry.status or 500, json.dumps(body).encode(), "application/json")


def _message(status: int, message: str) -> HttpError:
    return HttpError(status, json.dumps({"message": message}).encode(), "application/json")


class ImportService:
    """``/v1/imageimport`` and the ``/_sandbox/`` control endpoints on the import port."""

    name = "image-import"

    def __init__(self, state: SharedState, store: ObjectStore, registry: ImportRegistry,
                 checker: DiskChecker) -> None:
        self.state = state
        self.store = store
        self.registry = registry
        self.checker = checker

    def request_id_headers(self) -> dict[str, str]:
        return {"X-Openstack-Request-Id": f"req-{uuid.uuid4()}"}

    def internal_error(self, exchange: Exchange) -> None:
        err = provider_error("50001")
        exchange.send(err.status, err.body, content_type=err.content_type)

    def handle(self, ex: Exchange) -> None:
        path = ex.path
        if path.startswith("/_sandbox/"):
            ex.log = False
            self._control(ex, path)
        elif path.rstrip("/") == "/v1/imageimport":
            self._allow(ex, "GET", "HEAD", "POST")
            if ex.method == "POST":
                self._register(ex)
            else:
                self._list(ex)
        elif match := _STATUS_PATH_RE.fullmatch(path):
            self._allow(ex, "GET", "HEAD")
            self._status(ex, match[1])
        else:
            raise _message(404, "The resource could not be found.")

    @staticmethod
    def _allow(ex: Exchange, *methods: str) -> None:
        if ex.method not in methods:
            err = _message(405, f"The method {ex.method} is not allowed for this resource.")
            err.headers["Allow"] = ", ".join(methods)
            raise err

    def _token(self, ex: Exchange) -> Token:
        """401 without a valid token, 400/40011 when the token names no project."""
        token = self.state.directory.validate(ex.headers.get("X-Auth-Token"))
        if token is None:
            err = _message(401, "The request you have made requires authentication.")
            err.headers["WWW-Authenticate"] = f'Keystone uri="{self.state.urls["identity"]}"'
            raise err
        if token.project_id is None:
            raise provider_error("40011")
        return token

    # --- POST /v1/imageimport ------------------------------------------------------------------

    def _register(self, ex: Exchange) -> None:
        token = self._token(ex)
        user = self.state.directory.user_by_id(token.user_id)
        if user is None or not user.can_import:
            raise provider_error("40301")
        if ex.apply_fault(self.name):
            return
        ok, body = json_body(ex.body, _BODY_LIMIT)
        if not ok:
            raise provider_error("40014")
        problems = rules.check_body(body, project_id=token.project_id)
        if problems:
            first = problems[0]
            payload = json.dumps({"error_code": first.code, "message": first.message})
            raise HttpError(catalog_entry(first.code).status or 400, payload.encode(),
                            "application/json")
        loc, _ = rules.parse_location(body["location"])
        assert loc is not None  # check_body passed
        assert token.project_id is not None
        try:
            view = self.store.view(loc.container, loc.object_name)
        except StoreError:  # an SLO whose segments are gone cannot be read
            view = None
        if view is None:
            raise provider_error("40025")
        max_image = self.state.config.max_image_size
        if max_image is not None and view.size > max_image:
            raise provider_error("40037")
        record = self._record(token.project_id, body, loc.path, view.size)
        self.checker.submit(record, view.parts)
        ex.send_json(201, {"import_id": record.import_id})

    def _record(self, project_id: str, body: dict[str, Any], location: str, size: int
                ) -> ImportRecord:
        """Create and store the import, or 50301/40027; one at a time so the limit holds."""
        with self.registry.lock:
            mine = self.registry.for_project(project_id)
            active = sum(1 for r in mine
                         if self.registry.state(r, wait=False)[0] in ("queued", "processing"))
            if active >= self.state.config.max_active_imports:
                raise provider_error("50301")
            image_id = body.get("id")
            if image_id is not None and any(r.image_id.lower() == image_id.lower()
                                            for r in mine):
                raise provider_error("40027")  # CHOSEN: an image id is used once per project
            record = ImportRecord(
                import_id=str(uuid.uuid4()), project_id=project_id,
                seq=self.registry.next_seq(), created_at=self.registry.clock(),
                conversion_seconds=self.state.config.conversion_seconds,
                name=body["name"], location=location, image_id=image_id or str(uuid.uuid4()),
                min_ram=body.get("min_ram") or 0, min_disk=body.get("min_disk") or 0,
                os_type=body["os_type"], checksum=body.get("checksum"), size=size,
            )
            self.registry.add(record)
        return record

    # --- GET /v1/imageimport/{id}/status -------------------------------------------------------

    def _status(self, ex: Exchange, import_id: str) -> None:
        token = self._token(ex)
        if ex.apply_fault(self.name):
            return
        record = self.registry.get(import_id)
        if record is None or record.project_id != token.project_id:
            raise provider_error("40401")
        status, progress, error_message = self.registry.state(record)
        out: dict[str, Any] = {
            "import_status": status, "progress": progress, "name": record.name,
            "disk_format": "raw", "container_format": "bare", "location": record.location,
            "id": record.image_id, "min_ram": record.min_ram, "min_disk": record.min_disk,
            "os_type": record.os_type,
        }
        if record.checksum is not None:
            out["checksum"] = record.checksum
        out["is_public"] = False
        out["properties"] = {}
        if error_message is not None:
            out["error_message"] = error_message
        ex.send_json(200, out)

    # --- GET /v1/imageimport -------------------------------------------------------------------

    def _list(self, ex: Exchange) -> None:
        token = self._token(ex)
        assert token.project_id is not None
        if ex.apply_fault(self.name):
            return
        start_raw, limit_raw = ex.arg("start"), ex.arg("limit")
        if start_raw is not None and not _UNSIGNED_RE.fullmatch(start_raw):
            raise provider_error("40035")
        if limit_raw is not None and (not _UNSIGNED_RE.fullmatch(limit_raw)
                                      or int(limit_raw) < 1):
            raise provider_error("40036")
        start = int(start_raw) if start_raw is not None else 0
        count = min(int(limit_raw), LIST_MAX) if limit_raw is not None else LIST_MAX
        chosen = self.registry.for_project(token.project_id)[start:start + count]
        ex.send_json(200, {"imports": [
            {"import_id": r.import_id, "import_status": self.registry.state(r)[0],
             "status": f"/v1/imageimport/{r.import_id}/status"}
            for r in chosen
        ]})

    # --- /_sandbox/ control endpoints ----------------------------------------------------------

    def _control(self, ex: Exchange, path: str) -> None:
        state = self.state
        if path == "/_sandbox/faults":
            self._allow(ex, "POST")
            ok, args = json_body(ex.body, _BODY_LIMIT)
            if not ok or not isinstance(args, dict):
                raise _message(400, "The body must be a JSON object of inject_fault arguments.")
            allowed = {"service", "method", "path_regex", "status", "error_code", "body",
                       "content_type", "count"}
            unknown = sorted(set(args) - allowed)
            missing = sorted({"service", "method", "path_regex", "status"} - set(args))
            if unknown or missing:
                raise _message(400, f"Unknown keys {unknown}, missing keys {missing}.")
            try:
                state.faults.add(**args)
            except (KeyError, ValueError, TypeError) as exc:
                raise _message(400, str(exc)) from None
            ex.send(204)
        elif path == "/_sandbox/expire-tokens":
            self._allow(ex, "POST")
            state.directory.expire_all()
            ex.send(204)
        elif path == "/_sandbox/requests":
            self._allow(ex, "GET", "HEAD")
            ex.send_json(200, state.log.entries())
        else:
            raise _message(404, "The resource could not be found.")
