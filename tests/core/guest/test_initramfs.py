"""The initramfs lister: archives laid end to end, each compression, and hostile bytes."""

from __future__ import annotations

import bz2
import gzip
import lzma
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vmdkimport.core.guest.initramfs import list_names

MODULE = "usr/lib/modules/3.10.0-1160.el7.x86_64/kernel/drivers/block/virtio_blk.ko.xz"


def newc(files: dict[str, bytes]) -> bytes:
    """A newc cpio archive, written as the format says (a test-side writer, not the reader)."""
    out = bytearray()
    ino = 1
    for name, data in [*files.items(), ("TRAILER!!!", b"")]:
        raw = name.encode() + b"\x00"
        mode = 0o100644 if name != "TRAILER!!!" else 0
        fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(raw), 0]
        out += b"070701" + b"".join(b"%08X" % f for f in fields) + raw
        out += b"\x00" * (-len(out) % 4)
        out += data + b"\x00" * (-len(data) % 4)
        ino += 1
    return bytes(out + b"\x00" * (-len(out) % 512))


EARLY = newc({"kernel/x86/microcode/GenuineIntel.bin": b"\x01" * 1000})
MAIN = newc({"init": b"#!/bin/sh\n", MODULE: b"\xfd7zXZ" + bytes(range(256)) * 40,
             "usr/lib/modules/3.10.0-1160.el7.x86_64/modules.dep": b"x" * 3})


def test_plain_archive() -> None:
    listing = list_names(MAIN)
    assert listing.complete
    assert listing.names == ("init", MODULE, "usr/lib/modules/3.10.0-1160.el7.x86_64/modules.dep")


@pytest.mark.parametrize("compress", [gzip.compress, lzma.compress, bz2.compress,
                                      lambda b: lzma.compress(b, format=lzma.FORMAT_ALONE)],
                         ids=["gzip", "xz", "bzip2", "lzma"])
def test_early_microcode_then_compressed(compress: object) -> None:
    assert callable(compress)
    listing = list_names(EARLY + compress(MAIN))
    assert listing.complete, listing.why
    assert listing.names[0] == "kernel/x86/microcode/GenuineIntel.bin"
    assert MODULE in listing.names


def test_several_compressed_parts_and_archives_inside_one() -> None:
    two_in_one = gzip.compress(newc({"a": b"1"}) + newc({"b": b"2"}))
    third = lzma.compress(newc({"c": b""}))
    listing = list_names(EARLY + EARLY + two_in_one + b"\x00" * 64 + third)
    assert listing.complete, listing.why
    assert listing.names[-3:] == ("a", "b", "c")


def test_zstd_part_is_cannot_tell(tmp_path: Path) -> None:
    """No zstd in the stdlib: the names before it are kept, the listing says incomplete."""
    zstd = shutil.which("zstd")
    if zstd:
        (tmp_path / "main.cpio").write_bytes(MAIN)
        subprocess.run([zstd, "-q", str(tmp_path / "main.cpio")], check=True, timeout=60)
        part = (tmp_path / "main.cpio.zst").read_bytes()
    else:  # the frame magic is all the lister looks at
        part = b"\x28\xb5\x2f\xfd" + bytes(100)
    listing = list_names(EARLY + part)
    assert not listing.complete
    assert "zstd" in listing.why
    assert listing.names == ("kernel/x86/microcode/GenuineIntel.bin",)


def test_lz4_and_unknown_data_are_incomplete() -> None:
    assert not list_names(EARLY + b"\x02\x21\x4c\x18" + bytes(50)).complete
    assert "unknown" in list_names(b"hello world").why


def test_truncated_and_damaged_parts() -> None:
    packed = gzip.compress(MAIN)
    assert not list_names(packed[: len(packed) // 2]).complete
    assert not list_names(MAIN[:200]).complete
    damaged = bytearray(packed)
    damaged[40:60] = b"\xff" * 20
    assert not list_names(bytes(damaged)).complete
    junk_inside = gzip.compress(MAIN + b"junk")
    assert not list_names(junk_inside).complete


def test_bounds() -> None:
    many = newc({f"f{i}": b"" for i in range(50)})
    listing = list_names(many, max_entries=10)
    assert not listing.complete
    assert len(listing.names) == 10
    bomb = gzip.compress(newc({"big": bytes(8 * 1024 * 1024)}))
    listing = list_names(bomb, max_output=1024 * 1024)
    assert not listing.complete
    assert "decompressed" in listing.why


def test_stop_at_the_first_wanted_name() -> None:
    listing = list_names(EARLY + gzip.compress(MAIN), stop_at=lambda n: n.endswith(".ko.xz"))
    assert listing.names[-1] == MODULE
    assert not listing.complete
    assert "stopped" in listing.why


def test_empty_input_is_an_empty_complete_listing() -> None:
    assert list_names(b"").names == ()
    assert list_names(b"\x00" * 1024).complete


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048), st.integers(min_value=0, max_value=4))
def test_hostile_bytes_never_raise(junk: bytes, where: int) -> None:
    parts = [EARLY, gzip.compress(MAIN)]
    data = b"".join(parts)
    cut = len(data) * where // 4
    listing = list_names(data[:cut] + junk)
    assert isinstance(listing.complete, bool)
    list_names(junk)
    list_names(b"070701" + junk)


def test_archive_written_by_cpio_itself(tmp_path: Path) -> None:
    """The reader against GNU cpio's own newc output (the writer above is ours)."""
    cpio = shutil.which("cpio")
    tree = tmp_path / "tree"
    (tree / "lib/modules/5.4.0/kernel/drivers/scsi").mkdir(parents=True)
    (tree / "lib/modules/5.4.0/kernel/drivers/scsi/virtio_scsi.ko").write_bytes(b"\x7fELF" * 99)
    (tree / "init").write_text("#!/bin/sh\n")
    names = sorted(str(p.relative_to(tree)) for p in tree.rglob("*"))
    if cpio is None:  # a machine without cpio: the test writer stands in
        archive = newc({n: (tree / n).read_bytes() if (tree / n).is_file() else b""
                        for n in names})
    else:
        archive = subprocess.run([cpio, "-o", "-H", "newc", "--quiet"], cwd=tree,
                                 input="\n".join(names).encode(), capture_output=True,
                                 check=True, timeout=60).stdout
    listing = list_names(EARLY + gzip.compress(archive))
    assert listing.complete
    assert "lib/modules/5.4.0/kernel/drivers/scsi/virtio_scsi.ko" in listing.names
