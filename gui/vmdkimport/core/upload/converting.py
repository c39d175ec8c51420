"""Upload a disk as a streamOptimized VMDK, converting on the way: one pass, no temporary file.

Public API (stable; the wizard builds on it)::

    DEFAULT_CONVERT_SEGMENT_SIZE = 32 MiB     # segment = one buffer in memory
    DEFAULT_CONVERT_THREADS = 2               # upload workers

    conversion_source(found: preflight.Inspection) -> UploadSource | None
        # what the converter reads for this pre-flight (path, and member of an OVA), or None
        # when the disk needs no conversion or only qemu-img can convert it (qcow2, VHD, ...)
    estimate_conversion(source: UploadSource, settings: ConvertSettings | None = None,
                        ) -> ConversionEstimate   # disk_size, source_bytes, output_bytes
    ConvertingUploader(storage, request: UploadRequest, control: TransferControl | None = None,
                       *, settings: ConvertSettings | None = None, journal_dir: Path | None = None,
                       clock=time.monotonic).run() -> Iterator[UploadEvent]
        # request.source is conversion_source(...); request.segment_size None = 32 MiB;
        # request.threads = upload workers. Events are ConvertingEvent (an UploadEvent); the
        # last one's .result is a ConvertingResult (an UploadResult).
    upload_converting(storage, request, control=None, **kw) -> Iterator[UploadEvent]
    run_converting_upload(storage, request, control=None, on_event=None, **kw)
        -> ConvertingResult

    ConvertingEvent(UploadEvent): + source_done, source_total (bytes of the disk's allocated
        data read / to read), output_done (bytes of the stream produced), output_estimate,
        bytes_sent (on the wire, every attempt). bytes_done/bytes_total are source_done/
        source_total, so ``fraction`` and ``eta`` mean "of the conversion"; ``rate`` is sent
        bytes per second, as for a file upload. segments_total is an estimate until the end.
    ConvertingResult(UploadResult): size is the object's (the stream's) size, sha1 the SHA1
        of the object's bytes; + converted (True), disk_size (the virtual disk), source_read
        (allocated bytes read), bytes_reproduced (stream bytes produced only to prove segments
        already there; also in bytes_read_to_prove), stream_identity.
    Phases are the file upload's (no new one): CHECKING, UPLOADING (converting and sending,
        or converting again to prove what is there), MANIFEST, CLEANUP, DONE.
    ConvertedIdentity(UploadIdentity): + stream; names the segments (see 2. below).

Why not reuse :class:`~vmdkimport.core.upload.uploader.Uploader`: it reads segments from a
file at any offset, in parallel, and re-reads them to resend. A converted stream exists only
in order, once per production, and its size is not known until it ends. So:

1. **One producer, N senders.** A producer thread pulls :meth:`StreamConverter.chunks` and
   fills one buffer per segment (a fixed range of *output* offsets, the last one shorter),
   computing the SHA1 of the whole stream in order and the MD5 of each segment. Full buffers
   go to ``request.threads`` upload workers, which PUT them with Content-Length, compare the
   ETag with the MD5 and on failure send the same buffer again (the backoff rules of
   :mod:`~vmdkimport.core.upload.retry`; a 401 gets one fresh token). A semaphore allows at
   most threads + 1 buffers, so memory is (threads + 1) x segment size plus the converter's
   few MiB (see :mod:`vmdkimport.core.disk.streamopt`), whatever the disk's size. That is why
   the segment is 32 MiB here, not the file upload's 256 MiB: 96 MiB for two workers.
   The segment grows only when the stream could need more than
   :data:`~vmdkimport.core.upload.segments.MAX_SEGMENTS` of them (over 320 GB of compressed
   output; a streamOptimized VMDK cannot pass 2 TiB, so never above 220 MiB).
2. **Names by output offset.** Segments live under
   ``<object>/<mtime>/<source size>[@offset]/<segment size>-so<8 hex>/<index:08d>``: the source
   file's identity as :class:`UploadIdentity` names it, plus a hash of
   :func:`~vmdkimport.core.disk.streamopt.stream_identity` (writer version, zlib build, level)
   in the segment-size field, so ``vmdkimport cleanup`` still recognises the layout and a
   different zlib never meets the segments of another.
3. **Resume, proven by content.** The stream is deterministic, so a re-run produces it again
   from the start, hashing, and skips every segment whose object is there with the same size
   *and* an ETag equal to the MD5 of the bytes just produced; anything else is sent. A name
   proves nothing, and no journal is needed: the object is by construction exactly the
   stream this run produced, and its SHA1 is that stream's. What it costs: the CPU of
   converting the part already there (about 70 MiB of non-zero source per second per core
   at level 6), and no bytes on the wire. After a kill -9 only the segments in flight (at
   most ``threads``) are sent again, since a Swift object exists only once its PUT completed.
4. **Existing object.** HEAD first. An object that is not ours (no tag of this source, this
   converter and this segment size) is *different*: refused unless ``overwrite``, without a
   pass. One that carries our tag is compared by content during the same single pass: every
   segment must be proven as in a resume and the manifest's ETag (the MD5 of the segment MD5s;
   for a single object its MD5) must equal the object's; then nothing is sent
   (``skipped``). Should a segment need sending without ``overwrite``, :class:`ObjectExists`
   is raised before anything is written.
5. **Single PUT** when the whole stream fits in one segment (known once it ends, the buffer
   holds it); else a DLO manifest (SLO when asked and offered), written last.
6. Lock per destination, cancel, pause and bandwidth limit as for a file upload (the same
   :class:`TransferControl`; cancel and pause are checked between 1 MiB pieces, in the
   producer and in every body).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final, TypeVar

from vmdkimport.core.cloud.objectstorage import (
    DEFAULT_MAX_FILE_SIZE,
    ObjectInfo,
    ObjectStorageClient,
)
from vmdkimport.core.disk import preflight
from vmdkimport.core.disk.diskformat import OperationCancelled
from vmdkimport.core.disk.source import FileFingerprint, UploadSource
from vmdkimport.core.disk.streamopt import (
    GRAIN_BYTES,
    ConvertSettings,
    StreamConverter,
    read_source_descriptor,
    stream_identity,
)
from vmdkimport.core.disk.virtual import open_virtual_disk
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
from vmdkimport.core.text import Text
from vmdkimport.core.upload.lock import UploadLock
from vmdkimport.core.upload.replaced import delete_all, old_segments, project_id
from vmdkimport.core.upload.retry import RETRY_STATUSES, for_upload, retrying
from vmdkimport.core.upload.segments import (
    MAX_SEGMENTS,
    Manifest,
    MiB,
    Segment,
    UploadIdentity,
    UploadRequest,
    choose_segment_size,
)
from vmdkimport.core.upload.transfer import TokenBucket, TransferControl
from vmdkimport.core.upload.uploader import (
    CHANGED_ACTION,
    CHUNK,
    META_SHA1,
    META_SOURCE,
    ObjectExists,
    Phase,
    SegmentFailed,
    UploadEvent,
    UploadResult,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_CONVERT_SEGMENT_SIZE: Final = 32 * MiB
DEFAULT_CONVERT_THREADS: Final = 2
#: the largest stream a streamOptimized VMDK can be (grain table entries are u32 sectors)
_MAX_STREAM: Final = 0xFFFFFFFF * 512
#: a grain at worst: marker (12 bytes) + zlib of incompressible data, padded to a sector
_WORST_GRAIN: Final = GRAIN_BYTES + 512


# --- what can be converted -----------------------------------------------------------------------

def conversion_source(found: preflight.Inspection) -> UploadSource | None:
    """What :class:`ConvertingUploader` reads for this pre-flight, or None.

    A disk the pre-flight offers to convert (monolithicFlat, VMFS, split extents, a raw image:
    ``found.conversion``), or a monolithicSparse one (also inside an OVA), when our reader
    opens it: qcow2, VHD, VHDX and snapshot chains are left to qemu-img as before. Opening reads
    metadata only (headers, grain directory), milliseconds.
    """
    source: UploadSource | None = None
    if found.conversion is not None and found.conversion.source_format in ("vmdk", "raw"):
        source = UploadSource(found.conversion.source)
    elif found.subformat == "monolithicSparse" and found.upload_source is not None:
        source = found.upload_source
    if source is None:
        return None
    try:
        with open_virtual_disk(source.path, member=source.member):
            pass
    except VmdkImportError:  # DiskFormatError (a delta, damage), DiskReadError
        return None
    return source


@dataclass(frozen=True)
class ConversionEstimate:
    """What converting will read and about how much it will send."""

    disk_size: int  # the virtual disk, as the guest sees it
    source_bytes: int  # allocated data the converter reads
    output_bytes: int  # about the stream's size (a sample of grains compressed)


def estimate_conversion(source: UploadSource, settings: ConvertSettings | None = None
                        ) -> ConversionEstimate:
    """Read the disk's maps and a sample of 32 grains: a fraction of a second."""
    with open_virtual_disk(source.path, member=source.member) as disk:
        converter = StreamConverter(disk, settings)
        return ConversionEstimate(disk.size, converter.source_bytes_total, converter.estimate())


# --- events and result ---------------------------------------------------------------------

@dataclass(frozen=True)
class ConvertingEvent(UploadEvent):
    """An :class:`UploadEvent` that also says how far the conversion is (see the module doc)."""

    source_done: int = 0
    source_total: int = 0
    output_done: int = 0
    output_estimate: int = 0
    bytes_sent: int = 0


@dataclass(frozen=True)
class ConvertingResult(UploadResult):
    """An :class:`UploadResult` of a converted upload: ``size`` and ``sha1`` are the object's."""

    converted: bool = True
    disk_size: int = 0
    source_read: int = 0
    bytes_reproduced: int = 0
    stream_identity: str = ""


@dataclass(frozen=True)
class ConvertedIdentity(UploadIdentity):
    """An :class:`UploadIdentity` whose segments also name the converter that made them."""

    stream: str = ""

    @property
    def stream_hash(self) -> str:
        return hashlib.sha256(self.stream.encode()).hexdigest()[:8]

    @property
    def segment_prefix(self) -> str:
        base = super().segment_prefix.rstrip("/")
        return f"{base}-so{self.stream_hash}/"

    def source_tag(self) -> str:
        return f"{super().source_tag()}:so{self.stream_hash}:{self.segment_size}"


# --- the upload ----------------------------------------------------------------------------------

@dataclass
class _Item:
    index: int
    name: str
    data: memoryview
    md5: str
    single: bool = False


@dataclass
class _Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    sent: int = 0
    in_flight: dict[int, int] = field(default_factory=dict)
    segments_done: int = 0
    segments_sent: int = 0
    segments_skipped: int = 0
    retries: int = 0
    reproduced: int = 0
    states: bytearray = field(default_factory=bytearray)
    samples: deque[tuple[float, int, int]] = field(default_factory=lambda: deque(maxlen=64))


class _Body:
    """One attempt at sending a buffer: 1 MiB pieces, cancel, pause and bandwidth per piece."""

    def __init__(self, data: memoryview, control: TransferControl, abort: threading.Event,
                 on_sent: Callable[[int], None]) -> None:
        self._data, self._control, self._abort, self._on_sent = data, control, abort, on_sent

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(self._data), CHUNK):
            piece = self._data[start:start + CHUNK]
            _hold(self._control, self._abort)
            if self._control.bucket is not None:
                self._control.bucket.take(len(piece), self._control)
            yield bytes(piece)
            self._on_sent(len(piece))


def _hold(control: TransferControl, abort: threading.Event) -> None:
    """:meth:`TransferControl.check` that also wakes for the upload's own stop: a consumer
    that stops iterating while paused must not leave a thread waiting for Resume forever."""
    while control.paused and not abort.is_set() and not control.cancelled:
        abort.wait(0.25)
    if abort.is_set():
        raise UploadCancelled(Text("The upload was stopped."))
    if control.cancelled:
        raise UploadCancelled(Text("The upload was cancelled."))


class ConvertingUploader:
    """Runs one converting upload; iterate :meth:`run`, the last event holds the result."""

    def __init__(self, storage: ObjectStorageClient, request: UploadRequest,
                 control: TransferControl | None = None, *,
                 settings: ConvertSettings | None = None, journal_dir: Path | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.storage = storage
        self.request = request
        self.settings = settings or ConvertSettings()
        self.control = control or TransferControl()
        if request.limit_rate and self.control.bucket is None:
            self.control.bucket = TokenBucket(request.limit_rate)
        self._journal_dir = journal_dir
        self._clock = clock
        self._stats = _Stats()
        self._abort = threading.Event()
        self._error: BaseException | None = None
        self._phase = Phase.CHECKING
        self._converter: StreamConverter | None = None
        self._estimate = 0
        self._segment_size = 0
        self._fingerprint: FileFingerprint | None = None
        # what the producer finds, read by the generator after it ended
        self._sha1 = ""
        self._md5s: list[str] = []
        self._lengths: list[int] = []
        self._single = False
        self._container_lock = threading.Lock()
        self._container_ready = False

    # -- public ----------------------------------------------------------------------------------
    def run(self) -> Iterator[UploadEvent]:
        req = self.request
        for error, field_ in ((container_error(req.container), Field.CONTAINER),
                              (object_error(req.object_name), Field.OBJECT)):
            if error:
                raise ConfigError(error, Text("Choose a valid name {where}.",
                                              where=Where(field_)), field_)
        size, mtime_ns = req.source.stat()
        self._fingerprint = req.source.fingerprint()
        lock = UploadLock(self.storage.storage_url, req.container, req.object_name,
                          source=req.source.path, directory=self._journal_dir)
        lock.acquire()
        try:
            descriptor = read_source_descriptor(req.source.path, member=req.source.member)
            with open_virtual_disk(req.source.path, member=req.source.member) as disk:
                self._converter = StreamConverter(
                    disk, self.settings, cancelled=self._stopping,
                    name=req.object_name, descriptor=descriptor)
                yield from self._run(size, mtime_ns)
        finally:
            lock.release()

    def _stopping(self) -> bool:
        return self._abort.is_set() or self.control.cancelled

    def _retrying(self, what: str, call: Callable[[], T]) -> T:
        return retrying(what, call, request=self.request, control=self.control,
                        on_retry=self._count_retry)

    def _count_retry(self) -> None:
        with self._stats.lock:
            self._stats.retries += 1

    def _plan(self, info: Mapping[str, Any], size: int, mtime_ns: int) -> ConvertedIdentity:
        """The segment size and the names: fixed before the first byte is produced."""
        req = self.request
        converter = self._converter
        assert converter is not None
        swift = info.get("swift") if isinstance(info.get("swift"), Mapping) else None
        max_file = _positive_int((swift or {}).get("max_file_size"), DEFAULT_MAX_FILE_SIZE)
        slo = info.get("slo") if isinstance(info.get("slo"), Mapping) else None
        if req.manifest is Manifest.SLO and info and slo is None:
            raise ConfigError(Text("This object storage does not offer SLO manifests."),
                              Text("Use a DLO manifest (--manifest dlo), the provider's "
                                   "documented way."), Field.NONE)
        max_segments = _positive_int((slo or {}).get("max_manifest_segments"), 1000) \
            if req.manifest is Manifest.SLO else MAX_SEGMENTS
        # The most the stream can be: every allocated grain incompressible, plus the metadata.
        grains = -(-converter.source_bytes_total // GRAIN_BYTES) + 1
        bound = min(_MAX_STREAM, 128 * 1024 + grains * _WORST_GRAIN
                    + converter.tables * 2560 + (converter.gd_sectors + 4) * 512)
        wanted = max(req.segment_size or DEFAULT_CONVERT_SEGMENT_SIZE,
                     -(-bound // max_segments))
        wanted = -(-wanted // MiB) * MiB if wanted > MiB else wanted
        segment = choose_segment_size(bound, wanted, max_file_size=max_file,
                                      max_segments=max_segments)
        self._segment_size = segment
        return ConvertedIdentity(req.container, req.object_name, size, mtime_ns, segment,
                                 req.source.offset, stream=stream_identity(self.settings))

    def _run(self, size: int, mtime_ns: int) -> Iterator[UploadEvent]:
        req = self.request
        converter = self._converter
        assert converter is not None
        yield self._event("Checking object storage")
        info = self._retrying("GET /info", self.storage.info)
        identity = self._plan(info, size, mtime_ns)
        self._estimate = converter.estimate()
        estimated = max(1, -(-self._estimate // self._segment_size))
        with self._stats.lock:
            self._stats.states = bytearray(b"w" * estimated)
        existing = self._retrying("HEAD of the object", lambda: self.storage.head_object(
            req.container, req.object_name))
        ours = existing is not None and \
            existing.meta.get(META_SOURCE.lower()) == identity.source_tag()
        if existing is not None and not ours and not req.overwrite:
            raise ObjectExists(req.container, req.object_name, existing)
        replaced: list[tuple[str, str]] = []
        if existing is not None and not ours:
            replaced = old_segments(self.storage, self._retrying, req.container,
                                    req.object_name, existing,
                                    keep_prefix=identity.segment_prefix)
        self._ensure_container(req.container)
        present: dict[str, ObjectInfo] = {}
        if self._retrying("HEAD of the container", lambda: self.storage.container_exists(
                identity.segment_container)):
            present = {o.name: o for o in self._retrying(
                "listing of the segments", lambda: self.storage.list_objects(
                    identity.segment_container, prefix=identity.segment_prefix))}
        yield from self._transfer(identity, present, existing if ours else None)
        single = self._single
        output_size = sum(self._lengths)
        self._check_unchanged()
        manifest_kind: Manifest | None = None if single else req.manifest
        expected = self._md5s[0] if single else _etag_of_segments(self._md5s)
        skipped = (ours and existing is not None and existing.etag == expected
                   and existing.size == output_size and self._stats.segments_sent == 0)
        if not skipped:
            if ours and not req.overwrite:
                assert existing is not None
                raise ObjectExists(req.container, req.object_name, existing)
            if not single:
                self._phase = Phase.MANIFEST
                yield self._event("Writing the manifest")
                self._retrying("manifest PUT", lambda: self._write_manifest(identity))
            if replaced:
                self._phase = Phase.CLEANUP
                yield self._event("Deleting the segments of the replaced object")
                delete_all(self.storage, replaced)
        with self._stats.lock:
            stats = self._stats
            result = ConvertingResult(
                container=req.container, object_name=req.object_name,
                location=location_for(project_id(self.storage), req.container, req.object_name),
                size=output_size, sha1=self._sha1,
                segments=0 if single else len(self._md5s),
                segments_sent=stats.segments_sent, segments_skipped=stats.segments_skipped,
                manifest=(Manifest.SLO if existing is not None and existing.is_slo
                          else Manifest.DLO) if skipped and not single else manifest_kind,
                skipped=skipped, bytes_sent=stats.sent, retries=stats.retries,
                bytes_read_to_prove=stats.reproduced, disk_size=converter.size,
                source_read=converter.source_bytes_done, bytes_reproduced=stats.reproduced,
                stream_identity=identity.stream)
            del stats.states[len(self._md5s):]
        self._phase = Phase.DONE
        yield replace(self._event("An identical object is already there; nothing was sent"
                                  if skipped else "Upload complete"), result=result)

    # -- producer and workers ----------------------------------------------------------------------
    def _transfer(self, identity: ConvertedIdentity, present: dict[str, ObjectInfo],
                  existing: ObjectInfo | None) -> Iterator[UploadEvent]:
        threads = max(1, self.request.threads)
        slots = threading.Semaphore(threads + 1)
        todo: deque[_Item | None] = deque()
        ready = threading.Condition()
        producer = threading.Thread(
            target=self._guard, name="convert-produce",
            args=(self._produce, identity, present, existing, slots, todo, ready, threads),
            daemon=True)
        workers = [threading.Thread(target=self._guard, name=f"convert-upload-{i}",
                                    args=(self._work, identity, slots, todo, ready),
                                    daemon=True) for i in range(threads)]
        self._phase = Phase.UPLOADING
        producer.start()
        for w in workers:
            w.start()
        everyone = [producer, *workers]
        completed = False
        try:
            while any(t.is_alive() for t in everyone):
                for t in everyone:
                    t.join(0.2 / len(everyone))
                yield self._event("Paused" if self.control.paused else "Converting and "
                                  "uploading")
            completed = True
        finally:
            if not completed or self._error is not None or self.control.cancelled:
                self._abort.set()
            with ready:
                ready.notify_all()
            for t in everyone:
                t.join()
        if self._error is not None:
            raise self._error
        if self.control.cancelled:
            raise UploadCancelled(Text("The upload was cancelled; start it again to resume."))

    def _guard(self, target: Callable[..., None], *args: Any) -> None:
        try:
            target(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the generator, which raises it
            with self._stats.lock:
                if self._error is None and not isinstance(exc, (UploadCancelled,
                                                                 OperationCancelled)):
                    self._error = exc
            self._abort.set()

    def _acquire(self, slots: threading.Semaphore) -> None:
        while not slots.acquire(timeout=0.25):
            if self._stopping():
                raise UploadCancelled(Text("The upload was stopped."))

    def _produce(self, identity: ConvertedIdentity, present: dict[str, ObjectInfo],
                 existing: ObjectInfo | None, slots: threading.Semaphore,
                 todo: deque[_Item | None], ready: threading.Condition, threads: int) -> None:
        converter = self._converter
        assert converter is not None
        size = self._segment_size
        sha1 = hashlib.sha1(usedforsecurity=False)
        try:
            self._acquire(slots)
            buffer, fill, index = bytearray(size), 0, 0
            md5 = hashlib.md5(usedforsecurity=False)
            with contextlib.closing(converter.chunks()) as chunks:
                for chunk in chunks:
                    _hold(self.control, self._abort)  # pause blocks here; cancel raises
                    view = memoryview(chunk)
                    position = 0
                    while position < len(view):
                        if fill == size:  # more follows: the full buffer is a segment
                            self._complete(identity, index, buffer, fill, md5.hexdigest(),
                                           False, present, existing, todo, ready, slots)
                            index += 1
                            self._acquire(slots)
                            buffer, fill = bytearray(size), 0
                            md5 = hashlib.md5(usedforsecurity=False)
                        n = min(size - fill, len(view) - position)
                        piece = view[position:position + n]
                        buffer[fill:fill + n] = piece
                        md5.update(piece)
                        sha1.update(piece)
                        fill += n
                        position += n
            self._sha1 = sha1.hexdigest()
            self._complete(identity, index, buffer, fill, md5.hexdigest(), True, present,
                           existing, todo, ready, slots)
        finally:
            with ready:
                todo.extend([None] * threads)  # one "no more" per worker
                ready.notify_all()

    def _complete(self, identity: ConvertedIdentity, index: int, buffer: bytearray, fill: int,
                  md5: str, final: bool, present: dict[str, ObjectInfo],
                  existing: ObjectInfo | None, todo: deque[_Item | None],
                  ready: threading.Condition, slots: threading.Semaphore) -> None:
        """A segment's bytes are all produced: skip it if proven there, else queue it."""
        single = final and index == 0
        self._md5s.append(md5)
        self._lengths.append(fill)
        self._single = single
        name = self.request.object_name if single else f"{identity.segment_prefix}{index:08d}"
        if single:
            there = existing if existing is not None and not existing.is_manifest else None
        else:
            there = present.get(name)
        if there is not None and there.size == fill and there.etag == md5:
            slots.release()  # proven by content: not sent, the buffer is dropped
            with self._stats.lock:
                self._stats.segments_done += 1
                self._stats.segments_skipped += 1
                self._stats.reproduced += fill
                _set_state(self._stats.states, index, b"r")
            return
        if existing is not None and not self.request.overwrite:
            # the object there is ours but not this stream: replacing it needs the user's word
            slots.release()
            raise ObjectExists(self.request.container, self.request.object_name, existing)
        item = _Item(index, name, memoryview(buffer)[:fill], md5, single)
        with ready:
            todo.append(item)
            ready.notify()

    def _work(self, identity: ConvertedIdentity, slots: threading.Semaphore,
              todo: deque[_Item | None], ready: threading.Condition) -> None:
        while True:
            with ready:
                while not todo:
                    if self._abort.is_set():
                        return
                    ready.wait(0.25)
                item = todo.popleft()
            if item is None:
                return
            try:
                container = (self.request.container if item.single
                             else identity.segment_container)
                if not item.single:
                    self._segment_container(identity)
                self._send(item, container, identity)
            finally:
                item.data.release()
                slots.release()

    def _send(self, item: _Item, container: str, identity: ConvertedIdentity) -> None:
        req = self.request
        url = self.storage.url(container, item.name)
        segment = Segment(item.index, item.index * self._segment_size, len(item.data),
                          item.name)
        delay = req.backoff
        last: BaseException | None = None
        unauthorized_in_a_row = 0
        for attempt in range(1, req.max_attempts + 1):
            _hold(self.control, self._abort)
            token = self.storage.tokens.token()
            headers = {"X-Auth-Token": token.value}
            if item.single:
                headers[META_SOURCE] = identity.source_tag()
                headers[META_SHA1] = self._sha1
            body = _Body(item.data, self.control, self._abort,
                         lambda n: self._sent(item.index, n))
            try:
                response = self.storage.http.request(
                    "PUT", url, service=self.storage.service, headers=headers, data=body)
            except ApiError as exc:
                last = exc
                if exc.status == 401:
                    unauthorized_in_a_row += 1
                    self.storage.tokens.invalidate(token)
                    if unauthorized_in_a_row > 1:
                        raise Unauthorized(status=401, service=exc.service, url=exc.url,
                                           request_id=exc.request_id) from None
                    self._retry_reset(item.index)
                    continue  # a fresh token, then replay at once
                if exc.status == 413 or not (exc.status >= 500
                                             or exc.status in RETRY_STATUSES):
                    raise
                delay = self._backoff(item, attempt, exc, delay, exc.retry_after)
                continue
            except TransportError as exc:
                last = for_upload(exc)
                delay = self._backoff(item, attempt, exc, delay, None)
                continue
            unauthorized_in_a_row = 0
            etag = (response.headers.get("ETag") or "").strip('"')
            if not etag:
                last = for_upload(TransportError(
                    Text("The answer to segment {number} ended before object storage said "
                         "what it stored [{request_id}].", number=item.index + 1,
                         request_id=request_id_of(response) or "no request id"), url=url))
                delay = self._backoff(item, attempt, last, delay, None)
                continue
            if etag != item.md5:
                last = VmdkImportError(Text(
                    "object storage stored a different checksum ({etag}) than was sent ({md5}) "
                    "[{request_id}]", etag=etag, md5=item.md5,
                    request_id=request_id_of(response) or "no request id"))
                delay = self._backoff(item, attempt, last, delay, None)
                continue
            with self._stats.lock:
                self._stats.in_flight.pop(item.index, None)
                self._stats.segments_done += 1
                self._stats.segments_sent += 1
                _set_state(self._stats.states, item.index, b"s")
            return
        assert last is not None
        raise SegmentFailed(segment, req.max_attempts, last)

    def _backoff(self, item: _Item, attempt: int, exc: BaseException, delay: float,
                 retry_after: float | None) -> float:
        self._retry_reset(item.index)
        wait = min(self.request.max_backoff, retry_after if retry_after else delay)
        log.warning("converted segment %d attempt %d failed (%s); retrying in %.1f s",
                    item.index, attempt, exc, wait)
        if attempt < self.request.max_attempts:
            deadline = time.monotonic() + wait
            while (left := deadline - time.monotonic()) > 0:  # wakes for cancel and stop
                if self._abort.wait(min(0.25, left)) or self.control.cancelled:
                    raise UploadCancelled(Text("The upload was stopped."))
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

    # -- around the segments ----------------------------------------------------------------------
    def _check_unchanged(self) -> None:
        """The stat check of the file chosen: a VM still writing its disk ends the upload
        before the manifest makes the object look complete."""
        if self.request.source.fingerprint() != self._fingerprint:
            raise ConfigError(Text("{path} changed during the upload: its size or time stamps "
                                   "are not those it had at the start.",
                                   path=self.request.source.path), CHANGED_ACTION, Field.DISK)

    def _write_manifest(self, identity: ConvertedIdentity) -> None:
        headers = {META_SOURCE: identity.source_tag(), META_SHA1: self._sha1}
        url = self.storage.url(identity.container, identity.object_name)
        if self.request.manifest is Manifest.SLO:
            manifest = [{"path": f"/{identity.segment_container}/{identity.segment_prefix}"
                                 f"{index:08d}", "etag": md5, "size_bytes": length}
                        for index, (md5, length) in enumerate(
                            zip(self._md5s, self._lengths, strict=True))]
            self.storage.call("PUT", url, params={"multipart-manifest": "put"},
                              data=json.dumps(manifest).encode(), headers=headers)
        else:
            headers["X-Object-Manifest"] = (
                f"{identity.segment_container}/{identity.segment_prefix}")
            self.storage.call("PUT", url, data=b"", headers=headers)

    def _segment_container(self, identity: ConvertedIdentity) -> None:
        """Create the segment container once, when the first segment is to be sent."""
        with self._container_lock:
            if not self._container_ready:
                self._ensure_container(identity.segment_container)
                self._container_ready = True

    def _ensure_container(self, name: str) -> None:
        if not self._retrying("HEAD of the container",
                              lambda: self.storage.container_exists(name)):
            self._retrying("container PUT", lambda: self.storage.create_container(name))

    # -- events ------------------------------------------------------------------------------------
    def _event(self, message: str) -> ConvertingEvent:
        now = self._clock()
        converter = self._converter
        source_done = converter.source_bytes_done if converter else 0
        source_total = converter.source_bytes_total if converter else 0
        output_done = converter.output_bytes_done if converter else 0
        with self._stats.lock:
            stats = self._stats
            stats.samples.append((now, stats.sent, source_done))
            while len(stats.samples) > 2 and now - stats.samples[0][0] > 10:
                stats.samples.popleft()
            first_t, first_sent, first_done = stats.samples[0]
            span = now - first_t
            rate = (stats.sent - first_sent) / span if span > 0 else 0.0
            source_rate = (source_done - first_done) / span if span > 0 else 0.0
            eta = (source_total - source_done) / source_rate if source_rate > 0 else None
            segments_total = max(len(stats.states), stats.segments_done)
            return ConvertingEvent(
                phase=self._phase, bytes_done=min(source_done, source_total),
                bytes_total=source_total, rate=rate, eta=eta,
                segments_done=stats.segments_done, segments_total=segments_total,
                segments_skipped=stats.segments_skipped, retries=stats.retries,
                paused=self.control.paused, message=message,
                bytes_read_to_prove=stats.reproduced, segment_states=bytes(stats.states),
                source_done=source_done, source_total=source_total, output_done=output_done,
                output_estimate=max(self._estimate, output_done), bytes_sent=stats.sent)


def _set_state(states: bytearray, index: int, state: bytes) -> None:
    """Mark one segment (under the stats lock); the map grows past the estimate if need be."""
    if index >= len(states):
        states.extend(b"w" * (index + 1 - len(states)))
    states[index] = state[0]


def _etag_of_segments(md5s: list[str]) -> str:
    """The ETag Swift gives a DLO or SLO object: the MD5 of its segments' ETags, joined."""
    return hashlib.md5("".join(md5s).encode(), usedforsecurity=False).hexdigest()


def _positive_int(value: object, default: int) -> int:
    """A limit from ``/info``, when it is a positive integer (the answer is not ours to trust)."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return default


def upload_converting(storage: ObjectStorageClient, request: UploadRequest,
                      control: TransferControl | None = None, **kwargs: Any
                      ) -> Iterator[UploadEvent]:
    """Events of one converting upload; the last one carries a :class:`ConvertingResult`."""
    return ConvertingUploader(storage, request, control, **kwargs).run()


def run_converting_upload(storage: ObjectStorageClient, request: UploadRequest,
                          control: TransferControl | None = None,
                          on_event: Callable[[UploadEvent], None] | None = None,
                          **kwargs: Any) -> ConvertingResult:
    """Run to the end; returns the result."""
    result: UploadResult | None = None
    for event in upload_converting(storage, request, control, **kwargs):
        if on_event:
            on_event(event)
        if event.result is not None:
            result = event.result
    assert isinstance(result, ConvertingResult)
    return result


__all__ = [
    "DEFAULT_CONVERT_SEGMENT_SIZE",
    "DEFAULT_CONVERT_THREADS",
    "ConversionEstimate",
    "ConvertedIdentity",
    "ConvertingEvent",
    "ConvertingResult",
    "ConvertingUploader",
    "conversion_source",
    "estimate_conversion",
    "run_converting_upload",
    "upload_converting",
]
