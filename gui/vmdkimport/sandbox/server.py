"""The :class:`Sandbox`: identity, object storage and image import on three loopback ports.

It is the demo back end of the app and the reference our API clients are tested against, so it
can also misbehave on request (:meth:`Sandbox.inject_fault`, :meth:`Sandbox.expire_tokens`) and
says what it was asked (:meth:`Sandbox.requests`).
"""

from __future__ import annotations

import logging
import shutil
import socket
import tempfile
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from vmdkimport.sandbox.config import SandboxConfig
from vmdkimport.sandbox.http import SandboxServer, Service
from vmdkimport.sandbox.identity import IdentityService
from vmdkimport.sandbox.imports import DiskChecker, ImportRegistry, ImportService
from vmdkimport.sandbox.objectstore import ObjectStore
from vmdkimport.sandbox.state import Directory, SharedState
from vmdkimport.sandbox.swift import SwiftService

logger = logging.getLogger(__name__)

VIEWER_USER = "viewer"  # pre-created, without the import right (403/40301)


class Sandbox:
    """A local cloud. ``with Sandbox(config) as sb:`` starts it and stops it again."""

    def __init__(self, config: SandboxConfig | None = None) -> None:
        self.config = config if config is not None else SandboxConfig()
        self.config.validate()
        self._directory = Directory(self.config)
        self._directory.add_user(self.config.user, can_import=True)
        if self.config.user != VIEWER_USER:
            self._directory.add_user(VIEWER_USER, can_import=False)
        self._state = SharedState(self.config, self._directory)
        self._servers: list[SandboxServer] = []
        self._threads: list[threading.Thread] = []
        self._checker: DiskChecker | None = None
        self._temp_dir: Path | None = None
        self.data_dir: Path | None = None

    # --- life cycle -----------------------------------------------------------------------------

    def start(self) -> Sandbox:
        if self._servers:
            raise RuntimeError("the sandbox is already running")
        config = self.config
        if config.data_dir is None:
            self._temp_dir = Path(tempfile.mkdtemp(prefix="vmdkimport-sandbox-"))
            self.data_dir = self._temp_dir
        else:
            self.data_dir = Path(config.data_dir)
            self.data_dir.mkdir(parents=True, exist_ok=True)
        try:
            store = ObjectStore(self.data_dir / "objects", config.clock)
            registry = ImportRegistry(self.data_dir / "imports.json", clock=config.clock.time)
            self._checker = DiskChecker(registry, store)
            services: list[Service] = [
                IdentityService(self._state),
                SwiftService(self._state, store),
                ImportService(self._state, store, registry, self._checker),
            ]
            family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
            for offset, service in enumerate(services):
                port = config.port + offset if config.port else 0
                self._servers.append(
                    SandboxServer((config.host, port), service, self._state, family=family))
        except BaseException:
            self._close()
            raise
        host = f"[{config.host}]" if ":" in config.host else config.host
        identity, storage, image_import = (
            f"http://{host}:{s.server_address[1]}" for s in self._servers)
        self._state.urls.update({
            "identity": f"{identity}/v3",
            "object-storage": f"{storage}/v1/AUTH_{config.project_id}",
            "image-import": image_import,
        })
        for server in self._servers:
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                      name=f"sandbox-{server.service.name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        self._checker.resume()
        logger.info("sandbox started: identity %s, data in %s", self.identity_url, self.data_dir)
        return self

    def stop(self) -> None:
        """Stop serving, cut open connections, and remove the data dir if it was temporary."""
        stoppers = [threading.Thread(target=s.shutdown) for s in self._servers]
        for stopper in stoppers:  # in parallel: each waits up to one poll interval
            stopper.start()
        for stopper in stoppers:
            stopper.join()
        self._close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads.clear()

    def _close(self) -> None:
        for server in self._servers:
            server.close_connections()
            server.server_close()
        self._servers.clear()
        if self._checker is not None:
            self._checker.stop()
            self._checker = None
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def __enter__(self) -> Sandbox:
        """Start the sandbox unless :meth:`start` was already called."""
        return self if self._servers else self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # --- addresses and credentials ----------------------------------------------------------

    def _url(self, key: str) -> str:
        try:
            return self._state.urls[key]
        except KeyError:
            raise RuntimeError("the sandbox has not been started") from None

    @property
    def identity_url(self) -> str:
        """``http://127.0.0.1:P/v3``"""
        return self._url("identity")

    @property
    def object_storage_url(self) -> str:
        """``http://127.0.0.1:P1/v1/AUTH_<project_id>``"""
        return self._url("object-storage")

    @property
    def import_url(self) -> str:
        """``http://127.0.0.1:P2``; the client appends ``/v1/imageimport``."""
        return self._url("image-import")

    @property
    def region(self) -> str:
        return self.config.region

    @property
    def domain(self) -> str:
        return self.config.domain

    @property
    def user(self) -> str:
        return self.config.user

    @property
    def password(self) -> str:
        return self.config.password

    @property
    def project_id(self) -> str:
        return self.config.project_id

    @property
    def project_name(self) -> str:
        return self.config.project_name

    def info(self) -> dict[str, Any]:
        """What a client needs to connect (the password too: it is the public demo password)."""
        return {
            "identity_url": self.identity_url,
            "object_storage_url": self.object_storage_url,
            "import_url": self.import_url,
            "region": self.region,
            "domain": self.domain,
            "user": self.user,
            "password": self.password,
            "project_id": self.project_id,
            "project_name": self.project_name,
        }

    # --- test hooks -----------------------------------------------------------------------------

    def inject_fault(self, service: str, method: str, path_regex: str, status: int, *,
                     error_code: str | None = None, body: str | None = None,
                     content_type: str | None = None, count: int = 1) -> None:
        """Answer the next ``count`` matching requests with this instead of serving them.

        ``service`` is "identity", "object-storage" or "image-import"; ``method`` an HTTP method
        or "*"; ``path_regex`` is searched in the path (without the query string). With
        ``error_code`` the body is the provider's ``{"error_code","message"}``; otherwise ``body``
        is sent as is with ``content_type``. ``status`` 0 closes the connection without an
        answer. The request body is read first either way.
        """
        self._state.faults.add(service, method, path_regex, status, error_code=error_code,
                               body=body, content_type=content_type, count=count)

    def expire_tokens(self) -> None:
        """Every token issued so far becomes invalid (401), as after 3 hours."""
        self._directory.expire_all()

    def requests(self) -> list[dict[str, Any]]:
        """The request log: ``{"service","method","path","status"}`` per request, oldest first."""
        return self._state.log.entries()

    def add_user(self, name: str, *, can_import: bool) -> None:
        """A user of the same domain and project, with the configured password."""
        self._directory.add_user(name, can_import=can_import)
