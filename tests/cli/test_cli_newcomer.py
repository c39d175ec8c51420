"""What a newcomer reads in the command line (issue #12): headed lists, every option explained,
and advice that only names what works on this computer.

Each test failed on the code before the change: ``list`` printed rows with no header,
``list --remote`` only ids and states, ``--json`` had no help text, and without a system keyring
the password advice still said to run ``login --remember``.
"""

from __future__ import annotations

import argparse
import io
from contextlib import redirect_stdout
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from helpers.backends import put_demo_disk
from vmdkimport import cli
from vmdkimport.core.cloud.imageimport import ImportState, ImportSummary
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.errors import ConfigError
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.sandbox import Sandbox, SandboxConfig

ID = "6bf65660-70ee-4a75-b61a-36ac040c289c"


def _ledger_with_one(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.sqlite3"
    Ledger(path).adopt(import_id=ID, status="processing", region="jp-east-1",
                       import_url="https://x.invalid", project_id="p", name="web01",
                       location="/v1/AUTH_p/images/web01.vmdk")
    return path


def test_list_has_a_header(tmp_path: Path) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli.main(["--ledger", str(_ledger_with_one(tmp_path)), "list"]) == 0
    header, row = out.getvalue().splitlines()[:2]
    for column in ("CREATED", "IMPORT ID", "STATUS", "NAME", "LOCATION"):
        assert column in header
    assert ID in row
    assert "web01" in row


def test_remote_list_rows_show_what_the_ledger_knows(tmp_path: Path) -> None:
    ledger = Ledger(_ledger_with_one(tmp_path))
    ledger.record_status(ID, "processing", 40, None)
    items = [ImportSummary(import_id=ID, state=ImportState.PROCESSING, status_path=None),
             ImportSummary(import_id="11111111-2222-4333-8444-555555555555",
                           state=ImportState.QUEUED, status_path=None)]
    text = cli.remote_rows(items, ledger)
    header, known, unknown = text.splitlines()
    for column in ("IMPORT ID", "STATUS", "NAME", "CREATED"):
        assert column in header
    assert "web01" in known
    assert "processing 40%" in known
    assert ID in known
    assert "queued" in unknown


def test_every_option_has_help() -> None:
    parser = cli.build_parser()
    missing = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                missing += [f"{name} {o.option_strings[0]}" for o in sub._actions
                            if o.option_strings and not o.help and o.dest != "help"]
    assert not missing, missing


def test_without_a_keyring_the_advice_does_not_name_remember(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.delenv("OS_PASSWORD", raising=False)
    keyring.set_keyring(keyring.backends.fail.Keyring())
    args = cli.build_parser().parse_args(["login", "--contract", "c", "--user", "u"])
    with pytest.raises(ConfigError) as raised:
        cli._password(args, ConnectionProfile(domain="c", username="u",
                                              identity_url="https://id.invalid/v3"), None)
    assert "--remember" not in raised.value.action
    assert "--password-stdin" in raised.value.action
    assert "OS_PASSWORD" in raised.value.action


def test_registering_the_same_object_twice_stops_unless_forced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The ledger knows the first import is still converting: a second register of the same
    object is refused with what to do, and goes through with --force."""
    with Sandbox(SandboxConfig(data_dir=tmp_path / "cloud", conversion_seconds=600)) as cloud:
        put_demo_disk(cloud)
        argv = ["--ledger", str(tmp_path / "ledger.sqlite3"), "register",
                "--identity-url", cloud.identity_url, "--contract", cloud.domain,
                "--user", cloud.user, "--project-name", cloud.project_name, "--password-stdin",
                "--name", "web01", "--object", "images/web01.vmdk", "--os-type", "ubuntu"]

        def run(*extra: str) -> int:
            monkeypatch.setattr("sys.stdin", io.StringIO(cloud.password + "\n"))
            return cli.main([*argv, *extra])

        assert run() == 0
        first = capsys.readouterr()
        assert run() == cli.EXIT_ERROR
        second = capsys.readouterr()
        assert "still converting" in second.err
        assert "--force" in second.err
        assert "vmdkimport status" in second.err
        assert len(Ledger(tmp_path / "ledger.sqlite3").entries()) == 1
        assert run("--force") == 0
        assert len(Ledger(tmp_path / "ledger.sqlite3").entries()) == 2
        assert "import_id" in first.out
