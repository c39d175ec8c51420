"""The Qt-free self-test (``vmdkimport self-test``): it passes on a good installation, says why
in one line when a check fails, and leaves the user's home, keyring and environment alone."""

from __future__ import annotations

import importlib
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import keyring
import pytest

from vmdkimport import cli, selftest
from vmdkimport.core import paths


def run_selftest() -> tuple[int, list[str]]:
    out = io.StringIO()
    code = selftest.run(selftest.Report(streams=[out]))
    return code, out.getvalue().splitlines()


def test_passes_and_reports_each_step(isolated_home: Path) -> None:
    code, lines = run_selftest()
    assert code == selftest.EXIT_PASSED, "\n".join(lines)
    assert lines[-1].startswith("PASSED in ")
    text = "\n".join(lines)
    for step in ("package metadata", "TLS trust", "keyring backends",
                 "filesystem and registry readers: pyfsntfs", "guest inspection: CentOS Linux 7",
                 "sandbox cloud", "sign in", "upload", "register: import_id",
                 "conversion followed: succeeded"):
        assert f"  ok  {step}" in text


def test_touches_nothing_of_the_user(isolated_home: Path, memory_keyring: object) -> None:
    """The user's ledger is not created, the keyring and VMDKIMPORT_HOME are restored."""
    before = os.environ["VMDKIMPORT_HOME"]
    temp_before = selftest_temp_dirs()
    code, _ = run_selftest()
    assert code == selftest.EXIT_PASSED
    assert os.environ["VMDKIMPORT_HOME"] == before
    assert keyring.get_keyring() is memory_keyring
    assert not paths.ledger_path().exists(), "the self-test wrote to the user's ledger"
    assert selftest_temp_dirs() == temp_before, "the self-test left its temporary home"


def selftest_temp_dirs() -> set[str]:
    return {n for n in os.listdir(tempfile.gettempdir()) if n.startswith("vmdkimport-selftest-")}


def test_a_failed_check_is_one_line_with_its_step(monkeypatch: pytest.MonkeyPatch) -> None:
    from vmdkimport import __version__

    monkeypatch.setattr(selftest, "UNKNOWN_VERSION", __version__)  # "metadata missing"
    code, lines = run_selftest()
    assert code == selftest.EXIT_FAILED
    assert lines[-1].startswith("FAILED: package metadata: the metadata of the "
                                "vmdk-import-wizard distribution is missing")
    assert not any("Traceback" in line for line in lines)


def test_an_import_that_does_not_succeed_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import vmdkimport.core.register.submit

    monkeypatch.setattr(vmdkimport.core.register.submit, "follow_import", lambda *a, **k: None)
    code, lines = run_selftest()
    assert code == selftest.EXIT_FAILED
    assert lines[-1] == "FAILED: conversion followed: no status was received"


@pytest.mark.parametrize("module", ["pyfsntfs", "pyfsxfs", "ext4", "regipy.registry"])
def test_a_bundle_without_a_reader_fails(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    """A reader left out of a bundle (or one whose library does not load) fails the self-test
    in its own step, before the sandbox, in one line."""
    real = importlib.import_module

    def without(name: str, package: str | None = None) -> ModuleType:
        if name == module:
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without)
    code, lines = run_selftest()
    assert code == selftest.EXIT_FAILED
    assert lines[-1] == ("FAILED: filesystem and registry readers: ModuleNotFoundError: "
                         f"No module named {module!r}")


def test_guest_inspection_that_misreads_the_demo_disk_fails(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "DEMO_GUEST_OS_TYPE", "rhel7")
    code, lines = run_selftest()
    assert code == selftest.EXIT_FAILED
    assert lines[-1].startswith("FAILED: guest inspection: the demo disk's guest was read as "
                                "CentOS Linux 7 (Core) (os_type centos), not CentOS Linux 7")


def test_cli_subcommand_writes_the_report(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.txt"
    assert cli.main(["self-test", "--report", str(report)]) == cli.EXIT_OK
    written = report.read_text(encoding="utf-8")
    assert written.splitlines()[-1].startswith("PASSED")
    assert capsys.readouterr().out == written  # the same report on stdout


def test_loads_no_qt() -> None:
    """``vmdkimport self-test`` must run where Qt cannot (a server without display libs)."""
    code = ("import sys; from vmdkimport import selftest; rc = selftest.main(); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]; "
            "print(bad); sys.exit(rc or (1 if bad else 0))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("[]")
