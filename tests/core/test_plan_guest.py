"""The wizard's model and the guest inspection: os_type from the disk, conflicts, not-ready."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from core.guest.guestfacts import linux, windows
from helpers import corpus
from vmdkimport.core.disk import preflight
from vmdkimport.core.guest import checks, rules
from vmdkimport.core.guest.facts import Firmware
from vmdkimport.core.guest.report import GuestReport
from vmdkimport.core.plan import ImportPlan


def _report(facts: object) -> GuestReport:
    return checks.judge(facts, rules.rules_for_region("jp-east-1"))  # type: ignore[arg-type]


def _plan_with_disk(tmp_path: Path) -> ImportPlan:
    disk = corpus.stream_vmdk_gd_at_end(tmp_path / "web01.vmdk", 16 * 2**20, {0: b"x" * 512})
    plan = ImportPlan()
    plan.apply_inspection(preflight.inspect(disk))
    return plan


def test_the_disk_decides_the_os_type(tmp_path: Path) -> None:
    plan = _plan_with_disk(tmp_path)
    report = _report(windows())
    plan.apply_guest(report)
    assert plan.os_type == report.os.os_type == "win2016SE_en"
    assert plan.os_type_conflict() is None


def test_a_chosen_os_type_is_kept_but_its_conflict_is_said(tmp_path: Path) -> None:
    plan = _plan_with_disk(tmp_path)
    plan.os_type = "ubuntu"
    plan.mark_typed("os_type")
    plan.apply_guest(_report(linux()))
    assert plan.os_type == "ubuntu"  # the user's choice is never overwritten...
    conflict = plan.os_type_conflict()
    assert conflict is not None
    assert "centos" in conflict
    assert "ubuntu" in conflict
    plan.os_type_override = True
    assert plan.os_type_conflict() is None


def test_another_disk_resets_the_overrides(tmp_path: Path) -> None:
    plan = _plan_with_disk(tmp_path)
    facts = linux()
    uefi = _report(replace(facts, boot=replace(facts.boot, firmware=Firmware("efi", "vm.vmx"))))
    plan.apply_guest(uefi)
    assert plan.guest_blocks_upload()
    plan.guest_override = True
    assert not plan.guest_blocks_upload()
    plan.apply_inspection(preflight.inspect(tmp_path / "web01.vmdk"))
    assert plan.guest is None
    assert not plan.guest_override
    assert not plan.os_type_override
    plan.apply_guest(uefi)
    assert plan.guest_blocks_upload()


def test_no_guest_blocks_nothing(tmp_path: Path) -> None:
    plan = _plan_with_disk(tmp_path)
    plan.apply_guest(None)
    assert not plan.guest_blocks_upload()
    assert plan.os_type_conflict() is None
