"""Settings: proxy, certificate trust, TLS verification, plain http, language, upload defaults."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vmdkimport.qt.settings import Settings

LANGUAGES = (("system", str(QT_TRANSLATE_NOOP("SettingsDialog", "System language"))),
             ("en", str(QT_TRANSLATE_NOOP("SettingsDialog", "English"))), ("ja", "日本語"))


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.proxy_mode = QComboBox()
        for key, label in (("system", self.tr("System proxy settings")),
                           ("none", self.tr("No proxy")), ("manual", self.tr("Manual proxy"))):
            self.proxy_mode.addItem(label, key)
        self.proxy_url = QLineEdit()
        self.proxy_url.setPlaceholderText("http://proxy.example.com:8080")
        self.system_trust = QCheckBox(self.tr("Trust the certificates installed in the system"))
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setPlaceholderText(self.tr("optional: a PEM file with your company's CA"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.verify = QCheckBox(self.tr("Verify TLS certificates (turn off only for test "
                                        "systems)"))
        # Off by default: plain http to another computer sends the password and the token
        # unencrypted (core/cloud/cleartext.py); this machine (127.0.0.1) needs no opt-in.
        self.allow_http = QCheckBox(self.tr("Allow plain http to other computers (sends your "
                                            "password and token unencrypted)"))
        self.language = QComboBox()
        for key, label in LANGUAGES:
            self.language.addItem(self.tr(label) if key != "ja" else label, key)
        self.segment_mib = QSpinBox()
        self.segment_mib.setRange(16, 5120)
        self.segment_mib.setSuffix(" MiB")
        self.threads = QSpinBox()
        self.threads.setRange(1, 16)

        network = QFormLayout()
        network.addRow(self.tr("&Proxy:"), self.proxy_mode)
        network.addRow(self.tr("Proxy &URL:"), self.proxy_url)
        bundle = QHBoxLayout()
        bundle.addWidget(self.ca_bundle, 1)
        bundle.addWidget(browse)
        network.addRow("", self.system_trust)
        bundle_label = QLabel(self.tr("&CA bundle:"))  # a layout takes no buddy by itself
        bundle_label.setBuddy(self.ca_bundle)
        network.addRow(bundle_label, bundle)
        network.addRow("", self.verify)
        network.addRow("", self.allow_http)
        box = QGroupBox(self.tr("Network"))
        box.setLayout(network)
        general = QFormLayout()
        general.addRow(self.tr("&Language:"), self.language)
        general.addRow("", QLabel(self.tr("A new language applies at the next start.")))
        general.addRow(self.tr("&Segment size:"), self.segment_mib)
        general.addRow(self.tr("Para&llel segments:"), self.threads)
        box2 = QGroupBox(self.tr("General"))
        box2.setLayout(general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(box2)
        layout.addWidget(buttons)
        self.proxy_mode.currentIndexChanged.connect(self._mode_changed)
        self._load()

    def _load(self) -> None:
        s = self.settings
        self.proxy_mode.setCurrentIndex(
            max(0, self.proxy_mode.findData(s.value("network/proxy_mode", "system"))))
        self.proxy_url.setText(s.value("network/proxy_url"))
        self.system_trust.setChecked(s.flag("network/system_trust", True))
        self.ca_bundle.setText(s.value("network/ca_bundle"))
        self.verify.setChecked(s.flag("network/verify_tls", True))
        self.allow_http.setChecked(s.flag("network/allow_http", False))
        self.language.setCurrentIndex(
            max(0, self.language.findData(s.value("general/language", "system"))))
        self.segment_mib.setValue(int(s.value("upload/segment_mib", "256") or 256))
        self.threads.setValue(int(s.value("upload/threads", "4") or 4))
        self._mode_changed()

    def accept(self) -> None:
        s = self.settings
        s.set_value("network/proxy_mode", str(self.proxy_mode.currentData()))
        s.set_value("network/proxy_url", self.proxy_url.text().strip())
        s.set_flag("network/system_trust", self.system_trust.isChecked())
        s.set_value("network/ca_bundle", self.ca_bundle.text().strip())
        s.set_flag("network/verify_tls", self.verify.isChecked())
        s.set_flag("network/allow_http", self.allow_http.isChecked())
        s.set_value("general/language", str(self.language.currentData()))
        s.set_value("upload/segment_mib", str(self.segment_mib.value()))
        s.set_value("upload/threads", str(self.threads.value()))
        s.sync()
        super().accept()
        parent = self.parentWidget()
        check = getattr(parent, "check_language_font", None)
        if callable(check):  # Japanese chosen with no font for it: say so now, not at restart
            check(str(self.language.currentData()))

    def _mode_changed(self, *_: object) -> None:
        self.proxy_url.setEnabled(self.proxy_mode.currentData() == "manual")

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA bundle"), "",
                                              self.tr("Certificates (*.pem *.crt);;All (*)"))
        if path:
            self.ca_bundle.setText(path)
