"""Fixtures for the sandbox's own tests: running sandboxes and a raw-HTTP helper for each."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from helpers.sandbox_cloud import MAX_IMAGE, MIB, Cloud
from vmdkimport.sandbox import Sandbox, SandboxConfig


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[Sandbox]:
    """One sandbox per test module: fast conversion, 1 MiB PUT limit, 256 KiB image limit."""
    config = SandboxConfig(conversion_seconds=0.3, max_file_size=MIB, max_image_size=MAX_IMAGE,
                           max_active_imports=1000)
    with Sandbox(config) as sb:
        yield sb


@pytest.fixture
def cloud(shared_sandbox: Sandbox) -> Iterator[Cloud]:
    c = Cloud(shared_sandbox)
    yield c
    c.close()


@pytest.fixture
def make_cloud() -> Iterator[Callable[..., Cloud]]:
    """Start a sandbox with its own config for one test; stopped when the test ends."""
    started: list[tuple[Sandbox, Cloud]] = []

    def make(**config: Any) -> Cloud:
        sb = Sandbox(SandboxConfig(**config)).start()
        c = Cloud(sb)
        started.append((sb, c))
        return c

    yield make
    for sb, c in started:
        c.close()
        sb.stop()
