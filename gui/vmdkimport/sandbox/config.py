"""Settings of the local cloud, and the checks that keep it a *local* cloud.

The sandbox hands out tokens for a well-known demo password, so it must never be reachable from
another machine: the host is checked to be a loopback address before anything is bound.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from vmdkimport.sandbox.clock import Clock, SystemClock

# A fixed project id, so that locations written in a kept data_dir stay valid across restarts.
DEFAULT_PROJECT_ID: Final = "8d3b1f0e5a6c4e2f9b7a1c0d2e3f4a5b"

# The demo password is public on purpose: the sandbox only listens on loopback.
DEFAULT_PASSWORD: Final = "demo-password"  # noqa: S105


@dataclass
class SandboxConfig:
    """Everything a sandbox can be told at start. Defaults give a demo cloud on three free ports."""

    host: str = "127.0.0.1"  # refused unless it is a loopback address
    port: int = 0  # 0 = three free ports; P = identity P, object storage P+1, import P+2
    data_dir: Path | None = None  # None = a temp dir removed on stop(); else kept
    max_file_size: int = 5 * 1024**3  # Swift single-PUT limit, 413 above it
    max_image_size: int | None = None  # 40037 when the object at `location` is larger
    conversion_seconds: float = 30.0  # simulated conversion time; 0 = succeeded at once
    token_lifetime: float = 3 * 3600  # seconds
    max_active_imports: int = 100  # 503/50301 when this many are queued/processing
    region: str = "sandbox-1"
    domain: str = "C0000001"  # plays the contract number (user domain name)
    user: str = "demo"
    password: str = DEFAULT_PASSWORD
    project_name: str = "demo-project"
    project_id: str = DEFAULT_PROJECT_ID
    # Every reading of time goes through this clock; tests pass a ManualClock to move time.
    clock: Clock = field(default_factory=SystemClock, compare=False)

    def validate(self) -> None:
        """Raise ValueError for a setting the sandbox cannot honour."""
        if not is_loopback(self.host):
            raise ValueError(f"the sandbox only listens on loopback, not on {self.host!r}")
        if not 0 <= self.port <= 65535 - 2:
            raise ValueError(f"port {self.port} leaves no room for three ports (P, P+1, P+2)")
        if self.max_file_size < 1:
            raise ValueError("max_file_size must be at least 1 byte")
        if self.max_image_size is not None and self.max_image_size < 0:
            raise ValueError("max_image_size cannot be negative")
        if self.conversion_seconds < 0:
            raise ValueError("conversion_seconds cannot be negative")
        if self.token_lifetime <= 0:
            raise ValueError("token_lifetime must be positive")
        if self.max_active_imports < 1:
            raise ValueError("max_active_imports must be at least 1")
        if not re.fullmatch(r"[0-9a-f]{32}", self.project_id):
            raise ValueError("project_id must be 32 lower-case hex digits, as Keystone makes them")
        for label, value in (("region", self.region), ("domain", self.domain),
                             ("user", self.user), ("project_name", self.project_name)):
            if not value or value != value.strip():
                raise ValueError(f"{label} must be non-empty text without surrounding spaces")
        if not self.password:
            raise ValueError("password must not be empty")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback IP literal ("localhost" counts: it is resolved locally)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
