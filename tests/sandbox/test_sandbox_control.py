"""Fault injection, the request log, the HTTP control endpoints, settings and ``run_sandbox``."""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
import requests

from helpers.sandbox_cloud import MIB, Cloud, vmdk
from vmdkimport.sandbox import ManualClock, Sandbox, SandboxConfig
from vmdkimport.sandbox.app import add_sandbox_arguments, config_from_args

GUI = Path(__file__).resolve().parents[2] / "gui"


# --- faults -------------------------------------------------------------------------------------

def test_raw_fault_body_like_a_proxy_error_page(cloud: Cloud) -> None:
    page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    cloud.sb.inject_fault("object-storage", "PUT", r"/faulty/", 502, body=page,
                          content_type="text/html")
    cloud.swift("PUT", "/faulty")
    first = cloud.swift("PUT", "/faulty/o", data=b"x" * 1000)
    assert first.status_code == 502
    assert first.text == page
    assert first.headers["Content-Type"] == "text/html"
    assert first.headers["X-Trans-Id"].startswith("tx")
    assert cloud.swift("HEAD", "/faulty/o").status_code == 404  # it was not stored
    assert cloud.swift("PUT", "/faulty/o", data=b"x").status_code == 201  # count 1: used up


def test_fault_count_and_method_matching(cloud: Cloud) -> None:
    cloud.sb.inject_fault("identity", "POST", r"^/v3/auth/tokens$", 503, body="busy", count=2)
    assert cloud.http.get(cloud.sb.identity_url, timeout=10).status_code == 200  # GET: no match
    assert cloud.post_token(cloud.auth_body()).status_code == 503
    assert cloud.post_token(cloud.auth_body()).status_code == 503
    assert cloud.post_token(cloud.auth_body()).status_code == 201


def test_status_zero_cuts_the_connection_after_reading_the_body(cloud: Cloud) -> None:
    cloud.swift("PUT", "/cut")
    cloud.sb.inject_fault("object-storage", "PUT", r"/cut/o$", 0)
    with pytest.raises(requests.ConnectionError):
        cloud.swift("PUT", "/cut/o", data=b"z" * (MIB // 2))
    assert cloud.swift("PUT", "/cut/o", data=b"z").status_code == 201
    log = [e for e in cloud.sb.requests() if e["path"].endswith("/cut/o")]
    assert [e["status"] for e in log] == [0, 201]


def test_import_faults_come_after_the_token_checks(cloud: Cloud) -> None:
    cloud.sb.inject_fault("image-import", "GET", r"^/v1/imageimport$", 500, error_code="50002")
    assert cloud.listing(token="expired-or-bogus").status_code == 401  # fault not used up
    answer = cloud.listing()
    assert answer.status_code == 500
    assert answer.json() == {"error_code": "50002", "message": "Internal server error."}


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"service": "nova"}, ValueError),
    ({"status": 99}, ValueError),
    ({"count": 0}, ValueError),
    ({"path_regex": "("}, ValueError),
    ({"error_code": "49999"}, KeyError),
    ({"error_code": "50001", "body": "x"}, ValueError),
])
def test_bad_faults_are_refused(cloud: Cloud, kwargs: dict[str, object],
                                error: type[Exception]) -> None:
    args: dict[str, object] = {"service": "image-import", "method": "GET", "path_regex": ".",
                               "status": 500, **kwargs}
    with pytest.raises(error):
        cloud.sb.inject_fault(**args)  # type: ignore[arg-type]


# --- request log and control endpoints -------------------------------------------------------

def test_request_log_has_only_service_method_path_status(cloud: Cloud) -> None:
    before = len(cloud.sb.requests())
    cloud.swift("GET", "/", params={"format": "json", "prefix": "secret-query"})
    cloud.listing({"start": "0"})
    new = cloud.sb.requests()[before:]
    assert new == [
        {"service": "object-storage", "method": "GET",
         "path": f"/v1/AUTH_{cloud.sb.project_id}/", "status": 200},
        {"service": "image-import", "method": "GET", "path": "/v1/imageimport", "status": 200},
    ]


def test_http_control_endpoints(cloud: Cloud) -> None:
    base = f"{cloud.sb.import_url}/_sandbox"
    fault = {"service": "image-import", "method": "POST", "path_regex": "^/v1/imageimport$",
             "status": 503, "error_code": "50301"}
    assert requests.post(f"{base}/faults", json=fault, timeout=10).status_code == 204
    location = cloud.put_object("images", "ctl.vmdk", vmdk())
    busy = cloud.register({"name": "n", "location": location, "os_type": "ubuntu"})
    assert busy.status_code == 503
    assert busy.json()["error_code"] == "50301"

    bad = requests.post(f"{base}/faults", json={"service": "x"}, timeout=10)
    assert bad.status_code == 400
    assert "missing" in bad.json()["message"]

    assert requests.post(f"{base}/expire-tokens", timeout=10).status_code == 204
    assert cloud.listing().status_code == 401

    log = requests.get(f"{base}/requests", timeout=10)
    assert log.status_code == 200
    assert log.json()[-1] == {"service": "image-import", "method": "GET",
                              "path": "/v1/imageimport", "status": 401}
    assert not any(e["path"].startswith("/_sandbox") for e in log.json())


# --- settings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.com", "::"])  # noqa: S104
def test_only_loopback_hosts(host: str) -> None:
    with pytest.raises(ValueError, match="loopback"):
        Sandbox(SandboxConfig(host=host))


def test_ipv6_loopback() -> None:
    with Sandbox(SandboxConfig(host="::1")) as sb:
        assert sb.identity_url.startswith("http://[::1]:")
        assert requests.get(sb.identity_url, timeout=10).status_code == 200


def test_fixed_ports_are_consecutive() -> None:
    for _ in range(20):
        port = random.randrange(20000, 30000)  # below the usual ephemeral port range
        try:
            sb = Sandbox(SandboxConfig(port=port)).start()
        except OSError:
            continue  # taken: try another
        with sb:
            assert sb.identity_url == f"http://127.0.0.1:{port}/v3"
            assert sb.object_storage_url.startswith(f"http://127.0.0.1:{port + 1}/v1/AUTH_")
            assert sb.import_url == f"http://127.0.0.1:{port + 2}"
            assert requests.get(sb.identity_url, timeout=10).status_code == 200
        return
    pytest.fail("found no three free consecutive ports in 20 tries")


def test_info_has_exactly_the_documented_keys() -> None:
    with Sandbox() as sb:
        assert set(sb.info()) == {"identity_url", "object_storage_url", "import_url", "region",
                                  "domain", "user", "password", "project_id", "project_name"}
        data_dir = sb.data_dir
        assert data_dir is not None
        assert data_dir.exists()
    assert not data_dir.exists()  # a temporary data dir goes away on stop


def test_arguments() -> None:
    parser = argparse.ArgumentParser()
    add_sandbox_arguments(parser)
    args = parser.parse_args(["--port", "0", "--data-dir", "/tmp/x", "--max-file-size", "1M",
                              "--max-image-size", "2G", "--conversion-seconds", "0",
                              "--token-lifetime", "60", "--max-active-imports", "3"])
    config = config_from_args(args)
    assert config.max_file_size == MIB
    assert config.max_image_size == 2 * 1024**3
    assert config.conversion_seconds == 0
    assert config.token_lifetime == 60
    assert config.max_active_imports == 3
    assert config.data_dir == Path("/tmp/x")
    defaults = config_from_args(parser.parse_args([]))
    assert defaults == SandboxConfig()
    with pytest.raises(SystemExit):
        parser.parse_args(["--max-file-size", "lots"])


# --- time ---------------------------------------------------------------------------------------

def test_every_time_the_sandbox_gives_out_comes_from_its_clock(
        make_cloud: Callable[..., Cloud]) -> None:
    start = 1_900_000_000.0  # in 2030: a time read from the real clock could not match it
    clock = ManualClock(start)
    c = make_cloud(clock=clock)
    clock.advance(42.5)
    now = start + 42.5
    token = c.post_token(c.auth_body()).json()["token"]
    assert datetime.strptime(token["issued_at"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(
        tzinfo=UTC).timestamp() == now
    location = c.put_object("when", "disk.vmdk", vmdk())
    head = c.swift("HEAD", "/when/disk.vmdk")
    assert head.headers["X-Timestamp"] == f"{now:016.5f}"
    assert parsedate_to_datetime(head.headers["Last-Modified"]).timestamp() == math.ceil(now)
    assert parsedate_to_datetime(head.headers["Date"]).timestamp() == int(now)
    assert head.headers["X-Trans-Id"].endswith(f"-{int(now):010x}")
    c.start_import(location)
    assert c.sb.data_dir is not None
    saved = json.loads((c.sb.data_dir / "imports.json").read_text())
    assert [i["created_at"] for i in saved["imports"]] == [now]


def test_a_manual_clock_never_goes_back() -> None:
    clock = ManualClock(100.0)
    clock.advance(0)
    assert (clock.time(), clock.monotonic()) == (100.0, 0.0)
    with pytest.raises(ValueError, match="cannot go back"):
        clock.advance(-1)


# --- run_sandbox in a subprocess ------------------------------------------------------------

RUNNER = """
import argparse, sys
from vmdkimport.sandbox.app import add_sandbox_arguments, run_sandbox
parser = argparse.ArgumentParser()
add_sandbox_arguments(parser)
sys.exit(run_sandbox(parser.parse_args(sys.argv[1:])))
"""


@pytest.fixture
def running(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    env = {**os.environ, "PYTHONPATH": str(GUI)}
    proc = subprocess.Popen(
        [sys.executable, "-c", RUNNER, "--data-dir", str(tmp_path), "--conversion-seconds", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=10)


def test_run_sandbox_prints_one_json_line_and_stops_on_sigint(
        running: subprocess.Popen[str]) -> None:
    assert running.stdout is not None
    info = json.loads(running.stdout.readline())
    assert set(info) == {"identity_url", "object_storage_url", "import_url", "region", "domain",
                         "user", "password", "project_id", "project_name"}
    assert requests.get(info["identity_url"], timeout=10).status_code == 200
    running.send_signal(signal.SIGINT)
    out, err = running.communicate(timeout=15)
    assert running.returncode == 0
    assert out == ""  # nothing after the one line
    assert "Ctrl+C" in err


def test_run_sandbox_stops_on_sigterm(running: subprocess.Popen[str]) -> None:
    assert running.stdout is not None
    json.loads(running.stdout.readline())
    running.terminate()
    running.communicate(timeout=15)
    assert running.returncode == 0
