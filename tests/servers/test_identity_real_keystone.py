"""Our identity client against a REAL Keystone (Debian's python3-keystone on loopback).

The contract number plays the user's domain, as on K5 / FJcloud-O. These tests prove the client
speaks real Keystone v3, not just our sandbox's idea of it.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
import requests

from servers.fixtures import CONTRACT, PASSWORD, PROJECT, USER
from servers.keystone import KeystoneServer, add_contract
from vmdkimport.core.cloud.endpoints import Endpoints
from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.identity import IdentityClient, PasswordCredentials, TokenManager
from vmdkimport.core.errors import AuthenticationFailed

pytestmark = pytest.mark.realserver


def _creds(keystone: KeystoneServer, **changes: str) -> PasswordCredentials:
    values = {"identity_url": keystone.url, "domain": CONTRACT, "username": USER,
              "password": PASSWORD, "project_name": PROJECT}
    values.update(changes)
    return PasswordCredentials(**values)


def test_sign_in_by_project_name_and_find_endpoints(
    keystone: KeystoneServer, contract: dict[str, str]
) -> None:
    token = IdentityClient(HttpClient()).authenticate(_creds(keystone))
    assert token.project_id == contract["project_id"]
    assert token.project_name == PROJECT
    assert token.domain_name == CONTRACT
    assert token.expires_at > datetime.now(UTC) + timedelta(minutes=30)
    endpoints = Endpoints.resolve(catalog=token.catalog, project_id=token.project_id,
                                  region="RegionOne")
    # The port depends on whether the Swift fixture has re-pointed the endpoint yet.
    assert re.fullmatch(rf"http://127\.0\.0\.1:\d+/v1/AUTH_{contract['project_id']}",
                        endpoints.object_storage_url)
    assert endpoints.import_url == "http://127.0.0.1:9998"


def test_sign_in_by_project_id(keystone: KeystoneServer, contract: dict[str, str]) -> None:
    token = IdentityClient(HttpClient()).authenticate(
        _creds(keystone, project_name="", project_id=contract["project_id"]))
    assert token.project_id == contract["project_id"]
    # the token really works against Keystone itself
    check = requests.get(f"{keystone.url}/auth/tokens", timeout=30,
                         headers={"X-Auth-Token": token.value, "X-Subject-Token": token.value})
    assert check.status_code == 200


def test_wrong_password_is_never_retried(keystone: KeystoneServer,
                                         contract: dict[str, str]) -> None:
    http = HttpClient()
    posts: list[str] = []
    http.session.hooks["response"].append(lambda r, *a, **k: posts.append(r.request.method))
    manager = TokenManager(IdentityClient(http), _creds(keystone, password="wrong-password"))
    with pytest.raises(AuthenticationFailed) as info:
        manager.token()
    assert "5 failed sign-ins within 15 minutes" in info.value.action
    with pytest.raises(AuthenticationFailed):
        manager.token()  # remembered: no second attempt reaches Keystone
    assert posts == ["POST"]


def test_user_without_project_role_is_refused(keystone: KeystoneServer,
                                              contract: dict[str, str]) -> None:
    add_contract(keystone, domain=CONTRACT, project=PROJECT, user="norole",
                 password="norole-Secret-1", roles=())
    with pytest.raises(AuthenticationFailed):
        IdentityClient(HttpClient()).authenticate(
            _creds(keystone, username="norole", password="norole-Secret-1"))


def test_renewal_before_expiry_gets_a_new_real_token(keystone: KeystoneServer,
                                                     contract: dict[str, str]) -> None:
    now = [datetime.now(UTC)]
    manager = TokenManager(IdentityClient(HttpClient()), _creds(keystone),
                           clock=lambda: now[0])
    first = manager.token()
    assert manager.token() is first
    now[0] = first.expires_at - timedelta(minutes=5)  # inside the renewal margin
    second = manager.token()
    assert second.value != first.value
    assert manager.renewals == 1


def test_no_secret_in_debug_logs(keystone: KeystoneServer, contract: dict[str, str],
                                 debug_logs: pytest.LogCaptureFixture) -> None:
    token = IdentityClient(HttpClient()).authenticate(_creds(keystone))
    logging.getLogger("test").debug("done")
    text = debug_logs.text
    assert "auth/tokens" in text  # the request was logged...
    assert PASSWORD not in text
    assert token.value not in text
