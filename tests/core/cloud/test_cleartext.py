"""The clear-text decision: plain http may carry a secret only to this machine, or by choice.

Tests stay on 127.0.0.1, so the decision is tested here as a function, with real remote names;
test_hostile_server.py shows end to end that a refused request sends nothing.
"""

from __future__ import annotations

import pytest

from vmdkimport.core.cloud.cleartext import cleartext_refusal, is_loopback_host
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.errors import url_origin
from vmdkimport.core.rules import Field


@pytest.mark.parametrize("host", ["127.0.0.1", "127.3.4.5", "::1", "[::1]", "localhost",
                                  "LOCALHOST", "localhost.", "app.localhost",
                                  "::ffff:127.0.0.1"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize("host", ["identity.jp-east-1.cloud.global.fujitsu.com", "10.0.0.1",
                                  "192.168.1.10", "128.0.0.1", "::2", "localhost.example.com",
                                  "127.0.0.1.nip.io", "",
                                  "0.0.0.0"])  # noqa: S104  # a name here, not a bind
def test_other_hosts(host: str) -> None:
    assert not is_loopback_host(host)


@pytest.mark.parametrize("url", [
    "http://identity.example.com/v3", "http://10.0.0.1:5000/v3",
    "HTTP://objectstorage.example.com/v1/AUTH_p", "http://user:pw@swift.example.com/v1",
])
def test_plain_http_to_another_host_is_refused(url: str) -> None:
    refusal = cleartext_refusal(url, allowed=False)
    assert refusal is not None
    assert refusal.field is Field.ENDPOINTS
    assert url_origin(url) in str(refusal)
    assert "pw" not in refusal.user_text()
    assert "--allow-http" in refusal.action
    assert "Allow plain http" in refusal.action


def test_the_endpoint_is_named_in_the_message() -> None:
    refusal = cleartext_refusal("http://swift.example.com/v1/AUTH_p", allowed=False,
                                what="object storage")
    assert refusal is not None
    assert "object storage endpoint http://swift.example.com" in str(refusal)


@pytest.mark.parametrize("url", ["https://identity.example.com/v3", "http://127.0.0.1:5000/v3",
                                 "http://localhost/v1", "http://[::1]:8080/v1"])
def test_https_and_loopback_pass(url: str) -> None:
    assert cleartext_refusal(url, allowed=False) is None


def test_the_opt_in_lets_plain_http_through() -> None:
    assert cleartext_refusal("http://identity.example.com/v3", allowed=True) is None


def test_the_loopback_test_is_injectable() -> None:
    assert cleartext_refusal("http://127.0.0.1/v3", allowed=False,
                             is_loopback=lambda host: False) is not None


def test_the_profile_carries_the_opt_in_to_the_http_settings() -> None:
    assert not ConnectionProfile().http_settings().allow_insecure_http
    assert ConnectionProfile(allow_http=True).http_settings().allow_insecure_http
    assert ConnectionProfile.from_dict({"allow_http": True}).allow_http
