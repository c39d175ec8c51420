"""`vmdk-import-wizard --demo`: a newcomer reaches a succeeded import by pressing Next."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from helpers.wizard import press_next
from vmdkimport.core.plan import PageId
from vmdkimport.qt.app import prefill_demo, start_demo
from vmdkimport.qt.pages.status import StatusPage
from vmdkimport.qt.tasks import Task
from vmdkimport.qt.wizard import ImportWizard


@pytest.fixture
def demo(fast_status: None) -> Iterator[Any]:
    # the user's demo converts in 20 s; the walk is the same in a fraction of a second
    cloud = start_demo(conversion_seconds=0.3)
    yield cloud
    assert Task.shutdown_all(10_000)
    cloud.stop()


def _next_until_it_has_ended(qtbot: QtBot, wizard: ImportWizard) -> StatusPage:
    """Press only Next (and Upload and register), as the demo promises, until the import ends."""
    for expected in (PageId.DISK, PageId.DESTINATION, PageId.IMAGE, PageId.REVIEW,
                     PageId.SUBMIT, PageId.STATUS):
        press_next(qtbot, wizard, expected, timeout_ms=60_000)
    status = wizard.currentPage()
    assert isinstance(status, StatusPage)
    qtbot.waitUntil(lambda: status.last is not None and status.last.state.final,
                    timeout=120_000)
    return status


def test_only_next_to_a_succeeded_import(qtbot: QtBot, demo: Any) -> None:
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    prefill_demo(wizard, demo)
    wizard.show()
    status = _next_until_it_has_ended(qtbot, wizard)
    assert "Succeeded" in status.state.text()


def test_the_demo_leaves_the_users_settings_ledger_and_keyring_alone(
        qtbot: QtBot, demo: Any, isolated_home: Path, memory_keyring: Any) -> None:
    from vmdkimport.core import paths
    from vmdkimport.core.register.ledger import Ledger
    from vmdkimport.qt.app import open_demo_wizard

    real_settings = paths.config_dir() / "wizard.ini"
    real_ledger = paths.ledger_path()
    before = real_settings.read_bytes() if real_settings.exists() else None
    wizard = open_demo_wizard(demo)
    qtbot.addWidget(wizard)
    wizard.show()
    _next_until_it_has_ended(qtbot, wizard)
    wizard.close()
    # the user's own settings (no "demo" profile with a dead 127.0.0.1 address), ledger
    # (no sandbox imports in History or `vmdkimport list`) and keyring are as they were
    after = real_settings.read_bytes() if real_settings.exists() else None
    assert after == before
    assert not real_ledger.exists() or Ledger(real_ledger).entries() == []
    assert memory_keyring.store == {}
