"""One real Keystone for the whole test session (a fresh start costs ~5 s).

Real-server tests skip when the Debian packages are missing on a developer's machine, but fail
under CI=true: CI must never pass by skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from servers.keystone import KEYSTONE_AVAILABLE, KeystoneServer, add_contract, start_keystone
from servers.swift import SWIFT_AVAILABLE, SwiftServer, set_object_store_endpoint, start_swift

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


# --- Swift (added with tests/servers/swift.py) ------------------------------------------------
# Two instances, each started on first use: tempauth only, and Keystone mode. ~2 s each.

SWIFT_MISSING = ("Swift is not installed (apt-get install swift swift-proxy swift-account "
                 "swift-container swift-object python3-swiftclient memcached)")


@pytest.fixture(scope="session")
def swift(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SwiftServer]:
    """tempauth (test:tester / testing on AUTH_test), max_file_size 2 MiB."""
    require(SWIFT_AVAILABLE, SWIFT_MISSING)
    server = start_swift(tmp_path_factory.mktemp("swift"), max_file_size=2 * 1024 * 1024)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def swift_keystone(
    tmp_path_factory: pytest.TempPathFactory, keystone: KeystoneServer, contract: dict[str, str]
) -> Iterator[SwiftServer]:
    """A Swift that trusts ``keystone``: alice's proj1 token works on ``AUTH_<project_id>``.

    The catalog's ``objectstorage`` endpoint (the ``contract`` fixture's dummy 127.0.0.1:9999)
    is re-pointed at this Swift, so clients find it as they would on FJcloud-O. Tests must not
    depend on the port of that endpoint (they run in any order).
    """
    require(SWIFT_AVAILABLE, SWIFT_MISSING)
    server = start_swift(tmp_path_factory.mktemp("swift-keystone"), keystone=keystone)
    try:
        # Not add_contract(): setting alice's password again would revoke her tokens.
        set_object_store_endpoint(keystone, server)
        yield server
    finally:
        server.stop()
