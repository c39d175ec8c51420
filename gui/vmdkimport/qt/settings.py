"""The wizard's settings: typed access to QSettings in an INI file, never a secret.

The file lives in the user config folder (``VMDKIMPORT_HOME`` moves it, as for tests).
Passwords go to the OS keyring (:mod:`vmdkimport.core.cloud.secrets`), never here.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from vmdkimport.core import paths
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.cloud.profiles import ConnectionProfile

_FORBIDDEN = ("password", "token", "secret")


class Settings:
    def __init__(self) -> None:
        # Qt writes the INI through a temporary file that takes the old file's permissions, or
        # the umask's (0644) for a new one: the file is made 0600 first, and again after a sync.
        self.path = paths.private_file(paths.config_dir() / "wizard.ini")
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        """Write to disk now, keeping the file private."""
        self.qsettings.sync()
        paths.private_file(self.path)

    def _set(self, key: str, value: Any) -> None:
        if any(word in key.lower() for word in _FORBIDDEN):
            raise ValueError(f"refusing to store {key!r} in the settings file")
        self.qsettings.setValue(key, value)

    def value(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return str(value) if value is not None else default

    def set_value(self, key: str, value: str) -> None:
        self._set(key, value)

    # --- connection profiles ---------------------------------------------------------------
    def profiles(self) -> dict[str, ConnectionProfile]:
        raw = self.value("connection/profiles", "{}")
        try:
            data = json.loads(raw)
        except ValueError:
            data = {}
        out = {}
        for name, fields in data.items() if isinstance(data, dict) else []:
            if isinstance(fields, dict):
                out[name] = ConnectionProfile.from_dict({**fields, "name": name})
        return out

    def save_profile(self, profile: ConnectionProfile) -> None:
        profiles = {n: p.as_dict() for n, p in self.profiles().items()}
        profiles[profile.name] = profile.as_dict()
        self._set("connection/profiles", json.dumps(profiles, sort_keys=True))
        self._set("connection/last", profile.name)
        self.sync()

    def last_profile(self) -> ConnectionProfile | None:
        return self.profiles().get(self.value("connection/last"))

    # --- network ---------------------------------------------------------------------------
    def flag(self, key: str, default: bool) -> bool:
        return self.value(key, "true" if default else "false") == "true"

    def set_flag(self, key: str, value: bool) -> None:
        self._set(key, "true" if value else "false")

    def http_settings(self, profile: ConnectionProfile) -> HttpSettings:
        """Network settings for a sign-in: the dialog's choices, then the profile's."""
        mode = self.value("network/proxy_mode", "system")
        proxies: dict[str, str] | None = None
        if mode == "none":
            proxies = {}
        elif mode == "manual" and self.value("network/proxy_url"):
            url = self.value("network/proxy_url")
            proxies = {"http": url, "https": url}
        verify: bool | str = True
        if not self.flag("network/verify_tls", True) or profile.insecure:
            verify = False
        elif self.value("network/ca_bundle") or profile.ca_bundle:
            verify = self.value("network/ca_bundle") or profile.ca_bundle
        return HttpSettings(verify=verify, proxies=proxies,
                            system_trust=self.flag("network/system_trust", True),
                            allow_insecure_http=(self.flag("network/allow_http", False)
                                                 or profile.allow_http))

    # --- window ----------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)
        self.sync()
