"""A real OpenStack Swift 2.30 (Debian 12 ``swift-*`` packages) on 127.0.0.1, for tests.

Why a real one: the uploader's segmenting, manifests, retries and error handling must match what
Swift actually does (413 above ``max_file_size``, SLO/DLO manifests, tempauth and Keystone
tokens, ``/info``), not what a mock thinks it does.

How: one proxy, one account, one container and one object server (``workers = 0``: one process
each), one ``memcached``, rings with one device and one replica, everything under one data
directory (``etc/``, ``srv/d1``, ``log/``). Nothing under ``/etc/swift`` is read or written,
nothing goes through systemd or swift-init. The unmodified ``/usr/bin/swift-*-server`` entry
points run under Debian's ``/usr/bin/python3`` through a small launcher (``swift_launch.py``,
written into the data dir) that fixes the two things that cannot be configured:

* ``/etc/swift/swift.conf`` is hard-coded (``swift.common.utils.SWIFT_CONF_FILE``, read when
  ``swift.common.constraints`` and ``storage_policy`` are imported): the launcher points it at
  ``<data>/etc/swift.conf`` and re-reads the hash prefix before any server module is imported.
* Swift logs only to syslog, and there is no ``/dev/log`` here (it would fall back to UDP
  ``localhost:514``, into the void): the launcher swaps the syslog handler for a file handler,
  ``<data>/log/<server>.log``.

Only the standard library and ``requests`` are used here: this module runs in the project's
interpreter (pyenv), which cannot import ``swift``.

Typical use::

    with start_swift(tmp_path) as swift:
        token, storage_url = swift.tempauth_token()
        requests.put(f"{storage_url}/c", headers={"X-Auth-Token": token}, timeout=30)

Keystone mode (``keystone=...``): the proxy also runs keystonemiddleware's ``authtoken`` and
Swift's ``keystoneauth`` (accounts ``AUTH_<project_id>``), and tempauth moves to the reseller
prefix ``TEMPAUTH_`` (the two cannot share one). The service user ``swift`` is registered in
Keystone through its REST API by :func:`add_swift_service_user`.
"""

from __future__ import annotations

import atexit
import configparser
import contextlib
import ctypes
import os
import pwd
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any
from urllib.parse import unquote

import requests

from helpers.waiting import wait_until
from servers.keystone import (
    DEFAULT_DOMAIN,
    KeystoneServer,
    add_contract,
    admin_token,
    ensure_service_endpoint,
    issue_token,
    wait_for_start,
)

#: Debian's interpreter: the only one here that can import ``swift`` and ``keystonemiddleware``.
SWIFT_PYTHON = Path("/usr/bin/python3")
MEMCACHED = Path("/usr/bin/memcached")
_ENTRY_POINTS = {
    "proxy": Path("/usr/bin/swift-proxy-server"),
    "account": Path("/usr/bin/swift-account-server"),
    "container": Path("/usr/bin/swift-container-server"),
    "object": Path("/usr/bin/swift-object-server"),
}
_BACKENDS = ("account", "container", "object")
#: Keystone mode only: authtoken lives in python3-keystonemiddleware (python3-keystone needs it).
KEYSTONEMIDDLEWARE = Path("/usr/lib/python3/dist-packages/keystonemiddleware/auth_token")

#: Every entry point, Debian's python3 and memcached exist. Callers decide what a missing Swift
#: means: a skip on a developer machine, a failure in CI (``servers.fixtures.require``).
SWIFT_AVAILABLE: bool = all(
    p.is_file() and os.access(p, os.X_OK)
    for p in (SWIFT_PYTHON, MEMCACHED, *_ENTRY_POINTS.values())
)

#: tempauth's account, as Swift's SAIO and functional tests have it.
TEMPAUTH_USER = "test:tester"
TEMPAUTH_KEY = "testing"
#: Keystone's service user for authtoken (project ``service`` in domain ``Default``).
SERVICE_USER = "swift"
SERVICE_PROJECT = "service"

#: Measured: ~2 s on a 2-core VM (~2.5 s in Keystone mode); 60 s covers a loaded CI runner.
START_TIMEOUT_S = 60.0
#: Time allowed after SIGTERM before SIGKILL (the servers die at once on SIGTERM).
STOP_GRACE_S = 5.0
#: Ring building: one short interpreter run (~0.4 s); this only bounds a hang.
RINGS_TIMEOUT_S = 60.0
#: A port picked by us can be taken by someone else before the server binds it; retry that often.
_PORT_ATTEMPTS = 3
#: Swift's own bind retry (``bind_timeout``, default 30 s) would only delay that retry.
_BIND_TIMEOUT_S = 2
_PART_POWER = 6

#: Variables of the caller's (pyenv) Python that would make Debian's python3 import the wrong
#: stdlib or site-packages.
_DROPPED_ENV = (
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONSTARTUP",
    "PYTHONUSERBASE",
    "PYTHONPLATLIBDIR",
    "PYTHONSAFEPATH",
    "PYTHONEXECUTABLE",
)

_LAUNCHER = '''\
"""Run one unmodified Swift entry point with this instance's swift.conf and a log file.

Written by tests/servers/swift.py. argv: SWIFT_CONF LOG_FILE ENTRY_POINT SERVER_CONF
"""
import logging
import runpy
import sys
import time

swift_conf, log_file, entry_point, server_conf = sys.argv[1:5]

import swift.common.utils as utils  # noqa: E402

# utils read /etc/swift/swift.conf at import: point it at ours and read the hash again, before
# swift.common.constraints / storage_policy are imported (they read the file at import too).
for module in ("swift.common.constraints", "swift.common.storage_policy"):
    if module in sys.modules:
        sys.exit(f"swift_launch: {module} was imported before SWIFT_CONF_FILE was set")
utils.SWIFT_CONF_FILE = swift_conf
utils.HASH_PATH_PREFIX = b""
utils.HASH_PATH_SUFFIX = b""
utils.validate_hash_conf()


class FileLogHandler(logging.FileHandler):
    """Stands in for ThreadSafeSysLogHandler: same lock, a file instead of /dev/log."""

    def __init__(self, *args, **kwargs):  # syslog's address/facility mean nothing here
        super().__init__(log_file, encoding="utf-8")

    def createLock(self):
        self.lock = utils.PipeMutex()  # eventlet-safe, like ThreadSafeSysLogHandler

    def format(self, record):
        stamp = time.strftime("%H:%M:%S", time.localtime(record.created))
        return f"{stamp}.{int(record.msecs):03d} {record.levelname} {super().format(record)}"


utils.ThreadSafeSysLogHandler = FileLogHandler

import swift.common.constraints as constraints  # noqa: E402

print(f"swift_launch: {entry_point} {server_conf} swift.conf={utils.SWIFT_CONF_FILE} "
      f"max_file_size={constraints.MAX_FILE_SIZE}", flush=True)
sys.argv = [entry_point, server_conf]
runpy.run_path(entry_point, run_name="__main__")
'''

_RINGS_SCRIPT = """\
import sys
from swift.common.ring import RingBuilder

etc, part_power = sys.argv[1], int(sys.argv[2])
for spec in sys.argv[3:]:
    name, port = spec.split("=")
    builder = RingBuilder(part_power, 1, 1)
    builder.add_dev({"id": 0, "region": 1, "zone": 1, "ip": "127.0.0.1", "port": int(port),
                     "device": "d1", "weight": 1.0, "meta": ""})
    builder.rebalance()
    builder.save(f"{etc}/{name}.builder")
    builder.get_ring().save(f"{etc}/{name}.ring.gz")
"""

_SWIFT_CONF = """\
# Written by tests/servers/swift.py; read instead of /etc/swift/swift.conf (see swift_launch.py).
[swift-hash]
swift_hash_path_suffix = {suffix}
swift_hash_path_prefix = {prefix}

[storage-policy:0]
name = Policy-0
default = yes

[swift-constraints]
max_file_size = {max_file_size}
"""

_COMMON = """\
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = {port}
bind_timeout = {bind_timeout}
workers = 0
user = {user}
swift_dir = {etc}
log_level = INFO
log_name = {name}
"""

_BACKEND_CONF = """\
devices = {srv}
mount_check = false
disable_fallocate = true
recon_cache_path = {cache}

[pipeline:main]
pipeline = healthcheck {name}

[app:{name}]
use = egg:swift#{kind}

[filter:healthcheck]
use = egg:swift#healthcheck
"""

_PROXY_CONF = """\

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl
    {auth} copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging
    proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
allow_account_management = true
expose_info = true

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:{memcached_port}

[filter:listing_formats]
use = egg:swift#listing_formats

[filter:bulk]
use = egg:swift#bulk

[filter:tempurl]
use = egg:swift#tempurl

[filter:tempauth]
use = egg:swift#tempauth
reseller_prefix = {tempauth_prefix}
token_life = 86400
user_admin_admin = admin .admin .reseller_admin
user_test_tester = testing .admin
user_test2_tester2 = testing2 .admin
user_test_tester3 = testing3

[filter:copy]
use = egg:swift#copy

[filter:container-quotas]
use = egg:swift#container_quotas

[filter:account-quotas]
use = egg:swift#account_quotas

[filter:slo]
use = egg:swift#slo

[filter:dlo]
use = egg:swift#dlo

[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true

[filter:symlink]
use = egg:swift#symlink
"""

_KEYSTONE_FILTERS = """\

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = {keystone_url}
auth_url = {keystone_url}
auth_type = password
username = {service_user}
password = {service_password}
project_name = {service_project}
user_domain_id = default
project_domain_id = default
# Anonymous and tempauth requests go on to the next auth filter instead of a 401 here.
delay_auth_decision = True
memcached_servers = 127.0.0.1:{memcached_port}
include_service_catalog = False
# The default, "internal", is not in the catalog: the Keystone harness registers public only.
interface = public

[filter:keystoneauth]
use = egg:swift#keystoneauth
reseller_prefix = AUTH_
operator_roles = admin, member
"""

_LIBC: Any = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
_PR_SET_PDEATHSIG = 1


class SwiftError(RuntimeError):
    """Swift could not be set up, started or driven; the message carries the log tails."""


class _PortInUseError(SwiftError):
    """A server could not bind its port (someone took our free port in the meantime)."""

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names


@dataclass
class _Paths:
    """Where everything of one instance lives, so configs, commands and errors agree."""

    data_dir: Path

    @property
    def etc(self) -> Path:
        return self.data_dir / "etc"

    @property
    def srv(self) -> Path:
        return self.data_dir / "srv"

    @property
    def cache(self) -> Path:
        return self.data_dir / "cache"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "log"

    @property
    def launcher(self) -> Path:
        return self.data_dir / "swift_launch.py"

    @property
    def swift_conf(self) -> Path:
        return self.etc / "swift.conf"

    def conf(self, server: str) -> Path:
        return self.etc / f"{server}-server.conf"

    def log(self, name: str) -> Path:
        """Swift's own log of ``name`` (requests, errors): the first place to look."""
        return self.log_dir / f"{name}.log"

    def out(self, name: str) -> Path:
        """stdout/stderr of ``name``: start-up errors before Swift redirects stdio to its log."""
        return self.log_dir / f"{name}.out"


_LIVE: dict[int, SwiftServer] = {}


@dataclass
class _Process:
    name: str
    popen: subprocess.Popen[bytes]
    output: IO[bytes]


@dataclass
class SwiftServer:
    """A running Swift: proxy at ``url``, tempauth v1 at ``auth_url``.

    ``storage_url`` is the tempauth account (``AUTH_test``, or ``TEMPAUTH_test`` in Keystone
    mode, where ``AUTH_<project_id>`` belongs to Keystone). ``keystone_url`` is set in Keystone
    mode. Logs: ``log_dir/<server>.log`` (Swift's) and ``<server>.out`` (start-up output).
    """

    url: str
    auth_url: str
    storage_url: str
    max_file_size: int
    data_dir: Path
    log_dir: Path
    ports: dict[str, int]
    keystone_url: str | None = None
    user: str = TEMPAUTH_USER
    key: str = TEMPAUTH_KEY
    _processes: list[_Process] = field(default_factory=list, repr=False, compare=False)

    @property
    def running(self) -> bool:
        return bool(self._processes) and all(p.popen.poll() is None for p in self._processes)

    @property
    def pids(self) -> dict[str, int]:
        return {p.name: p.popen.pid for p in self._processes}

    def tempauth_token(self) -> tuple[str, str]:
        """A fresh tempauth token and the storage URL Swift hands out with it."""
        response = requests.get(
            self.auth_url,
            headers={"X-Auth-User": self.user, "X-Auth-Key": self.key},
            timeout=30,
        )
        if response.status_code != 200:
            raise SwiftError(
                f"GET {self.auth_url} as {self.user} answered {response.status_code}: "
                f"{response.text[:500]}\n--- {_Paths(self.data_dir).log('proxy')}\n"
                f"{_tail(_Paths(self.data_dir).log('proxy'))}"
            )
        return response.headers["X-Auth-Token"], response.headers["X-Storage-Url"]

    def object_puts(self) -> list[str]:
        """Paths of the object PUTs the proxy received from clients, oldest first.

        Counted by the server, not by a client: read from the proxy's access log, whatever the
        status (a PUT cut off mid-body is there too, as 499). Paths are as sent, without the
        query (``/v1/AUTH_test/c/o``, like the sandbox's request log). Requests that Swift's
        middlewares make themselves (SLO, DLO, copy) are not counted.

        Swift writes an access line just *after* the response went out, so a client that has
        just got its 201 could look too early: a marker request is logged first and waited for.
        """
        log = _Paths(self.data_dir).log("proxy-server")
        marker = secrets.token_hex(8)
        requests.head(f"{self.url}/info", params={"object-puts-marker": marker}, timeout=10)

        def logged() -> str:
            text = log.read_text(encoding="utf-8", errors="replace")
            return text if marker in text else ""

        text = wait_until(logged, timeout=10, what=f"the marker request {marker} in {log}",
                          show=lambda _: "not there")
        puts = []
        for line in text.splitlines():
            _, found, message = line.partition(" proxy-server: ")
            fields = message.split(" ")
            # The default log_msg_template: 21 fields, method 3rd, path 4th, source 16th ("-"
            # for a client's request). The path is req.path_qs, quoted once more for the log.
            if not found or len(fields) != 21 or fields[3] != "PUT" or fields[16] != "-":
                continue
            path = unquote(fields[4]).split("?", 1)[0]
            parts = path.split("/", 4)
            if len(parts) == 5 and parts[1] == "v1" and parts[4]:
                puts.append(path)
        return puts

    def stop(self) -> None:
        """Stop every server (SIGTERM, SIGKILL after 5 s) and reap them. Safe to call twice.

        Swift's servers call ``setsid()``, so they survive a Ctrl-C of the test runner's process
        group: this (or the atexit hook, or PR_SET_PDEATHSIG) is what ends them.
        """
        processes, self._processes = self._processes, []
        _LIVE.pop(id(self), None)
        _terminate_all([p.popen for p in processes])
        for process in processes:
            process.output.close()

    def __enter__(self) -> SwiftServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def add_swift_service_user(keystone: KeystoneServer, password: str) -> dict[str, str]:
    """Register Swift's service user in Keystone, through its real v3 REST API, as the admin.

    User ``swift`` with ``password`` and role ``admin`` on project ``service``, both in domain
    ``Default``: what authtoken logs in as to validate user tokens. Idempotent. Returns
    ``{"domain_id", "project_id", "user_id"}``.

    An existing user gets its password set again, and Keystone then revokes every token of
    that user issued up to the current *second* (Fernet timestamps have 1 s resolution), even
    ones issued right after the change. So after re-registering, this waits for the next
    second: tokens issued from then on are valid.
    """
    existed = _user_exists(keystone, SERVICE_USER, "default")
    ids = add_contract(
        keystone,
        domain=DEFAULT_DOMAIN,
        project=SERVICE_PROJECT,
        user=SERVICE_USER,
        password=password,
        roles=("admin",),
    )
    if existed:
        # Not a wait for a condition we could poll: a token issued within this second would be
        # valid now and revoked later, so only the wall clock's next second makes tokens safe.
        time.sleep(1.05 - time.time() % 1)
    return ids


def set_object_store_endpoint(keystone: KeystoneServer, server: SwiftServer) -> str:
    """Point the catalog's ``objectstorage`` (type ``object-store``) public endpoint at ``server``.

    The URL is ``<proxy>/v1/AUTH_$(project_id)s``, which Keystone fills in per project, as the
    wizard finds it on FJcloud-O. An existing endpoint is updated, not duplicated. Only the
    service and endpoint are touched: ``add_contract`` would also set a user's password again,
    which revokes that user's tokens (see :func:`add_swift_service_user`). Returns the URL.
    """
    url = f"{server.url}/v1/AUTH_$(project_id)s"
    ensure_service_endpoint(keystone.url, admin_token(keystone), "objectstorage", url)
    return url


def _user_exists(keystone: KeystoneServer, name: str, domain_id: str) -> bool:
    response = requests.get(
        f"{keystone.url}/users",
        headers={"X-Auth-Token": admin_token(keystone), "Accept": "application/json"},
        params={"name": name, "domain_id": domain_id},
        timeout=30,
    )
    if response.status_code != 200:
        raise SwiftError(
            f"GET {keystone.url}/users answered {response.status_code}: {response.text}"
        )
    return any(
        user["name"] == name and user["domain_id"] == domain_id for user in response.json()["users"]
    )


def start_swift(
    data_dir: Path,
    *,
    port: int = 0,
    max_file_size: int = 2 * 1024 * 1024,
    keystone: KeystoneServer | None = None,
    keystone_service_password: str | None = None,
) -> SwiftServer:
    """Set up (or reuse) a Swift in ``data_dir`` and serve its proxy on ``127.0.0.1:port``.

    ``port=0`` picks a free port (the backends and memcached always get free ports). Objects
    in an existing ``data_dir`` survive a restart: the hash suffix is kept, the rings are
    rebuilt for the new ports. ``max_file_size`` is ``[swift-constraints] max_file_size``: a
    PUT above it answers 413, which is what forces clients to segment (SLO/DLO).

    With ``keystone``, the service user is registered there first (with
    ``keystone_service_password``, or a random one) and the proxy accepts Keystone tokens on
    ``AUTH_<project_id>``; Keystone must be running before Swift starts.

    Ready means: ``/info`` answers, the backends' ``/healthcheck`` answers, tempauth issues a
    token and that token can HEAD its account (which proves memcached works), and in Keystone
    mode a token of the service user can HEAD ``AUTH_<service project id>``.
    Raises :class:`SwiftError` with the relevant log tails if anything fails, and leaves no
    process behind in that case.
    """
    if not SWIFT_AVAILABLE:
        raise SwiftError(
            "Swift is not installed: apt-get install --no-install-recommends swift swift-proxy "
            "swift-account swift-container swift-object python3-swiftclient memcached"
        )
    if keystone is None and keystone_service_password is not None:
        raise ValueError("keystone_service_password needs keystone")
    if keystone is not None and not KEYSTONEMIDDLEWARE.is_dir():
        raise SwiftError(
            f"{KEYSTONEMIDDLEWARE} missing: apt-get install python3-keystonemiddleware"
        )
    deadline = time.monotonic() + START_TIMEOUT_S
    paths = _Paths(Path(data_dir).resolve())
    _prepare(paths, max_file_size)

    service: dict[str, str] | None = None
    service_password = keystone_service_password or secrets.token_urlsafe(16)
    if keystone is not None:
        service = add_swift_service_user(keystone, service_password)

    for attempt in range(1, _PORT_ATTEMPTS + 1):
        ports = _free_ports(5)
        if port:
            ports[0] = port
        named = dict(zip(("proxy", *_BACKENDS, "memcached"), ports, strict=True))
        try:
            server = _launch(paths, named, max_file_size, keystone, service_password, deadline)
            if keystone is not None and service is not None:
                _wait_keystone_ready(server, keystone, service, service_password, deadline)
            return server
        except _PortInUseError as exc:
            # The caller's port is busy: a retry would only take longer to say so.
            if attempt == _PORT_ATTEMPTS or (port and "proxy-server" in exc.names):
                raise
    raise AssertionError("unreachable")  # pragma: no cover


# --- setup ------------------------------------------------------------------------------------


def _prepare(paths: _Paths, max_file_size: int) -> None:
    """Directories, launcher and swift.conf; refuse a filesystem without user xattrs."""
    for directory in (paths.etc, paths.srv / "d1", paths.cache, paths.log_dir):
        directory.mkdir(parents=True, exist_ok=True)
    _check_xattrs(paths.srv / "d1")
    paths.launcher.write_text(_LAUNCHER, encoding="utf-8")
    # An empty memcache.conf in swift_dir: the memcache middleware never reads /etc/swift's.
    (paths.etc / "memcache.conf").write_text("[memcache]\n", encoding="utf-8")

    # Keep the hash prefix/suffix of an existing data dir: objects are stored under hashes of
    # their paths salted with it, so a new one would orphan them.
    hashes = {"suffix": secrets.token_hex(8), "prefix": secrets.token_hex(8)}
    if paths.swift_conf.exists():
        existing = configparser.ConfigParser(interpolation=None)
        existing.read(paths.swift_conf, encoding="utf-8")
        for key in hashes:
            value = existing.get("swift-hash", f"swift_hash_path_{key}", fallback="")
            if value:
                hashes[key] = value
    paths.swift_conf.write_text(
        _SWIFT_CONF.format(max_file_size=max_file_size, **hashes), encoding="utf-8"
    )


def _check_xattrs(directory: Path) -> None:
    """The object server keeps metadata in ``user.swift.metadata`` xattrs; fail clearly here.

    ext4 and XFS have them; tmpfs before Linux 6.6 and some overlay filesystems do not, and
    Swift would answer every object PUT with a 5xx.
    """
    probe = directory / ".xattr-probe"
    probe.touch()
    try:
        os.setxattr(probe, "user.swift.probe", b"1")
    except OSError as exc:
        raise SwiftError(
            f"{directory} does not support user xattrs ({exc}); Swift's object server needs "
            "them: use a data dir on ext4, XFS or btrfs"
        ) from exc
    finally:
        probe.unlink()


def _write_configs(
    paths: _Paths,
    ports: Mapping[str, int],
    keystone: KeystoneServer | None,
    service_password: str,
) -> None:
    user = pwd.getpwuid(os.getuid()).pw_name
    for kind in _BACKENDS:
        name = f"{kind}-server"
        text = _COMMON.format(
            port=ports[kind], bind_timeout=_BIND_TIMEOUT_S, user=user, etc=paths.etc, name=name
        ) + _BACKEND_CONF.format(srv=paths.srv, cache=paths.cache, name=name, kind=kind)
        paths.conf(kind).write_text(_ini(text), encoding="utf-8")

    common = _COMMON.format(
        port=ports["proxy"],
        bind_timeout=_BIND_TIMEOUT_S,
        user=user,
        etc=paths.etc,
        name="proxy-server",
    )
    proxy = _PROXY_CONF.format(
        memcached_port=ports["memcached"],
        auth="authtoken keystoneauth tempauth" if keystone else "tempauth",
        # tempauth and keystoneauth cannot share a reseller prefix: each takes over
        # swift.authorize for its accounts, and tempauth crashes on keystoneauth's identity.
        tempauth_prefix="TEMPAUTH_" if keystone else "AUTH_",
    )
    if keystone is not None:
        proxy += _KEYSTONE_FILTERS.format(
            keystone_url=keystone.url,
            service_user=SERVICE_USER,
            service_password=service_password,
            service_project=SERVICE_PROJECT,
            memcached_port=ports["memcached"],
        )
    paths.conf("proxy").write_text(_ini(common + proxy), encoding="utf-8")


def _ini(text: str) -> str:
    """paste.deploy reads the configs with ``%`` interpolation: a literal ``%`` is ``%%``."""
    return text.replace("%", "%%")


def _launch(
    paths: _Paths,
    ports: Mapping[str, int],
    max_file_size: int,
    keystone: KeystoneServer | None,
    service_password: str,
    deadline: float,
) -> SwiftServer:
    """Start memcached, the backends and the ring build side by side, then the proxy; wait.

    The backends do not read the rings, only the proxy does, so only the proxy waits for them.
    """
    _write_configs(paths, ports, keystone, service_password)
    prefix = "TEMPAUTH_" if keystone else "AUTH_"
    url = f"http://127.0.0.1:{ports['proxy']}"
    server = SwiftServer(
        url=url,
        auth_url=f"{url}/auth/v1.0",
        storage_url=f"{url}/v1/{prefix}test",
        max_file_size=max_file_size,
        data_dir=paths.data_dir,
        log_dir=paths.log_dir,
        ports=dict(ports),
        keystone_url=keystone.url if keystone else None,
    )
    _LIVE[id(server)] = server
    try:
        memcached = [str(MEMCACHED), "-l", "127.0.0.1", "-p", str(ports["memcached"]), "-U", "0"]
        if os.geteuid() == 0:
            memcached += ["-u", "root"]  # memcached refuses to run as root without it
        _start(server, paths, "memcached", memcached)
        for kind in _BACKENDS:
            _start(server, paths, f"{kind}-server", _launch_argv(paths, kind))
        _build_rings(paths, ports)
        _start(server, paths, "proxy-server", _launch_argv(paths, "proxy"))
        _wait_ready(server, paths, deadline)
    except BaseException:
        server.stop()
        raise
    return server


def _launch_argv(paths: _Paths, kind: str) -> list[str]:
    return [
        str(SWIFT_PYTHON),
        str(paths.launcher),
        str(paths.swift_conf),
        str(paths.log(f"{kind}-server")),
        str(_ENTRY_POINTS[kind]),
        str(paths.conf(kind)),
    ]


def _start(server: SwiftServer, paths: _Paths, name: str, argv: list[str]) -> None:
    output = paths.out(name).open("ab")
    output.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(argv)}\n".encode())
    output.flush()
    try:
        popen = _spawn(argv, output, paths.data_dir)
    except BaseException:
        output.close()
        raise
    server._processes.append(_Process(name, popen, output))


def _build_rings(paths: _Paths, ports: Mapping[str, int]) -> None:
    """Account, container and object ring (1 device, 1 replica) in one interpreter (~0.4 s).

    Nine ``swift-ring-builder`` calls would take ~3.5 s: it is the interpreter start-up.
    """
    specs = [f"{name}={ports[name]}" for name in _BACKENDS]
    out = paths.out("rings")
    with out.open("wb") as output:
        process = _spawn(
            [str(SWIFT_PYTHON), "-c", _RINGS_SCRIPT, str(paths.etc), str(_PART_POWER), *specs],
            output,
            paths.data_dir,
        )
        try:
            rc = process.wait(timeout=RINGS_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            rc = None
        finally:
            _terminate_all([process])
    if rc != 0:
        raise SwiftError(f"building the rings failed (exit status {rc}).\n--- {out}\n{_tail(out)}")


def _swift_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}


def _spawn(argv: list[str], out: IO[bytes], cwd: Path) -> subprocess.Popen[bytes]:
    """Start a process with its output in ``out``; it dies with us (Linux).

    PR_SET_PDEATHSIG makes the kernel send SIGTERM to the child when the thread that started it
    exits: the Swift servers call ``setsid()``, so nothing else would end them after a killed
    test runner. (They run with ``workers = 0`` and never drop privileges, which would clear it.)
    """
    return subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=out,
        stderr=subprocess.STDOUT,
        cwd=cwd,
        env=_swift_env(),
        preexec_fn=_die_with_parent,
    )


def _die_with_parent() -> None:
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM))


def _free_ports(count: int) -> list[int]:
    """Distinct ports that are free now (held together, so they differ).

    SO_REUSEADDR like Swift's own bind: TIME_WAIT sockets of a previous instance don't count.
    """
    with contextlib.ExitStack() as stack:
        ports = []
        for _ in range(count):
            probe = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", 0))
            ports.append(int(probe.getsockname()[1]))
        return ports


# --- readiness --------------------------------------------------------------------------------


def _wait_ready(server: SwiftServer, paths: _Paths, deadline: float) -> None:
    """Poll until every check of start_swift's docstring passes; fail early if a process dies."""
    checks = [
        *(f"http://127.0.0.1:{server.ports[kind]}/healthcheck" for kind in _BACKENDS),
        f"{server.url}/info",
    ]
    for check in checks:

        def answers(url: str = check) -> bool:
            _check_processes(server, paths, deadline, what=f"GET {url}")
            return requests.get(url, timeout=2).status_code == 200

        wait_for_start(answers, deadline, f"GET {check} to answer 200", interval=0.05)

    info = requests.get(f"{server.url}/info", timeout=10).json()
    if "slo" not in info or info.get("swift", {}).get("max_file_size") != server.max_file_size:
        raise SwiftError(f"/info lacks slo or the configured max_file_size: {info}")

    last = "no answer yet"

    def account_ready() -> bool:
        nonlocal last
        _check_processes(server, paths, deadline, what=f"tempauth + HEAD account ({last})")
        try:
            token, storage_url = server.tempauth_token()
            # A missing account is autocreated: 200 (nothing stored yet) or 204 both mean ready.
            head = requests.head(storage_url, headers={"X-Auth-Token": token}, timeout=10)
        except (requests.RequestException, SwiftError) as exc:
            last = str(exc).splitlines()[0]
            return False
        if storage_url != server.storage_url:
            raise SwiftError(f"tempauth gave {storage_url}, expected {server.storage_url}")
        if not head.ok:
            last = f"HEAD {storage_url} answered {head.status_code}"
        return head.ok

    wait_for_start(account_ready, deadline, "tempauth and a HEAD of the account", interval=0.05)


def _wait_keystone_ready(
    server: SwiftServer,
    keystone: KeystoneServer,
    service: Mapping[str, str],
    service_password: str,
    deadline: float,
) -> None:
    """authtoken + keystoneauth work: a service-user token may HEAD its project's account."""
    paths = _Paths(server.data_dir)
    try:
        token = issue_token(
            keystone,
            user=SERVICE_USER,
            password=service_password,
            user_domain=DEFAULT_DOMAIN,
            project=SERVICE_PROJECT,
            project_domain=DEFAULT_DOMAIN,
        )
        account = f"{server.url}/v1/AUTH_{service['project_id']}"
        status = None

        def account_ready() -> bool:
            nonlocal status
            _check_processes(server, paths, deadline, what=f"HEAD {account} (answered {status})")
            status = requests.head(account, headers={"X-Auth-Token": token}, timeout=30).status_code
            return 200 <= status < 300

        # As before, a refused connection here is an error at once: the proxy answered already.
        wait_for_start(account_ready, deadline, f"a service token to HEAD {account}", ignoring=())
    except BaseException:
        server.stop()
        raise


def _check_processes(
    server: SwiftServer, paths: _Paths, deadline: float, what: str = "the readiness checks"
) -> None:
    """Raise with the log tails if a process died or the deadline passed."""
    dead = [(p.name, rc) for p in server._processes if (rc := p.popen.poll()) is not None]
    if not dead and time.monotonic() <= deadline:
        return
    if dead:
        problem = ", ".join(f"{name} exited with status {rc}" for name, rc in dead)
    else:
        problem = f"{what} did not pass within {START_TIMEOUT_S:.0f} s"
    names = [name for name, _rc in dead] or [p.name for p in server._processes]
    tails = "".join(
        f"\n--- {path}\n{_tail(path, 10)}"
        for name in names
        for path in (paths.out(name), paths.log(name))
        if path.exists()
    )
    text = tails if dead else ""
    message = f"Swift in {paths.data_dir}: {problem}.{tails}"
    if "Address already in use" in text or "Could not bind" in text:
        raise _PortInUseError(message, [name for name, _rc in dead])
    raise SwiftError(message)


# --- teardown ---------------------------------------------------------------------------------


def _terminate_all(processes: list[subprocess.Popen[bytes]]) -> None:
    """SIGTERM to all at once, SIGKILL to whoever is left after STOP_GRACE_S; reap every one."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    end = time.monotonic() + STOP_GRACE_S
    for process in processes:
        try:
            process.wait(timeout=max(0.0, end - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@atexit.register
def _stop_all() -> None:
    """Last resort for servers a test forgot to stop (PDEATHSIG covers a killed interpreter)."""
    for server in list(_LIVE.values()):
        server.stop()


def _tail(path: Path, lines: int = 40, width: int = 1500) -> str:
    """The last ``lines`` lines, each cut to its last ``width`` characters.

    Swift logs a traceback as one line (newlines become ``#012``), easily 10 kB; its end, the
    exception itself, is what matters.
    """
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return f"(cannot read: {exc})"
    tail = [line if len(line) <= width else f"…{line[-width:]}" for line in text.splitlines()]
    return "\n".join(tail[-lines:]) or "(empty)"
