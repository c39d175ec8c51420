"""A full disk under the tool's folder: a message naming the folder and what to do, no traceback.

With root, a 256 KiB tmpfs is a real full disk; elsewhere the same errors are injected where
sqlite3 and the file system raise them.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vmdkimport.core.errors import VmdkImportError
from vmdkimport.core.register.ledger import Ledger

BODY = {"name": "web", "location": "/v1/AUTH_p/c/web.vmdk", "os_type": "ubuntu"}


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
            capture_output=True).returncode != 0:
        pytest.skip("a tmpfs needs root (the injected-error tests below cover the rest)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with pytest.raises(OSError) as raised:  # noqa: PT011 (checked by errno below)
            _write_forever(fd)
    finally:
        os.close(fd)
    assert raised.value.errno == errno.ENOSPC


def _write_forever(fd: int) -> None:
    while True:
        os.write(fd, b"\0" * 512)


def test_register_on_a_full_disk_names_the_folder_and_what_to_do(tiny_disk: Path) -> None:
    ledger = Ledger(tiny_disk / "data" / "ledger.sqlite3")
    ledger.begin_submission(body=BODY, region=None, import_url=None, project_id=None)
    _fill(tiny_disk)
    with pytest.raises(VmdkImportError) as raised:
        _write_until_it_fails(ledger)
    _assert_helpful(raised.value, tiny_disk / "data")


def test_a_new_ledger_on_a_full_disk_is_a_clear_error(tiny_disk: Path) -> None:
    (tiny_disk / "data").mkdir()
    _fill(tiny_disk)
    with pytest.raises(VmdkImportError) as raised:
        Ledger(tiny_disk / "data" / "ledger.sqlite3")
    _assert_helpful(raised.value, tiny_disk / "data")


def test_sqlite_full_is_turned_into_a_clear_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ledger = Ledger(tmp_path / "l.sqlite3")
    real_connect = sqlite3.connect

    class FullConnection:
        def __init__(self, db: sqlite3.Connection) -> None:
            self._db = db

        def execute(self, sql: str, *args: Any) -> object:
            if sql.startswith("INSERT"):
                error = sqlite3.OperationalError("database or disk is full")
                error.sqlite_errorcode = 13
                error.sqlite_errorname = "SQLITE_FULL"
                raise error
            return self._db.execute(sql, *args)

        def __getattr__(self, name: str) -> object:
            return getattr(self._db, name)

        def __setattr__(self, name: str, value: object) -> None:
            if name == "_db":
                object.__setattr__(self, name, value)
            else:
                setattr(self._db, name, value)

    monkeypatch.setattr(sqlite3, "connect",
                        lambda *a, **k: FullConnection(real_connect(*a, **k)))
    with pytest.raises(VmdkImportError) as raised:
        ledger.begin_submission(body=BODY, region=None, import_url=None, project_id=None)
    _assert_helpful(raised.value, tmp_path)


def test_a_folder_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(VmdkImportError) as raised:
        Ledger(blocker / "data" / "ledger.sqlite3")
    assert str(blocker / "data") in str(raised.value)
    assert raised.value.action


def _write_until_it_fails(ledger: Ledger) -> None:
    for _ in range(50):  # the first rows may still fit in pages SQLite already holds
        ledger.begin_submission(body={**BODY, "name": uuid.uuid4().hex * 40}, region=None,
                                import_url=None, project_id=None)


def _assert_helpful(exc: VmdkImportError, folder: Path) -> None:
    text = f"{exc}\n{exc.action}"
    assert str(folder) in text, text
    assert "full" in text, text
    assert "VMDKIMPORT_HOME" in exc.action, text
    assert "Traceback" not in text
