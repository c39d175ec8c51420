"""Register an import so that nothing is lost, and follow it to the end.

The order matters: validate locally (no request the service would refuse), write the attempt to
the ledger, POST once, write the import id to the ledger, and only then return it to be shown.
If the answer is lost on the way, the ledger says "unknown" and the user is told to look at the
server's list before trying again, because a second POST would start a second conversion.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from vmdkimport.core.cloud.imageimport import ImageImportClient, ImportState, ImportStatus
from vmdkimport.core.errors import ApiError, InvalidRequest, TransportError, VmdkImportError
from vmdkimport.core.register.ledger import Ledger, LedgerEntry
from vmdkimport.core.register.polling import PollPolicy
from vmdkimport.core.request import ImportRequest
from vmdkimport.core.text import Text

log = logging.getLogger(__name__)


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
                             status.error_message)
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
        for item in client.list():
            ledger.adopt(import_id=item.import_id, status=item.state.value, region=region,
                         import_url=client.base, project_id=project_id)
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
                             status.error_message)
        counts[status.state.value] = counts.get(status.state.value, 0) + 1
    return counts
