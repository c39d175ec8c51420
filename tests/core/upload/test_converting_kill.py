"""kill -9 in the middle of ``vmdkimport upload`` converting a flat disk, against a real Swift.

The re-run produces the stream again from the start and sends only what Swift does not hold:
counted from Swift's own proxy log, at most the segments that were in flight when the process
died (the upload workers, plus the buffer being filled) are PUT twice, and the object ends
byte-identical to what ``convert_to_file`` writes.
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
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import requests

from helpers import corpus
from helpers.waiting import wait_until
from vmdkimport.core.disk.streamopt import convert_to_file

pytestmark = [pytest.mark.realserver, pytest.mark.slow]

THREADS = 2
CONTAINER = "convert-kill"
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def flat_disk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 40 MiB monolithicFlat VMDK made by qemu-img from a raw image holding an MBR, an ext4
    made by ``mkfs.ext4 -d`` over real files, and 6 MiB of random data."""
    corpus.require_qemu()
    mkfs = shutil.which("mkfs.ext4") or shutil.which("mkfs.ext4", path="/usr/sbin:/sbin")
    if not mkfs:
        pytest.skip("mkfs.ext4 is not installed")  # a failure under CI=true
    folder = tmp_path_factory.mktemp("convert-kill")
    tree = folder / "tree"
    tree.mkdir()
    for index, path in enumerate(sorted(Path("/usr/share/doc").rglob("copyright"))[:400]):
        if path.is_file():
            shutil.copyfile(path, tree / f"{index:04d}-copyright")
    fs = folder / "fs.img"
    subprocess.run([mkfs, "-q", "-F", "-d", str(tree), str(fs), "16M"], check=True,
                   capture_output=True, timeout=60)
    raw = folder / "server.raw"
    with raw.open("wb") as f:
        f.truncate(40 * MIB)
        f.write(corpus.mbr([(0x83, 2048, 40 * MIB // 512 - 2048)]))
        f.seek(MIB)
        f.write(fs.read_bytes())
        f.seek(20 * MIB + 4096)
        f.write(random.Random(9).randbytes(6 * MIB))
    return corpus.qemu_convert(raw, folder / "server.vmdk", "raw", "vmdk",
                               "subformat=monolithicFlat")


def test_kill_9_then_rerun_resends_at_most_the_segments_in_flight(
    swift: Any, flat_disk: Path, tmp_path: Path
) -> None:
    token, storage_url = swift.tempauth_token()
    headers = {"X-Auth-Token": token}
    source = flat_disk
    command = [sys.executable, "-m", "vmdkimport", "upload", str(source), "--container",
               CONTAINER, "--storage-url", storage_url, "--token", token, "--segment-size",
               "1M", "--threads", str(THREADS), "--overwrite"]
    proc = subprocess.Popen([*command, "--limit-rate", "1M"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    stored: set[str] = set()

    def listed() -> set[str]:
        answer = requests.get(f"{storage_url}/{CONTAINER}_segments", headers=headers,
                              params={"format": "json"}, timeout=30)
        return {o["name"] for o in answer.json()} if answer.status_code == 200 else set()

    def three_segments_stored() -> bool:
        nonlocal stored
        stored = listed()
        return len(stored) >= 3 or proc.poll() is not None

    try:
        wait_until(three_segments_stored, timeout=120, what="3 segments in Swift",
                   show=lambda _: sorted(stored))
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the kill must land mid-upload"
    at_kill = listed()
    rerun = subprocess.run([*command, "--json"], capture_output=True, text=True, timeout=180,
                           check=False)
    assert rerun.returncode == 0, rerun.stderr
    result = json.loads(rerun.stdout)
    assert result["converted"] is True
    assert result["segments"] > len(at_kill) >= 3, "the kill must land mid-upload"
    # Every PUT of a segment Swift's proxy logged, both runs (a PUT cut by the kill is logged
    # too, as a 499): a segment PUT twice was sent again.
    puts = Counter(p.split(f"/{CONTAINER}_segments/", 1)[1] for p in swift.object_puts()
                   if f"/{CONTAINER}_segments/" in p)
    twice = {name for name, count in puts.items() if count > 1}
    print(f"segments {result['segments']}, stored at the kill {len(at_kill)}, "
          f"sent twice {len(twice)}, sent by the re-run {result['segments_sent']}, "
          f"skipped {result['segments_skipped']}")
    assert not twice & at_kill  # no segment Swift held was sent again
    assert len(twice) <= THREADS + 1
    assert result["segments_skipped"] == len(at_kill)
    assert result["segments_sent"] == result["segments"] - len(at_kill)
    # the object is the converter's output, byte for byte, and its SHA1 the one printed
    (tmp_path / "out").mkdir()
    want = convert_to_file(source, tmp_path / "out" / result["object_name"]).read_bytes()
    got = requests.get(f"{storage_url}/{CONTAINER}/{result['object_name']}", headers=headers,
                       timeout=60).content
    assert got == want
    assert result["sha1"] == hashlib.sha1(got).hexdigest()
