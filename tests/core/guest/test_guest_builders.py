"""The test guests and hives are what they claim, as independent tools read them.

The builders (tests/helpers/guests.py, tests/helpers/regf.py) are what every guest-inspection
test stands on, so each is checked here with tools that share no code with it: sfdisk/sgdisk
for partition tables, blkid for filesystems, xfs_db and debugfs for file contents, LVM's own
report for logical volumes, ntfsls/ntfscat/ntfsinfo for NTFS, regipy and hivex for hives,
cpio for initramfs archives and qemu-img for the VMDKs.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import struct
import subprocess
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from regipy.registry import RegistryHive

from helpers import corpus, guests, regf
from helpers.guests import MIB, Guest, run

BuildGuest = Callable[..., Guest]  # the conftest's build_guest fixture


def tool(*names: str) -> None:
    guests.require(*names)


def ntfsls(image: Path, folder: str = "/") -> set[str]:
    tool("ntfsls")
    return set(run("ntfsls", "-p", folder, image).split()) - {".", ".."}


def region(image: Path, offset: int, size: int, out: Path) -> Path:
    """Copy a byte range of an image into its own (sparse) file, for tools without an offset."""
    guests.sparse_file(out, size)
    with image.open("rb") as f:
        f.seek(offset)
        data = f.read(size)
    guests.put(out, 0, data)
    return out


def blkid(image: Path, offset: int) -> dict[str, str]:
    tool("blkid")
    out = run("blkid", "-p", "-o", "export", "-O", str(offset), image, ok=(0, 2))
    pairs = (line.split("=", 1) for line in out.splitlines() if "=" in line)
    return {k: re.sub(r"\\(.)", r"\1", v) for k, v in pairs}  # export escapes spaces


def sfdisk(image: Path) -> dict[str, Any]:
    """The partition table as ``sfdisk --json`` reads it (util-linux, not our code)."""
    tool("sfdisk")
    table: dict[str, Any] = json.loads(run("sfdisk", "--json", image))["partitiontable"]
    return table


def xfs_read(image: Path, path: str) -> bytes:
    """A file's contents as xfs_db (xfsprogs' debugger) finds them: its size and extent map."""
    tool("xfs_db")
    sb = run("xfs_db", "-r", "-c", "sb 0", "-c", "p blocksize agblocks", image)
    blocksize = int(re.search(r"blocksize = (\d+)", sb).group(1))  # type: ignore[union-attr]
    agblocks = int(re.search(r"agblocks = (\d+)", sb).group(1))  # type: ignore[union-attr]
    out = run("xfs_db", "-r", "-c", f"path {path}", "-c", "p core.size", "-c", "bmap", image)
    size = int(re.search(r"core.size = (\d+)", out).group(1))  # type: ignore[union-attr]
    data = bytearray()
    with image.open("rb") as f:
        for m in re.finditer(r"offset (\d+) startblock \d+ \((\d+)/(\d+)\) count (\d+)", out):
            start_off, agno, agbno, count = map(int, m.groups())
            f.seek((agno * agblocks + agbno) * blocksize)
            data[start_off * blocksize:] = f.read(count * blocksize)
    return bytes(data[:size])


def xfs_ls(image: Path, path: str) -> dict[str, str]:
    """name -> type ("regular", "directory", "symlink") of one directory, by xfs_db."""
    out = run("xfs_db", "-r", "-c", f"path {path}", "-c", "ls", image)
    entries = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 6 and parts[-1] == "(good)":
            entries[parts[-2]] = parts[2]
    return entries


def debugfs_cat(image: Path, offset: int, path: str) -> str:
    tool("debugfs")
    return run("debugfs", "-R", f"cat {path}", f"{image}?offset={offset}")


def cpio_names(archive: bytes) -> list[str]:
    tool("cpio")
    result = subprocess.run(["cpio", "-it", "--quiet"], input=archive, capture_output=True,
                            check=True, timeout=30)
    return result.stdout.decode().split()


def split_initramfs(blob: bytes) -> tuple[bytes, bytes]:
    """(the early uncompressed cpio, the decompressed main cpio) of a dracut-style initramfs."""
    at = blob.find(b"\x1f\x8b\x08")
    assert at >= 0, "no gzip member"
    return blob[:at], gzip.decompress(blob[at:])


# -- regf: the hive writer, read by regipy and by hivex ---------------------------------------


class Reg:
    """regipy behind one typed door (it is untyped): the only place its calls are made."""

    def __init__(self, hive: Path) -> None:
        self._hive = RegistryHive(str(hive))  # type: ignore[no-untyped-call]
        self.hive_type: str | None = self._hive.hive_type

    def key(self, path: str) -> Any:
        return self._hive.get_key(path)  # type: ignore[no-untyped-call]

    def count_keys(self) -> int:
        """Every key, the root included."""
        walk = self._hive.recurse_subkeys(as_json=True)  # type: ignore[no-untyped-call]
        return sum(1 for _ in walk)


def binary(value: object) -> bytes:
    """regipy gives REG_BINARY data as hex text or as bytes (depending on the size)."""
    return value if isinstance(value, bytes) else bytes.fromhex(str(value))


def hivexget(hive: Path, key: str, value: str | None = None) -> str:
    tool("hivexget")
    return run("hivexget", hive, key, *([value] if value is not None else []))


def test_software_hive_reads_back_with_regipy_and_hivex(tmp_path: Path) -> None:
    hive = regf.software_hive(tmp_path / "SOFTWARE",
                              sql=[("MSSQLSERVER", "Standard Edition", "13.0.1601.5")],
                              licence_channel="Retail", kms_host="kms.example.com:1688",
                              cloudbase_init=True)
    reg = Reg(hive)
    cv = reg.key("\\" + regf.CURRENT_VERSION)
    assert cv.get_value("ProductName") == "Windows Server 2016 Standard"
    assert cv.get_value("EditionID") == "ServerStandard"
    assert cv.get_value("CurrentBuild") == cv.get_value("CurrentBuildNumber") == "14393"
    assert cv.get_value("InstallationType") == "Server"
    assert cv.get_value("CurrentVersion") == "6.3"
    assert cv.get_value("CurrentMajorVersionNumber") == 10
    blob = binary(cv.get_value("DigitalProductId4"))
    assert len(blob) == regf.PRODUCT_ID4_SIZE == 1272
    assert blob[1016:1016 + 12].decode("utf-16-le") == "Retail"
    sql = reg.key("\\" + regf.SQL_INSTANCES)
    assert sql.get_value("MSSQLSERVER") == "MSSQL13.MSSQLSERVER"
    setup = reg.key("\\Microsoft\\Microsoft SQL Server\\MSSQL13.MSSQLSERVER\\Setup")
    assert (setup.get_value("Edition"), setup.get_value("Version")) == (
        "Standard Edition", "13.0.1601.5")
    assert reg.key("\\VMware, Inc.\\VMware Tools")
    assert reg.key("\\Cloudbase Solutions\\Cloudbase-Init")
    assert reg.hive_type == "software"  # from the base block's file name

    key = "\\Microsoft\\Windows NT\\CurrentVersion"
    assert hivexget(hive, key, "ProductName") == "Windows Server 2016 Standard\n"
    assert hivexget(hive, key, "CurrentMajorVersionNumber") == "10\n"
    raw = subprocess.run(["hivexget", str(hive), key, "DigitalProductId4"], capture_output=True,
                         check=True, timeout=30).stdout
    assert raw == blob
    assert hivexget(hive, key + "\\SoftwareProtectionPlatform",
                    "KeyManagementServiceName") == "kms.example.com:1688\n"
    assert hivexget(hive, "\\Microsoft\\Microsoft SQL Server\\Instance Names\\SQL",
                    "MSSQLSERVER") == "MSSQL13.MSSQLSERVER\n"


def test_system_hive_reads_back_with_regipy_and_hivex(tmp_path: Path) -> None:
    guid = "{11111111-2222-4333-8444-555555555555}"
    hive = regf.system_hive(
        tmp_path / "SYSTEM", install_language="0411", hiberboot=True,
        static_ips=[(guid, "192.0.2.10", "255.255.255.0")], virtio=True,
        mounted_devices={"\\DosDevices\\C:": regf.mounted_device(0x1A2B3C4D, 9 * MIB)})
    reg = Reg(hive)
    assert reg.key("\\Select").get_value("Current") == 1
    cs = "\\ControlSet001"
    assert reg.key(cs + "\\Control\\Nls\\Language").get_value("InstallLanguage") == "0411"
    assert reg.key(cs + "\\Control\\Session Manager\\Environment").get_value(
        "PROCESSOR_ARCHITECTURE") == "AMD64"
    assert reg.key(cs + "\\Control\\Session Manager\\Power").get_value(
        "HiberbootEnabled") == 1
    nic = reg.key(cs + f"\\Services\\Tcpip\\Parameters\\Interfaces\\{guid}")
    assert nic.get_value("EnableDHCP") == 0
    assert nic.get_value("IPAddress") == ["192.0.2.10"]
    assert nic.get_value("SubnetMask") == ["255.255.255.0"]
    assert nic.get_value("DefaultGateway") == ["192.0.2.1"]
    viostor = reg.key(cs + "\\Services\\viostor")
    assert viostor.get_value("Start") == 0
    assert viostor.get_value("ImagePath") == "System32\\drivers\\viostor.sys"
    mounted = reg.key("\\MountedDevices").get_value("\\DosDevices\\C:")
    assert binary(mounted) == struct.pack("<IQ", 0x1A2B3C4D, 9 * MIB)
    assert reg.hive_type == "system"

    assert hivexget(hive, cs + f"\\Services\\Tcpip\\Parameters\\Interfaces\\{guid}",
                    "IPAddress") == "192.0.2.10\n\n"
    assert hivexget(hive, cs + "\\Control\\Nls\\Language", "InstallLanguage") == "0411\n"
    raw = subprocess.run(["hivexget", str(hive), "\\MountedDevices", "\\DosDevices\\C:"],
                         capture_output=True, check=True, timeout=30).stdout
    assert raw == struct.pack("<IQ", 0x1A2B3C4D, 9 * MIB)


def _count_keys(key: regf.Key) -> int:
    return 1 + sum(_count_keys(k) for k in key.subkeys)


def test_hivexregedit_exports_the_whole_tree(tmp_path: Path) -> None:
    """Many keys and values of every size spread over several hive bins; all come back."""
    tool("hivexregedit")
    root = regf.Key("ROOT")
    for i in range(150):
        key = root.path(f"Wide\\Key{i:03d}\\Sub")
        key.values[f"v{i}"] = "x" * (i * 7)
        key.values["big"] = bytes(range(256)) * (1 + i % 40)  # up to 10 KiB: cells span bins
    root.path("Types").values.update({
        "sz": "text", "dword": 0xFFFFFFFF, "bin": b"\x00\x01", "multi": ["a", "", "b"],
        "expand": (regf.REG_EXPAND_SZ, "%SystemRoot%\0".encode("utf-16-le")),
        "qword": (regf.REG_QWORD, struct.pack("<Q", 1 << 40)), "": "default value"})
    hive = regf.write_hive(tmp_path / "WIDE", root)
    assert hive.stat().st_size > 5 * regf.BLOCK  # several bins
    export = run("hivexregedit", "--export", hive, "\\")
    keys = [line for line in export.splitlines() if line.startswith("[")]
    assert len(keys) == _count_keys(root)
    assert '"dword"=dword:ffffffff' in export
    assert '"qword"=hex(b):00,00,00,00,00,01,00,00' in export
    reg = Reg(hive)
    assert reg.key("\\Wide\\Key149\\Sub").get_value("v149") == "x" * (149 * 7)
    assert binary(reg.key("\\Wide\\Key039\\Sub").get_value("big")) == bytes(
        range(256)) * 40
    assert reg.count_keys() == _count_keys(root)


def test_base_block_is_what_windows_writes(tmp_path: Path) -> None:
    hive = regf.write_hive(tmp_path / "SYSTEM", regf.Key("ROOT", {"a": 1}))
    data = hive.read_bytes()
    assert data[:4] == b"regf"
    assert len(data) % regf.BLOCK == 0
    seq1, seq2 = struct.unpack_from("<II", data, 4)
    assert seq1 == seq2
    assert struct.unpack_from("<II", data, 0x14) == (1, 5)
    root_offset, bins_size = struct.unpack_from("<II", data, 0x24)
    assert bins_size == len(data) - regf.BLOCK
    assert data[regf.BLOCK:regf.BLOCK + 4] == b"hbin"
    assert data[regf.BLOCK + root_offset + 4:regf.BLOCK + root_offset + 6] == b"nk"
    checksum = 0
    for (dword,) in struct.iter_unpack("<I", data[:508]):
        checksum ^= dword
    assert struct.unpack_from("<I", data, 508)[0] == checksum


def test_names_outside_latin1_are_stored_as_utf16(tmp_path: Path) -> None:
    root = regf.Key("ROOT")
    root.path("Software\\日本語").values["名前"] = "値"
    hive = regf.write_hive(tmp_path / "SOFTWARE", root)
    assert Reg(hive).key("\\Software\\日本語").get_value("名前") == "値"
    assert hivexget(hive, "\\Software\\日本語", "名前") == "値\n"


def test_writer_refuses_what_it_cannot_write(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="big-data"):
        regf.write_hive(tmp_path / "H", regf.Key("R", {"v": bytes(regf.MAX_PLAIN_DATA + 1)}))
    with pytest.raises(ValueError, match="DWORD"):
        regf.write_hive(tmp_path / "H", regf.Key("R", {"v": -1}))
    with pytest.raises(ValueError, match="duplicate"):
        regf.write_hive(tmp_path / "H", regf.Key("R", subkeys=[regf.Key("a"), regf.Key("A")]))


names = st.text(st.characters(codec="utf-8", exclude_characters="\\\0"), min_size=1,
                max_size=12)
values: st.SearchStrategy[regf.Value] = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_characters="\0"), max_size=40),
    st.integers(0, 0xFFFFFFFF), st.binary(max_size=300))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(tree=st.dictionaries(names, st.dictionaries(names, values, max_size=4), max_size=8))
def test_any_tree_reads_back_with_regipy(tmp_path: Path, tree: dict[str, dict[str, regf.Value]]
                                         ) -> None:
    by_upper: dict[str, dict[str, regf.Value]] = {}
    for name, vals in tree.items():  # Windows names are unique ignoring case
        if name.upper() not in {k.upper() for k in by_upper}:
            by_upper[name] = {k: v for k, v in vals.items()
                              if k.upper() not in {x.upper() for x in vals if x != k}}
    root = regf.Key("ROOT", subkeys=[regf.Key(n, dict(v)) for n, v in by_upper.items()])
    hive = regf.write_hive(tmp_path / "FUZZ", root)
    reg = Reg(hive)
    for name, vals in by_upper.items():
        key = reg.key("\\" + name)
        got = {v.name: v.value for v in key.iter_values()}
        for value_name, value in vals.items():
            read = binary(got[value_name]) if isinstance(value, bytes) else got[value_name]
            assert read == value, (name, value_name)


# -- partition tables and boot code -----------------------------------------------------------


def check_mbr(guest: Guest) -> None:
    table = sfdisk(guest.path)
    assert table["label"] == "dos"
    assert int(str(table["id"]), 16) == guest.expect["disk_signature"]
    got = [(p["start"] * 512, p["size"] * 512, int(p["type"], 16), bool(p.get("bootable")))
           for p in table["partitions"]]
    want = [(p["start"], p["size"], int(str(p["type_id"]), 16), p["bootable"])
            for p in guest.expect["partitions"]]
    assert got == want


def boot_code(guest: Guest) -> bytes:
    with guest.path.open("rb") as f:
        return f.read(440)


def test_centos7_disk_layout(centos7_guest: Guest) -> None:
    g = centos7_guest
    check_mbr(g)
    code = boot_code(g)
    assert code.count(0) < 300
    assert code[:3] == b"\xeb\x63\x90"
    assert code[0x17B:0x17B + 35] == b"GRUB \0Geom\0Hard Disk\0Read\0 Error\r\n\0"
    boot = blkid(g.path, 1 * MIB)
    assert (boot["TYPE"], boot["UUID"]) == ("xfs", g.expect["boot_uuid"])
    assert blkid(g.path, 17 * MIB)["TYPE"] == "LVM2_member"
    assert g.path.stat().st_blocks * 512 < 16 * MIB  # sparse: the image is 64 MiB


def test_centos7_logical_volumes_as_lvm_reports_them(centos7_guest: Guest) -> None:
    """LVM itself (on a loop device, limited to it) finds VG centos with root and swap, and
    the filesystems sit at the extents it reports."""
    guests.require_root()
    tool("lvs", "losetup")
    g = centos7_guest
    part = g.expect["partitions"][1]
    with guests.loop_device(g.path, part["start"], part["size"]) as dev:
        report = json.loads(guests.lvm(dev, "lvs", "--reportformat", "json", "--units", "b",
                                       "--nosuffix", "-o", "vg_name,lv_name,lv_size"))
    lvs = {(lv["vg_name"], lv["lv_name"]): int(lv["lv_size"]) for lv in report["report"][0]["lv"]}
    assert lvs == {("centos", "root"): 32 * MIB, ("centos", "swap"): 8 * MIB}
    extents = g.expect["lv_extents"]
    root = blkid(g.path, extents["root"][0])
    assert (root["TYPE"], root["UUID"]) == ("xfs", g.expect["root_uuid"])
    swap = blkid(g.path, extents["swap"][0])
    assert (swap["TYPE"], swap["UUID"]) == ("swap", g.expect["swap_uuid"])


def test_centos7_files(centos7_guest: Guest, tmp_path: Path) -> None:
    g = centos7_guest
    root_at, root_size = g.expect["lv_extents"]["root"]
    root = region(g.path, root_at, root_size, tmp_path / "root.xfs")
    os_release = xfs_read(root, "/etc/os-release").decode()
    assert 'ID="centos"' in os_release
    assert 'VERSION_ID="7"' in os_release
    assert xfs_read(root, "/etc/centos-release") == b"CentOS Linux release 7.8.2003 (Core)\n"
    assert xfs_ls(root, "/etc")["redhat-release"] == "symlink"
    assert xfs_ls(root, "/")["lib"] == "symlink"
    fstab = xfs_read(root, "/etc/fstab").decode()
    assert "/dev/mapper/centos-root /" in fstab
    assert f"UUID={g.expect['boot_uuid']} /boot" in fstab
    ifcfg = xfs_read(root, "/etc/sysconfig/network-scripts/ifcfg-ens192").decode()
    assert "BOOTPROTO=none" in ifcfg
    assert "IPADDR=192.0.2.10" in ifcfg
    assert "HWADDR=00:50:56:8A:12:34" in ifcfg
    kernel = str(g.expect["kernel"])
    assert "virtio_blk.ko.xz" in xfs_ls(root, f"/usr/lib/modules/{kernel}/kernel/drivers/block")
    assert "vmtoolsd" in xfs_ls(root, "/usr/bin")
    assert "cloud" not in xfs_ls(root, "/etc")

    boot = region(g.path, 1 * MIB, 16 * MIB, tmp_path / "boot.xfs")
    assert f"vmlinuz-{kernel}" in xfs_ls(boot, "/")
    assert b"linux16 /vmlinuz-" + kernel.encode() in xfs_read(boot, "/grub2/grub.cfg")
    early, main = split_initramfs(xfs_read(boot, f"/initramfs-{kernel}.img"))
    assert "kernel/x86/microcode/GenuineIntel.bin" in cpio_names(early)
    assert len(early) % 512 == 0
    names = cpio_names(main)
    assert f"usr/lib/modules/{kernel}/kernel/drivers/block/virtio_blk.ko.xz" in names
    assert "init" in names


def test_centos7_variants(build_guest: BuildGuest, tmp_path: Path) -> None:
    g = build_guest(guests.centos7, lvm=False, static_ip=False, cloud_init=True,
                    virtio_initramfs=False, fstab_extra=["/dev/sdb1 /data xfs defaults 0 0"])
    check_mbr(g)
    assert g.expect["root"] == "partition 2"
    root = region(g.path, 17 * MIB, 46 * MIB, tmp_path / "root.xfs")
    assert blkid(root, 0)["UUID"] == g.expect["root_uuid"]
    ifcfg = xfs_read(root, "/etc/sysconfig/network-scripts/ifcfg-ens192").decode()
    assert "BOOTPROTO=dhcp" in ifcfg
    assert "IPADDR" not in ifcfg
    assert "HWADDR" not in ifcfg
    assert xfs_read(root, "/etc/fstab").decode().rstrip().endswith("/dev/sdb1 /data xfs "
                                                                    "defaults 0 0")
    assert g.expect["fstab_other_disk"] == ["/dev/sdb1"]
    assert "cloud.cfg" in xfs_ls(root, "/etc/cloud")
    boot = region(g.path, 1 * MIB, 16 * MIB, tmp_path / "boot.xfs")
    _, main = split_initramfs(xfs_read(boot, f"/initramfs-{g.expect['kernel']}.img"))
    assert not [n for n in cpio_names(main) if "virtio" in n]


def test_ubuntu1804(ubuntu1804_guest: Guest, build_guest: BuildGuest) -> None:
    g = ubuntu1804_guest
    check_mbr(g)
    fs = blkid(g.path, 1 * MIB)
    assert (fs["TYPE"], fs["UUID"]) == ("ext4", g.expect["root_uuid"])
    assert 'VERSION_ID="18.04"' in debugfs_cat(g.path, MIB, "/usr/lib/os-release")
    link = run("debugfs", "-R", "stat /etc/os-release", f"{g.path}?offset={MIB}")
    assert "Type: symlink" in link
    assert "../usr/lib/os-release" in link
    netplan = debugfs_cat(g.path, MIB, "/etc/netplan/50-cloud-init.yaml")
    assert "dhcp4: true" in netplan
    assert "macaddress: 00:50:56:8a:12:34" in netplan
    assert f"UUID={g.expect['root_uuid']} /" in debugfs_cat(g.path, MIB, "/etc/fstab")
    assert "disable_root" in debugfs_cat(g.path, MIB, "/etc/cloud/cloud.cfg")
    features = run("dumpe2fs", "-h", f"{g.path}?offset={MIB}")
    assert "orphan_file" not in features
    assert "metadata_csum" in features

    static = build_guest(guests.ubuntu1804, netplan_static=True, cloud_init=False)
    netplan = debugfs_cat(static.path, MIB, "/etc/netplan/50-cloud-init.yaml")
    assert "- 192.0.2.10/24" in netplan
    assert "gateway4: 192.0.2.1" in netplan
    assert static.expect["static_ip"] == "192.0.2.10"
    assert "cloud.cfg" not in run("debugfs", "-R", "ls /etc/cloud", f"{static.path}?offset={MIB}")


def test_ubuntu1804_initrd(ubuntu1804_guest: Guest, tmp_path: Path) -> None:
    kernel = ubuntu1804_guest.expect["kernel"]
    out = tmp_path / "initrd"
    run("debugfs", "-R", f"dump /boot/initrd.img-{kernel} {out}",
        f"{ubuntu1804_guest.path}?offset={MIB}")
    _, main = split_initramfs(out.read_bytes())
    assert f"lib/modules/{kernel}/modules.builtin" in cpio_names(main)


def ntfs_partition(guest: Guest, number: int, out: Path) -> Path:
    part = guest.expect["partitions"][number - 1]
    return region(guest.path, part["start"], part["size"], out)


def test_windows2016(windows2016_guest: Guest, tmp_path: Path) -> None:
    tool("ntfsls", "ntfscat", "hivexget")
    g = windows2016_guest
    check_mbr(g)
    code = boot_code(g)
    assert b"Invalid partition table\0" in code
    assert b"Missing operating system\0" in code
    assert code[0x163:0x17B] == b"Invalid partition table\0"
    assert blkid(g.path, 1 * MIB)["LABEL"] == "System Reserved"
    assert blkid(g.path, 9 * MIB)["TYPE"] == "ntfs"
    reserved = ntfs_partition(g, 1, tmp_path / "reserved.ntfs")
    assert "bootmgr" in ntfsls(reserved)
    c = ntfs_partition(g, 2, tmp_path / "c.ntfs")
    assert ntfsls(c, "/Windows/System32/config") == {"SOFTWARE", "SYSTEM"}
    assert "ntoskrnl.exe" in ntfsls(c, "/Windows/System32")
    assert not ntfsls(c) & {"hiberfil.sys", "pagefile.sys"}
    software, system = tmp_path / "SOFTWARE", tmp_path / "SYSTEM"
    for hive in (software, system):
        hive.write_bytes(subprocess.run(["ntfscat", str(c), f"/Windows/System32/config/"
                                         f"{hive.name}"], capture_output=True, check=True,
                                        timeout=30).stdout)
    assert hivexget(software, "\\Microsoft\\Windows NT\\CurrentVersion",
                    "ProductName") == "Windows Server 2016 Standard\n"
    assert hivexget(system, "\\ControlSet001\\Control\\Nls\\Language",
                    "InstallLanguage") == "0409\n"
    mounted = subprocess.run(["hivexget", str(system), "\\MountedDevices", "\\DosDevices\\C:"],
                             capture_output=True, check=True, timeout=30).stdout
    assert mounted == struct.pack("<IQ", guests.WINDOWS_SIGNATURE, 9 * MIB)
    assert g.expect["os_type"] == "win2016SE_en"


def test_windows2016_japanese_with_sql(windows2016_ja_guest: Guest, tmp_path: Path) -> None:
    tool("ntfscat", "hivexget")
    g = windows2016_ja_guest
    c = ntfs_partition(g, 2, tmp_path / "c.ntfs")
    software, system = tmp_path / "SOFTWARE", tmp_path / "SYSTEM"
    for hive in (software, system):
        hive.write_bytes(subprocess.run(["ntfscat", str(c), f"/Windows/System32/config/"
                                         f"{hive.name}"], capture_output=True, check=True,
                                        timeout=30).stdout)
    assert hivexget(system, "\\ControlSet001\\Control\\Nls\\Language",
                    "InstallLanguage") == "0411\n"
    assert hivexget(software, "\\Microsoft\\Microsoft SQL Server\\MSSQL13.MSSQLSERVER\\Setup",
                    "Edition") == "Standard Edition\n"
    assert g.expect["os_type"] == "win2016SE_ja"


def test_windows2016_problem_variants(build_guest: BuildGuest, tmp_path: Path) -> None:
    tool("ntfsls", "ntfscat", "ntfsinfo")
    hib = build_guest(guests.windows2016, hibernated=True, fast_startup=True, static_ip=True,
                      other_disk_letter=True, virtio=True)
    c = ntfs_partition(hib, 2, tmp_path / "c.ntfs")
    header = subprocess.run(["ntfscat", str(c), "/hiberfil.sys"], capture_output=True,
                            check=True, timeout=30).stdout
    assert header[:4] == b"HIBR"
    assert len(header) == 4096
    system = tmp_path / "SYSTEM"
    system.write_bytes(subprocess.run(["ntfscat", str(c), "/Windows/System32/config/SYSTEM"],
                                      capture_output=True, check=True, timeout=30).stdout)
    reg = Reg(system)
    assert reg.key("\\ControlSet001\\Control\\Session Manager\\Power").get_value(
        "HiberbootEnabled") == 1
    d = binary(reg.key("\\MountedDevices").get_value("\\DosDevices\\D:"))
    assert struct.unpack("<IQ", d) == (guests.OTHER_DISK_SIGNATURE, MIB)
    nic = reg.key(f"\\ControlSet001\\Services\\Tcpip\\Parameters\\Interfaces\\"
                      f"{guests.WINDOWS_NIC}")
    assert nic.get_value("IPAddress") == ["192.0.2.10"]
    assert nic.get_value("EnableDHCP") == 0
    assert reg.key("\\ControlSet001\\Services\\viostor").get_value("Start") == 0
    assert "viostor.sys" in ntfsls(c, "/Windows/System32/drivers")
    assert hib.expect["drive_letters"] == {"C:": True, "D:": False}

    full = build_guest(guests.windows2016, nearly_full=True)
    free, total = guests.ntfs_free(ntfs_partition(full, 2, tmp_path / "full.ntfs"))
    assert free / total < 0.05
    assert full.expect["free_ratio"] == pytest.approx(free / total)
    assert full.path.stat().st_blocks * 512 < 16 * MIB  # still sparse

    locked = build_guest(guests.windows2016, bitlocker=True)
    fve = blkid(locked.path, 9 * MIB)
    assert fve.get("TYPE") == "BitLocker", fve
    with locked.path.open("rb") as f:
        f.seek(9 * MIB + 3)
        assert f.read(8) == b"-FVE-FS-"

    dynamic = build_guest(guests.windows2016, dynamic=True)
    check_mbr(dynamic)
    assert {p["type"] for p in sfdisk(dynamic.path)["partitions"]} == {"42"}


def test_uefi_linux(uefi_guest: Guest) -> None:
    tool("sgdisk")
    g = uefi_guest
    table = sfdisk(g.path)
    assert table["label"] == "gpt"
    parts = table["partitions"]
    assert [p["type"] for p in parts] == [p["type_id"] for p in g.expect["partitions"]]
    assert [(p["start"] * 512, p["size"] * 512) for p in parts] == [
        (p["start"], p["size"]) for p in g.expect["partitions"]]
    assert "EF00" in run("sgdisk", "-p", g.path)
    assert boot_code(g) == bytes(440)  # the protective MBR carries no boot code
    esp = blkid(g.path, 1 * MIB)
    assert (esp["TYPE"], esp["UUID"]) == ("vfat", "5A1B-2C3D")
    if shutil.which("mdir"):
        listing = run("mdir", "-b", "-i", f"{g.path}@@{MIB}", "::EFI/BOOT")
        assert "BOOTX64.EFI" in listing.upper()
    root = blkid(g.path, 17 * MIB)
    assert (root["TYPE"], root["UUID"]) == ("ext4", g.expect["root_uuid"])
    assert "/boot/efi" in debugfs_cat(g.path, 17 * MIB, "/etc/fstab")


@pytest.mark.parametrize(("builder", "os_id", "version"), [
    (guests.rhel8, "rhel", "8.6"), (guests.rocky8, "rocky", "8.6")])
def test_el8(build_guest: BuildGuest, tmp_path: Path, builder: object, os_id: str,
             version: str) -> None:
    g = build_guest(builder)
    check_mbr(g)
    root = region(g.path, MIB, 46 * MIB, tmp_path / "root.xfs")
    assert blkid(root, 0)["TYPE"] == "xfs"
    text = xfs_read(root, "/etc/os-release").decode()
    assert f'ID="{os_id}"' in text
    assert f'VERSION_ID="{version}"' in text
    assert "redhat-release" in xfs_ls(root, "/etc")
    ext4 = build_guest(builder, root_fs="ext4")
    assert f'ID="{os_id}"' in debugfs_cat(ext4.path, MIB, "/etc/os-release")


def test_rocky8_minor_releases(build_guest: BuildGuest, tmp_path: Path) -> None:
    g = build_guest(guests.rocky8, minor=5)
    root = region(g.path, MIB, 46 * MIB, tmp_path / "root.xfs")
    assert 'VERSION_ID="8.5"' in xfs_read(root, "/etc/os-release").decode()
    with pytest.raises(ValueError, match=r"8\.9"):
        guests.rocky8(tmp_path, minor=9)


def test_cannot_inspect_guests(blank_guest: Guest, unknown_fs_guest: Guest,
                               luks_guest: Guest) -> None:
    assert blank_guest.path.stat().st_size == 32 * MIB
    assert blank_guest.path.read_bytes().count(0) == 32 * MIB
    check_mbr(unknown_fs_guest)
    assert "TYPE" not in blkid(unknown_fs_guest.path, MIB)
    check_mbr(luks_guest)
    assert blkid(luks_guest.path, MIB)["TYPE"] == "crypto_LUKS"


# -- containers -------------------------------------------------------------------------------


@pytest.mark.parametrize("subformat", corpus.QEMU_VMDK_SUBFORMATS)
def test_to_vmdk_every_subformat(ubuntu1804_guest: Guest, tmp_path: Path,
                                 subformat: str) -> None:
    vmdk = guests.to_vmdk(ubuntu1804_guest, tmp_path / "guest.vmdk", subformat)
    info = json.loads(corpus.qemu("info", "--output=json", vmdk))
    assert info["format"] == "vmdk"
    assert info["virtual-size"] == ubuntu1804_guest.path.stat().st_size
    assert info["format-specific"]["data"]["create-type"] == subformat
    corpus.qemu("compare", "-q", "-f", "raw", "-F", "vmdk", ubuntu1804_guest.path, vmdk)


def test_to_ova_and_vmx(uefi_guest: Guest, tmp_path: Path) -> None:
    vmdk = guests.to_vmdk(uefi_guest.path, tmp_path / "efi01-disk1.vmdk")
    ova = guests.to_ova(vmdk, tmp_path / "efi01.ova", firmware="efi", os_id="ubuntu64Guest")
    assert guests.members(ova) == ["efi01.ovf", "efi01.mf", "efi01-disk1.vmdk"]
    with tarfile.open(ova) as t:
        ovf = t.extractfile("efi01.ovf").read().decode()  # type: ignore[union-attr]
        inner = t.extractfile("efi01-disk1.vmdk").read()  # type: ignore[union-attr]
    assert 'vmw:key="firmware" vmw:value="efi"' in ovf
    assert "ubuntu64Guest" in ovf
    assert inner == vmdk.read_bytes()
    plain = guests.to_ova(vmdk, tmp_path / "plain.ova")
    with tarfile.open(plain) as t:
        assert "firmware" not in t.extractfile("plain.ovf").read().decode()  # type: ignore[union-attr]
    vmx = guests.to_vmx(vmdk, tmp_path / "efi01.vmx", firmware="efi")
    text = vmx.read_text()
    assert 'firmware = "efi"' in text
    assert 'scsi0:0.fileName = "efi01-disk1.vmdk"' in text


def test_newc_archive_reads_back_with_cpio() -> None:
    archive = guests.newc({"a/b/c.txt": b"hello", "top": b""})
    assert cpio_names(archive) == ["a", "a/b", "a/b/c.txt", "top", ]
    result = subprocess.run(["cpio", "-i", "--to-stdout", "--quiet", "a/b/c.txt"],
                            input=archive, capture_output=True, check=True, timeout=30)
    assert result.stdout == b"hello"
    assert io.BytesIO(archive).read(6) == b"070701"


# -- the builders leave nothing behind --------------------------------------------------------


def attached_loops(image: Path) -> str:
    return run("losetup", "--associated", image)


def test_builds_leave_no_loop_device_or_mount(centos7_guest: Guest,
                                              windows2016_guest: Guest) -> None:
    guests.require_root()
    tool("losetup")
    assert attached_loops(centos7_guest.path) == ""
    mounts = Path("/proc/self/mountinfo").read_text()
    assert str(centos7_guest.path.parent) not in mounts
    assert str(windows2016_guest.path.parent) not in mounts


def test_loop_device_is_detached_when_a_step_fails(tmp_path: Path) -> None:
    guests.require_root()
    tool("losetup")
    image = guests.sparse_file(tmp_path / "disk.raw", 8 * MIB)

    def failing_step() -> None:
        with guests.loop_device(image, MIB, 4 * MIB) as device:
            assert Path(device).exists()
            assert attached_loops(image) != ""
            raise RuntimeError("step failed")

    with pytest.raises(RuntimeError, match="step failed"):
        failing_step()
    assert attached_loops(image) == ""


def test_ntfs_is_unmounted_when_a_step_fails(tmp_path: Path) -> None:
    guests.require_root()
    tool("mkntfs", "ntfs-3g", "ntfsls")
    image = guests.make_ntfs(tmp_path / "c.ntfs", 8 * MIB, start=MIB, label="")

    def failing_step() -> None:
        with guests.ntfs_mounted(image, tmp_path / "mnt") as mnt:
            (mnt / "written-before").write_bytes(b"kept")
            raise RuntimeError("step failed")

    with pytest.raises(RuntimeError, match="step failed"):
        failing_step()
    assert str(tmp_path / "mnt") not in Path("/proc/self/mountinfo").read_text()
    assert "written-before" in ntfsls(image)  # the daemon wrote back before it exited
