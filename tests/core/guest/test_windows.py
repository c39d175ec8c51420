"""The Windows probe over an in-memory NTFS volume holding hives written by helpers/regf.py."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from helpers import regf
from helpers.memfs import MemFS
from vmdkimport.core.guest.facts import DriveLetter, SqlServer, WindowsFacts
from vmdkimport.core.guest.windows import hibernated, licence_channel, probe_windows

CONFIG = "/Windows/System32/config"
SIGNATURE = 0x1A2B3C4D
STATIC_GUID = "{11111111-2222-3333-4444-555555555555}"


def volume(files: dict[str, bytes | str]) -> MemFS:
    return MemFS({"/Windows/System32/ntoskrnl.exe": b"MZ", **files}, kind="ntfs")


def probe(fs: MemFS, signature: int | None = SIGNATURE) -> WindowsFacts:
    facts = probe_windows(fs, system_where="partition 2", disk_signature=signature, volumes=())
    assert facts is not None
    return facts


def test_windows_2016_japanese_sql_static_ip(tmp_path: Path) -> None:
    software = regf.software_hive(
        tmp_path / "SOFTWARE", sql=[("MSSQLSERVER", "Standard Edition", "13.0.1601.5")],
        kms_host="kms.example.org", cloudbase_init=True)
    system = regf.system_hive(
        tmp_path / "SYSTEM", install_language="0411", hiberboot=True,
        static_ips=[(STATIC_GUID, "192.0.2.50", "255.255.255.0")],
        mounted_devices={"\\DosDevices\\C:": regf.mounted_device(SIGNATURE, 1048576),
                         "\\DosDevices\\D:": regf.mounted_device(0x0BADF00D, 1048576),
                         "\\DosDevices\\E:": b"DMIO:ID:" + bytes(16),
                         "\\??\\Volume{abc}": regf.mounted_device(SIGNATURE, 1048576)})
    # on NTFS the case of a path does not matter: the probe asks for the usual spelling
    fs = volume({"/WINDOWS/system32/CONFIG/software": software.read_bytes(),
                 f"{CONFIG}/SYSTEM": system.read_bytes(), "/hiberfil.sys": bytes(4096)})
    facts = probe(fs)
    assert facts.system == "partition 2"
    assert (facts.product_name, facts.edition_id, facts.current_build,
            facts.installation_type) == ("Windows Server 2016 Standard", "ServerStandard",
                                         "14393", "Server")
    assert (facts.install_language, facts.arch) == ("0411", "AMD64")
    assert facts.sql_servers == (SqlServer("MSSQLSERVER", "Standard Edition", "13.0.1601.5"),)
    assert (facts.licence_channel, facts.kms_host) == ("Volume:GVLK", "kms.example.org")
    assert (facts.hibernated, facts.fast_startup) == (False, True)
    assert facts.drive_letters == (DriveLetter("C:", True), DriveLetter("D:", False),
                                   DriveLetter("E:", None))
    static = next(i for i in facts.interfaces if i.name == STATIC_GUID)
    assert (static.dhcp, static.addresses, static.gateway, static.mac, static.bound_by_name) == (
        False, ("192.0.2.50/24",), "192.0.2.1", "", False)
    assert static.source.endswith(f"Interfaces\\{STATIC_GUID}")
    dhcp = next(i for i in facts.interfaces if i.name == regf.DEFAULT_DHCP_GUID)
    assert (dhcp.dhcp, dhcp.addresses) == (True, ())
    assert (facts.virtio_drivers, facts.vmware_tools, facts.cloudbase_init) == (
        False, True, True)


def test_english_retail_virtio_no_tools(tmp_path: Path) -> None:
    software = regf.software_hive(tmp_path / "SOFTWARE", product_name="Windows Server 2019 "
                                  "Datacenter", edition_id="ServerDatacenter",
                                  current_build="17763", installation_type="Server Core",
                                  vmware_tools=False, licence_channel="Retail")
    system = regf.system_hive(tmp_path / "SYSTEM", virtio=True, dhcp_guid=None)
    facts = probe(volume({f"{CONFIG}/SOFTWARE": software.read_bytes(),
                          f"{CONFIG}/SYSTEM": system.read_bytes()}), signature=None)
    assert (facts.current_build, facts.installation_type, facts.licence_channel) == (
        "17763", "Server Core", "Retail")
    assert (facts.virtio_drivers, facts.vmware_tools, facts.cloudbase_init) == (
        True, False, False)
    assert (facts.kms_host, facts.sql_servers, facts.interfaces) == ("", (), ())
    assert (facts.hibernated, facts.fast_startup) == (False, False)


def test_virtio_from_the_driver_store(tmp_path: Path) -> None:
    system = regf.system_hive(tmp_path / "SYSTEM")
    store = "/Windows/System32/DriverStore/FileRepository"
    facts = probe(volume({f"{CONFIG}/SYSTEM": system.read_bytes(),
                          f"{store}/vioscsi.inf_amd64_0123456789abcdef/vioscsi.sys": b"MZ"}))
    assert facts.virtio_drivers is True
    assert facts.product_name == ""  # no SOFTWARE hive: unknown, not a crash
    assert facts.vmware_tools is False  # SYSTEM was read: no VMTools service


def test_missing_or_damaged_hives_leave_fields_unknown(tmp_path: Path) -> None:
    blank = probe(volume({"/Windows/System32/config/BCD-Template": b""}))
    assert blank == WindowsFacts("partition 2", hibernated=False, virtio_drivers=None,
                                 vmware_tools=None)
    good = regf.software_hive(tmp_path / "SOFTWARE").read_bytes()
    damaged = probe(volume({f"{CONFIG}/SOFTWARE": good[:5000],
                            f"{CONFIG}/SYSTEM": b"regf" + bytes(9000)}))
    assert damaged.system == "partition 2"
    assert damaged.fast_startup is None
    assert damaged.drive_letters == ()


def test_control_set_from_select(tmp_path: Path) -> None:
    """Select\\Current names the set Windows boots; another set's values are ignored."""
    root = regf.Key(regf.SYSTEM_ROOT)
    root.child("Select").values["Current"] = 2
    root.path("ControlSet001\\Control\\Nls\\Language").values["InstallLanguage"] = "0409"
    root.path("ControlSet002\\Control\\Nls\\Language").values["InstallLanguage"] = "0411"
    root.path("ControlSet002\\Services\\VMTools").values["Start"] = 2
    system = regf.write_hive(tmp_path / "SYSTEM", root).read_bytes()
    facts = probe(volume({f"{CONFIG}/SYSTEM": system}))
    assert facts.install_language == "0411"
    assert facts.vmware_tools is True
    root.child("Select").values["Current"] = 7  # a set that is not there: ControlSet001
    system = regf.write_hive(tmp_path / "SYSTEM", root).read_bytes()
    assert probe(volume({f"{CONFIG}/SYSTEM": system})).install_language == "0409"


def test_not_windows() -> None:
    assert probe_windows(MemFS({"/etc/fstab": ""}), system_where="p1", disk_signature=None,
                         volumes=()) is None


@pytest.mark.parametrize(("head", "expected"), [
    (b"HIBR" + bytes(100), True), (b"WAKE" + bytes(100), True), (b"RSTR", True),
    (b"hibr" + bytes(4), True), (bytes(4096), False), (b"", False), (b"\x01\x02\x03\x04", None),
])
def test_hiberfil(head: bytes, expected: bool | None) -> None:
    assert hibernated(MemFS({"/hiberfil.sys": head}, kind="ntfs")) is expected


def test_no_hiberfil() -> None:
    assert hibernated(MemFS({}, kind="ntfs")) is False


@pytest.mark.parametrize(("blob", "expected"), [
    (regf.digital_product_id4("OEM:DM"), "OEM:DM"),
    (regf.digital_product_id4(""), ""),
    (None, ""), (b"short", ""),
    (bytes(1016) + "Retail".encode("utf-16-le"), "Retail"),  # no terminator, at the end
    (bytes(1016) + b"\x01\x00\x02\x00", ""),  # control characters: not a channel name
])
def test_licence_channel(blob: bytes | None, expected: str) -> None:
    assert licence_channel(blob) == expected


def test_mounted_devices_value_lengths(tmp_path: Path) -> None:
    odd = struct.pack("<I", SIGNATURE) + bytes(4)  # 8 bytes: not the MBR form
    system = regf.system_hive(tmp_path / "SYSTEM", mounted_devices={
        "\\DosDevices\\F:": odd, "\\DosDevices\\G:": regf.mounted_device(SIGNATURE, 0)})
    facts = probe(volume({f"{CONFIG}/SYSTEM": system.read_bytes()}))
    assert facts.drive_letters == (DriveLetter("F:", None), DriveLetter("G:", True))
    unknown_disk = probe(volume({f"{CONFIG}/SYSTEM": system.read_bytes()}), signature=None)
    assert unknown_disk.drive_letters == (DriveLetter("F:", None), DriveLetter("G:", None))
