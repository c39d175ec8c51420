"""The guest inspection from the command line: inspect, upload's refusal, register --disk.

Real guests (tests/helpers/guests.py) converted to streamOptimized VMDKs, the command run as a
user runs it (a subprocess for the exit code and the words, in-process where a test needs the
JSON). Nothing here talks to a network: a refused upload stops before any sign-in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import guests

PROJECT = "0123456789abcdef0123456789abcdef"
LOCATION = f"/v1/AUTH_{PROJECT}/images/web01.vmdk"


@pytest.fixture(scope="module")
def disks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cli-guests")
    return {"uefi": guests.to_vmdk(guests.uefi_linux(folder), folder / "uefi.vmdk"),
            "ubuntu": guests.to_vmdk(guests.ubuntu1804(folder), folder / "ubuntu.vmdk")}


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
    result = subprocess.run([sys.executable, "-m", "vmdkimport", *map(str, args)],
                            capture_output=True, text=True, timeout=120, env=env, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_inspect_json_gives_the_verdict_os_and_reasons(disks: dict[str, Path]) -> None:
    result = run("inspect", disks["uefi"], "--json")
    assert result.returncode == 4, result.stderr  # not ready: the import would be useless
    guest = json.loads(result.stdout)["guest"]
    assert guest["readiness"] == "not-ready"
    uefi = next(f for f in guest["findings"] if f["code"] == "boot.uefi")
    assert uefi["level"] == "blocker"
    assert "BIOS boot only" in uefi["text"]
    assert uefi["fix"]

    result = run("inspect", disks["ubuntu"], "--json")
    assert result.returncode == 0, result.stderr
    guest = json.loads(result.stdout)["guest"]
    assert guest["os"]["os_type"] == "ubuntu"
    assert guest["readiness"] in ("ready", "ready-with-warnings")
    assert guest["facts"]["linux"]["version_id"] == "18.04"


def test_inspect_text_names_the_os_type_and_the_rule(disks: dict[str, Path]) -> None:
    text = run("inspect", disks["ubuntu"]).stdout
    assert "os_type: ubuntu" in text
    text = run("inspect", disks["uefi"]).stdout
    assert "not-ready" in text
    assert "UEFI" in text


def test_inspect_no_guest_checks_the_file_only(disks: dict[str, Path]) -> None:
    result = run("inspect", disks["uefi"], "--no-guest", "--json")
    assert result.returncode == 0
    assert "guest" not in json.loads(result.stdout)


def test_upload_refuses_a_guest_that_cannot_boot_before_signing_in(
        disks: dict[str, Path]) -> None:
    result = run("upload", disks["uefi"], "--container", "images")
    assert result.returncode == 4, result.stderr
    assert "cannot run in the cloud" in result.stderr
    assert "UEFI" in result.stderr
    assert "--no-inspect" in result.stderr  # the way past it, in this front end's words
    assert "password" not in result.stderr.lower()  # refused before any sign-in


def test_register_takes_the_os_type_from_the_disk(disks: dict[str, Path]) -> None:
    result = run("register", "--dry-run", "--name", "web01", "--location", LOCATION,
                 "--disk", disks["ubuntu"])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["os_type"] == "ubuntu"
    assert "OS type from the disk: ubuntu" in result.stderr


def test_register_refuses_an_os_type_the_disk_contradicts(disks: dict[str, Path]) -> None:
    args = ("register", "--dry-run", "--name", "web01", "--location", LOCATION,
            "--disk", disks["ubuntu"], "--os-type", "centos")
    result = run(*args)
    assert result.returncode != 0
    assert "ubuntu" in result.stderr
    assert "centos" in result.stderr  # both values shown
    assert "--os-type-override" in result.stderr
    result = run(*args, "--os-type-override")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["os_type"] == "centos"  # the user's explicit choice
    log = Path(os.environ["VMDKIMPORT_HOME"]) / "logs" / "vmdkimport.log"
    assert "--os-type-override" in log.read_text()  # and it is logged


def test_register_needs_an_os_type_or_a_disk() -> None:
    result = run("register", "--dry-run", "--name", "web01", "--location", LOCATION)
    assert result.returncode != 0
    assert "--os-type" in result.stderr
    assert "--disk" in result.stderr
