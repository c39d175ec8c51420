"""The names inside a Linux initramfs, read without unpacking it: is virtio_blk in there?

An initramfs is one or more "newc" cpio archives laid end to end, each either plain or compressed
as a whole; dracut and initramfs-tools put an uncompressed early-microcode archive first and the
real one, gzip/xz/lzma/bzip2/zstd/lz4-compressed, after it (the kernel's
``init/initramfs.c`` reads it the same way, skipping zero padding between the parts). Only the
member *names* are wanted, so file contents are skipped as they stream past: memory stays at one
chunk whatever the archive's size.

Hand-written because the stdlib has no cpio reader and the cpio packages on PyPI extract to disk
or hold the whole archive; the newc header is 110 ASCII bytes. gzip, xz, lzma and bzip2 come from
the stdlib; zstd and lz4 have no stdlib decompressor, so such a part ends the listing as
"incomplete" (the probe then says "cannot tell" rather than "absent").

Hostile input: every count and size is bounded (entries, decompressed bytes, name length), a
damaged header ends the listing as incomplete, and nothing here raises on bad bytes.
"""

from __future__ import annotations

import bz2
import logging
import lzma
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

log = logging.getLogger(__name__)

#: a real initramfs holds a few thousand files; Ubuntu's with all firmware, some 10,000
MAX_ENTRIES = 200_000
#: decompressed bytes read in all (an initramfs unpacks to some 50-300 MiB)
MAX_OUTPUT = 1024 * 1024 * 1024
#: PATH_MAX: a longer name is a damaged header
MAX_NAME = 4096

_CHUNK = 1024 * 1024
_HEADER = 110
_TRAILER = "TRAILER!!!"
_CPIO_MAGICS = (b"070701", b"070702")

#: compressed parts the kernel accepts and the stdlib cannot read
_UNREADABLE = {b"\x28\xb5\x2f\xfd": "zstd", b"\x02\x21\x4c\x18": "lz4 (legacy)",
               b"\x04\x22\x4d\x18": "lz4", b"\x89LZO": "lzo"}


@dataclass(frozen=True)
class Listing:
    """The member names found, and whether that is all of them."""

    names: tuple[str, ...]
    #: False: a part could not be read (unknown compression, damage) or a bound was reached,
    #: so a name missing from ``names`` may still be in the archive
    complete: bool
    why: str = ""  # why it is incomplete, for the log


class _Incomplete(Exception):
    """Stop listing: the reason is the message."""


class _Budget:
    """Decompressed bytes and entries used so far, across all parts."""

    def __init__(self, max_entries: int, max_output: int,
                 stop_at: Callable[[str], bool] | None) -> None:
        self.max_entries = max_entries
        self.stop_at = stop_at
        self.max_output = max_output
        self.output = 0
        self.names: list[str] = []

    def spend(self, n: int) -> None:
        self.output += n
        if self.output > self.max_output:
            raise _Incomplete(f"more than {self.max_output} bytes decompressed")


class _Source:
    """A sequential byte source with read(n) and skip(n): plain bytes or a decompressed part."""

    def __init__(self, chunks: Iterator[bytes | memoryview]) -> None:
        self._chunks = chunks
        self._buf = b""
        self._pos = 0

    def _fill(self) -> bool:
        for chunk in self._chunks:
            if chunk:
                self._buf = self._buf[self._pos:] + bytes(chunk)
                self._pos = 0
                return True
        return False

    def read(self, n: int) -> bytes:
        while len(self._buf) - self._pos < n:
            if not self._fill():
                break
        out = self._buf[self._pos:self._pos + n]
        self._pos += len(out)
        return out

    def skip(self, n: int) -> bool:
        """Skip n bytes; False when the source ends first."""
        while n > 0:
            available = len(self._buf) - self._pos
            if available >= n:
                self._pos += n
                return True
            n -= available
            self._buf, self._pos = b"", 0
            if not self._fill():
                return False
        return True

    def peek(self, n: int) -> bytes:
        while len(self._buf) - self._pos < n:
            if not self._fill():
                break
        return self._buf[self._pos:self._pos + n]

    def skip_zeros(self) -> bool:
        """Skip zero padding; False when nothing follows it."""
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos] == 0:
                self._pos += 1
            if self._pos < len(self._buf):
                return True
            if not self._fill():
                return False


def list_names(data: bytes, *, max_entries: int = MAX_ENTRIES, max_output: int = MAX_OUTPUT,
               stop_at: Callable[[str], bool] | None = None) -> Listing:
    """The member names of the initramfs in ``data`` (the image file's bytes).

    ``stop_at``: stop at the first name it accepts (that name is the last one listed; the
    listing then says incomplete): decompressing the rest would only cost time.
    """
    budget = _Budget(max_entries, max_output, stop_at)
    try:
        _walk(data, budget)
    except _Incomplete as stop:
        log.debug("initramfs listing incomplete: %s", stop)
        return Listing(tuple(budget.names), False, str(stop))
    except (zlib.error, lzma.LZMAError, OSError, EOFError, ValueError) as exc:
        # a corrupt compressed stream (bz2 raises OSError, lzma LZMAError, zlib zlib.error)
        log.debug("initramfs part damaged: %s", exc)
        return Listing(tuple(budget.names), False, f"damaged compressed part: {exc}")
    return Listing(tuple(budget.names), True)


def _walk(data: bytes, budget: _Budget) -> None:
    """The parts laid end to end: plain cpio archives and compressed ones."""
    view = memoryview(data)
    pos = 0
    for _part in range(1024):  # every part moves pos on; the bound stops endless tiny parts
        while pos < len(data) and data[pos] == 0:
            pos += 1
        if pos >= len(data):
            return
        head = bytes(view[pos:pos + 6])
        if head in _CPIO_MAGICS:
            plain = _Source(view[i:i + _CHUNK] for i in range(pos, len(data), _CHUNK))
            pos += _archives(plain, budget, compressed=False)
            continue
        inflater = _Inflater.for_magic(head)
        if inflater is None:
            name = next((v for k, v in _UNREADABLE.items() if head.startswith(k)), "")
            raise _Incomplete(f"{name} part (no decompressor here)" if name
                              else f"unknown data at byte {pos}")
        source = _Source(inflater.chunks(view[pos:], budget))
        _archives(source, budget, compressed=True)
        if not inflater.eof:
            raise _Incomplete("compressed part truncated")
        pos += inflater.used
    raise _Incomplete("too many parts")


class _Inflater:
    """One compressed part: its decompressed chunks, then how many input bytes it used."""

    def __init__(self, z: zlib._Decompress | None,
                 stream: lzma.LZMADecompressor | bz2.BZ2Decompressor | None) -> None:
        self._z = z
        self._stream = stream
        self.used = 0  # input bytes of this part, known once eof is True

    @classmethod
    def for_magic(cls, head: bytes) -> _Inflater | None:
        if head.startswith(b"\x1f\x8b"):
            return cls(zlib.decompressobj(wbits=31), None)  # gzip
        if head.startswith(b"\xfd7zXZ\x00"):
            return cls(None, lzma.LZMADecompressor(format=lzma.FORMAT_XZ))
        if head.startswith(b"\x5d\x00\x00"):
            return cls(None, lzma.LZMADecompressor(format=lzma.FORMAT_ALONE))  # legacy .lzma
        if head.startswith(b"BZh"):
            return cls(None, bz2.BZ2Decompressor())
        return None

    @property
    def eof(self) -> bool:
        if self._z is not None:
            return self._z.eof
        return self._stream is not None and self._stream.eof

    def chunks(self, data: memoryview, budget: _Budget) -> Iterator[bytes]:
        """Decompressed chunks of at most _CHUNK bytes each (a bomb stays one chunk)."""
        pos = 0
        if self._z is not None:
            # zlib keeps input it had no room for in unconsumed_tail
            z = self._z
            while not z.eof:
                feed = z.unconsumed_tail
                if not feed:
                    feed = bytes(data[pos:pos + _CHUNK])
                    pos += len(feed)
                out = z.decompress(feed, _CHUNK)
                if not out and not feed:
                    return  # truncated: no input left and nothing more comes out
                budget.spend(len(out))
                yield out
            self.used = pos - len(z.unused_data)
            return
        stream = self._stream
        if stream is None:
            return
        while not stream.eof:
            feed = b""
            if stream.needs_input:
                feed = bytes(data[pos:pos + _CHUNK])
                pos += len(feed)
                if not feed:
                    return  # truncated
            out = stream.decompress(feed, _CHUNK)
            budget.spend(len(out))
            yield out
        self.used = pos - len(stream.unused_data)


def _archives(source: _Source, budget: _Budget, *, compressed: bool) -> int:
    """Read cpio archives from source; returns the bytes they used.

    A plain part ends with its trailer, so the caller goes on with what follows (zero padding,
    a compressed part); a decompressed part holds only archives and padding, to its end.
    """
    used = 0
    while True:
        used += _one_archive(source, budget)
        if not compressed:
            return used
        if not source.skip_zeros():
            return used
        if source.peek(6) not in _CPIO_MAGICS:
            raise _Incomplete("junk inside a compressed part")


def _one_archive(source: _Source, budget: _Budget) -> int:
    """One cpio archive up to and including its trailer; returns its length in bytes."""
    length = 0
    while True:
        header = source.read(_HEADER)
        if len(header) < _HEADER:
            raise _Incomplete("cpio archive truncated")
        if header[:6] not in _CPIO_MAGICS:
            raise _Incomplete("cpio header damaged")
        try:
            filesize = int(header[54:62], 16)
            namesize = int(header[94:102], 16)
        except ValueError:
            raise _Incomplete("cpio header damaged") from None
        if not 0 < namesize <= MAX_NAME:
            raise _Incomplete("cpio name length out of range")
        name_pad = (4 - (_HEADER + namesize) % 4) % 4
        raw = source.read(namesize + name_pad)
        if len(raw) < namesize + name_pad:
            raise _Incomplete("cpio archive truncated")
        name = raw[:namesize].rstrip(b"\x00").decode("utf-8", "replace")
        data_len = filesize + (4 - filesize % 4) % 4
        length += _HEADER + namesize + name_pad + data_len
        if name == _TRAILER:
            return length
        if len(budget.names) >= budget.max_entries:
            raise _Incomplete(f"more than {budget.max_entries} entries")
        name = name.removeprefix("./")
        budget.names.append(name)
        if budget.stop_at is not None and budget.stop_at(name):
            raise _Incomplete(f"stopped at {name}")
        if not source.skip(data_len):
            raise _Incomplete("cpio archive truncated")
