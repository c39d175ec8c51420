"""The Keystone harness against itself: raw v3 requests, as the wizard will send them.

These tests pin down what a real Keystone answers for a FJcloud-style contract (domain =
contract number), so the client code can be written against facts rather than a mock.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from servers.fixtures import CONTRACT, PASSWORD, PROJECT, USER
from servers.keystone import KeystoneServer, add_contract

pytestmark = pytest.mark.realserver


def _password_auth(
    url: str, *, user: str, password: str, domain: str, scope: dict[str, Any] | None
) -> requests.Response:
    auth: dict[str, Any] = {
        "identity": {
            "methods": ["password"],
            "password": {"user": {"name": user, "domain": {"name": domain}, "password": password}},
        }
    }
    if scope is not None:
        auth["scope"] = scope
    return requests.post(f"{url}/auth/tokens", json={"auth": auth}, timeout=30)


def _assert_project_token(response: requests.Response, project_id: str) -> None:
    assert response.status_code == 201, response.text
    assert response.headers["X-Subject-Token"]
    token = response.json()["token"]
    assert token["project"]["id"] == project_id
    assert token["project"]["name"] == PROJECT
    assert token["project"]["domain"]["name"] == CONTRACT
    expires_at = datetime.fromisoformat(token["expires_at"])
    assert expires_at > datetime.now(UTC)

    urls = {
        (service["name"], service["type"]): [
            e["url"] for e in service["endpoints"] if e["interface"] == "public"
        ]
        for service in token["catalog"]
    }
    # One endpoint, with the project id substituted; its port depends on whether the Swift
    # fixture has re-pointed it yet.
    [storage_url] = urls[("objectstorage", "object-store")]
    assert re.fullmatch(rf"http://127\.0\.0\.1:\d+/v1/AUTH_{project_id}", storage_url)
    assert urls[("vmimport", "vmimport")] == ["http://127.0.0.1:9998"]


def test_token_scoped_by_project_id(keystone: KeystoneServer, contract: dict[str, str]) -> None:
    response = _password_auth(
        keystone.url,
        user=USER,
        password=PASSWORD,
        domain=CONTRACT,
        scope={"project": {"id": contract["project_id"]}},
    )
    _assert_project_token(response, contract["project_id"])
    assert response.json()["token"]["user"]["id"] == contract["user_id"]


def test_token_scoped_by_project_and_domain_name(
    keystone: KeystoneServer, contract: dict[str, str]
) -> None:
    response = _password_auth(
        keystone.url,
        user=USER,
        password=PASSWORD,
        domain=CONTRACT,
        scope={"project": {"name": PROJECT, "domain": {"name": CONTRACT}}},
    )
    _assert_project_token(response, contract["project_id"])


def test_wrong_password_is_401(keystone: KeystoneServer, contract: dict[str, str]) -> None:
    response = _password_auth(
        keystone.url,
        user=USER,
        password=PASSWORD + "x",
        domain=CONTRACT,
        scope={"project": {"id": contract["project_id"]}},
    )
    assert response.status_code == 401
    assert "X-Subject-Token" not in response.headers


def test_user_without_roles_cannot_scope_to_the_project(
    keystone: KeystoneServer, contract: dict[str, str]
) -> None:
    """roles=() is the 'valid login, no rights on this project' case: 401, not 403."""
    ids = add_contract(
        keystone, domain=CONTRACT, project=PROJECT, user="bob", password="bob-Secret-1", roles=()
    )
    assert ids["domain_id"] == contract["domain_id"]
    assert ids["project_id"] == contract["project_id"]

    scoped = _password_auth(
        keystone.url,
        user="bob",
        password="bob-Secret-1",
        domain=CONTRACT,
        scope={"project": {"id": contract["project_id"]}},
    )
    assert scoped.status_code == 401

    unscoped = _password_auth(
        keystone.url, user="bob", password="bob-Secret-1", domain=CONTRACT, scope=None
    )
    assert unscoped.status_code == 201
    assert "project" not in unscoped.json()["token"]
