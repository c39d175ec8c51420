"""The wizard under pytest-qt: offscreen, a temporary home (so QSettings and the ledger are
fresh), the in-memory keyring of the root conftest, and the sandbox cloud in this process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from vmdkimport.core.register.polling import PollPolicy
from vmdkimport.qt.pages.status import StatusPage
from vmdkimport.qt.tasks import Task
from vmdkimport.qt.wizard import ImportWizard


@pytest.fixture
def wizard(qtbot: QtBot) -> Iterator[ImportWizard]:
    w = ImportWizard()
    qtbot.addWidget(w)
    w.show()
    yield w
    assert Task.shutdown_all(10_000)
    assert Task.running() == [], "a background thread was left running"


@pytest.fixture
def no_thread_left() -> Iterator[None]:
    yield
    assert Task.shutdown_all(10_000)
    assert Task.running() == [], "a background thread was left running"


@pytest.fixture
def fast_status(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Status page polls every 50-200 ms instead of minutes, so a walk reaches the end."""
    monkeypatch.setattr(StatusPage, "policy",
                        PollPolicy(first=0.05, factor=1.5, longest=0.2, error_wait=0.05))
