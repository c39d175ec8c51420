"""The object storage's disk: containers, objects and large-object manifests, kept in files.

Images are many gigabytes, so object data goes straight from the socket to a temporary file (MD5
computed on the way) and is renamed into place; nothing holds a whole object in memory. Object
names may contain "/" and any Unicode, so each container is a directory and each object a pair of
flat files named by an escaped form of the object name::

    <root>/c_<escaped container>/.container.json   the container's real name and creation time
    <root>/c_<escaped container>/o_<escaped>.data  the bytes as stored (a manifest's own body)
    <root>/c_<escaped container>/o_<escaped>.json  name, size, MD5, type, time, manifest info

The escaping percent-encodes everything but lower-case letters, digits and ``._-~`` (upper-case
letters too, so that names differing only in case stay apart on case-insensitive file systems);
names too long for a file name use a SHA-256 of the name instead. The metadata file is the source
of truth for the name, so both forms read back the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import threading
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, Literal, Protocol
from urllib.parse import quote, unquote

from vmdkimport.sandbox.clock import SYSTEM_CLOCK, Clock
from vmdkimport.sandbox.state import write_json_atomic

CHUNK: Final = 1024 * 1024
CONTAINER_MAX_BYTES: Final = 256
OBJECT_MAX_BYTES: Final = 1024
CONTAINER_LISTING_LIMIT: Final = 10000
SLO_MAX_SEGMENTS: Final = 1000
SLO_MAX_MANIFEST_SIZE: Final = 8 * 1024 * 1024
SLO_MIN_SEGMENT_SIZE: Final = 1
_STEM_MAX: Final = 120
_UPPER_RE: Final = re.compile(r"[A-Z]")


class StoreError(Exception):
    """A request the store refuses: the Swift status and a plain-text reason.

    An empty reason means "Swift's standard page for this status".
    """

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


def md5_hex(data: bytes = b"") -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def escape_name(name: str) -> str:
    """A file-name-safe, case-insensitive-safe stem for a container or object name."""
    stem = quote(name, safe="")
    stem = _UPPER_RE.sub(lambda m: f"%{ord(m[0]):02X}", stem)
    if len(stem) > _STEM_MAX:
        stem = "%%" + hashlib.sha256(name.encode()).hexdigest()
    return stem


def name_key(name: str) -> bytes:
    """Swift sorts listings by the UTF-8 bytes of the names."""
    return name.encode("utf-8", "surrogatepass")


def listing_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


@dataclass
class ObjectMeta:
    """One stored object. For a manifest, ``bytes``/``etag`` describe the manifest's own body."""

    name: str
    bytes: int
    etag: str
    content_type: str
    timestamp: float
    manifest: str | None = None  # DLO: the X-Object-Manifest value as sent ("container/prefix")
    slo: list[dict[str, Any]] | None = None  # SLO: the stored segment list
    user_meta: dict[str, str] = field(default_factory=dict)  # X-Object-Meta-* as sent

    @property
    def kind(self) -> Literal["plain", "dlo", "slo"]:
        if self.slo is not None:
            return "slo"
        return "dlo" if self.manifest is not None else "plain"

    @property
    def slo_etag(self) -> str:
        """Swift's large-object ETag: the MD5 of the segments' ETags, concatenated."""
        return md5_hex("".join(s["hash"] for s in self.slo or []).encode())

    @property
    def slo_bytes(self) -> int:
        return sum(int(s["bytes"]) for s in self.slo or [])


@dataclass
class Container:
    name: str
    stem: str
    created: float
    objects: dict[str, ObjectMeta] = field(default_factory=dict)

    def bytes_used(self) -> int:
        return sum(m.slo_bytes if m.kind == "slo" else m.bytes for m in self.objects.values())


@dataclass(frozen=True)
class ContainerSummary:
    """A container's name and counts at one moment, safe to use outside the store's lock."""

    name: str
    count: int
    bytes_used: int
    created: float


@dataclass(frozen=True)
class Part:
    """A stretch of bytes of an assembled object: ``length`` bytes of the file ``path``."""

    path: Path
    length: int


@dataclass(frozen=True)
class ObjectView:
    """An object as a GET sees it: its parts in order, total size and the ETag header value."""

    meta: ObjectMeta
    parts: tuple[Part, ...]
    size: int
    etag: str  # plain hex for plain objects, quoted for large objects, as Swift sends it


def read_parts(parts: tuple[Part, ...], start: int = 0, end: int | None = None,
               cancel: threading.Event | None = None) -> Iterator[bytes]:
    """The bytes ``start``..``end`` (inclusive) of the parts, in chunks of at most 1 MiB."""
    total = sum(p.length for p in parts)
    end = total - 1 if end is None else end
    offset = 0
    for part in parts:
        lo, hi = max(start, offset), min(end, offset + part.length - 1)
        if lo <= hi:
            with part.path.open("rb") as f:
                f.seek(lo - offset)
                left = hi - lo + 1
                while left > 0:
                    if cancel is not None and cancel.is_set():
                        return
                    data = f.read(min(CHUNK, left))
                    if not data:
                        raise OSError(f"{part.path.name} changed while it was being read")
                    left -= len(data)
                    yield data
        offset += part.length
        if offset > end:
            break


class ObjectStore:
    """All containers of the one sandbox account, on disk under ``root``.

    Creation and modification times come from ``clock``, the sandbox's, so that they agree with
    the tokens and imports of the same sandbox when a test moves time.
    """

    def __init__(self, root: Path, clock: Clock = SYSTEM_CLOCK) -> None:
        self.root = root
        self._clock = clock
        self._tmp = root / ".tmp"
        self._lock = threading.RLock()
        self._containers: dict[str, Container] = {}
        self.root.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self._tmp, ignore_errors=True)  # uploads cut short by a previous stop
        self._tmp.mkdir()
        self._load()

    def _load(self) -> None:
        for cdir in sorted(self.root.glob("c_*")):
            try:
                info = json.loads((cdir / ".container.json").read_text("utf-8"))
            except (OSError, ValueError):
                continue
            container = Container(info["name"], cdir.name[2:], float(info["created"]))
            for meta_path in cdir.glob("o_*.json"):
                try:
                    meta = ObjectMeta(**json.loads(meta_path.read_text("utf-8")))
                except (OSError, ValueError, TypeError):
                    continue
                if meta_path.with_suffix(".data").exists():
                    container.objects[meta.name] = meta
            self._containers[container.name] = container

    # --- paths ------------------------------------------------------------------------------

    def _cdir(self, container: Container) -> Path:
        return self.root / f"c_{container.stem}"

    def data_path(self, container: Container, name: str) -> Path:
        return self._cdir(container) / f"o_{escape_name(name)}.data"

    # --- account and containers -------------------------------------------------------------

    def containers(self) -> list[ContainerSummary]:
        """Every container with its counts, in listing order (a consistent snapshot)."""
        with self._lock:
            return [self._summary(c) for c in
                    sorted(self._containers.values(), key=lambda c: name_key(c.name))]

    def container(self, name: str) -> ContainerSummary | None:
        with self._lock:
            c = self._containers.get(name)
            return self._summary(c) if c is not None else None

    @staticmethod
    def _summary(c: Container) -> ContainerSummary:
        return ContainerSummary(c.name, len(c.objects), c.bytes_used(), c.created)

    def create_container(self, name: str) -> bool:
        """True when the container is new, False when it already existed."""
        if not name or len(name.encode()) > CONTAINER_MAX_BYTES:
            raise StoreError(400, f"Container name length of {len(name.encode())} longer than "
                                  f"{CONTAINER_MAX_BYTES}")
        with self._lock:
            if name in self._containers:
                return False
            container = Container(name, escape_name(name), self._clock.time())
            cdir = self._cdir(container)
            cdir.mkdir(exist_ok=True)
            write_json_atomic(cdir / ".container.json",
                              {"name": name, "created": container.created})
            self._containers[name] = container
            return True

    def delete_container(self, name: str) -> None:
        with self._lock:
            container = self._containers.get(name)
            if container is None:
                raise StoreError(404, "")
            if container.objects:
                raise StoreError(409, "")
            del self._containers[name]
            shutil.rmtree(self._cdir(container), ignore_errors=True)

    def objects(self, container: str) -> list[ObjectMeta]:
        with self._lock:
            c = self._containers.get(container)
            if c is None:
                raise StoreError(404, "")
            return sorted(c.objects.values(), key=lambda m: name_key(m.name))

    # --- objects ------------------------------------------------------------------------------

    def _existing(self, container: str) -> Container:
        c = self._containers.get(container)
        if c is None:
            raise StoreError(404, "")
        return c

    def put_object(self, container: str, name: str, body: Readable, *, max_size: int,
                   content_type: str, expected_etag: str | None = None,
                   manifest: str | None = None,
                   user_meta: dict[str, str] | None = None) -> ObjectMeta:
        """Stream ``body`` into the object; 404, 413 or 422 as :class:`StoreError`."""
        check_object_name(name)
        with self._lock:
            self._existing(container)
        tmp = self._tmp / uuid.uuid4().hex
        digest = hashlib.md5(usedforsecurity=False)
        size = 0
        try:
            with tmp.open("wb") as f:
                while chunk := body.read(CHUNK):
                    size += len(chunk)
                    if size > max_size:
                        raise StoreError(413, "")
                    digest.update(chunk)
                    f.write(chunk)
            etag = digest.hexdigest()
            if expected_etag is not None and expected_etag.strip('"').lower() != etag:
                raise StoreError(422, "")
            meta = ObjectMeta(name, size, etag, content_type, self._clock.time(), manifest=manifest,
                              user_meta=dict(user_meta or {}))
            self._commit(container, meta, tmp)
            return meta
        finally:
            tmp.unlink(missing_ok=True)

    def put_slo(self, container: str, name: str, manifest: Any, *, content_type: str,
                expected_etag: str | None = None,
                user_meta: dict[str, str] | None = None) -> ObjectMeta:
        """Store a static large object made of existing segments; 400 when they do not fit."""
        check_object_name(name)
        if not isinstance(manifest, list) or not manifest:
            raise StoreError(400, "Manifest must be a non-empty JSON list of segments.\n")
        if len(manifest) > SLO_MAX_SEGMENTS:
            raise StoreError(400, f"Too many segments; at most {SLO_MAX_SEGMENTS} are "
                                  "allowed.\n")
        errors: list[str] = []
        stored: list[dict[str, Any]] = []
        with self._lock:
            self._existing(container)
            for index, item in enumerate(manifest):
                segment, error = self._slo_segment(index, item, last=index == len(manifest) - 1)
                if error:
                    errors.append(error)
                elif segment is not None:
                    stored.append(segment)
        if errors:
            raise StoreError(400, "Errors:\n" + "\n".join(errors) + "\n")
        data = json.dumps(stored).encode()
        meta = ObjectMeta(name, len(data), md5_hex(data), content_type, self._clock.time(),
                          slo=stored, user_meta=dict(user_meta or {}))
        if expected_etag is not None and expected_etag.strip('"').lower() != meta.slo_etag:
            raise StoreError(422, "")
        tmp = self._tmp / uuid.uuid4().hex
        try:
            tmp.write_bytes(data)
            self._commit(container, meta, tmp)
        finally:
            tmp.unlink(missing_ok=True)
        return meta

    def _slo_segment(self, index: int, item: Any, *, last: bool
                     ) -> tuple[dict[str, Any] | None, str | None]:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            return None, f"Index {index}, each segment must be an object with a path"
        path = item["path"]
        unknown = sorted(set(item) - {"path", "etag", "size_bytes"})
        if unknown:
            return None, f"{path}, unsupported keys: {', '.join(unknown)}"
        seg_container, _, seg_name = path.lstrip("/").partition("/")
        if not path.startswith("/") or not seg_container or not seg_name:
            return None, f"{path}, path must be of the form /container/object"
        etag, size = item.get("etag"), item.get("size_bytes")
        if etag is not None and not isinstance(etag, str):
            return None, f"{path}, etag must be a string or null"
        if size is not None and (isinstance(size, bool) or not isinstance(size, int)):
            return None, f"{path}, size_bytes must be an integer or null"
        c = self._containers.get(seg_container)  # not percent-decoded, as in Swift's SLO
        meta = c.objects.get(seg_name) if c is not None else None
        if meta is None:
            return None, f"{path}, 404 Not Found"
        if meta.kind != "plain":
            return None, f"{path}, segments must be plain objects (no nested manifests)"
        if etag is not None and etag.strip('"').lower() != meta.etag:
            return None, f"{path}, Etag Mismatch"
        if size is not None and size != meta.bytes:
            return None, f"{path}, Size Mismatch"
        if meta.bytes < SLO_MIN_SEGMENT_SIZE and not last:
            return None, (f"{path}, Too small; each segment must be at least "
                          f"{SLO_MIN_SEGMENT_SIZE} byte.")
        return {"name": f"/{seg_container}/{seg_name}",
                "bytes": meta.bytes, "hash": meta.etag, "content_type": meta.content_type,
                "last_modified": listing_time(meta.timestamp)}, None

    def _commit(self, container: str, meta: ObjectMeta, tmp: Path) -> None:
        with self._lock:
            c = self._existing(container)  # it may have been deleted during the upload
            data = self.data_path(c, meta.name)
            os.replace(tmp, data)
            write_json_atomic(data.with_suffix(".json"), asdict(meta))
            c.objects[meta.name] = meta

    def meta(self, container: str, name: str) -> ObjectMeta | None:
        with self._lock:
            c = self._containers.get(container)
            return c.objects.get(name) if c is not None else None

    def stored(self, container: str, name: str) -> tuple[ObjectMeta, Path] | None:
        """The object's own stored body (a manifest's manifest), without assembling."""
        with self._lock:
            c = self._containers.get(container)
            meta = c.objects.get(name) if c is not None else None
            if c is None or meta is None:
                return None
            return meta, self.data_path(c, name)

    def view(self, container: str, name: str) -> ObjectView | None:
        """The object as GET assembles it; 409 when an SLO segment is gone or changed."""
        with self._lock:
            c = self._containers.get(container)
            meta = c.objects.get(name) if c is not None else None
            if c is None or meta is None:
                return None
            if meta.kind == "plain":
                part = Part(self.data_path(c, name), meta.bytes)
                return ObjectView(meta, (part,), meta.bytes, meta.etag)
            if meta.kind == "slo":
                return self._slo_view(meta)
            return self._dlo_view(container, meta)

    def _slo_view(self, meta: ObjectMeta) -> ObjectView:
        parts = []
        for segment in meta.slo or []:
            seg_container, _, seg_name = segment["name"][1:].partition("/")
            c = self._containers.get(seg_container)
            seg = c.objects.get(seg_name) if c is not None else None
            if c is None or seg is None or seg.etag != segment["hash"]:
                raise StoreError(409, f"Segment {segment['name']} is missing or was changed.")
            parts.append(Part(self.data_path(c, seg_name), seg.bytes))
        return ObjectView(meta, tuple(parts), meta.slo_bytes, f'"{meta.slo_etag}"')

    def _dlo_view(self, container: str, meta: ObjectMeta) -> ObjectView:
        assert meta.manifest is not None
        seg_container, _, prefix = unquote(meta.manifest).partition("/")
        c = self._containers.get(seg_container)
        if c is None:
            return ObjectView(meta, (), 0, f'"{md5_hex()}"')
        segments = sorted(
            (m for m in c.objects.values()
             if m.name.startswith(prefix) and m.kind == "plain"
             and not (seg_container == container and m.name == meta.name)),
            key=lambda m: name_key(m.name),
        )
        parts = tuple(Part(self.data_path(c, m.name), m.bytes) for m in segments)
        etag = md5_hex("".join(m.etag for m in segments).encode())
        return ObjectView(meta, parts, sum(m.bytes for m in segments), f'"{etag}"')

    def delete_object(self, container: str, name: str) -> ObjectMeta:
        with self._lock:
            c = self._existing(container)
            meta = c.objects.pop(name, None)
            if meta is None:
                raise StoreError(404, "")
            data = self.data_path(c, name)
            data.with_suffix(".json").unlink(missing_ok=True)
            data.unlink(missing_ok=True)
            return meta


def check_object_name(name: str) -> None:
    if not name or len(name.encode()) > OBJECT_MAX_BYTES:
        raise StoreError(400, f"Object name length of {len(name.encode())} longer than "
                              f"{OBJECT_MAX_BYTES}")


def filter_listing(names: list[str], *, prefix: str, marker: str, end_marker: str,
                   delimiter: str, limit: int) -> list[tuple[str, bool]]:
    """Swift's listing rules over sorted names: (name, is_subdir) pairs, at most ``limit``."""
    out: list[tuple[str, bool]] = []
    last_subdir: str | None = None
    mkey, ekey = name_key(marker), name_key(end_marker)
    for name in names:
        if len(out) >= limit:
            break
        if not name.startswith(prefix):
            continue
        key = name_key(name)
        if marker and key <= mkey:
            continue
        if end_marker and key >= ekey:
            break
        if delimiter:
            cut = name.find(delimiter, len(prefix))
            if cut >= 0:
                subdir = name[: cut + len(delimiter)]
                if subdir == last_subdir or (marker and name_key(subdir) <= mkey):
                    continue
                last_subdir = subdir
                out.append((subdir, True))
                continue
        out.append((name, False))
    return out
