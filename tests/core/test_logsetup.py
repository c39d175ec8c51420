"""Secrets in logs: masked as whole words, tokens only as their hash; messages left intact.

Messages shown to the user are built without secrets (nothing the core builds takes a
password or a token), so they are never masked: masking by substring turned "... or project
is wrong." into "... or project is ***." for the password ``wrong``.
"""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

from vmdkimport.core import logsetup
from vmdkimport.core.cloud.http import hash_secret

CORE = Path(logsetup.__file__).resolve().parent


def _log_line(caplog: pytest.LogCaptureFixture, message: str, *args: object) -> str:
    logger = logging.getLogger("vmdkimport.test")
    logger.addFilter(logsetup.RedactingFilter())
    try:
        with caplog.at_level(logging.INFO):
            caplog.clear()
            logger.info(message, *args)
    finally:
        logger.filters.clear()
    return caplog.records[-1].getMessage()


def test_a_password_that_is_a_word_is_masked_only_as_a_word(
        caplog: pytest.LogCaptureFixture) -> None:
    logsetup.register_secret("wrong")
    line = _log_line(caplog, "user said %s; the password was wrong; wrongly typed", "wrong")
    assert line == "user said ***; the password was ***; wrongly typed"


def test_a_token_in_a_log_record_appears_only_as_its_hash(
        caplog: pytest.LogCaptureFixture) -> None:
    token = "gAAAAABmZ" + "x" * 150
    logsetup.register_secret(token, token=True)
    line = _log_line(caplog, "sent X-Auth-Token: %s to %s", token, "https://h/v1")
    assert token not in line
    assert hash_secret(token) in line  # two tokens can still be told apart in a support log


def test_a_long_secret_is_masked_even_inside_other_text(
        caplog: pytest.LogCaptureFixture) -> None:
    password = "correct-horse-battery-staple"
    logsetup.register_secret(password)
    assert password not in _log_line(caplog, "body=xx%sxx", password)


def test_unregistered_token_shapes_are_scrubbed_for_storage() -> None:
    fernet = "gAAAAABm" + "Q3ZkN2xZc1pXbG1iMjRs" * 8
    text = (f'{{"password": "hunter22", "token": "abc123def456"}} X-Auth-Token: {fernet} '
            "checksum 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12, import 6bf65660-70ee-4a75-"
            "b61a-36ac040c289c")
    cleaned = logsetup.scrub(text)
    for secret in ("hunter22", "abc123def456", fernet):
        assert secret not in cleaned
    # what support needs stays: a checksum and an import id are not secrets
    assert "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12" in cleaned
    assert "6bf65660-70ee-4a75-b61a-36ac040c289c" in cleaned


def test_no_sentence_the_core_builds_takes_a_password_or_a_token() -> None:
    """Text(...) arguments named or computed from a password or token would put one on screen."""
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Text":
                for kw in node.keywords:
                    source = ast.unparse(kw.value).lower()
                    if any(word in (kw.arg or "").lower() or word in source
                           for word in ("password", "token", "secret")):
                        offenders.append(f"{path.name}:{node.lineno} {kw.arg}={source}")
    assert offenders == []
