"""The sandbox's Keystone v3: tokens, scopes, failures, lockout, expiry and the catalog."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from helpers.sandbox_cloud import Cloud
from vmdkimport.sandbox import ManualClock
from vmdkimport.sandbox.state import LOCKOUT_ATTEMPTS, LOCKOUT_DURATION, LOCKOUT_WINDOW, Lockout

UNAUTHORIZED = {"error": {"code": 401, "message": "The request you have made requires "
                                                  "authentication.", "title": "Unauthorized"}}
ISO_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


def _parse(stamp: str) -> datetime:
    return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def test_version_document(cloud: Cloud) -> None:
    response = cloud.http.get(cloud.sb.identity_url, timeout=10)
    assert response.status_code == 200
    version = response.json()["version"]
    assert version["id"].startswith("v3")
    assert version["links"][0]["href"] == cloud.sb.identity_url + "/"
    assert response.headers["X-Openstack-Request-Id"].startswith("req-")


def test_token_by_project_id(cloud: Cloud) -> None:
    response = cloud.post_token(cloud.auth_body())
    assert response.status_code == 201
    token = response.json()["token"]
    assert len(response.headers["X-Subject-Token"]) > 32
    assert response.headers["X-Subject-Token"] not in response.text
    assert token["methods"] == ["password"]
    assert ISO_RE.fullmatch(token["issued_at"])
    assert ISO_RE.fullmatch(token["expires_at"])
    lifetime = _parse(token["expires_at"]) - _parse(token["issued_at"])
    assert lifetime.total_seconds() == pytest.approx(3 * 3600)
    sb = cloud.sb
    assert token["user"]["name"] == sb.user
    assert token["user"]["domain"]["name"] == sb.domain
    assert token["project"]["id"] == sb.project_id
    assert token["project"]["name"] == sb.project_name
    assert token["project"]["domain"] == token["user"]["domain"]
    assert token["roles"]
    assert all(set(role) == {"id", "name"} for role in token["roles"])


@pytest.mark.parametrize("domain_key", ["name", "id"])
def test_token_by_project_name_and_domain(cloud: Cloud, domain_key: str) -> None:
    domain = cloud.post_token(cloud.auth_body()).json()["token"]["user"]["domain"]
    scope = {"project": {"name": cloud.sb.project_name,
                         "domain": {domain_key: domain[domain_key]}}}
    response = cloud.post_token(cloud.auth_body(scope=scope))
    assert response.status_code == 201
    assert response.json()["token"]["project"]["id"] == cloud.sb.project_id


def test_token_by_user_id(cloud: Cloud) -> None:
    user_id = cloud.post_token(cloud.auth_body()).json()["token"]["user"]["id"]
    body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "id": user_id, "password": cloud.sb.password}}},
        "scope": {"project": {"id": cloud.sb.project_id}}}}
    response = cloud.post_token(body)
    assert response.status_code == 201
    assert response.json()["token"]["user"]["id"] == user_id


def test_unscoped_token_has_no_project_and_no_catalog(cloud: Cloud) -> None:
    response = cloud.post_token(cloud.auth_body(scope=None))
    assert response.status_code == 201
    token = response.json()["token"]
    assert "project" not in token
    assert "catalog" not in token
    # ...and object storage will not take it either.
    storage = cloud.swift("GET", token=response.headers["X-Subject-Token"])
    assert storage.status_code == 403


def test_catalog_shape(cloud: Cloud) -> None:
    catalog = cloud.post_token(cloud.auth_body()).json()["token"]["catalog"]
    by_name = {entry["name"]: entry for entry in catalog}
    assert set(by_name) == {"identityv3", "objectstorage", "vmimport"}
    expected = {"identityv3": ("identity", cloud.sb.identity_url),
                "objectstorage": ("object-store", cloud.sb.object_storage_url),
                "vmimport": ("vmimport", cloud.sb.import_url)}
    for name, (type_, url) in expected.items():
        entry = by_name[name]
        assert set(entry) == {"type", "name", "id", "endpoints"}
        assert entry["type"] == type_
        [endpoint] = entry["endpoints"]
        assert endpoint == {"id": endpoint["id"], "interface": "public",
                            "region": cloud.sb.region, "region_id": cloud.sb.region, "url": url}
    assert by_name["objectstorage"]["endpoints"][0]["url"].endswith(
        f"/v1/AUTH_{cloud.sb.project_id}")


@pytest.mark.parametrize("change", [
    {"password": "wrong-password"},
    {"user": "nobody"},
    {"scope": {"project": {"id": "0" * 32}}},
    {"scope": {"project": {"name": "other-project", "domain": {"name": "C0000001"}}}},
])
def test_wrong_credentials_or_project_are_401(cloud: Cloud, change: dict[str, Any]) -> None:
    response = cloud.post_token(cloud.auth_body(**change))
    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED
    assert "X-Subject-Token" not in response.headers


def test_wrong_domain_is_401(cloud: Cloud) -> None:
    body = cloud.auth_body()
    body["auth"]["identity"]["password"]["user"]["domain"] = {"name": "C9999999"}
    response = cloud.post_token(body)
    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED


@pytest.mark.parametrize("body", [
    "not json",
    [],
    {"auth": {}},
    {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo"}}}}},
    {"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": "demo", "password": "x"}}}}},  # a user name needs its domain
])
def test_malformed_body_is_400_keystone_style(cloud: Cloud, body: Any) -> None:
    if isinstance(body, str):
        response = cloud.http.post(f"{cloud.sb.identity_url}/auth/tokens", data=body,
                                   timeout=10)
    else:
        response = cloud.post_token(body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == 400
    assert error["title"] == "Bad Request"
    assert error["message"]


def test_lockout_after_five_wrong_passwords(cloud: Cloud) -> None:
    assert (LOCKOUT_ATTEMPTS, LOCKOUT_WINDOW, LOCKOUT_DURATION) == (5, 900, 900)  # documented
    cloud.sb.add_user("locky", can_import=True)
    for _ in range(4):
        assert cloud.post_token(cloud.auth_body(user="locky", password="bad")).status_code == 401
    # Four failures do not lock: the right password still works (and resets the count).
    assert cloud.post_token(cloud.auth_body(user="locky")).status_code == 201
    for _ in range(5):
        assert cloud.post_token(cloud.auth_body(user="locky", password="bad")).status_code == 401
    locked = cloud.post_token(cloud.auth_body(user="locky"))
    assert locked.status_code == 401
    assert locked.json() == UNAUTHORIZED
    # Other users of the domain are not affected.
    assert cloud.post_token(cloud.auth_body()).status_code == 201


def test_lockout_window_and_duration() -> None:
    now = [1000.0]
    lockout = Lockout(attempts=5, window=900, duration=900, clock=lambda: now[0])
    for _ in range(4):
        lockout.failed("u")
    now[0] += 901  # the first four are outside the window now
    lockout.failed("u")
    assert not lockout.is_locked("u")
    for _ in range(4):
        lockout.failed("u")
    assert lockout.is_locked("u")
    now[0] += 899
    assert lockout.is_locked("u")
    now[0] += 2
    assert not lockout.is_locked("u")


def test_expire_tokens_invalidates_every_token_issued_so_far(cloud: Cloud) -> None:
    old = cloud.token
    assert cloud.swift("HEAD").status_code == 204
    cloud.sb.expire_tokens()
    assert cloud.swift("HEAD", token=old).status_code == 401
    assert cloud.listing(token=old).status_code == 401
    fresh = cloud.sign_in()
    assert cloud.swift("HEAD", token=fresh).status_code == 204


def test_tokens_expire_after_their_lifetime(make_cloud: Callable[..., Cloud]) -> None:
    clock = ManualClock()
    c = make_cloud(token_lifetime=600, clock=clock)
    body = c.post_token(c.auth_body()).json()["token"]
    lifetime = _parse(body["expires_at"]) - _parse(body["issued_at"])
    assert lifetime.total_seconds() == pytest.approx(600)
    assert c.swift("HEAD").status_code == 204
    assert c.listing().status_code == 200
    clock.advance(599.9)
    assert c.swift("HEAD").status_code == 204  # still alive just before the end
    clock.advance(0.1)
    assert c.swift("HEAD").status_code == 401
    assert c.listing().status_code == 401


def test_a_lockout_ends_after_its_duration_on_the_sandbox_clock(
        make_cloud: Callable[..., Cloud]) -> None:
    clock = ManualClock()
    c = make_cloud(clock=clock)
    for _ in range(LOCKOUT_ATTEMPTS):
        assert c.post_token(c.auth_body(password="bad")).status_code == 401
    assert c.post_token(c.auth_body()).status_code == 401  # locked: the right password too
    clock.advance(LOCKOUT_DURATION - 1)
    assert c.post_token(c.auth_body()).status_code == 401
    clock.advance(1)
    assert c.post_token(c.auth_body()).status_code == 201


def test_projects_of_the_user(cloud: Cloud) -> None:
    unscoped = cloud.sign_in(scope=None)
    response = cloud.http.get(f"{cloud.sb.identity_url}/auth/projects",
                              headers={"X-Auth-Token": unscoped}, timeout=10)
    assert response.status_code == 200
    assert [p["id"] for p in response.json()["projects"]] == [cloud.sb.project_id]
    assert cloud.http.get(f"{cloud.sb.identity_url}/auth/projects",
                          timeout=10).status_code == 401
