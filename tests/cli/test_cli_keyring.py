"""Remembering the password: only in the keyring, and only when asked."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from helpers.files import settings_files_text
from vmdkimport import cli
from vmdkimport.core.cloud import secrets


def _args(cloud: Any) -> list[str]:
    return ["--identity-url", cloud.identity_url, "--contract", cloud.domain, "--user",
            cloud.user, "--project-name", cloud.project_name]


def test_remember_then_sign_in_without_typing(
    sandbox: Any, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], isolated_home: Path,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(sandbox.password + "\n"))
    assert cli.main(["login", *_args(sandbox), "--password-stdin", "--remember"]) == 0
    assert "stored in the system keyring" in capsys.readouterr().out
    key = secrets.account_key(sandbox.identity_url, sandbox.domain, sandbox.user)
    assert memory_keyring.store[(secrets.SERVICE, key)] == sandbox.password
    # next time: no password given anywhere, the keyring supplies it
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["login", *_args(sandbox), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["project_id"] == sandbox.project_id
    assert sandbox.password not in settings_files_text(isolated_home)


def test_no_keyring_backend_means_not_remembered(
    sandbox: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr("sys.stdin", io.StringIO(sandbox.password + "\n"))
    assert cli.main(["login", *_args(sandbox), "--password-stdin", "--remember"]) == 0
    out = capsys.readouterr().out
    assert "not remembered" in out
    assert "No system keyring" in out
