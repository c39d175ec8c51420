"""The local journal of an upload: which segments were verified, and the result when done.

The server is the truth (a resume checks every segment there); the journal adds what the server
cannot say: the MD5 (and CRC32) we computed for each segment we sent, and the SHA1 of a finished
upload. It only speaks for the file it was written for: it records that file's device, inode,
size, mtime and ctime in nanoseconds, and :attr:`UploadJournal.proven` is true only when the file
is still exactly that one. Name, size and mtime alone prove nothing (``touch -r``, ``cp -p``,
rsync and unzip give another file the same), and the ctime cannot be set back by a user. When
the journal does not prove the file, what is on the server is proven by content instead.

One small JSON file per upload, replaced atomically (temporary file, fsync, rename) so a crash
leaves the old or the new version, never half of one. It is read through checks: a journal that
is not what this version writes (edited by hand, from a bug, half a disk) is renamed aside to
``*.bad`` with a warning, and the upload goes on as if there were none. It must never stop every
later run of the same upload. The folder is 0700 and the files 0600: they name the user's disks
and containers.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vmdkimport.core import paths
from vmdkimport.core.disk.source import FileFingerprint
from vmdkimport.core.upload.segments import UploadIdentity

log = logging.getLogger(__name__)

_MD5 = re.compile(r"[0-9a-f]{32}")
_SHA1 = re.compile(r"[0-9a-f]{40}")
_MANIFESTS = frozenset({"dlo", "slo", "none", "existing"})
_FINGERPRINT_KEYS = frozenset(FileFingerprint.__dataclass_fields__)


@dataclass(frozen=True)
class SegmentRecord:
    """What was verified for one segment: the MD5 Swift confirmed, and the CRC32 of the same
    bytes (the SHA1 pass compares its own read with it)."""

    md5: str
    crc32: int


@dataclass
class JournalState:
    identity: dict[str, Any]
    file: dict[str, int] | None = None  # the FileFingerprint it was written for
    segments: dict[int, SegmentRecord] = field(default_factory=dict)
    manifest: str | None = None  # "dlo" | "slo" | "none" | "existing" once done
    sha1: str | None = None


class BadJournal(ValueError):
    """A journal file that is not what this version writes."""


def uploads_dir() -> Path:
    return paths.data_dir() / "uploads"


def parse(data: object, identity: dict[str, Any] | None = None) -> JournalState:
    """A journal's JSON, checked field by field; :class:`BadJournal` says what is wrong."""
    if not isinstance(data, dict):
        raise BadJournal("not a JSON object")
    ident = data.get("identity")
    if not isinstance(ident, dict) or (identity is not None and ident != identity):
        raise BadJournal("identity does not match its file name")
    file = data.get("file")
    if file is not None and not (
            isinstance(file, dict) and set(file) == _FINGERPRINT_KEYS
            and all(type(v) is int for v in file.values())):
        raise BadJournal("file is not a fingerprint")
    raw = data.get("segments") or {}
    if not isinstance(raw, dict):
        raise BadJournal("segments is not an object")
    segments: dict[int, SegmentRecord] = {}
    for key, value in raw.items():
        if not (isinstance(key, str) and key.isdigit() and len(key) < 10):
            raise BadJournal(f"segment key {key!r} is not a number")
        if not (isinstance(value, dict) and isinstance(value.get("md5"), str)
                and _MD5.fullmatch(value["md5"]) and type(value.get("crc32")) is int
                and 0 <= value["crc32"] < 2**32):
            raise BadJournal(f"segment {key} is not an MD5 and a CRC32")
        segments[int(key)] = SegmentRecord(value["md5"], value["crc32"])
    manifest, sha1 = data.get("manifest"), data.get("sha1")
    if manifest is not None and manifest not in _MANIFESTS:
        raise BadJournal("manifest is not a known kind")
    if sha1 is not None and not (isinstance(sha1, str) and _SHA1.fullmatch(sha1)):
        raise BadJournal("sha1 is not a SHA1")
    return JournalState(identity=ident, file=file, segments=segments, manifest=manifest,
                        sha1=sha1)


def set_aside(path: Path, why: str) -> None:
    """Rename a bad journal to ``*.bad`` (kept for a bug report) and say so in the log."""
    target = path.with_name(path.name + ".bad")
    try:
        os.replace(path, target)
    except OSError as exc:
        log.warning("upload journal %s is unusable (%s) and could not be set aside: %s",
                    path, why, exc)
        return
    log.warning("upload journal %s is unusable (%s); set aside as %s, the upload goes on "
                "without it", path, why, target.name)


class UploadJournal:
    """Thread-safe journal of one upload, for the file ``fingerprint`` describes."""

    def __init__(self, identity: UploadIdentity, directory: Path | None = None,
                 fingerprint: FileFingerprint | None = None) -> None:
        self.directory = paths.private_dir(directory or uploads_dir())
        self.path = self.directory / f"{identity.key}.json"
        self._lock = threading.Lock()
        self._file = fingerprint.to_dict() if fingerprint is not None else None
        ident = dict(identity.__dict__)
        loaded = self._load(ident)
        #: the journal was written for this very file, unchanged since: its records hold
        self.proven = (loaded is not None and self._file is not None
                       and loaded.file == self._file)
        self.state = loaded if loaded is not None and self.proven else JournalState(
            identity=ident, file=self._file)

    def _load(self, ident: dict[str, Any]) -> JournalState | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            set_aside(self.path, f"cannot be read: {exc}")
            return None
        try:
            return parse(json.loads(text), ident)
        except ValueError as exc:  # BadJournal, or not JSON at all
            set_aside(self.path, str(exc))
            return None

    def _save(self) -> None:
        payload = {"identity": self.state.identity, "file": self.state.file,
                   "segments": {str(k): {"md5": v.md5, "crc32": v.crc32}
                                for k, v in sorted(self.state.segments.items())},
                   "manifest": self.state.manifest, "sha1": self.state.sha1}
        # mkstemp creates the file 0600, and the rename keeps that mode
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".journal-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(payload, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def verified(self, index: int) -> SegmentRecord | None:
        with self._lock:
            return self.state.segments.get(index)

    def verified_md5(self, index: int) -> str | None:
        record = self.verified(index)
        return record.md5 if record else None

    def record_segment(self, index: int, md5: str, crc32: int) -> None:
        with self._lock:
            self.state.segments[index] = SegmentRecord(md5, crc32)
            self._save()

    def record_done(self, manifest: str, sha1: str) -> None:
        with self._lock:
            self.state.manifest = manifest
            self.state.sha1 = sha1
            self._save()

    def remove(self) -> None:
        with self._lock, contextlib.suppress(OSError):
            self.path.unlink()


def all_journals(directory: Path | None = None) -> list[dict[str, Any]]:
    """Every usable journal on this machine (for ``cleanup``: uploads that may still be resumed)."""
    base = directory or uploads_dir()
    out = []
    for path in sorted(base.glob("*.json")) if base.exists() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            parse(data)
        except (OSError, ValueError):
            continue
        data["journal"] = str(path)
        out.append(data)
    return out
