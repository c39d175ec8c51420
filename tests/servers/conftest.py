"""One real Keystone for the whole test session (a fresh start costs ~5 s).

Real-server tests skip when the Debian packages are missing on a developer's machine, but fail
under CI=true: CI must never pass by skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from servers.keystone import KEYSTONE_AVAILABLE, KeystoneServer, add_contract, start_keystone

CONTRACT = "C9990001"
PROJECT = "proj1"
USER = "alice"
PASSWORD = "alice-Secret-1"
SWIFT_URL = "http://127.0.0.1:9999/v1/AUTH_$(project_id)s"
SERVICES = {"objectstorage": SWIFT_URL, "vmimport": "http://127.0.0.1:9998"}


def require(available: bool, message: str) -> None:
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; CI must run the real-server tests, not skip them")
    pytest.skip(message)


@pytest.fixture(scope="session")
def keystone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KeystoneServer]:
    require(KEYSTONE_AVAILABLE,
            "python3-keystone is not installed (apt-get install python3-keystone)")
    server = start_keystone(tmp_path_factory.mktemp("keystone"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def contract(keystone: KeystoneServer) -> dict[str, str]:
    return add_contract(keystone, domain=CONTRACT, project=PROJECT, user=USER,
                        password=PASSWORD, services=SERVICES)
