"""Telling the user that a long step ended while they were working in another window.

A 300 GB upload takes hours and a conversion about a day; nobody watches the wizard meanwhile.
When one ends and the wizard is not the active window (or is minimised), the desktop says so:
a message from the system tray where there is one (Windows, KDE, most GNOME setups with an
extension), and the taskbar entry asks for attention (QApplication.alert) in every case, which
also works where there is no tray. In front of the user nothing is shown: they see the page.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

#: how long a tray message stays, in milliseconds (the desktop may cap it)
MESSAGE_MS = 15_000


class Channel(Enum):
    TRAY = "tray"  # a tray message, and the taskbar alert
    ALERT = "alert"  # the taskbar alert only: no system tray


def in_background(window: QWidget) -> bool:
    """True when the user is not looking at ``window``: hidden, minimised, or another window
    (of any application) is the active one."""
    return not window.isVisible() or window.isMinimized() or not window.isActiveWindow()


def notify(window: QWidget, title: str, text: str) -> Channel | None:
    """Tell the user ``title``/``text`` if ``window`` is in the background; how it was told,
    or None when the window is in front (nothing to tell)."""
    window = window.window()
    if not in_background(window):
        return None
    QApplication.alert(window, 0)  # flashes the taskbar entry until the window is activated
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return Channel.ALERT
    tray = _tray(window)
    tray.show()
    tray.showMessage(title, text, window.windowIcon(), MESSAGE_MS)
    return Channel.TRAY


def _tray(window: QWidget) -> QSystemTrayIcon:
    """The window's tray icon, made on its first message; clicking it or its message brings
    the window back to the front. It lives as long as the window."""
    tray = window.findChild(QSystemTrayIcon)
    if tray is not None:
        return tray
    tray = QSystemTrayIcon(window.windowIcon(), window)
    tray.setToolTip(window.windowTitle())

    def bring_back() -> None:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    tray.messageClicked.connect(bring_back)
    tray.activated.connect(lambda reason: bring_back())
    return tray
