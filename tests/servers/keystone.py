"""A real OpenStack Keystone (Debian 12 ``python3-keystone``) on 127.0.0.1, for tests.

Why a real one: the wizard's identity code must match what Keystone actually answers (status
codes, ``X-Subject-Token``, the catalog and its ``$(project_id)s`` substitution), not what a mock
thinks it answers. FJcloud-O / K5 identity is Keystone v3, with the *contract number* as the
domain name, so a stock Keystone is a faithful stand-in.

How: everything lives in one data directory (``keystone.conf``, the SQLite database, the Fernet
and credential key repositories, the logs). Nothing under ``/etc/keystone`` or
``/var/log/keystone`` is read or written, nothing goes through systemd or Apache. The packaged
``keystone-wsgi-public`` (wsgiref: single threaded, HTTP/1.0, "for testing only") serves it.

Only the standard library and ``requests`` are used here, because this module runs in the
project's interpreter (pyenv), which cannot import ``keystone``: every Keystone command runs as
a subprocess under Debian's ``/usr/bin/python3`` (the scripts' own shebang).

Typical use::

    server = start_keystone(tmp_path)
    try:
        ids = add_contract(server, domain="C9990001", project="proj1", user="alice",
                           password="pw", services={"objectstorage": "http://...AUTH_$(project_id)s"})
        ...
    finally:
        server.stop()
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import grp
import os
import pwd
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any, ClassVar

import requests

from helpers.waiting import wait_until

KEYSTONE_MANAGE = Path("/usr/bin/keystone-manage")
KEYSTONE_WSGI_PUBLIC = Path("/usr/bin/keystone-wsgi-public")

#: Both scripts exist and are executable (they carry ``#!/usr/bin/python3``). Callers decide what
#: a missing Keystone means: a skip on a developer machine, a failure in CI.
KEYSTONE_AVAILABLE: bool = all(
    os.access(p, os.X_OK) for p in (KEYSTONE_MANAGE, KEYSTONE_WSGI_PUBLIC)
)

REGION = "RegionOne"
DEFAULT_DOMAIN = "Default"

#: Measured: a fresh start takes ~5 s on a 2-core VM; 60 s leaves room for a loaded CI runner.
START_TIMEOUT_S = 60.0
#: Time allowed after SIGTERM before SIGKILL.
STOP_GRACE_S = 5.0
#: How much later than the start-up deadline a readiness wait gives up (see wait_for_start).
_LATE_S = 5.0
#: Each keystone-manage step takes ~2 s; this only bounds a hung step.
MANAGE_TIMEOUT_S = 120.0
#: A port picked by us can be taken by someone else before Keystone binds it; retry that often.
_PORT_ATTEMPTS = 3

#: Variables of the caller's (pyenv) Python that would make Debian's python3 import the wrong
#: stdlib or site-packages, plus Keystone's own config-location overrides (we pass files).
_DROPPED_ENV = (
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONSTARTUP",
    "PYTHONUSERBASE",
    "PYTHONPLATLIBDIR",
    "PYTHONSAFEPATH",
    "PYTHONEXECUTABLE",
    "OS_KEYSTONE_CONFIG_DIR",
    "OS_KEYSTONE_CONFIG_FILES",
)

_CONF_TEMPLATE = """\
# Written by tests/servers/keystone.py for a throw-away test Keystone.
# Every path points into this directory: nothing under /etc/keystone is used.
[DEFAULT]
log_file = {log_file}
use_stderr = false
debug = false

[database]
connection = sqlite:///{db}
# Test data: losing it on a power cut is fine, fsync on every commit is not.
sqlite_synchronous = false

[token]
provider = fernet

[fernet_tokens]
key_repository = {fernet}

# fernet_setup also initialises the receipts repository, whose default is
# /etc/keystone/fernet-keys/: it must be redirected too.
[fernet_receipts]
key_repository = {fernet}

[credential]
key_repository = {credential}

[identity]
# bcrypt's minimum: the default (12) costs ~0.25 s per password check.
password_hash_rounds = 4

[cache]
# Token validation drops from 0.2-0.5 s to ~10 ms. In-process is right: one server process.
enabled = true
backend = dogpile.cache.memory

[oslo_policy]
# Absent file and no policy dirs: the built-in default policy, never /etc/keystone/policy*.
policy_file = {policy}
policy_dirs =

[oslo_concurrency]
lock_path = {lock}
"""

_LIBC: Any = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
_PR_SET_PDEATHSIG = 1


class KeystoneError(RuntimeError):
    """Keystone could not be set up, started or driven; the message carries the log tail."""


class _PortInUseError(KeystoneError):
    """The server could not bind its port (someone took our free port in the meantime)."""


@dataclass
class _Paths:
    """Where everything of one instance lives, so config, commands and errors agree."""

    data_dir: Path

    @property
    def conf(self) -> Path:
        return self.data_dir / "keystone.conf"

    @property
    def conf_dir(self) -> Path:
        """An empty --config-dir, so oslo.config never reads /etc/keystone/keystone.conf.d."""
        return self.data_dir / "keystone.conf.d"

    @property
    def db(self) -> Path:
        return self.data_dir / "keystone.db"

    @property
    def log(self) -> Path:
        return self.data_dir / "keystone.log"

    @property
    def server_out(self) -> Path:
        return self.data_dir / "keystone-wsgi.out"

    def manage_out(self, step: str) -> Path:
        return self.data_dir / f"keystone-manage-{step}.out"

    def config_args(self) -> list[str]:
        return ["--config-file", str(self.conf), "--config-dir", str(self.conf_dir)]


_LIVE: dict[int, KeystoneServer] = {}


@dataclass
class KeystoneServer:
    """A running Keystone. ``url`` is the v3 auth URL clients are given.

    The admin is ``admin`` / ``admin_password`` in domain ``Default`` with role ``admin`` on
    project ``admin`` (what ``keystone-manage bootstrap`` creates).
    """

    url: str
    port: int
    data_dir: Path
    admin_password: str
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False, compare=False)
    _output: IO[bytes] | None = field(default=None, repr=False, compare=False)

    admin_user: ClassVar[str] = "admin"
    admin_project: ClassVar[str] = "admin"
    region: ClassVar[str] = REGION

    @property
    def log_file(self) -> Path:
        """Keystone's own log (requests, errors); the first place to look when a test fails."""
        return _Paths(self.data_dir).log

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        """Terminate the server (SIGTERM, SIGKILL after 5 s) and reap it. Safe to call twice."""
        process, self._process = self._process, None
        _LIVE.pop(id(self), None)
        if process is not None:
            _terminate(process)
        if self._output is not None:
            self._output.close()
            self._output = None

    def __enter__(self) -> KeystoneServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def start_keystone(data_dir: Path, *, port: int = 0) -> KeystoneServer:
    """Set up (or reuse) a Keystone in ``data_dir`` and serve it on ``127.0.0.1:port``.

    ``port=0`` picks a free port. The setup steps are idempotent, so an existing ``data_dir``
    (not in use by a running server) is reused; the admin password is new on every start.
    Raises :class:`KeystoneError` with the relevant log tails if anything fails, and leaves no
    process behind in that case.
    """
    if not KEYSTONE_AVAILABLE:
        raise KeystoneError(
            f"{KEYSTONE_WSGI_PUBLIC} / {KEYSTONE_MANAGE} missing: "
            "apt-get install --no-install-recommends python3-keystone"
        )
    deadline = time.monotonic() + START_TIMEOUT_S
    paths = _Paths(Path(data_dir).resolve())
    _write_config(paths)

    # db_sync and the two key repositories are independent: run them side by side (~2 s each,
    # mostly interpreter start-up and imports).
    user = pwd.getpwuid(os.getuid()).pw_name
    group = grp.getgrgid(os.getgid()).gr_name
    owner = ["--keystone-user", user, "--keystone-group", group]
    _run_manage_steps(
        paths,
        {
            "db_sync": ["db_sync"],
            "fernet_setup": ["fernet_setup", *owner],
            "credential_setup": ["credential_setup", *owner],
        },
    )
    _enable_wal(paths.db)

    admin_password = secrets.token_urlsafe(16)
    for attempt in range(1, _PORT_ATTEMPTS + 1):
        chosen = port or _free_port()
        url = f"http://127.0.0.1:{chosen}/v3"
        try:
            return _serve(paths, chosen, url, admin_password, deadline)
        except _PortInUseError:
            if port or attempt == _PORT_ATTEMPTS:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def admin_token(server: KeystoneServer) -> str:
    """A token for the bootstrap admin, scoped to project ``admin`` in domain ``Default``."""
    return issue_token(
        server,
        user=server.admin_user,
        password=server.admin_password,
        user_domain=DEFAULT_DOMAIN,
        project=server.admin_project,
        project_domain=DEFAULT_DOMAIN,
    )


def issue_token(
    server: KeystoneServer,
    *,
    user: str,
    password: str,
    user_domain: str,
    project: str,
    project_domain: str,
) -> str:
    """Password auth with project scope by name; returns ``X-Subject-Token``."""
    body = {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {"name": user, "domain": {"name": user_domain}, "password": password}
                },
            },
            "scope": {"project": {"name": project, "domain": {"name": project_domain}}},
        }
    }
    response = _call("POST", f"{server.url}/auth/tokens", None, (201,), body)
    return response.headers["X-Subject-Token"]


def add_contract(
    server: KeystoneServer,
    *,
    domain: str,
    project: str,
    user: str,
    password: str,
    roles: Iterable[str] = ("member",),
    services: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Create a FJcloud-style contract through the real v3 REST API, as the admin.

    Creates (or reuses) the domain ``domain`` (the contract number), ``project`` in it, and
    ``user`` in it with ``password`` (an existing user gets that password), and grants ``roles``
    on the project (missing roles are created). ``roles=()`` grants nothing: such a user can
    authenticate unscoped, but a project-scoped token request answers 401, which is what a
    "no rights on this project" test needs.

    ``services`` maps a service *name* to its public URL in region ``RegionOne``, e.g.
    ``{"objectstorage": "http://127.0.0.1:9999/v1/AUTH_$(project_id)s"}``. The type is
    ``object-store`` for ``objectstorage`` and the name itself otherwise. Keystone's catalog is
    global, so these entries are seen by every project; ``$(project_id)s`` makes them
    per-project. An existing endpoint of the same service/interface/region gets the new URL.

    Everything is idempotent, so contracts can be built up over several calls.
    Returns ``{"domain_id", "project_id", "user_id"}``.
    """
    token = admin_token(server)
    base = server.url

    domain_id = _find_or_create(base, token, "domains", {"name": domain}, {"name": domain})
    project_id = _find_or_create(
        base,
        token,
        "projects",
        {"name": project, "domain_id": domain_id},
        {"name": project, "domain_id": domain_id},
    )
    user_id = _find(base, token, "users", {"name": user, "domain_id": domain_id})
    if user_id is None:
        created = _call(
            "POST",
            f"{base}/users",
            token,
            (201,),
            {"user": {"name": user, "domain_id": domain_id, "password": password}},
        )
        user_id = str(created.json()["user"]["id"])
    else:
        _call("PATCH", f"{base}/users/{user_id}", token, (200,), {"user": {"password": password}})

    for role in roles:
        role_id = _find_or_create(base, token, "roles", {"name": role}, {"name": role})
        _call("PUT", f"{base}/projects/{project_id}/users/{user_id}/roles/{role_id}", token, (204,))

    for name, public_url in (services or {}).items():
        ensure_service_endpoint(base, token, name, public_url)

    return {"domain_id": domain_id, "project_id": project_id, "user_id": user_id}


# --- setup ------------------------------------------------------------------------------------


def _write_config(paths: _Paths) -> None:
    """Write keystone.conf with every path inside the data dir (see _CONF_TEMPLATE for why)."""
    # The key repositories are left to keystone-manage, which creates them mode 0700 (it warns
    # about world-readable ones).
    (paths.data_dir / "lock").mkdir(parents=True, exist_ok=True)
    paths.conf_dir.mkdir(exist_ok=True)

    def ini(path: Path) -> str:
        # oslo.config expands "$name" in values; a literal "$" must be doubled.
        return str(path).replace("$", "$$")

    paths.conf.write_text(
        _CONF_TEMPLATE.format(
            log_file=ini(paths.log),
            db=ini(paths.db),
            fernet=ini(paths.data_dir / "fernet-keys"),
            credential=ini(paths.data_dir / "credential-keys"),
            policy=ini(paths.data_dir / "policy.yaml"),
            lock=ini(paths.data_dir / "lock"),
        ),
        encoding="utf-8",
    )


def _keystone_env() -> dict[str, str]:
    """The caller's environment minus what would confuse Debian's python3 (see _DROPPED_ENV)."""
    return {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}


def _spawn(argv: list[str], out: IO[bytes], cwd: Path) -> subprocess.Popen[bytes]:
    """Start a Keystone script with its output in ``out``; it dies with us (Linux).

    PR_SET_PDEATHSIG makes the kernel send SIGTERM to the child when the thread that started it
    exits, so a killed test runner leaves no server behind. That is also why start_keystone
    should be called from a thread that outlives the server (pytest's main thread is fine).
    """
    return subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=out,
        stderr=subprocess.STDOUT,
        cwd=cwd,
        env=_keystone_env(),
        preexec_fn=_die_with_parent,
    )


def _die_with_parent() -> None:
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM))


def _run_manage_steps(paths: _Paths, steps: Mapping[str, list[str]]) -> None:
    """Run ``keystone-manage`` steps in parallel and fail with their output if one fails.

    Each step's output goes to ``keystone-manage-<step>.out``. It always ends with a harmless
    eventlet ``AttributeError: ... 'getcurrent'`` traceback at interpreter exit; only the exit
    status counts.
    """
    running: list[tuple[str, subprocess.Popen[bytes]]] = []
    try:
        for step, args in steps.items():
            with paths.manage_out(step).open("wb") as out:
                argv = [str(KEYSTONE_MANAGE), *paths.config_args(), *args]
                running.append((step, _spawn(argv, out, paths.data_dir)))
        for step, process in running:
            _finish_manage(paths, step, process)
    finally:
        for _step, process in running:
            _terminate(process)


def _finish_manage(paths: _Paths, step: str, process: subprocess.Popen[bytes]) -> None:
    try:
        rc = process.wait(timeout=MANAGE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        _terminate(process)
        rc = None
    if rc != 0:
        raise KeystoneError(
            f"keystone-manage {step} failed (exit status {rc}).\n"
            f"--- {paths.manage_out(step)}\n{_tail(paths.manage_out(step))}\n"
            f"--- {paths.log}\n{_tail(paths.log)}"
        )


def _enable_wal(db: Path) -> None:
    """Switch the SQLite database to WAL (persistent in the file).

    With the default rollback journal Keystone fails writes with "database is locked" after 5 s
    (seen on POST /v3/services): a read it leaves open blocks the commit. WAL lets them coexist.
    """
    with contextlib.closing(sqlite3.connect(db)) as connection:
        mode = connection.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise KeystoneError(f"could not switch {db} to WAL (journal_mode={mode})")


def _free_port() -> int:
    """A port that is free now. SO_REUSEADDR like wsgiref, so TIME_WAIT sockets don't count."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(
    paths: _Paths, port: int, url: str, admin_password: str, deadline: float
) -> KeystoneServer:
    """Bootstrap for ``url`` and start the server on ``port``, side by side; wait for both.

    Running them together saves ~1.5 s. It is safe: the server touches the database only when
    a request comes, and the first request (other than GET /v3) comes after bootstrap is done.
    """
    bootstrap_args = [
        "bootstrap",
        "--bootstrap-username", KeystoneServer.admin_user,
        "--bootstrap-password", admin_password,
        "--bootstrap-project-name", KeystoneServer.admin_project,
        "--bootstrap-role-name", "admin",
        "--bootstrap-service-name", "keystone",
        "--bootstrap-region-id", REGION,
        "--bootstrap-public-url", url,
    ]  # fmt: skip
    with paths.manage_out("bootstrap").open("wb") as out:
        bootstrap = _spawn(
            [str(KEYSTONE_MANAGE), *paths.config_args(), *bootstrap_args], out, paths.data_dir
        )
    output = paths.server_out.open("ab")
    offsets = (output.tell(), _size(paths.log))
    server_argv = [
        str(KEYSTONE_WSGI_PUBLIC), "--host", "127.0.0.1", "--port", str(port),
        "--", *paths.config_args(),
    ]  # fmt: skip
    try:
        process = _spawn(server_argv, output, paths.data_dir)
    except BaseException:
        output.close()
        _terminate(bootstrap)
        raise
    server = KeystoneServer(url, port, paths.data_dir, admin_password, process, output)
    _LIVE[id(server)] = server
    try:
        _finish_manage(paths, "bootstrap", bootstrap)
        _wait_ready(server, paths, offsets, deadline)
    except BaseException:
        _terminate(bootstrap)
        server.stop()
        raise
    return server


def wait_for_start(condition: Callable[[], object], deadline: float, what: str, *,
                   interval: float = 0.1,
                   ignoring: tuple[type[Exception], ...] = (requests.RequestException,)) -> None:
    """``wait_until`` against a start-up ``deadline`` (a ``time.monotonic()`` value).

    The condition checks the processes first, and raises with their log tails when one died or
    the deadline passed; the wait itself gives up a little later, so that this more useful
    message is the one a failed start shows.
    """
    wait_until(condition, timeout=max(0.0, deadline - time.monotonic()) + _LATE_S, what=what,
               interval=interval, ignoring=ignoring)


def _wait_ready(
    server: KeystoneServer, paths: _Paths, offsets: tuple[int, int], deadline: float
) -> None:
    """Poll ``GET /v3`` until it answers 200; fail early if the process dies.

    ``offsets`` are the sizes of the server output and keystone.log before this start, so an
    error shows (and the port check reads) only what this attempt wrote. Keystone logs its own
    start-up errors, "Address already in use" included, to keystone.log, not to stderr.
    """
    process = server._process
    assert process is not None

    def answers() -> bool:
        _check_process(server, process, paths, offsets, deadline)
        return requests.get(server.url, timeout=2).status_code == 200

    wait_for_start(answers, deadline, f"GET {server.url} to answer 200")


def _check_process(server: KeystoneServer, process: subprocess.Popen[bytes], paths: _Paths,
                   offsets: tuple[int, int], deadline: float) -> None:
    """Raise with the output and log tails if the server exited or the deadline passed."""
    rc = process.poll()
    if rc is not None or time.monotonic() > deadline:
        output = _read_from(paths.server_out, offsets[0])
        log = _read_from(paths.log, offsets[1])
        if rc is None:
            problem = f"did not answer GET {server.url} within {START_TIMEOUT_S:.0f} s"
        else:
            problem = f"exited with status {rc} before answering on {server.url}"
        message = (
            f"keystone-wsgi-public {problem}.\n--- {paths.server_out}\n{_tail_text(output)}"
            f"\n--- {paths.log}\n{_tail_text(log)}"
        )
        if rc is not None and "Address already in use" in output + log:
            raise _PortInUseError(message)
        raise KeystoneError(message)


def _terminate(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, then SIGKILL after STOP_GRACE_S; always reap, so no zombie is left."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            process.kill()
    process.wait()


@atexit.register
def _stop_all() -> None:
    """Last resort for servers a test forgot to stop (PDEATHSIG covers a killed interpreter)."""
    for server in list(_LIVE.values()):
        server.stop()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _read_from(path: Path, offset: int) -> str:
    try:
        with path.open("rb") as f:
            f.seek(offset)
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _tail_text(text: str, lines: int = 40) -> str:
    return "\n".join(text.splitlines()[-lines:]) or "(empty)"


def _tail(path: Path, lines: int = 40) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return f"(cannot read: {exc})"
    return _tail_text(text, lines)


# --- REST -------------------------------------------------------------------------------------


def _call(
    method: str,
    url: str,
    token: str | None,
    expected: tuple[int, ...],
    body: Mapping[str, Any] | None = None,
    params: Mapping[str, str] | None = None,
) -> requests.Response:
    """One v3 request; anything but an ``expected`` status is an error that shows the body."""
    headers = {"Accept": "application/json"}
    if token is not None:
        headers["X-Auth-Token"] = token
    response = requests.request(method, url, headers=headers, json=body, params=params, timeout=30)
    if response.status_code not in expected:
        raise KeystoneError(
            f"{method} {url} {dict(params or {})} answered {response.status_code}, "
            f"expected {expected}: {response.text[:1000]}"
        )
    return response


def _find(base: str, token: str, collection: str, filters: Mapping[str, str]) -> str | None:
    """Id of the one ``collection`` entry matching ``filters`` (name filters are exact)."""
    listing = _call("GET", f"{base}/{collection}", token, (200,), params=filters).json()
    entries = [e for e in listing[collection] if all(e.get(k) == v for k, v in filters.items())]
    if len(entries) > 1:
        raise KeystoneError(f"several {collection} match {dict(filters)}: {entries}")
    return str(entries[0]["id"]) if entries else None


def _find_or_create(
    base: str,
    token: str,
    collection: str,
    filters: Mapping[str, str],
    attributes: Mapping[str, Any],
) -> str:
    found = _find(base, token, collection, filters)
    if found is not None:
        return found
    singular = collection.removesuffix("s")
    created = _call("POST", f"{base}/{collection}", token, (201,), {singular: dict(attributes)})
    return str(created.json()[singular]["id"])


def ensure_service_endpoint(base: str, token: str, name: str, public_url: str) -> None:
    """Service ``name`` with one public endpoint in RegionOne pointing at ``public_url``."""
    service_type = "object-store" if name == "objectstorage" else name
    service_id = _find_or_create(
        base,
        token,
        "services",
        {"name": name, "type": service_type},
        {"name": name, "type": service_type, "enabled": True},
    )
    endpoints = _call(
        "GET",
        f"{base}/endpoints",
        token,
        (200,),
        params={"service_id": service_id, "interface": "public", "region_id": REGION},
    ).json()["endpoints"]
    # Filter again: older Keystones ignore some query filters instead of rejecting them.
    endpoints = [
        e
        for e in endpoints
        if e["service_id"] == service_id and e["interface"] == "public" and e["region_id"] == REGION
    ]
    if not endpoints:
        endpoint = {
            "service_id": service_id,
            "interface": "public",
            "region_id": REGION,
            "url": public_url,
            "enabled": True,
        }
        _call("POST", f"{base}/endpoints", token, (201,), {"endpoint": endpoint})
        return
    for endpoint in endpoints:
        if endpoint["url"] != public_url:
            _call(
                "PATCH",
                f"{base}/endpoints/{endpoint['id']}",
                token,
                (200,),
                {"endpoint": {"url": public_url}},
            )
