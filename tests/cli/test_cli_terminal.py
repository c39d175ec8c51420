"""The command line as a terminal tool: pipes, hostile text, bad ids, secrets off the command line.

Each test here was seen failing on the code before the fix (issue #11): a traceback or
"Error: Broken pipe" under ``| head``, a path-shaped import id put into a URL, a server's ANSI
escape sequence printed raw, a refused disk exiting 1 without naming ``--no-inspect``, and a
token that could only be given on the command line (visible in ``ps``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vmdkimport.cli import _describe_status
from vmdkimport.core.cloud.imageimport import ImportState, ImportStatus
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.cloud.session import connect
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.demo import write_demo_vmdk
from vmdkimport.sandbox import Sandbox, SandboxConfig

CLI = [sys.executable, "-m", "vmdkimport"]


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "VMDKIMPORT_HOME": str(tmp_path / "home"), "PYTHONWARNINGS": "error"}


def test_list_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """``vmdkimport list | head -1``: no traceback, no "Error: Broken pipe"."""
    ledger = Ledger(tmp_path / "ledger.sqlite3")
    for i in range(700):  # > 64 KiB of output: more than a pipe holds before head exits
        ledger.adopt(import_id=f"00000000-0000-4000-8000-{i:012d}", status="succeeded",
                     region="jp-east-1", import_url="https://x.invalid", project_id="p",
                     name=f"image-{i}", location=f"/v1/AUTH_p/images/image-{i:04d}.vmdk")
    script = (f"{' '.join(CLI)} --ledger {tmp_path / 'ledger.sqlite3'} list | head -1; "
              "echo \"status=${PIPESTATUS[0]}\" >&2")
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                            env=_env(tmp_path), timeout=120, check=False)
    assert result.stdout.count("\n") == 1
    assert "Broken pipe" not in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] in ("status=0", "status=141")


@pytest.mark.parametrize("bad", ["../../../v3/auth/tokens?x=", "6bf65660", "a b",
                                 "6bf65660-70ee-4a75-b61a-36ac040c289c/../x"])
def test_a_malformed_import_id_is_a_usage_error_before_any_request(tmp_path: Path,
                                                                    bad: str) -> None:
    result = subprocess.run([*CLI, "status", bad, "--identity-url", "http://127.0.0.1:9/v3"],
                            capture_output=True, text=True, env=_env(tmp_path), timeout=60,
                            check=False)
    assert result.returncode == 2
    assert "import_id" in result.stderr
    assert "UUID" in result.stderr
    assert "Traceback" not in result.stderr


def test_server_text_with_terminal_escapes_is_printed_escaped() -> None:
    status = ImportStatus(import_id="6bf65660-70ee-4a75-b61a-36ac040c289c",
                          state=ImportState.FAILED, progress=0,
                          error_message="bad disk\x1b[2J\x1b[31mrm -rf\x07\r\nnext")
    line = _describe_status(status)
    assert "\x1b" not in line
    assert "\x07" not in line
    assert "\r" not in line
    assert "\n" not in line
    assert "\\x1b[2J" in line
    assert "rm -rf" in line


def test_a_refused_disk_exits_4_and_names_no_inspect(tmp_path: Path) -> None:
    disk = tmp_path / "notes.vmdk"
    disk.write_bytes(b"this is not a disk\n" * 100)
    result = subprocess.run([*CLI, "upload", str(disk), "--no-convert", "--container", "images",
                             "--storage-url", "http://127.0.0.1:9/v1/AUTH_x"],
                            input="unused-token\n", capture_output=True, text=True,
                            env={**_env(tmp_path), "OS_AUTH_TOKEN": "unused"}, timeout=60,
                            check=False)
    assert result.returncode == 4, result.stderr
    assert "--no-inspect" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_token_can_come_from_stdin_and_never_from_argv(tmp_path: Path) -> None:
    disk = write_demo_vmdk(tmp_path / "web01.vmdk", 1024 * 1024)
    with Sandbox(SandboxConfig(data_dir=tmp_path / "cloud", conversion_seconds=0)) as cloud:
        session = connect(ConnectionProfile(identity_url=cloud.identity_url,
                                            domain=cloud.domain, username=cloud.user,
                                            project_name=cloud.project_name), cloud.password)
        token, storage_url = session.token.value, session.endpoints.object_storage_url
        session.close()
        env = {k: v for k, v in _env(tmp_path).items() if k != "OS_AUTH_TOKEN"}
        result = subprocess.run([*CLI, "upload", str(disk), "--no-convert", "--container", "images",
                                 "--storage-url", storage_url, "--token-stdin"],
                                input=token + "\n", capture_output=True, text=True, env=env,
                                timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        assert "sha1:" in result.stdout
        again = subprocess.run([*CLI, "upload", str(disk), "--no-convert", "--container", "images",
                                "--storage-url", storage_url, "--token-stdin"],
                               input=token + "\n", capture_output=True, text=True, env=env,
                               timeout=120, check=False)
        assert again.returncode == 0, again.stderr
        # a skip says what proved it (issue #11): here the journal, for this very file
        assert "nothing sent" in again.stdout
        assert "upload journal for this very file, nothing read" in again.stdout
        both = subprocess.run([*CLI, "upload", str(disk), "--no-convert", "--container", "images",
                               "--storage-url", storage_url, "--token-stdin", "--token", "x"],
                              input=token + "\n", capture_output=True, text=True, env=env,
                              timeout=60, check=False)
        assert both.returncode == 2
    help_text = subprocess.run([*CLI, "upload", "--help"], capture_output=True, text=True,
                               env=env, timeout=60, check=True).stdout
    assert "--token-stdin" in help_text
    assert "OS_AUTH_TOKEN" in help_text


def test_a_canceled_import_does_not_exit_0(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """'status' of a canceled import exited 0, as if an image had been registered."""
    from types import SimpleNamespace

    from vmdkimport import cli

    canceled = ImportStatus(import_id="6bf65660-70ee-4a75-b61a-36ac040c289c",
                            state=ImportState.CANCELED, progress=40)
    session = SimpleNamespace(imports=SimpleNamespace(status=lambda _id: canceled),
                              close=lambda: None)
    monkeypatch.setattr(cli, "_session", lambda args: session)
    code = cli.main(["--ledger", str(tmp_path / "l.sqlite3"), "status", canceled.import_id])
    assert code == cli.EXIT_IMPORT_FAILED
