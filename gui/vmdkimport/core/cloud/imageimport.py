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

import requests

from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.service import ServiceClient, TokenSource
from vmdkimport.core.errors import ApiError, VmdkImportError, request_id_of
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

    @classmethod
    def from_body(cls, import_id: str, body: Mapping[str, Any]) -> ImportStatus:
        # FJcloud-O samples send min_ram/min_disk as strings ("0"); K5 as integers.
        def as_int(value: object) -> int | None:
            try:
                return int(str(value)) if value is not None and value != "" else None
            except ValueError:
                return None

        progress = as_int(body.get("progress")) or 0
        error = body.get("error_message") or body.get("message") or body.get("error")
        return cls(
            import_id=import_id,
            state=ImportState.parse(body.get("import_status")),
            progress=max(0, min(100, progress)),
            name=body.get("name"),
            location=body.get("location"),
            image_id=body.get("id"),
            os_type=body.get("os_type"),
            min_ram=as_int(body.get("min_ram")),
            min_disk=as_int(body.get("min_disk")),
            error_message=str(error) if error else None,
            raw=dict(body),
        )


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
        """POST the request; raise ApiError/TransportError as they come, never retry here."""
        response = self.call("POST", self.base, json=request.to_body(),
                             headers={"Accept": "application/json"})
        rid = request_id_of(response)
        try:
            import_id = response.json()["import_id"]
        except (ValueError, KeyError, TypeError):
            import_id = None
        if not isinstance(import_id, str) or not import_id:
            raise VmdkImportError(
                Text("The import service answered {status} without an import id (request id "
                     "{request_id}). The import may have started.", status=response.status_code,
                     request_id=rid) if rid else
                Text("The import service answered {status} without an import id. The import "
                     "may have started.", status=response.status_code))
        log.info("registered import %s [%s]", import_id, rid or "no request id")
        return Registration(import_id, rid)

    def status(self, import_id: str) -> ImportStatus:
        response = self.call("GET", f"{self.base}/{import_id}/status",
                             headers={"Accept": "application/json"})
        return ImportStatus.from_body(import_id, _json_object(response))

    def list(self, *, start: int | None = None, limit: int | None = None) -> list[ImportSummary]:
        params: dict[str, int] = {}
        if start is not None:
            params["start"] = start
        if limit is not None:
            params["limit"] = limit
        response = self.call("GET", self.base, params=params,
                             headers={"Accept": "application/json"})
        body = _json_object(response)
        out: list[ImportSummary] = []
        for item in body.get("imports") or ():
            if isinstance(item, Mapping) and item.get("import_id"):
                out.append(ImportSummary(str(item["import_id"]),
                                         ImportState.parse(item.get("import_status")),
                                         item.get("status")))
        return out


def _json_object(response: requests.Response) -> Mapping[str, Any]:
    try:
        data = response.json()
    except ValueError:
        data = None
    if isinstance(data, Mapping):
        return data
    rid = request_id_of(response)
    raise VmdkImportError(
        Text("The import service sent an answer this tool cannot read (HTTP {status}, request "
             "id {request_id}).", status=response.status_code, request_id=rid) if rid else
        Text("The import service sent an answer this tool cannot read (HTTP {status}).",
             status=response.status_code))


def is_busy(exc: BaseException) -> bool:
    """503/50301: too many imports running; worth trying again later, by the user's choice."""
    return isinstance(exc, ApiError) and exc.status == 503
