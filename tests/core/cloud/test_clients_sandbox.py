"""Our clients against the sandbox cloud: the reference that follows the provider's tables.

Each Table-5 row is provoked from the sandbox and must come back through our client as the
catalog entry with the right field, action and retry advice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from helpers.waiting import wait_until
from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.identity import (
    TokenProvider,
    static_token,
)
from vmdkimport.core.cloud.imageimport import ImageImportClient, ImportState
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.cloud.session import CloudSession, connect
from vmdkimport.core.error_catalog import TABLE5
from vmdkimport.core.errors import ApiError, InvalidRequest, Unauthorized
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.core.register.polling import PollPolicy
from vmdkimport.core.register.submit import follow_import, submit_import
from vmdkimport.core.request import ImportRequest, KmsSettings
from vmdkimport.core.rules import Field, location_for
from vmdkimport.demo import demo_vmdk_bytes
from vmdkimport.sandbox import ManualClock, Sandbox, SandboxConfig

DISK = demo_vmdk_bytes(64 * 1024 * 1024)
FAST = PollPolicy(first=0.05, factor=1.5, longest=0.2, error_wait=0.05)


def _profile(cloud: Any, **changes: str) -> ConnectionProfile:
    return ConnectionProfile(name="t", region=cloud.region, identity_url=cloud.identity_url,
                             domain=cloud.domain, username=cloud.user,
                             project_name=cloud.project_name).merged(**changes)


def _session(cloud: Any, **changes: str) -> CloudSession:
    return connect(_profile(cloud, **changes), cloud.password)


def _upload(session: CloudSession, obj: str = "disk.vmdk", data: bytes = DISK) -> str:
    session.storage.create_container("images")
    session.storage.put_object("images", obj, data,
                               etag=hashlib.md5(data, usedforsecurity=False).hexdigest())
    return location_for(session.project_id, "images", obj)


@pytest.fixture
def session(sandbox: Any) -> Iterator[CloudSession]:
    s = _session(sandbox)
    yield s
    s.close()


def _request(location: str, /, **changes: Any) -> ImportRequest:
    values: dict[str, Any] = {"name": "web-01", "location": location, "os_type": "ubuntu"}
    values.update(changes)
    return ImportRequest(**values)


def _api_error(call: Any) -> ApiError:
    with pytest.raises(ApiError) as info:
        call()
    return info.value


# --- sign-in and object storage ------------------------------------------------------------------

def test_sign_in_finds_both_endpoints_in_the_catalog(sandbox: Any, session: CloudSession) -> None:
    assert session.project_id == sandbox.project_id
    assert session.endpoints.object_storage_url == sandbox.object_storage_url
    assert session.endpoints.import_url == sandbox.import_url


def test_object_storage_basics(session: CloudSession) -> None:
    assert session.storage.create_container("images") is True
    assert session.storage.create_container("images") is False
    assert "images" in [c.name for c in session.storage.list_containers()]
    assert session.storage.head_object("images", "nope.vmdk") is None
    etag = session.storage.put_object("images", "a/b.vmdk", b"KDMV1234")
    info = session.storage.head_object("images", "a/b.vmdk")
    assert info is not None
    assert info.size == 8
    assert info.etag == etag
    assert etag == hashlib.md5(b"KDMV1234", usedforsecurity=False).hexdigest()
    assert [o.name for o in session.storage.list_objects("images")] == ["a/b.vmdk"]
    assert session.storage.max_file_size() == 1024 * 1024
    assert session.storage.account_path == f"/v1/AUTH_{session.project_id}"


def test_damaged_body_is_refused_by_etag(session: CloudSession) -> None:
    session.storage.create_container("images")
    exc = _api_error(lambda: session.storage.put_object("images", "x.vmdk", b"abc",
                                                        etag="0" * 32))
    assert exc.status == 422


def test_object_over_the_single_put_limit_is_413(session: CloudSession) -> None:
    session.storage.create_container("images")
    exc = _api_error(lambda: session.storage.put_object("images", "big.vmdk",
                                                        b"\0" * (1024 * 1024 + 1)))
    assert exc.status == 413
    assert exc.field is Field.DISK


# --- register, status, list ----------------------------------------------------------------------

def test_happy_path_ledger_first_then_followed_to_succeeded(session: CloudSession) -> None:
    location = _upload(session)
    ledger = Ledger()
    sha1 = hashlib.sha1(DISK, usedforsecurity=False).hexdigest()
    entry = submit_import(session.imports, ledger,
                          _request(location, checksum=sha1, min_disk=1, min_ram=512,
                                   image_id="6bf65660-70ee-4a75-b61a-36ac040c289c"),
                          project_id=session.project_id, region="sandbox-1")
    assert entry.import_id
    assert ledger.get(entry.import_id) is not None
    seen: list[ImportState] = []
    final = follow_import(session.imports, ledger, entry.import_id,
                          on_status=lambda s: seen.append(s.state), policy=FAST)
    assert final is not None
    assert final.state is ImportState.SUCCEEDED
    assert final.progress == 100
    assert final.image_id == "6bf65660-70ee-4a75-b61a-36ac040c289c"
    assert final.min_ram == 512
    assert final.min_disk == 1
    assert seen[0] in (ImportState.QUEUED, ImportState.PROCESSING)
    recorded = ledger.get(entry.import_id)
    assert recorded is not None
    assert recorded.status == "succeeded"
    assert not recorded.is_open
    listed = session.imports.list()
    assert [i.import_id for i in listed] == [entry.import_id]
    assert listed[0].status_path == f"/v1/imageimport/{entry.import_id}/status"


def test_wrong_checksum_ends_failed_with_a_reason(session: CloudSession) -> None:
    location = _upload(session)
    entry = submit_import(session.imports, Ledger(), _request(location, checksum="0" * 40),
                          project_id=session.project_id, region=None)
    final = follow_import(session.imports, Ledger(), str(entry.import_id), policy=FAST)
    assert final is not None
    assert final.state is ImportState.FAILED
    assert final.error_message


def test_local_validation_stops_before_anything_is_sent(sandbox: Any,
                                                        session: CloudSession) -> None:
    before = len(sandbox.requests())
    ledger = Ledger()
    with pytest.raises(InvalidRequest) as info:
        submit_import(session.imports, ledger, _request("/v1/AUTH_x/c/d.vmdk", os_type="dos"),
                      project_id=session.project_id, region=None)
    assert [p.code for p in info.value.problems] == ["40025", "40006"]
    assert info.value.field is Field.LOCATION
    assert len(sandbox.requests()) == before
    assert ledger.entries() == []


# Every Table-5 row the client can be sent back, one at a time.
VALIDATION_ROWS = [
    ("40001", {"name": ""}), ("40002", {"location": ""}), ("40005", {"os_type": ""}),
    ("40006", {"os_type": "dos"}), ("40027", {"image_id": "nope"}),
    ("40028", {"name": " x"}), ("40031", {"checksum": "abc"}), ("40032", {"min_ram": -1}),
    ("40033", {"min_disk": -1}),
    ("40034", {"os_type": "win2012SE", "kms": KmsSettings("not a host", activate=True)}),
    ("40025", {"location": "/v1/AUTH_x/c/d.qcow2"}),
]


@pytest.mark.parametrize(("code", "changes"), VALIDATION_ROWS, ids=[r[0] for r in VALIDATION_ROWS])
def test_server_validation_codes_map_to_the_catalog(
    session: CloudSession, code: str, changes: dict[str, Any]
) -> None:
    location = _upload(session)
    exc = _api_error(lambda: session.imports.register(_request(location, **changes)))
    assert (exc.status, exc.error_code) == (400, code)
    assert exc.entry is TABLE5[code]
    assert exc.field is TABLE5[code].field
    assert exc.request_id
    assert exc.request_id in str(exc)
    assert not exc.retryable


def test_missing_object_is_40025(session: CloudSession) -> None:
    session.storage.create_container("images")
    exc = _api_error(lambda: session.imports.register(
        _request(location_for(session.project_id, "images", "missing.vmdk"))))
    assert exc.error_code == "40025"
    assert exc.field is Field.LOCATION


@pytest.mark.parametrize("code", ["40014", "40026", "50001", "50002", "50003"])
def test_codes_only_a_broken_path_can_cause(sandbox: Any, session: CloudSession,
                                            code: str) -> None:
    location = _upload(session)
    sandbox.inject_fault("image-import", "POST", r"^/v1/imageimport$", TABLE5[code].status or 0,
                         error_code=code)
    exc = _api_error(lambda: session.imports.register(_request(location)))
    assert exc.error_code == code
    assert exc.entry is TABLE5[code]
    assert exc.retryable is code.startswith("5")


def test_40011_for_a_token_without_project(sandbox: Any) -> None:
    response = requests.post(f"{sandbox.identity_url}/auth/tokens", timeout=10, json={"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": sandbox.user, "domain": {"name": sandbox.domain},
            "password": sandbox.password}}}}})
    unscoped = static_token(response.headers["X-Subject-Token"])
    client = ImageImportClient(HttpClient(), TokenProvider(unscoped), sandbox.import_url)
    exc = _api_error(lambda: client.register(_request("/v1/AUTH_x/c/d.vmdk")))
    assert exc.error_code == "40011"
    assert exc.field is Field.PROJECT


def test_40301_for_a_user_without_import_rights(sandbox: Any) -> None:
    owner = _session(sandbox)
    location = _upload(owner)
    owner.close()
    viewer = _session(sandbox, username="viewer")
    exc = _api_error(lambda: viewer.imports.register(_request(location)))
    viewer.close()
    assert (exc.status, exc.error_code) == (403, "40301")
    assert exc.field is Field.CREDENTIALS


def test_40037_for_an_image_over_the_size_limit() -> None:
    with Sandbox(SandboxConfig(max_image_size=len(DISK) - 1, conversion_seconds=0)) as cloud:
        s = _session(cloud)
        location = _upload(s)
        exc = _api_error(lambda: s.imports.register(_request(location)))
        s.close()
    assert exc.error_code == "40037"
    assert exc.field is Field.DISK


def test_50301_is_retryable_and_never_reposted() -> None:
    with Sandbox(SandboxConfig(max_active_imports=1, conversion_seconds=60)) as cloud:
        s = _session(cloud)
        location = _upload(s)
        ledger = Ledger()
        submit_import(s.imports, ledger, _request(location), project_id=s.project_id,
                      region=None)
        posts = sum(1 for r in cloud.requests() if r["method"] == "POST"
                    and r["service"] == "image-import")
        with pytest.raises(ApiError) as info:
            submit_import(s.imports, ledger, _request(location), project_id=s.project_id,
                          region=None)
        after = sum(1 for r in cloud.requests() if r["method"] == "POST"
                    and r["service"] == "image-import")
        s.close()
    assert info.value.error_code == "50301"
    assert info.value.retryable
    assert after == posts + 1  # exactly one more POST: no automatic re-POST
    assert [e.phase for e in ledger.entries()] == ["rejected", "registered"]


def test_expired_token_is_renewed_without_asking(sandbox: Any, session: CloudSession) -> None:
    location = _upload(session)
    sandbox.expire_tokens()
    entry = submit_import(session.imports, Ledger(), _request(location),
                          project_id=session.project_id, region=None)
    assert entry.import_id
    assert session.tokens.renewals == 1


def test_a_token_that_stays_refused_is_unauthorized(sandbox: Any) -> None:
    client = ImageImportClient(HttpClient(), TokenProvider(static_token("bogus")),
                               sandbox.import_url)
    with pytest.raises(Unauthorized) as info:
        client.list()
    assert info.value.status == 401
    assert info.value.field is Field.CREDENTIALS


def test_status_of_an_unknown_id(session: CloudSession) -> None:
    exc = _api_error(lambda: session.imports.status("00000000-0000-0000-0000-000000000000"))
    assert exc.status == 404
    assert exc.error_code == "40401"


def test_list_start_and_limit(session: CloudSession) -> None:
    location = _upload(session)
    ids = [session.imports.register(_request(location, name=f"n{i}")).import_id
           for i in range(3)]
    assert [i.import_id for i in session.imports.list()] == ids[::-1]
    assert [i.import_id for i in session.imports.list(start=1, limit=1)] == [ids[1]]
    assert _api_error(lambda: session.imports.list(start=-1)).error_code == "40035"
    assert _api_error(lambda: session.imports.list(limit=0)).error_code == "40036"


def test_html_from_a_proxy_in_front_of_the_service(sandbox: Any, session: CloudSession) -> None:
    sandbox.inject_fault("image-import", "GET", r"^/v1/imageimport$", 502,
                         body="<html><title>Bad Gateway</title></html>",
                         content_type="text/html")
    # urllib3 retries GETs on 502: the fault is consumed once, the retry succeeds.
    assert session.imports.list() == []


def test_no_secret_reaches_the_logs(sandbox: Any, debug_logs: pytest.LogCaptureFixture) -> None:
    s = _session(sandbox)
    location = _upload(s)
    sandbox.expire_tokens()
    submit_import(s.imports, Ledger(), _request(location), project_id=s.project_id, region=None)
    token = s.tokens.token().value
    s.close()
    assert "imageimport" in debug_logs.text
    assert sandbox.password not in debug_logs.text
    assert token not in debug_logs.text


def test_short_lived_tokens_are_renewed_by_expiry_not_on_every_call() -> None:
    """Tokens of 2 s: reused while fresh, renewed before they run out, uploads never see 401.

    The sandbox and the token manager read one manual clock, so "1.6 s later" takes no time.
    """
    clock = ManualClock()
    with Sandbox(SandboxConfig(token_lifetime=2, conversion_seconds=0, clock=clock)) as cloud:
        session = connect(ConnectionProfile(identity_url=cloud.identity_url, domain=cloud.domain,
                                            username=cloud.user,
                                            project_name=cloud.project_name),
                          cloud.password, clock=lambda: datetime.fromtimestamp(clock.time(), UTC))
        first = session.tokens.token()
        assert session.tokens.token() is first  # fresh: no sign-in per call
        clock.advance(1.6)  # inside the last quarter of its life
        session.imports.list()
        assert session.tokens.renewals == 1
        assert session.tokens.token() is not first
        unauthorized = [r for r in cloud.requests() if r["status"] == 401]
        session.close()
    assert unauthorized == []  # renewed before expiry, never by a refusal


def test_refresh_open_imports_records_states_and_adopts_strangers(sandbox: Any) -> None:
    from vmdkimport.core.register.submit import refresh_open_imports

    s = _session(sandbox)
    location = _upload(s)
    ledger = Ledger()
    mine = submit_import(s.imports, ledger, _request(location), project_id=s.project_id,
                         region=None)
    stranger = s.imports.register(_request(location, name="from-elsewhere")).import_id
    states = {str(mine.import_id): ImportState.QUEUED, stranger: ImportState.QUEUED}

    def both_final() -> bool:
        for import_id in list(states):
            states[import_id] = s.imports.status(import_id).state
        return all(state.final for state in states.values())

    wait_until(both_final, timeout=20, what="both imports to end", show=lambda _: states)
    counts = refresh_open_imports(s.imports, ledger, project_id=s.project_id)
    s.close()
    # ours was open in the ledger and is now known to have succeeded; the stranger is adopted
    # with the state the list reported (already final, so not counted as an open import)
    assert counts == {"succeeded": 1}
    assert ledger.get(str(mine.import_id)).status == "succeeded"  # type: ignore[union-attr]
    adopted = ledger.get(stranger)
    assert adopted is not None
    assert adopted.status == "succeeded"
