"""Page 1 as a person uses it: type, sign in, see the project; secrets stay out of settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
