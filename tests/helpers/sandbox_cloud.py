"""Helpers for the sandbox's own tests: test data and a raw-HTTP client for one sandbox.

These tests speak plain ``requests`` to the sandbox, not our API clients: the sandbox is the
reference the clients are tested against, so it must be checked independently of them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import requests

from helpers.waiting import wait_until
from vmdkimport.sandbox import ManualClock, Sandbox

MIB = 1024 * 1024
MAX_IMAGE = 256 * 1024  # max_image_size of the shared sandbox
TIMEOUT = 10


def vmdk(size: int = 4096, seed: bytes = b"disk") -> bytes:
    """Bytes that pass the sandbox's VMDK check (the KDMV signature), distinct per seed."""
    filler = hashlib.sha256(seed).digest()
    body = (filler * (size // len(filler) + 1))[: max(0, size - 4)]
    return b"KDMV" + body


def sha1(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def md5(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


class Cloud:
    """Raw HTTP against one sandbox, with a fresh project-scoped token for the demo user."""

    def __init__(self, sb: Sandbox) -> None:
        self.sb = sb
        self.http = requests.Session()
        self.token = self.sign_in()

    # --- identity --------------------------------------------------------------------------------

    def auth_body(self, *, user: str | None = None, password: str | None = None,
                  scope: dict[str, Any] | str | None = "id") -> dict[str, Any]:
        identity = {"methods": ["password"], "password": {"user": {
            "name": user or self.sb.user, "domain": {"name": self.sb.domain},
            "password": self.sb.password if password is None else password}}}
        auth: dict[str, Any] = {"identity": identity}
        if scope == "id":
            auth["scope"] = {"project": {"id": self.sb.project_id}}
        elif scope is not None:
            auth["scope"] = scope
        return {"auth": auth}

    def post_token(self, body: Any) -> requests.Response:
        return self.http.post(f"{self.sb.identity_url}/auth/tokens", json=body, timeout=TIMEOUT)

    def sign_in(self, **kwargs: Any) -> str:
        response = self.post_token(self.auth_body(**kwargs))
        assert response.status_code == 201, response.text
        return response.headers["X-Subject-Token"]

    # --- object storage --------------------------------------------------------------------------

    def url(self, path: str = "") -> str:
        return f"{self.sb.object_storage_url}{path}"

    def swift(self, method: str, path: str = "", *, token: str | None = None,
              **kwargs: Any) -> requests.Response:
        headers = {"X-Auth-Token": token or self.token, **kwargs.pop("headers", {})}
        return self.http.request(method, self.url(path), headers=headers, timeout=TIMEOUT,
                                 **kwargs)

    def put_object(self, container: str, name: str, data: bytes) -> str:
        """Create the container if needed, upload, and return the location for the import."""
        assert self.swift("PUT", f"/{container}").status_code in (201, 202)
        response = self.swift("PUT", f"/{container}/{name}", data=data)
        assert response.status_code == 201, response.text
        return self.location(container, name)

    def location(self, container: str, name: str) -> str:
        return f"/v1/AUTH_{self.sb.project_id}/{container}/{name}"

    # --- image import ----------------------------------------------------------------------------

    def register(self, body: Any, *, token: str | None = None, raw: bytes | None = None
                 ) -> requests.Response:
        headers = {"X-Auth-Token": token or self.token}
        url = f"{self.sb.import_url}/v1/imageimport"
        if raw is not None:
            return self.http.post(url, data=raw, headers=headers, timeout=TIMEOUT)
        return self.http.post(url, json=body, headers=headers, timeout=TIMEOUT)

    def status(self, import_id: str, *, token: str | None = None) -> requests.Response:
        return self.http.get(f"{self.sb.import_url}/v1/imageimport/{import_id}/status",
                             headers={"X-Auth-Token": token or self.token}, timeout=TIMEOUT)

    def listing(self, params: dict[str, str] | None = None, *, token: str | None = None
                ) -> requests.Response:
        return self.http.get(f"{self.sb.import_url}/v1/imageimport", params=params,
                             headers={"X-Auth-Token": token or self.token}, timeout=TIMEOUT)

    def start_import(self, location: str, **fields: Any) -> str:
        body = {"name": "image", "location": location, "os_type": "centos", **fields}
        response = self.register(body)
        assert response.status_code == 201, response.text
        return str(response.json()["import_id"])

    def follow(self, import_id: str, *, until: Callable[[dict[str, Any]], bool],
               timeout: float = 10.0) -> list[dict[str, Any]]:
        """Poll the status until ``until`` holds; every status seen, in order."""
        seen: list[dict[str, Any]] = []

        def reached() -> bool:
            response = self.status(import_id)
            assert response.status_code == 200, response.text
            seen.append(response.json())
            return until(seen[-1])

        wait_until(reached, timeout=timeout, what=f"the status of import {import_id}",
                   show=lambda _: seen[-1])
        return seen

    def step_through(self, import_ids: Sequence[str], clock: ManualClock, *, step: float,
                     until: Callable[[dict[str, Any]], bool], max_steps: int = 1000
                     ) -> dict[str, list[dict[str, Any]]]:
        """Read every import's status, move ``clock`` by ``step``, and again, until ``until``
        holds for all of them: every status seen, per import, one per step.

        Nothing waits for real time to pass, so a loaded machine sees the same timeline as an
        idle one. (The sandbox itself waits, on a condition, for the disk check it needs.)
        """
        seen: dict[str, list[dict[str, Any]]] = {i: [] for i in import_ids}
        for _ in range(max_steps):
            for import_id in import_ids:
                response = self.status(import_id)
                assert response.status_code == 200, response.text
                seen[import_id].append(response.json())
            if all(until(states[-1]) for states in seen.values()):
                return seen
            clock.advance(step)
        last = {i: states[-1] for i, states in seen.items()}
        raise AssertionError(f"not there after {max_steps} steps of {step} s; last seen {last}")

    def close(self) -> None:
        self.http.close()


def finished(status: dict[str, Any]) -> bool:
    return status["import_status"] in ("succeeded", "failed")
