"""The Linux probe over in-memory roots: release variants, kernels, fstab, every network format."""

from __future__ import annotations

import gzip
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.memfs import MemFS
from vmdkimport.core.guest.facts import LinuxFacts, Volume
from vmdkimport.core.guest.linux import (
    elf_arch,
    looks_like_linux_root,
    parse_fstab,
    parse_key_values,
    probe_linux,
    spec_on_disk,
)

ROOT_UUID = "5a1b9c3e-0000-4000-8000-000000000001"
BOOT_UUID = "5a1b9c3e-0000-4000-8000-000000000002"
VOLUMES = (
    Volume("partition 1", 1048576, 1 << 30, "xfs", label="boot", uuid=BOOT_UUID),
    Volume("partition 2", 1 << 30, 20 << 30, "lvm2-pv"),
    Volume("LVM centos/root", 0, 17 << 30, "xfs", uuid=ROOT_UUID),
    Volume("LVM centos/swap", 0, 2 << 30, "swap", uuid="5a1b9c3e-0000-4000-8000-000000000003"),
)


def newc(files: dict[str, bytes]) -> bytes:
    out = bytearray()
    for ino, (name, data) in enumerate([*files.items(), ("TRAILER!!!", b"")], 1):
        raw = name.encode() + b"\x00"
        fields = [ino, 0o100644, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(raw), 0]
        out += b"070701" + b"".join(b"%08X" % f for f in fields) + raw
        out += b"\x00" * (-len(out) % 4) + data + b"\x00" * (-len(data) % 4)
    return bytes(out)


def elf(machine: int, *, bits: int = 2, little: bool = True) -> bytes:
    order = "<" if little else ">"
    return b"\x7fELF" + bytes([bits, 1 if little else 2, 1]) + bytes(9) + struct.pack(
        order + "HH", 2, machine) + bytes(40)


def probe(files: dict[str, bytes | str], **kwargs: object) -> LinuxFacts:
    symlinks = kwargs.pop("symlinks", None)
    boot = kwargs.pop("boot", None)
    root = MemFS(files, symlinks=symlinks)  # type: ignore[arg-type]
    facts = probe_linux(root, root_where="LVM centos/root", volumes=VOLUMES,
                        boot=boot)  # type: ignore[arg-type]
    assert facts is not None
    return facts


# --- what is a root ------------------------------------------------------------------------

def test_not_a_linux_root() -> None:
    assert probe_linux(MemFS({"/grub2/grub.cfg": ""}), root_where="p1", volumes=()) is None
    assert probe_linux(MemFS({"/Windows/System32/config/SYSTEM": b""}), root_where="p1",
                       volumes=()) is None
    assert looks_like_linux_root(MemFS({"/etc/fstab": ""}))


# --- release -------------------------------------------------------------------------------

CENTOS7_OS_RELEASE = '''NAME="CentOS Linux"
VERSION="7 (Core)"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="7"
PRETTY_NAME="CentOS Linux 7 (Core)"
'''
RHEL8_OS_RELEASE = '''NAME="Red Hat Enterprise Linux"
VERSION="8.6 (Ootpa)"
ID="rhel"
VERSION_ID="8.6"
PRETTY_NAME="Red Hat Enterprise Linux 8.6 (Ootpa)"
'''


@pytest.mark.parametrize(("files", "expected"), [
    pytest.param({"/etc/os-release": CENTOS7_OS_RELEASE,
                  "/etc/centos-release": "CentOS Linux release 7.8.2003 (Core)\n",
                  "/etc/redhat-release": "CentOS Linux release 7.8.2003 (Core)\n"},
                 ("centos", "7", "CentOS Linux 7 (Core)", "7.8.2003"), id="centos7"),
    pytest.param({"/etc/os-release": 'NAME="Red Hat Enterprise Linux Server"\nVERSION="7.9 '
                                     '(Maipo)"\nID="rhel"\nVERSION_ID="7.9"\nPRETTY_NAME='
                                     '"Red Hat Enterprise Linux Server 7.9 (Maipo)"\n',
                  "/etc/redhat-release": "Red Hat Enterprise Linux Server release 7.9 (Maipo)"},
                 ("rhel", "7.9", "Red Hat Enterprise Linux Server 7.9 (Maipo)", "7.9"),
                 id="rhel7"),
    pytest.param({"/etc/os-release": RHEL8_OS_RELEASE,
                  "/etc/redhat-release": "Red Hat Enterprise Linux release 8.6 (Ootpa)\n"},
                 ("rhel", "8.6", "Red Hat Enterprise Linux 8.6 (Ootpa)", "8.6"), id="rhel8"),
    *(pytest.param({"/etc/os-release": f'NAME="Rocky Linux"\nVERSION="{v} (Green Obsidian)"\n'
                                       f'ID="rocky"\nID_LIKE="rhel centos fedora"\n'
                                       f'VERSION_ID="{v}"\nPRETTY_NAME="Rocky Linux {v} '
                                       f'(Green Obsidian)"\n',
                    "/etc/rocky-release": f"Rocky Linux release {v} (Green Obsidian)\n"},
                   ("rocky", v, f"Rocky Linux {v} (Green Obsidian)", v), id=f"rocky{v}")
      for v in ("8.5", "8.6", "8.7")),
    pytest.param({"/etc/os-release": 'NAME="Ubuntu"\nVERSION="18.04.6 LTS (Bionic Beaver)"\n'
                                     'ID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu 18.04.6 '
                                     'LTS"\nVERSION_ID="18.04"\n',
                  "/etc/debian_version": "buster/sid\n",
                  "/etc/lsb-release": "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=18.04\n"},
                 ("ubuntu", "18.04", "Ubuntu 18.04.6 LTS", "18.04.6"), id="ubuntu1804"),
    pytest.param({"/usr/lib/os-release": 'NAME="Ubuntu"\nVERSION="20.04.6 LTS (Focal Fossa)"\n'
                                         'ID=ubuntu\nPRETTY_NAME="Ubuntu 20.04.6 LTS"\n'
                                         'VERSION_ID="20.04"\n',
                  "/etc/fstab": ""},
                 ("ubuntu", "20.04", "Ubuntu 20.04.6 LTS", "20.04.6"), id="ubuntu2004-usr-lib"),
    pytest.param({"/etc/os-release": 'PRETTY_NAME="Debian GNU/Linux 10 (buster)"\nNAME="Debian '
                                     'GNU/Linux"\nVERSION_ID="10"\nVERSION="10 (buster)"\n'
                                     'ID=debian\n',
                  "/etc/debian_version": "10.13\n"},
                 ("debian", "10", "Debian GNU/Linux 10 (buster)", "10.13"), id="debian10"),
    pytest.param({"/etc/redhat-release": "CentOS release 6.10 (Final)\n"},
                 ("centos", "6", "CentOS release 6.10 (Final)", "6.10"), id="centos6-file-only"),
    pytest.param({"/etc/redhat-release": "Red Hat Enterprise Linux release 8.4 (Ootpa)\n"},
                 ("rhel", "8.4", "Red Hat Enterprise Linux release 8.4 (Ootpa)", "8.4"),
                 id="rhel8-file-only"),
    pytest.param({"/etc/lsb-release": 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=14.04\n'
                                      'DISTRIB_DESCRIPTION="Ubuntu 14.04.6 LTS"\n'},
                 ("ubuntu", "14.04", "Ubuntu 14.04.6 LTS", "14.04.6"), id="lsb-only"),
    pytest.param({"/etc/debian_version": "8.11\n"},
                 ("debian", "8", "Debian GNU/Linux 8.11", "8.11"), id="debian-version-only"),
    pytest.param({"/etc/fstab": ""}, ("", "", "", ""), id="nothing-known"),
])
def test_release(files: dict[str, bytes | str], expected: tuple[str, str, str, str]) -> None:
    facts = probe(files)
    assert (facts.os_id, facts.version_id, facts.pretty_name, facts.release) == expected


def test_os_release_symlink_to_usr_lib() -> None:
    facts = probe({"/usr/lib/os-release": RHEL8_OS_RELEASE},
                  symlinks={"/etc/os-release": "../usr/lib/os-release"})
    assert (facts.os_id, facts.version_id) == ("rhel", "8.6")


def test_os_release_quoting() -> None:
    values = parse_key_values('A="x \\"y\\" \\$z"\nB=\'single # kept\'\nC=bare # comment\n'
                              '# D=no\nnot a line\nexport E=1\n9X=bad\n')
    assert values == {"A": 'x "y" $z', "B": "single # kept", "C": "bare", "E": "1"}


# --- kernels, arch, virtio -------------------------------------------------------------------

EL7 = "3.10.0-1160.el7.x86_64"
EL7_OLD = "3.10.0-957.el7.x86_64"


def _initramfs(*names: str) -> bytes:
    early = newc({"kernel/x86/microcode/GenuineIntel.bin": b"\x01" * 64})
    return early + gzip.compress(newc(dict.fromkeys(["init", *names], b"x")))


def test_centos7_kernels_initramfs_and_modules() -> None:
    module = f"usr/lib/modules/{EL7}/kernel/drivers/block/virtio_blk.ko.xz"
    files: dict[str, bytes | str] = {
        "/etc/os-release": CENTOS7_OS_RELEASE,
        f"/boot/vmlinuz-{EL7}": b"k", f"/boot/initramfs-{EL7}.img": _initramfs(module),
        f"/boot/vmlinuz-{EL7_OLD}": b"k", f"/boot/initramfs-{EL7_OLD}.img": _initramfs(),
        "/boot/vmlinuz-0-rescue-0123abcd": b"k",
        f"/usr/lib/modules/{EL7}/kernel/drivers/block/virtio_blk.ko.xz": b"m",
    }
    facts = probe(files, symlinks={"/lib": "usr/lib"})
    assert [k.version for k in facts.kernels] == [EL7, EL7_OLD, "0-rescue-0123abcd"]
    newest, older, rescue = facts.kernels
    assert (newest.initramfs, newest.virtio_in_initramfs) == (f"/boot/initramfs-{EL7}.img", True)
    # only the image that boots is read (the 64 MiB read budget): an older kernel's is not
    assert (older.initramfs, older.virtio_in_initramfs) == (f"/boot/initramfs-{EL7_OLD}.img", None)
    assert (rescue.initramfs, rescue.virtio_in_initramfs) == ("", None)
    assert facts.arch == "x86_64"
    assert facts.virtio_modules is True


def test_separate_boot_filesystem() -> None:
    boot = MemFS({f"/vmlinuz-{EL7}": b"k", f"/initramfs-{EL7}.img": _initramfs(
        "lib/modules/x/kernel/drivers/scsi/virtio_scsi.ko")}, kind="xfs", uuid=BOOT_UUID)
    facts = probe({"/etc/os-release": CENTOS7_OS_RELEASE}, boot=boot)
    assert facts.kernels[0].initramfs == f"/boot/initramfs-{EL7}.img"
    assert facts.kernels[0].virtio_in_initramfs is True
    assert facts.virtio_modules is None  # no /lib/modules at all


def test_zstd_initramfs_and_limits_are_cannot_tell() -> None:
    early = newc({"kernel/x86/microcode/AuthenticAMD.bin": b"\x01"})
    facts = probe({"/etc/os-release": "ID=ubuntu\n", "/boot/vmlinuz-5.15.0-91-generic": b"k",
                   "/boot/initrd.img-5.15.0-91-generic": early + b"\x28\xb5\x2f\xfd" + bytes(64)})
    assert facts.kernels[0].virtio_in_initramfs is None
    root = MemFS({"/etc/os-release": "ID=rhel\n", f"/boot/vmlinuz-{EL7}": b"k",
                  f"/boot/initramfs-{EL7}.img": _initramfs()})
    limited = probe_linux(root, root_where="r", volumes=(), initramfs_limit=10)
    assert limited is not None
    assert limited.kernels[0].virtio_in_initramfs is None


def test_ubuntu_builtin_virtio_and_elf_arch() -> None:
    version = "4.15.0-213-generic"
    files: dict[str, bytes | str] = {
        "/etc/os-release": "ID=ubuntu\n",
        f"/boot/vmlinuz-{version}": b"k", f"/boot/initrd.img-{version}": _initramfs(),
        f"/lib/modules/{version}/modules.builtin":
            "kernel/drivers/block/virtio_blk.ko\nkernel/drivers/scsi/virtio_scsi.ko\n",
        f"/lib/modules/{version}/modules.dep": "kernel/fs/xfs/xfs.ko:\n",
        "/usr/bin/dash": elf(62),
    }
    facts = probe(files, symlinks={"/bin": "usr/bin", "/usr/bin/sh": "dash"})
    assert facts.kernels[0].virtio_in_initramfs is True  # built in: there at boot
    assert facts.virtio_modules is True
    assert facts.arch == "x86_64"  # from /bin/sh -> dash, through the /bin -> usr/bin link


def test_virtio_modules_from_modules_dep_or_absent() -> None:
    base: dict[str, bytes | str] = {"/etc/os-release": "ID=rhel\n", f"/boot/vmlinuz-{EL7}": b"k"}
    dep = f"/lib/modules/{EL7}/modules.dep"
    with_dep = probe({**base, dep: "kernel/drivers/block/virtio_blk.ko.xz: kernel/virtio.ko\n"})
    assert with_dep.virtio_modules is True
    without = probe({**base, dep: "kernel/fs/xfs/xfs.ko.xz:\n"})
    assert without.virtio_modules is False
    assert probe(base).virtio_modules is None
    # no kernel in /boot: the newest modules folder is looked at
    only_modules = probe({"/etc/os-release": "ID=rhel\n",
                          "/lib/modules/4.18.0-372.el8.x86_64/modules.dep": "a.ko:\n",
                          "/lib/modules/4.18.0-80.el8.x86_64/kernel/drivers/block/"
                          "virtio_blk.ko.xz": b"m"})
    assert only_modules.virtio_modules is False


@pytest.mark.parametrize(("header", "arch"), [
    (elf(62), "x86_64"), (elf(3, bits=1), "i686"), (elf(183), "aarch64"),
    (elf(21), "ppc64le"), (elf(21, little=False), "ppc64"), (elf(999), ""), (b"\x7fELF", ""),
    (b"#!/bin/sh\n" * 4, ""),
])
def test_elf_arch(header: bytes, arch: str) -> None:
    assert elf_arch(header) == arch


def bzimage(*, protocol: int = 0x020D, xloadflags: int = 1) -> bytes:
    image = bytearray(0x400)
    image[0x202:0x206] = b"HdrS"
    struct.pack_into("<H", image, 0x206, protocol)
    struct.pack_into("<H", image, 0x236, xloadflags)
    return bytes(image)


def test_arch_from_the_bzimage_header() -> None:
    """Ubuntu's kernel names say no arch; with no ELF binary read, the bzImage's flag does."""
    name = "/boot/vmlinuz-4.15.0-213-generic"
    assert probe({"/etc/fstab": "", name: bzimage()}).arch == "x86_64"
    assert probe({"/etc/fstab": "", name: bzimage(xloadflags=0)}).arch == ""
    assert probe({"/etc/fstab": "", name: bzimage(protocol=0x020B)}).arch == ""
    assert probe({"/etc/fstab": "", name: b"MZ"}).arch == ""


def test_arch_from_kernel_names() -> None:
    assert probe({"/etc/fstab": "", "/boot/vmlinuz-4.19.0-25-amd64": b""}).arch == "x86_64"
    assert probe({"/etc/fstab": "", "/boot/vmlinuz-2.6.32-754.el6.i686": b""}).arch == "i686"
    assert probe({"/etc/fstab": ""}).arch == ""


# --- fstab ---------------------------------------------------------------------------------

FSTAB = f"""
#
# /etc/fstab
# Created by anaconda
/dev/mapper/centos-root /                       xfs     defaults        0 0
UUID={BOOT_UUID} /boot                   xfs     defaults        0 0
/dev/mapper/centos-swap swap                    swap    defaults        0 0
UUID=0c9b7a44-1111-2222-3333-444455556666 /data xfs defaults 0 0
LABEL=boot /boot2 xfs defaults 0 0
LABEL=elsewhere /mnt/x ext4 defaults 0 0
/dev/sdb1 /srv ext4 defaults,nofail 0 2
/dev/vg_data/lv_data /data2 ext4 defaults 0 0
/dev/mapper/my--vg-my--lv /data3 ext4 defaults 0 0
PARTUUID=0001-02 /p ext4 defaults 0 0
tmpfs /dev/shm tmpfs defaults 0 0
proc /proc proc defaults 0 0
nas:/export /mnt/My\\040Share nfs defaults 0 0
/srv/a /srv/b none bind 0 0
/dev/disk/by-uuid/{ROOT_UUID} /again xfs defaults 0 0
/dev/disk/by-label/my\\x20label /lbl ext4 defaults 0 0
onlyonefield
"""


def test_fstab_entries_and_where_they_are() -> None:
    entries = {e.mountpoint: e for e in parse_fstab(FSTAB, VOLUMES)}
    assert "/proc" not in entries
    assert "/dev/shm" not in entries
    expected = {
        "/": True, "/boot": True, "swap": True, "/data": False, "/boot2": True, "/mnt/x": False,
        "/srv": None, "/data2": False, "/data3": False, "/p": None, "/mnt/My Share": None,
        "/srv/b": None, "/again": True, "/lbl": False,
    }
    assert {m: e.on_this_disk for m, e in entries.items()} == expected
    assert entries["/srv"].options == "defaults,nofail"
    assert entries["/mnt/My Share"].fstype == "nfs"


def test_fstab_lvm_names_with_dashes() -> None:
    vols = (Volume("LVM my-vg/my-lv", 0, 1, "ext4", uuid="u"),)
    assert spec_on_disk("/dev/mapper/my--vg-my--lv", vols) is True
    assert spec_on_disk("/dev/my-vg/my-lv", vols) is True
    assert spec_on_disk("/dev/mapper/other-lv", vols) is False
    damaged = (*vols, Volume("partition 3", 0, 1, "lvm2-pv", unreadable="bad metadata"))
    assert spec_on_disk("/dev/mapper/other-lv", damaged) is None


def test_fstab_uuid_miss_with_an_unread_volume_is_cannot_tell() -> None:
    vols = (Volume("partition 1", 0, 1, "ext4", uuid="aaaa"),
            Volume("partition 2", 0, 1, "xfs", unreadable="damaged superblock"))
    assert spec_on_disk("UUID=aaaa", vols) is True
    assert spec_on_disk("UUID=bbbb", vols) is None
    assert spec_on_disk("LABEL=x", vols) is None
    assert spec_on_disk("UUID=AAAA", vols[:1]) is True
    assert spec_on_disk("UUID=bbbb", vols[:1]) is False
    assert spec_on_disk("/dev/hda1", vols) is None
    assert spec_on_disk("/dev/nvme0n1p1", vols) is None
    assert spec_on_disk("weird", vols) is None


def test_fstab_missing_or_empty() -> None:
    assert parse_fstab(None, VOLUMES) == []
    assert probe({"/etc/os-release": "ID=rhel\n"}).fstab == ()


# --- network -------------------------------------------------------------------------------

def test_ifcfg() -> None:
    scripts = "/etc/sysconfig/network-scripts"
    facts = probe({
        "/etc/os-release": CENTOS7_OS_RELEASE,
        f"{scripts}/ifcfg-ens192": 'TYPE=Ethernet\nBOOTPROTO=none\nNAME=ens192\nDEVICE=ens192\n'
                                   'ONBOOT=yes\nIPADDR=192.0.2.10\nPREFIX=24\nGATEWAY=192.0.2.1\n'
                                   'HWADDR="00:50:56:AB:CD:EF"\nIPV6ADDR=2001:db8::10/64\n',
        f"{scripts}/ifcfg-eth1": 'DEVICE="eth1"\nBOOTPROTO="static"\nIPADDR0=198.51.100.5\n'
                                 'NETMASK0=255.255.255.0\nIPADDR1=198.51.100.6\nPREFIX1=25\n'
                                 'GATEWAY0=198.51.100.1\n',
        f"{scripts}/ifcfg-eth2": "BOOTPROTO=dhcp\nHWADDR=00:50:56:00:00:02\n",
        f"{scripts}/ifcfg-eth3": "ONBOOT=no\n",
        f"{scripts}/ifcfg-lo": "DEVICE=lo\nIPADDR=127.0.0.1\n",
        f"{scripts}/ifcfg-eth0.bak": "DEVICE=eth0\n",
        f"{scripts}/route-eth0": "x\n",
    })
    found = {i.name: i for i in facts.interfaces}
    assert set(found) == {"ens192", "eth1", "eth2", "eth3"}
    ens = found["ens192"]
    assert (ens.dhcp, ens.addresses, ens.gateway, ens.mac, ens.bound_by_name) == (
        False, ("192.0.2.10/24", "2001:db8::10/64"), "192.0.2.1", "00:50:56:ab:cd:ef", True)
    assert ens.source == f"{scripts}/ifcfg-ens192"
    assert found["eth1"].addresses == ("198.51.100.5/24", "198.51.100.6/25")
    assert found["eth1"].gateway == "198.51.100.1"
    assert (found["eth2"].dhcp, found["eth2"].bound_by_name) == (True, False)
    assert found["eth3"].dhcp is None


def test_networkmanager_keyfiles() -> None:
    folder = "/etc/NetworkManager/system-connections"
    facts = probe({
        "/etc/os-release": RHEL8_OS_RELEASE,
        f"{folder}/ens192.nmconnection": "[connection]\nid=ens192\ntype=ethernet\n"
                                          "interface-name=ens192\n\n[ethernet]\n"
                                          "mac-address=00:50:56:AA:BB:CC\n\n[ipv4]\n"
                                          "address1=192.0.2.20/24,192.0.2.1\nmethod=manual\n\n"
                                          "[ipv6]\nmethod=auto\n",
        f"{folder}/Wired connection 1": "[connection]\nid=Wired connection 1\ntype=ethernet\n"
                                        "[802-3-ethernet]\nmac-address=0;80;86;1;2;3;\n"
                                        "[ipv4]\nmethod=auto\n",
        f"{folder}/old.nmconnection": "[connection]\nid=old\ntype=ethernet\n[ipv4]\n"
                                      "method=manual\naddresses1=203.0.113.7;24;203.0.113.1;\n"
                                      "gateway=203.0.113.1\n",
        f"{folder}/wifi.nmconnection": "[connection]\nid=w\ntype=wifi\n",
        f"{folder}/broken.nmconnection": "not an ini file [[[\n",
    })
    found = {i.name: i for i in facts.interfaces}
    assert set(found) == {"ens192", "Wired connection 1", "old"}
    ens = found["ens192"]
    assert (ens.dhcp, ens.addresses, ens.gateway, ens.mac, ens.bound_by_name) == (
        False, ("192.0.2.20/24",), "192.0.2.1", "00:50:56:aa:bb:cc", True)
    wired = found["Wired connection 1"]
    assert (wired.dhcp, wired.mac, wired.bound_by_name) == (True, "00:50:56:01:02:03", False)
    assert found["old"].gateway == "203.0.113.1"


NETPLAN = """# This is the network config written by 'subiquity'
network:
  version: 2
  renderer: networkd
  ethernets:
    ens160:
      dhcp4: no
      addresses: [192.0.2.30/24, "2001:db8::30/64"]
      gateway4: 192.0.2.1
      nameservers:
        addresses: [192.0.2.53]
    nic1:
      match:
        macaddress: "00:50:56:12:34:56"
      set-name: eth1
      addresses:
        - 198.51.100.30/24:
            lifetime: 0
      routes:
        - to: default
          via: 198.51.100.1
    ens224:
      dhcp4: true
  bonds:
    bond0:
      interfaces: [ens256]
      dhcp4: yes
"""


def test_netplan() -> None:
    facts = probe({"/etc/os-release": "ID=ubuntu\n", "/etc/netplan/50-cloud-init.yaml": NETPLAN,
                   "/etc/netplan/99-broken.yaml": "network: [unclosed\n",
                   "/etc/netplan/98-scalar.yaml": "just a string\n",
                   "/etc/netplan/readme.txt": "network: {}\n"})
    found = {i.name: i for i in facts.interfaces}
    assert set(found) == {"ens160", "eth1", "ens224", "bond0"}
    ens = found["ens160"]
    assert (ens.dhcp, ens.addresses, ens.gateway, ens.mac, ens.bound_by_name) == (
        False, ("192.0.2.30/24", "2001:db8::30/64"), "192.0.2.1", "", True)
    nic = found["eth1"]
    assert (nic.addresses, nic.gateway, nic.mac, nic.bound_by_name) == (
        ("198.51.100.30/24",), "198.51.100.1", "00:50:56:12:34:56", False)
    assert found["ens224"].dhcp is True
    assert found["bond0"].dhcp is True


def test_netplan_too_deep_or_alias_bomb_is_skipped_quickly() -> None:
    deep = "network: " + "[" * 5000 + "]" * 5000 + "\n"
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9)
    ) + "network:\n  ethernets:\n    eth0: {dhcp4: true}\n"
    facts = probe({"/etc/os-release": "ID=ubuntu\n", "/etc/netplan/a.yaml": deep,
                   "/etc/netplan/b.yaml": bomb})
    assert [i.name for i in facts.interfaces] == ["eth0"]


def test_debian_interfaces() -> None:
    facts = probe({
        "/etc/os-release": "ID=debian\n",
        "/etc/network/interfaces": "source /etc/network/interfaces.d/*\n"
                                   "auto lo\niface lo inet loopback\n\n"
                                   "auto eth0\niface eth0 inet static\n  address 192.0.2.40\n"
                                   "  netmask 255.255.255.0\n  gateway 192.0.2.1 # gw\n"
                                   "  dns-nameservers 192.0.2.53\n"
                                   "iface eth0 inet6 static\n  address 2001:db8::40\n"
                                   "  netmask 64\n",
        "/etc/network/interfaces.d/eth1": "allow-hotplug eth1\niface eth1 inet dhcp\n"
                                          "iface eth2 inet static\n address 10.0.0.2/8\n"
                                          "iface eth3 inet manual\n",
    })
    found = [(i.name, i.dhcp, i.addresses, i.gateway, i.bound_by_name) for i in facts.interfaces]
    assert found == [
        ("eth0", False, ("192.0.2.40/24",), "192.0.2.1", True),
        ("eth0", False, ("2001:db8::40/64",), "", True),
        ("eth1", True, (), "", True),
        ("eth2", False, ("10.0.0.2/8",), "", True),
        ("eth3", None, (), "", True),
    ]


# --- agents --------------------------------------------------------------------------------

def test_cloud_init_and_vmware_tools() -> None:
    bare = probe({"/etc/os-release": "ID=centos\n"})
    assert (bare.cloud_init, bare.vmware_tools) == (False, False)
    full = probe({"/etc/os-release": "ID=centos\n", "/etc/cloud/cloud.cfg": "x",
                  "/usr/bin/vmtoolsd": b"\x7fELF"})
    assert (full.cloud_init, full.vmware_tools) == (True, True)
    other = probe({"/etc/os-release": "ID=centos\n", "/usr/bin/cloud-init": "#!",
                   "/etc/vmware-tools/tools.conf": ""})
    assert (other.cloud_init, other.vmware_tools) == (True, True)


# --- hostile input -------------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_hostile_files_never_raise(junk: bytes) -> None:
    names = ["/etc/os-release", "/etc/redhat-release", "/etc/lsb-release", "/etc/fstab",
             "/etc/debian_version", "/etc/sysconfig/network-scripts/ifcfg-eth0",
             "/etc/NetworkManager/system-connections/x.nmconnection", "/etc/netplan/x.yaml",
             "/etc/network/interfaces", f"/boot/initramfs-{EL7}.img",
             f"/lib/modules/{EL7}/modules.dep", "/bin/sh"]
    files: dict[str, bytes | str] = dict.fromkeys(names, junk)
    files[f"/boot/vmlinuz-{EL7}"] = b""
    facts = probe(files)
    assert facts.root == "LVM centos/root"


def test_symlink_loop_is_not_there() -> None:
    """A link loop (hostile or broken root) reads as missing, as ELOOP would: no hang."""
    facts = probe({"/etc/fstab": ""}, symlinks={"/etc/os-release": "/etc/loop",
                                                 "/etc/loop": "os-release"})
    assert facts.os_id == ""
