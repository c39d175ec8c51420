"""``vmdk-import-wizard --self-test``: the Qt-free checks plus the wizard, offscreen."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtWidgets import QApplication

from vmdkimport import selftest
from vmdkimport.qt import app
from vmdkimport.qt import selftest as qt_selftest
from vmdkimport.qt.tasks import Task
from vmdkimport.sandbox import Sandbox


def test_app_option_runs_the_whole_self_test(qapp: QApplication, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    assert app.main(["--self-test", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    assert text.splitlines()[-1].startswith("PASSED")
    assert "platform offscreen" in text  # no display needed
    assert "  ok  icon: SVG rendered" in text
    assert "  ok  translations: ja" in text
    assert "  ok  wizard: opened on" in text
    assert "; header logo " in text
    assert "signed in to the sandbox" in text
    assert "conversion followed: succeeded" in text  # the core part ran too
    assert Task.running() == []


def test_a_wizard_that_cannot_sign_in_fails(qapp: QApplication,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The wizard's sign-in is checked, not just started: a wrong password fails the test."""
    original = qt_selftest.open_wizard

    class WrongPassword:
        password = "not-the-password"

        def __init__(self, cloud: Any) -> None:
            self.cloud = cloud

        def __getattr__(self, name: str) -> Any:
            return getattr(self.cloud, name)

    def wrong_password(application: QApplication, cloud: Any, details: list[str]) -> None:
        original(application, cast(Sandbox, WrongPassword(cloud)), details)

    monkeypatch.setattr(qt_selftest, "open_wizard", wrong_password)
    assert_fails_with("FAILED: wizard: the wizard could not sign in")


def test_a_wizard_without_its_logo_fails(qapp: QApplication,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The logo PNGs left out of a bundle (they were, once) fail the self-test, in one line."""
    from PySide6.QtGui import QPixmap

    from vmdkimport.qt import resources

    # what QIcon gives when the files are missing
    monkeypatch.setattr(resources, "header_logo", QPixmap)
    assert_fails_with("FAILED: wizard: the header logo is missing")


def assert_fails_with(first_words: str) -> None:
    """The whole self-test, wizard included, fails with one line that starts so."""
    out = io.StringIO()
    code = selftest.run(selftest.Report(streams=[out]),
                        extra=lambda r, cloud: qt_selftest.check_gui(r, cloud))
    last = out.getvalue().splitlines()[-1]
    assert code == selftest.EXIT_FAILED
    assert last.startswith(first_words)
    assert Task.running() == []
