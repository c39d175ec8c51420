"""50301 as the provider's page has it: refused with N imports running, and the advice for it.

Table 5's action for 50301 depends on a number the answer does not carry: "When the count is 100
or less per contract, re-execute after completing other import requests. Otherwise, contact
support." The sandbox refuses with as many imports running as it is told; our register flow then
counts them through the list (page by page, as the reference's ``start``/``limit`` allow) and
gives the half of the action that applies, with the count. These tests drive both ends: the
sandbox by raw HTTP, the flow through the same clients the wizard and the CLI use.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from helpers.sandbox_cloud import Cloud, vmdk
from helpers.sandbox_cloud import finished as has_finished
from vmdkimport.core import error_catalog
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.cloud.session import CloudSession, connect
from vmdkimport.core.error_catalog import TABLE5
from vmdkimport.core.errors import ApiError
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.core.register.submit import submit_import
from vmdkimport.core.request import ImportRequest
from vmdkimport.sandbox import ManualClock

LONG = 600.0  # conversion time: nothing finishes unless the clock is moved (tokens live 3 h)


@pytest.fixture
def sessions() -> Iterator[Callable[[Cloud], CloudSession]]:
    opened: list[CloudSession] = []

    def open_for(cloud: Cloud) -> CloudSession:
        sb = cloud.sb
        session = connect(ConnectionProfile(
            name="t", region=sb.region, identity_url=sb.identity_url, domain=sb.domain,
            username=sb.user, project_name=sb.project_name), sb.password)
        opened.append(session)
        return session

    yield open_for
    for session in opened:
        session.close()


def _busy_cloud(make_cloud: Callable[..., Cloud], running: int, *, finished: int = 0
                ) -> tuple[Cloud, str]:
    """A sandbox refusing the next import with ``running`` imports running (and ``finished``
    older ones that ended): the location of a good object in it."""
    clock = ManualClock()
    cloud = make_cloud(max_active_imports=running, conversion_seconds=LONG, clock=clock)
    location = cloud.put_object("images", "disk.vmdk", vmdk())
    for _ in range(finished):  # one at a time: each must end before the limit allows the next
        ended = cloud.start_import(location)
        clock.advance(2 * LONG)
        cloud.follow(ended, until=has_finished)  # its end also waits for the sandbox's disk check
    for _ in range(running):
        cloud.start_import(location)
    return cloud, location


def _posts(cloud: Cloud) -> int:
    return sum(1 for r in cloud.sb.requests()
               if r["service"] == "image-import" and r["method"] == "POST")


def _list_calls(cloud: Cloud) -> int:
    return sum(1 for r in cloud.sb.requests() if r["service"] == "image-import"
               and r["method"] == "GET" and r["path"] == "/v1/imageimport")


def _refused(session: CloudSession, location: str) -> ApiError:
    request = ImportRequest(name="web-01", location=location, os_type="ubuntu")
    with pytest.raises(ApiError) as info:
        submit_import(session.imports, Ledger(), request, project_id=session.project_id,
                      region=None)
    assert info.value.error_code == "50301"
    return info.value


# --- the sandbox ---------------------------------------------------------------------------------

@pytest.mark.parametrize("running", [1, 3])
def test_sandbox_refuses_with_n_imports_running_and_lists_them(
        make_cloud: Callable[..., Cloud], running: int) -> None:
    cloud, location = _busy_cloud(make_cloud, running, finished=2)
    refused = cloud.register({"name": "n", "location": location, "os_type": "centos"})
    assert refused.status_code == 503
    assert refused.json() == {"error_code": "50301",
                              "message": TABLE5["50301"].provider_message}
    states = [i["import_status"] for i in cloud.listing().json()["imports"]]
    assert sorted(states) == sorted(["queued"] * running + ["succeeded"] * 2)


# --- the register flow's advice ------------------------------------------------------------------

def test_few_running_says_try_again_after_they_finish(
        make_cloud: Callable[..., Cloud], sessions: Callable[[Cloud], CloudSession]) -> None:
    cloud, location = _busy_cloud(make_cloud, 3, finished=2)
    session = sessions(cloud)
    posts = _posts(cloud)
    exc = _refused(session, location)
    assert exc.action == error_catalog.busy_action(3)
    assert "try again after" in exc.action
    assert exc.retryable
    assert _posts(cloud) == posts + 1  # counting never re-sends the register call
    assert Ledger().entries()[0].phase == "rejected"


def test_more_than_100_running_says_contact_support(
        make_cloud: Callable[..., Cloud], sessions: Callable[[Cloud], CloudSession]) -> None:
    # 101 do not fit in one list answer (at most 100): the count needs a second page.
    cloud, location = _busy_cloud(make_cloud, 101)
    exc = _refused(sessions(cloud), location)
    assert exc.action == error_catalog.busy_action(101)
    assert "contact support" in exc.action.lower()
    assert _list_calls(cloud) == 2


def test_no_count_gives_both_halves_plainly(
        make_cloud: Callable[..., Cloud], sessions: Callable[[Cloud], CloudSession]) -> None:
    cloud, location = _busy_cloud(make_cloud, 2)
    cloud.sb.inject_fault("image-import", "GET", r"^/v1/imageimport$", 500,
                          error_code="50001", count=10)
    exc = _refused(sessions(cloud), location)
    assert exc.action == TABLE5["50301"].fix


def test_a_list_that_ignores_start_ends_the_count(
        make_cloud: Callable[..., Cloud], sessions: Callable[[Cloud], CloudSession]) -> None:
    """A service that answers every page with the same 100 imports must not be asked for ever,
    nor give a count it does not have."""
    cloud, location = _busy_cloud(make_cloud, 1)
    cloud.sb.inject_fault("image-import", "POST", r"^/v1/imageimport$", 503,
                          error_code="50301")
    page = {"imports": [{"import_id": str(uuid.uuid4()), "import_status": "processing",
                         "status": "/v1/imageimport/x/status"} for _ in range(100)]}
    cloud.sb.inject_fault("image-import", "GET", r"^/v1/imageimport$", 200,
                          body=json.dumps(page), content_type="application/json", count=1000)
    exc = _refused(sessions(cloud), location)
    assert exc.action == TABLE5["50301"].fix
    assert _list_calls(cloud) == 2


@pytest.mark.parametrize("answer", [
    {"imports": "many"}, {"imports": [{"import_id": 7, "import_status": "queued"}]}, [1, 2],
])
def test_a_list_answer_of_the_wrong_shape_is_no_traceback(
        make_cloud: Callable[..., Cloud], sessions: Callable[[Cloud], CloudSession],
        answer: Any) -> None:
    cloud, location = _busy_cloud(make_cloud, 1)
    cloud.sb.inject_fault("image-import", "GET", r"^/v1/imageimport$", 200,
                          body=json.dumps(answer), content_type="application/json", count=10)
    exc = _refused(sessions(cloud), location)
    # (a list whose "imports" is no array reads as empty today: the list call's own parsing)
    assert exc.action in (TABLE5["50301"].fix, error_catalog.busy_action(0))
    if answer != {"imports": "many"}:
        assert exc.action == TABLE5["50301"].fix
