"""``vmdkimport``: the command line of the VM Image Import Wizard.

Every command prints the catalog's message and action on failure and exits with a documented
code, never a traceback. Passwords come from a prompt, stdin, ``OS_PASSWORD``, clouds.yaml or
the keyring: there is deliberately no ``--password`` option (it would land in shell history).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import logging
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vmdkimport import __version__
from vmdkimport.core import logsetup, paths, rules
from vmdkimport.core.cloud import secrets
from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.identity import TokenProvider, static_token
from vmdkimport.core.cloud.imageimport import ImportState, ImportStatus, ImportSummary
from vmdkimport.core.cloud.objectstorage import ObjectStorageClient
from vmdkimport.core.cloud.profiles import ConnectionProfile, from_clouds_yaml, from_environment
from vmdkimport.core.cloud.session import CloudSession, connect
from vmdkimport.core.disk import preflight, qemu
from vmdkimport.core.disk.diskformat import OperationCancelled
from vmdkimport.core.disk.preflight import Verdict
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.error_catalog import Place, Where, worded
from vmdkimport.core.errors import (
    ApiError,
    AuthenticationFailed,
    Cancelled,
    ConfigError,
    InvalidRequest,
    TransportError,
    UploadCancelled,
    VmdkImportError,
)
from vmdkimport.core.guest.report import GuestNotReady  # light: the readers load on use
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.core.register.polling import PollPolicy
from vmdkimport.core.register.reconcile import adopt_listed
from vmdkimport.core.register.submit import follow_import, submit_import
from vmdkimport.core.request import ImportRequest, KmsSettings
from vmdkimport.core.text import message_of
from vmdkimport.core.units import format_duration, format_size, size_argument
from vmdkimport.core.upload.cleanup import delete_orphans, find_orphans
from vmdkimport.core.upload.converting import (
    DEFAULT_CONVERT_THREADS,
    ConvertingEvent,
    ConvertingResult,
    ConvertingUploader,
    conversion_source,
    estimate_conversion,
)
from vmdkimport.core.upload.segments import DEFAULT_THREADS, Manifest, UploadRequest
from vmdkimport.core.upload.transfer import TransferControl
from vmdkimport.core.upload.uploader import Phase, Uploader, UploadEvent

if TYPE_CHECKING:
    from vmdkimport.core.guest.report import GuestReport

log = logging.getLogger("vmdkimport.cli")

# Exit codes (documented in README.md and in --help).
EXIT_OK = 0
EXIT_ERROR = 1  # any other user-facing error
EXIT_USAGE = 2  # bad command line (argparse)
EXIT_AUTH = 3  # sign-in rejected, or no rights
EXIT_INVALID = 4  # the request breaks a rule (found locally or by the service)
EXIT_RETRY = 5  # the service is busy or failed; trying again later may work
EXIT_NETWORK = 6  # the service could not be reached; for register: outcome unknown
EXIT_IMPORT_FAILED = 7  # the import ended in "failed" or "canceled"
EXIT_INTERRUPTED = 130
EXIT_PIPE_CLOSED = 141  # what a shell reports for a Unix tool whose output pipe closed (| head)

EXIT_CODES_HELP = """exit codes:
  0 success   1 error   2 usage   3 sign-in rejected or no rights   4 invalid request
  5 service busy or failed (try again later)   6 network error (for register: check the list
  before retrying)   7 the import failed or was canceled   130 interrupted
  141 the output pipe closed (e.g. | head)"""


JSON_HELP = "print the result as one JSON document (for scripts) instead of text"


# --- argument parsing ---------------------------------------------------------------------------

def _connection_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group(
        "connection", "Values not given here come from OS_* environment variables, then from "
        "--os-cloud (clouds.yaml). The password is never an option.")
    g.add_argument("--os-cloud", metavar="NAME", default=os.environ.get("OS_CLOUD"),
                   help="a cloud from clouds.yaml")
    g.add_argument("--region", help="region preset, e.g. jp-east-1 (fills the endpoints)")
    g.add_argument("--identity-url", "--os-auth-url", dest="identity_url", metavar="URL",
                   help="Keystone v3 URL, ending in /v3")
    g.add_argument("--object-storage-url", metavar="URL",
                   help="object storage URL, .../v1/AUTH_<project id> (else from the catalog)")
    g.add_argument("--import-url", metavar="URL", help="image import endpoint (else catalog)")
    g.add_argument("--contract", "--domain", dest="domain", metavar="NUMBER",
                   help="contract number (the user's domain)")
    g.add_argument("--user", dest="username", metavar="NAME",
                   help="your user name (or OS_USERNAME)")
    g.add_argument("--project-id", metavar="ID",
                   help="the project to work in, by id (or OS_PROJECT_ID)")
    g.add_argument("--project-name", metavar="NAME",
                   help="the project to work in, by name (or OS_PROJECT_NAME)")
    g.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of standard input")
    g.add_argument("--no-keyring", action="store_true",
                   help="neither read nor store the password in the system keyring")
    g.add_argument("--ca-bundle", metavar="PEM", help="CA bundle for TLS verification")
    g.add_argument("--insecure", action="store_true",
                   help="do not verify TLS certificates (unsafe; for test systems only)")
    g.add_argument("--allow-http", action="store_true",
                   help="allow plain http to hosts other than this computer; your password "
                        "and token then travel unencrypted (127.0.0.1 needs no option)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vmdkimport",
        description="Upload VMware disks to FUJITSU K5 / FJcloud-O object storage and register "
                    "them as images.",
        epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="walk the whole import on the built-in sandbox cloud, no account "
                             "needed")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="more output on stderr (-vv for debug; secrets are never logged)")
    parser.add_argument("--ledger", type=Path, metavar="FILE",
                        help="the import ledger (default: in the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("login", help="check the credentials; show project and endpoints")
    _connection_options(p)
    p.add_argument("--remember", action="store_true",
                   help="store the password in the system keyring after a successful sign-in")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("register", help="register an uploaded .vmdk as an image",
                       epilog=EXIT_CODES_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _connection_options(p)
    r = p.add_argument_group("image (the fields of POST /v1/imageimport)")
    r.add_argument("--name", required=True, help="image name")
    loc = r.add_mutually_exclusive_group(required=True)
    loc.add_argument("--location", help="/v1/AUTH_<project id>/<container>/<object>.vmdk")
    loc.add_argument("--object", metavar="CONTAINER/OBJECT",
                     help="the object in your project; the location is built from it")
    r.add_argument("--os-type", choices=[t.keyword for t in rules.OS_TYPES],
                   metavar="OS_TYPE",
                   help="one of: " + ", ".join(t.keyword for t in rules.OS_TYPES)
                   + " (required unless --disk finds it on the disk)")
    r.add_argument("--checksum", metavar="SHA1", help="SHA1 of the .vmdk (40 hex digits)")
    ident = r.add_mutually_exclusive_group()
    ident.add_argument("--image-id", metavar="UUID", help="the image id to use")
    ident.add_argument("--generate-id", action="store_true",
                       help="choose a new UUID as image id (lets you find the image later)")
    r.add_argument("--min-ram", type=int, metavar="MB", help="minimum RAM in MB")
    r.add_argument("--min-disk", type=int, metavar="GB", help="minimum disk in GB")
    r.add_argument("--kms-server", metavar="FQDN:PORT",
                   help="KMS server for Windows, by name: FQDN:PORT (blank: the region's "
                        "default, port 1688); kms is always sent with activate: true")
    r.add_argument("--kms-activate", action="store_true",
                   help="activate Windows against the KMS server")
    g = p.add_argument_group("the disk the object was uploaded from")
    g.add_argument("--disk", type=Path, metavar="FILE",
                   help="inspect the guest in FILE: --os-type is taken from it when left out, "
                        "and one that contradicts it is refused")
    g.add_argument("--os-type-override", action="store_true",
                   help="register with --os-type although it contradicts the OS found by "
                        "--disk (the choice is logged)")
    g.add_argument("--region-rules", metavar="REGION", dest="rules_region",
                   help="with --disk: judge the guest by this region's rules (default: --region)")
    p.add_argument("--dry-run", action="store_true",
                   help="check and print the request body; send nothing")
    p.add_argument("--force", action="store_true",
                   help="register even while an earlier import of the same object is still "
                        "converting (the ledger knows; without --force that is refused)")
    p.add_argument("--wait", action="store_true", help="follow the import until it ends")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("status", help="show (and with --wait follow) an import")
    _connection_options(p)
    p.add_argument("import_id", type=_import_id, help="the import's id (a UUID)")
    p.add_argument("--wait", action="store_true", help="follow until succeeded or failed")
    p.add_argument("--interval", type=float, default=None, metavar="SECONDS",
                   help="longest wait between polls (default 60)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("list", help="imports in the local ledger (with --remote: the server's)")
    p.add_argument("--remote", action="store_true",
                   help="ask the service (adds imports started elsewhere to the ledger)")
    p.add_argument("--start", type=int, metavar="N",
                   help="with --remote: skip the first N imports of the service's list")
    p.add_argument("--limit", type=int, metavar="N", help="show at most N imports")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    _connection_options(p)

    p = sub.add_parser("inspect", help="check a .vmdk (or .ova/.ovf/.vmx) before uploading it",
                       epilog=EXIT_CODES_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", type=Path)
    p.add_argument("--region", default=os.environ.get("OS_REGION_NAME") or None,
                   help="judge the guest by this region's rules (default: $OS_REGION_NAME; "
                        "without a region, by the rules every region shares)")
    p.add_argument("--no-guest", action="store_true",
                   help="check the file only; do not look inside the guest")
    p.add_argument("--convert", type=Path, metavar="OUT",
                   help="when the file needs converting, convert it to a streamOptimized VMDK "
                        "at OUT (with qemu-img when it is installed; without it, VMware disks "
                        "and raw images by the built-in converter)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("upload", help="upload a disk to object storage (segmented, resumable)",
                       epilog=EXIT_CODES_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _connection_options(p)
    _storage_bypass_options(p)
    p.add_argument("file", type=Path,
                   help="the disk to upload (.vmdk, .ova, or a raw image to convert)")
    p.add_argument("--container", required=True, help="created when missing")
    p.add_argument("--object", dest="object_name", metavar="NAME",
                   help="object name (default: from the file name, ending in .vmdk)")
    p.add_argument("--segment-size", type=size_argument, metavar="SIZE",
                   help="segment size, e.g. 256M (default 256M; capped by the cluster limit)")
    p.add_argument("--threads", type=int, default=None, metavar="N",
                   help=f"segments uploaded in parallel (default {DEFAULT_THREADS}; "
                        f"{DEFAULT_CONVERT_THREADS} when converting)")
    p.add_argument("--manifest", choices=[m.value for m in Manifest], default="dlo",
                   help="dlo (default, the provider's documented way) or slo")
    p.add_argument("--limit-rate", type=size_argument, metavar="RATE",
                   help="bandwidth limit in bytes per second, e.g. 10M")
    p.add_argument("--overwrite", action="store_true",
                   help="replace an existing object with different content")
    p.add_argument("--no-inspect", action="store_true",
                   help="upload even what the disk pre-flight or the guest inspection refuses "
                        "(not importable, or not bootable in the cloud, as it is); the file "
                        "is sent as it is")
    p.add_argument("--no-convert", action="store_true",
                   help="send the file as it is, even when the pre-flight would convert it to "
                        "a streamOptimized VMDK on the way (monolithicSparse, flat and split "
                        "disks, raw images)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("convert", help="convert a VMware disk or a raw image to a "
                                       "streamOptimized VMDK file (no qemu-img needed)",
                       epilog=EXIT_CODES_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", type=Path, help="the disk (.vmdk descriptor or sparse file, .ova, "
                                            "or a raw image)")
    p.add_argument("out", type=Path, metavar="OUT.vmdk", help="the file to write (must not "
                                                               "exist)")
    p.add_argument("--level", type=int, default=6, choices=range(1, 10), metavar="1-9",
                   help="compression level, 1 fastest .. 9 smallest (default 6)")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("cleanup", help="list and delete segments of abandoned uploads")
    _connection_options(p)
    _storage_bypass_options(p)
    p.add_argument("--container", help="only this container's segments")
    p.add_argument("--yes", action="store_true", help="delete without asking")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("os-types", help="the OS types the service accepts")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    from vmdkimport.sandbox.app import add_sandbox_arguments

    p = sub.add_parser("sandbox", help="run the built-in sandbox cloud on 127.0.0.1")
    add_sandbox_arguments(p)

    p = sub.add_parser("self-test", help="check this installation on the built-in sandbox "
                                         "(touches none of your files or passwords)")
    p.add_argument("--report", metavar="FILE", help="also write the report to FILE")
    return parser


def _storage_bypass_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group(
        "object storage without sign-in",
        "For servers with their own auth, like swift's --os-storage-url/--os-auth-token. The "
        "token is a secret: prefer OS_AUTH_TOKEN or --token-stdin, because a --token value "
        "shows in 'ps' and in your shell history.")
    g.add_argument("--storage-url", metavar="URL", default=os.environ.get("OS_STORAGE_URL"),
                   help=".../v1/AUTH_<account> (or OS_STORAGE_URL)")
    token = g.add_mutually_exclusive_group()
    token.add_argument("--token", metavar="TOKEN", default=os.environ.get("OS_AUTH_TOKEN"),
                       help="a token for it (default: OS_AUTH_TOKEN)")
    token.add_argument("--token-stdin", action="store_true",
                       help="read the token from the first line of standard input")


def _import_id(text: str) -> str:
    """An import id from the command line: checked before it goes into a URL."""
    problem = rules.import_id_error(text)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem} Got {_printable(text)}.")
    return text


def _printable(text: object, *, lines: bool = False) -> str:
    """Text from a server (or a file) made safe for a terminal.

    An answer may carry escape sequences that clear the screen, retitle the window or fake a
    prompt; each control character is shown as its Python escape instead (``\\x1b``). With
    ``lines``, line breaks and tabs of our own multi-line output stay as they are.
    """
    keep = "\n\t" if lines else ""
    return "".join(
        ch if (ch.isprintable() or ch in keep) else ch.encode("unicode_escape").decode("ascii")
        for ch in str(text))


# --- helpers -------------------------------------------------------------------------------------

@dataclass
class Output:
    """Where results go: human text or one JSON document."""

    as_json: bool

    def result(self, data: Any, text: str) -> None:
        if self.as_json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(_printable(text, lines=True))


def _profile(args: argparse.Namespace) -> tuple[ConnectionProfile, str | None]:
    """Merge: options > environment > clouds.yaml. Returns the profile and a known password."""
    profile, password = ConnectionProfile(), None
    if getattr(args, "os_cloud", None):
        profile, password = from_clouds_yaml(args.os_cloud)
    env_profile, env_password = from_environment()
    profile = profile.merged(**{k: v for k, v in env_profile.as_dict().items() if k != "name"})
    password = env_password or password
    profile = profile.merged(
        region=args.region, identity_url=args.identity_url,
        object_storage_url=args.object_storage_url, import_url=args.import_url,
        domain=args.domain, username=args.username, project_id=args.project_id,
        project_name=args.project_name, ca_bundle=args.ca_bundle,
    )
    if args.insecure:
        profile = profile.merged(insecure=True)
    if args.allow_http:
        profile = profile.merged(allow_http=True)
    return profile, password


def _password(args: argparse.Namespace, profile: ConnectionProfile, known: str | None) -> str:
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise ConfigError("--password-stdin was given but standard input was empty.",
                              "Pipe the password in, e.g. from your password manager.")
        return line
    if known:
        return known
    key = None
    if not args.no_keyring and profile.domain and profile.username:
        key = secrets.account_key(profile.resolved_identity_url(), profile.domain,
                                  profile.username)
        stored = secrets.get_password(key)
        if stored:
            return stored
    if sys.stdin.isatty():
        return getpass.getpass(f"Password for {profile.username or '?'} "
                               f"(contract {profile.domain or '?'}): ")
    # Only name what can work here: without a system keyring, --remember cannot store anything.
    no_keyring = secrets.unavailable_reason()
    advice = ("Use --password-stdin or set OS_PASSWORD, or run 'vmdkimport login --remember' "
              "once." if no_keyring is None else
              f"Use --password-stdin or set OS_PASSWORD. ({no_keyring})")
    raise ConfigError(
        "No password: none in OS_PASSWORD, clouds.yaml or the keyring, and no terminal to ask.",
        advice, rules.Field.CREDENTIALS)


def _session(args: argparse.Namespace) -> CloudSession:
    profile, known = _profile(args)
    password = _password(args, profile, known)
    logsetup.register_secret(password)
    session = connect(profile, password)
    logsetup.register_secret(session.token.value, token=True)
    return session


def _storage(args: argparse.Namespace) -> tuple[ObjectStorageClient, Callable[[], None]]:
    """Object storage from --storage-url/--token, or through a normal sign-in."""
    if args.token_stdin:
        args.token = sys.stdin.readline().strip()
        if not args.token:
            raise ConfigError("--token-stdin was given but standard input was empty.",
                              "Pipe the token in, e.g. from your password manager.",
                              rules.Field.CREDENTIALS)
    if args.storage_url or args.token:
        if not (args.storage_url and args.token):
            raise ConfigError("--storage-url and --token must be given together.",
                              "Give both, or neither to sign in normally.", rules.Field.ENDPOINTS)
        logsetup.register_secret(args.token, token=True)
        profile, _ = _profile(args)
        http = HttpClient(profile.http_settings())
        project = args.storage_url.rstrip("/").rsplit("/", 1)[-1].removeprefix("AUTH_")
        client = ObjectStorageClient(http, TokenProvider(static_token(args.token, project)),
                                     args.storage_url)
        return client, http.close
    session = _session(args)
    return session.storage, session.close


@contextlib.contextmanager
def _first_ctrl_c_cancels(cancel: Callable[[], None], message: str = "") -> Iterator[None]:
    """The first Ctrl-C stops a long step cleanly (through ``cancel``: a journal or no partial
    file is left); a second one interrupts at once."""
    def on_interrupt(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if message:
            print("\n" + message, file=sys.stderr)
        cancel()

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class ProgressLine:
    """One self-rewriting line on a terminal; silent when stderr is not one."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._last = 0.0
        self._width = 0

    def show(self, event: UploadEvent, *, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self._last < 0.25):
            return
        self._last = now
        text = (f"{event.fraction * 100:5.1f}%  {format_size(event.bytes_done)} / "
                f"{format_size(event.bytes_total)}  {format_size(event.rate)}/s  "
                f"ETA {format_duration(event.eta)}")
        if isinstance(event, ConvertingEvent):
            text = f"converting {text}  sent {format_size(event.bytes_sent)}"
        if event.segments_total:
            text += f"  segments {event.segments_done}/{event.segments_total}"
            if event.segments_skipped:
                text += f" ({event.segments_skipped} already there)"
        if event.retries:
            text += f"  retries {event.retries}"
        if event.phase not in (Phase.UPLOADING,):
            text += f"  [{event.message or event.phase.value}]"
        sys.stderr.write("\r" + text.ljust(self._width))
        sys.stderr.flush()
        self._width = len(text)

    def close(self) -> None:
        if self.enabled and self._width:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _ledger(args: argparse.Namespace) -> Ledger:
    return Ledger(args.ledger) if args.ledger else Ledger()


def _describe_status(status: ImportStatus) -> str:
    text = f"{_printable(status.import_id)}: {status.state.value}"
    if status.state in (ImportState.PROCESSING, ImportState.QUEUED) or status.progress:
        text += f" {status.progress}%"
    if status.error_message:
        text += f" - {_printable(status.error_message)}"
    if status.image_id:
        text += f"  image id: {_printable(status.image_id)}"
    return text


def _status_dict(status: ImportStatus) -> dict[str, Any]:
    return {"import_id": status.import_id, "import_status": status.state.value,
            "progress": status.progress, "name": status.name, "location": status.location,
            "image_id": status.image_id, "error_message": status.error_message}


def _follow(session: CloudSession, ledger: Ledger, import_id: str, out: Output,
            interval: float | None = None, indent: str = "") -> ImportStatus | None:
    policy = PollPolicy(longest=interval) if interval else PollPolicy()
    policy = PollPolicy(first=min(policy.first, policy.longest), longest=policy.longest,
                        error_wait=min(policy.error_wait, policy.longest))
    shown: list[str] = []

    def on_status(status: ImportStatus) -> None:
        line = _describe_status(status)
        if not out.as_json and (not shown or shown[-1] != line):
            print(indent + line, flush=True)
            shown.append(line)

    def on_error(exc: VmdkImportError) -> None:
        print(f"(status not available, trying again: {exc})", file=sys.stderr)

    return follow_import(session.imports, ledger, import_id, on_status=on_status,
                         on_error=on_error, policy=policy)


# --- commands ------------------------------------------------------------------------------------

def cmd_login(args: argparse.Namespace) -> int:
    profile, known = _profile(args)
    password = _password(args, profile, known)
    logsetup.register_secret(password)
    session = connect(profile, password)
    try:
        token = session.token
        data = {"project_id": token.project_id, "project_name": token.project_name,
                "contract": token.domain_name, "user": token.user_name,
                "expires_at": token.expires_at.isoformat(),
                "object_storage_url": session.endpoints.object_storage_url,
                "import_url": session.endpoints.import_url}
        remembered = ""
        if args.remember and not args.no_keyring:
            reason = secrets.unavailable_reason()
            if reason:
                remembered = f"\nThe password was not remembered: {reason}"
            else:
                secrets.set_password(secrets.account_key(
                    profile.resolved_identity_url(), profile.domain, profile.username), password)
                remembered = "\nThe password is stored in the system keyring."
        Output(args.json).result(data, (
            f"Signed in as {token.user_name} (contract {token.domain_name}) to project "
            f"{token.project_name} ({token.project_id}).\n"
            f"Object storage: {data['object_storage_url']}\n"
            f"Image import:   {data['import_url']}\n"
            f"Token valid until {data['expires_at']}.{remembered}"))
    finally:
        session.close()
    return EXIT_OK


def _request_from_args(args: argparse.Namespace, project_id: str | None) -> ImportRequest:
    if args.object:
        container, _, obj = args.object.partition("/")
        if not project_id:
            raise ConfigError("--object needs the project id to build the location.",
                              "Give --location instead, or sign in.", rules.Field.LOCATION)
        location = rules.location_for(project_id, container, obj)
    else:
        location = args.location
    kms = None
    if args.kms_server or args.kms_activate:
        if not rules.is_windows(args.os_type):
            print("Note: --kms-* options are ignored for a non-Windows OS type.",
                  file=sys.stderr)
        kms = KmsSettings(server_info=args.kms_server, activate=args.kms_activate)
    return ImportRequest(
        name=args.name, location=location, os_type=args.os_type, checksum=args.checksum,
        image_id=rules.new_image_id() if args.generate_id else args.image_id,
        min_ram=args.min_ram, min_disk=args.min_disk, kms=kms,
    )


def _os_type_from_disk(args: argparse.Namespace) -> None:
    """Fill or check ``args.os_type`` against the OS found in ``--disk``'s guest."""
    if args.disk is None:
        if args.os_type is None:
            raise ConfigError("--os-type is missing.",
                              "Give --os-type, or --disk FILE to take it from the disk's guest.",
                              rules.Field.OS_TYPE)
        if args.os_type_override:
            raise ConfigError("--os-type-override only makes sense with --disk.",
                              "Add --disk FILE, or leave --os-type-override out.")
        return
    from vmdkimport.core.guest.ostype import os_type_conflict
    from vmdkimport.core.guest.report import Level

    guest = _inspect_guest(preflight.inspect(args.disk), args.rules_region or args.region)
    for finding in guest.findings:
        if finding.level in (Level.BLOCKER, Level.UNKNOWN):
            print(f"Note: {cli_text(finding.text)}", file=sys.stderr)
    found = guest.os.os_type
    if args.os_type is None:
        if not found:
            why = cli_text(guest.os.os_type_note) if guest.os.os_type_note else ""
            raise ConfigError(
                f"The OS type could not be taken from {args.disk.name}. {why}".strip(),
                "Give --os-type.", rules.Field.OS_TYPE)
        args.os_type = found
        print(f"OS type from the disk: {found} ({guest.os.name})", file=sys.stderr)
        return
    conflict = os_type_conflict(guest.os, args.os_type)
    if conflict is None:
        return
    if not args.os_type_override:
        raise ConfigError(cli_text(conflict),
                          "Correct --os-type, or add --os-type-override if you are sure the "
                          "disk's OS is registered that way.", rules.Field.OS_TYPE)
    log.warning("os_type %s registered against the disk's %s (%s): --os-type-override",
                args.os_type, found or "unknown", guest.os.name)
    print(f"Note: {cli_text(conflict)} Registering with {args.os_type} as you asked "
          "(--os-type-override).", file=sys.stderr)


def cmd_register(args: argparse.Namespace) -> int:
    out = Output(args.json)
    _os_type_from_disk(args)
    if args.dry_run:
        profile, _ = _profile(args)
        request = _request_from_args(args, profile.project_id or None)
        problems = request.validate(project_id=profile.project_id or None)
        if problems:
            raise InvalidRequest(problems)
        print(request.to_json(indent=2))
        return EXIT_OK
    session = _session(args)
    try:
        request = _request_from_args(args, session.project_id)
        ledger = _ledger(args)
        if not args.force:
            _refuse_a_second_import(ledger, request)
        entry = submit_import(session.imports, ledger, request, project_id=session.project_id,
                              region=session.profile.region or None)
        data = {"import_id": entry.import_id, "request_id": entry.request_id,
                "image_id": request.image_id, "location": request.location,
                "ledger": str(ledger.path)}
        out.result(data, f"Import registered. import_id: {entry.import_id}\n"
                         f"Follow it with: vmdkimport status {entry.import_id} --wait")
        if args.wait:
            final = _follow(session, ledger, str(entry.import_id), out)
            if final is not None and final.state in ENDED_BADLY:
                return EXIT_IMPORT_FAILED
    finally:
        session.close()
    return EXIT_OK


#: final states that are not a registered image: a script checking for 0 must never take them
#: for success
ENDED_BADLY = frozenset({ImportState.FAILED, ImportState.CANCELED})


def _refuse_a_second_import(ledger: Ledger, request: ImportRequest) -> None:
    """Registering twice with the same arguments makes two imports and two images; when the
    ledger knows the first one is still converting, that is almost always a mistake."""
    running = [e for e in ledger.open_imports() if e.location == request.location]
    if running:
        first = running[0]
        raise ConfigError(
            f"An import of {request.location} is still converting: {first.import_id} "
            f"({first.status or first.phase}, registered {first.created_at[:19]}).",
            f"Follow it with 'vmdkimport status {first.import_id} --wait'. To register the "
            "same object again anyway, add --force.", rules.Field.LOCATION)


def cmd_status(args: argparse.Namespace) -> int:
    out = Output(args.json)
    session = _session(args)
    try:
        ledger = _ledger(args)
        if args.wait:
            status = _follow(session, ledger, args.import_id, out, args.interval)
        else:
            status = session.imports.status(args.import_id)
            ledger.record_status(args.import_id, status.state.value, status.progress,
                                 status.error_message, image_id=status.image_id)
            out.result(_status_dict(status), _describe_status(status))
        if status is not None and args.json and args.wait:
            out.result(_status_dict(status), "")
        if status is not None and status.state in ENDED_BADLY:
            return EXIT_IMPORT_FAILED
    finally:
        session.close()
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    out = Output(args.json)
    ledger = _ledger(args)
    if args.remote:
        session = _session(args)
        try:
            items = session.imports.list(start=args.start, limit=args.limit)
            adopt_listed(session.imports, ledger, items, region=session.profile.region or None,
                         project_id=session.project_id)
        finally:
            session.close()
        known = {e.import_id: e for e in ledger.entries() if e.import_id}
        data = [{"import_id": i.import_id, "import_status": i.state.value,
                 "image_id": known[i.import_id].image_id if i.import_id in known else None}
                for i in items]
        out.result(data, remote_rows(items, ledger) if items else "No imports.")
        return EXIT_OK
    entries = ledger.entries(limit=args.limit)
    rows = [LIST_ROW.format(created="CREATED", id="IMPORT ID", status="STATUS", name="NAME",
                            image="IMAGE ID", location="LOCATION")]
    for e in entries:
        status = e.status or e.phase
        progress = f" {e.progress}%" if e.progress not in (None, 0, 100) else ""
        rows.append(_printable(LIST_ROW.format(
            created=e.created_at[:19], id=e.import_id or f"({e.phase})",
            status=f"{status}{progress}", name=e.name, image=e.image_id or "-",
            location=e.location)))
    out.result([e.as_dict() for e in entries],
               "\n".join(rows) if entries else f"No imports in the ledger ({ledger.path}).")
    return EXIT_OK


#: one row of 'list': the columns a person scans first come first, the long location last
LIST_ROW = "{created:19}  {id:36}  {status:15}  {name:24}  {image:36}  {location}"
REMOTE_ROW = "{id:36}  {status:15}  {name:24}  {created}"


def remote_rows(items: Sequence[ImportSummary], ledger: Ledger) -> str:
    """The service's list, with what this computer's ledger knows of each import (its name, its
    last progress, when it was registered); the list answer carries only ids and states."""
    known = {e.import_id: e for e in ledger.entries() if e.import_id}
    rows = [REMOTE_ROW.format(id="IMPORT ID", status="STATUS", name="NAME", created="CREATED")]
    for item in items:
        entry = known.get(item.import_id)
        running = item.state in (ImportState.QUEUED, ImportState.PROCESSING)
        progress = f" {entry.progress}%" if entry and entry.progress and running else ""
        rows.append(_printable(REMOTE_ROW.format(
            id=item.import_id, status=f"{item.state.value}{progress}",
            name=entry.name if entry and entry.name else "-",
            created=entry.created_at[:19] if entry else "(started elsewhere)").rstrip()))
    return "\n".join(rows)


def _check_guest(guest: GuestReport) -> None:
    """Refuse to upload for hours a guest that cannot run in the cloud; say the rest."""
    from vmdkimport.core.guest.report import Level, Readiness

    for finding in guest.findings:
        if finding.level in (Level.WARNING, Level.UNKNOWN):
            print(f"Note: {cli_text(finding.text)}", file=sys.stderr)
    if guest.readiness is not Readiness.NOT_READY:
        return
    blockers = [f for f in guest.findings if f.level is Level.BLOCKER]
    message = " ".join(cli_text(f.text) for f in blockers) or cli_text(guest.summary)
    fixes = " ".join(cli_text(f.fix) for f in blockers if f.fix)
    raise GuestNotReady(
        guest, f"The guest in this disk cannot run in the cloud as it is: {message}",
        f"{fixes} 'vmdkimport inspect FILE' shows everything that was checked. To upload it "
        "anyway, add --no-inspect.".strip())


def cmd_upload(args: argparse.Namespace) -> int:
    out = Output(args.json)
    source = UploadSource(args.file)
    suggested = rules.suggest_object_name(args.file.name)
    converting: UploadSource | None = None
    if not args.no_inspect:
        # Metadata only, about a millisecond: never upload for hours what cannot be imported.
        found = preflight.inspect(args.file)
        converting = None if args.no_convert else conversion_source(found)
        if converting is None:
            try:
                found.raise_if_refused()
            except preflight.DiskRefused as exc:
                exc.action = (f"{cli_text(exc.action)} To upload it anyway (it cannot be "
                              "imported as it is), add --no-inspect.").strip()
                raise
            for finding in found.findings:
                if finding.level is not Verdict.IMPORTABLE:
                    print(f"Note: {finding.text}", file=sys.stderr)
        _check_guest(_inspect_guest(found, args.region))
        if found.upload_source is not None:
            source = found.upload_source  # for an OVA: the disk's bytes inside the archive
        suggested = found.suggestions.object_name or suggested
    if converting is not None:
        source = converting
        if not args.json:
            guess = estimate_conversion(converting)
            print(f"Converting {found.description} to a streamOptimized VMDK while uploading: "
                  f"about {format_size(guess.output_bytes)} to send for a "
                  f"{format_size(guess.disk_size)} disk (--no-convert sends the file as it "
                  "is).", file=sys.stderr)
    object_name = args.object_name or suggested
    threads = args.threads or (DEFAULT_CONVERT_THREADS if converting else DEFAULT_THREADS)
    request = UploadRequest(
        source=source, container=args.container, object_name=object_name,
        segment_size=args.segment_size, threads=max(1, threads),
        manifest=Manifest(args.manifest), limit_rate=args.limit_rate,
        overwrite=args.overwrite)
    storage, close = _storage(args)
    control = TransferControl()
    progress = ProgressLine(sys.stderr.isatty() and not args.json)
    uploader = (ConvertingUploader(storage, request, control) if converting is not None
                else Uploader(storage, request, control))

    result = None
    try:
        with _first_ctrl_c_cancels(control.cancel,
                                   "Stopping; run the same command again to resume."):
            for event in uploader.run():
                progress.show(event, force=event.result is not None)
                result = event.result or result
    except (UploadCancelled, OperationCancelled):
        progress.close()
        print("Upload cancelled. Run the same command again to resume it.", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        progress.close()
        close()
    assert result is not None
    how = ("identical object already there, nothing sent" if result.skipped
           else f"{result.segments} segments, {result.manifest.value.upper()} manifest"
           if result.manifest else "single object")
    if isinstance(result, ConvertingResult):
        if result.segments_skipped and not result.skipped:
            how += (f"; {result.segments_skipped} segments already there, proven by "
                    "converting again and comparing their MD5")
        first = (f"Converted to streamOptimized and uploaded {format_size(result.size)} to "
                 f"{result.container}/{result.object_name} ({how}).\n"
                 f"sent:     {format_size(result.bytes_sent)} on the wire for a "
                 f"{format_size(result.disk_size)} disk "
                 f"({format_size(result.source_read)} of it allocated and read)\n")
    else:
        if result.skipped or result.segments_skipped:
            # what a skip cost: never taken on name, size and date alone
            how += (f"; checked by reading {format_size(result.bytes_read_to_prove)} of the "
                    "disk" if result.bytes_read_to_prove
                    else "; proven by this computer's upload journal for this very file, "
                         "nothing read")
        first = (f"Uploaded {format_size(result.size)} to {result.container}/"
                 f"{result.object_name} ({how}).\n")
    out.result(result.as_dict(), (
        f"{first}"
        f"location: {result.location}\n"
        f"sha1:     {result.sha1}\n"
        f"Register it with: vmdkimport register --location {result.location} --checksum "
        f"{result.sha1} --name ... --os-type ..."))
    return EXIT_OK


def cmd_convert(args: argparse.Namespace) -> int:
    """Write a streamOptimized VMDK with the built-in converter (the one upload uses)."""
    from vmdkimport.core.disk.streamopt import ConvertSettings, convert_to_file

    out = Output(args.json)
    found = preflight.inspect(args.file)
    source = conversion_source(found)
    if source is None and found.subformat == "streamOptimized" and \
            found.upload_source is not None:
        source = found.upload_source  # already streamOptimized: written again, recompressed
    if source is None:
        raise ConfigError(
            f"{args.file} cannot be converted by the built-in converter: it is "
            f"{found.description}.",
            found.fix or "It reads VMware disks (sparse, flat, split) and raw images; convert "
                         "other formats with qemu-img.", rules.Field.DISK)
    if args.out.exists():
        raise ConfigError(f"{args.out} already exists.",
                          "Choose another output file (OUT.vmdk), or delete that one first.",
                          rules.Field.DISK)
    cancel = threading.Event()
    tty = sys.stderr.isatty() and not args.json

    def on_progress(percent: float) -> None:
        if tty:
            sys.stderr.write(f"\rConverting: {percent:5.1f}%")
            sys.stderr.flush()

    try:
        with _first_ctrl_c_cancels(cancel.set):
            output = convert_to_file(source.path, args.out, member=source.member,
                                     settings=ConvertSettings(level=args.level),
                                     on_progress=on_progress, cancelled=cancel.is_set)
    except OperationCancelled:
        if tty:
            sys.stderr.write("\n")
        print("Conversion cancelled; nothing was left behind.", file=sys.stderr)
        return EXIT_INTERRUPTED
    if tty:
        sys.stderr.write("\n")
    converted = preflight.inspect(output)
    size = output.stat().st_size
    out.result({"converted": str(output), "size": size, "source": str(source.path),
                "member": source.member, "disk_size": found.virtual_size,
                "inspection": converted.to_dict()},
               f"Converted {args.file} ({format_size(found.virtual_size or 0)} disk) to "
               f"{output} ({format_size(size)}).\n{converted.render_text()}")
    return EXIT_INVALID if converted.verdict is Verdict.REFUSED else EXIT_OK


def _inspect_guest(found: preflight.Inspection, region: str | None) -> GuestReport:
    """The guest inspection of a pre-flight's file (a second or so; Ctrl+C stops it)."""
    from vmdkimport.core.guest.inspect import inspect_found

    cancel = threading.Event()
    with _first_ctrl_c_cancels(cancel.set):
        return inspect_found(found, region=region, cancelled=cancel.is_set)


def cmd_inspect(args: argparse.Namespace) -> int:
    from vmdkimport.core.guest.report import Readiness, render_text

    out = Output(args.json)
    found = preflight.inspect(args.file)
    guest = None if args.no_guest else _inspect_guest(found, args.region)
    not_ready = guest is not None and guest.readiness is Readiness.NOT_READY
    if not args.convert:
        data = found.to_dict()
        text = found.render_text()
        if guest is not None:
            data["guest"] = guest.to_dict()
            text += "\n\n" + render_text(guest)
        out.result(data, text)
        return EXIT_INVALID if found.verdict is Verdict.REFUSED or not_ready else EXIT_OK
    if not args.json:
        print(found.render_text())
        if guest is not None:
            print("\n" + render_text(guest))
    if found.conversion is None:
        raise ConfigError("This file needs no conversion, or none is possible here.",
                          found.fix or "Use the file as it is.", rules.Field.DISK)
    cancel = threading.Event()
    tty = sys.stderr.isatty() and not args.json

    def on_progress(percent: float) -> None:
        if tty:
            tool = "the built-in converter" if builtin is not None else "qemu-img"
            sys.stderr.write(f"\rConverting with {tool}: {percent:5.1f}%")
            sys.stderr.flush()

    builtin = conversion_source(found) if qemu.find_qemu_img() is None else None
    try:
        with _first_ctrl_c_cancels(cancel.set):
            if builtin is not None:  # no qemu-img here: the converter upload uses
                from vmdkimport.core.disk.streamopt import convert_to_file

                output = convert_to_file(builtin.path, args.convert, member=builtin.member,
                                         on_progress=on_progress, cancelled=cancel.is_set)
            else:
                output = qemu.convert_to_stream_optimized(
                    found.conversion.source, args.convert, on_progress=on_progress,
                    cancel=cancel, source_format=found.conversion.source_format)
    except OperationCancelled:
        print("\nConversion cancelled; nothing was left behind.", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if tty:
            sys.stderr.write("\n")
    converted = preflight.inspect(output)
    out.result({"converted": str(output), "inspection": converted.to_dict()},
               f"\nConverted to {output}:\n{converted.render_text()}")
    return EXIT_INVALID if converted.verdict is Verdict.REFUSED else EXIT_OK


def cmd_cleanup(args: argparse.Namespace) -> int:
    out = Output(args.json)
    storage, close = _storage(args)
    try:
        groups = find_orphans(storage, args.container)
        if args.json and not args.yes:
            out.result([g.as_dict() for g in groups], "")
            return EXIT_OK
        if not groups:
            if not args.json:
                print("No orphaned segments.")
            else:
                out.result({"deleted": 0, "groups": []}, "")
            return EXIT_OK
        total = sum(g.bytes for g in groups)
        if not args.json:
            for g in groups:
                note = "  (interrupted upload on this computer: can still be resumed)" \
                    if g.resumable else ""
                print(f"{g.segment_container}/{g.prefix}  {len(g.objects)} segments, "
                      f"{format_size(g.bytes)}{note}")
            print(f"{len(groups)} abandoned upload(s), {format_size(total)} in all.")
        if not args.yes:
            if not sys.stdin.isatty():
                print("Nothing deleted. Run again with --yes to delete them.")
                return EXIT_OK
            answer = input("Delete them? [y/N] ").strip().lower()
            if answer not in ("y", "yes"):
                print("Nothing deleted.")
                return EXIT_OK
        deleted, errors = delete_orphans(storage, groups)
        out.result({"deleted": deleted, "errors": errors, "groups": [g.as_dict() for g in groups]},
                   f"Deleted {deleted} segment(s)." + "".join(f"\n  failed: {e}" for e in errors))
        return EXIT_ERROR if errors else EXIT_OK
    finally:
        close()


def cmd_os_types(args: argparse.Namespace) -> int:
    Output(args.json).result(
        [{"os_type": t.keyword, "description": t.description, "windows": t.windows}
         for t in rules.OS_TYPES],
        "\n".join(f"{t.keyword:14} {t.description}" for t in rules.OS_TYPES)
        + "\n\n" + rules.OS_TYPE_WARNING)
    return EXIT_OK


def cmd_sandbox(args: argparse.Namespace) -> int:
    from vmdkimport.sandbox.app import run_sandbox

    return run_sandbox(args)


def cmd_self_test(args: argparse.Namespace) -> int:
    from vmdkimport import selftest

    return selftest.main(args.report)


def cmd_demo(args: argparse.Namespace) -> int:
    """The whole path on the sandbox: sign in, upload a small disk, register, follow."""
    from vmdkimport.demo import write_demo_vmdk
    from vmdkimport.sandbox import Sandbox, SandboxConfig

    print("Starting the built-in sandbox cloud on 127.0.0.1 ...")
    with tempfile.TemporaryDirectory(prefix="vmdkimport-demo-") as tmp, \
            Sandbox(SandboxConfig(data_dir=Path(tmp) / "cloud", conversion_seconds=8)) as cloud:
        profile = ConnectionProfile(name="demo", region=cloud.region,
                                    identity_url=cloud.identity_url, domain=cloud.domain,
                                    username=cloud.user, project_name=cloud.project_name)
        logsetup.register_secret(cloud.password)
        print(f"1. Sign in as {cloud.user}, contract {cloud.domain}, project "
              f"{cloud.project_name}")
        session = connect(profile, cloud.password)
        try:
            print(f"   object storage: {session.endpoints.object_storage_url}")
            print(f"   image import:   {session.endpoints.import_url}")
            disk = write_demo_vmdk(Path(tmp) / "demo-disk.vmdk", capacity=8 * 1024**3)
            with disk.open("ab") as fh:  # some data after the metadata, so there is to send
                fh.write(os.urandom(6 * 1024 * 1024))
            guest = _inspect_guest(preflight.inspect(disk), cloud.region)
            print(f"   Inside: {guest.os.name or 'no OS found'}; os_type {guest.os.os_type}; "
                  f"{guest.readiness.value}")
            container, obj = "images", rules.suggest_object_name(disk.name)
            print(f"2. Upload {disk.name} ({format_size(disk.stat().st_size)}) to "
                  f"{container}/{obj}, in 1 MiB segments, SHA1 computed on the way")
            progress = ProgressLine(sys.stderr.isatty())
            uploaded = None
            for event in Uploader(session.storage, UploadRequest(
                    UploadSource(disk), container, obj, segment_size=1024 * 1024,
                    limit_rate=8 * 1024 * 1024)).run():
                progress.show(event, force=event.result is not None)
                uploaded = event.result or uploaded
            progress.close()
            assert uploaded is not None
            print(f"   {uploaded.segments} segments + DLO manifest; sha1 {uploaded.sha1}")
            request = ImportRequest(
                name=rules.suggest_image_name(disk.name), location=uploaded.location,
                os_type=guest.os.os_type or "centos", checksum=uploaded.sha1, min_disk=8,
            )
            print("3. Register the image:")
            print("   " + request.to_json())
            # The demo keeps its own ledger: sandbox imports do not belong in the real one.
            ledger = Ledger(args.ledger or paths.data_dir() / "demo" / "ledger.sqlite3")
            entry = submit_import(session.imports, ledger, request,
                                  project_id=session.project_id, region=cloud.region)
            print(f"   import_id: {entry.import_id} (saved in {ledger.path})")
            print("4. Follow the conversion:")
            final = _follow(session, ledger, str(entry.import_id), Output(False), interval=1.0,
                            indent="   ")
        finally:
            session.close()
    if final is not None and final.state is ImportState.SUCCEEDED:
        print("Done: the image is registered. Against a real region, use 'vmdkimport login "
              "--region jp-east-1 ...' (see README.md).")
        return EXIT_OK
    return EXIT_IMPORT_FAILED


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "login": cmd_login, "register": cmd_register, "status": cmd_status, "list": cmd_list,
    "upload": cmd_upload, "convert": cmd_convert, "cleanup": cmd_cleanup, "inspect": cmd_inspect,
    "os-types": cmd_os_types, "sandbox": cmd_sandbox, "self-test": cmd_self_test,
}


# --- entry point ---------------------------------------------------------------------------------

def exit_code_for(exc: VmdkImportError) -> int:
    if isinstance(exc, AuthenticationFailed):
        return EXIT_AUTH
    if isinstance(exc, (InvalidRequest, preflight.DiskRefused, GuestNotReady)):
        return EXIT_INVALID
    if isinstance(exc, TransportError):
        return EXIT_NETWORK
    if isinstance(exc, ApiError):
        if exc.status in (401, 403):
            return EXIT_AUTH
        if exc.retryable:
            return EXIT_RETRY
        if 400 <= exc.status < 500:
            return EXIT_INVALID
    return EXIT_ERROR


# --- how to fix things, in this front end's words ---------------------------------------------
# The core says what to do with placeholders for where and how (error_catalog.Where, Place);
# the wizard names its pages and buttons, the command line its options.

#: where each field's value is given on the command line
CLI_WHERE: dict[rules.Field, str] = {
    rules.Field.NAME: "(--name)",
    rules.Field.LOCATION: "(--object CONTAINER/OBJECT, or --location)",
    rules.Field.CONTAINER: "(--container)",
    rules.Field.OBJECT: "(--container and --object)",
    rules.Field.OS_TYPE: "(--os-type; 'vmdkimport os-types' lists them)",
    rules.Field.CHECKSUM: "(--checksum)",
    rules.Field.IMAGE_ID: "(--image-id)",
    rules.Field.MIN_RAM: "(--min-ram)",
    rules.Field.MIN_DISK: "(--min-disk)",
    rules.Field.KMS: "(--kms-server)",
    rules.Field.KMS_SERVER: "(--kms-server)",
    rules.Field.KMS_ACTIVATE: "(--kms-activate)",
    rules.Field.DISK: "(the FILE argument)",
    rules.Field.CREDENTIALS: "(--contract, --user and the password; or OS_* variables, or "
                             "--os-cloud)",
    rules.Field.PROJECT: "(--project-id or --project-name)",
    rules.Field.ENDPOINTS: "(--region, or --identity-url, --object-storage-url and "
                           "--import-url)",
    rules.Field.NONE: "",
}

#: the command line's controls for what the wizard has buttons and views for
CLI_PLACES: dict[Place, str] = {
    Place.IMPORT_LIST: "'vmdkimport list --remote'",
    Place.GENERATE_ID: "an id from --generate-id",
    Place.KMS_ACTIVATE: "add --kms-activate",
    Place.REQUEST: "you gave ('register --dry-run' prints the request)",
    Place.LIST_START: "--start",
    Place.LIST_LIMIT: "--limit",
}


def _cli_word(place: Where | Place) -> str:
    return CLI_WHERE[place.field] if isinstance(place, Where) else CLI_PLACES[place]


def cli_text(value: object) -> str:
    """Something the core said, with its places named in the command line's words."""
    return str(worded(value, _cli_word))


def report(exc: VmdkImportError) -> None:
    """Print an error for a person: what happened, what to do, and the option to change."""
    # built without secrets (a test walks the core to keep it so): shown as it is, not masked
    text = _printable(cli_text(message_of(exc)), lines=True)
    print(f"Error: {text}", file=sys.stderr)
    action = cli_text(exc.action)
    if action:
        print(f"What to do: {_printable(action, lines=True)}", file=sys.stderr)
    if isinstance(exc, InvalidRequest) and len(exc.problems) > 1:
        for problem in exc.problems[1:]:
            print(f"Also: {cli_text(problem.detail)} ({problem.code})", file=sys.stderr)
    where = CLI_WHERE[exc.field]
    if where and where not in action:  # said once: most actions already name the option
        print(f"Where: {where[1:-1]}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "self-test":  # before the log file: it must not touch the user's folders
        return cmd_self_test(args)
    level = {0: logging.WARNING, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    log_file = None
    try:
        log_file = logsetup.default_log_file()
    except OSError:
        log_file = None
    logsetup.configure(level, log_file=log_file)
    if not args.demo and not args.command:
        parser.print_help()
        return EXIT_USAGE
    handler = cmd_demo if args.demo else COMMANDS[args.command]
    try:
        code = handler(args)
        sys.stdout.flush()  # here, so a reader that went away is handled below, not at exit
        return code
    except VmdkImportError as exc:
        if isinstance(exc, Cancelled):
            print(f"{cli_text(message_of(exc))} {cli_text(exc.action)}".strip(),
                  file=sys.stderr)
            return EXIT_INTERRUPTED
        log.debug("command failed: %s", exc)
        report(exc)
        return exit_code_for(exc)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as Unix tools do. Python would still try
        # to flush stdout at exit and print another error, so stdout goes to devnull first.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE_CLOSED
    except OSError as exc:
        print(f"Error: {exc.strerror or exc} ({getattr(exc, 'filename', '') or ''})",
              file=sys.stderr)
        return EXIT_ERROR
