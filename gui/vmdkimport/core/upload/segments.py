"""What an upload is made of: its identity, its segments and the request.

The source (a byte range of a local file) is :class:`~vmdkimport.core.disk.source.UploadSource`:
the disk pre-flight makes it, so it lives with the disk code.

Segment names are deterministic from the upload's identity, never from the wall clock, so a
re-run after a crash finds the segments the last run left. They follow python-swiftclient's
layout, ``<container>_segments/<object>/<mtime>/<size>/<segment size>/<index:08d>``, so the
``swift`` CLI lists and deletes them like its own (``swift delete C OBJ`` follows the DLO prefix).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.errors import ConfigError
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text

MiB = 1024 * 1024
GiB = 1024 * MiB

#: Default segment size. The provider's own example splits into 200 MB pieces and community
#: scripts use 1 GB. 256 MiB keeps what an interruption can cost small (at most
#: threads x 256 MiB in flight is resent) on slow office links, needs 1,200 segments for a
#: 300 GB disk (DLO has no segment-count limit; for SLO the size is raised to fit the
#: cluster's max_manifest_segments), and the per-request overhead is negligible at that size.
DEFAULT_SEGMENT_SIZE = 256 * MiB
#: Default parallel segments: enough streams to fill a long-latency WAN link where one TCP
#: stream is window-limited, few enough not to thrash a workstation disk or crowd the office
#: uplink. swiftclient defaults to 10; 4 measured as good here (see benchmarks/upload.py).
DEFAULT_THREADS = 4
#: The smallest segment, unless the cluster's single-object limit is smaller still.
MIN_SEGMENT_SIZE = 1 * MiB
#: The most segments one upload is cut into: 10,000 is one listing page of a segment prefix
#: and a few MB of bookkeeping, and at the default size it is a 2.5 TiB disk. A 300 GB disk
#: still goes in segments as small as 30 MiB.
MAX_SEGMENTS = 10_000


@dataclass(frozen=True)
class Segment:
    index: int
    offset: int  # within the source range
    length: int
    name: str  # object name in the segment container


@dataclass(frozen=True)
class UploadIdentity:
    """Everything that makes two runs 'the same upload'."""

    container: str
    object_name: str
    size: int
    mtime_ns: int
    segment_size: int
    source_offset: int = 0

    @property
    def segment_container(self) -> str:
        return f"{self.container}_segments"

    @property
    def segment_prefix(self) -> str:
        """``<object>/<mtime>/<size>/<segment size>/`` as swiftclient writes it.

        swiftclient formats mtime as seconds with 6 decimals; an OVA member adds its offset so
        two members of one archive never share segments.
        """
        mtime = f"{self.mtime_ns / 1e9:.6f}"
        size = f"{self.size}" if not self.source_offset else f"{self.size}@{self.source_offset}"
        return f"{self.object_name}/{mtime}/{size}/{self.segment_size}/"

    @property
    def key(self) -> str:
        """A short stable id for the local journal's file name."""
        raw = f"{self.container}\0{self.segment_prefix}".encode()
        import hashlib  # here, not at import: loading OpenSSL costs the wizard's start

        return hashlib.sha256(raw).hexdigest()[:32]

    def source_tag(self) -> str:
        """Stored as object metadata so a later run recognises an identical upload."""
        return f"{self.size}:{self.mtime_ns}:{self.source_offset}"


def choose_segment_size(size: int, requested: int | None, *, max_file_size: int,
                        max_segments: int | None = None) -> int:
    """The segment size to use: the request (or default), within sane bounds and the cluster's.

    - Never below :data:`MIN_SEGMENT_SIZE` (``--segment-size 1`` is a typo for ``1G``, not a wish
      for a billion requests), unless the cluster's single-object limit is lower still.
    - Never above the single-object limit (``max_file_size``, at least 1).
    - At most :data:`MAX_SEGMENTS` segments (and, for SLO, ``max_manifest_segments``): every
      segment costs a request, a journal entry and a line in the manifest, and 3,000,000 of them
      took ~1 GB of memory. For SLO the size is raised to fit the manifest (it was the user's
      choice of manifest, not of count); otherwise it is an error that says what to change.
    """
    max_file_size = max(1, max_file_size)
    segment = min(max(requested or DEFAULT_SEGMENT_SIZE, MIN_SEGMENT_SIZE), max_file_size)
    if max_segments and size > segment * max_segments:
        segment = -(-size // max_segments)
        if segment > max_file_size:
            raise ConfigError(
                Text("A {size} byte file needs more than {max_segments} segments of at most "
                     "{max_file_size} bytes, the limits of this object storage.", size=size,
                     max_segments=max_segments, max_file_size=max_file_size),
                Text("Use a DLO manifest (--manifest dlo), which has no segment-count limit."),
                Field.DISK)
    count = -(-size // segment)
    if count > MAX_SEGMENTS:
        if segment >= max_file_size:
            raise ConfigError(
                Text("A {size} byte file needs {count} segments of {segment} bytes, the largest "
                     "object this object storage accepts; this tool sends at most {limit}.",
                     size=size, count=count, segment=segment, limit=MAX_SEGMENTS),
                Text("The object storage's size limit (max_file_size in its /info) is too small "
                     "for this disk: ask the provider, or use another object storage."),
                Field.ENDPOINTS)
        raise ConfigError(
            Text("A {size} byte file in segments of {segment} bytes makes {count} segments; "
                 "this tool sends at most {limit}.", size=size, segment=segment, count=count,
                 limit=MAX_SEGMENTS),
            Text("Choose a larger segment size (--segment-size), for example 256M, the "
                 "default."), Field.DISK)
    return segment


def plan_segments(identity: UploadIdentity) -> list[Segment]:
    """The segments of an upload, in order. An empty file still has one (empty) segment."""
    out: list[Segment] = []
    offset, index = 0, 0
    while offset < identity.size or index == 0:
        length = min(identity.segment_size, identity.size - offset)
        out.append(Segment(index, offset, length, f"{identity.segment_prefix}{index:08d}"))
        offset += length
        index += 1
        if length == 0:
            break
    return out


# The upload's request lives here, not in :mod:`vmdkimport.core.upload.uploader`, so the wizard's
# plan can hold one without loading the HTTP stack.


class Manifest(StrEnum):
    """How the segments are joined into one object."""

    DLO = "dlo"
    SLO = "slo"


@dataclass(frozen=True)
class UploadRequest:
    source: UploadSource
    container: str
    object_name: str
    segment_size: int | None = None
    threads: int = DEFAULT_THREADS
    manifest: Manifest = Manifest.DLO
    limit_rate: float | None = None  # bytes per second, shared by all threads
    overwrite: bool = False
    max_attempts: int = 8
    backoff: float = 1.0
    max_backoff: float = 60.0
