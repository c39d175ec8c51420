"""A desktop notification when a long step ends while the wizard is in the background: through
the system tray where there is one (faked here: offscreen has none), else the taskbar alert."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from helpers.wizard import start_at, upload_plan
from vmdkimport.core.plan import PageId
from vmdkimport.demo import demo_vmdk_bytes
from vmdkimport.qt import notify
from vmdkimport.qt.pages.submit import SubmitPage

MIB = 1024 * 1024


class Calls:
    """What reached the desktop: tray messages and taskbar alerts."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.alerts: list[QWidget] = []


@pytest.fixture
def desktop(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """A desktop with a system tray (offscreen has none) that records what it is shown."""
    calls = Calls()

    def show_message(tray: QSystemTrayIcon, title: str, text: str, *args: object) -> None:
        calls.messages.append((title, text))

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda tray: None)
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", show_message)
    monkeypatch.setattr(QApplication, "alert",
                        staticmethod(lambda widget, ms=0: calls.alerts.append(widget)))
    return calls


def _in_front(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


@pytest.fixture
def other_window(qtbot: QtBot) -> QWidget:
    """Another application's window, as far as the wizard can tell: it takes the focus."""
    other = QWidget()
    other.setWindowTitle("another window")
    other.resize(200, 100)
    qtbot.addWidget(other)
    return other


def test_background_is_a_window_not_active_or_minimised(qtbot: QtBot,
                                                         other_window: QWidget) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    _in_front(qtbot, window)
    assert not notify.in_background(window)
    _in_front(qtbot, other_window)
    assert notify.in_background(window)
    _in_front(qtbot, window)
    window.showMinimized()
    assert notify.in_background(window)


def test_in_the_foreground_nothing_is_shown(qtbot: QtBot, desktop: Calls) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    _in_front(qtbot, window)
    assert notify.notify(window, "Upload complete", "web01.vmdk") is None
    assert desktop.messages == []
    assert desktop.alerts == []


def test_in_the_background_the_tray_shows_it_and_the_taskbar_flashes(
    qtbot: QtBot, desktop: Calls, other_window: QWidget
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    _in_front(qtbot, window)
    _in_front(qtbot, other_window)
    assert notify.notify(window, "Upload complete", "web01.vmdk") is notify.Channel.TRAY
    assert desktop.messages == [("Upload complete", "web01.vmdk")]
    assert desktop.alerts == [window]


def test_without_a_tray_the_taskbar_alert_is_used(qtbot: QtBot, desktop: Calls,
                                                  other_window: QWidget,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    window = QWidget()
    qtbot.addWidget(window)
    _in_front(qtbot, window)
    _in_front(qtbot, other_window)
    assert notify.notify(window, "Upload complete", "web01.vmdk") is notify.Channel.ALERT
    assert desktop.messages == []
    assert desktop.alerts == [window]


# --- the Upload page tells when its upload ends --------------------------------------------------

@pytest.fixture
def prepared(sandbox: Any, tmp_path: Path) -> Iterator[Any]:
    disk = tmp_path / "web01.vmdk"
    disk.write_bytes(demo_vmdk_bytes(64 * MIB) + os.urandom(3 * MIB))
    # one slow connection: long enough to switch to another window meanwhile
    with upload_plan(sandbox, disk, threads=1, limit_rate=4 * MIB) as setup:
        yield setup


def test_an_upload_ending_in_the_background_is_notified(
    qtbot: QtBot, prepared: Any, desktop: Calls, other_window: QWidget, no_thread_left: None
) -> None:
    wizard = start_at(qtbot, PageId.SUBMIT, prepared)
    page = wizard.currentPage()
    assert isinstance(page, SubmitPage)
    _in_front(qtbot, other_window)  # the administrator reads mail meanwhile
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    assert len(desktop.messages) == 1
    title, text = desktop.messages[0]
    assert title == "Upload complete: the import has started"
    assert "web01" in text
    assert desktop.alerts == [wizard]


def test_an_upload_ending_in_front_of_the_user_is_not_notified(
    qtbot: QtBot, prepared: Any, desktop: Calls, no_thread_left: None
) -> None:
    wizard = start_at(qtbot, PageId.SUBMIT, prepared)
    page = wizard.currentPage()
    assert isinstance(page, SubmitPage)
    _in_front(qtbot, wizard)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    assert desktop.messages == []
    assert desktop.alerts == []


def test_a_failed_upload_in_the_background_is_notified(
    qtbot: QtBot, prepared: Any, sandbox: Any, desktop: Calls, other_window: QWidget,
    no_thread_left: None
) -> None:
    sandbox.inject_fault("image-import", "POST", r"^/v1/imageimport$", 400, error_code="40028")
    wizard = start_at(qtbot, PageId.SUBMIT, prepared)
    page = wizard.currentPage()
    assert isinstance(page, SubmitPage)
    _in_front(qtbot, other_window)
    qtbot.waitUntil(lambda: page.error is not None, timeout=30_000)
    assert [title for title, _ in desktop.messages] == ["The import was not registered"]
