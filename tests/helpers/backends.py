"""One uploader test suite, two servers: the sandbox and a real OpenStack Swift.

The fixtures (``backend``, ``sandbox_backend``, ``unique``) are registered by the root conftest.

A ``Backend`` gives the tests an object-storage client plus what they need to check the server
side: the PUTs it received (counted by the server, not by our client) and the stored bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.identity import TokenProvider, static_token
from vmdkimport.core.cloud.objectstorage import ObjectStorageClient
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.cloud.session import connect
from vmdkimport.sandbox import Sandbox, SandboxConfig

MIB = 1024 * 1024
MAX_FILE = 2 * MIB  # single-PUT limit on both servers: small files exercise segmentation


@dataclass
class Backend:
    name: str
    storage: ObjectStorageClient
    storage_url: str
    token: str
    puts: Callable[[], list[str]]  # paths of the object PUTs the server received, in order
    sandbox: Any = None  # the Sandbox, when the backend is one
    max_file_size: int = MAX_FILE

    def read(self, container: str, obj: str) -> bytes:
        response = requests.get(self.storage.url(container, obj), timeout=60,
                                headers={"X-Auth-Token": self.storage.tokens.token().value})
        response.raise_for_status()
        return response.content

    def segment_puts(self, container: str, since: int = 0) -> list[str]:
        return [p for p in self.puts()[since:] if f"/{container}_segments/" in p]


def _sandbox_backend() -> Iterator[Backend]:
    with Sandbox(SandboxConfig(max_file_size=MAX_FILE, conversion_seconds=0)) as cloud:
        session = connect(ConnectionProfile(identity_url=cloud.identity_url,
                                            domain=cloud.domain, username=cloud.user,
                                            project_name=cloud.project_name), cloud.password)

        def puts() -> list[str]:
            return [r["path"] for r in cloud.requests()
                    if r["service"] == "object-storage" and r["method"] == "PUT"]

        yield Backend("sandbox", session.storage, cloud.object_storage_url,
                      session.tokens.token().value, puts, sandbox=cloud)
        session.close()


def _swift_backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    swift = request.getfixturevalue("swift")
    token, storage_url = swift.tempauth_token()
    http = HttpClient()
    storage = ObjectStorageClient(http, TokenProvider(static_token(token)), storage_url)
    yield Backend("swift", storage, storage_url, token, swift.object_puts,
                  max_file_size=swift.max_file_size)
    http.close()


@pytest.fixture(params=["sandbox", pytest.param("swift", marks=pytest.mark.realserver)])
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    if request.param == "sandbox":
        yield from _sandbox_backend()
    else:
        yield from _swift_backend(request)


@pytest.fixture
def sandbox_backend() -> Iterator[Backend]:
    yield from _sandbox_backend()


def cancel_after(backend: Backend, request: Any, segments: int) -> None:
    """Run an upload until ``segments`` are done, then cancel it (raises UploadCancelled)."""
    from vmdkimport.core.upload.transfer import TransferControl
    from vmdkimport.core.upload.uploader import Uploader

    control = TransferControl()
    for event in Uploader(backend.storage, request, control).run():
        if event.segments_done >= segments:
            control.cancel()


def make_file(path: Path, size: int, seed: int = 1) -> bytes:
    """Deterministic, incompressible-looking content (no two segments alike)."""
    import random

    data = random.Random(seed).randbytes(size)
    path.write_bytes(data)
    return data


@pytest.fixture
def unique(request: pytest.FixtureRequest) -> str:
    """A container name of its own for each test (the real Swift is shared per session)."""
    import re

    return re.sub(r"[^A-Za-z0-9]+", "-", request.node.name)[-60:].strip("-") or "c"


def put_demo_disk(cloud: Sandbox, container: str = "images", obj: str = "web01.vmdk",
                  size: int = 1024 * 1024) -> None:
    """Sign in to ``cloud`` and leave a small valid VMDK at ``container/obj`` (what a register
    test needs before it can register anything)."""
    from vmdkimport.demo import demo_vmdk_bytes

    session = connect(ConnectionProfile(identity_url=cloud.identity_url, domain=cloud.domain,
                                        username=cloud.user, project_name=cloud.project_name),
                      cloud.password)
    try:
        session.storage.create_container(container)
        session.storage.put_object(container, obj, demo_vmdk_bytes(size))
    finally:
        session.close()
