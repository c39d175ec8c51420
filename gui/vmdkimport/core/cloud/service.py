"""Calls that carry a token: one renewal and one replay when a service answers 401.

A 401 means the service refused the request before doing anything, so replaying it once with a
fresh token is safe even for a POST; that is how an expired token is "renewed without asking".
A second 401 is the user's business (revoked rights, wrong project) and is raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import requests

from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.identity import Token
from vmdkimport.core.errors import ApiError, Unauthorized


class TokenSource(Protocol):
    """What a service client needs from the identity layer."""

    def token(self) -> Token: ...

    def invalidate(self, rejected: Token | None = None) -> None: ...


class ServiceClient:
    """Base of the API clients: an HTTP client, a token source and a service name for errors."""

    service = "service"

    def __init__(self, http: HttpClient, tokens: TokenSource) -> None:
        self.http = http
        self.tokens = tokens

    def call(
        self, method: str, url: str, *, headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        for attempt in (1, 2):
            token = self.tokens.token()
            merged = {**(headers or {}), "X-Auth-Token": token.value}
            try:
                return self.http.request(method, url, service=self.service, headers=merged,
                                         **kwargs)
            except ApiError as exc:
                if exc.status != 401:
                    raise
                self.tokens.invalidate(token)
                if attempt == 2:
                    raise Unauthorized(
                        status=401, service=self.service, url=exc.url,
                        error_code=exc.error_code, server_message=exc.server_message,
                        request_id=exc.request_id,
                    ) from None
        raise AssertionError("unreachable")  # pragma: no cover
