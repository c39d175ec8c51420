"""The settings dialog's choices reach every sign-in's HTTP settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.qt.settings import Settings
from vmdkimport.qt.settings_dialog import SettingsDialog


def test_defaults_verify_with_the_system_trust_store(qtbot: QtBot) -> None:
    http = Settings().http_settings(ConnectionProfile())
    assert http.verify is True
    assert http.system_trust is True
    assert http.proxies is None  # the system's proxy settings


def test_manual_proxy_and_company_ca(qtbot: QtBot) -> None:
    settings = Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.proxy_mode.setCurrentIndex(dialog.proxy_mode.findData("manual"))
    assert dialog.proxy_url.isEnabled()
    qtbot.keyClicks(dialog.proxy_url, "http://proxy.example.com:8080")
    qtbot.keyClicks(dialog.ca_bundle, "/etc/company-ca.pem")
    dialog.accept()
    http = Settings().http_settings(ConnectionProfile())
    assert http.proxies == {"http": "http://proxy.example.com:8080",
                            "https": "http://proxy.example.com:8080"}
    assert http.verify == "/etc/company-ca.pem"


def test_no_proxy_and_no_verification(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.proxy_mode.setCurrentIndex(dialog.proxy_mode.findData("none"))
    dialog.verify.setChecked(False)
    dialog.accept()
    http = Settings().http_settings(ConnectionProfile())
    assert http.proxies == {}
    assert http.verify is False


def test_plain_http_is_refused_unless_the_user_allows_it(qtbot: QtBot) -> None:
    assert Settings().http_settings(ConnectionProfile()).allow_insecure_http is False
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert not dialog.allow_http.isChecked()
    dialog.allow_http.setChecked(True)
    dialog.accept()
    assert Settings().http_settings(ConnectionProfile()).allow_insecure_http is True
    again = SettingsDialog(Settings())
    qtbot.addWidget(again)
    assert again.allow_http.isChecked()
    again.allow_http.setChecked(False)
    again.accept()
    assert Settings().http_settings(ConnectionProfile()).allow_insecure_http is False
    # a profile that opted in (clouds.yaml, the CLI) keeps its choice
    assert Settings().http_settings(ConnectionProfile(allow_http=True)).allow_insecure_http


def test_the_settings_file_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings writes wizard.ini with the umask's mode (0644): it must be the user's only."""
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    monkeypatch.setenv("VMDKIMPORT_HOME", str(tmp_path / "home"))
    old = os.umask(0o022)
    try:
        settings = Settings()
        settings.save_profile(ConnectionProfile(name="work", region="jp-east-1"))
        del settings
    finally:
        os.umask(old)
    ini = next((tmp_path / "home").rglob("wizard.ini"))
    assert ini.stat().st_mode & 0o777 == 0o600
    assert ini.parent.stat().st_mode & 0o777 == 0o700


def test_every_label_has_its_mnemonic_and_no_literal_ampersand(qtbot: QtBot) -> None:
    """'&CA bundle:' was shown with its ampersand: a label whose field is a layout gets no buddy,
    so Qt drew the '&' instead of underlining the C. Every label with a mnemonic has a buddy."""
    from PySide6.QtWidgets import QLabel

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    for label in dialog.findChildren(QLabel):
        if "&" in label.text().replace("&&", ""):
            assert label.buddy() is not None, label.text()
