"""The whole inspection on real guests built at test time: every VMDK subformat, an OVA, a VMX.

Each guest (tests/helpers/guests.py) says what an inspector should find (``Guest.expect``); here
the entry point the front ends call must find it through every container the pre-flight
accepts, read only a bounded part of the disk, and never call a guest ready that it could not
look into.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from helpers import corpus, guests
from helpers.guests import Guest
from vmdkimport.core.disk import preflight
from vmdkimport.core.disk.diskformat import OperationCancelled
from vmdkimport.core.guest.facts import to_jsonable
from vmdkimport.core.guest.inspect import GuestSource, gather_facts, inspect_found, inspect_guest
from vmdkimport.core.guest.report import GuestReport, Level, Readiness, render_text

MIB = 1024 * 1024
#: the issue's bound on what one inspection reads, whatever the disk size
READ_BUDGET = 64 * MIB
SUBFORMATS = ("monolithicSparse", "streamOptimized", "monolithicFlat", "twoGbMaxExtentSparse",
              "twoGbMaxExtentFlat")


def codes(report: GuestReport, *levels: Level) -> set[str]:
    return {f.code for f in report.findings if not levels or f.level in levels}


def _facts_without_reads(report: GuestReport) -> Any:
    facts = to_jsonable(report.facts)
    facts.pop("bytes_read")
    return facts


@pytest.mark.parametrize("name", ["centos7_guest", "centos7_nolvm_guest", "ubuntu1804_guest",
                                  "windows2016_guest", "windows2016_ja_guest", "rhel8_guest",
                                  "rocky8_guest"])
def test_the_os_is_found(name: str, request: pytest.FixtureRequest) -> None:
    guest: Guest = request.getfixturevalue(name)
    report = inspect_guest(GuestSource(guest.path), region="jp-east-3")
    expect = guest.expect
    assert report.os.family == expect["family"], render_text(report)
    if "os_type" in expect:
        assert report.os.os_type == expect["os_type"], render_text(report)
    assert report.readiness is not Readiness.CANNOT_INSPECT, render_text(report)
    assert report.facts.bytes_read < READ_BUDGET


def test_centos7_on_lvm_in_detail(centos7_guest: Guest) -> None:
    report = inspect_guest(GuestSource(centos7_guest.path), region="jp-east-1")
    linux = report.facts.linux
    assert linux is not None
    assert (linux.os_id, linux.version_id, linux.release) == ("centos", "7", "7.8.2003")
    assert linux.root == "LVM centos/root"
    assert linux.kernels[0].virtio_in_initramfs is True  # read from the separate /boot
    assert report.os.os_type == "centos"
    # the static IP is recorded so that it can be set again after the move
    static = next(f for f in report.findings if f.code == "net.static_ip")
    assert any(guests.STATIC_IP in value for _, value in static.details)
    assert report.readiness is Readiness.WARNINGS


def test_uefi_is_refused_with_the_providers_rule(uefi_guest: Guest) -> None:
    report = inspect_guest(GuestSource(uefi_guest.path))
    assert report.readiness is Readiness.NOT_READY, render_text(report)
    uefi = next(f for f in report.findings if f.code == "boot.uefi")
    assert uefi.level is Level.BLOCKER
    assert "UEFI" in uefi.text
    assert uefi.source
    assert uefi.fix


@pytest.mark.parametrize("name", ["blank_guest", "unknown_fs_guest", "luks_guest"])
def test_what_cannot_be_looked_into_is_never_ready(name: str,
                                                   request: pytest.FixtureRequest) -> None:
    guest: Guest = request.getfixturevalue(name)
    report = inspect_guest(GuestSource(guest.path))
    assert report.readiness in (Readiness.CANNOT_INSPECT, Readiness.NOT_READY), \
        render_text(report)
    assert report.readiness.value == guest.expect.get("readiness", report.readiness.value)


@pytest.mark.parametrize("subformat", SUBFORMATS)
def test_every_vmdk_subformat_gives_the_same_facts(centos7_guest: Guest, subformat: str,
                                                   tmp_path: Path) -> None:
    raw = inspect_guest(GuestSource(centos7_guest.path))
    vmdk = guests.to_vmdk(centos7_guest, tmp_path / "centos7.vmdk", subformat)
    found = preflight.inspect(vmdk)
    report = inspect_found(found)
    assert _facts_without_reads(report) == _facts_without_reads(raw)
    assert report.readiness is raw.readiness
    assert report.facts.bytes_read < READ_BUDGET


def test_a_disk_inside_an_ova_is_read_in_place(windows2016_guest: Guest, tmp_path: Path) -> None:
    vmdk = guests.to_vmdk(windows2016_guest, tmp_path / "win.vmdk")
    ova = guests.to_ova(vmdk, tmp_path / "win.ova", os_id="windows9Server64Guest")
    report = inspect_found(preflight.inspect(ova))
    assert report.os.os_type == "win2016SE_en", render_text(report)
    assert not list(tmp_path.glob("*.tmp"))  # nothing extracted


@pytest.mark.parametrize("container", ["ova", "vmx"])
def test_the_vm_files_firmware_setting_refuses_uefi(ubuntu1804_guest: Guest, tmp_path: Path,
                                                     container: str) -> None:
    """A BIOS-bootable disk of a VM set to boot UEFI: the VM file says so, and it wins."""
    vmdk = guests.to_vmdk(ubuntu1804_guest, tmp_path / "ubuntu.vmdk")
    if container == "ova":
        vm_file = guests.to_ova(vmdk, tmp_path / "ubuntu.ova", firmware="efi",
                                os_id="ubuntu64Guest")
    else:
        vm_file = guests.to_vmx(vmdk, tmp_path / "ubuntu.vmx", firmware="efi")
    report = inspect_found(preflight.inspect(vm_file))
    assert report.readiness is Readiness.NOT_READY
    assert "boot.uefi" in codes(report, Level.BLOCKER)
    assert report.facts.boot.firmware.setting == "efi"
    assert report.facts.boot.firmware.source == vm_file.name


def test_a_format_that_cannot_be_read_inside_says_so(tmp_path: Path) -> None:
    qcow2 = corpus.qemu_create(tmp_path / "disk.qcow2", "qcow2", "64M")
    report = inspect_found(preflight.inspect(qcow2))
    assert report.readiness is Readiness.CANNOT_INSPECT
    assert "convert" in render_text(report)


def test_a_damaged_disk_is_a_finding_not_a_traceback(centos7_guest: Guest,
                                                     tmp_path: Path) -> None:
    vmdk = guests.to_vmdk(centos7_guest, tmp_path / "c.vmdk", "monolithicSparse")
    data = bytearray(vmdk.read_bytes())
    data[0:4] = b"XXXX"  # no longer a sparse header: read as what it now is
    vmdk.write_bytes(bytes(data))
    report = inspect_guest(GuestSource(vmdk))
    assert report.readiness is Readiness.CANNOT_INSPECT


def test_a_missing_file_is_a_finding(tmp_path: Path) -> None:
    report = inspect_guest(GuestSource(tmp_path / "gone.vmdk"))
    assert report.readiness is Readiness.CANNOT_INSPECT
    assert "gone.vmdk" in render_text(report)


def test_cancelling_stops_the_inspection(centos7_guest: Guest, tmp_path: Path) -> None:
    copy = tmp_path / "c.raw"
    shutil.copyfile(centos7_guest.path, copy)
    with pytest.raises(OperationCancelled):
        gather_facts(GuestSource(copy), cancelled=lambda: True)


def test_the_report_is_json(windows2016_guest: Guest) -> None:
    import json

    data = inspect_guest(GuestSource(windows2016_guest.path)).to_dict()
    again = json.loads(json.dumps(data))
    assert again["os"]["os_type"] == "win2016SE_en"
    assert again["facts"]["windows"]["current_build"] == "14393"
