"""``inspect`` and the pre-flight inside ``upload``: refusals before a byte is sent, OVAs sent
straight out of the archive."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import corpus
from helpers.backends import MIB, Backend

pytestmark = pytest.mark.slow


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "vmdkimport", *args], capture_output=True,
                            text=True, check=False, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _bypass(backend: Backend) -> list[str]:
    return ["--storage-url", backend.storage_url, "--token", backend.token]


def test_inspect_refuses_then_converts(tmp_path: Path) -> None:
    corpus.require_qemu()
    qcow = corpus.qemu_create(tmp_path / "disk.qcow2", "qcow2", "64M")
    refused = _cli("inspect", str(qcow))
    assert refused.returncode == 4
    assert "not a VMDK" in refused.stdout
    assert "qemu-img convert" in refused.stdout
    converted = _cli("inspect", str(qcow), "--convert", str(tmp_path / "fixed.vmdk"))
    assert converted.returncode == 0, converted.stderr
    assert "Converted to" in converted.stdout
    assert "streamOptimized" in converted.stdout
    assert (tmp_path / "fixed.vmdk").exists()


def test_upload_refuses_what_cannot_be_imported_before_sending(
    sandbox_backend: Backend, tmp_path: Path
) -> None:
    corpus.require_qemu()
    flat = corpus.qemu_create(tmp_path / "flat.vmdk", "vmdk", "16M", "subformat=monolithicFlat")
    mark = len(sandbox_backend.puts())
    result = _cli("upload", str(flat), "--no-convert", "--container", "c",
                  *_bypass(sandbox_backend))  # as it is: converting is the default fix
    assert result.returncode == 4  # as `inspect` exits for a refused disk (it was 1)
    assert "--no-inspect" in result.stderr
    assert "only a descriptor" in result.stderr
    assert "What to do:" in result.stderr
    assert sandbox_backend.puts()[mark:] == []  # not a byte was sent


def test_ova_disk_is_uploaded_straight_out_of_the_archive(
    sandbox_backend: Backend, tmp_path: Path
) -> None:
    corpus.require_qemu()
    raw = corpus.raw_disk(tmp_path / "src.raw", 8 * MIB, data_mib=4)
    disk = corpus.qemu_convert(raw, tmp_path / "web01-disk1.vmdk", "raw", "vmdk",
                               "subformat=streamOptimized")
    ova = corpus.ova(tmp_path / "web01.ova",
                     corpus.ovf_xml(disks=[(disk.name, disk.stat().st_size, 1)]), [disk])
    result = _cli("upload", str(ova), "--container", "ova", *_bypass(sandbox_backend),
                  "--segment-size", "1M", "--json")
    assert result.returncode == 0, result.stderr
    assert '"object_name": "web01-disk1.vmdk"' in result.stdout
    data = disk.read_bytes()
    assert sandbox_backend.read("ova", "web01-disk1.vmdk") == data
    assert hashlib.sha1(data).hexdigest() in result.stdout
