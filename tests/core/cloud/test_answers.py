"""Every parser of a server's answer, fed wrong types and sizes: a value or BadAnswer, nothing else.

The parsers take an :class:`Answer`, so hypothesis can throw any JSON at them without a server:
valid answers with one field replaced by a random JSON value, and random objects altogether.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vmdkimport.core.cloud.answers import Answer
from vmdkimport.core.cloud.identity import PasswordCredentials, parse_token
from vmdkimport.core.cloud.imageimport import parse_list, parse_registration, parse_status
from vmdkimport.core.cloud.objectstorage import parse_head, parse_info, parse_listed_object
from vmdkimport.core.errors import BadAnswer, ConfigError, TransportError
from vmdkimport.core.rules import Field

CREDS = PasswordCredentials(identity_url="http://127.0.0.1/v3", domain="C1", username="u",
                            password="pw", project_name="p")
UUID = "6bf65660-70ee-4a75-b61a-36ac040c289c"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.sampled_from(["", "abc", "0", "-1", "1e3", "2026-01-01T00:00:00Z", UUID]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)


def _answer(body: Any, headers: dict[str, str] | None = None, status: int = 200) -> Answer:
    return Answer(service="image-import", status=status, url="http://127.0.0.1/x",
                  content=json.dumps(body).encode(), request_id="req-1",
                  headers=headers or {})


def _token_body() -> dict[str, Any]:
    return {"token": {
        "expires_at": "2099-01-01T00:00:00Z", "issued_at": "2026-01-01T00:00:00Z",
        "project": {"id": "p", "name": "proj"},
        "user": {"id": "u", "name": "alice", "domain": {"name": "C1"}},
        "roles": [{"name": "member"}],
        "catalog": [{"name": "objectstorage", "type": "object-store",
                     "endpoints": [{"interface": "public", "region": "r", "url": "http://x"}]}],
    }}


def _token(body: Any) -> object:
    return parse_token(_answer(body, {"X-Subject-Token": "tok"}, 201), CREDS)


def _listed(body: Any) -> object:
    return [parse_listed_object(i) for i in _answer(body).items()]


#: (parser, a valid body, the paths of its fields that hypothesis replaces)
PARSERS: dict[str, tuple[Callable[[Any], object], Any, list[tuple[str | int, ...]]]] = {
    "token": (_token, _token_body(), [
        ("token",), ("token", "expires_at"), ("token", "issued_at"), ("token", "project"),
        ("token", "project", "id"), ("token", "project", "name"), ("token", "user"),
        ("token", "user", "domain"), ("token", "user", "name"), ("token", "roles"),
        ("token", "catalog"), ("token", "catalog", 0), ("token", "catalog", 0, "endpoints"),
        ("token", "catalog", 0, "endpoints", 0), ("token", "catalog", 0, "endpoints", 0, "url"),
    ]),
    "info": (lambda body: parse_info(_answer(body)),
             {"swift": {"max_file_size": 5368709122}, "slo": {"max_manifest_segments": 1000}},
             [("swift",), ("swift", "max_file_size"), ("slo",),
              ("slo", "max_manifest_segments")]),
    "listing": (_listed, [{"name": "a.vmdk", "bytes": 3, "hash": "x", "last_modified": "t",
                           "content_type": "c"}],
                [(0,), (0, "name"), (0, "bytes"), (0, "hash"), (0, "last_modified"),
                 (0, "content_type")]),
    "registration": (lambda body: parse_registration(_answer(body, status=201)),
                     {"import_id": UUID}, [("import_id",)]),
    "status": (lambda body: parse_status(_answer(body), UUID),
               {"import_status": "processing", "progress": 40, "name": "n", "location": "/l",
                "id": UUID, "os_type": "ubuntu", "min_ram": "0", "min_disk": 3,
                "error_message": None},
               [("import_status",), ("progress",), ("name",), ("location",), ("id",),
                ("os_type",), ("min_ram",), ("min_disk",), ("error_message",), ("message",),
                ("error",)]),
    "list": (lambda body: parse_list(_answer(body)),
             {"imports": [{"import_id": UUID, "import_status": "queued",
                           "status": f"/v1/imageimport/{UUID}/status"}]},
             [("imports",), ("imports", 0), ("imports", 0, "import_id"),
              ("imports", 0, "import_status"), ("imports", 0, "status")]),
}


def _replaced(body: Any, path: tuple[str | int, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(body))
    node = copy
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return copy


def _value_or_bad_answer(parse: Callable[[Any], object], body: Any) -> None:
    error: Exception | None = None
    try:
        parse(body)
    except (BadAnswer, ConfigError) as exc:  # anything else fails the test
        error = exc
    if isinstance(error, BadAnswer):
        assert error.status in (200, 201)
        assert error.request_id == "req-1"
        assert "req-1" in str(error)
    elif isinstance(error, ConfigError):
        # the one well-formed answer we cannot use: a token without a project
        assert error.field is Field.PROJECT


@pytest.mark.parametrize("name", list(PARSERS))
def test_the_valid_answer_parses(name: str) -> None:
    parse, body, _ = PARSERS[name]
    assert parse(body) is not None


@pytest.mark.parametrize("name", list(PARSERS))
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_one_field_of_any_json_type(name: str, data: st.DataObject) -> None:
    parse, body, paths = PARSERS[name]
    path = data.draw(st.sampled_from(paths))
    value = data.draw(json_values)
    _value_or_bad_answer(parse, _replaced(body, path, value))


@pytest.mark.parametrize("name", list(PARSERS))
@settings(max_examples=150, deadline=None)
@given(body=json_values)
def test_any_json_at_all(name: str, body: Any) -> None:
    _value_or_bad_answer(PARSERS[name][0], body)


@given(length=st.text(max_size=30))
@settings(max_examples=200, deadline=None)
def test_head_with_any_content_length(length: str) -> None:
    answer = Answer(service="object-storage", status=200, url="u", request_id="req-1",
                    headers={"Content-Length": length, "ETag": '"abc"'})
    error: BadAnswer | None = None
    try:
        size = parse_head(answer, "o").size
    except BadAnswer as exc:
        error, size = exc, 0
    assert error is None or "Content-Length" in str(error)
    assert 0 <= size < 2**63


@pytest.mark.parametrize("content", [b"", b"{", b"[" * 100_000, b"\xff\xfe", b"null",
                                     b'{"import_id": "' + b"a" * 100_000 + b'"}'])
def test_bodies_that_are_no_json_or_absurd(content: bytes) -> None:
    answer = Answer(service="image-import", status=201, url="u", content=content,
                    request_id="req-1")
    with pytest.raises(BadAnswer):
        parse_registration(answer)


def test_the_message_names_the_field_never_the_value() -> None:
    secret = "gAAAA-a-token-echoed-back"
    body = _replaced(_token_body(), ("token", "expires_at"), secret)
    with pytest.raises(BadAnswer) as info:
        _token(body)
    assert "token.expires_at" in str(info.value)
    assert secret not in info.value.user_text()
    assert "HTTP 201" in str(info.value)


def test_transport_error_keeps_status_and_request_id() -> None:
    exc = TransportError("x", url="u", outcome_unknown=True, status=201, request_id="r")
    assert (exc.status, exc.request_id) == (201, "r")
