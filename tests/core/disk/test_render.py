"""What the CLI and the wizard show: render_text(), to_dict(), the suggestions, the refusal error,
and how little of a disk is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import corpus
from helpers.reads import ReadCounter
from vmdkimport.core import rules
from vmdkimport.core.disk.preflight import DiskRefused, Inspection, Verdict, inspect
from vmdkimport.core.errors import VmdkImportError
from vmdkimport.demo import write_demo_vmdk

MIB = 1024 * 1024
GIB = 1024 * MIB


def counted(path: Path) -> tuple[Inspection, int, int]:
    reads = ReadCounter()
    result = inspect(path, opener=reads.open)
    return result, reads.bytes, reads.opens


def test_render_text_of_an_importable_disk(tmp_path: Path) -> None:
    disk = corpus.stream_vmdk_gd_at_end(tmp_path / "web server 01.vmdk", 40 * GIB,
                                        {0: b"boot" * 100})
    text = inspect(disk).render_text()
    lines = text.splitlines()
    assert lines[0] == "web server 01.vmdk: a streamOptimized VMDK"
    assert lines[1] == "Verdict: importable"
    assert "Virtual size 40.0 GiB (42949672960 bytes)" in lines[2]
    assert "  image name:  web server 01" in lines
    assert "  object name: web-server-01.vmdk" in lines
    assert "  min_disk:    40 GB" in lines
    assert lines[-1].startswith("Upload: the whole file ")
    assert all(len(line) <= 100 for line in lines if not line.startswith("Upload"))


def test_render_text_of_a_refusal(tmp_path: Path) -> None:
    desc = tmp_path / "big.vmdk"
    desc.write_text(corpus.descriptor_text("twoGbMaxExtentSparse", ['RW 8 SPARSE "big-s001.vmdk"']))
    text = inspect(desc).render_text()
    assert "Verdict: REFUSED: this file cannot be imported as it is" in text
    assert "  x This .vmdk is only a descriptor" in text
    assert "Fix:\n  Copy the descriptor together with all its data files" in text
    assert "Upload:" not in text


def test_to_dict_is_json_and_complete(tmp_path: Path) -> None:
    data = inspect(write_demo_vmdk(tmp_path / "d.vmdk", 8 * MIB)).to_dict()
    again = json.loads(json.dumps(data))
    assert again == data
    assert again["verdict"] == "warn"
    for key in ("path", "kind", "subformat", "virtual_size", "file_size", "verdict", "reasons",
                "fix", "can_convert", "suggestions", "upload_source", "vmdk"):
        assert key in again
    assert again["upload_source"] == {"path": str(tmp_path / "d.vmdk"), "member": None,
                                      "offset": 0, "length": (tmp_path / "d.vmdk").stat().st_size,
                                      "contiguous": True}
    assert again["suggestions"]["min_disk_gb"] == 1


def test_raise_if_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.vmdk"
    empty.write_bytes(b"")
    result = inspect(empty)
    with pytest.raises(DiskRefused) as caught:
        result.raise_if_refused()
    assert isinstance(caught.value, VmdkImportError)
    assert "empty" in str(caught.value)
    assert caught.value.action == result.fix
    assert caught.value.field is rules.Field.DISK
    inspect(write_demo_vmdk(tmp_path / "ok.vmdk", MIB)).raise_if_refused()  # no exception


@pytest.mark.parametrize("name", ["My Server (prod).vmdk", "サーバー１.vmdk", "  spaced  .VMDK",
                                  "a\tb.vmdk", ".vmdk", "x" * 250 + ".vmdk", "disk.qcow2"])
def test_suggested_names_pass_the_request_rules(tmp_path: Path, name: str) -> None:
    path = corpus.stream_vmdk_gd_at_end(tmp_path / name, MIB, {0: b"x"})
    s = inspect(path).suggestions
    assert rules.name_error(s.image_name) is None
    assert rules.object_error(s.object_name) is None


@pytest.mark.parametrize(("capacity", "gb"), [(MIB, 1), (GIB, 1), (GIB + 64 * 1024, 2),
                                              (300 * GIB, 300)])
def test_min_disk_rounds_up_to_whole_gib(tmp_path: Path, capacity: int, gb: int) -> None:
    disk = corpus.stream_vmdk_gd_at_end(tmp_path / "d.vmdk", capacity, {0: b"x"})
    assert inspect(disk).suggestions.min_disk_gb == gb


# --- reading only metadata -------------------------------------------------------------------

@pytest.mark.parametrize("subformat", ["monolithicSparse", "streamOptimized"])
def test_a_large_disk_is_inspected_from_a_few_kib(tmp_path: Path, subformat: str) -> None:
    path = corpus.qemu_create(tmp_path / "big.vmdk", "vmdk", "20G", f"subformat={subformat}")
    result, read, opened = counted(path)
    assert result.virtual_size == 20 * GIB
    assert opened == 1
    assert read <= 64 * 1024, read  # the benchmark shows the 100 GiB figures


def test_the_disk_inside_an_ova_is_inspected_without_reading_it(tmp_path: Path) -> None:
    big = corpus.stream_vmdk_gd_at_end(tmp_path / "big-disk1.vmdk", 50 * GIB,
                                       {i: bytes([i % 251]) * 65536 for i in range(0, 600, 3)})
    text = corpus.ovf_xml(disks=[(big.name, big.stat().st_size, 50)])
    ova = corpus.ova(tmp_path / "big.ova", text, [big])
    result, read, opened = counted(ova)
    assert result.verdict is Verdict.IMPORTABLE
    assert opened == 1
    assert read < 64 * 1024 < big.stat().st_size


def test_opener_is_used_for_the_disk_an_ovf_names(tmp_path: Path) -> None:
    disk = corpus.stream_vmdk_gd_at_end(tmp_path / "web01-disk1.vmdk", 8 * MIB, {0: b"x"})
    (tmp_path / "web01.ovf").write_text(corpus.ovf_xml(
        disks=[(disk.name, disk.stat().st_size, 8)], capacity_units="byte * 2^20"))
    result, _, opened = counted(tmp_path / "web01.ovf")
    assert result.verdict is Verdict.IMPORTABLE
    assert opened == 2


def test_counting_file_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"abc")
    reads = ReadCounter()
    with reads.open(path) as f:
        assert f.read(2) == b"ab"
    assert (reads.bytes, reads.opens) == (2, 1)


def test_settings_are_suggested_only_when_something_can_be_imported(tmp_path: Path) -> None:
    iso = inspect(corpus.iso_like(tmp_path / "install.iso")).render_text()
    assert "Suggested import settings" not in iso
    raw = inspect(corpus.raw_disk(tmp_path / "server.img", 4 * MIB)).render_text()
    assert "Suggested import settings, for the converted disk:" in raw
    assert "  object name: server-stream.vmdk" in raw
