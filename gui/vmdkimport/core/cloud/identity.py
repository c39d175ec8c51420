"""Keystone v3 password sign-in, and a token holder that renews before expiry.

K5 / FJcloud-O sign-in: the user's domain is the contract number; the token must be scoped to a
project (a domain-scoped token is refused by the import API). Tokens live 3 hours, uploads of
300 GB take longer, so :class:`TokenManager` signs in again shortly before ``expires_at`` and when
a service says 401. A rejected password is never retried by itself: 5 failures in 15 minutes lock
the account for 15 minutes.

Why not keystoneauth1: it would be the reference choice for a full OpenStack client, but we need
one auth method, one catalog lookup by endpoint *name* (K5's catalog types are unconfirmed) and a
renewal policy the GUI can show; ~150 lines of our own are smaller than wiring its plugin system
into a frozen Windows build. Its design is followed: never log the body, hash tokens in logs.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from vmdkimport.core.cloud.answers import Answer, Fields
from vmdkimport.core.cloud.http import HttpClient, hash_secret
from vmdkimport.core.error_catalog import Where
from vmdkimport.core.errors import (
    ApiError,
    AuthenticationFailed,
    BadAnswer,
    ConfigError,
    VmdkImportError,
)
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text

log = logging.getLogger(__name__)

#: renew this long before expiry, so a segment upload that starts now still has a valid token
RENEW_MARGIN = timedelta(minutes=15)


@dataclass(frozen=True)
class PasswordCredentials:
    """What the user types on the Connection page. ``repr`` never shows the password."""

    identity_url: str
    domain: str  # the contract number
    username: str
    password: str = field(repr=False)
    project_id: str | None = None
    project_name: str | None = None

    def auth_body(self) -> dict[str, Any]:
        """The POST /v3/auth/tokens body. Contains the password: never log it."""
        scope: dict[str, Any]
        if self.project_id:
            scope = {"project": {"id": self.project_id}}
        else:
            scope = {"project": {"name": self.project_name, "domain": {"name": self.domain}}}
        return {"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": self.username, "domain": {"name": self.domain}, "password": self.password,
            }}},
            "scope": scope,
        }}

    def check(self) -> None:
        """Refuse incomplete credentials before anything is sent (no wasted lockout attempt)."""
        missing = [label for label, value in (
            (Text("identity URL or region"), self.identity_url),
            (Text("contract number"), self.domain),
            (Text("user name"), self.username), (Text("password"), self.password),
        ) if not value]
        if not (self.project_id or self.project_name):
            missing.append(Text("project id or name"))
        if missing:
            raise ConfigError(
                Text("Sign-in needs: {missing}.", missing=tuple(missing)),
                Text("Fill in the missing values {where}.", where=Where(Field.CREDENTIALS)),
                Field.CREDENTIALS,
            )


@dataclass(frozen=True)
class Token:
    """A project-scoped token and what came with it."""

    value: str = field(repr=False)
    expires_at: datetime
    issued_at: datetime | None
    project_id: str
    project_name: str
    domain_name: str
    user_id: str
    user_name: str
    roles: tuple[str, ...]
    catalog: Sequence[Mapping[str, Any]] = field(repr=False, default=())

    def expires_within(self, margin: timedelta, now: datetime | None = None) -> bool:
        return (now or datetime.now(UTC)) + margin >= self.expires_at


class IdentityClient:
    """``POST {identity_url}/auth/tokens`` with the password method."""

    def __init__(self, http: HttpClient) -> None:
        self.http = http

    def authenticate(self, creds: PasswordCredentials) -> Token:
        creds.check()
        url = creds.identity_url.rstrip("/") + "/auth/tokens"
        try:
            response = self.http.request(
                "POST", url, service="identity", json=creds.auth_body(),
                headers={"Accept": "application/json"},
            )
        except ApiError as exc:
            if exc.status == 401:
                raise AuthenticationFailed(
                    status=401, service="identity", url=exc.url, error_code=None,
                    server_message=None, request_id=exc.request_id,
                ) from None
            raise
        token = parse_token(Answer.of(response, "identity"), creds)
        log.info("signed in as %s to project %s; token %s expires %s", token.user_name,
                 token.project_id, hash_secret(token.value), token.expires_at.isoformat())
        return token


def parse_token(answer: Answer, creds: PasswordCredentials) -> Token:
    """The token in a sign-in answer; BadAnswer for any field we cannot use.

    An answer without a token at all is most likely not Keystone: the error then points at the
    identity URL. A token without a project is a well-formed answer we cannot use: ConfigError.
    """
    value = answer.header("X-Subject-Token")
    try:
        body = answer.body()
        if not value or not body.has("token"):
            raise answer.bad(Text("it has no token"))
    except BadAnswer as exc:
        exc.action = Text("Check the identity URL: it usually ends in /v3.")
        exc.field = Field.ENDPOINTS
        raise
    token = body.obj("token")
    project = token.obj("project")
    project_id = project.opt_text("id")
    expires_at = token.time("expires_at")
    issued_at = token.opt_time("issued_at")
    user = token.obj("user")
    domain_name = user.obj("domain").opt_text("name")
    roles = tuple(role.opt_text("name") or "" for role in token.objects("roles"))
    catalog = tuple(_catalog_entry(entry) for entry in token.objects("catalog"))
    if not project_id:
        raise ConfigError(
            Text("The sign-in worked but the token is not tied to a project."),
            Text("Enter the project id or name {where}.", where=Where(Field.PROJECT)),
            Field.PROJECT,
        )
    return Token(
        value=value, expires_at=expires_at, issued_at=issued_at, project_id=project_id,
        project_name=project.opt_text("name") or "",
        domain_name=domain_name or creds.domain, user_id=user.opt_text("id") or "",
        user_name=user.opt_text("name") or creds.username, roles=roles, catalog=catalog,
    )


def _catalog_entry(entry: Fields) -> dict[str, Any]:
    """One service of the catalog, with only checked strings: what endpoints.py reads."""
    out: dict[str, Any] = {k: v for k in ("name", "type", "id")
                           if (v := entry.opt_text(k)) is not None}
    out["endpoints"] = [
        {k: v for k in ("interface", "region", "region_id", "url", "id")
         if (v := ep.opt_text(k)) is not None}
        for ep in entry.objects("endpoints")
    ]
    return out


class TokenManager:
    """Hands out a valid token to any thread; signs in again when needed.

    Thread-safe: parallel upload workers share one manager, and only one of them signs in when
    the token runs out. A password rejected once is remembered and never sent again by this
    manager, so no loop can lock the account.
    """

    def __init__(
        self, client: IdentityClient, creds: PasswordCredentials, *,
        margin: timedelta = RENEW_MARGIN, clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._client = client
        self._creds = creds
        self._margin = margin
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._token: Token | None = None
        self._rejected: AuthenticationFailed | None = None
        self.sign_ins = 0

    @property
    def credentials(self) -> PasswordCredentials:
        return self._creds

    @property
    def renewals(self) -> int:
        """Sign-ins after the first one: expiry or a service's 401."""
        return max(0, self.sign_ins - 1)

    def token(self) -> Token:
        """A token valid for at least the margin (signing in if needed)."""
        with self._lock:
            current = self._token
            if current is not None and not current.expires_within(self._margin_for(current),
                                                                  self._clock()):
                return current
            if self._rejected is not None:
                raise self._rejected
            try:
                fresh = self._client.authenticate(self._creds)
            except AuthenticationFailed as exc:
                self._rejected = exc
                raise
            self.sign_ins += 1
            self._token = fresh
            return fresh

    def _margin_for(self, token: Token) -> timedelta:
        """The renewal margin, at most a quarter of the token's life: a cloud that hands out
        10-minute tokens must not make us sign in again on every call."""
        if token.issued_at is None:
            return self._margin
        return min(self._margin, (token.expires_at - token.issued_at) / 4)

    def invalidate(self, rejected: Token | None = None) -> None:
        """Forget the token a service refused (only if no other thread renewed it meanwhile)."""
        with self._lock:
            if rejected is None or self._token is rejected:
                self._token = None

    def auth_headers(self) -> dict[str, str]:
        return {"X-Auth-Token": self.token().value}


class TokenProvider:
    """A fixed token, for servers with their own auth (``--storage-url`` with ``--token``)."""

    def __init__(self, token: Token) -> None:
        self._token = token
        self.renewals = 0

    def token(self) -> Token:
        return self._token

    def invalidate(self, rejected: Token | None = None) -> None:
        del rejected  # nothing to renew with: the next call fails with the service's 401

    def auth_headers(self) -> dict[str, str]:
        return {"X-Auth-Token": self._token.value}


def static_token(value: str, project_id: str = "") -> Token:
    """Wrap a token the user pasted; it never expires as far as we know."""
    return Token(value=value, expires_at=datetime.max.replace(tzinfo=UTC), issued_at=None,
                 project_id=project_id, project_name="", domain_name="", user_id="",
                 user_name="", roles=())


def is_auth_error(exc: VmdkImportError) -> bool:
    return isinstance(exc, ApiError) and exc.status == 401
