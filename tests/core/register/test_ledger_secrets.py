"""No secret in the ledger: a service that echoes the token and the password in its error text.

A small loopback server of our own plays the import service: it answers the register call with
a 400 whose message repeats the request's X-Auth-Token and a password. The ledger keeps the
error (the user needs it later), so it must keep it without them: the file's bytes are searched.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from vmdkimport.core import logsetup
from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.identity import TokenProvider, static_token
from vmdkimport.core.cloud.imageimport import ImageImportClient
from vmdkimport.core.errors import ApiError
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.core.register.submit import submit_import
from vmdkimport.core.request import ImportRequest

PASSWORD = "Tr0ub4dor&3-horse"
# a Keystone Fernet token's shape; never registered, so only its shape can give it away
UNREGISTERED = "gAAAAABm" + "Q3ZkN2xZc1pXbG1iMjRsYm1GdFpTSTZJQ0o" * 4
PROJECT = "0123456789abcdef0123456789abcdef"


class _Echo(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        token = self.headers.get("X-Auth-Token", "")
        body = json.dumps({"error_code": "40099", "message":
                           f"bad request from token {token} password={PASSWORD} "
                           f"and X-Subject-Token: {UNREGISTERED}"}).encode()
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Openstack-Request-Id", "req-echo")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def echo_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_an_echoed_token_and_password_never_reach_the_ledger_file(echo_url: str,
                                                                  tmp_path: Path) -> None:
    token = "tok-" + "a1b2c3d4" * 6
    logsetup.register_secret(PASSWORD)
    logsetup.register_secret(token)
    client = ImageImportClient(HttpClient(), TokenProvider(static_token(token, PROJECT)),
                               echo_url)
    path = tmp_path / "l.sqlite3"
    ledger = Ledger(path)
    request = ImportRequest(name="web", location=f"/v1/AUTH_{PROJECT}/c/web.vmdk",
                            os_type="ubuntu")
    with pytest.raises(ApiError) as raised:
        submit_import(client, ledger, request, project_id=PROJECT, region=None)
    assert token in str(raised.value)  # the echo really happened: this is what the ledger got
    entry = ledger.entries()[0]
    assert entry.phase == "rejected"
    assert entry.error
    assert "req-echo" in entry.error
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for secret in (token, PASSWORD, UNREGISTERED):
        assert secret.encode() not in data, secret


def test_status_details_are_stored_without_secrets(tmp_path: Path) -> None:
    logsetup.register_secret(PASSWORD)
    ledger = Ledger(tmp_path / "l.sqlite3")
    local = ledger.begin_submission(body={"name": "n", "location": "l"}, region=None,
                                    import_url=None, project_id=None)
    ledger.record_registered(local, import_id="imp", request_id=None)
    ledger.record_status("imp", "failed", 0, f"conversion failed for password {PASSWORD}")
    ledger.record_unknown(local, error=f"lost: {UNREGISTERED}")
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert PASSWORD.encode() not in data
    assert UNREGISTERED.encode() not in data
    assert any("conversion failed" in (e.detail or "") for e in ledger.events("imp"))
