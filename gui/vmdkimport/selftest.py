"""A smoke test of an installed or frozen copy of the application, without Qt.

Administrators install the tool from a ``.deb``, an NSIS installer or a wheel; a packaging
mistake (a missing CA bundle, keyring backends that are never discovered, package metadata
left out so the version reads "unknown") only shows on their machine, much later. ``vmdkimport
self-test`` and ``vmdk-import-wizard --self-test`` find it in seconds on the machine itself:

1. what a bundle must carry: the distribution's metadata (the version in About), certifi's CA
   bundle, truststore, the keyring backends (entry points and modules), SQLite and YAML, and
   the readers guest inspection needs (``ext4``, ``regipy``, and libyal's compiled ``pyfsntfs``
   and ``pyfsxfs``: each opened on a small input, so a bundle without one fails here);
2. guest inspection of the demo disk (a CentOS 7 guest, :mod:`vmdkimport.demo_guest`) with the
   real core: the OS and ``os_type`` must be found;
3. converting the demo disk (monolithicSparse) to a streamOptimized VMDK with the project's own
   writer (:mod:`vmdkimport.core.disk.streamopt`: no qemu-img, which a bundle does not carry):
   our reader must read back the same virtual bytes, and the pre-flight must call the output
   an importable streamOptimized VMDK;
4. the whole path through the same core as the CLI and the wizard, on the built-in sandbox
   cloud: sign in, upload a small sample disk as is (in segments), upload the demo disk
   converting on the way (its SHA1 must be the file's of step 3: the stream is deterministic),
   register that one (the import id goes to the ledger), follow the import until it has
   ``succeeded``.

It runs in a temporary ``VMDKIMPORT_HOME`` with a keyring that stores nothing, so it never
reads or writes the user's ledger, settings, logs or passwords. The Qt part (the wizard,
offscreen) is in :mod:`vmdkimport.qt.selftest` and runs inside :func:`run`.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from vmdkimport.core.cloud.objectstorage import ObjectStorageClient
    from vmdkimport.core.upload.converting import ConvertingResult
    from vmdkimport.sandbox import Sandbox

EXIT_PASSED = 0
EXIT_FAILED = 1
DISTRIBUTION = "vmdk-import-wizard"
UNKNOWN_VERSION = "0.0.0+unknown"  # what vmdkimport.__version__ says without metadata
CONVERSION_SECONDS = 1.0  # the sandbox's simulated conversion: long enough to be polled


class SelfTestFailed(Exception):
    """A check failed; ``str()`` is the one-line reason shown to the user."""


@dataclass
class Report:
    """The lines of the report, written as they come (to stdout and/or a file).

    A windowed Windows executable has no stdout (``sys.stdout is None``), so a report file is
    the only way to read the result there; the exit code says passed or failed everywhere.
    """

    streams: list[TextIO] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def line(self, text: str) -> None:
        self.lines.append(text)
        for stream in self.streams:
            with contextlib.suppress(OSError, ValueError):
                stream.write(text + "\n")
                stream.flush()

    @contextlib.contextmanager
    def check(self, title: str) -> Iterator[list[str]]:
        """One step: ``ok <title>: <details>`` with its duration, or a SelfTestFailed.

        The body appends details to the yielded list. Any exception becomes a failure of this
        step with a one-line reason (the type and message, never a traceback).
        """
        details: list[str] = []
        start = time.monotonic()
        try:
            yield details
        except SelfTestFailed as exc:
            raise SelfTestFailed(one_line(f"{title}: {exc}")) from exc
        except Exception as exc:  # every failure must become one clear line
            raise SelfTestFailed(one_line(f"{title}: {type(exc).__name__}: {exc}")) from exc
        elapsed = time.monotonic() - start
        text = f"  ok  {title}" + (f": {'; '.join(details)}" if details else "")
        self.line(f"{text}  ({elapsed:.2f} s)")

    def elapsed(self) -> float:
        return time.monotonic() - self.started


def one_line(text: str) -> str:
    """Messages (an error's message and action) can span lines; a report line cannot."""
    return " ".join(text.split())


def expect(condition: bool, reason: str) -> None:
    """Raise the reason unless the condition holds (an assert that survives ``-O``)."""
    if not condition:
        raise SelfTestFailed(reason)


def frozen() -> bool:
    """True in a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def describe_runtime() -> str:
    from vmdkimport import __version__

    where = f"frozen bundle in {Path(sys.executable).resolve().parent}" if frozen() \
        else f"Python package in {Path(__file__).resolve().parent}"
    return (f"VM Image Import Wizard {__version__} self-test: {where}; Python "
            f"{platform.python_version()} on {platform.system()} {platform.machine()}")


# --- isolation -----------------------------------------------------------------------------------

@contextlib.contextmanager
def isolated() -> Iterator[Path]:
    """A temporary ``VMDKIMPORT_HOME``, a keyring that stores nothing, no proxy for loopback.

    Everything is restored on exit and the temporary folder is removed, so running the test
    leaves nothing behind in the user's folders, keyring or environment.
    """
    import keyring
    import keyring.backends.null

    saved = {name: os.environ.get(name) for name in ("VMDKIMPORT_HOME", "NO_PROXY", "no_proxy")}
    previous_keyring = None
    with contextlib.suppress(Exception):  # no usable backend is fine: we replace it anyway
        previous_keyring = keyring.get_keyring()
    tmp = Path(tempfile.mkdtemp(prefix="vmdkimport-selftest-"))
    try:
        os.environ["VMDKIMPORT_HOME"] = str(tmp / "home")
        # A company proxy from the environment must not swallow requests to 127.0.0.1.
        loopback = "127.0.0.1,localhost,::1"
        for name in ("NO_PROXY", "no_proxy"):
            current = os.environ.get(name)
            os.environ[name] = f"{current},{loopback}" if current else loopback
        keyring.set_keyring(keyring.backends.null.Keyring())
        yield tmp
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if previous_keyring is not None:
            keyring.set_keyring(previous_keyring)
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


# --- checks --------------------------------------------------------------------------------------

def check_contents(report: Report) -> None:
    """What a bundle or an installation must carry besides our own modules."""
    from vmdkimport import __version__

    with report.check("package metadata") as details:
        expect(__version__ != UNKNOWN_VERSION,
               f"the metadata of the {DISTRIBUTION} distribution is missing, so the version is "
               "unknown (PyInstaller: copy_metadata)")
        details.append(f"{DISTRIBUTION} {__version__}")

    with report.check("TLS trust") as details:
        import ssl

        import certifi
        import truststore

        bundle = Path(certifi.where())
        expect(bundle.is_file(), f"certifi's CA bundle is missing ({bundle})")
        count = bundle.read_text(encoding="ascii", errors="replace").count("BEGIN CERTIFICATE")
        expect(count > 50, f"certifi's CA bundle holds only {count} certificates ({bundle})")
        truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # the OS store: company CAs
        details.append(f"certifi {count} CAs, truststore {truststore.__version__}, "
                       f"{ssl.OPENSSL_VERSION}")

    with report.check("keyring backends") as details:
        details.append(", ".join(keyring_backends()))

    with report.check("SQLite, YAML") as details:
        import sqlite3

        import yaml

        sqlite3.connect(":memory:").close()
        yaml.safe_load("a: 1")
        details.append(f"SQLite {sqlite3.sqlite_version}, PyYAML {yaml.__version__}")

    with report.check("filesystem and registry readers") as details:
        details.append(", ".join(check_readers()))


#: what guest inspection must find in the demo disk
DEMO_GUEST_OS_TYPE = "centos"


def check_readers() -> list[str]:
    """Each library guest inspection reads disks with, loaded and run on a small input.

    Importing is not enough for the compiled ones: a bundle can carry the module and miss a
    library it links, which only shows when it runs. libyal's readers are opened on zeros and
    must refuse them with their own error (that is their C code running); ``ext4`` reads the
    demo guest's superblock; regipy (with construct) parses a damaged hive header and must
    refuse it. The modules are imported by name: they have no type information, and the core
    reaches them only through its typed wrappers (``core/guest/libfs.py``, ``hive.py``).
    """
    from importlib.metadata import version

    from vmdkimport import demo_guest

    found: list[str] = []
    zeros = bytes(64 * 1024)
    for name in ("pyfsntfs", "pyfsxfs"):
        module = _untyped(name)
        handle = module.volume()
        try:
            handle.open_file_object(io.BytesIO(zeros))
        except OSError:
            pass  # refused, as it must be: the library ran
        else:
            raise SelfTestFailed(f"{name} opened 64 KiB of zeros")
        found.append(f"{name} {module.get_version()}")
    ext4 = _untyped("ext4")
    # (the library wants a stream with peek(): a buffered reader)
    volume = ext4.Volume(io.BufferedReader(io.BytesIO(demo_guest.ext2_image())), offset=0)
    block = volume.superblock
    expect(int(block.s_magic) == 0xEF53 and bytes(block.s_uuid) == demo_guest.ROOT_UUID.bytes,
           "ext4 misread the demo guest's superblock")
    found.append(f"ext4 {version('ext4')}")
    found.append(f"regipy {version('regipy')} ({check_regipy()})")
    return found


def _untyped(name: str) -> Any:
    """A library without type information, imported by name."""
    return importlib.import_module(name)


def check_regipy() -> str:
    """regipy opens hives by path only: a damaged one in a temporary file must be refused."""
    refusals = (_untyped("construct").ConstructError,
                _untyped("regipy.exceptions").RegipyException)
    registry = _untyped("regipy.registry")
    with tempfile.TemporaryDirectory(prefix="vmdkimport-selftest-") as tmp:
        hive = Path(tmp) / "damaged.hive"
        hive.write_bytes(b"regf" + bytes(8188))
        try:
            registry.RegistryHive(str(hive))
        except refusals as exc:
            return f"refused a damaged hive: {type(exc).__name__}"
    raise SelfTestFailed("regipy opened a damaged hive")


def check_guest_inspection(report: Report, work: Path) -> None:
    """The demo disk's guest, through the same core as ``vmdkimport inspect``."""
    from vmdkimport.core.guest.inspect import GuestSource, inspect_guest
    from vmdkimport.demo import write_demo_vmdk

    with report.check("guest inspection") as details:
        disk = write_demo_vmdk(work / "guest.vmdk", capacity=1024**3, guest=True)
        found = inspect_guest(GuestSource(disk))
        expect(found.os.os_type == DEMO_GUEST_OS_TYPE and "CentOS" in found.os.name,
               f"the demo disk's guest was read as {found.os.name or 'no OS'} "
               f"(os_type {found.os.os_type}), not CentOS Linux 7 ({DEMO_GUEST_OS_TYPE})")
        details.append(f"{found.os.name} {found.os.version}, os_type {found.os.os_type}, "
                       f"{found.readiness.value}, {found.facts.bytes_read} bytes read")


#: what the conversion step's output must be named: the converting upload's object name, since
#: the extent name in the embedded descriptor is part of the stream (same name, same bytes)
CONVERTED_NAME = "self-test-converted.vmdk"
#: allocated runs compared at most (the demo disk has a handful; a bound, not a limit in use)
MAX_COMPARED_RUNS = 100_000


def check_disk_conversion(report: Report, work: Path) -> tuple[Path, Path]:
    """The demo disk converted by our writer, read back by our reader, judged by the pre-flight.

    Returns the source and the converted file (the converting upload compares its SHA1 with
    the file's). The bytes compared are every run either disk's own maps call allocated: what
    lies outside both reads as zeros on both, so that is the whole virtual disk.
    """
    from vmdkimport.core.disk import preflight
    from vmdkimport.core.disk.streamopt import convert_to_file
    from vmdkimport.demo import write_demo_vmdk

    with report.check("conversion") as details:
        source = write_demo_vmdk(work / "convert-source.vmdk", capacity=1024**3, guest=True)
        converted = convert_to_file(source, work / CONVERTED_NAME)
        same, compared, digest = same_virtual_bytes(source, converted)
        expect(same, "the converted disk does not read back as the demo disk (its virtual "
               "bytes differ)")
        found = preflight.inspect(converted)
        expect(found.verdict is preflight.Verdict.IMPORTABLE
               and found.subformat == "streamOptimized",
               f"the pre-flight calls the converted disk {found.description} "
               f"({found.verdict.value}), not an importable streamOptimized VMDK")
        details.append(f"monolithicSparse {source.stat().st_size} bytes to streamOptimized "
                       f"{converted.stat().st_size} bytes, {compared} bytes of data identical "
                       f"(sha256 {digest[:12]}), pre-flight {found.verdict.value}")
    return source, converted


def same_virtual_bytes(first: Path, second: Path) -> tuple[bool, int, str]:
    """Whether two disks hold the same virtual bytes: hashes of every allocated run of either.

    Returns (same, bytes compared, the first disk's digest).
    """
    import hashlib

    from vmdkimport.core.disk.virtual import open_virtual_disk

    with open_virtual_disk(first) as one, open_virtual_disk(second) as two:
        if one.size != two.size:
            return False, 0, ""
        runs: list[tuple[int, int]] = []
        for disk in (one, two):
            for run in disk.allocated_ranges():
                runs.append(run)
                expect(len(runs) <= MAX_COMPARED_RUNS, "the disks have too many data runs")
        hashes = [hashlib.sha256(), hashlib.sha256()]
        compared = 0
        for start, end in _merged(runs):
            for offset in range(start, end, 1024 * 1024):
                length = min(1024 * 1024, end - offset)
                for disk, digest in zip((one, two), hashes, strict=True):
                    digest.update(disk.pread(offset, length))
                compared += length
    return hashes[0].digest() == hashes[1].digest(), compared, hashes[0].hexdigest()


def _merged(runs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(offset, length) runs as sorted, non-overlapping (start, end) ranges."""
    start = end = -1
    for offset, length in sorted(runs):
        if offset <= end:
            end = max(end, offset + length)
            continue
        if end > start:
            yield start, end
        start, end = offset, offset + length
    if end > start:
        yield start, end


def keyring_backends() -> list[str]:
    """The keyring backends this platform needs are registered (entry points, i.e. metadata)
    and importable (hidden imports). Only imported and listed: the user's keyring is never
    opened by the self-test."""
    import importlib
    from importlib.metadata import entry_points

    points = {ep.name: ep.value for ep in entry_points(group="keyring.backends")}
    expect(bool(points), "no keyring backends are registered (keyring's metadata is missing)")
    needed = {"win32": ["Windows"], "darwin": ["macOS"]}.get(sys.platform, ["SecretService"])
    for name in needed:
        expect(name in points, f"the {name} keyring backend is not registered")
        module = importlib.import_module(points[name])
        if name == "SecretService":
            # keyring hides a missing secretstorage/jeepney behind "not available"
            importlib.import_module("secretstorage")
            importlib.import_module("jeepney")
        elif name == "Windows":
            importlib.import_module("win32ctypes.pywin32.win32cred")
        expect(module is not None, f"the {name} keyring backend cannot be imported")
    return [f"{name} (registered, importable)" for name in needed] + \
        [f"{len(points)} registered in all"]


def start_sandbox(report: Report, data_dir: Path) -> Sandbox:
    from vmdkimport.sandbox import Sandbox, SandboxConfig

    with report.check("sandbox cloud") as details:
        cloud = Sandbox(SandboxConfig(data_dir=data_dir,
                                      conversion_seconds=CONVERSION_SECONDS)).start()
        details.append(f"identity {cloud.identity_url}")
    return cloud


def scripted_register(report: Report, cloud: Sandbox, work: Path,
                      converted: tuple[Path, Path] | None = None) -> str:
    """Sign in, upload, register, follow: the CLI's ``--demo`` path through the same core.

    ``converted`` is the conversion step's (source, converted file): the source is uploaded
    converting on the way, the object's SHA1 must be the file's, and that object is the one
    registered. Without it (a caller that skipped the step) the as-is upload is registered.
    Returns the import id, after checking that it reached ``succeeded`` and that the ledger
    (in the temporary home) has it with that state.
    """
    from vmdkimport.core import logsetup, rules
    from vmdkimport.core.cloud.imageimport import ImportState
    from vmdkimport.core.cloud.profiles import ConnectionProfile
    from vmdkimport.core.cloud.session import connect
    from vmdkimport.core.disk.source import UploadSource
    from vmdkimport.core.register.ledger import Ledger
    from vmdkimport.core.register.polling import PollPolicy
    from vmdkimport.core.register.submit import follow_import, submit_import
    from vmdkimport.core.request import ImportRequest
    from vmdkimport.core.upload.segments import MIN_SEGMENT_SIZE, UploadRequest
    from vmdkimport.core.upload.uploader import run_upload
    from vmdkimport.demo import write_demo_vmdk

    profile = ConnectionProfile(name="self-test", region=cloud.region,
                                identity_url=cloud.identity_url, domain=cloud.domain,
                                username=cloud.user, project_name=cloud.project_name)
    logsetup.register_secret(cloud.password)
    with report.check("sign in") as details:
        session = connect(profile, cloud.password)
        details.append(f"{cloud.user} (contract {cloud.domain}), project "
                       f"{session.token.project_name}")
    try:
        with report.check("upload") as details:
            disk = write_demo_vmdk(work / "self-test.vmdk", capacity=1024**3)
            with disk.open("ab") as fh:  # more than one segment: exercises the DLO path
                fh.write(os.urandom(2 * MIN_SEGMENT_SIZE + 4096))
            uploaded = run_upload(session.storage, UploadRequest(
                UploadSource(disk), "images", rules.suggest_object_name(disk.name),
                segment_size=MIN_SEGMENT_SIZE))
            expect(uploaded.size == disk.stat().st_size,
                   f"uploaded {uploaded.size} bytes of {disk.stat().st_size}")
            details.append(f"{uploaded.size} bytes in {uploaded.segments} segments, "
                           f"sha1 {uploaded.sha1[:12]}")
        if converted is not None:
            uploaded = converting_upload(report, session.storage, *converted)
        ledger = Ledger()
        with report.check("register") as details:
            # the disk holds the demo guest (CentOS 7): its os_type, not a contradicting one
            request = ImportRequest(name="self-test", location=uploaded.location,
                                    os_type=DEMO_GUEST_OS_TYPE, checksum=uploaded.sha1, min_disk=1)
            entry = submit_import(session.imports, ledger, request,
                                  project_id=session.project_id, region=cloud.region)
            import_id = entry.import_id
            expect(bool(import_id), "the service returned no import id")
            assert import_id is not None
            saved = ledger.get(import_id)
            expect(saved is not None, f"import {import_id} is not in the ledger")
            details.append(f"import_id {import_id} in the ledger")
        with report.check("conversion followed") as details:
            final = follow_import(session.imports, ledger, import_id,
                                  policy=PollPolicy(first=0.2, factor=1.5, longest=0.5,
                                                    error_wait=0.5))
            expect(final is not None, "no status was received")
            assert final is not None
            expect(final.state is ImportState.SUCCEEDED,
                   f"the import ended {final.state.value}: {final.error_message or ''}")
            saved = ledger.get(import_id)
            expect(saved is not None and saved.status == ImportState.SUCCEEDED.value,
                   f"the ledger says {saved.status if saved else 'nothing'} for {import_id}")
            details.append(f"{final.state.value}, and so says the ledger")
    finally:
        session.close()
    return import_id


def converting_upload(report: Report, storage: ObjectStorageClient, source: Path,
                      converted: Path) -> ConvertingResult:
    """The demo disk uploaded converting on the way, as ``vmdkimport upload`` does it."""
    import hashlib

    from vmdkimport.core.disk import preflight
    from vmdkimport.core.upload.converting import conversion_source, run_converting_upload
    from vmdkimport.core.upload.segments import MIN_SEGMENT_SIZE, UploadRequest

    with report.check("upload, converting on the way") as details:
        found = conversion_source(preflight.inspect(source))
        expect(found is not None, "the pre-flight offers no conversion for the demo disk "
               "(monolithicSparse)")
        assert found is not None
        result = run_converting_upload(storage, UploadRequest(
            found, "images", CONVERTED_NAME, segment_size=MIN_SEGMENT_SIZE))
        # the register call's checksum is a SHA1: an integrity check, not security
        expected = hashlib.sha1(converted.read_bytes(), usedforsecurity=False).hexdigest()
        expect(result.sha1 == expected and result.size == converted.stat().st_size,
               f"the converted upload ({result.size} bytes, sha1 {result.sha1[:12]}) is not "
               f"the converted file ({converted.stat().st_size} bytes, sha1 {expected[:12]})")
        details.append(f"{result.source_read} bytes of data read, {result.size} bytes sent "
                       f"({result.bytes_sent} on the wire), sha1 {result.sha1[:12]} as the "
                       "converted file's")
    return result


# --- running ----------------------------------------------------------------------------------

Extra = Callable[[Report, "Sandbox"], None]


def run(report: Report, extra: Extra | None = None) -> int:
    """Every check in an isolated home; ``extra`` (the Qt part) runs while the sandbox is up.

    Returns the exit code; the last report line is ``PASSED ...`` or ``FAILED: <reason>``.
    """
    report.line(describe_runtime())
    try:
        with isolated() as tmp:
            check_contents(report)
            check_guest_inspection(report, tmp)
            converted = check_disk_conversion(report, tmp)
            cloud = start_sandbox(report, tmp / "cloud")
            try:
                scripted_register(report, cloud, tmp, converted)
                if extra is not None:
                    extra(report, cloud)
            finally:
                cloud.stop()
    except SelfTestFailed as exc:
        report.line(f"FAILED: {exc}")
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - a failure outside any step is still one line
        report.line(one_line(f"FAILED: {type(exc).__name__}: {exc}"))
        return EXIT_FAILED
    report.line(f"PASSED in {report.elapsed():.1f} s")
    return EXIT_PASSED


def open_report(path: str | None) -> tuple[Report, Callable[[], None]]:
    """A report on stdout (when there is one) and in ``path`` (when given)."""
    streams: list[TextIO] = [sys.stdout] if sys.stdout is not None else []
    handle: TextIO | None = None
    if path and path != "-":
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the returned function
        streams.append(handle)

    def close() -> None:
        if handle is not None:
            handle.close()

    return Report(streams=streams), close


def main(report_path: str | None = None) -> int:
    """``vmdkimport self-test``: everything but the wizard."""
    report, close = open_report(report_path)
    try:
        return run(report)
    finally:
        close()
