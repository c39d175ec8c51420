"""The image id a status answer carries is kept (issue #12): ``list`` and ``status`` show it.

Before the change ``list --json`` said ``image_id: null`` for a succeeded import registered
without ``--image-id``/``--generate-id``: the status answer's ``id`` was read and dropped.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from helpers.backends import put_demo_disk
from vmdkimport import cli
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.sandbox import Sandbox, SandboxConfig

IMAGE = "0c2a8d3e-5b1f-4c9a-9e7d-1f2a3b4c5d6e"


def test_the_ledger_keeps_the_image_id_of_a_status(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite3")
    ledger.adopt(import_id="imp-1", status="processing", region=None, import_url=None,
                 project_id="p")
    ledger.record_status("imp-1", "succeeded", 100, image_id=IMAGE)
    assert ledger.get("imp-1").image_id == IMAGE  # type: ignore[union-attr]


def test_an_image_id_reaches_a_row_that_had_already_ended(tmp_path: Path) -> None:
    """Rows that succeeded before this version get their image id at the next status."""
    ledger = Ledger(tmp_path / "l.sqlite3")
    ledger.adopt(import_id="imp-1", status="succeeded", region=None, import_url=None,
                 project_id="p")
    assert not ledger.record_status("imp-1", "succeeded", 100, image_id=IMAGE)  # no new event
    assert ledger.get("imp-1").image_id == IMAGE  # type: ignore[union-attr]


def test_status_and_list_show_the_image_id_the_service_chose(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    ledger_path = tmp_path / "ledger.sqlite3"
    with Sandbox(SandboxConfig(data_dir=tmp_path / "cloud", conversion_seconds=0)) as cloud:
        put_demo_disk(cloud)
        connection = ["--identity-url", cloud.identity_url, "--contract", cloud.domain,
                      "--user", cloud.user, "--project-name", cloud.project_name,
                      "--password-stdin"]

        def run(*argv: str) -> int:
            monkeypatch.setattr("sys.stdin", io.StringIO(cloud.password + "\n"))
            return cli.main(["--ledger", str(ledger_path), *argv])

        assert run("register", *connection, "--name", "web01", "--object", "images/web01.vmdk",
                   "--os-type", "ubuntu", "--json") == 0
        import_id = json.loads(capsys.readouterr().out)["import_id"]
        assert run("status", import_id, *connection) == 0
        status_text = capsys.readouterr().out

    image_id = Ledger(ledger_path).get(import_id).image_id  # type: ignore[union-attr]
    assert image_id, "the status answer's image id was not stored"
    assert image_id in status_text
    assert run("list", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["image_id"] == image_id
    assert run("list") == 0
    header, line = capsys.readouterr().out.splitlines()
    assert "IMAGE ID" in header
    assert image_id in line
