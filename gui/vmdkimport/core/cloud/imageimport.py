"""Client of the image import API: register, status and list (``/v1/imageimport``).

The register call is never repeated by this client (503/50301 included): a second POST could
start a second conversion of the same disk. The caller decides, and the ledger records every
attempt first (see :mod:`vmdkimport.core.register.submit`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from vmdkimport.core import rules
from vmdkimport.core.cloud.answers import Answer
from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.service import ServiceClient, TokenSource
from vmdkimport.core.errors import ApiError, BadAnswer, TransportError
from vmdkimport.core.request import ImportRequest
from vmdkimport.core.text import Text

log = logging.getLogger(__name__)


class ImportState(StrEnum):
    """``import_status`` values. ``canceled`` exists in FJcloud-O jp-east-3/jp-west-3 only."""

    QUEUED = "queued"
    PROCESSING = "processing"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"
    UNKNOWN = "unknown"

    @property
    def final(self) -> bool:
        return self in (ImportState.SUCCEEDED, ImportState.FAILED, ImportState.CANCELED)

    @classmethod
    def parse(cls, value: object) -> ImportState:
        try:
            return cls(str(value).lower())
        except ValueError:
            return cls.UNKNOWN


@dataclass(frozen=True)
class Registration:
    """The answer to a register call."""

    import_id: str
    request_id: str | None


@dataclass(frozen=True)
class ImportStatus:
    """One status answer. Unknown fields are kept in ``raw`` (the table is partly unreadable)."""

    import_id: str
    state: ImportState
    progress: int
    name: str | None = None
    location: str | None = None
    image_id: str | None = None
    os_type: str | None = None
    min_ram: int | None = None
    min_disk: int | None = None
    error_message: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)



@dataclass(frozen=True)
class ImportSummary:
    """One entry of the list call."""

    import_id: str
    state: ImportState
    status_path: str | None


class ImageImportClient(ServiceClient):
    """``{import_url}/v1/imageimport``: register, status, list."""

    service = "image-import"

    def __init__(self, http: HttpClient, tokens: TokenSource, import_url: str) -> None:
        super().__init__(http, tokens)
        self.base = import_url.rstrip("/") + "/v1/imageimport"

    def register(self, request: ImportRequest) -> Registration:
        """POST the request; raise ApiError/TransportError as they come, never retry here.

        An answer without a usable import id is a TransportError with an unknown outcome, like
        a lost answer: the import may exist, so the user must look at the list before trying
        again (a second POST could start a second conversion).
        """
        response = self.call("POST", self.base, json=request.to_body(),
                             headers={"Accept": "application/json"})
        answer = Answer.of(response, self.service)
        try:
            registration = parse_registration(answer)
        except BadAnswer as exc:
            raise TransportError(
                Text("The import service answered HTTP {status}, but {problem}; the import may "
                     "have started (request id {request_id}).", status=answer.status,
                     problem=exc.problem, request_id=answer.request_id) if answer.request_id
                else Text("The import service answered HTTP {status}, but {problem}; the import "
                          "may have started.", status=answer.status, problem=exc.problem),
                url=answer.url, outcome_unknown=True, status=answer.status,
                request_id=answer.request_id) from None
        log.info("registered import %s [%s]", registration.import_id,
                 registration.request_id or "no request id")
        return registration

    def status(self, import_id: str) -> ImportStatus:
        response = self.call("GET", f"{self.base}/{import_id}/status",
                             headers={"Accept": "application/json"})
        return parse_status(Answer.of(response, self.service), import_id)

    def list(self, *, start: int | None = None, limit: int | None = None) -> list[ImportSummary]:
        params: dict[str, int] = {}
        if start is not None:
            params["start"] = start
        if limit is not None:
            params["limit"] = limit
        response = self.call("GET", self.base, params=params,
                             headers={"Accept": "application/json"})
        return parse_list(Answer.of(response, self.service))


# --- parsers: every answer of the import service, checked (see answers.py) ----------------------

def parse_registration(answer: Answer) -> Registration:
    """``201 {"import_id": "<uuid>"}``; the id goes into URLs and onto terminals: a UUID only."""
    import_id = answer.body().text("import_id")
    if rules.import_id_error(import_id):
        raise answer.bad(Text("{field} is not a UUID", field="import_id"))
    return Registration(import_id, answer.request_id)


def parse_status(answer: Answer, import_id: str) -> ImportStatus:
    """A status answer. FJcloud-O's samples send ``min_ram``/``min_disk`` as digit strings."""
    body = answer.body()
    state = body.opt_text("import_status")
    progress = body.integer("progress", default=0, digits=True, maximum=2**31 - 1)
    error = body.opt_text("error_message", truncate=500) or body.opt_text("message", truncate=500)
    if not error:
        nested = isinstance(body.data.get("error"), dict)
        error = (body.obj("error").opt_text("message", truncate=500) if nested
                 else body.opt_text("error", truncate=500))
    return ImportStatus(
        import_id=import_id,
        state=ImportState.parse(state) if state is not None else ImportState.UNKNOWN,
        progress=max(0, min(100, progress)),
        name=body.opt_text("name"),
        location=body.opt_text("location"),
        image_id=body.opt_text("id"),
        os_type=body.opt_text("os_type"),
        min_ram=body.opt_integer("min_ram", digits=True),
        min_disk=body.opt_integer("min_disk", digits=True),
        error_message=error or None,
        raw=dict(body.data),
    )


def parse_list(answer: Answer) -> list[ImportSummary]:
    """``{"imports": [{"import_id", "import_status", "status"}]}``; ids checked like a
    registration's, because they go into URLs and the ledger."""
    out: list[ImportSummary] = []
    for item in answer.body().objects("imports"):
        import_id = item.text("import_id")
        if rules.import_id_error(import_id):
            raise answer.bad(Text("{field} is not a UUID", field=f"{item.path}.import_id"))
        state = item.opt_text("import_status")
        out.append(ImportSummary(import_id,
                                 ImportState.parse(state) if state is not None
                                 else ImportState.UNKNOWN,
                                 item.opt_text("status")))
    return out


def is_busy(exc: BaseException) -> bool:
    """503/50301: too many imports running; worth trying again later, by the user's choice."""
    return isinstance(exc, ApiError) and exc.status == 503
