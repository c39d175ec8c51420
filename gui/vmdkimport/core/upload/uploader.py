"""Upload a multi-GB disk to object storage: segmented, parallel, resumable, verified.

Design, in the order things happen:

1. **Existing object.** HEAD the target first. It is *identical*, and nothing is sent, only
   when that is proven: by this machine's journal for this very file (device, inode, size,
   mtime and ctime in nanoseconds, see :mod:`~vmdkimport.core.upload.journal`) together with
   the object's ETag, which must be the one our recorded segment MD5s give; or by content, one
   local read whose MD5s must equal the object's (a plain object's ETag, or the ETag of our
   manifest, the MD5 of its segments' ETags), which also gives the SHA1. Name, size and mtime
   (``touch -r``, ``cp -p``) and the SHA1 in the object's metadata prove nothing by themselves.
   :attr:`UploadResult.bytes_read_to_prove` says what a skip cost in local reads. Anything else
   is *different* and is only replaced when the caller asks (``overwrite``); the old segments
   are deleted after the new manifest is in place.
2. **Strategy.** A source no larger than one segment goes in a single PUT. Anything larger is
   cut into segments (default 256 MiB, never above the cluster's ``max_file_size`` from
   ``GET /info``, else 5 GiB), uploaded in parallel to ``<container>_segments`` under a
   deterministic prefix, then joined by a manifest: DLO (``X-Object-Manifest``, what the provider
   documents) by default, SLO when the cluster advertises it and the caller asks. The manifest is
   written last, after every segment is verified, so a partial upload never looks complete.
   We segment above one segment size rather than only above the 5 GiB limit on purpose: a 4 GB
   single PUT that fails at 90 % starts again from zero, which is the pain this tool removes.
3. **Resume.** Segment names depend only on the source (path, size, mtime, segment size), so a
   re-run lists the segment prefix on the server and skips every segment that is there with the
   right size and the MD5 we recorded in the local journal, when the journal proves this very
   file; otherwise (another machine, a lost journal, another file with the same name, size and
   mtime) the MD5 of the local bytes, computed by reading them without sending, must equal the
   segment's ETag, as ``swift upload --skip-identical`` does. An object appears in Swift only
   when its PUT completes, so after a crash at most the segments that were in flight are sent
   again.
4. **Integrity in one read.** Each worker computes the MD5 of its segment while streaming it and
   compares it with the ETag Swift returns (mismatch: the segment is sent again). The SHA1 of the
   whole source, which the register call takes as ``checksum``, needs the bytes in file order,
   while parallel workers read different parts of the file at the same time. A hasher thread
   therefore reads the source in order but never beyond the *read frontier*, the end of the
   contiguous prefix the workers have already read; those bytes were just read, so the hasher is
   served from the operating system's page cache and the disk is read once. The window between
   the workers and the hasher is at most threads x segment size (1 GiB by default), far below
   what the page cache holds, and memory stays flat: one chunk per worker and one for the hasher,
   never a segment. On resume, segments already on the server are hashed from the local disk
   while the missing ones upload (local reads outpace an office uplink, so this costs no wall
   time). Why not save the SHA1 state instead: CPython's hashlib objects cannot be serialised, and
   the packages that wrap OpenSSL's state (``rehash``) are unmaintained and tied to CPython
   internals. A finished upload stores its SHA1 on the manifest and in the journal, so a later
   identical run needs no hashing at all.

   **A disk that changes while it is read.** The workers and the hasher read the same bytes at
   different times, so a write in between (a VM still running, a copy still writing) would go
   into one and not the other: a SHA1 that is not the object's. Two checks close that:

   - *content*: every reader also computes the CRC32 of each segment, the workers of the bytes
     they sent (the very bytes whose MD5 Swift confirmed) and the hasher of the bytes it hashed;
     any segment whose two CRC32s differ is an error. For a segment skipped on the journal's
     word, the CRC32 recorded when it was sent is compared instead. Why CRC32 and not a second
     MD5: it is 6x cheaper (4 GB/s against 0.7 here), which keeps the client's CPU near the
     hashing floor (``benchmarks/upload.py``); the threat is an accident, not an attacker,
     since whoever can write the disk can change it before the upload anyway, and a changed
     segment slips past both a CRC32 and the stat check below one time in 2**32 at worst.
   - *stat*: the file's size, mtime and ctime (and device and inode) are taken at the start,
     after every segment and before the manifest; any difference is an error. ctime moves on
     every write and cannot be set back, so a rewrite that restores the mtime is caught too.

   Either ends the upload with a clear error before the manifest is written, so no object that
   looks complete exists (a single-PUT object already written is deleted).
5. **Retries.** Connection errors, timeouts, 5xx, 408 and 429 are retried with capped exponential
   backoff (honouring ``Retry-After``), the body re-read from the file; the small requests
   around the segments (/info, HEADs, listings, the manifest) the same way
   (:mod:`~vmdkimport.core.upload.retry`). A PUT answer without an ETag was cut on its way: a
   connection error, retried, not a "different checksum". A 401 gets one fresh token
   from the identity layer, then the segment is replayed. After ``max_attempts`` failures a clear
   error names the segment. 413 says that the object is over the size limit.
6. **One at a time.** An OS file lock per destination (:mod:`~vmdkimport.core.upload.lock`)
   stops a second upload to the same object on this computer with an error naming the first.
7. **Control.** Cooperative cancel and pause are checked inside every body read (1 MiB chunks);
   an optional bandwidth limit is shared by all workers. Progress comes as :class:`UploadEvent`
   values from a generator; this module knows nothing of Qt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import queue
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import IO, Any, TypeVar

from vmdkimport.core.cloud.identity import Token
from vmdkimport.core.cloud.objectstorage import (
    DEFAULT_MAX_FILE_SIZE,
    ObjectInfo,
    ObjectStorageClient,
)
from vmdkimport.core.disk.source import FileFingerprint, UploadSource
from vmdkimport.core.error_catalog import Where
from vmdkimport.core.errors import (
    ApiError,
    ConfigError,
    TransportError,
    Unauthorized,
    UploadCancelled,
    VmdkImportError,
    request_id_of,
)
from vmdkimport.core.rules import Field, container_error, location_for, object_error
from vmdkimport.core.text import Text, message_of
from vmdkimport.core.upload.journal import UploadJournal
from vmdkimport.core.upload.lock import UploadLock
from vmdkimport.core.upload.replaced import delete_all, old_segments, project_id
from vmdkimport.core.upload.retry import RETRY_STATUSES, for_upload, retrying
from vmdkimport.core.upload.segments import (
    Manifest,
    Segment,
    UploadIdentity,
    UploadRequest,
    choose_segment_size,
    plan_segments,
)
from vmdkimport.core.upload.transfer import TokenBucket, TransferControl

log = logging.getLogger(__name__)

CHUNK = 1024 * 1024
META_SOURCE = "X-Object-Meta-Vmdkimport-Source"
META_SHA1 = "X-Object-Meta-Vmdkimport-Sha1"
T = TypeVar("T")


class Phase(StrEnum):
    CHECKING = "checking"  # HEAD, /info, listing what is already there
    UPLOADING = "uploading"
    HASHING = "hashing"  # finishing the SHA1 of parts that were not sent
    MANIFEST = "manifest"
    CLEANUP = "cleanup"  # deleting the segments an overwrite replaced
    DONE = "done"


@dataclass(frozen=True)
class UploadResult:
    container: str
    object_name: str
    location: str  # the register call's "location"
    size: int
    sha1: str
    segments: int  # 0 for a single PUT
    segments_sent: int
    segments_skipped: int
    manifest: Manifest | None
    skipped: bool  # an identical object was already there: nothing was sent
    bytes_sent: int
    retries: int
    #: bytes of the local file read only to prove that what is on the server is this file's
    #: (0 when this machine's journal proved it; the SHA1 pass is not counted)
    bytes_read_to_prove: int = 0

    def as_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["manifest"] = self.manifest.value if self.manifest else None
        return out


@dataclass(frozen=True)
class UploadEvent:
    """Progress, for a progress bar: bytes done of total, rate, ETA, segments, phase."""

    phase: Phase
    bytes_done: int
    bytes_total: int
    rate: float  # bytes per second over the last seconds, sent bytes only
    eta: float | None  # seconds
    segments_done: int
    segments_total: int
    segments_skipped: int = 0
    retries: int = 0
    paused: bool = False
    message: str = ""
    result: UploadResult | None = None
    bytes_read_to_prove: int = 0
    #: one byte per segment, for a map of the upload: b"w" waiting, b"f" in flight, b"s" sent,
    #: b"r" already there (not sent again); empty for a single-object upload
    segment_states: bytes = b""

    @property
    def fraction(self) -> float:
        return self.bytes_done / self.bytes_total if self.bytes_total else 1.0


class ObjectExists(VmdkImportError):
    """The target exists with different content; replacing it needs the user's word."""

    def __init__(self, container: str, obj: str, info: ObjectInfo) -> None:
        super().__init__(Text("{container}/{object} already exists ({size} bytes) and is not "
                              "this disk.", container=container, object=obj, size=info.size))
        self.action = Text("Choose another object name, or confirm that it may be replaced "
                           "(--overwrite).")
        self.field = Field.OBJECT
        self.info = info


class SegmentFailed(VmdkImportError):
    """A segment kept failing after every retry."""

    retryable = True

    def __init__(self, segment: Segment, attempts: int, last: BaseException) -> None:
        super().__init__(Text("Segment {number} ({name}) failed {attempts} times; the last "
                              "error was: {error}", number=segment.index + 1, name=segment.name,
                              attempts=attempts, error=message_of(last)))
        self.action = Text("Check the connection, then start the same upload again: it resumes "
                           "where it stopped.")
        self.segment = segment


# --- bodies and the read frontier ----------------------------------------------------------------

class _Frontier:
    """How far the contiguous prefix of the source has been read; the hasher waits on it."""

    def __init__(self, segments: list[Segment]) -> None:
        self._lengths = [s.length for s in segments]
        self._offsets = [s.offset for s in segments]
        self._read = [0] * len(segments)
        self._first = 0
        self.value = 0
        self.cond = threading.Condition()

    def advance(self, index: int, read: int) -> None:
        with self.cond:
            if read <= self._read[index]:
                return
            self._read[index] = read
            while self._first < len(self._read) and \
                    self._read[self._first] >= self._lengths[self._first]:
                self._first += 1
            if self._first < len(self._read):
                self.value = self._offsets[self._first] + self._read[self._first]
            else:
                self.value = sum(self._lengths)
            self.cond.notify_all()


class _SegmentBody:
    """One attempt at sending a segment: reads the file in chunks, hashes MD5, obeys control.

    An iterable with a length, so requests sends it with Content-Length (no chunked encoding)
    and streams it chunk by chunk; never more than one chunk in memory. The CRC32 of the bytes
    sent is compared with the hasher's read of the same range.
    """

    def __init__(self, source: UploadSource, segment: Segment, control: TransferControl,
                 on_read: Callable[[int], None], on_sent: Callable[[int], None],
                 abort: threading.Event) -> None:
        self._abort = abort
        self._source = source
        self._segment = segment
        self._control = control
        self._on_read = on_read
        self._on_sent = on_sent
        self.md5 = hashlib.md5(usedforsecurity=False)
        self.crc32 = 0
        self.sent = 0

    def __len__(self) -> int:
        return self._segment.length

    def __iter__(self) -> Iterator[bytes]:
        start = self._source.offset + self._segment.offset
        remaining = self._segment.length
        with open(self._source.path, "rb") as fh:
            fh.seek(start)
            while remaining:
                if self._abort.is_set():
                    raise UploadCancelled(Text("The upload was stopped."))
                self._control.throttle(min(CHUNK, remaining))
                chunk = fh.read(min(CHUNK, remaining))
                if not chunk:
                    raise _shrunk(self._source)
                self.md5.update(chunk)
                self.crc32 = zlib.crc32(chunk, self.crc32)
                remaining -= len(chunk)
                self._on_read(self._segment.length - remaining)
                yield chunk
                self.sent += len(chunk)
                self._on_sent(len(chunk))


def _local_md5(source: UploadSource, segment: Segment, control: TransferControl,
               on_read: Callable[[int], None]) -> tuple[str, int]:
    """(MD5, CRC32) of one segment of the local file, read without sending."""
    md5 = hashlib.md5(usedforsecurity=False)
    crc = 0
    with open(source.path, "rb") as fh:
        fh.seek(source.offset + segment.offset)
        done = 0
        while done < segment.length:
            control.check()
            chunk = fh.read(min(CHUNK, segment.length - done))
            if not chunk:
                raise _shrunk(source)
            md5.update(chunk)
            crc = zlib.crc32(chunk, crc)
            done += len(chunk)
            on_read(done)
    return md5.hexdigest(), crc


def _etag_of_segments(md5s: list[str]) -> str:
    """The ETag Swift gives a DLO or SLO object: the MD5 of its segments' ETags, joined."""
    return hashlib.md5("".join(md5s).encode(), usedforsecurity=False).hexdigest()


def _positive_int(value: object, default: int) -> int:
    """A limit from ``/info``: a positive JSON integer, else the default (the answer is not ours
    to trust: ``max_file_size: "abc"`` or ``1.5`` must not end the upload in a traceback)."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if value is not None:
        log.warning("object storage /info gave an unusable limit %r; using %d", value, default)
    return default


# --- the upload ----------------------------------------------------------------------------------

@dataclass
class _Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    sent: int = 0  # bytes on the wire, all attempts
    done: int = 0  # bytes of finished or skipped segments
    in_flight: dict[int, int] = field(default_factory=dict)  # segment -> bytes sent this attempt
    segments_done: int = 0
    segments_skipped: int = 0
    segments_sent: int = 0
    retries: int = 0
    proof_read: int = 0  # bytes read locally only to prove what the server has
    crc32: dict[int, int] = field(default_factory=dict)  # segment -> CRC32 of the bytes sent
    states: bytearray = field(default_factory=bytearray)  # see UploadEvent.segment_states
    samples: deque[tuple[float, int]] = field(default_factory=lambda: deque(maxlen=64))


class Uploader:
    """Runs one :class:`UploadRequest`; iterate :meth:`run`, the last event holds the result."""

    def __init__(self, storage: ObjectStorageClient, request: UploadRequest,
                 control: TransferControl | None = None, *, journal_dir: Any = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.storage = storage
        self.request = request
        self.control = control or TransferControl()
        if request.limit_rate and self.control.bucket is None:
            self.control.bucket = TokenBucket(request.limit_rate)
        self._journal_dir = journal_dir
        self._clock = clock
        self._stats = _Stats()
        self._events: queue.Queue[UploadEvent] = queue.Queue()
        self._abort = threading.Event()
        self._error: BaseException | None = None
        self._phase = Phase.CHECKING
        self._source_tag = ""
        self._total = 0
        self._segments_total = 0
        self._fingerprint: FileFingerprint | None = None

    # -- public ------------------------------------------------------------------------------
    def run(self) -> Iterator[UploadEvent]:
        req = self.request
        for error, field_ in ((container_error(req.container), Field.CONTAINER),
                              (object_error(req.object_name), Field.OBJECT)):
            if error:
                raise ConfigError(error, Text("Choose a valid name {where}.",
                                              where=Where(field_)), field_)
        size, mtime_ns = req.source.stat()
        self._fingerprint = req.source.fingerprint()
        self._total = size
        lock = UploadLock(self.storage.storage_url, req.container, req.object_name,
                          source=req.source.path, directory=self._journal_dir)
        lock.acquire()
        try:
            yield from self._run(size, mtime_ns)
        finally:
            lock.release()

    def _retrying(self, what: str, call: Callable[[], T]) -> T:
        return retrying(what, call, request=self.request, control=self.control,
                        on_retry=self._count_retry)

    def _count_retry(self) -> None:
        with self._stats.lock:
            self._stats.retries += 1

    def _run(self, size: int, mtime_ns: int) -> Iterator[UploadEvent]:
        req = self.request
        yield self._event("Checking object storage")
        info = self._retrying("GET /info", self.storage.info)
        swift = info.get("swift") if isinstance(info.get("swift"), Mapping) else {}
        max_file = _positive_int((swift or {}).get("max_file_size"), DEFAULT_MAX_FILE_SIZE)
        manifest = req.manifest
        slo = info.get("slo") if isinstance(info.get("slo"), Mapping) else None
        if manifest is Manifest.SLO and info and slo is None:
            raise ConfigError(Text("This object storage does not offer SLO manifests."),
                              Text("Use a DLO manifest (--manifest dlo), the provider's "
                                   "documented way."), Field.NONE)
        max_segments = _positive_int((slo or {}).get("max_manifest_segments"), 1000) \
            if manifest is Manifest.SLO else None
        segment_size = choose_segment_size(size, req.segment_size, max_file_size=max_file,
                                           max_segments=max_segments)
        identity = UploadIdentity(req.container, req.object_name, size, mtime_ns, segment_size,
                                  req.source.offset)
        single = size <= segment_size
        segments = plan_segments(identity) if not single else [
            Segment(0, 0, size, req.object_name)]
        existing = self._retrying("HEAD of the object", lambda: self.storage.head_object(
            req.container, req.object_name))
        journal = UploadJournal(identity, self._journal_dir, self._fingerprint)
        replaced: list[tuple[str, str]] = []
        if existing is not None:
            same = self._proven_by_journal(existing, identity, segments, journal)
            compare = self._comparable(existing, identity, segments)
            if same is None and compare is not None:
                # One local pass gives the MD5s to compare and the SHA1 needed if it is the same.
                local = _LocalHash(req.source, compare, self.control, self._abort)
                yield from self._wait_for(local, "Comparing with the object already there")
                with self._stats.lock:
                    self._stats.proof_read += local.done
                expected = local.md5s[0] if len(compare) == 1 else _etag_of_segments(local.md5s)
                if existing.etag == expected:
                    self._check_unchanged()
                    same = local.sha1
                    if len(compare) == len(segments):  # our manifest, or a single object
                        for seg, md5, crc in zip(segments, local.md5s, local.crcs, strict=True):
                            journal.record_segment(seg.index, md5, crc)
                    journal.record_done("existing", same)
            if same is not None:
                yield from self._finish_identical(identity, existing, same)
                return
            if not req.overwrite:
                raise ObjectExists(req.container, req.object_name, existing)
            replaced = old_segments(self.storage, self._retrying, req.container,
                                    req.object_name, existing,
                                    keep_prefix=identity.segment_prefix)
        self._ensure_container(req.container)
        self._segments_total = 0 if single else len(segments)
        with self._stats.lock:
            self._stats.states = bytearray(b"w" * self._segments_total)
        present: dict[str, ObjectInfo] = {}
        if not single:
            self._ensure_container(identity.segment_container)
            present = {o.name: o for o in self._retrying(
                "listing of the segments", lambda: self.storage.list_objects(
                    identity.segment_container, prefix=identity.segment_prefix))}
        frontier = _Frontier(segments)
        hasher = _Hasher(req.source, segments, frontier, self.control, self._abort)
        hasher.start()
        self._phase = Phase.UPLOADING
        try:
            self._source_tag = identity.source_tag()
            try:
                yield from self._transfer(identity, segments, single, present, journal,
                                          frontier)
                self._phase = Phase.HASHING
                while hasher.is_alive():
                    hasher.join(0.25)
                    yield self._event("Finishing the SHA1 checksum")
                if hasher.error is not None:
                    raise hasher.error
                self._check_reads(segments, hasher, journal)
                self._check_unchanged()
            except ConfigError:
                if single and self._stats.segments_sent:
                    # the object we just wrote is not the disk as it is: leave nothing behind
                    # that looks like a finished upload
                    delete_all(self.storage, [(req.container, req.object_name)])
                raise
        finally:
            self._abort.set()
            hasher.join()
        sha1 = hasher.hexdigest()
        if single:
            manifest_kind: Manifest | None = None
        else:
            self._phase = Phase.MANIFEST
            yield self._event("Writing the manifest")
            self._retrying("manifest PUT", lambda: self._write_manifest(
                identity, segments, journal, sha1))
            manifest_kind = manifest
        journal.record_done(manifest_kind.value if manifest_kind else "none", sha1)
        if replaced:
            self._phase = Phase.CLEANUP
            yield self._event("Deleting the segments of the replaced object")
            delete_all(self.storage, replaced)
        with self._stats.lock:
            result = UploadResult(
                container=req.container, object_name=req.object_name,
                location=location_for(project_id(self.storage), req.container, req.object_name),
                size=size, sha1=sha1, segments=0 if single else len(segments),
                segments_sent=self._stats.segments_sent,
                segments_skipped=self._stats.segments_skipped, manifest=manifest_kind,
                skipped=False, bytes_sent=self._stats.sent, retries=self._stats.retries,
                bytes_read_to_prove=self._stats.proof_read)
        self._phase = Phase.DONE
        yield replace(self._event("Upload complete"), result=result)

    # -- is the disk still the one we started with ------------------------------------------------
    def _check_unchanged(self) -> None:
        """The stat check: the same file, same size, mtime and ctime as at the start."""
        now = self.request.source.fingerprint()
        if now != self._fingerprint:
            raise _changed(self.request.source)

    def _check_reads(self, segments: list[Segment], hasher: _Hasher,
                     journal: UploadJournal) -> None:
        """The content check: the SHA1 pass read what was sent (or proven) for every segment."""
        with self._stats.lock:
            sent = dict(self._stats.crc32)
        for seg in segments:
            expected = sent.get(seg.index)
            if expected is None:
                record = journal.verified(seg.index)
                expected = record.crc32 if record else None
            if expected is None or expected != hasher.crcs[seg.index]:
                raise _changed(self.request.source, seg)

    # -- identical / existing ------------------------------------------------------------------
    def _proven_by_journal(self, existing: ObjectInfo, identity: UploadIdentity,
                           segments: list[Segment], journal: UploadJournal) -> str | None:
        """The SHA1 when this machine's journal proves ``existing`` is this file's upload."""
        state = journal.state
        if not (journal.proven and state.sha1 and state.manifest
                and existing.size == identity.size
                and existing.meta.get(META_SOURCE.lower()) == identity.source_tag()
                and existing.meta.get(META_SHA1.lower(), state.sha1) == state.sha1):
            return None
        md5s = [journal.verified_md5(s.index) for s in segments]
        if any(m is None for m in md5s):
            return None
        known = [m for m in md5s if m is not None]
        expected = known[0] if not existing.is_manifest else _etag_of_segments(known)
        return state.sha1 if existing.etag == expected else None

    def _comparable(self, existing: ObjectInfo, identity: UploadIdentity,
                    segments: list[Segment]) -> list[Segment] | None:
        """How to compare ``existing`` with the local file by content, or None if it cannot be
        the same: a plain object by its MD5; our own manifest (our metadata on it) by the MD5 of
        its segments' ETags, which must be those of this file's segments."""
        if existing.size != identity.size:
            return None
        if not existing.is_manifest:
            return [Segment(0, 0, identity.size, identity.object_name)]
        if existing.meta.get(META_SOURCE.lower()) == identity.source_tag() and len(segments) > 1:
            return segments
        return None

    def _finish_identical(self, identity: UploadIdentity, existing: ObjectInfo, sha1: str
                          ) -> Iterator[UploadEvent]:
        kind = (Manifest.SLO if existing.is_slo
                else Manifest.DLO if existing.dlo_prefix else None)
        with self._stats.lock:
            proof = self._stats.proof_read
        result = UploadResult(
            container=identity.container, object_name=identity.object_name,
            location=location_for(project_id(self.storage), identity.container,
                                  identity.object_name),
            size=identity.size, sha1=sha1, segments=0, segments_sent=0, segments_skipped=0,
            manifest=kind, skipped=True, bytes_sent=0, retries=self._stats.retries,
            bytes_read_to_prove=proof)
        self._phase = Phase.DONE
        with self._stats.lock:
            self._stats.done = identity.size
        yield replace(self._event("An identical object is already there; nothing was sent"),
                      result=result)

    def _wait_for(self, local: _LocalHash, message: str) -> Iterator[UploadEvent]:
        """Run a local hashing pass, reporting its progress; cancel stops it."""
        self._phase = Phase.HASHING
        local.start()
        try:
            # Once at the start, however short the pass: a front end always learns what is
            # being done (a small file's pass may end before the first look at its progress).
            yield self._event(message)
            while local.is_alive():
                local.join(0.25)
                with self._stats.lock:
                    self._stats.done = local.done
                yield self._event(message)
        finally:
            if local.is_alive():  # the consumer stopped iterating: stop the pass too
                self._abort.set()
            local.join()
        if local.error is not None:
            raise local.error
        if self.control.cancelled:
            raise UploadCancelled(Text("Cancelled."))
        with self._stats.lock:
            self._stats.done = 0

    def _ensure_container(self, name: str) -> None:
        if not self._retrying("HEAD of the container",
                              lambda: self.storage.container_exists(name)):
            self._retrying("container PUT", lambda: self.storage.create_container(name))

    # -- transfer ------------------------------------------------------------------------------
    def _transfer(self, identity: UploadIdentity, segments: list[Segment], single: bool,
                  present: dict[str, ObjectInfo], journal: UploadJournal,
                  frontier: _Frontier) -> Iterator[UploadEvent]:
        todo: queue.Queue[Segment] = queue.Queue()
        for seg in segments:
            todo.put(seg)
        container = identity.container if single else identity.segment_container
        workers = [threading.Thread(
            target=self._worker, name=f"upload-{i}",
            args=(todo, container, single, present, journal, frontier), daemon=True)
            for i in range(max(1, min(self.request.threads, len(segments))))]
        for w in workers:
            w.start()
        completed = False
        try:
            while any(w.is_alive() for w in workers):
                for w in workers:
                    w.join(0.2 / len(workers))
                yield self._event("Paused" if self.control.paused else "Uploading")
            completed = True
        finally:
            # Also when the consumer stops iterating: no worker may go on alone.
            if not completed or self._error is not None or self.control.cancelled:
                self._abort.set()
                if not completed:  # wake a worker held at a pause: nobody will press Resume
                    self.control.stopped.set()
            for w in workers:
                w.join()
        if self._error is not None:
            raise self._error
        if self.control.cancelled:
            raise UploadCancelled(Text("The upload was cancelled; start it again to resume."))

    def _worker(self, todo: queue.Queue[Segment], container: str, single: bool,
                present: dict[str, ObjectInfo], journal: UploadJournal,
                frontier: _Frontier) -> None:
        try:
            while not self._abort.is_set():
                try:
                    seg = todo.get_nowait()
                except queue.Empty:
                    return
                if single or not self._already_there(seg, present, journal, frontier):
                    self._send(seg, container, journal, frontier, single)
                self._check_unchanged()  # a stat per segment: a change ends the upload early
        except BaseException as exc:  # noqa: BLE001 - handed to the generator, which raises it
            with self._stats.lock:
                if self._error is None and not isinstance(exc, UploadCancelled):
                    self._error = exc
            self._abort.set()

    def _already_there(self, seg: Segment, present: dict[str, ObjectInfo],
                       journal: UploadJournal, frontier: _Frontier) -> bool:
        info = present.get(seg.name)
        if info is None or info.size != seg.length:
            return False
        record = journal.verified(seg.index) if journal.proven else None
        if record is None:
            # Not proven by this machine's journal for this very file (another machine, a lost
            # journal, another file with the same name, size and mtime): read locally and
            # compare with the ETag, send nothing when they agree.
            md5, crc = _local_md5(self.request.source, seg, self.control,
                                  lambda n: frontier.advance(seg.index, n))
            with self._stats.lock:
                self._stats.proof_read += seg.length
            if md5 != info.etag:
                return False
            journal.record_segment(seg.index, md5, crc)
            with self._stats.lock:
                self._stats.crc32[seg.index] = crc
        elif record.md5 != info.etag:
            return False
        else:
            # Proven by the journal: not read now; the hasher reads it from disk and compares
            # its CRC32 with the one recorded when it was sent.
            frontier.advance(seg.index, seg.length)
        with self._stats.lock:
            self._stats.done += seg.length
            self._stats.segments_done += 1
            self._stats.segments_skipped += 1
            _set_state(self._stats.states, seg.index, b"r")
        return True

    def _send(self, seg: Segment, container: str, journal: UploadJournal,
              frontier: _Frontier, single: bool) -> None:
        req = self.request
        url = self.storage.url(container, seg.name)
        delay = req.backoff
        last: BaseException | None = None
        unauthorized_in_a_row = 0
        for attempt in range(1, req.max_attempts + 1):
            if self._abort.is_set():
                return
            self.control.check()
            token = self.storage.tokens.token()
            body = _SegmentBody(req.source, seg, self.control,
                                on_read=lambda n: frontier.advance(seg.index, n),
                                on_sent=lambda n: self._sent(seg.index, n), abort=self._abort)
            headers = {"X-Auth-Token": token.value}
            if single:
                headers[META_SOURCE] = self._source_tag
            try:
                response = self.storage.http.request(
                    "PUT", url, service=self.storage.service, headers=headers,
                    data=body if seg.length else b"")
            except ApiError as exc:
                last = exc
                if exc.status == 401:
                    unauthorized_in_a_row += 1
                    self._refused(token)
                    if unauthorized_in_a_row > 1:
                        raise Unauthorized(status=401, service=exc.service, url=exc.url,
                                           request_id=exc.request_id) from None
                    self._retry_reset(seg.index)
                    continue  # a fresh token, then replay at once
                if exc.status == 413:
                    raise
                if not (exc.status >= 500 or exc.status in RETRY_STATUSES):
                    raise
                delay = self._backoff(seg, attempt, exc, delay, exc.retry_after)
                continue
            except TransportError as exc:
                last = for_upload(exc)
                delay = self._backoff(seg, attempt, exc, delay, None)
                continue
            unauthorized_in_a_row = 0
            etag = (response.headers.get("ETag") or "").strip('"')
            md5 = body.md5.hexdigest()
            if not etag:
                # Swift always says what it stored: an answer without it was cut on its way
                # (after the status line), which is a connection error, not a wrong checksum.
                last = for_upload(TransportError(
                    Text("The answer to segment {number} ended before object storage said "
                         "what it stored [{request_id}].", number=seg.index + 1,
                         request_id=request_id_of(response) or "no request id"),
                    url=url))
                delay = self._backoff(seg, attempt, last, delay, None)
                continue
            if etag != md5:
                last = VmdkImportError(Text(
                    "object storage stored a different checksum ({etag}) than was sent ({md5}) "
                    "[{request_id}]", etag=etag, md5=md5,
                    request_id=request_id_of(response) or "no request id"))
                delay = self._backoff(seg, attempt, last, delay, None)
                continue
            journal.record_segment(seg.index, md5, body.crc32)
            with self._stats.lock:
                self._stats.crc32[seg.index] = body.crc32
                self._stats.in_flight.pop(seg.index, None)
                self._stats.done += seg.length
                self._stats.segments_done += 1
                self._stats.segments_sent += 1
                _set_state(self._stats.states, seg.index, b"s")
            return
        assert last is not None
        raise SegmentFailed(seg, req.max_attempts, last)

    def _refused(self, token: Token) -> None:
        self.storage.tokens.invalidate(token)

    def _backoff(self, seg: Segment, attempt: int, exc: BaseException, delay: float,
                 retry_after: float | None) -> float:
        self._retry_reset(seg.index)
        wait = min(self.request.max_backoff, retry_after if retry_after else delay)
        log.warning("segment %d attempt %d failed (%s); retrying in %.1f s",
                    seg.index, attempt, exc, wait)
        if attempt < self.request.max_attempts:
            self.control.sleep(wait)
        return min(self.request.max_backoff, delay * 2)

    def _retry_reset(self, index: int) -> None:
        with self._stats.lock:
            self._stats.in_flight.pop(index, None)
            self._stats.retries += 1

    def _sent(self, index: int, amount: int) -> None:
        with self._stats.lock:
            self._stats.sent += amount
            self._stats.in_flight[index] = self._stats.in_flight.get(index, 0) + amount
            _set_state(self._stats.states, index, b"f")

    # -- manifest --------------------------------------------------------------------------------
    def _write_manifest(self, identity: UploadIdentity, segments: list[Segment],
                        journal: UploadJournal, sha1: str) -> None:
        headers = {META_SOURCE: identity.source_tag(), META_SHA1: sha1}
        url = self.storage.url(identity.container, identity.object_name)
        if self.request.manifest is Manifest.SLO:
            manifest = [{"path": f"/{identity.segment_container}/{s.name}",
                         "etag": journal.verified_md5(s.index), "size_bytes": s.length}
                        for s in segments]
            body = json.dumps(manifest).encode()
            self.storage.call("PUT", url, params={"multipart-manifest": "put"}, data=body,
                              headers=headers)
        else:
            headers["X-Object-Manifest"] = (
                f"{identity.segment_container}/{identity.segment_prefix}")
            self.storage.call("PUT", url, data=b"", headers=headers)

    # -- events ---------------------------------------------------------------------------------
    def _event(self, message: str) -> UploadEvent:
        now = self._clock()
        with self._stats.lock:
            stats = self._stats
            stats.samples.append((now, stats.sent))
            while len(stats.samples) > 2 and now - stats.samples[0][0] > 10:
                stats.samples.popleft()
            first_t, first_b = stats.samples[0]
            rate = (stats.sent - first_b) / (now - first_t) if now > first_t else 0.0
            done = min(self._total, stats.done + sum(stats.in_flight.values()))
            eta = (self._total - done) / rate if rate > 0 else None
            return UploadEvent(
                phase=self._phase, bytes_done=done, bytes_total=self._total, rate=rate,
                eta=eta, segments_done=stats.segments_done,
                segments_total=self._segments_total, segments_skipped=stats.segments_skipped,
                retries=stats.retries, paused=self.control.paused, message=message,
                segment_states=bytes(stats.states))


def _set_state(states: bytearray, index: int, state: bytes) -> None:
    """Mark one segment (under the stats lock); a single-object upload keeps no states."""
    if index < len(states):
        states[index] = state[0]


#: What to do when the disk changed under the upload, said the same by every check.
CHANGED_ACTION = Text("The disk changed while it was read: stop the VM or wait for the copy to "
                      "finish, then upload again.")


def _shrunk(source: UploadSource) -> ConfigError:
    """The file ended before the size taken when the upload started: someone changed it. Said
    the same by every reader of the file (segments, SHA1, the local hash)."""
    return ConfigError(Text("{path} got shorter during the upload.", path=source.path),
                       CHANGED_ACTION, Field.DISK)


def _changed(source: UploadSource, segment: Segment | None = None) -> ConfigError:
    """The file is not what it was when the upload started (stat), or a segment read twice
    gave two different contents."""
    if segment is None:
        message = Text("{path} changed during the upload: its size or time stamps are not "
                       "those it had at the start.", path=source.path)
    else:
        message = Text("{path} changed during the upload: segment {number} read differently "
                       "for the upload and for the SHA1 checksum.", path=source.path,
                       number=segment.index + 1)
    return ConfigError(message, CHANGED_ACTION, Field.DISK)


class _Hasher(threading.Thread):
    """SHA1 of the source in order, never ahead of the workers' read frontier; and the CRC32 of
    each segment as it read it, compared with what the workers sent."""

    def __init__(self, source: UploadSource, segments: list[Segment], frontier: _Frontier,
                 control: TransferControl, abort: threading.Event) -> None:
        super().__init__(name="upload-sha1", daemon=True)
        self._source = source
        self._ends = [s.offset + s.length for s in segments]
        self._size = self._ends[-1] if self._ends else 0
        self._frontier = frontier
        self._control = control
        self._abort = abort
        self._sha1 = hashlib.sha1(usedforsecurity=False)
        self.crcs = [0] * len(segments)
        self.done = 0
        self.error: BaseException | None = None

    def hexdigest(self) -> str:
        if self.done != self._size:
            raise VmdkImportError(Text("The SHA1 checksum could not be completed."))
        return self._sha1.hexdigest()

    def run(self) -> None:
        try:
            with open(self._source.path, "rb") as fh:
                fh.seek(self._source.offset)
                self._loop(fh)
        except BaseException as exc:  # noqa: BLE001 - reported by the generator
            self.error = exc

    def _loop(self, fh: IO[bytes]) -> None:
        index, crc = 0, 0
        while self.done < self._size:
            with self._frontier.cond:
                while self._frontier.value <= self.done:
                    if self._abort.is_set() or self._control.cancelled:
                        return
                    self._frontier.cond.wait(0.25)
                limit = self._frontier.value
            while self.done < limit:
                end = self._ends[index]
                chunk = fh.read(min(CHUNK, limit - self.done, end - self.done))
                if not chunk:
                    raise _shrunk(self._source)
                self._sha1.update(chunk)
                crc = zlib.crc32(chunk, crc)
                self.done += len(chunk)
                if self.done == end:
                    self.crcs[index], index, crc = crc, index + 1, 0


class _LocalHash(threading.Thread):
    """SHA1 of the source, and the MD5 and CRC32 of each of ``segments``, in one local pass
    (nothing is sent): to compare with an object already there."""

    def __init__(self, source: UploadSource, segments: list[Segment], control: TransferControl,
                 abort: threading.Event) -> None:
        super().__init__(name="local-hash", daemon=True)
        self._source, self._segments = source, segments
        self._control, self._abort = control, abort
        self.done = 0
        self.md5s: list[str] = []
        self.crcs: list[int] = []
        self.sha1 = ""
        self.error: BaseException | None = None

    def run(self) -> None:
        sha1 = hashlib.sha1(usedforsecurity=False)
        try:
            with open(self._source.path, "rb") as fh:
                fh.seek(self._source.offset)
                for seg in self._segments:
                    md5, crc, left = hashlib.md5(usedforsecurity=False), 0, seg.length
                    while left:
                        if self._abort.is_set() or self._control.cancelled:
                            return
                        chunk = fh.read(min(CHUNK, left))
                        if not chunk:
                            raise _shrunk(self._source)
                        md5.update(chunk)
                        sha1.update(chunk)
                        crc = zlib.crc32(chunk, crc)
                        left -= len(chunk)
                        self.done += len(chunk)
                    self.md5s.append(md5.hexdigest())
                    self.crcs.append(crc)
        except BaseException as exc:  # noqa: BLE001 - reported by the generator
            self.error = exc
            return
        self.sha1 = sha1.hexdigest()


def upload(storage: ObjectStorageClient, request: UploadRequest,
           control: TransferControl | None = None, **kwargs: Any) -> Iterator[UploadEvent]:
    """Events of one upload; the last one carries :attr:`UploadEvent.result`."""
    return Uploader(storage, request, control, **kwargs).run()


def run_upload(storage: ObjectStorageClient, request: UploadRequest,
               control: TransferControl | None = None,
               on_event: Callable[[UploadEvent], None] | None = None,
               **kwargs: Any) -> UploadResult:
    """Run to the end; returns the result."""
    result: UploadResult | None = None
    for event in upload(storage, request, control, **kwargs):
        if on_event:
            on_event(event)
        if event.result is not None:
            result = event.result
    assert result is not None
    return result
