"""Register an import so that nothing is lost, and follow it to the end.

The order matters: validate locally (no request the service would refuse), write the attempt to
the ledger, POST once, write the import id to the ledger, and only then return it to be shown.
If the answer is lost on the way, the ledger says "unknown" and the user is told to look at the
server's list before trying again, because a second POST would start a second conversion.
A 50301 ("too many requests") is answered with the provider's advice for the number of imports
actually running, which only the list can tell (:func:`count_running`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from vmdkimport.core import rules
from vmdkimport.core.cloud.imageimport import ImageImportClient, ImportState, ImportStatus
from vmdkimport.core.error_catalog import busy_action
from vmdkimport.core.errors import ApiError, InvalidRequest, TransportError, VmdkImportError
from vmdkimport.core.register.ledger import Ledger, LedgerEntry
from vmdkimport.core.register.polling import PollPolicy
from vmdkimport.core.register.reconcile import adopt_listed
from vmdkimport.core.request import ImportRequest
from vmdkimport.core.text import Text

log = logging.getLogger(__name__)

#: Table 5: too many imports running. Its action depends on how many, which the answer lacks.
BUSY_CODE = "50301"
#: the list holds at most 100 imports per answer (reference, list call): the page size
LIST_PAGE = 100
#: pages asked for at most when counting (10,000 imports); beyond, the count is not worth the
#: wait and the advice gives both halves instead
COUNT_PAGES = 100
_RUNNING = frozenset({ImportState.QUEUED, ImportState.PROCESSING})


def submit_import(
    client: ImageImportClient, ledger: Ledger, request: ImportRequest, *,
    project_id: str | None, region: str | None,
) -> LedgerEntry:
    """Validate, record, register, record; returns the ledger entry holding the import id."""
    problems = request.validate(project_id=project_id)
    if problems:
        raise InvalidRequest(problems)
    local_id = ledger.begin_submission(body=request.to_body(), region=region,
                                       import_url=client.base, project_id=project_id)
    try:
        registration = client.register(request)
    except TransportError as exc:
        if exc.outcome_unknown:
            ledger.record_unknown(local_id, error=str(exc))
        else:
            ledger.record_rejected(local_id, error=str(exc), request_id=None)
        raise
    except ApiError as exc:
        ledger.record_rejected(local_id, error=str(exc), request_id=exc.request_id)
        if exc.error_code == BUSY_CODE:
            exc.action = busy_action(count_running(client))
        raise
    except VmdkImportError as exc:
        ledger.record_unknown(local_id, error=str(exc))
        raise
    try:
        return ledger.record_registered(local_id, import_id=registration.import_id,
                                        request_id=registration.request_id)
    except Exception as exc:  # the id must reach the user whatever failed here
        raise VmdkImportError(Text(
            "The import was registered with id {import_id}, but saving it to the local ledger "
            "failed ({error}). Write the id down: it is needed to follow the import.",
            import_id=registration.import_id, error=exc)) from exc


def count_running(client: ImageImportClient) -> int | None:
    """How many of the project's imports are queued or processing, or None if it cannot be had.

    The list answers at most 100 imports, newest first, from index ``start``: it is read page by
    page until a page is short. Imports are told apart by id, so a page that overlaps the last
    (a new import moves everything down one; a ``start`` counted from 1) costs nothing, and a
    service that ignores ``start`` and answers the same page again ends the count as unknown
    instead of looping. Only ever called to advise on a 50301: any failure here gives the
    advice without a count, never a different error.
    """
    seen: set[str] = set()
    running = 0
    start: int | None = None  # omitted on the first page: "the most recent import"
    for _ in range(COUNT_PAGES):
        try:
            page = client.list(start=start, limit=LIST_PAGE)
        except Exception as exc:  # noqa: BLE001 - the advice must never hide the 50301 itself
            log.info("running imports could not be counted: %s", exc)
            return None
        if any(rules.import_id_error(item.import_id) for item in page):
            log.info("running imports could not be counted: the list names no import ids")
            return None
        fresh = [item for item in page if item.import_id not in seen]
        if page and not fresh:
            log.info("running imports could not be counted: the list repeats itself")
            return None
        seen.update(item.import_id for item in fresh)
        running += sum(1 for item in fresh if item.state in _RUNNING)
        if len(page) < LIST_PAGE:
            log.info("50301 with %d of %d imports queued or processing", running, len(seen))
            return running
        start = len(seen)
    log.info("running imports not counted: more than %d imports", COUNT_PAGES * LIST_PAGE)
    return None


def follow_import(
    client: ImageImportClient, ledger: Ledger, import_id: str, *,
    on_status: Callable[[ImportStatus], None] | None = None,
    on_error: Callable[[VmdkImportError], None] | None = None,
    stop: threading.Event | None = None, policy: PollPolicy | None = None,
) -> ImportStatus | None:
    """Poll until a final state or ``stop``; every change goes to the ledger first.

    Passing network trouble and retryable server errors are reported through ``on_error`` and
    waited out; errors that will not go away (404, 403, a second 401) are raised.
    """
    policy = policy or PollPolicy()
    stop = stop or threading.Event()
    wait = policy.first
    last: ImportStatus | None = None
    while not stop.is_set():
        try:
            status = client.status(import_id)
        except (TransportError, ApiError) as exc:
            if not exc.retryable:
                raise
            log.warning("status of %s not available: %s", import_id, exc)
            if on_error:
                on_error(exc)
            stop.wait(policy.error_wait)
            continue
        ledger.record_status(import_id, status.state.value, status.progress,
                             status.error_message, image_id=status.image_id)
        last = status
        if on_status:
            on_status(status)
        if status.state.final:
            return status
        stop.wait(wait)
        wait = min(policy.longest, wait * policy.factor)
    return last


def is_final(state: ImportState) -> bool:
    return state.final


def refresh_open_imports(client: ImageImportClient, ledger: Ledger, *, project_id: str,
                         region: str | None = None, adopt: bool = True) -> dict[str, int]:
    """Ask the service about every import the ledger still considers open; count the states.

    With ``adopt``, imports the service lists but the ledger does not know (started from
    another computer or tool) are added first. An id the service no longer knows is left as
    it is (and counted as "unknown") rather than guessed.
    """
    if adopt:
        adopt_listed(client, ledger, client.list(), region=region, project_id=project_id)
    counts: dict[str, int] = {}
    for entry in ledger.open_imports():
        if entry.import_id is None or (entry.project_id not in (None, project_id)):
            continue
        try:
            status = client.status(entry.import_id)
        except ApiError as exc:
            if exc.status != 404:
                raise
            counts["unknown"] = counts.get("unknown", 0) + 1
            continue
        ledger.record_status(entry.import_id, status.state.value, status.progress,
                             status.error_message, image_id=status.image_id)
        counts[status.state.value] = counts.get(status.state.value, 0) + 1
    return counts
