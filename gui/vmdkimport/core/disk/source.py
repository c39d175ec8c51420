"""The byte range of a local file that an upload sends: a whole disk, or a VMDK inside an OVA.

It lives with the disk code because the pre-flight is what produces it (it knows where a disk
sits inside an archive); the uploader only reads the range it is given. Keeping it here means
disk code never reaches up into :mod:`vmdkimport.core.upload`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from vmdkimport.core.errors import ConfigError
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text


@dataclass(frozen=True)
class FileFingerprint:
    """What ``stat`` says about the file, down to the nanosecond: equal fingerprints mean the
    same file, unchanged (``ctime`` cannot be set back by the user, unlike ``mtime``)."""

    device: int
    inode: int
    size: int  # of the whole file
    mtime_ns: int
    ctime_ns: int

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class UploadSource:
    """A byte range of a local file: the whole file, or a VMDK member inside an OVA.

    The disk pre-flight fills ``member`` (and ``contiguous``) for a disk inside an OVA, so the
    uploader sends that range straight out of the archive, without extracting it. A sparse tar
    member is not stored as one range (``contiguous`` false) and must be extracted first.
    """

    path: Path
    offset: int = 0
    length: int | None = None  # None = to the end of the file
    member: str | None = None  # the tar member name, for a disk inside an OVA
    contiguous: bool = True

    @property
    def whole_file(self) -> bool:
        return self.member is None

    def to_dict(self) -> dict[str, object]:
        return {"path": str(self.path), "member": self.member, "offset": self.offset,
                "length": self.length, "contiguous": self.contiguous}

    def stat(self) -> tuple[int, int]:
        """(size of the range, file mtime in ns); a clear error when the file is gone."""
        if not self.contiguous:
            raise ConfigError(Text("{member} is stored in pieces inside {archive}.",
                                   member=self.member, archive=self.path.name),
                              Text("Extract the disk from the archive first, then upload that "
                                   "file."), Field.DISK)
        st = self._stat()
        available = st.st_size - self.offset
        size = available if self.length is None else self.length
        if self.offset < 0 or size < 0 or size > available:
            raise ConfigError(Text("{path} is shorter than the part to upload.", path=self.path),
                              Text("Inspect the file again; it may have changed."), Field.DISK)
        return size, st.st_mtime_ns

    def _stat(self) -> os.stat_result:
        """``os.stat`` of the file, or the one clear error for a file that is gone."""
        try:
            return os.stat(self.path)
        except OSError as exc:
            raise ConfigError(Text("{path} cannot be read: {error}.", path=self.path,
                                   error=exc.strerror or exc),
                              Text("Choose the disk file again."), Field.DISK) from None

    def fingerprint(self) -> FileFingerprint:
        """The file's identity and state now; compared before and after an upload, and kept in
        the upload's journal so that only this very file may resume it."""
        st = self._stat()
        return FileFingerprint(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
