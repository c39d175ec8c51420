"""Keystone v3, the part K5 / FJcloud-O clients use: password tokens and the service catalog.

Failures look like Keystone's (``{"error": {"code", "message", "title"}}``), and every sign-in
failure is the same 401, whatever was wrong, so the sandbox tells an attacker nothing Keystone
would not. Locked-out users get that 401 even with the right password, as the provider documents.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any, Final

from vmdkimport.sandbox.http import Exchange, HttpError, json_body
from vmdkimport.sandbox.state import SharedState, Token, User, stable_id

UNAUTHORIZED_MESSAGE: Final = "The request you have made requires authentication."
_BODY_LIMIT: Final = 64 * 1024


def iso_time(timestamp: float) -> str:
    """Keystone's timestamp format: ``2026-11-27T12:00:00.000000Z``."""
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def keystone_error(status: int, title: str, message: str) -> HttpError:
    body = {"error": {"code": status, "message": message, "title": title}}
    return HttpError(status, json.dumps(body).encode(), "application/json")


def _bad_request(message: str) -> HttpError:
    return keystone_error(400, "Bad Request", message)


def _unauthorized() -> HttpError:
    return keystone_error(401, "Unauthorized", UNAUTHORIZED_MESSAGE)


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad_request(f"Invalid input for field '{what}': expected an object.")
    return value


def _opt_str(value: dict[str, Any], key: str, what: str) -> str | None:
    got = value.get(key)
    if got is not None and not isinstance(got, str):
        raise _bad_request(f"Invalid input for field '{what}.{key}': expected a string.")
    return got


class IdentityService:
    """``/v3`` on the identity port."""

    name = "identity"

    def __init__(self, state: SharedState) -> None:
        self.state = state
        self.directory = state.directory

    def request_id_headers(self) -> dict[str, str]:
        return {"X-Openstack-Request-Id": f"req-{uuid.uuid4()}"}

    def internal_error(self, exchange: Exchange) -> None:
        err = keystone_error(500, "Internal Server Error",
                             "An unexpected error prevented the server from fulfilling your "
                             "request.")
        exchange.send(err.status, err.body, content_type=err.content_type)

    # --- routing -------------------------------------------------------------------------------

    def handle(self, ex: Exchange) -> None:
        if ex.apply_fault(self.name):
            return
        path = ex.path.rstrip("/") or "/"
        if path == "/":
            self._allow(ex, "GET", "HEAD")
            ex.send_json(300, {"versions": {"values": [self._version()]}})
        elif path == "/v3":
            self._allow(ex, "GET", "HEAD")
            ex.send_json(200, {"version": self._version()})
        elif path == "/v3/auth/tokens":
            self._allow(ex, "POST")
            self._issue_token(ex)
        elif path == "/v3/auth/projects":
            self._allow(ex, "GET", "HEAD")
            self._projects(ex, None)
        elif path.startswith("/v3/users/") and path.endswith("/projects"):
            self._allow(ex, "GET", "HEAD")
            self._projects(ex, path[len("/v3/users/"):-len("/projects")])
        else:
            raise keystone_error(404, "Not Found", "The resource could not be found.")

    @staticmethod
    def _allow(ex: Exchange, *methods: str) -> None:
        if ex.method not in methods:
            err = keystone_error(405, "Method Not Allowed",
                                 f"The method {ex.method} is not allowed for this resource.")
            err.headers["Allow"] = ", ".join(methods)
            raise err

    def _version(self) -> dict[str, Any]:
        return {
            "id": "v3.14",
            "status": "stable",
            "updated": "2020-04-07T00:00:00Z",
            "links": [{"rel": "self", "href": self.state.urls["identity"] + "/"}],
            "media-types": [{"base": "application/json",
                             "type": "application/vnd.openstack.identity-v3+json"}],
        }

    # --- POST /v3/auth/tokens ------------------------------------------------------------------

    def _issue_token(self, ex: Exchange) -> None:
        ok, body = json_body(ex.body, _BODY_LIMIT)
        if not ok:
            raise _bad_request("Malformed request body: it must be a JSON object.")
        auth = _obj(_obj(body, "body").get("auth"), "auth")
        identity = _obj(auth.get("identity"), "auth.identity")
        methods = identity.get("methods")
        if not isinstance(methods, list) or not all(isinstance(m, str) for m in methods):
            raise _bad_request("Invalid input for field 'identity.methods': expected a list.")
        if methods != ["password"]:
            raise _unauthorized()  # only password authentication is offered
        password_block = _obj(identity.get("password"), "identity.password")
        user_block = _obj(password_block.get("user"), "password.user")
        password = user_block.get("password")
        if not isinstance(password, str):
            raise _bad_request("Invalid input for field 'user.password': expected a string.")
        user = self._find_user(user_block)
        lockout = self.directory.lockout
        if user is None:
            raise _unauthorized()
        if lockout.is_locked(user.id):
            raise _unauthorized()
        if not self.directory.password_ok(password):
            lockout.failed(user.id)
            raise _unauthorized()
        lockout.succeeded(user.id)
        project_id, domain_scoped = self._scope(auth.get("scope"))
        value, token = self.directory.issue(user, project_id=project_id,
                                            domain_scoped=domain_scoped)
        ex.send_json(201, {"token": self.token_body(user, token)},
                     headers={"X-Subject-Token": value, "Vary": "X-Auth-Token"})

    def _domain_matches(self, block: Any, what: str) -> bool:
        domain = _obj(block, what)
        domain_id = _opt_str(domain, "id", what)
        domain_name = _opt_str(domain, "name", what)
        if domain_id is None and domain_name is None:
            raise _bad_request(f"Invalid input for field '{what}': give an id or a name.")
        config = self.state.config
        return (domain_id is None or domain_id == self.directory.domain_id) and (
            domain_name is None or domain_name == config.domain)

    def _find_user(self, block: dict[str, Any]) -> User | None:
        user_id = _opt_str(block, "id", "user")
        name = _opt_str(block, "name", "user")
        if user_id is not None:
            user = self.directory.user_by_id(user_id)
            if user is None or (name is not None and name != user.name):
                return None
            if "domain" in block and not self._domain_matches(block["domain"], "user.domain"):
                return None
            return user
        if name is None:
            raise _bad_request("Invalid input for field 'user': give an id or a name.")
        if "domain" not in block:
            raise _bad_request("Invalid input for field 'user': a user name needs a domain.")
        if not self._domain_matches(block["domain"], "user.domain"):
            return None
        return self.directory.user_by_name(name)

    def _scope(self, scope: Any) -> tuple[str | None, bool]:
        """(project id, domain scoped) for the requested scope; 401 for an unknown target."""
        if scope is None:
            return None, False
        scope = _obj(scope, "auth.scope")
        config = self.state.config
        if set(scope) == {"project"}:
            project = _obj(scope["project"], "scope.project")
            project_id = _opt_str(project, "id", "scope.project")
            name = _opt_str(project, "name", "scope.project")
            if project_id is not None:
                if project_id != config.project_id or (
                        name is not None and name != config.project_name):
                    raise _unauthorized()
                return project_id, False
            if name is None:
                raise _bad_request("Invalid input for field 'scope.project': give an id or a "
                                   "name.")
            if "domain" not in project:
                raise _bad_request("Invalid input for field 'scope.project': a project name "
                                   "needs a domain.")
            if name != config.project_name or not self._domain_matches(
                    project["domain"], "scope.project.domain"):
                raise _unauthorized()
            return config.project_id, False
        if set(scope) == {"domain"}:
            if not self._domain_matches(scope["domain"], "scope.domain"):
                raise _unauthorized()
            return None, True
        raise _bad_request("Invalid input for field 'auth.scope': give a project or a domain.")

    # --- token body ------------------------------------------------------------------------------

    def token_body(self, user: User, token: Token) -> dict[str, Any]:
        config = self.state.config
        domain = {"id": self.directory.domain_id, "name": config.domain}
        body: dict[str, Any] = {
            "methods": ["password"],
            "expires_at": iso_time(token.expires_at),
            "issued_at": iso_time(token.issued_at),
            "audit_ids": [uuid.uuid4().hex[:22]],
            "user": {"id": user.id, "name": user.name, "domain": domain,
                     "password_expires_at": None},
        }
        if token.project_id is None and not token.domain_scoped:
            return body  # unscoped: no project, no roles, no catalog
        if token.project_id is not None:
            body["project"] = {"id": config.project_id, "name": config.project_name,
                               "domain": domain}
        else:
            body["domain"] = domain
        role = "member" if user.can_import else "reader"
        body["roles"] = [{"id": stable_id("role", role), "name": role}]
        body["catalog"] = self.catalog()
        return body

    def catalog(self) -> list[dict[str, Any]]:
        region = self.state.config.region
        urls = self.state.urls

        def entry(name: str, type_: str, url: str) -> dict[str, Any]:
            return {
                "type": type_, "name": name, "id": stable_id("service", name),
                "endpoints": [{"id": stable_id("endpoint", name), "interface": "public",
                               "region": region, "region_id": region, "url": url}],
            }

        return [
            entry("identityv3", "identity", urls["identity"]),
            entry("objectstorage", "object-store", urls["object-storage"]),
            entry("vmimport", "vmimport", urls["image-import"]),
        ]

    # --- project listing (for clients that pick a project after an unscoped sign-in) -------------

    def _projects(self, ex: Exchange, user_id: str | None) -> None:
        token = self.directory.validate(ex.headers.get("X-Auth-Token"))
        if token is None:
            raise _unauthorized()
        if user_id is not None and user_id != token.user_id:
            raise keystone_error(403, "Forbidden",
                                 "You are not authorized to perform the requested action.")
        config = self.state.config
        ex.send_json(200, {
            "projects": [{"id": config.project_id, "name": config.project_name,
                          "domain_id": self.directory.domain_id, "enabled": True,
                          "is_domain": False, "description": "", "parent_id":
                          self.directory.domain_id}],
            "links": {"self": self.state.urls["identity"] + ex.path, "previous": None,
                      "next": None},
        })
