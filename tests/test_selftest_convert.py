"""The self-test's conversion: the demo disk converted by our writer, read back by our reader,
judged by the pre-flight, and uploaded converting on the way, with no external tool."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from vmdkimport import selftest
from vmdkimport.demo import write_demo_vmdk


def run_selftest() -> tuple[int, str]:
    out = io.StringIO()
    code = selftest.run(selftest.Report(streams=[out]))
    return code, out.getvalue()


def test_the_converted_demo_disk_is_the_same_disk(tmp_path: Path) -> None:
    """Our reader's verdict, checked against qemu-img's (CI has it; a bundle does not)."""
    report = selftest.Report(streams=[out := io.StringIO()])
    source, converted = selftest.check_disk_conversion(report, tmp_path)
    assert "  ok  conversion: monolithicSparse" in out.getvalue()
    assert "pre-flight importable" in out.getvalue()
    assert converted.name == selftest.CONVERTED_NAME
    if shutil.which("qemu-img") is None:
        pytest.skip("qemu-img is not installed (CI has it)")
    subprocess.run(["qemu-img", "check", str(converted)], check=True, capture_output=True)
    compare = subprocess.run(["qemu-img", "compare", str(source), str(converted)],
                             capture_output=True, text=True)
    assert compare.returncode == 0, compare.stdout + compare.stderr


def test_different_disks_do_not_compare_the_same(tmp_path: Path) -> None:
    guest = write_demo_vmdk(tmp_path / "guest.vmdk", capacity=1024**3, guest=True)
    empty = write_demo_vmdk(tmp_path / "empty.vmdk", capacity=1024**3, guest=False)
    smaller = write_demo_vmdk(tmp_path / "smaller.vmdk", capacity=512 * 1024**2, guest=True)
    same, compared, _ = selftest.same_virtual_bytes(guest, guest)
    assert same
    assert compared > 0
    assert not selftest.same_virtual_bytes(guest, empty)[0]
    assert not selftest.same_virtual_bytes(guest, smaller)[0]


def test_merged_runs() -> None:
    runs = [(10, 5), (0, 4), (12, 10), (30, 2), (4, 2)]
    assert list(selftest._merged(runs)) == [(0, 6), (10, 22), (30, 32)]
    assert list(selftest._merged([])) == []


def test_a_writer_that_does_not_write_streamoptimized_fails_in_one_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Same virtual bytes but the wrong format (a copy of the source): the pre-flight says so."""
    import vmdkimport.core.disk.streamopt as streamopt

    def copy(source: Path, out: Path, **_: Any) -> Path:
        shutil.copyfile(source, out)
        return out

    monkeypatch.setattr(streamopt, "convert_to_file", copy)
    code, text = run_selftest()
    assert code == selftest.EXIT_FAILED
    last = text.strip().splitlines()[-1]
    assert last.startswith("FAILED: conversion: the pre-flight calls the converted disk "), last
    assert "not an importable streamOptimized VMDK" in last
    assert "Traceback" not in text


def test_a_converted_upload_that_is_not_the_file_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import vmdkimport.core.upload.converting as converting

    real = converting.run_converting_upload

    def wrong(*args: Any, **kwargs: Any) -> Any:
        return dataclasses.replace(real(*args, **kwargs), sha1="0" * 40)

    monkeypatch.setattr(converting, "run_converting_upload", wrong)
    code, text = run_selftest()
    assert code == selftest.EXIT_FAILED
    last = text.strip().splitlines()[-1]
    assert last.startswith("FAILED: upload, converting on the way: the converted upload "), last


def test_the_whole_path_needs_no_external_tool(isolated_home: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a bundle on Windows: no qemu-img anywhere, and no process started at all."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("VMDKIMPORT_QEMU_IMG", raising=False)
    started: list[object] = []

    class NoProcess(subprocess.Popen):  # type: ignore[type-arg]
        def __init__(self, args: Any, *rest: Any, **kwargs: Any) -> None:
            started.append(args)
            raise AssertionError(f"the self-test started a process: {args}")

    monkeypatch.setattr(subprocess, "Popen", NoProcess)
    code, text = run_selftest()
    assert code == selftest.EXIT_PASSED, text
    assert started == []
    for step in ("conversion: monolithicSparse", "upload, converting on the way: ",
                 "register: import_id", "conversion followed: succeeded"):
        assert f"  ok  {step}" in text
    assert "as the converted file's" in text
