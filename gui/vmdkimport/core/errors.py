"""Errors that reach the user: each says what happened and what to do, never a traceback.

Every exception the core raises on purpose derives from :class:`VmdkImportError`, so a front end
can catch one type, show ``str(exc)`` (the message) and ``exc.action``, and send anything else to
the crash reporter. An action names where to fix things through placeholders that each front end
words its own way (``error_catalog.worded``): the wizard its pages, the CLI its options. No
error text ever contains a request body, a token or a password: the bodies we send carry
credentials, so they are never part of an error.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from vmdkimport.core.error_catalog import FIELD_STEP, CatalogEntry, Place, Step, lookup
from vmdkimport.core.rules import Field, Problem
from vmdkimport.core.text import Text

if TYPE_CHECKING:
    import requests


class VmdkImportError(Exception):
    """Base of every error meant for the user's eyes (Electrum's UserFacingException idea)."""

    #: what the user can do about it
    action: str = ""
    #: where to go to fix it
    field: Field = Field.NONE
    #: whether the same thing may work when tried again, unchanged
    retryable: bool = False

    @property
    def step(self) -> Step:
        return FIELD_STEP[self.field]

    def user_text(self) -> str:
        """Message and action, as one text for a dialog or a terminal."""
        return f"{self}\n{self.action}" if self.action else str(self)


class ConfigError(VmdkImportError):
    """Something the user must set before we can talk to the cloud (endpoints, credentials)."""

    def __init__(self, message: str, action: str = "", field: Field = Field.ENDPOINTS) -> None:
        super().__init__(message)
        self.action = action
        self.field = field


class InvalidRequest(VmdkImportError):
    """The request breaks a rule the service would enforce; found before anything was sent."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        first = self.problems[0]
        entry = lookup(400, first.code)
        super().__init__(Text("{detail} ({code}: {message})", detail=first.detail,
                              code=first.code, message=first.message))
        self.action = entry.fix
        self.field = first.field
        self.entry = entry


class TransportError(VmdkImportError):
    """The service could not be reached, or the connection broke or timed out.

    ``outcome_unknown`` is true when the request may have reached the service before the failure:
    for a register call this means an import may exist, so the user must look before retrying.
    """

    retryable = True

    def __init__(self, message: str, *, url: str, outcome_unknown: bool = False,
                 status: int | None = None, request_id: str | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.outcome_unknown = outcome_unknown
        #: set when an answer came but could not be used (a 201 without an import id)
        self.status = status
        self.request_id = request_id
        self.field = Field.ENDPOINTS
        self.action = (
            Text("The request may have been carried out. Check {import_list} before you try "
                 "again.", import_list=Place.IMPORT_LIST)
            if outcome_unknown
            else Text("Check your network connection, proxy settings and the endpoint address, "
                      "then try again.")
        )


class ApiError(VmdkImportError):
    """The service answered with an error status.

    Carries the HTTP status, the detailed ``error_code`` when the body had one, the service's own
    message, the request id for support, and the catalog entry with the user's action.
    """

    def __init__(
        self, *, status: int, service: str, url: str, error_code: str | None = None,
        server_message: str | None = None, request_id: str | None = None,
        body_excerpt: str | None = None, retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.service = service
        self.url = url
        self.error_code = error_code
        self.server_message = server_message
        self.request_id = request_id
        self.body_excerpt = body_excerpt
        self.retry_after = retry_after
        self.entry: CatalogEntry = lookup(status, error_code, service=service)
        self.action = self.entry.fix
        self.field = self.entry.field
        self.retryable = self.entry.retryable
        #: the sentences of the message, for a front end that translates them one by one
        self.parts = self._parts()
        super().__init__(" ".join(self.parts))

    def _parts(self) -> tuple[str, ...]:
        known = self.error_code is not None and self.entry.key == self.error_code
        parts: list[str] = [self.entry.message]
        if self.error_code and not known:
            parts.append(Text("The service answered with code {code}, which this version of "
                              "the tool does not know.", code=self.error_code))
        detail = self.server_message or (None if known else self.body_excerpt)
        if detail and detail != self.entry.message:
            parts.append(Text("Service said: {detail}", detail=detail))
        ref = f"HTTP {self.status}"
        if self.error_code:
            ref += f", code {self.error_code}"
        if self.request_id:
            ref += f", request id {self.request_id}"
        parts.append(f"({ref})")  # for support: never translated
        return tuple(parts)

    @classmethod
    def from_response(cls, response: requests.Response, *, service: str) -> ApiError:
        """Build the error from any answer: JSON with a code, Keystone JSON, HTML, or nothing.

        A proxy's HTML page or an empty body must still give a clear message with the status and
        the request id, so the body is read defensively and only a short, tag-free excerpt kept.
        """
        code: str | None = None
        message: str | None = None
        excerpt: str | None = None
        data: object = None
        ctype = response.headers.get("Content-Type", "")
        if "json" in ctype or response.text[:1] in ("{", "["):
            try:
                data = response.json()
            except ValueError:
                data = None
        if isinstance(data, dict):
            raw_code = data.get("error_code")
            if isinstance(raw_code, (str, int)) and not isinstance(raw_code, bool):
                code = str(raw_code)
            raw_msg = data.get("message") or data.get("error_message")
            err = data.get("error")
            if isinstance(err, dict):  # Keystone's {"error": {"code", "message", "title"}}
                raw_msg = raw_msg or err.get("message")
            if isinstance(raw_msg, str):
                message = raw_msg[:500]
        if message is None:
            excerpt = _excerpt(response.text)
        return cls(
            status=response.status_code, service=service, url=url_without_query(response.url),
            error_code=code, server_message=message, request_id=request_id_of(response),
            body_excerpt=excerpt, retry_after=retry_after_of(response),
        )


class Redirected(ApiError):
    """The service answered with a redirect, which this tool never follows.

    A redirect would re-send the password, the token or a whole segment to whatever host the
    answer names, over plain http too: a misconfigured or hostile server could collect them. So
    a 3xx is an error that says where it pointed (scheme and host only: a Location may carry a
    token in its query) with the HTTP status and the request id.
    """

    def __init__(self, *, status: int, service: str, url: str, location: str,
                 request_id: str | None = None) -> None:
        #: where the answer pointed: ``scheme://host[:port]``, or "" when it named no place
        self.location = location
        super().__init__(status=status, service=service, url=url, request_id=request_id)
        self.action = Text(
            "Check the endpoint address (the scheme, the host and the path): enter the address "
            "the redirect points to yourself if you trust it.")
        self.field = Field.ENDPOINTS
        self.retryable = False

    def _parts(self) -> tuple[str, ...]:
        where = (Text("The service at {host} answered with a redirect to {location}, which this "
                      "tool does not follow: it would send your credentials there.",
                      host=url_origin(self.url), location=self.location) if self.location else
                 Text("The service at {host} answered with a redirect, which this tool does "
                      "not follow.", host=url_origin(self.url)))
        return (where, _reference(self.status, self.request_id))


class BadAnswer(ApiError):
    """An answer with a status we expected but a body or header we cannot use.

    Every answer is untrusted input: a missing field, a wrong JSON type or an absurd size must
    become this one error (with the HTTP status, the request id, the service and which field
    was wrong), never a traceback. The faulty value itself is never part of the message: a
    body may echo a token or a password.
    """

    def __init__(self, *, status: int, service: str, url: str, problem: str,
                 request_id: str | None = None) -> None:
        #: what was wrong, naming the field (e.g. "token.expires_at is missing")
        self.problem = problem
        super().__init__(status=status, service=service, url=url, request_id=request_id)
        self.action = Text(
            "Try again later. If it happens again, tell the provider's support, quoting the "
            "request id.")
        self.field = Field.NONE
        self.retryable = True  # a proxy's garbled answer may not come back

    def _parts(self) -> tuple[str, ...]:
        return (Text("{service} sent an answer this tool cannot use: {problem}.",
                     service=service_name(self.service), problem=self.problem),
                _reference(self.status, self.request_id))


def service_name(service: str) -> Text:
    """A service key (``identity``, ``object-storage``, ``image-import``) as words."""
    names = {"identity": Text("The identity service"), "object-storage": Text("Object storage"),
             "image-import": Text("The import service")}
    return names.get(service) or Text("The service")


def _reference(status: int, request_id: str | None) -> str:
    """``(HTTP 201, request id X)``: for support, never translated."""
    return f"(HTTP {status}, request id {request_id})" if request_id else f"(HTTP {status})"


def url_origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL: all a message may show of an address the server
    named (its path or query may carry a token; a ``user:password@`` part is dropped)."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return f"{parts.scheme}://{host}" if host else url


class AuthenticationFailed(ApiError):
    """Keystone rejected the credentials. Never retried by itself: the account locks after 5."""


class Unauthorized(ApiError):
    """A service rejected the token (expired or revoked). One fresh token, then one replay."""


class Cancelled(VmdkImportError):
    """The user stopped a long operation; nothing half-done was left behind."""


class UploadCancelled(Cancelled):
    """The user cancelled an upload; the work done so far is kept for a resume."""

    action = Text("Start the same upload again to resume it.")


def _excerpt(text: str, limit: int = 200) -> str | None:
    if not text:
        return None
    title = re.search(r"<title>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    plain = title.group(1) if title else re.sub(r"<[^>]+>", " ", text)
    plain = " ".join(plain.split())
    return plain[:limit] or None


# Reading an answer's headers belongs where errors are built from answers (the shape of
# keystoneauth's exceptions/http.py): the HTTP layer imports these, never the other way round.

REQUEST_ID_HEADERS = ("X-Openstack-Request-Id", "X-Compute-Request-Id", "X-Trans-Id",
                      "X-Request-Id")

def request_id_of(response: requests.Response) -> str | None:
    for name in REQUEST_ID_HEADERS:
        value = response.headers.get(name)
        if value:
            return value
    return None


def retry_after_of(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    # here, not at import: email.utils brings 20 modules to the wizard's start for a header
    # that is rarely an HTTP date
    from email.utils import parsedate_to_datetime

    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def url_without_query(url: str | None) -> str:
    """The URL without its query string (queries may one day carry signatures)."""
    return (url or "").split("?", 1)[0]
