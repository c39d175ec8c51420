"""The command line end to end: real subprocesses against a ``vmdkimport sandbox`` subprocess.

What a user types, what they see, and the exit code; never a traceback, never a password.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.cloud.session import connect
from vmdkimport.demo import demo_vmdk_bytes

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """``vmdkimport sandbox`` as a user starts it; one JSON line tells where it listens."""
    data = tmp_path_factory.mktemp("cloud")
    proc = subprocess.Popen(
        [sys.executable, "-m", "vmdkimport", "sandbox", "--port", "0", "--data-dir", str(data),
         "--conversion-seconds", "1.5"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    info = json.loads(line)
    assert set(info) == {"identity_url", "object_storage_url", "import_url", "region", "domain",
                         "user", "password", "project_id", "project_name"}
    # a disk to register
    session = connect(ConnectionProfile(identity_url=info["identity_url"], domain=info["domain"],
                                        username=info["user"],
                                        project_name=info["project_name"]), info["password"])
    disk = demo_vmdk_bytes(8 * 1024 * 1024)
    session.storage.create_container("images")
    session.storage.put_object("images", "disk.vmdk", disk)
    session.close()
    info["sha1"] = hashlib.sha1(disk, usedforsecurity=False).hexdigest()
    yield info
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=20) == 0
    assert proc.stdout.read() == ""  # exactly one line on stdout, ever


def _conn(cloud: dict[str, Any]) -> list[str]:
    return ["--identity-url", cloud["identity_url"], "--contract", cloud["domain"],
            "--user", cloud["user"], "--project-name", cloud["project_name"],
            "--password-stdin"]


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "vmdkimport", *args], input=stdin if stdin is not None else "",
        capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})},
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _log_text() -> str:
    log = Path(os.environ["VMDKIMPORT_HOME"]) / "logs" / "vmdkimport.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def test_login_shows_project_and_endpoints(cloud: dict[str, Any]) -> None:
    result = run("login", *_conn(cloud), "--json", stdin=cloud["password"] + "\n")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["project_id"] == cloud["project_id"]
    assert data["object_storage_url"] == cloud["object_storage_url"]
    assert data["import_url"] == cloud["import_url"]
    assert cloud["password"] not in result.stdout + result.stderr


def test_register_then_status_wait_reaches_succeeded(cloud: dict[str, Any]) -> None:
    result = run("-vv", "register", *_conn(cloud), "--name", "web-01", "--object",
                 "images/disk.vmdk", "--os-type", "ubuntu", "--checksum", cloud["sha1"],
                 "--min-disk", "1", "--generate-id", "--json", stdin=cloud["password"])
    assert result.returncode == 0, result.stderr
    import_id = json.loads(result.stdout)["import_id"]
    status = run("status", import_id, "--wait", "--interval", "0.3", *_conn(cloud),
                 stdin=cloud["password"])
    assert status.returncode == 0, status.stderr
    last = status.stdout.strip().splitlines()[-1]
    assert last.startswith(f"{import_id}: succeeded 100%")
    assert "image id: " in last  # the status answer's image id is shown (and stored)
    listed = run("list", "--json")
    entry = json.loads(listed.stdout)[0]
    assert (entry["import_id"], entry["status"]) == (import_id, "succeeded")
    remote = run("list", "--remote", *_conn(cloud), stdin=cloud["password"])
    assert import_id in remote.stdout
    log = _log_text()
    assert "imageimport" in log  # -vv wrote the requests to the log file...
    assert cloud["password"] not in log + result.stderr  # ...and no secret


def test_environment_variables_and_wait(cloud: dict[str, Any]) -> None:
    env = {"OS_AUTH_URL": cloud["identity_url"], "OS_USERNAME": cloud["user"],
           "OS_PASSWORD": cloud["password"], "OS_USER_DOMAIN_NAME": cloud["domain"],
           "OS_PROJECT_ID": cloud["project_id"]}
    result = run("register", "--name", "env", "--location",
                 f"/v1/AUTH_{cloud['project_id']}/images/disk.vmdk", "--os-type", "centos",
                 "--wait", env=env)
    assert result.returncode == 0, result.stderr
    assert "succeeded" in result.stdout.splitlines()[-1]


def test_clouds_yaml_profile(cloud: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "clouds.yaml").write_text(json.dumps({"clouds": {"k5": {
        "auth": {"auth_url": cloud["identity_url"], "username": cloud["user"],
                 "password": cloud["password"], "user_domain_name": cloud["domain"],
                 "project_name": cloud["project_name"]}}}}))
    result = run("login", "--os-cloud", "k5",
                 env={"OS_CLIENT_CONFIG_FILE": str(tmp_path / "clouds.yaml")})
    assert result.returncode == 0, result.stderr
    assert cloud["project_id"] in result.stdout


def test_wrong_password_exit_3_with_the_lockout_warning(cloud: dict[str, Any]) -> None:
    result = run("login", *_conn(cloud), stdin="not-the-password\n")
    assert result.returncode == 3
    assert "Sign-in failed" in result.stderr
    assert "15 minutes" in result.stderr
    assert "not-the-password" not in result.stderr + _log_text()


def test_invalid_value_is_caught_before_sending(cloud: dict[str, Any]) -> None:
    result = run("register", *_conn(cloud), "--name", " padded", "--object",
                 "images/disk.vmdk", "--os-type", "ubuntu", "--min-ram", "-5",
                 stdin=cloud["password"])
    assert result.returncode == 4
    assert "40028" in result.stderr
    assert "What to do:" in result.stderr
    assert "(--name)" in result.stderr  # where to fix it, as an option
    assert "page" not in result.stderr
    assert "Also:" in result.stderr
    assert "40032" in result.stderr


def test_missing_object_comes_back_as_40025(cloud: dict[str, Any]) -> None:
    result = run("register", *_conn(cloud), "--name", "x", "--object", "images/none.vmdk",
                 "--os-type", "ubuntu", stdin=cloud["password"])
    assert result.returncode == 4
    assert "40025" in result.stderr
    assert "--object" in result.stderr  # the CLI names its option, not the wizard's page
    assert "Destination" not in result.stderr
    assert "request id req-" in result.stderr


def test_busy_service_exit_5_and_unreachable_exit_6(cloud: dict[str, Any]) -> None:
    import requests

    requests.post(f"{cloud['import_url']}/_sandbox/faults", timeout=10, json={
        "service": "image-import", "method": "POST", "path_regex": "^/v1/imageimport$",
        "status": 503, "error_code": "50301"})
    busy = run("register", *_conn(cloud), "--name", "x", "--object", "images/disk.vmdk",
               "--os-type", "ubuntu", stdin=cloud["password"])
    assert busy.returncode == 5
    assert "Too many imports" in busy.stderr
    down = run("login", "--identity-url", "http://127.0.0.1:9/v3", "--contract", "C1",
               "--user", "u", "--project-name", "p", "--password-stdin", stdin="pw")
    assert down.returncode == 6
    assert "127.0.0.1:9" in down.stderr


def test_dry_run_prints_the_exact_body() -> None:
    result = run("register", "--name", "w", "--location", "/v1/AUTH_p1/c/w.vmdk",
                 "--os-type", "win2012R2SE", "--kms-server", "kms.example.com: 1688",
                 "--kms-activate", "--min-ram", "4096", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "name": "w", "location": "/v1/AUTH_p1/c/w.vmdk", "min_ram": 4096,
        "os_type": "win2012R2SE",
        "kms": {"server_info": "kms.example.com:1688", "activate": True}}


def test_no_password_and_no_terminal_says_what_to_do() -> None:
    result = run("login", "--identity-url", "http://127.0.0.1:9/v3", "--contract", "C1",
                 "--user", "u", "--project-name", "p", "--no-keyring")
    assert result.returncode == 1
    assert "--password-stdin" in result.stderr


def test_demo_walks_the_whole_way() -> None:
    result = run("--demo")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "import_id:" in result.stdout
    assert "succeeded 100%  image id: " in result.stdout.strip().splitlines()[-2]


def test_upload_then_register_with_the_computed_sha1(cloud: dict[str, Any],
                                                     tmp_path: Path) -> None:
    """The whole chain on the command line; the sandbox checks the SHA1 against the object."""
    disk = tmp_path / "Web Server-disk1.vmdk"
    disk.write_bytes(demo_vmdk_bytes(64 * 1024 * 1024) + os.urandom(3 * 1024 * 1024))
    up = run("upload", str(disk), "--no-convert", "--container", "migrations", *_conn(cloud),
             "--segment-size", "1M", "--json", stdin=cloud["password"])
    assert up.returncode == 0, up.stderr
    result = json.loads(up.stdout)
    assert result["object_name"] == "Web-Server-disk1.vmdk"
    assert result["segments"] == 4
    assert result["manifest"] == "dlo"
    reg = run("register", *_conn(cloud), "--name", "web", "--location", result["location"],
              "--checksum", result["sha1"], "--os-type", "centos", "--wait",
              stdin=cloud["password"])
    assert reg.returncode == 0, reg.stderr
    assert "succeeded 100%  image id: " in reg.stdout.strip().splitlines()[-1]
