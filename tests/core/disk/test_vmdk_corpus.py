"""VMDKs of every kind, made by qemu-img or by hand, and what the pre-flight says about them."""

from __future__ import annotations

import json
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import corpus
from vmdkimport.core.disk.preflight import Inspection, Verdict, inspect
from vmdkimport.demo import write_demo_vmdk

MIB = 1024 * 1024


def qemu_virtual_size(path: Path) -> int:
    return int(json.loads(corpus.qemu("info", "--output=json", path))["virtual-size"])


def refused_because(result: Inspection, *words: str) -> None:
    assert result.verdict is Verdict.REFUSED, result.render_text()
    text = " ".join(result.reasons).lower()
    for word in words:
        assert word.lower() in text, (word, result.render_text())
    assert result.fix, "a refusal always comes with a fix"
    assert result.upload_source is None


# --- what qemu-img writes --------------------------------------------------------------------

EXPECTED = {
    "monolithicSparse": (Verdict.WARN, "monolithicSparse", None),
    "streamOptimized": (Verdict.IMPORTABLE, "streamOptimized", None),
    "monolithicFlat": (Verdict.REFUSED, "monolithicFlat", "monolithicFlat-flat.vmdk"),
    "twoGbMaxExtentSparse": (Verdict.REFUSED, "twoGbMaxExtentSparse",
                             "twoGbMaxExtentSparse-s001.vmdk"),
    "twoGbMaxExtentFlat": (Verdict.REFUSED, "twoGbMaxExtentFlat", "twoGbMaxExtentFlat-f001.vmdk"),
}


@pytest.mark.parametrize("subformat", corpus.QEMU_VMDK_SUBFORMATS)
def test_every_subformat_qemu_img_writes(qemu_corpus: dict[str, Path], subformat: str) -> None:
    path = qemu_corpus[subformat]
    result = inspect(path)
    verdict, create_type, data_file = EXPECTED[subformat]
    assert result.kind == "vmdk"
    assert result.verdict is verdict, result.render_text()
    assert result.subformat == create_type
    assert result.virtual_size == qemu_virtual_size(path) == 64 * MIB
    assert result.suggestions.min_disk_gb == 1
    assert result.suggestions.object_name.endswith(".vmdk")
    if data_file:
        refused_because(result, "only a descriptor", data_file)
        assert result.conversion is not None
        assert result.conversion.source == path
        assert result.conversion.source_format == "vmdk"
        assert result.fix is not None
        assert "subformat=streamOptimized" in result.fix
        assert result.can_convert
        # What gets uploaded is the converted file, so that is what the object is named after.
        assert result.suggestions.object_name == f"{subformat}-stream.vmdk"
    else:
        assert result.upload_source is not None
        assert (result.upload_source.offset, result.upload_source.length) == (
            0, path.stat().st_size)
    if subformat == "monolithicSparse":
        assert result.conversion is not None
        assert result.can_convert
        assert "unconfirmed" in result.reasons[0] or "does not document" in result.reasons[0]
    if subformat == "streamOptimized":
        assert result.conversion is None
        assert not result.can_convert
        assert result.fix is None


def test_the_data_files_of_split_and_flat_disks_point_to_their_descriptor(
        qemu_corpus: dict[str, Path]) -> None:
    folder = qemu_corpus["twoGbMaxExtentSparse"].parent
    extent = inspect(folder / "twoGbMaxExtentSparse-s001.vmdk")
    refused_because(extent, "one part", "twoGbMaxExtentSparse.vmdk")
    flat = inspect(folder / "monolithicFlat-flat.vmdk")
    refused_because(flat, "data (extent) file", "monolithicFlat.vmdk")
    assert flat.conversion is not None
    assert flat.conversion.source == folder / "monolithicFlat.vmdk"
    assert flat.suggestions.image_name == "monolithicFlat"
    flat2 = inspect(folder / "twoGbMaxExtentFlat-f001.vmdk")
    refused_because(flat2, "twoGbMaxExtentFlat.vmdk")


def test_stream_optimized_conversion_of_a_disk_with_data(qemu_corpus: dict[str, Path]) -> None:
    path = qemu_corpus["stream-data"]
    result = inspect(path)
    assert result.verdict is Verdict.IMPORTABLE, result.render_text()
    assert result.virtual_size == 16 * MIB
    assert result.vmdk is not None
    assert result.vmdk["compression"] == "deflate"
    assert result.vmdk["gd_at_end_footer"] is False  # qemu keeps the directory at the start
    assert result.upload_source is not None
    assert result.upload_source.length == path.stat().st_size


def test_monolithic_sparse_with_data_has_only_the_subformat_warning(
        qemu_corpus: dict[str, Path]) -> None:
    result = inspect(qemu_corpus["sparse-data"])
    assert result.verdict is Verdict.WARN
    warnings = [f for f in result.findings if f.level is Verdict.WARN]
    assert len(warnings) == 1, result.render_text()


def test_zeroed_grain_disks_are_read(qemu_corpus: dict[str, Path]) -> None:
    result = inspect(qemu_corpus["zeroed-grain"])
    assert result.verdict is Verdict.WARN
    assert result.vmdk is not None
    assert result.vmdk["version"] == 2


def test_vmware_style_stream_with_footer(tmp_path: Path) -> None:
    """GD_AT_END + footer, as ovftool writes it; qemu-img reads it the same as the raw data."""
    grains = {0: b"boot sector" * 100, 5: b"five" * 4000, 600: bytes(range(256)) * 256}
    capacity = 48 * MIB
    disk = corpus.stream_vmdk_gd_at_end(tmp_path / "exported-disk1.vmdk", capacity, grains)
    raw = tmp_path / "same.raw"
    with raw.open("wb") as f:
        f.truncate(capacity)
        for number, data in grains.items():
            f.seek(number * 64 * 1024)
            f.write(data)
    if corpus.QEMU_IMG:
        assert corpus.qemu_identical(disk, "vmdk", raw, "raw")
    result = inspect(disk)
    assert result.verdict is Verdict.IMPORTABLE, result.render_text()
    assert result.vmdk is not None
    assert result.vmdk["gd_at_end_footer"] is True
    assert result.virtual_size == capacity


def test_our_own_demo_disk_passes(tmp_path: Path) -> None:
    result = inspect(write_demo_vmdk(tmp_path / "demo-disk.vmdk", 64 * MIB))
    assert result.verdict is Verdict.WARN
    assert result.subformat == "monolithicSparse"


# --- snapshots -------------------------------------------------------------------------------

def test_snapshot_delta_is_refused_with_a_merge_command(qemu_corpus: dict[str, Path]) -> None:
    result = inspect(qemu_corpus["child"])
    refused_because(result, "snapshot", "base.vmdk")
    assert result.description == "a snapshot (delta) VMDK"
    assert "consolidate" in (result.fix or "")
    assert result.conversion is not None
    assert result.can_convert


def test_snapshot_delta_without_its_parent_cannot_be_merged(
        qemu_corpus: dict[str, Path], copy_of: Callable[..., Path]) -> None:
    result = inspect(copy_of(qemu_corpus["child"]))
    refused_because(result, "snapshot")
    assert result.conversion is None
    assert not result.can_convert
    assert "not in the same folder" in (result.fix or "")


def test_a_snapshot_name_without_a_parent_is_only_a_warning(
        qemu_corpus: dict[str, Path], copy_of: Callable[..., Path]) -> None:
    result = inspect(copy_of(qemu_corpus["streamOptimized"], "web01-000002.vmdk"))
    assert result.verdict is Verdict.WARN
    assert "snapshot" in " ".join(result.reasons)


# --- hand-made ESX descriptors ---------------------------------------------------------------

def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_vmfs_descriptor_with_its_flat_file(tmp_path: Path) -> None:
    (tmp_path / "esx-flat.vmdk").write_bytes(b"\x00" * MIB)
    desc = write(tmp_path / "esx.vmdk",
                 corpus.descriptor_text("vmfs", ['RW 2048 VMFS "esx-flat.vmdk"'],
                                        extra='ddb.thinProvisioned = "1"\n'))
    result = inspect(desc)
    refused_because(result, "only a descriptor", "esx-flat.vmdk", "datastore")
    assert result.subformat == "vmfs"
    assert result.virtual_size == MIB
    assert result.conversion is not None


def test_vmfs_sparse_snapshot_descriptor(tmp_path: Path) -> None:
    corpus.cowd_extent(tmp_path / "esx-000001-delta.vmdk", 2048)
    (tmp_path / "esx.vmdk").write_text("parent", encoding="utf-8")
    desc = write(tmp_path / "esx-000001.vmdk", corpus.descriptor_text(
        "vmfsSparse", ['RW 2048 VMFSSPARSE "esx-000001-delta.vmdk"'], parent_cid="1234abcd",
        parent_hint="esx.vmdk"))
    result = inspect(desc)
    refused_because(result, "only a descriptor", "snapshot", "esx-000001-delta.vmdk")
    extent = inspect(tmp_path / "esx-000001-delta.vmdk")
    refused_because(extent, "COWD", "esx-000001.vmdk")
    assert extent.virtual_size == MIB


def test_se_sparse_and_rdm_descriptors(tmp_path: Path) -> None:
    rdm = write(tmp_path / "db-rdm.vmdk", corpus.descriptor_text(
        "vmfsPassthroughRawDeviceMap", ['RW 4194304 VMFSRDM "db-rdmp.vmdk"']))
    result = inspect(rdm)
    refused_because(result, "raw device mapping")
    assert result.conversion is None
    se = write(tmp_path / "thin.vmdk", corpus.descriptor_text(
        "seSparse", ['RW 2048 SESPARSE "thin-sesparse.vmdk"']))
    refused_because(inspect(se), "SE sparse", "thin-sesparse.vmdk", "not in the same folder")


def test_standalone_descriptor_whose_extents_are_missing(tmp_path: Path) -> None:
    desc = write(tmp_path / "big.vmdk", corpus.descriptor_text(
        "twoGbMaxExtentSparse",
        [f'RW 4192256 SPARSE "big-s00{i}.vmdk"' for i in range(1, 4)]))
    result = inspect(desc)
    refused_because(result, "3 of its data files are not in the same folder", "big-s001.vmdk")
    assert result.conversion is None
    assert not result.can_convert
    assert "into one folder" in (result.fix or "")
    assert result.virtual_size == 3 * 4192256 * 512


def test_descriptor_in_shift_jis_names_its_extent(tmp_path: Path) -> None:
    name = "サーバ-flat.vmdk"
    (tmp_path / name).write_bytes(b"\x00" * MIB)
    text = corpus.descriptor_text("monolithicFlat", [f'RW 2048 FLAT "{name}" 0'],
                                  encoding="Shift_JIS")
    desc = tmp_path / "サーバ.vmdk"
    desc.write_bytes(text.encode("shift_jis"))
    result = inspect(desc)
    refused_because(result, name)
    assert result.conversion is not None  # the extent was found: the name decoded right
    assert result.vmdk is not None
    assert result.vmdk["descriptor"]["encoding"] == "Shift_JIS"  # type: ignore[index]


def test_unknown_create_type_is_named(tmp_path: Path) -> None:
    desc = write(tmp_path / "odd.vmdk", corpus.descriptor_text(
        "hyperSparse", ['RW 2048 SPARSE "odd-s001.vmdk"']))
    refused_because(inspect(desc), "not one VMware documents")


# --- truncated and corrupt files -------------------------------------------------------------

@pytest.mark.parametrize("cut", ["header", "descriptor", "metadata", "half", "last-grain",
                                 "last-bytes"])
def test_truncated_stream(qemu_corpus: dict[str, Path], tmp_path: Path, cut: str) -> None:
    src = qemu_corpus["stream-data"]
    size = src.stat().st_size
    last_nonzero = len(src.read_bytes().rstrip(b"\x00"))
    sizes = {"header": 100, "descriptor": 2000, "metadata": 30_000, "half": size // 2,
             "last-grain": last_nonzero - 5000, "last-bytes": last_nonzero - 1}
    result = inspect(corpus.truncated_copy(src, tmp_path / "cut.vmdk", sizes[cut]))
    refused_because(result, "trunc")


@pytest.mark.parametrize("cut", [512, 1536, 70_000])
def test_truncated_stream_with_footer(tmp_path: Path, cut: int) -> None:
    src = corpus.stream_vmdk_gd_at_end(tmp_path / "src.vmdk", 8 * MIB,
                                       {i: bytes([i]) * 4096 for i in range(0, 128, 3)})
    result = inspect(corpus.truncated_copy(src, tmp_path / "cut.vmdk", src.stat().st_size - cut))
    refused_because(result, "trunc")


@pytest.mark.parametrize("cut", [1000, 64 * 1024, 3 * 64 * 1024 + 512])
def test_truncated_monolithic_sparse(qemu_corpus: dict[str, Path], tmp_path: Path,
                                     cut: int) -> None:
    src = qemu_corpus["sparse-data"]
    result = inspect(corpus.truncated_copy(src, tmp_path / "cut.vmdk", src.stat().st_size - cut))
    refused_because(result, "trunc")


def test_empty_sparse_disk_cut_inside_its_metadata(qemu_corpus: dict[str, Path],
                                                   tmp_path: Path) -> None:
    src = qemu_corpus["monolithicSparse"]
    refused_because(inspect(corpus.truncated_copy(src, tmp_path / "cut.vmdk", 40 * 512)),
                    "trunc")


def _gd_entry(path: Path) -> int:
    gd_offset = struct.unpack_from("<Q", path.read_bytes(), 56)[0]
    return int(gd_offset) * 512


FLIPS: dict[str, tuple[Callable[[Path], object], str]] = {
    "version": (lambda p: corpus.flip(p, 4, struct.pack("<I", 9)), "version 9"),
    "grain size": (lambda p: corpus.flip(p, 20, struct.pack("<Q", 100)), "grain size"),
    "grain tables": (lambda p: corpus.flip(p, 44, struct.pack("<I", 0)), "grain-table"),
    "capacity zero": (lambda p: corpus.flip(p, 12, struct.pack("<Q", 0)), "size of 0"),
    "capacity huge": (lambda p: corpus.flip(p, 12, struct.pack("<Q", 2**60)), "impossible"),
    "compression": (lambda p: corpus.flip(p, 77, struct.pack("<H", 7)), "compression"),
    "text-mode copy": (lambda p: corpus.flip(p, 73, b"\n \n\n"), "text mode"),
    "descriptor offset": (lambda p: corpus.flip(p, 28, struct.pack("<Q", 10**9)), "trunc"),
    "grain directory offset": (lambda p: corpus.flip(p, 56, struct.pack("<Q", 10**9)), "trunc"),
    "grain directory on header": (lambda p: corpus.flip(p, 56, struct.pack("<Q", 0)),
                                  "overlaps"),
    "overhead": (lambda p: corpus.flip(p, 64, struct.pack("<Q", 5)), "inside the descriptor"),
    "grain directory entry": (lambda p: corpus.flip(p, _gd_entry(p), struct.pack("<I", 10**8)),
                              "trunc"),
    "magic": (lambda p: corpus.flip(p, 0, b"KDMX"), "named .vmdk"),
    "create type": (lambda p: corpus.flip(
        p, p.read_bytes().index(b'"monolithicSparse"'), b'"streamOptimized" '), "inconsistent"),
    "descriptor capacity": (lambda p: corpus.flip(
        p, p.read_bytes().index(b"RW 32768"), b"RW 32769"), "inconsistent"),
    "descriptor garbage": (lambda p: corpus.flip(p, 512, b"\x01\x02\x03 RW x"), "not text"),
    "extent line": (lambda p: corpus.flip(p, p.read_bytes().index(b"RW 32768 SPARSE"),
                                          b"RW 32768 SPARSE ?"), "malformed extent"),
}


@pytest.mark.parametrize("what", sorted(FLIPS))
def test_flipped_header_fields_are_refused_in_plain_words(
        qemu_corpus: dict[str, Path], copy_of: Callable[..., Path], what: str) -> None:
    path = copy_of(qemu_corpus["sparse-data"])
    mutate, words = FLIPS[what]
    mutate(path)
    refused_because(inspect(path), words)


def test_footer_that_disagrees_with_the_header(tmp_path: Path) -> None:
    disk = corpus.stream_vmdk_gd_at_end(tmp_path / "x.vmdk", 8 * MIB, {1: b"x" * 100})
    footer = disk.stat().st_size - 1024
    corpus.flip(disk, footer + 12, struct.pack("<Q", 4 * 2048))
    refused_because(inspect(disk), "footer disagrees")


def test_unclean_shutdown_is_a_warning(qemu_corpus: dict[str, Path],
                                       copy_of: Callable[..., Path]) -> None:
    path = corpus.flip(copy_of(qemu_corpus["stream-data"]), 72, b"\x01")
    result = inspect(path)
    assert result.verdict is Verdict.WARN
    assert "not closed cleanly" in " ".join(result.reasons)
