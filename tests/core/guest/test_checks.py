"""Every check on hand-built facts, and every verdict."""

from __future__ import annotations

import dataclasses

import pytest

from core.guest.guestfacts import GIB, linux, mbr_boot, sql, windows
from vmdkimport.core.guest import checks
from vmdkimport.core.guest.facts import (
    BootFacts,
    DriveLetter,
    Firmware,
    FstabEntry,
    GuestFacts,
    Kernel,
    NetInterface,
    Partition,
    PartKind,
    Scheme,
    Volume,
)
from vmdkimport.core.guest.report import Level, Readiness
from vmdkimport.core.guest.rules import GenerationRules, rules_for_region

K5, R3, ANY = rules_for_region("jp-east-1"), rules_for_region("jp-west-3"), rules_for_region(None)


def codes(facts: GuestFacts, rules: GenerationRules = K5,
          kms: bool | None = None) -> dict[str, Level]:
    return {f.code: f.level for f in checks.judge(facts, rules, kms=kms).findings}


def test_healthy_guests_are_ready() -> None:
    for facts in (linux(), windows()):
        report = checks.judge(facts, K5)
        assert report.readiness is Readiness.READY, report.findings
        assert report.rules == "k5"
        assert report.region == "jp-east-1"
        assert "Ready" in report.summary


# --- boot --------------------------------------------------------------------------------------

def gpt(*kinds: PartKind, code: bool = False) -> BootFacts:
    parts = tuple(Partition(i + 1, 2**20 * (i + 1), GIB, k, "X") for i, k in enumerate(kinds))
    return BootFacts(Scheme.GPT, parts, bios_boot_code=code)


def test_uefi_layout_is_refused_with_the_rule() -> None:
    report = checks.judge(linux(boot=gpt(PartKind.ESP, PartKind.LINUX)), K5)
    assert report.readiness is Readiness.NOT_READY
    f = report.findings[0]
    assert f.code == "boot.uefi"
    assert f.level is Level.BLOCKER
    assert "BIOS boot only; UEFI boot is not supported." in f.text
    assert f.fix is not None
    assert "grub2-install --target=i386-pc" in f.fix
    assert f.source.endswith("concept_vmimport_overview.html")
    win = checks.judge(windows(boot=gpt(PartKind.ESP, PartKind.MSR, PartKind.WINDOWS)), K5)
    assert win.findings[0].fix is not None
    assert "mbr2gpt" in win.findings[0].fix


def test_vm_firmware_efi_is_refused_even_on_mbr() -> None:
    facts = linux(boot=dataclasses.replace(mbr_boot(), firmware=Firmware("efi", "web.vmx")))
    report = checks.judge(facts, K5)
    assert report.findings[0].code == "boot.uefi"
    assert "web.vmx" in report.findings[0].text


def test_gpt_with_bios_boot_partition() -> None:
    assert "boot.uefi" not in codes(linux(boot=gpt(PartKind.BIOS_BOOT, PartKind.LINUX,
                                                   code=True)))
    hybrid = codes(linux(boot=gpt(PartKind.BIOS_BOOT, PartKind.ESP, PartKind.LINUX, code=True)))
    assert hybrid == {"boot.hybrid": Level.INFO}
    assert codes(linux(boot=gpt(PartKind.LINUX)))["boot.no_loader"] is Level.WARNING


def test_mbr_without_boot_code_warns() -> None:
    boot = dataclasses.replace(mbr_boot(), bios_boot_code=False)
    assert codes(linux(boot=boot))["boot.no_loader"] is Level.WARNING


def test_no_table_and_no_filesystem_cannot_be_inspected() -> None:
    facts = GuestFacts(boot=BootFacts(Scheme.NONE), volumes=(Volume("whole disk", 0, GIB, ""),))
    report = checks.judge(facts, K5)
    assert report.readiness is Readiness.CANNOT_INSPECT
    assert {"disk.empty", "os.not_found"} <= {f.code for f in report.findings}
    whole_fs = linux(boot=BootFacts(Scheme.NONE))
    assert codes(whole_fs)["boot.no_loader"] is Level.WARNING


def test_unreadable_table() -> None:
    report = checks.judge(linux(boot=BootFacts(None, problems=("bad CRC",))), K5)
    assert report.readiness is Readiness.CANNOT_INSPECT
    assert codes(linux(boot=BootFacts(None, problems=("bad CRC",))))["boot.table_problems"] \
        is Level.INFO


def test_dynamic_disk_is_refused() -> None:
    facts = windows(boot=mbr_boot(PartKind.LDM))
    assert codes(facts)["disk.dynamic"] is Level.BLOCKER


# --- OS --------------------------------------------------------------------------------------

def test_no_os_found() -> None:
    facts = dataclasses.replace(linux(), linux=None, notes=("no os-release",))
    report = checks.judge(facts, K5)
    assert report.readiness is Readiness.CANNOT_INSPECT
    assert report.findings[0].code == "os.not_found"
    assert report.findings[0].details == (("note 1", "no os-release"),)


def test_32_bit_is_refused() -> None:
    assert codes(linux(arch="i686"))["os.arch"] is Level.BLOCKER
    assert codes(windows(arch="x86"))["os.arch"] is Level.BLOCKER
    assert codes(linux(arch=""))["os.arch_unknown"] is Level.INFO


def test_unsupported_os_lists_the_region() -> None:
    report = checks.judge(linux(os_id="debian", version_id="12", release="",
                                pretty_name="Debian GNU/Linux 12"), K5)
    f = next(f for f in report.findings if f.code == "os.unsupported")
    assert f.level is Level.BLOCKER
    assert "Debian GNU/Linux 12" in f.text
    assert f.fix is not None
    assert "CentOS 7.1-7.8" in f.fix
    assert "Rocky" not in f.fix
    assert report.readiness is Readiness.NOT_READY


def test_region3_only_os_says_so() -> None:
    rocky = linux(os_id="rocky", version_id="8.6", release="", pretty_name="Rocky Linux 8.6")
    f = next(f for f in checks.judge(rocky, K5).findings if f.code == "os.unsupported")
    assert "East/West Japan Region 3 only" in f.text
    assert "jp-east-3" in f.text
    assert checks.judge(rocky, R3).readiness is Readiness.READY
    w2019 = windows(current_build="17763", product_name="Windows Server 2019 Standard")
    assert codes(w2019)["os.unsupported"] is Level.BLOCKER
    assert "os.unsupported" not in codes(w2019, R3)


def test_centos_outside_the_range_and_coarse_versions() -> None:
    assert codes(linux(release="7.9.2009"))["os.unsupported"] is Level.BLOCKER
    assert codes(linux(release=""))["os.version_unknown"] is Level.WARNING


def test_other_languages_and_editions_are_refused() -> None:
    report = checks.judge(windows(install_language="0407"), K5)
    f = next(f for f in report.findings if f.code == "os.unsupported")
    assert "German" in f.text
    assert "Japanese, English" in f.text
    assert codes(windows(edition_id="ServerDatacenter"))["os.unsupported"] is Level.BLOCKER
    assert codes(windows(installation_type="Client",
                         product_name="Windows 10 Pro"))["os.unsupported"] is Level.BLOCKER


def test_legacy_keywords_warn_in_k5_and_block_in_region3() -> None:
    w2012 = windows(current_build="9600", product_name="Windows Server 2012 R2 Standard")
    report = checks.judge(w2012, K5)
    f = next(f for f in report.findings if f.code == "os.legacy")
    assert f.level is Level.WARNING
    assert f.unconfirmed
    assert "win2012R2SE" in f.text
    assert report.readiness is Readiness.WARNINGS
    assert codes(w2012, R3)["os.unsupported"] is Level.BLOCKER


def test_unknown_region_warns_for_region_dependent_os() -> None:
    w2019 = windows(current_build="17763")
    report = checks.judge(w2019, ANY)
    f = next(f for f in report.findings if f.code == "os.region_dependent")
    assert "jp-east-3" in dict(f.details)["regions"]
    assert report.readiness is Readiness.WARNINGS
    assert report.rules == "any"
    assert checks.judge(windows(), ANY).readiness is Readiness.READY


def test_sql_server_images() -> None:
    ja = windows(install_language="0411", sql_servers=(sql(),))
    assert checks.judge(ja, K5).readiness is Readiness.READY
    en = windows(sql_servers=(sql(),))
    assert codes(en)["os.sql_not_listed"] is Level.WARNING
    other = windows(install_language="0411", sql_servers=(sql("14.0.1000.169"),))
    assert codes(other)["os.sql_not_listed"] is Level.WARNING


# --- volumes ---------------------------------------------------------------------------------

def test_encrypted_system_and_data_volumes() -> None:
    system = GuestFacts(boot=mbr_boot(PartKind.WINDOWS),
                        volumes=(Volume("partition 1", 2**20, 40 * GIB, "bitlocker"),))
    report = checks.judge(system, K5)
    # the issue: encryption is "cannot look inside", never ready (and never guessed not-ready)
    assert report.readiness is Readiness.CANNOT_INSPECT
    assert [f.code for f in report.findings] == ["volume.encrypted_system"]
    data = linux(volumes=(*linux().volumes, Volume("partition 3", 10 * GIB, GIB, "luks")))
    report = checks.judge(data, K5)
    assert report.readiness is Readiness.CANNOT_INSPECT
    assert codes(data)["volume.encrypted"] is Level.UNKNOWN


def test_unreadable_and_unknown_filesystems() -> None:
    bad = linux(volumes=(*linux().volumes, Volume("partition 3", 0, GIB, "ext4",
                                                  unreadable="bad superblock")))
    assert codes(bad)["volume.unreadable"] is Level.UNKNOWN
    odd = linux(volumes=(*linux().volumes, Volume("partition 3", 0, GIB, "unknown")))
    assert codes(odd)["volume.unknown_filesystem"] is Level.UNKNOWN


def test_blocker_wins_over_unknown() -> None:
    facts = linux(arch="i686", volumes=(*linux().volumes, Volume("p3", 0, GIB, "unknown")))
    assert checks.judge(facts, K5).readiness is Readiness.NOT_READY


@pytest.mark.parametrize(("size", "free", "warned"), [
    (40 * GIB, 20 * GIB, False), (40 * GIB, 3 * GIB, True), (8 * GIB, GIB - 1, True),
    (8 * GIB, GIB, False), (100 * GIB, 9 * GIB, True),
])
def test_nearly_full_system_volume(size: int, free: int, warned: bool) -> None:
    vols = (windows().volumes[0], Volume("partition 2", 0, size, "ntfs", size_bytes=size,
                                         free_bytes=free))
    assert ("volume.nearly_full" in codes(windows(volumes=vols))) is warned


# --- Windows ---------------------------------------------------------------------------------

def test_windows_checks() -> None:
    assert codes(windows(hibernated=True))["windows.hibernated"] is Level.BLOCKER
    assert codes(windows(fast_startup=True))["windows.fast_startup"] is Level.WARNING
    letters = (DriveLetter("C:", True), DriveLetter("E:", False), DriveLetter("F:", None))
    report = checks.judge(windows(drive_letters=letters), K5)
    f = next(f for f in report.findings if f.code == "windows.drive_on_other_disk")
    assert f.details == (("drive", "E:"),)
    assert codes(windows(virtio_drivers=False))["windows.virtio_missing"] is Level.WARNING
    assert codes(windows(virtio_drivers=None))["windows.virtio_unknown"] is Level.INFO
    assert codes(windows(cloudbase_init=False))["windows.no_cloudbase_init"] is Level.INFO
    assert codes(windows(vmware_tools=True))["guest.vmware_tools"] is Level.INFO
    assert checks.judge(windows(vmware_tools=True), K5).readiness is Readiness.READY


def test_static_ip_keeps_the_addresses() -> None:
    nic = NetInterface("{GUID}", "SYSTEM\\...\\Interfaces\\{GUID}", False,
                       ("192.0.2.10/24",), "192.0.2.1")
    report = checks.judge(windows(interfaces=(nic,)), K5)
    f = next(f for f in report.findings if f.code == "net.static_ip")
    assert f.level is Level.WARNING
    assert "192.0.2.10/24" in f.text
    assert ("{GUID}", "192.0.2.10/24") in f.details
    assert ("{GUID} gateway", "192.0.2.1") in f.details
    dhcp = NetInterface("eth0", "ifcfg-eth0", True, bound_by_name=True)
    assert "net.static_ip" not in codes(linux(interfaces=(dhcp,)))
    bound = NetInterface("ens192", "ifcfg-ens192", False, ("10.0.0.5/24",), bound_by_name=True)
    f = next(f for f in checks.judge(linux(interfaces=(bound,)), K5).findings
             if f.code == "net.static_ip")
    assert "interface name or MAC" in f.text


@pytest.mark.parametrize(("channel", "kms", "code"), [
    ("Volume:GVLK", False, "licence.gvlk_without_kms"), ("Volume:GVLK", True, None),
    ("Retail", True, "licence.kms_needs_volume_key"), ("OEM:DM", True,
                                                       "licence.kms_needs_volume_key"),
    ("Retail", False, None), ("", True, None), ("Retail", None, None),
])
def test_licence_against_kms(channel: str, kms: bool | None, code: str | None) -> None:
    facts = windows(licence_channel=channel)
    found = checks.licence_findings(facts, kms)
    assert [f.code for f in found] == ([code] if code else [])
    assert checks.licence_findings(linux(), True) == ()
    report = checks.judge(facts, K5, kms=kms)
    assert (code in {f.code for f in report.findings}) if code else True


# --- Linux -----------------------------------------------------------------------------------

def test_fstab_checks() -> None:
    base = linux().linux
    assert base is not None
    other = FstabEntry("UUID=dead", "/data", "ext4", "defaults", False)
    safe = FstabEntry("UUID=beef", "/backup", "ext4", "defaults,nofail", False)
    nfs = FstabEntry("srv:/x", "/mnt", "nfs", "defaults", False)
    named = FstabEntry("/dev/sdb1", "/srv", "ext4", "defaults", None)
    report = checks.judge(linux(fstab=(*base.fstab, other, safe, nfs, named)), K5)
    by_code = {f.code: f for f in report.findings}
    assert by_code["linux.fstab_other_disk"].details == (
        ("fstab", "UUID=dead /data ext4 defaults"),)
    assert "/data" in by_code["linux.fstab_other_disk"].text
    assert by_code["linux.fstab_device_names"].level is Level.WARNING
    assert "/dev/sdb1" in by_code["linux.fstab_device_names"].text


def test_kernels_and_virtio() -> None:
    assert codes(linux(kernels=()))["linux.no_kernel"] is Level.WARNING
    old_ok = Kernel("3.10.0-514.el7.x86_64", "/boot/a", True)
    new_bad = Kernel("3.10.0-1127.el7.x86_64", "/boot/b", False)
    report = checks.judge(linux(kernels=(new_bad, old_ok)), K5)
    f = next(f for f in report.findings if f.code == "linux.virtio_missing")
    assert f.unconfirmed
    assert dict(f.details)["kernel"] == "3.10.0-1127.el7.x86_64"
    assert "linux.virtio_missing" not in codes(linux(kernels=(old_ok, dataclasses.replace(
        new_bad, version="3.10.0-99.el7.x86_64"))))
    unknown = Kernel("3.10.0-1127.el7.x86_64", "", None)
    assert codes(linux(kernels=(unknown,)))["linux.virtio_unknown"] is Level.INFO
    assert codes(linux(cloud_init=False))["linux.no_cloud_init"] is Level.INFO
    assert codes(linux(vmware_tools=True))["guest.vmware_tools"] is Level.INFO


def test_findings_are_sorted_worst_first_and_texts_are_translatable() -> None:
    facts = linux(cloud_init=False, arch="i686", kernels=())
    report = checks.judge(facts, K5)
    levels = [f.level for f in report.findings]
    assert levels[0] is Level.BLOCKER
    assert levels[-1] is Level.INFO
    for f in report.findings:
        assert f.text.template
        assert (f.fix is None or f.fix.template)
