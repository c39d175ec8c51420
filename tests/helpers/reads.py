"""Counting what a piece of code reads from disk: the bytes and the opens.

Shared by the pre-flight's tests (a 40 GiB disk must cost a few KiB of reads) and
``benchmarks/inspect_disk.py`` (which reports the same numbers against ``qemu-img info``), so the
two always count the same way. The pre-flight takes an ``opener``; :meth:`ReadCounter.open` is one.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO, cast


class ReadCounter:
    """Opens files unbuffered and counts the bytes read through them and the opens."""

    def __init__(self) -> None:
        self.bytes = 0
        self.opens = 0

    def open(self, path: Path) -> BinaryIO:
        self.opens += 1
        # A BufferedReader would read ahead and count bytes the code never asked for.
        return cast(BinaryIO, _CountingFile(path, self))


class _CountingFile(io.RawIOBase):
    def __init__(self, path: Path, counter: ReadCounter) -> None:
        super().__init__()
        self._f = path.open("rb", buffering=0)
        self._counter = counter

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._f.seek(offset, whence)

    def tell(self) -> int:
        return self._f.tell()

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = self._f.readinto(buffer) or 0
        self._counter.bytes += n
        return n

    def close(self) -> None:
        self._f.close()
        super().close()
