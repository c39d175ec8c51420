"""The sandbox's image import API against the provider's page: every Table 5 row, status, list.

Each Table 5 row is provoked by a request that should cause it, and the answer must carry the
row's status and verbatim message (taken from the error catalog, which quotes the page).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers.sandbox_cloud import MAX_IMAGE, Cloud, finished, sha1, vmdk
from vmdkimport.core.error_catalog import LIST_CODES, TABLE5
from vmdkimport.sandbox import ManualClock, Sandbox, SandboxConfig, bounces
from vmdkimport.sandbox.imports import (
    BOUNCE_FROM,
    BOUNCE_UNTIL,
    FAIL_AT,
    QUEUED_UNTIL,
    import_state,
    timeline,
)

REQUEST_ID = re.compile(r"req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")
REMOVE = object()


@pytest.fixture(scope="module")
def disk(shared_sandbox: Sandbox) -> dict[str, Any]:
    """A small VMDK, and one just over the image size limit, in the shared sandbox."""
    c = Cloud(shared_sandbox)
    data = vmdk(4096)
    info = {
        "data": data,
        "location": c.put_object("images", "disk.vmdk", data),
        "too_large": c.put_object("images", "large.vmdk", vmdk(MAX_IMAGE + 1)),
    }
    c.close()
    return info


def assert_provider_error(response: Any, code: str) -> None:
    entry = TABLE5.get(code) or LIST_CODES[code]
    assert response.status_code == entry.status, response.text
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {"error_code": code, "message": entry.provider_message}
    assert REQUEST_ID.fullmatch(response.headers["X-Openstack-Request-Id"])


def body_with(location: str, change: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"name": "image", "location": location, "os_type": "centos"}
    for key, value in change.items():
        if value is REMOVE:
            body.pop(key, None)
        else:
            body[key] = value
    return body


# --- Table 5, one row at a time ------------------------------------------------------------------

@pytest.mark.parametrize(("code", "change"), [
    ("40001", {"name": REMOVE}),
    ("40002", {"location": REMOVE}),
    ("40005", {"os_type": REMOVE}),
    ("40006", {"os_type": "windows10"}),
    ("40025", {"location": "/v1/AUTH_{project}/images/disk.img"}),  # bad format
    ("40025", {"location": "/v1/AUTH_{project}/images/missing.vmdk"}),  # no such object
    ("40025", {"location": "/v1/AUTH_{other}/images/disk.vmdk"}),  # another project
    ("40026", {"conversion": "yes"}),
    ("40027", {"id": "not-a-uuid"}),  # bad uuid; the duplicate case is tested below
    ("40028", {"name": " padded "}),
    ("40031", {"checksum": "abc123"}),
    ("40032", {"min_ram": -1}),
    ("40033", {"min_disk": 1.5}),
    ("40034", {"os_type": "win2012R2SE", "kms": {"activate": False}}),
    # the page marks only server_info optional: kms always carries "activate": true
    ("40034", {"os_type": "win2012R2SE", "kms": {"server_info": "kms.example.com:1688"}}),
    # "FQDN: Port number": an IP address is not a name
    ("40034", {"os_type": "win2012R2SE",
               "kms": {"server_info": "10.0.0.5:1688", "activate": True}}),
    ("40034", {"os_type": "win2012R2SE",
               "kms": {"server_info": "[2001:db8::5]:1688", "activate": True}}),
    ("40037", {"location": "{too_large}"}),
], ids=lambda v: v if isinstance(v, str) else None)
def test_table5_row_from_the_body(cloud: Cloud, disk: dict[str, Any], code: str,
                                  change: dict[str, Any]) -> None:
    change = {k: v.format(project=cloud.sb.project_id, other="f" * 32,
                          too_large=disk["too_large"]) if isinstance(v, str) else v
              for k, v in change.items()}
    assert_provider_error(cloud.register(body_with(disk["location"], change)), code)


def test_first_problem_wins(cloud: Cloud, disk: dict[str, Any]) -> None:
    response = cloud.register({"min_ram": -1, "os_type": "nope"})
    assert_provider_error(response, "40001")


def test_40011_token_without_project(cloud: Cloud, disk: dict[str, Any]) -> None:
    unscoped = cloud.sign_in(scope=None)
    assert_provider_error(cloud.register(body_with(disk["location"], {}), token=unscoped),
                          "40011")
    assert_provider_error(cloud.status(str(uuid.uuid4()), token=unscoped), "40011")
    assert_provider_error(cloud.listing(token=unscoped), "40011")


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b"", b'{"name": NaN}', b"\xff\xfe"])
def test_40014_body_is_not_a_json_object(cloud: Cloud, raw: bytes) -> None:
    assert_provider_error(cloud.register(None, raw=raw), "40014")


def test_40027_image_id_already_used(cloud: Cloud, disk: dict[str, Any]) -> None:
    image_id = str(uuid.uuid4())
    first = cloud.register(body_with(disk["location"], {"id": image_id}))
    assert first.status_code == 201
    again = cloud.register(body_with(disk["location"], {"id": image_id.upper()}))
    assert_provider_error(again, "40027")


def test_40301_user_without_import_right(cloud: Cloud, disk: dict[str, Any]) -> None:
    viewer = cloud.sign_in(user="viewer")
    assert_provider_error(cloud.register(body_with(disk["location"], {}), token=viewer), "40301")
    # Checked before the body: even an empty body gets 40301.
    assert_provider_error(cloud.register(None, raw=b"", token=viewer), "40301")


@pytest.mark.parametrize("code", ["50001", "50002", "50003"])
def test_internal_errors_by_fault_injection(cloud: Cloud, disk: dict[str, Any],
                                            code: str) -> None:
    cloud.sb.inject_fault("image-import", "POST", r"^/v1/imageimport$", 500, error_code=code)
    assert_provider_error(cloud.register(body_with(disk["location"], {})), code)
    assert cloud.register(body_with(disk["location"], {})).status_code == 201  # count was 1


def test_50301_too_many_active_imports(make_cloud: Callable[..., Cloud]) -> None:
    c = make_cloud(max_active_imports=1, conversion_seconds=60)
    location = c.put_object("images", "disk.vmdk", vmdk())
    assert c.register(body_with(location, {})).status_code == 201
    assert_provider_error(c.register(body_with(location, {})), "50301")


def test_50301_frees_up_when_imports_finish(make_cloud: Callable[..., Cloud]) -> None:
    c = make_cloud(max_active_imports=1, conversion_seconds=0.2)
    location = c.put_object("images", "disk.vmdk", vmdk())
    first = c.start_import(location)
    c.follow(first, until=finished)
    assert c.register(body_with(location, {})).status_code == 201


@pytest.mark.parametrize("token", [None, "not-a-token"])
def test_401_without_or_with_a_bad_token(cloud: Cloud, disk: dict[str, Any],
                                         token: str | None) -> None:
    headers = {"X-Auth-Token": token} if token else {}
    for response in (
        cloud.http.post(f"{cloud.sb.import_url}/v1/imageimport", headers=headers,
                        json=body_with(disk["location"], {}), timeout=10),
        cloud.http.get(f"{cloud.sb.import_url}/v1/imageimport", headers=headers, timeout=10),
        cloud.http.get(f"{cloud.sb.import_url}/v1/imageimport/x/status", headers=headers,
                       timeout=10),
    ):
        assert response.status_code == 401
        assert response.json()["message"]
        assert REQUEST_ID.fullmatch(response.headers["X-Openstack-Request-Id"])


def test_register_accepts_a_good_body(cloud: Cloud, disk: dict[str, Any]) -> None:
    response = cloud.register(body_with(disk["location"], {}))
    assert response.status_code == 201
    assert set(response.json()) == {"import_id"}
    assert uuid.UUID(response.json()["import_id"]).version == 4
    assert REQUEST_ID.fullmatch(response.headers["X-Openstack-Request-Id"])


def test_retired_fields_are_accepted_and_the_password_is_never_kept(
        cloud: Cloud, disk: dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    secret = "legacy-Secret-0815"
    legacy = {"conversion": True, "user_name": "demo", "password": secret,
              "domain_name": "C0000001", "disk_format": "raw", "container_format": "bare",
              "ovf_location": "", "kms": "ignored for Linux"}
    import_id = cloud.start_import(disk["location"], **legacy)
    status = cloud.status(import_id).text
    assert secret not in status
    assert "user_name" not in status
    assert cloud.sb.data_dir is not None
    assert secret not in (cloud.sb.data_dir / "imports.json").read_text()
    assert secret not in caplog.text
    assert cloud.token not in caplog.text


# --- status --------------------------------------------------------------------------------------

def test_status_fields(cloud: Cloud, disk: dict[str, Any]) -> None:
    image_id = str(uuid.uuid4())
    checksum = sha1(disk["data"])
    import_id = cloud.start_import(disk["location"], name="my image", id=image_id,
                                   min_ram=2048, checksum=checksum)
    seen = cloud.follow(import_id, until=finished)
    final = seen[-1]
    assert final == {
        "import_status": "succeeded", "progress": 100, "name": "my image",
        "disk_format": "raw", "container_format": "bare", "location": disk["location"],
        "id": image_id, "min_ram": 2048, "min_disk": 0, "os_type": "centos",
        "checksum": checksum, "is_public": False, "properties": {},
    }


def test_generated_image_id_and_no_checksum(cloud: Cloud, disk: dict[str, Any]) -> None:
    final = cloud.follow(cloud.start_import(disk["location"]), until=finished)[-1]
    assert uuid.UUID(final["id"])
    assert "checksum" not in final
    assert "error_message" not in final


def test_404_for_an_unknown_import_id(cloud: Cloud) -> None:
    assert_provider_error(cloud.status(str(uuid.uuid4())), "40401")
    assert cloud.status(str(uuid.uuid4())).json() == {"error_code": "40401",
                                                      "message": "Invalid import_id."}


def test_status_progresses_to_succeeded(make_cloud: Callable[..., Cloud]) -> None:
    clock = ManualClock()
    c = make_cloud(conversion_seconds=1.5, clock=clock)
    location = c.put_object("images", "disk.vmdk", vmdk())
    import_id = c.start_import(location)
    seen = c.step_through([import_id], clock, step=0.015, until=finished)[import_id]
    statuses = [s["import_status"] for s in seen]
    progress = [s["progress"] for s in seen]
    assert statuses[0] == "queued"
    assert "processing" in statuses
    assert statuses[-1] == "succeeded"
    assert progress[-1] == 100
    assert progress == sorted(progress)
    assert all(isinstance(p, int) and 0 <= p <= 99 for p in progress[:-1])
    assert len(set(progress)) > 3  # it really moves


def test_failed_when_the_checksum_does_not_match(cloud: Cloud, disk: dict[str, Any]) -> None:
    wrong = sha1(b"something else")
    seen = cloud.follow(cloud.start_import(disk["location"], checksum=wrong), until=finished)
    final = seen[-1]
    assert final["import_status"] == "failed"
    assert final["progress"] < 100
    assert "SHA1" in final["error_message"]
    assert wrong in final["error_message"]
    assert "succeeded" not in [s["import_status"] for s in seen]


def test_failed_when_the_object_is_not_a_vmdk(cloud: Cloud) -> None:
    location = cloud.put_object("images", "flat.vmdk", b"\x00" * 4096)
    final = cloud.follow(cloud.start_import(location), until=finished)[-1]
    assert final["import_status"] == "failed"
    assert "not a VMDK sparse/streamOptimized" in final["error_message"]


@pytest.mark.parametrize(("data", "expected"), [(vmdk(), "succeeded"), (b"raw", "failed")])
def test_zero_conversion_time_shows_the_end_at_once(make_cloud: Callable[..., Cloud],
                                                    data: bytes, expected: str) -> None:
    c = make_cloud(conversion_seconds=0)
    location = c.put_object("images", "disk.vmdk", data)
    assert c.status(c.start_import(location)).json()["import_status"] == expected


def test_large_objects_are_imported_assembled(cloud: Cloud) -> None:
    data = vmdk(3000, seed=b"segmented")
    cloud.swift("PUT", "/segs")
    cloud.swift("PUT", "/segs/big.vmdk/0001", data=data[:1000])
    cloud.swift("PUT", "/segs/big.vmdk/0002", data=data[1000:])
    cloud.swift("PUT", "/images/dlo.vmdk", data=b"",
                headers={"X-Object-Manifest": "segs/big.vmdk/"})
    location = cloud.location("images", "dlo.vmdk")
    final = cloud.follow(cloud.start_import(location, checksum=sha1(data)), until=finished)[-1]
    assert final["import_status"] == "succeeded"
    # 40037 looks at the assembled size, not the manifest's.
    cloud.swift("PUT", "/segs/huge.vmdk/0001", data=vmdk(MAX_IMAGE))
    cloud.swift("PUT", "/segs/huge.vmdk/0002", data=b"x")
    cloud.swift("PUT", "/images/huge.vmdk", data=b"",
                headers={"X-Object-Manifest": "segs/huge.vmdk/"})
    assert_provider_error(cloud.register(body_with(cloud.location("images", "huge.vmdk"), {})),
                          "40037")


# --- the conversion timeline ---------------------------------------------------------------------

@pytest.mark.parametrize("bounce", [False, True])
def test_timeline_shape(bounce: bool) -> None:
    points = [i / 1000 for i in range(0, 1001)]
    states = [timeline(f, bounce=bounce) for f in points]
    assert states[0] == ("queued", 0)
    assert states[-1] == ("succeeded", 100)
    progress = [p for _, p in states]
    assert progress == sorted(progress)
    assert all(s == "queued" for (s, _), f in zip(states, points, strict=True)
               if f < QUEUED_UNTIL)
    in_bounce = [s for (s, _), f in zip(states, points, strict=True)
                 if BOUNCE_FROM <= f < BOUNCE_UNTIL]
    assert set(in_bounce) == ({"queued"} if bounce else {"processing"})
    # A failing import fails at half-way and keeps the progress it had there.
    assert import_state(0.9, bounce=bounce, verdict="broken") == (
        "failed", timeline(FAIL_AT, bounce=bounce)[1], "broken")
    # Without a verdict yet it waits before the half-way mark.
    assert import_state(0.9, bounce=bounce, verdict=None)[0] == "processing"


def test_about_one_import_in_three_bounces() -> None:
    share = sum(bounces(str(uuid.uuid4())) for _ in range(3000)) / 3000
    assert 0.25 < share < 0.42
    some_id = str(uuid.uuid4())
    assert bounces(some_id) == bounces(some_id)


def test_a_bouncing_import_goes_back_to_queued_once(make_cloud: Callable[..., Cloud]) -> None:
    clock = ManualClock()  # all imports start at the same instant; each step is 1% of the way
    c = make_cloud(conversion_seconds=1.5, max_active_imports=1000, clock=clock)
    location = c.put_object("images", "disk.vmdk", vmdk())
    ids: dict[bool, str] = {}
    for _ in range(40):
        import_id = c.start_import(location)
        ids.setdefault(bounces(import_id), import_id)
        if len(ids) == 2:
            break
    assert len(ids) == 2, "no bouncing (or no steady) import in 40 tries"
    steps = c.step_through(list(ids.values()), clock, step=0.015, until=finished)
    seen = {bounce: [(s["import_status"], s["progress"]) for s in steps[import_id]]
            for bounce, import_id in ids.items()}

    def phases(states: list[tuple[str, int]]) -> list[str]:
        out: list[str] = []
        for status, _ in states:
            if not out or out[-1] != status:
                out.append(status)
        return out

    assert phases(seen[True]) == ["queued", "processing", "queued", "processing", "succeeded"]
    assert phases(seen[False]) == ["queued", "processing", "succeeded"]
    progress = [p for _, p in seen[True]]
    assert progress == sorted(progress)  # the progress is kept while queued again
    requeued = [p for i, (s, p) in enumerate(seen[True]) if s == "queued" and i > 0 and p > 0]
    assert requeued
    assert len(set(requeued)) == 1


# --- list ----------------------------------------------------------------------------------------

def test_list_newest_first_with_start_and_limit(make_cloud: Callable[..., Cloud]) -> None:
    c = make_cloud(conversion_seconds=60)
    location = c.put_object("images", "disk.vmdk", vmdk())
    ids = [c.start_import(location) for _ in range(4)]
    newest_first = ids[::-1]

    def listed(**params: str) -> list[str]:
        response = c.listing(params)
        assert response.status_code == 200, response.text
        return [item["import_id"] for item in response.json()["imports"]]

    assert listed() == newest_first
    assert listed(start="1") == newest_first[1:]
    assert listed(limit="2") == newest_first[:2]
    assert listed(start="1", limit="2") == newest_first[1:3]
    assert listed(start="10") == []
    item = c.listing().json()["imports"][0]
    assert item == {"import_id": ids[-1], "import_status": "queued",
                    "status": f"/v1/imageimport/{ids[-1]}/status"}


@pytest.mark.parametrize(("params", "code"), [
    ({"start": "-1"}, "40035"), ({"start": "x"}, "40035"), ({"start": ""}, "40035"),
    ({"start": "1.5"}, "40035"), ({"limit": "0"}, "40036"), ({"limit": "-3"}, "40036"),
    ({"limit": "ten"}, "40036"), ({"limit": ""}, "40036"),
    ({"start": "x", "limit": "0"}, "40035"),
])
def test_list_parameter_errors(cloud: Cloud, params: dict[str, str], code: str) -> None:
    assert_provider_error(cloud.listing(params), code)


def test_list_never_holds_more_than_100(make_cloud: Callable[..., Cloud]) -> None:
    c = make_cloud(conversion_seconds=60, max_active_imports=1000)
    location = c.put_object("images", "disk.vmdk", vmdk())
    ids = [c.start_import(location) for _ in range(105)]
    everything = c.listing().json()["imports"]
    assert len(everything) == 100
    assert everything[0]["import_id"] == ids[-1]
    assert len(c.listing({"limit": "500"}).json()["imports"]) == 100
    rest = c.listing({"start": "100"}).json()["imports"]
    assert [i["import_id"] for i in rest] == ids[4::-1]


# --- persistence ---------------------------------------------------------------------------------

def test_imports_and_objects_survive_a_restart(tmp_path: Path) -> None:
    config = SandboxConfig(data_dir=tmp_path, conversion_seconds=0.5)
    data = vmdk(5000, seed=b"kept")
    with Sandbox(config) as sb:
        c = Cloud(sb)
        location = c.put_object("images", "kept.vmdk", data)
        import_id = c.start_import(location, checksum=sha1(data))
        c.close()
    saved = json.loads((tmp_path / "imports.json").read_text())
    assert [i["import_id"] for i in saved["imports"]] == [import_id]

    with Sandbox(config) as sb:
        c = Cloud(sb)
        assert c.swift("GET", "/images/kept.vmdk").content == data
        assert [i["import_id"] for i in c.listing().json()["imports"]] == [import_id]
        final = c.follow(import_id, until=finished)[-1]
        assert final["import_status"] == "succeeded"
        assert final["location"] == location
        c.close()

    # Another project on the same data does not see the import.
    other = SandboxConfig(data_dir=tmp_path, project_id="e" * 32)
    with Sandbox(other) as sb:
        c = Cloud(sb)
        assert_provider_error(c.status(import_id), "40401")
        assert c.listing().json() == {"imports": []}
        c.close()
