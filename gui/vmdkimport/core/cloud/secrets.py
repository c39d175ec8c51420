"""Passwords in the operating system's keyring, and only there.

Windows Credential Manager, macOS Keychain or the Secret Service on Linux, through ``keyring``.
Where no usable backend exists (a bare Linux server, a CI box) we say so and the password is simply
not remembered; we never fall back to a file.
"""

from __future__ import annotations

import contextlib
import logging

import keyring
import keyring.errors

from vmdkimport.core.text import Text

log = logging.getLogger(__name__)

SERVICE = "vmdkimport"


def account_key(identity_url: str, domain: str, username: str) -> str:
    """One entry per identity service, contract and user."""
    return f"{identity_url.rstrip('/')}|{domain}|{username}"


def unavailable_reason() -> str | None:
    """Why passwords cannot be remembered here, or None when they can."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - any backend failure means "not available"
        return Text("The system keyring cannot be opened ({error}).", error=type(exc).__name__)
    name = type(backend).__name__
    priority = getattr(backend, "priority", 0)
    if backend.__module__.startswith("keyring.backends.fail"):
        return Text("No system keyring is available on this computer.")
    if name == "ChainerBackend" and not getattr(backend, "backends", []):
        return Text("No system keyring is available on this computer.")
    if isinstance(priority, (int, float)) and priority <= 0:
        return Text("The keyring backend {name} is not usable for passwords.", name=name)
    return None


def get_password(key: str) -> str | None:
    try:
        value = keyring.get_password(SERVICE, key)
    except keyring.errors.KeyringError as exc:
        log.warning("keyring lookup failed: %s", type(exc).__name__)
        return None
    return value if isinstance(value, str) else None


def set_password(key: str, password: str) -> None:
    keyring.set_password(SERVICE, key, password)


def delete_password(key: str) -> None:
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(SERVICE, key)
