"""`vmdk-import-wizard --demo`: a newcomer reaches a succeeded import by pressing Next."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

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


def test_only_next_to_a_succeeded_import(qtbot: QtBot, demo: Any) -> None:
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    prefill_demo(wizard, demo)
    wizard.show()
    for expected in (PageId.DISK, PageId.DESTINATION, PageId.IMAGE, PageId.REVIEW,
                     PageId.SUBMIT, PageId.STATUS):
        button = wizard.button(QWizard.WizardButton.NextButton)
        if not button.isVisible():
            button = wizard.button(QWizard.WizardButton.CommitButton)
        qtbot.waitUntil(button.isEnabled, timeout=60_000)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert wizard.currentId() == int(expected)
    status = wizard.currentPage()
    assert isinstance(status, StatusPage)
    qtbot.waitUntil(lambda: status.last is not None and status.last.state.final,
                    timeout=120_000)
    assert "Succeeded" in status.state.text()
