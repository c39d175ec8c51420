"""``vmdkimport upload`` converting on the way, and ``vmdkimport convert``, as a user runs them.

The headline case of issue #15: with no qemu-img on PATH (and VMDKIMPORT_QEMU_IMG unset), a
monolithicSparse and a flat disk go from the workstation to a registered image in two
commands, ``upload`` and ``register``, against a ``vmdkimport sandbox`` subprocess.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from helpers import corpus
from helpers.waiting import wait_until
from vmdkimport.core.disk.streamopt import convert_to_file

pytestmark = pytest.mark.slow

MIB = 1024 * 1024
DISK_SIZE = 40 * MIB


def _require(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if not found:
        pytest.skip(f"{name} is not installed")  # a failure under CI=true (tests/conftest.py)
    return found


@pytest.fixture(scope="module")
def disks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A raw image (an MBR, an ext4 made by ``mkfs.ext4 -d`` over real files, random data)
    and its monolithicSparse and monolithicFlat VMDKs, made with qemu-img."""
    corpus.require_qemu()
    folder = tmp_path_factory.mktemp("convert-cli")
    tree = folder / "tree"
    shutil.copytree("/usr/share/doc/python3", tree, symlinks=False,
                    ignore_dangling_symlinks=True) if Path("/usr/share/doc/python3").is_dir() \
        else tree.mkdir()
    (tree / "notes.txt").write_text("converted on the way\n" * 50_000)
    fs = folder / "fs.img"
    subprocess.run([_require("mkfs.ext4"), "-q", "-F", "-d", str(tree), str(fs), "16M"],
                   check=True, capture_output=True, timeout=60)
    raw = folder / "server.raw"
    with raw.open("wb") as f:
        f.truncate(DISK_SIZE)
        f.write(corpus.mbr([(0x83, 2048, DISK_SIZE // 512 - 2048)]))
        f.seek(MIB)
        f.write(fs.read_bytes())
        f.seek(30 * MIB + 123)
        f.write(random.Random(7).randbytes(3 * MIB))
    out = {"raw": raw}
    for kind in ("monolithicSparse", "monolithicFlat"):
        out[kind] = corpus.qemu_convert(raw, folder / f"{kind}.vmdk", "raw", "vmdk",
                                        f"subformat={kind}")
    return out


@pytest.fixture(scope="module")
def cloud(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """``vmdkimport sandbox`` as a user starts it; one JSON line tells where it listens."""
    data = tmp_path_factory.mktemp("cloud")
    proc = subprocess.Popen(
        [sys.executable, "-m", "vmdkimport", "sandbox", "--port", "0", "--data-dir", str(data),
         "--conversion-seconds", "0.2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    assert proc.stdout is not None
    info = json.loads(proc.stdout.readline())
    yield info
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=20) == 0


@pytest.fixture
def no_qemu(tmp_path: Path) -> dict[str, str]:
    """An environment in which qemu-img cannot be found."""
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "VMDKIMPORT_QEMU_IMG"}
    env["PATH"] = str(empty)
    assert shutil.which("qemu-img", path=env["PATH"]) is None
    return env


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "vmdkimport", *args], input=stdin,
                            capture_output=True, text=True, timeout=180, check=False,
                            env=env if env is not None else dict(os.environ))
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _conn(cloud: dict[str, Any]) -> list[str]:
    return ["--identity-url", cloud["identity_url"], "--contract", cloud["domain"],
            "--user", cloud["user"], "--project-name", cloud["project_name"],
            "--password-stdin"]


def _download(cloud: dict[str, Any], location: str) -> bytes:
    from vmdkimport.core.cloud.profiles import ConnectionProfile
    from vmdkimport.core.cloud.session import connect

    session = connect(ConnectionProfile(identity_url=cloud["identity_url"],
                                        domain=cloud["domain"], username=cloud["user"],
                                        project_name=cloud["project_name"]), cloud["password"])
    try:
        container, obj = location.split("/", 4)[3:]
        answer = requests.get(session.storage.url(container, obj), timeout=60,
                              headers={"X-Auth-Token": session.tokens.token().value})
        answer.raise_for_status()
        return answer.content
    finally:
        session.close()


# --- upload converts on the way, with no qemu-img ----------------------------------------------

@pytest.mark.parametrize("kind", ["monolithicSparse", "monolithicFlat"])
def test_upload_and_register_with_no_qemu_img(cloud: dict[str, Any], disks: dict[str, Path],
                                              no_qemu: dict[str, str], tmp_path: Path,
                                              kind: str) -> None:
    up = run("upload", str(disks[kind]), "--container", "workstation", *_conn(cloud),
             "--segment-size", "1M", "--overwrite", stdin=cloud["password"], env=no_qemu)
    assert up.returncode == 0, up.stderr
    assert "Converting" in up.stderr
    assert "--no-convert" in up.stderr
    lines = up.stdout.splitlines()
    assert lines[0].startswith("Converted to streamOptimized and uploaded ")
    assert lines[1].startswith("sent:")
    assert "on the wire for a 40.0 MiB disk" in lines[1]
    location = lines[2].split()[-1]
    sha1 = lines[3].split()[-1]
    assert location.endswith(".vmdk")
    got = _download(cloud, location)
    assert hashlib.sha1(got).hexdigest() == sha1
    (tmp_path / "want").mkdir()
    want = convert_to_file(disks[kind], tmp_path / "want" / location.rsplit("/", 1)[1])
    assert got == want.read_bytes()
    reg = run("register", *_conn(cloud), "--name", f"from-{kind}", "--location", location,
              "--checksum", sha1, "--os-type", "centos", "--wait", stdin=cloud["password"],
              env=no_qemu)
    assert reg.returncode == 0, reg.stderr
    assert "succeeded 100%  image id: " in reg.stdout.strip().splitlines()[-1]


def test_upload_no_convert_sends_the_file_as_it_is(cloud: dict[str, Any],
                                                   disks: dict[str, Path]) -> None:
    up = run("upload", str(disks["monolithicSparse"]), "--container", "as-is", *_conn(cloud),
             "--segment-size", "1M", "--no-convert", "--json", stdin=cloud["password"])
    assert up.returncode == 0, up.stderr
    result = json.loads(up.stdout)
    assert "converted" not in result
    assert _download(cloud, result["location"]) == disks["monolithicSparse"].read_bytes()


def test_upload_json_says_what_converting_sent(cloud: dict[str, Any],
                                              disks: dict[str, Path]) -> None:
    up = run("upload", str(disks["raw"]), "--container", "raw", *_conn(cloud), "--json",
             "--segment-size", "1M", stdin=cloud["password"])
    assert up.returncode == 0, up.stderr
    result = json.loads(up.stdout)
    assert result["converted"] is True
    assert result["object_name"].endswith(".vmdk")
    assert result["disk_size"] == DISK_SIZE
    assert result["bytes_sent"] == result["size"] < DISK_SIZE / 3
    assert hashlib.sha1(_download(cloud, result["location"])).hexdigest() == result["sha1"]


# --- convert ------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["monolithicSparse", "monolithicFlat", "raw"])
def test_convert_writes_what_upload_sends_and_qemu_agrees(disks: dict[str, Path],
                                                          no_qemu: dict[str, str],
                                                          tmp_path: Path, kind: str) -> None:
    out = tmp_path / "server.vmdk"
    done = run("convert", str(disks[kind]), str(out), env=no_qemu)
    assert done.returncode == 0, done.stderr
    assert f"to {out}" in done.stdout
    (tmp_path / "want").mkdir()
    assert out.read_bytes() == convert_to_file(disks[kind],
                                               tmp_path / "want" / out.name).read_bytes()
    assert corpus.qemu_identical(out, "vmdk", disks[kind],
                                 "raw" if kind == "raw" else "vmdk")
    again = run("convert", str(disks[kind]), str(out), env=no_qemu)
    assert again.returncode == 1
    assert "already exists" in again.stderr


def test_convert_refuses_what_only_qemu_img_reads(disks: dict[str, Path],
                                                  tmp_path: Path) -> None:
    qcow = corpus.qemu_convert(disks["raw"], tmp_path / "d.qcow2", "raw", "qcow2")
    refused = run("convert", str(qcow), str(tmp_path / "out.vmdk"))
    assert refused.returncode == 1
    assert "qemu-img" in refused.stderr
    assert not (tmp_path / "out.vmdk").exists()


def test_convert_ctrl_c_leaves_nothing(tmp_path: Path) -> None:
    """Big enough (96 MiB of random data at level 9) to be stopped while it writes."""
    raw = tmp_path / "big.raw"
    rng = random.Random(3)
    with raw.open("wb") as f:
        f.write(corpus.mbr([(0x83, 2048, 97 * MIB // 512 - 2048)]))  # a raw disk, not noise
        f.seek(MIB)
        for _ in range(96):
            f.write(rng.randbytes(MIB))
    out = tmp_path / "big.vmdk"
    partial = tmp_path / ".big.vmdk.part"
    proc = subprocess.Popen([sys.executable, "-m", "vmdkimport", "convert", str(raw), str(out),
                             "--level", "9"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        wait_until(lambda: (partial.exists() and partial.stat().st_size > 0) or
                   proc.poll() is not None, timeout=60, what="the conversion writing")
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "cancelled" in err
    assert "Traceback" not in err
    assert not out.exists()
    assert not partial.exists()


def test_inspect_convert_without_qemu_img_uses_the_builtin_converter(
    disks: dict[str, Path], no_qemu: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "fixed.vmdk"
    done = run("inspect", str(disks["monolithicFlat"]), "--no-guest", "--convert", str(out),
               env=no_qemu)
    assert done.returncode == 0, done.stderr
    assert f"Converted to {out}" in done.stdout
    assert corpus.qemu_identical(out, "vmdk", disks["monolithicFlat"], "vmdk")
