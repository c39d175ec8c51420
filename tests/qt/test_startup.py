"""The start-up budget: what the wizard's first paint must not wait for.

``vmdk-import-wizard`` is run in a new process up to its first paint (tests/qt/first_paint.py).
None of the modules below may be loaded by then, and none of the PySide6 classes below may be
set up. Each was moved off the start-up path for a reason (benchmarks/README.md has the history
of the cold start). Moving an import of one of them to module level in a page, or a helper to
a module that imports one, fails here with its name, where before it only made every start
slower.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("first_paint.py")

#: module -> why the first paint does without it
DEFERRED: dict[str, str] = {
    # the HTTP stack: the sign-in loads it, on a worker thread
    "requests": "the HTTP stack, loaded by the first sign-in on a worker",
    "urllib3": "under requests",
    "ssl": "under requests (OpenSSL)",
    "http.client": "under urllib3",
    "vmdkimport.core.cloud.http": "our requests session",
    "vmdkimport.core.cloud.session": "signs in: the HTTP stack and the clients",
    # the checksums: only an upload or a resume check computes one
    "hashlib": "MD5 and SHA1 of an upload (OpenSSL)",
    # the keyring: finding its backend scans the installed packages (~80 ms); the Connection
    # page asks it on a worker after the first paint
    "keyring": "finding its backend scans the installed packages",
    "vmdkimport.core.cloud.secrets": "the keyring, asked on a worker after the first paint",
    # the ledger: read on a worker after the first paint (imports still converting)
    "sqlite3": "the ledger's database",
    "vmdkimport.core.register.ledger": "the ledger, read on a worker after the first paint",
    # the later steps: loaded when the user gets there
    "vmdkimport.core.disk.preflight": "inspects a chosen disk (VMDK, OVF, qemu-img)",
    "vmdkimport.core.disk.qemu": "converts a disk with qemu-img",
    "subprocess": "runs qemu-img",
    "vmdkimport.core.upload.uploader": "the upload",
    "vmdkimport.core.upload.destination": "the destination check, on a worker",
    "concurrent.futures": "the upload's thread pool",
    "vmdkimport.core.register.submit": "the register call and the status polling",
    "vmdkimport.core.request": "the request body, built when a page first needs it (~3 ms)",
    "uuid": "a generated image id",
    # clouds.yaml: only the command line reads it
    "yaml": "clouds.yaml profiles, a command-line feature",
    # the installed version: looked up by --version, About and the crash report
    "importlib.metadata": "finding the installed version (~25 ms)",
    # the wizard's own deferred parts
    "vmdkimport.qt.tasks": "QThread and signal types, set up by the first task",
    "vmdkimport.qt.pages.disk": "pages 2-7: built after the first paint",
    "vmdkimport.qt.pages.destination": "pages 2-7: built after the first paint",
    "vmdkimport.qt.pages.image": "pages 2-7: built after the first paint",
    "vmdkimport.qt.pages.review": "pages 2-7: built after the first paint",
    "vmdkimport.qt.pages.submit": "pages 2-7: built after the first paint",
    "vmdkimport.qt.pages.status": "pages 2-7: built after the first paint",
    "vmdkimport.qt.history": "the History dialog (and the ledger it reads)",
    "vmdkimport.qt.settings_dialog": "the Settings dialog's widget types",
    "vmdkimport.sandbox": "the sandbox cloud, for --demo only",
}

#: PySide6 class -> why the first paint does without it (the type set-up of each costs time)
DEFERRED_QT_TYPES: dict[str, str] = {
    "QtCore.Qt": "the Qt namespace: ~90 enums, 14-25 ms; see vmdkimport.qt.widgets.MessageLabel",
    "QtCore.QThread": "the tasks' threads, after the first paint",
    "QtWidgets.QMessageBox": "About, closing during an upload, a crash",
    "QtGui.QDesktopServices": "About's Open log folder",
    "QtCore.QUrl": "About's Open log folder",
    "QtWidgets.QFileDialog": "Browse (Disk page, Settings)",
}


@pytest.fixture(scope="module")
def first_paint(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What ``vmdk-import-wizard`` had loaded when its window was first painted."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "VMDKIMPORT_HOME": str(tmp_path_factory.mktemp("startup-home"))}
    result = subprocess.run([sys.executable, str(PROBE)], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    snapshot = json.loads(result.stdout.strip().splitlines()[-1])
    assert isinstance(snapshot, dict)
    return snapshot


def test_the_first_paint_is_the_wizard_on_its_first_page(first_paint: dict[str, object]) -> None:
    from vmdkimport.core.plan import PageId

    assert first_paint["exit"] == 0
    assert first_paint["window"] == "ImportWizard"
    assert first_paint["page"] == int(PageId.CONNECTION)
    modules = first_paint["modules"]
    assert isinstance(modules, list)
    assert "vmdkimport.qt.pages.connection" in modules  # the snapshot sees the start-up path
    types = first_paint["qt_types"]
    assert isinstance(types, list)
    assert "QtWidgets.QWizard" in types


@pytest.mark.parametrize("module", sorted(DEFERRED))
def test_the_first_paint_does_not_wait_for(module: str, first_paint: dict[str, object]) -> None:
    modules = first_paint["modules"]
    assert isinstance(modules, list)
    assert module not in modules, f"{module} is loaded before the first paint; it is deferred " \
                                  f"because: {DEFERRED[module]}"


@pytest.mark.parametrize("qt_type", sorted(DEFERRED_QT_TYPES))
def test_the_first_paint_does_not_set_up(qt_type: str, first_paint: dict[str, object]) -> None:
    types = first_paint["qt_types"]
    assert isinstance(types, list)
    assert qt_type not in types, f"PySide6's {qt_type} is set up before the first paint; it " \
                                 f"is deferred because: {DEFERRED_QT_TYPES[qt_type]}"


def test_the_version_is_still_there_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    from vmdkimport import __version__
    from vmdkimport.qt import app

    with pytest.raises(SystemExit) as exited:
        app.main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"vmdk-import-wizard {__version__}\n"
