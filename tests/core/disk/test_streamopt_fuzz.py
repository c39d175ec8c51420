"""Hypothesis over grain layouts: which grains are allocated, zero, random, compressible or
partly written, on small disks whose size need not be a whole grain, read through ranges that
need not be merged or grain-aligned. Whatever the layout and the settings, qemu-img must find
the output identical to the source, our reader must read it back, and the bytes must not depend
on the thread count, the chunk size or the read size.
"""

from __future__ import annotations

import hashlib
import os
import random
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import corpus
from vmdkimport.core.disk.diskformat import DiskFormatError
from vmdkimport.core.disk.streamopt import GRAIN_BYTES, ConvertSettings, StreamConverter
from vmdkimport.core.disk.virtual import open_virtual_disk

SECTOR = 512
GRAIN_SECTORS = GRAIN_BYTES // SECTOR
#: grains of the largest disk tried: past two grain tables (512 grains each)
MAX_GRAINS = 1100
KINDS = ("unallocated", "zero", "random", "compressible", "partial")

FUZZ = settings(max_examples=int(os.environ.get("STREAMOPT_FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


@dataclass
class LayoutDisk:
    """A disk in memory: bytes where grains were written, zeros elsewhere, and the ranges its
    "maps" claim (an allocated grain may hold zeros; a range may cover part of a grain)."""

    size: int
    grains: dict[int, bytes]  # grain number -> its bytes (only non-zero ones)
    ranges: list[tuple[int, int]]

    def pread(self, offset: int, length: int) -> bytes:
        length = max(0, min(length, self.size - offset))
        out = bytearray(length)
        first, last = offset // GRAIN_BYTES, -(-(offset + length) // GRAIN_BYTES)
        for number in range(first, last):
            data = self.grains.get(number)
            if data is None:
                continue
            start = number * GRAIN_BYTES
            lo, hi = max(start, offset), min(start + len(data), offset + length)
            if hi > lo:
                out[lo - offset:hi - offset] = data[lo - start:hi - start]
        return bytes(out)

    def allocated_ranges(self) -> Iterator[tuple[int, int]]:
        return iter(self.ranges)

    def raw(self, path: Path) -> Path:
        with path.open("wb") as f:
            f.truncate(self.size)
            for number, data in sorted(self.grains.items()):
                f.seek(number * GRAIN_BYTES)
                f.write(data)
        return path


@st.composite
def layouts(draw: st.DrawFn) -> LayoutDisk:
    grains_total = draw(st.one_of(st.integers(1, 40), st.integers(1, MAX_GRAINS)))
    size = grains_total * GRAIN_BYTES - draw(st.integers(0, GRAIN_SECTORS - 1)) * SECTOR
    kinds = draw(st.dictionaries(st.integers(0, grains_total - 1), st.sampled_from(KINDS),
                                 max_size=30))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)
    grains: dict[int, bytes] = {}
    ranges: list[tuple[int, int]] = []
    for number in sorted(kinds):
        kind = kinds[number]
        start = number * GRAIN_BYTES
        length = min(GRAIN_BYTES, size - start)
        if kind == "unallocated":
            continue
        if kind == "partial":
            first = rng.randrange(length // SECTOR) * SECTOR
            end = min(length, first + rng.randrange(1, 64) * SECTOR)
            grains[number] = bytes(first) + rng.randbytes(end - first)
            ranges.append((start + first, end - first))  # only the written sectors
            continue
        if kind == "random":
            grains[number] = rng.randbytes(length)
        elif kind == "compressible":
            grains[number] = (f"grain {number} ".encode() * GRAIN_BYTES)[:length]
        ranges.append((start, length))
    merge, repeat = draw(st.booleans()), draw(st.booleans())
    if merge:  # merged, as VirtualDisk gives them
        merged: list[tuple[int, int]] = []
        for offset, length in ranges:
            if merged and merged[-1][0] + merged[-1][1] == offset:
                merged[-1] = (merged[-1][0], merged[-1][1] + length)
            else:
                merged.append((offset, length))
        ranges = merged
    elif ranges and repeat:  # a repeated range: no grain may be written twice
        ranges.insert(draw(st.integers(0, len(ranges))), ranges[0])
    return LayoutDisk(size, grains, ranges)


run_settings = st.builds(
    ConvertSettings, level=st.sampled_from([1, 6]), threads=st.integers(1, 3),
    in_flight=st.one_of(st.none(), st.integers(1, 5)),
    chunk_bytes=st.sampled_from([SECTOR, 4096 + SECTOR, 1 << 20]),
    read_bytes=st.sampled_from([GRAIN_BYTES, 3 * GRAIN_BYTES, 1 << 20]))


def grain_lbas(data: bytes) -> list[int]:
    """The LBAs of the grain markers in a stream, walking its items from the first grain."""
    lbas: list[int] = []
    position = 128 * SECTOR
    while position + 16 <= len(data):
        value, length, kind = struct.unpack_from("<QII", data, position)
        if length:  # a grain marker: LBA, compressed size, data
            lbas.append(value)
            position += -(-(12 + length) // SECTOR) * SECTOR
        elif kind == 0:  # the end-of-stream marker
            break
        else:  # a metadata marker and the sectors it announces
            position += SECTOR + value * SECTOR
    return lbas


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus.require_qemu()
    return tmp_path_factory.mktemp("streamopt-fuzz")


@FUZZ
@given(disk=layouts(), first=run_settings, threads=st.integers(1, 4),
       chunk=st.integers(SECTOR, 300_000))
def test_any_layout_converts_to_an_identical_disk(workdir: Path, disk: LayoutDisk,
                                                  first: ConvertSettings, threads: int,
                                                  chunk: int) -> None:
    raw = disk.raw(workdir / "source.raw")
    converter = StreamConverter(disk, first, name="fuzz.vmdk")
    out = workdir / "fuzz.vmdk"
    data = b"".join(converter.chunks())
    out.write_bytes(data)
    assert corpus.qemu_identical(raw, "raw", out, "vmdk")
    with open_virtual_disk(out) as back:
        assert back.size == -(-disk.size // SECTOR) * SECTOR
        assert back.read() == raw.read_bytes()
    # the grains written are exactly the non-zero ones, each once, in order
    nonzero = [n * GRAIN_SECTORS for n, d in sorted(disk.grains.items()) if d.strip(b"\x00")]
    assert grain_lbas(data) == nonzero
    again = StreamConverter(disk, ConvertSettings(level=first.level, threads=threads,
                                                  chunk_bytes=chunk), name="fuzz.vmdk")
    assert hashlib.sha1(b"".join(again.chunks())).digest() == \
        hashlib.sha1(data).digest()


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(disk=layouts())
def test_qemu_img_check_passes(workdir: Path, disk: LayoutDisk) -> None:
    out = workdir / "check.vmdk"
    out.write_bytes(b"".join(StreamConverter(disk, ConvertSettings(threads=1)).chunks()))
    result = subprocess.run([corpus.require_qemu(), "check", "-f", "vmdk", str(out)],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


class ShortDisk(LayoutDisk):
    """A source that gives fewer bytes than asked (a file that shrank under us)."""

    def pread(self, offset: int, length: int) -> bytes:
        return super().pread(offset, length)[:-1]


def test_a_source_that_reads_short_is_an_error_not_a_wrong_disk() -> None:
    disk = ShortDisk(4 * GRAIN_BYTES, {1: b"x" * GRAIN_BYTES}, [(GRAIN_BYTES, GRAIN_BYTES)])
    with pytest.raises(DiskFormatError, match="changed or is damaged"):
        b"".join(StreamConverter(disk).chunks())


def test_ranges_outside_the_disk_are_clamped() -> None:
    disk = LayoutDisk(2 * GRAIN_BYTES, {0: b"y" * GRAIN_BYTES},
                      [(-5, 10), (0, 10 * GRAIN_BYTES), (5 * GRAIN_BYTES, 1)])
    converter = StreamConverter(disk)
    assert converter.source_bytes_total == 2 * GRAIN_BYTES
    b"".join(converter.chunks())
    assert converter.source_bytes_done == 2 * GRAIN_BYTES
