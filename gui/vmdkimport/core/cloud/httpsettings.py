"""The network settings the user controls, apart from :mod:`vmdkimport.core.cloud.http`.

A plain value with no dependency on ``requests``, so that the profiles, the wizard's settings and
its first page load without the HTTP stack (which costs about 100 ms at start).

"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class HttpSettings:
    """Network settings the user controls (Settings dialog, CLI flags)."""

    #: True (verify), False (no verification: only for test systems), or a CA bundle path
    verify: bool | str = True
    #: with verify=True: trust the operating system's certificate store (Windows, macOS,
    #: Linux) rather than certifi's copy, so a company CA installed there is honoured
    system_trust: bool = True
    #: None = system/environment proxies; {} = no proxy; else {"https": "http://proxy:8080"}
    proxies: Mapping[str, str] | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    #: retries of idempotent requests on connection failures and 502/503/504
    read_retries: int = 3
    backoff: float = 0.5
    extra_headers: Mapping[str, str] = field(default_factory=dict)
    #: send secrets over plain http to hosts other than this machine (never the default: the
    #: password and the token would travel unencrypted); see core/cloud/cleartext.py
    allow_insecure_http: bool = False

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.connect_timeout, self.read_timeout)
