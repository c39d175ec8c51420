"""The plan's choice "convert while uploading" (issue #15): which source and request the Submit
page gets, the object name that follows the choice, and what the Review page says.

Disks are made at test time with qemu-img (tests/helpers/corpus.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import corpus
from vmdkimport.core.disk.preflight import Verdict, inspect
from vmdkimport.core.plan import ImportPlan, SourceKind
from vmdkimport.core.upload.converting import (
    DEFAULT_CONVERT_SEGMENT_SIZE,
    conversion_source,
    estimate_conversion,
)
from vmdkimport.core.upload.segments import DEFAULT_SEGMENT_SIZE

MIB = 1024 * 1024


@pytest.fixture(scope="module")
def disks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A raw disk with some data, and its monolithicSparse and monolithicFlat VMDKs."""
    folder = tmp_path_factory.mktemp("plan-convert")
    raw = corpus.raw_disk(folder / "app01.img", 16 * MIB, data_mib=4)
    return {
        "raw": raw,
        "sparse": corpus.qemu_convert(raw, folder / "web01.vmdk", "raw", "vmdk",
                                      "subformat=monolithicSparse"),
        "flat": corpus.qemu_convert(raw, folder / "db01.vmdk", "raw", "vmdk",
                                    "subformat=monolithicFlat"),
        "stream": corpus.qemu_convert(raw, folder / "ok.vmdk", "raw", "vmdk",
                                      "subformat=streamOptimized"),
    }


def plan_for(path: Path) -> ImportPlan:
    plan = ImportPlan(file=path, container="images")
    plan.apply_inspection(inspect(path))
    return plan


def test_nothing_converts_until_chosen(disks: dict[str, Path]) -> None:
    plan = plan_for(disks["sparse"])
    assert not plan.converts
    assert plan.conversion_summary() is None
    request = plan.upload_request()
    assert request.source == plan.inspection.upload_source  # type: ignore[union-attr]
    assert request.segment_size == DEFAULT_SEGMENT_SIZE


def test_a_sparse_disk_converted_keeps_its_name_and_gets_a_small_segment(
        disks: dict[str, Path]) -> None:
    plan = plan_for(disks["sparse"])
    inspection = plan.inspection
    assert inspection is not None
    assert inspection.verdict is Verdict.WARN
    source = conversion_source(inspection)
    assert source is not None
    estimate = estimate_conversion(source)
    plan.choose_conversion(source, estimate)
    assert plan.converts
    assert plan.object_name == "web01.vmdk"
    request = plan.upload_request()
    assert request.source is source
    # a segment is a buffer in memory when converting: never the file upload's 256 MiB
    assert request.segment_size == DEFAULT_CONVERT_SEGMENT_SIZE
    plan.segment_size = MIB  # a smaller one (tests, a slow link) is kept
    assert plan.upload_request().segment_size == MIB
    summary = plan.conversion_summary()
    assert summary is not None
    assert "streamOptimized" in summary
    assert "16.0 MiB disk" in summary
    plan.choose_conversion(None)  # sent as it is again
    assert not plan.converts
    assert plan.convert_estimate is None
    assert plan.upload_request().source == inspection.upload_source


def test_a_refused_flat_descriptor_is_fixed_by_converting(disks: dict[str, Path]) -> None:
    plan = plan_for(disks["flat"])
    inspection = plan.inspection
    assert inspection is not None
    assert inspection.verdict is Verdict.REFUSED
    assert inspection.upload_source is None
    source = conversion_source(inspection)
    assert source is not None
    assert source.path == disks["flat"]  # the descriptor: the converter follows its extents
    plan.choose_conversion(source)
    assert plan.converts
    # as the CLI names it: the pre-flight's name for the disk's streamOptimized form
    assert plan.object_name == inspection.suggestions.object_name == "db01-stream.vmdk"
    assert plan.upload_source() is source
    assert plan.conversion_summary() == "Converted to a streamOptimized VMDK while uploading."


def test_a_raw_image_is_named_as_a_vmdk_when_converted(disks: dict[str, Path]) -> None:
    plan = plan_for(disks["raw"])
    inspection = plan.inspection
    assert inspection is not None
    assert inspection.verdict is Verdict.REFUSED
    assert plan.object_name == "app01.img.vmdk"  # as it is: named after the file
    source = conversion_source(inspection)
    assert source is not None
    plan.choose_conversion(source)
    assert plan.object_name == "app01-stream.vmdk"  # converted: the streamOptimized form's
    plan.choose_conversion(None)
    assert plan.object_name == "app01.img.vmdk"


def test_a_typed_object_name_stays(disks: dict[str, Path]) -> None:
    plan = plan_for(disks["raw"])
    plan.object_name = "mine.vmdk"
    plan.mark_typed("object_name")
    source = conversion_source(plan.inspection)  # type: ignore[arg-type]
    plan.choose_conversion(source)
    assert plan.object_name == "mine.vmdk"


def test_another_disk_forgets_the_conversion(disks: dict[str, Path]) -> None:
    plan = plan_for(disks["sparse"])
    plan.choose_conversion(conversion_source(plan.inspection))  # type: ignore[arg-type]
    assert plan.converts
    plan.apply_inspection(inspect(disks["stream"]))
    assert not plan.converts
    assert plan.inspection is not None
    assert conversion_source(plan.inspection) is None
    assert plan.upload_request().source == plan.inspection.upload_source


def test_an_existing_object_is_never_converted(disks: dict[str, Path]) -> None:
    plan = plan_for(disks["sparse"])
    plan.choose_conversion(conversion_source(plan.inspection))  # type: ignore[arg-type]
    plan.source_kind = SourceKind.EXISTING_OBJECT
    assert not plan.converts
    assert plan.conversion_summary() is None
