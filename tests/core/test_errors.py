"""Any answer becomes a clear message with status and request id, never a traceback."""

from __future__ import annotations

import pytest
import requests
import requests_mock

from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.error_catalog import Where
from vmdkimport.core.errors import ApiError, TransportError
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text

URL = "https://vmimport.jp-east-1.cloud.global.fujitsu.com/v1/imageimport"


def _post(m: requests_mock.Mocker, **kwargs: object) -> ApiError:
    m.post(URL, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ApiError) as info:
        HttpClient().request("POST", URL, service="image-import", json={})
    return info.value


def test_documented_code_gives_catalog_text_and_request_id() -> None:
    with requests_mock.Mocker() as m:
        exc = _post(m, status_code=400, json={"error_code": "40006",
                                              "message": "Parameter 'os_type' has invalid value."},
                    headers={"X-Openstack-Request-Id": "req-123"})
    assert exc.error_code == "40006"
    assert exc.request_id == "req-123"
    assert "OS type" in str(exc)
    assert "req-123" in str(exc)
    assert "HTTP 400" in str(exc)
    assert isinstance(exc.action, Text)
    assert exc.action.args == {"where": Where(Field.OS_TYPE)}  # each front end says where
    assert not exc.retryable


def test_html_error_page_from_a_proxy() -> None:
    page = "<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>"
    with requests_mock.Mocker() as m:
        exc = _post(m, status_code=502, text=page, headers={"Content-Type": "text/html",
                                                            "X-Request-Id": "abc"})
    text = str(exc)
    assert "502 Bad Gateway" in text
    assert "<" not in text
    assert "abc" in text
    assert exc.retryable


def test_non_json_body_and_unknown_code() -> None:
    with requests_mock.Mocker() as m:
        exc = _post(m, status_code=400, json={"error_code": "49999", "message": "Odd."})
    assert "49999" in str(exc)
    assert "does not know" in str(exc)
    assert "Odd." in str(exc)
    with requests_mock.Mocker() as m:
        exc = _post(m, status_code=500, text="")
    assert "HTTP 500" in str(exc)
    assert exc.retryable


def test_broken_json_with_json_content_type() -> None:
    with requests_mock.Mocker() as m:
        exc = _post(m, status_code=503, text="{not json",
                    headers={"Content-Type": "application/json"})
    assert "HTTP 503" in str(exc)
    assert exc.retryable


def test_connection_refused_is_a_transport_error_not_an_unknown_outcome() -> None:
    with pytest.raises(TransportError) as info:
        HttpClient(HttpSettings(read_retries=0)).request(
            "POST", "http://127.0.0.1:9/v1/imageimport", service="image-import", json={})
    assert not info.value.outcome_unknown
    assert "127.0.0.1:9" in str(info.value)


def test_timeout_after_sending_a_post_is_an_unknown_outcome() -> None:
    with requests_mock.Mocker() as m:
        m.post(URL, exc=requests.exceptions.ReadTimeout("read timed out"))
        with pytest.raises(TransportError) as info:
            HttpClient().request("POST", URL, service="image-import", json={})
    assert info.value.outcome_unknown
    assert "list" in info.value.action


def test_tls_failure_names_the_ca_bundle_setting() -> None:
    with requests_mock.Mocker() as m:
        m.get(URL, exc=requests.exceptions.SSLError("certificate verify failed"))
        with pytest.raises(TransportError) as info:
            HttpClient().request("GET", URL, service="image-import")
    assert "CA bundle" in str(info.value)


def test_a_redirect_names_only_where_it_pointed() -> None:
    from vmdkimport.core.errors import Redirected

    with requests_mock.Mocker() as m:
        m.post(URL, status_code=307, headers={
            "Location": "http://user:pw@evil.example:8080/v3/auth/tokens?token=tok-123",
            "X-Openstack-Request-Id": "req-9"})
        with pytest.raises(Redirected) as info:
            HttpClient().request("POST", URL, service="image-import", json={"password": "pw"})
        assert m.call_count == 1
    text = info.value.user_text()
    assert "http://evil.example:8080" in text
    assert "HTTP 307" in text
    assert "req-9" in text
    for secret in ("tok-123", "pw", "/v3/auth"):
        assert secret not in text
    assert not info.value.retryable
