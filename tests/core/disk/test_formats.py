"""Files that are not VMDKs are named for what they are, with the way to a VMDK."""

from __future__ import annotations

import json
import lzma
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from helpers import corpus
from vmdkimport.core.disk.diskformat import DiskReadError
from vmdkimport.core.disk.preflight import Verdict, inspect

MIB = 1024 * 1024


@pytest.mark.parametrize(("key", "kind", "qemu_format", "words"), [
    ("qcow2", "qcow2", "qcow2", "qcow2"),
    ("vhd", "vhd", "vpc", "dynamic VHD"),
    ("vhd-fixed", "vhd", "vpc", "fixed VHD"),
    ("vhdx", "vhdx", "vhdx", "VHDX"),
    ("vdi", "vdi", "vdi", "VirtualBox"),
    ("qed", "qed", "qed", "QED"),
])
def test_other_disk_formats_are_named_and_convertible(
        qemu_corpus: dict[str, Path], key: str, kind: str, qemu_format: str, words: str) -> None:
    path = qemu_corpus[key]
    result = inspect(path)
    assert result.kind == kind
    assert result.verdict is Verdict.REFUSED
    assert words in result.reasons[0]
    assert "not a VMDK" in result.reasons[0]
    assert result.conversion is not None
    assert result.conversion.source_format == qemu_format
    assert f"-f {qemu_format} -O vmdk -o subformat=streamOptimized" in (result.fix or "")
    assert result.can_convert
    if kind != "vhdx":  # VHDX keeps its size in a metadata region we do not parse
        info = json.loads(corpus.qemu("info", "--output=json", "-f", qemu_format, path))
        assert result.virtual_size == info["virtual-size"]
    assert result.suggestions.object_name == f"{path.stem}-stream.vmdk"


def test_qcow2_overlay_says_it_needs_its_base(qemu_corpus: dict[str, Path]) -> None:
    result = inspect(qemu_corpus["qcow2-overlay"])
    assert result.verdict is Verdict.REFUSED
    assert "backing file" in " ".join(result.reasons)


@pytest.mark.parametrize("gpt", [False, True])
def test_raw_disks(tmp_path: Path, gpt: bool) -> None:
    path = corpus.raw_disk(tmp_path / "server.img", 4 * MIB, data_mib=1, gpt=gpt)
    result = inspect(path)
    assert result.kind == ("raw-gpt" if gpt else "raw-mbr")
    assert result.verdict is Verdict.REFUSED
    assert ("GPT" if gpt else "MBR") in result.reasons[0]
    assert result.virtual_size == 4 * MIB
    assert result.conversion is not None
    assert result.conversion.source_format == "raw"
    assert result.suggestions.object_name == "server-stream.vmdk"


def test_a_qcow2_renamed_to_vmdk_is_caught(qemu_corpus: dict[str, Path],
                                           copy_of: Callable[..., Path]) -> None:
    result = inspect(copy_of(qemu_corpus["qcow2"], "renamed.vmdk"))
    assert result.kind == "qcow2"
    text = " ".join(result.reasons)
    assert "named .vmdk" in text
    assert "Renaming a file does not convert it" in text
    assert result.conversion is not None
    assert result.conversion.output.name == "renamed-stream.vmdk"


@pytest.mark.parametrize(("make", "kind", "words"), [
    (lambda d: corpus.iso_like(d / "install.iso"), "iso", "installed system"),
    (lambda d: corpus.gzip_of(corpus.raw_disk(d / "a.raw", MIB), d / "disk.vmdk.gz"), "gzip",
     "Decompress"),
    (lambda d: corpus.zip_of(corpus.raw_disk(d / "a.vmdk", MIB), d / "disk.zip"), "zip",
     "Extract"),
    (lambda d: corpus.tar_of([corpus.raw_disk(d / "a.vmdk", MIB)], d / "disk.tar"), "tar",
     "a.vmdk"),
    (lambda d: _write(d / "disk.xz", lzma.compress(b"x" * 1000)), "xz", "Decompress"),
    (lambda d: _write(d / "disk.bz2", b"BZh91AY&SY" + bytes(100)), "bzip2", "Decompress"),
    (lambda d: _write(d / "disk.7z", b"7z\xbc\xaf\x27\x1c" + bytes(100)), "7z", "Extract"),
    (lambda d: corpus.ext4_partition_image(d / "root.img"), "filesystem", "partition table"),
    (lambda d: _write(d / "empty.vmdk", b""), "empty", "empty"),
    (lambda d: _write(d / "noise.bin", os.urandom(4096)), "unknown", "recognise"),
    (lambda d: _write(d / "notes.txt", b"hello\n" * 100), "text", "not a VMDK"),
    (lambda d: _write(d / "page.xml", b"<html><body/></html>"), "xml", "not an OVF"),
    (lambda d: corpus.gzip_of(corpus.raw_disk(d / "a.raw", MIB), d / "vm.ova"), "gzip",
     "named .ova"),
])
def test_non_disks_are_named_with_what_to_do(tmp_path: Path, make: Callable[[Path], Path],
                                             kind: str, words: str) -> None:
    result = inspect(make(tmp_path))
    assert result.kind == kind, result.render_text()
    assert result.verdict is Verdict.REFUSED
    assert words.lower() in (" ".join(result.reasons) + " " + (result.fix or "")).lower()
    assert result.conversion is None
    assert result.upload_source is None


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DiskReadError) as caught:
        inspect(tmp_path / "nope.vmdk")
    assert "does not exist" in str(caught.value)
    assert caught.value.action


def test_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DiskReadError, match="is a folder"):
        inspect(tmp_path)


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "locked.vmdk", b"KDMV")

    def no_permission(p: Path) -> BinaryIO:
        raise PermissionError(13, "Permission denied", str(p))

    with pytest.raises(DiskReadError, match="not allowed to read") as caught:
        inspect(path, opener=no_permission)
    assert "copy it to a folder of yours" in caught.value.action


def test_read_errors_while_reading_become_disk_read_errors(tmp_path: Path) -> None:
    path = _write(tmp_path / "x.vmdk", b"KDMV" + bytes(508))

    class Failing:
        def __init__(self, p: Path) -> None:
            self.p = p

        def __enter__(self) -> Failing:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def seek(self, offset: int) -> int:
            return offset

        def read(self, n: int) -> bytes:
            raise OSError(5, "Input/output error")

    with pytest.raises(DiskReadError, match="Input/output error"):
        inspect(path, opener=Failing)  # type: ignore[arg-type]


def test_flat_data_file_without_its_descriptor_converts_as_raw(tmp_path: Path) -> None:
    path = corpus.raw_disk(tmp_path / "web-flat.vmdk", 4 * MIB)
    result = inspect(path)
    assert result.verdict is Verdict.REFUSED
    assert "web.vmdk (not found in the same folder)" in result.reasons[0]
    assert result.conversion is not None
    assert result.conversion.source_format == "raw"
    assert result.conversion.output.name == "web-stream.vmdk"
    assert result.suggestions.image_name == "web-flat"
