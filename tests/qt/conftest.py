"""The wizard under pytest-qt: offscreen, a temporary home (so QSettings and the ledger are
fresh), the in-memory keyring of the root conftest, and the sandbox cloud in this process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from vmdkimport.core.plan import PageId
from vmdkimport.core.submit import PollPolicy
from vmdkimport.qt.pages.connection import ConnectionPage
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


def sign_in(qtbot: QtBot, wizard: ImportWizard, cloud: Any, *, password: str | None = None,
            user: str | None = None) -> ConnectionPage:
    """Type the sandbox's connection as a person would, then press Sign in and wait."""
    page = wizard.pages[PageId.CONNECTION]
    assert isinstance(page, ConnectionPage)
    page.region.setCurrentIndex(page.region.findData("custom"))
    for edit, text in ((page.identity_url, cloud.identity_url), (page.contract, cloud.domain),
                       (page.user, user or cloud.user), (page.project, cloud.project_name),
                       (page.password, password or cloud.password)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    with qtbot.waitSignal(page.completeChanged, timeout=20_000):
        qtbot.mouseClick(page.sign_in, _left())
    return page


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def start_at(qtbot: QtBot, page: PageId, setup: Any) -> ImportWizard:
    """A wizard opened at ``page`` with a plan prepared by ``setup(plan)``."""
    w = ImportWizard()
    qtbot.addWidget(w)
    setup(w.plan)
    w.setStartId(int(page))
    w.show()
    return w


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
