"""The local journal of an upload: which segments were verified, and the result when done.

The server is the truth (a resume checks every segment there); the journal adds what the server
cannot say: the MD5 we computed for each segment, so a segment found on the server can be
trusted without reading it again locally, and the SHA1 of a finished upload. One small JSON file
per upload, replaced atomically (temporary file, fsync, rename) so a crash leaves the old or the
new version, never half of one.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vmdkimport.core import paths
from vmdkimport.core.upload.segments import UploadIdentity


@dataclass
class JournalState:
    identity: dict[str, Any]
    segments: dict[int, str] = field(default_factory=dict)  # index -> verified MD5
    manifest: str | None = None  # "dlo" | "slo" once the manifest is written
    sha1: str | None = None


class UploadJournal:
    """Thread-safe journal of one upload."""

    def __init__(self, identity: UploadIdentity, directory: Path | None = None) -> None:
        self.directory = directory or paths.data_dir() / "uploads"
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / f"{identity.key}.json"
        self._lock = threading.Lock()
        self.state = self._load(identity)

    def _load(self, identity: UploadIdentity) -> JournalState:
        ident = dict(identity.__dict__)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return JournalState(identity=ident)
        if not isinstance(data, dict) or data.get("identity") != ident:
            return JournalState(identity=ident)
        segments = {int(k): str(v) for k, v in (data.get("segments") or {}).items()}
        return JournalState(identity=ident, segments=segments, manifest=data.get("manifest"),
                            sha1=data.get("sha1"))

    def _save(self) -> None:
        payload = {"identity": self.state.identity,
                   "segments": {str(k): v for k, v in sorted(self.state.segments.items())},
                   "manifest": self.state.manifest, "sha1": self.state.sha1}
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

    def verified_md5(self, index: int) -> str | None:
        with self._lock:
            return self.state.segments.get(index)

    def record_segment(self, index: int, md5: str) -> None:
        with self._lock:
            self.state.segments[index] = md5
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
    """Every journal on this machine (for ``cleanup``: uploads that may still be resumed)."""
    base = directory or paths.data_dir() / "uploads"
    out = []
    for path in sorted(base.glob("*.json")) if base.exists() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            data["journal"] = str(path)
            out.append(data)
    return out
