"""The settings dialog's choices reach every sign-in's HTTP settings."""

from __future__ import annotations

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
