"""Our clients against a hostile HTTP server on 127.0.0.1: redirects, clear text, bad answers.

Why a server of our own rather than requests-mock: redirects, header parsing and what reaches a
second host happen inside requests and urllib3, below any mock. ``Hostile`` answers each request
with what the test scripted; ``Recorder`` is the "other host" a redirect points at, and records
everything that reaches it, which must be nothing.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.cloud.identity import (
    IdentityClient,
    PasswordCredentials,
    TokenProvider,
    static_token,
)
from vmdkimport.core.cloud.imageimport import ImageImportClient
from vmdkimport.core.cloud.objectstorage import ObjectStorageClient
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.cloud.session import connect
from vmdkimport.core.errors import (
    ApiError,
    BadAnswer,
    ConfigError,
    Redirected,
    TransportError,
    VmdkImportError,
)
from vmdkimport.core.request import ImportRequest

PASSWORD = "s3cret-Passw0rd"
TOKEN = "gAAAA-the-token-value"
IMPORT_ID = "6bf65660-70ee-4a75-b61a-36ac040c289c"
REQUEST_ID = "req-hostile-1"

#: (status, headers, body); body bytes are sent as they are, anything else as JSON
Reply = tuple[int, dict[str, str], Any]


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Server:
    """A scripted HTTP server: ``reply(method, path)`` decides every answer."""

    reply: Callable[[str, str], Reply] = field(
        default=lambda method, path: (200, {}, {}))
    seen: list[Seen] = field(default_factory=list)
    raw: bytes | None = None  # when set: sent as the whole answer, byte for byte
    url: str = ""

    def base(self) -> str:
        return self.url


def _serve(server: Server) -> Iterator[Server]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            server.seen.append(Seen(self.command, self.path, dict(self.headers), body))
            if server.raw is not None:
                self.wfile.write(server.raw)
                self.close_connection = True
                return
            status, headers, payload = server.reply(self.command, self.path)
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            headers = {"Content-Type": "application/json", "X-Openstack-Request-Id": REQUEST_ID,
                       **headers}
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _any

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.fixture
def hostile() -> Iterator[Server]:
    yield from _serve(Server())


@pytest.fixture
def recorder() -> Iterator[Server]:
    """The other host: answers like a willing service, records all that reaches it."""
    def reply(method: str, path: str) -> Reply:
        return 201, {"X-Subject-Token": "evil-token"}, {"import_id": "evil", "token": {}}

    yield from _serve(Server(reply=reply))


def _creds(base: str) -> PasswordCredentials:
    return PasswordCredentials(identity_url=base + "/v3", domain="C1234567", username="alice",
                               password=PASSWORD, project_name="p")


def _http() -> HttpClient:
    return HttpClient(HttpSettings(read_retries=0))


def _storage(base: str) -> ObjectStorageClient:
    return ObjectStorageClient(_http(), TokenProvider(static_token(TOKEN, "p")),
                               base + "/v1/AUTH_p")


def _imports(base: str) -> ImageImportClient:
    return ImageImportClient(_http(), TokenProvider(static_token(TOKEN, "p")), base)


def _request() -> ImportRequest:
    return ImportRequest(name="web-01", location="/v1/AUTH_p/images/web-01.vmdk",
                         os_type="ubuntu")


#: one call of each kind that carries a secret: the password, or the token (and a body)
CALLS: dict[str, Callable[[str], object]] = {
    "sign-in": lambda base: IdentityClient(_http()).authenticate(_creds(base)),
    "head": lambda base: _storage(base).head_object("images", "web-01.vmdk"),
    "put-segment": lambda base: _storage(base).put_object(
        "images_segments", "web-01.vmdk/00000001", b"\x5a" * 100_000),
    "register": lambda base: _imports(base).register(_request()),
    "status": lambda base: _imports(base).status(IMPORT_ID),
}


# --- 1. no authenticated call follows a redirect -------------------------------------------------

@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("call", list(CALLS))
def test_no_call_follows_a_redirect(hostile: Server, recorder: Server, call: str,
                                    status: int) -> None:
    target = f"{recorder.url}/steal?token={TOKEN}"
    hostile.reply = lambda method, path: (status, {"Location": target}, {"moved": True})
    with pytest.raises(Redirected) as info:
        CALLS[call](hostile.url)
    assert recorder.seen == [], f"{call} followed a {status} to the other host"
    exc = info.value
    text = exc.user_text()
    assert exc.status == status
    assert exc.request_id == REQUEST_ID
    assert exc.location == recorder.url  # scheme://host:port only
    assert recorder.url in text
    assert f"HTTP {status}" in text
    assert REQUEST_ID in text
    for secret in (TOKEN, PASSWORD, "/steal"):
        assert secret not in text
    assert len(hostile.seen) == 1  # sent once, not retried either


def test_a_relative_redirect_is_refused_too(hostile: Server) -> None:
    hostile.reply = lambda method, path: (307, {"Location": "/elsewhere"}, b"")
    with pytest.raises(Redirected) as info:
        _imports(hostile.url).status(IMPORT_ID)
    assert info.value.location == hostile.url
    assert len(hostile.seen) == 1


def test_the_session_itself_follows_no_redirect(hostile: Server, recorder: Server) -> None:
    """Belt and braces: code that uses the requests session directly follows none either."""
    hostile.reply = lambda method, path: (302, {"Location": recorder.url}, b"")
    response = _http().session.get(hostile.url + "/x", timeout=10)
    assert response.status_code == 302
    assert recorder.seen == []


# --- 2. no secret in clear text, except to loopback or by choice ---------------------------------

def test_http_to_a_non_loopback_host_sends_nothing(hostile: Server) -> None:
    http = HttpClient(HttpSettings(read_retries=0), is_loopback=lambda host: False)
    with pytest.raises(ConfigError) as info:
        IdentityClient(http).authenticate(_creds(hostile.url))
    assert hostile.seen == []
    text = info.value.user_text()
    assert hostile.url in text
    assert "--allow-http" in text
    assert PASSWORD not in text


def test_http_to_a_non_loopback_host_on_explicit_opt_in(hostile: Server) -> None:
    hostile.reply = lambda method, path: (200, {}, {"swift": {"max_file_size": 1024}})
    http = HttpClient(HttpSettings(read_retries=0, allow_insecure_http=True),
                      is_loopback=lambda host: False)
    storage = ObjectStorageClient(http, TokenProvider(static_token(TOKEN)),
                                  hostile.url + "/v1/AUTH_p")
    assert storage.max_file_size() == 1024
    assert len(hostile.seen) == 1


def test_http_to_loopback_stays_allowed(hostile: Server) -> None:
    hostile.reply = lambda method, path: (200, {}, {"import_status": "queued", "progress": 0})
    status = _imports(hostile.url).status(IMPORT_ID)
    assert status.progress == 0
    assert hostile.seen[0].headers["X-Auth-Token"] == TOKEN


def _keystone_reply(catalog: Any, **token: Any) -> Callable[[str, str], Reply]:
    body = {"token": {"expires_at": "2099-01-01T00:00:00.000000Z",
                      "issued_at": "2026-01-01T00:00:00.000000Z",
                      "project": {"id": "p", "name": "proj"},
                      "user": {"id": "u", "name": "alice", "domain": {"name": "C1234567"}},
                      "roles": [{"name": "member"}], "catalog": catalog}}
    body["token"].update(token)

    def reply(method: str, path: str) -> Reply:
        return 201, {"X-Subject-Token": TOKEN}, body

    return reply


def _catalog(storage: str, imports: str) -> list[dict[str, Any]]:
    return [
        {"name": "objectstorage", "type": "object-store",
         "endpoints": [{"interface": "public", "region": "r1", "url": storage}]},
        {"name": "vmimport", "type": "vmimport",
         "endpoints": [{"interface": "public", "region": "r1", "url": imports}]},
    ]


def test_a_catalog_with_clear_text_endpoints_is_refused(hostile: Server) -> None:
    plain = "http://objectstorage.r1.example.com"
    hostile.reply = _keystone_reply(_catalog(plain + "/v1/AUTH_p", "https://vmimport.example"))
    profile = ConnectionProfile(identity_url=hostile.url + "/v3", domain="C1234567",
                                username="alice", project_name="proj", region="r1")
    with pytest.raises(ConfigError) as info:
        connect(profile, PASSWORD, HttpSettings(read_retries=0))
    text = info.value.user_text()
    assert plain in text
    assert TOKEN not in text
    assert "http" in text.lower()


def test_a_catalog_with_clear_text_endpoints_on_opt_in(hostile: Server) -> None:
    plain = "http://objectstorage.r1.example.com"
    hostile.reply = _keystone_reply(_catalog(plain + "/v1/AUTH_p", "https://vmimport.example"))
    profile = ConnectionProfile(identity_url=hostile.url + "/v3", domain="C1234567",
                                username="alice", project_name="proj", region="r1",
                                allow_http=True)
    session = connect(profile, PASSWORD)
    assert session.endpoints.object_storage_url == plain + "/v1/AUTH_p"
    assert session.http.settings.allow_insecure_http
    session.close()


# --- 3. every answer through one checked layer --------------------------------------------------

GOOD_TOKEN = _keystone_reply(_catalog("http://127.0.0.1:1/v1/AUTH_p", "http://127.0.0.1:1"))


def _token_with(**changes: Any) -> Callable[[str, str], Reply]:
    changes.setdefault("catalog",
                       _catalog("http://127.0.0.1:1/v1/AUTH_p", "http://127.0.0.1:1"))
    catalog = changes.pop("catalog")
    return _keystone_reply(catalog, **changes)


def _answer(status: int, body: Any, headers: dict[str, str] | None = None
            ) -> Callable[[str, str], Reply]:
    return lambda method, path: (status, headers or {}, body)


#: (call, the server's answer): each must end in BadAnswer, never a traceback
HOSTILE: dict[str, tuple[str, Callable[[str, str], Reply]]] = {
    "token without expires_at": ("sign-in", _token_with(expires_at=None)),
    "token with a bad expires_at": ("sign-in", _token_with(expires_at="next tuesday")),
    "token with a numeric expires_at": ("sign-in", _token_with(expires_at=12)),
    "project a list": ("sign-in", _token_with(project=["p"])),
    "project id an object": ("sign-in", _token_with(project={"id": {"x": 1}})),
    "user a string": ("sign-in", _token_with(user="alice")),
    "roles an object": ("sign-in", _token_with(roles={"name": "member"})),
    "roles items strings": ("sign-in", _token_with(roles=["member"])),
    "catalog an object": ("sign-in", _token_with(catalog={"a": 1})),
    "catalog items strings": ("sign-in", _token_with(catalog=["objectstorage"])),
    "endpoints a string": ("sign-in", _token_with(catalog=[{"name": "objectstorage",
                                                            "endpoints": "http://x"}])),
    "endpoint url a number": ("sign-in", _token_with(catalog=[{"name": "objectstorage",
                                                               "endpoints": [{"url": 5}]}])),
    "info max_file_size a string": ("info", _answer(200, {"swift": {"max_file_size": "abc"}})),
    "info max_file_size negative": ("info", _answer(200, {"swift": {"max_file_size": -1}})),
    "info swift a list": ("info", _answer(200, {"swift": [1]})),
    "head Content-Length abc": ("head", _answer(200, b"", {"Content-Length": "abc"})),
    "listing item without name": ("objects", _answer(200, [{"bytes": 1}])),
    "listing bytes a string": ("objects", _answer(200, [{"name": "a", "bytes": "x"}])),
    "listing item a string": ("objects", _answer(200, ["a"])),
    "container listing count a list": ("containers", _answer(200, [{"name": "a",
                                                                   "count": []}])),
    "status import_status a number": ("status", _answer(200, {"import_status": 3})),
    "status progress a string": ("status", _answer(200, {"import_status": "queued",
                                                         "progress": "abc"})),
    "status progress an object": ("status", _answer(200, {"import_status": "queued",
                                                          "progress": {}})),
    "status a list": ("status", _answer(200, [])),
    "list imports an object": ("list", _answer(200, {"imports": {"a": 1}})),
    "list items strings": ("list", _answer(200, {"imports": ["x"]})),
    "list import_id a number": ("list", _answer(200, {"imports": [{"import_id": 5}]})),
    "list import_id not a uuid": ("list", _answer(200, {"imports": [{"import_id": "../x"}]})),
}

READS: dict[str, Callable[[str], object]] = {
    **CALLS,
    "info": lambda base: _storage(base).max_file_size(),
    "objects": lambda base: _storage(base).list_objects("images"),
    "containers": lambda base: _storage(base).list_containers(),
    "list": lambda base: _imports(base).list(),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_answer_is_a_clear_error(hostile: Server, case: str) -> None:
    call, reply = HOSTILE[case]
    hostile.reply = reply
    with pytest.raises(VmdkImportError) as info:
        READS[call](hostile.url)
    exc = info.value
    assert isinstance(exc, BadAnswer), f"{case}: {type(exc).__name__}: {exc}"
    text = exc.user_text()
    assert f"HTTP {exc.status}" in text
    assert REQUEST_ID in text
    for secret in (TOKEN, PASSWORD):
        assert secret not in text


@pytest.mark.parametrize("body", [{}, {"import_id": ""}, {"import_id": None},
                                  {"import_id": "evil"}, {"import_id": 6},
                                  {"import_id": "../../v3/auth/tokens"}, [], b"not json"])
def test_a_register_answer_without_a_usable_id_is_an_unknown_outcome(hostile: Server,
                                                                     body: Any) -> None:
    """Item 4: like a lost answer, so the CLI exits 6 and says to check the list first."""
    hostile.reply = _answer(201, body)
    with pytest.raises(TransportError) as info:
        _imports(hostile.url).register(_request())
    exc = info.value
    assert exc.outcome_unknown
    assert "list" in exc.action
    assert "HTTP 201" in str(exc)
    assert REQUEST_ID in str(exc)


def test_a_good_token_answer_still_signs_in(hostile: Server) -> None:
    hostile.reply = GOOD_TOKEN
    token = IdentityClient(_http()).authenticate(_creds(hostile.url))
    assert token.project_id == "p"
    assert token.roles == ("member",)
    assert len(token.catalog) == 2


def test_an_answer_cut_inside_its_headers_logs_no_traceback(
        hostile: Server, caplog: pytest.LogCaptureFixture) -> None:
    """urllib3 logs a HeaderParsingError with a traceback for a broken header block."""
    hostile.raw = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                   b"X-Broken : yes\r\n\tfolded-garbage\r\nContent-Length: 2\r\n\r\n{}")
    caplog.set_level(logging.DEBUG)
    with contextlib.suppress(VmdkImportError):  # what the answer becomes is not the point
        _imports(hostile.url).status(IMPORT_ID)
    for record in caplog.records:
        assert record.exc_info is None, record.getMessage()
        assert "Traceback" not in record.getMessage()


def test_a_connection_closed_inside_the_headers_is_a_transport_error(hostile: Server) -> None:
    hostile.raw = b"HTTP/1.1 200 OK\r\nContent-Type: appl"
    with pytest.raises((TransportError, ApiError)):
        _imports(hostile.url).status(IMPORT_ID)

