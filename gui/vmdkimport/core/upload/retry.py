"""Retries of the upload's small requests, the same way as its segment PUTs.

An upload of hours must not end on one dropped connection on the way in (``GET /info``, a
container HEAD, a listing whose body is cut) or out (the manifest PUT), when every segment
PUT gets :attr:`UploadRequest.max_attempts` attempts. Each of these requests is idempotent
(reads, and PUTs that write the same thing again), so it is retried on a connection error,
5xx, 408 and 429, with the same capped exponential backoff and ``Retry-After``.

A connection error that survives every attempt keeps its exit code (network error) but says
what to do for an upload: run it again, it resumes. The register call's advice ("the request
may have been carried out, check the list") is for register only, never for these.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from vmdkimport.core.errors import ApiError, TransportError
from vmdkimport.core.text import Text
from vmdkimport.core.upload.segments import UploadRequest
from vmdkimport.core.upload.transfer import TransferControl

log = logging.getLogger(__name__)

T = TypeVar("T")
RETRY_STATUSES = frozenset({408, 429})
UPLOAD_NETWORK_ACTION = Text("Check the connection, then run the same upload again: it resumes "
                             "where it stopped.")


def transient(exc: BaseException) -> bool:
    """Whether sending the same request again may work."""
    if isinstance(exc, TransportError):
        return True
    return isinstance(exc, ApiError) and (exc.status >= 500 or exc.status in RETRY_STATUSES)


def for_upload(exc: TransportError) -> TransportError:
    """The connection error as the upload reports it: what to do is to run the upload again."""
    exc.outcome_unknown = False
    exc.action = UPLOAD_NETWORK_ACTION
    return exc


def retrying(what: str, call: Callable[[], T], *, request: UploadRequest,
             control: TransferControl, on_retry: Callable[[], None] | None = None) -> T:
    """``call()``, tried up to ``request.max_attempts`` times while it fails transiently."""
    delay = request.backoff
    for attempt in range(1, request.max_attempts + 1):
        control.check()
        try:
            return call()
        except (ApiError, TransportError) as exc:
            if not transient(exc) or attempt == request.max_attempts:
                if isinstance(exc, TransportError):
                    raise for_upload(exc) from None
                raise
            retry_after = exc.retry_after if isinstance(exc, ApiError) else None
            wait = min(request.max_backoff, retry_after or delay)
            log.warning("%s attempt %d failed (%s); retrying in %.1f s", what, attempt, exc, wait)
            if on_retry is not None:
                on_retry()
            control.sleep(wait)
            delay = min(request.max_backoff, delay * 2)
    raise AssertionError("unreachable")  # pragma: no cover
