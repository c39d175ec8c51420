"""Page 1 as a person uses it: type, sign in, see the project; secrets stay out of settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpers.files import settings_files_text
from helpers.wizard import sign_in
from vmdkimport.core.cloud import secrets
from vmdkimport.core.plan import PageId
from vmdkimport.qt.pages.connection import ConnectionPage
from vmdkimport.qt.wizard import ImportWizard


def test_sign_in_shows_project_and_enables_next(qtbot: QtBot, wizard: ImportWizard,
                                                sandbox: Any) -> None:
    page = sign_in(qtbot, wizard, sandbox)
    assert page.isComplete()
    text = page.message.text()
    assert sandbox.project_id in text
    assert sandbox.object_storage_url in text
    assert "Token valid until" in text
    assert wizard.plan.session is not None


def test_wrong_password_says_so_and_keeps_next_disabled(qtbot: QtBot, wizard: ImportWizard,
                                                        sandbox: Any) -> None:
    page = sign_in(qtbot, wizard, sandbox, password="wrong-password")
    assert not page.isComplete()
    assert "Sign-in failed" in page.message.text()
    assert "15 minutes" in page.message.text()


def test_editing_after_sign_in_requires_signing_in_again(qtbot: QtBot, wizard: ImportWizard,
                                                         sandbox: Any) -> None:
    page = sign_in(qtbot, wizard, sandbox)
    qtbot.keyClicks(page.project, "x")
    assert not page.isComplete()
    assert wizard.plan.session is None


def test_profile_saved_without_password_and_remembered_in_keyring(
    qtbot: QtBot, wizard: ImportWizard, sandbox: Any, memory_keyring: Any,
    isolated_home: Path,
) -> None:
    page = sign_in(qtbot, wizard, sandbox)
    page.remember.setChecked(True)
    assert page.validatePage()
    key = secrets.account_key(sandbox.identity_url, sandbox.domain, sandbox.user)
    assert memory_keyring.store[(secrets.SERVICE, key)] == sandbox.password
    assert sandbox.password not in settings_files_text(isolated_home)
    assert sandbox.domain in settings_files_text(isolated_home)  # the profile was saved
    # a new window comes back with the profile and the password from the keyring
    again = ImportWizard()
    qtbot.addWidget(again)
    again.show()
    restored = again.pages[PageId.CONNECTION]
    assert isinstance(restored, ConnectionPage)
    # the keyring is asked on a worker after the window is shown
    qtbot.waitUntil(lambda: restored.keyring_checked, timeout=10_000)
    assert restored.password.text() == sandbox.password
    assert restored.user.text() == sandbox.user


def test_remember_disabled_with_the_reason_without_a_keyring(qtbot: QtBot) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        w = ImportWizard()
        qtbot.addWidget(w)
        w.show()
        page = w.pages[PageId.CONNECTION]
        assert isinstance(page, ConnectionPage)
        qtbot.waitUntil(lambda: page.keyring_checked, timeout=10_000)
        assert not page.remember.isEnabled()
        assert page.remember.toolTip()
        # the reason is a wrapped line of its own: appended to the check box it was cut off
        assert page.keyring_note.isVisible()
        assert "Not available here" in page.keyring_note.text()
        assert "No system keyring is available" in page.keyring_note.text()
        assert page.remember.sizeHint().width() <= page.width()
        assert page.keyring_note.geometry().right() <= page.width()
    finally:
        keyring.set_keyring(previous)


def test_show_hide_password(qtbot: QtBot, wizard: ImportWizard) -> None:
    from PySide6.QtWidgets import QLineEdit

    page = wizard.pages[PageId.CONNECTION]
    assert page.password.echoMode() == QLineEdit.EchoMode.Password  # type: ignore[attr-defined]
    page.show_password.trigger()  # type: ignore[attr-defined]
    assert page.password.echoMode() == QLineEdit.EchoMode.Normal  # type: ignore[attr-defined]


# --- a rejected password is not sent again: five failures lock the account --------------------
def _press_sign_in(qtbot: QtBot, page: ConnectionPage) -> None:
    """Press Sign in (it must be enabled) and wait for the answer."""
    assert page.sign_in.isEnabled()
    with qtbot.waitSignal(page.completeChanged, timeout=20_000):
        qtbot.mouseClick(page.sign_in, Qt.MouseButton.LeftButton)


def _retype_password(qtbot: QtBot, page: ConnectionPage, text: str) -> None:
    page.password.selectAll()
    qtbot.keyClicks(page.password, text)


def test_a_rejected_password_cannot_be_sent_again_unchanged(qtbot: QtBot, wizard: ImportWizard,
                                                            sandbox: Any) -> None:
    page = sign_in(qtbot, wizard, sandbox, password="wrong-1")
    assert "Sign-in failed" in page.message.text()
    # the same password again would only count towards the lockout: Sign in waits for a change
    assert not page.sign_in.isEnabled()
    assert page.sign_in_hint.isVisible()
    assert "rejected" in page.sign_in_hint.text()
    _retype_password(qtbot, page, "wrong-2")
    assert page.sign_in.isEnabled()
    assert not page.sign_in_hint.isVisible()
    # typing the rejected one back disables it again
    _retype_password(qtbot, page, "wrong-1")
    assert not page.sign_in.isEnabled()
    # another user is another account: their sign-in is not blocked
    qtbot.keyClicks(page.user, "x")
    assert page.sign_in.isEnabled()


def test_the_fifth_failure_is_announced_and_the_lockout_explained(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any) -> None:
    page = sign_in(qtbot, wizard, sandbox, password="wrong-1")
    assert "1 of 5" in page.message.text()
    for attempt in (2, 3, 4):
        _retype_password(qtbot, page, f"wrong-{attempt}")
        _press_sign_in(qtbot, page)
        assert f"{attempt} of 5" in page.message.text()
    # before the fifth: what the fifth does
    assert "next failed sign-in locks the account for 15 minutes" in page.message.text()
    _retype_password(qtbot, page, "wrong-5")
    _press_sign_in(qtbot, page)
    text = page.message.text()
    assert "locked" in text
    assert "until" in text
    # the right password now would be rejected too (and look like a wrong one): not offered
    _retype_password(qtbot, page, sandbox.password)
    assert not page.sign_in.isEnabled()
    assert "locked until" in page.sign_in_hint.text().lower()
    assert wizard.plan.session is None


def test_failures_age_out_of_the_window_and_a_lockout_ends() -> None:
    from datetime import datetime, timedelta

    from vmdkimport.qt.pages.connection import SignInAttempts

    now = [datetime(2026, 1, 5, 9, 0).astimezone()]
    attempts = SignInAttempts(clock=lambda: now[0])
    account = ("https://id.example/v3", "C1", "alice")
    assert attempts.failed(account, "a") == 1
    now[0] += timedelta(minutes=16)  # the first failure is out of the service's window
    assert attempts.failed(account, "b") == 1
    for n, password in enumerate("cde", start=2):
        assert attempts.failed(account, password) == n
    assert attempts.failed(account, "f") == 0  # the 5th within 15 minutes: locked
    assert attempts.locked_until(account) == now[0] + timedelta(minutes=15)
    assert attempts.was_rejected(account, "f")
    now[0] += timedelta(minutes=15)
    assert attempts.locked_until(account) is None
    assert not attempts.was_rejected(account, "f")  # a fresh start, as for the service
