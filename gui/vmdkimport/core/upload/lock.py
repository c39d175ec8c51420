"""One upload to a destination at a time on this computer: an operating-system file lock.

Two runs of the same upload (the wizard and a forgotten terminal, or a script started twice)
would each send every segment and race to write the manifest. The lock is per destination,
the object storage account plus container plus object, which covers the same disk uploaded
twice and two disks aimed at one name.

Why an OS lock (``fcntl.flock``, ``msvcrt.locking`` on Windows) on a lock file in the journal
folder rather than a PID file: the kernel releases it when the process ends in any way, kill -9
and power loss included, so a crash never leaves a stale lock for the user to find and delete.
The standard library has both calls; the ``filelock`` package would add nothing we need here.
The file holds who took it (process id, disk file, start time), only to name the other upload in
the error; it is 0600 like the journal, and never deleted (deleting a lock file while another
process waits on it is how two processes end up holding "the" lock).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO

from vmdkimport.core import paths
from vmdkimport.core.errors import VmdkImportError
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text
from vmdkimport.core.upload.journal import uploads_dir


class UploadInProgress(VmdkImportError):
    """Another upload to the same destination is running on this computer."""

    retryable = True

    def __init__(self, container: str, obj: str, holder: dict[str, object]) -> None:
        super().__init__(Text(
            "Another upload to {container}/{object} is already running on this computer "
            "(process {pid}, uploading {path}, started {started}).", container=container,
            object=obj, pid=holder.get("pid", "?"), path=holder.get("path", "?"),
            started=holder.get("started", "?")))
        self.action = Text("Let that upload finish, or stop it; then run this one again (it "
                           "resumes from what is already there). To upload both, give one of "
                           "them another object name.")
        self.field = Field.OBJECT
        self.holder = holder


def lock_path(storage_url: str, container: str, obj: str, directory: Path | None = None
              ) -> Path:
    key = hashlib.sha256(f"{storage_url}\0{container}\0{obj}".encode()).hexdigest()[:32]
    return paths.private_dir(directory or uploads_dir()) / f"{key}.lock"


class UploadLock:
    """Held for the whole upload: ``with UploadLock(...):`` or :meth:`acquire`/:meth:`release`."""

    def __init__(self, storage_url: str, container: str, obj: str, *, source: Path,
                 directory: Path | None = None) -> None:
        self.path = lock_path(storage_url, container, obj, directory)
        self._container, self._object, self._source = container, obj, source
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        fh = os.fdopen(fd, "r+", encoding="utf-8")
        try:
            if not _try_lock(fh):
                raise UploadInProgress(self._container, self._object, _holder(fh))
            fh.seek(0)
            fh.truncate()
            json.dump({"pid": os.getpid(), "path": str(self._source),
                       "started": time.strftime("%Y-%m-%d %H:%M:%S")}, fh)
            fh.flush()
        except BaseException:
            fh.close()
            raise
        self._fh = fh

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is not None:
            with contextlib.suppress(OSError):
                _unlock(fh)
            fh.close()

    def __enter__(self) -> UploadLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def _holder(fh: IO[str]) -> dict[str, object]:
    with contextlib.suppress(OSError, ValueError):
        fh.seek(0)
        data = json.loads(fh.read(4096) or "{}")
        if isinstance(data, dict):
            return {k: data[k] for k in ("pid", "path", "started") if k in data}
    return {}


if sys.platform == "win32":  # pragma: no cover - exercised on the Windows CI
    import msvcrt

    def _try_lock(fh: IO[str]) -> bool:
        # locks one byte far past the text, so the holder's details stay readable by others
        fh.seek(2**30)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fh: IO[str]) -> None:
        fh.seek(2**30)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fh: IO[str]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
