"""What the probes found inside the guest, before anything is judged.

The probes (:mod:`.partitions`, :mod:`.filesystems`, :mod:`.linux`, :mod:`.windows`) only observe
and fill these records; :mod:`.checks` alone turns them into findings against the provider's rules
(:mod:`.rules`). Keeping observation and judgement apart lets the rules change (the provider
edits its page) without touching a parser, and lets the checks be tested on hand-made facts.

Every field has a "not known" value (``None``, empty) that is distinct from "no": a check must
never read "could not tell" as "absent". Everything here is JSON-friendly (:func:`to_jsonable`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Scheme(StrEnum):
    MBR = "mbr"
    GPT = "gpt"
    NONE = "none"  # no partition table: a filesystem (or nothing) starts at sector 0


class PartKind(StrEnum):
    """What a partition's type says it holds (not what is in it: see Volume.filesystem)."""

    ESP = "esp"
    BIOS_BOOT = "bios-boot"  # GPT type 21686148-6449-6E6F-744E-656564454649 (grub's core.img)
    LINUX = "linux"
    LVM = "lvm"
    SWAP = "swap"
    WINDOWS = "windows"  # NTFS/FAT data (MBR 0x07/0x0b/0x0c, GPT basic data)
    MSR = "msr"  # Microsoft reserved (GPT)
    RECOVERY = "recovery"
    LDM = "ldm"  # Windows dynamic disk (MBR 0x42, GPT LDM metadata/data)
    EXTENDED = "extended"
    OTHER = "other"


@dataclass(frozen=True)
class Partition:
    number: int  # 1-based, as Linux names them (sda1); logical MBR partitions from 5
    start: int  # bytes from the start of the disk
    size: int  # bytes
    kind: PartKind
    type_id: str  # "0x83" (MBR) or the GPT type GUID in upper case
    bootable: bool = False  # MBR active flag / GPT legacy BIOS bootable attribute
    name: str = ""  # GPT partition name


@dataclass(frozen=True)
class Firmware:
    """The firmware the VM's own configuration asks for (VMX ``firmware``, OVF ``vmw:firmware``)."""

    setting: str | None  # "bios" | "efi" | None when the file has no such setting or no VM file
    source: str = ""  # where it was read: "disk.vmx", "vm.ovf", ""


@dataclass(frozen=True)
class BootFacts:
    scheme: Scheme | None  # None: the partition table could not be read
    partitions: tuple[Partition, ...] = ()
    #: bytes 0-439 of sector 0 hold code (not all zeros): something a BIOS can start
    bios_boot_code: bool = False
    #: the boot loader named in that code when recognisable: "grub2", "grub-legacy",
    #: "windows", "syslinux", "" (unknown)
    boot_loader: str = ""
    disk_signature: int | None = None  # MBR NT disk signature (bytes 440-443), for MountedDevices
    firmware: Firmware = Firmware(None)
    problems: tuple[str, ...] = ()  # e.g. "GPT header CRC wrong; the backup was used"


@dataclass(frozen=True)
class Volume:
    """A place that may hold a filesystem: a partition, a logical volume, or the whole disk."""

    where: str  # human-readable and stable: "partition 1", "LVM centos/root", "whole disk"
    start: int  # bytes from the start of the disk; for LVM, of the first extent
    size: int
    #: "ext2" | "ext3" | "ext4" | "xfs" | "ntfs" | "vfat" | "swap" | "lvm2-pv" | "luks" |
    #: "bitlocker" | "unknown" | "" (empty: nothing recognisable)
    filesystem: str
    label: str = ""
    uuid: str = ""
    size_bytes: int | None = None  # the filesystem's own size, when read
    free_bytes: int | None = None
    #: the filesystem was recognised but could not be opened (damaged, unsupported feature)
    unreadable: str = ""


@dataclass(frozen=True)
class FstabEntry:
    spec: str  # "UUID=…", "LABEL=…", "/dev/sdb1", "/dev/mapper/centos-root"
    mountpoint: str
    fstype: str
    options: str
    #: the spec names a volume of this disk (True), of no volume found on it (False), or it
    #: cannot be told (None: e.g. a /dev/sdX name)
    on_this_disk: bool | None


@dataclass(frozen=True)
class NetInterface:
    """One network interface configuration found in the guest."""

    name: str  # "ens192", "eth0"; on Windows the adapter's GUID
    source: str  # the file or registry key it came from
    dhcp: bool | None
    addresses: tuple[str, ...] = ()  # "192.0.2.10/24"
    gateway: str = ""
    mac: str = ""  # bound to this MAC address ("" when not)
    bound_by_name: bool = False  # the configuration names the device (ens192, eth0)


@dataclass(frozen=True)
class Kernel:
    version: str  # "3.10.0-1160.el7.x86_64"
    initramfs: str = ""  # its path, "" when none was found
    #: virtio storage drivers (virtio_blk / virtio_scsi) in that initramfs: True/False, or None
    #: when the initramfs could not be read (unknown compression, too large)
    virtio_in_initramfs: bool | None = None


@dataclass(frozen=True)
class LinuxFacts:
    root: str  # Volume.where of the root filesystem
    os_id: str = ""  # os-release ID: "centos", "rhel", "ubuntu", "rocky"
    version_id: str = ""  # "7", "18.04", "8.6"
    pretty_name: str = ""
    #: the full version from the release files where os-release is coarse ("7.8.2003")
    release: str = ""
    arch: str = ""  # "x86_64", "i686", "" unknown
    kernels: tuple[Kernel, ...] = ()
    fstab: tuple[FstabEntry, ...] = ()
    interfaces: tuple[NetInterface, ...] = ()
    cloud_init: bool | None = None
    vmware_tools: bool | None = None
    #: virtio modules installed for the newest kernel (lib/modules/<v>/…/virtio_blk.ko*)
    virtio_modules: bool | None = None


@dataclass(frozen=True)
class SqlServer:
    instance: str
    edition: str  # "Standard Edition"
    version: str  # "13.0.1601.5"


@dataclass(frozen=True)
class DriveLetter:
    letter: str  # "D:"
    on_this_disk: bool | None  # None when the MountedDevices value cannot be matched


@dataclass(frozen=True)
class WindowsFacts:
    system: str  # Volume.where of the Windows volume
    product_name: str = ""  # "Windows Server 2016 Standard"
    edition_id: str = ""  # "ServerStandard"
    current_build: str = ""  # "14393"
    installation_type: str = ""  # "Server", "Server Core", "Client"
    install_language: str = ""  # "0411" (Japanese), "0409" (English US): LCID in hex
    arch: str = ""  # "AMD64", "x86"
    sql_servers: tuple[SqlServer, ...] = ()
    #: hiberfil.sys holds a hibernated system (its header says "HIBR"/"WAKE"): True; present but
    #: empty or zeroed: False; None: not known
    hibernated: bool | None = None
    fast_startup: bool | None = None  # HiberbootEnabled
    drive_letters: tuple[DriveLetter, ...] = ()
    interfaces: tuple[NetInterface, ...] = ()
    #: virtio storage drivers installed (viostor / vioscsi service or driver store entry)
    virtio_drivers: bool | None = None
    vmware_tools: bool | None = None
    cloudbase_init: bool | None = None
    #: the licence channel of the installed key: "Volume:GVLK", "Retail", "OEM:DM", ""
    licence_channel: str = ""
    kms_host: str = ""  # KeyManagementServiceName, when set


@dataclass(frozen=True)
class GuestFacts:
    """Everything observed in one disk."""

    boot: BootFacts
    volumes: tuple[Volume, ...] = ()
    linux: LinuxFacts | None = None
    windows: WindowsFacts | None = None
    #: bytes read from the disk file(s) to learn all this (the benchmark's measure)
    bytes_read: int = 0
    #: why a part could not be looked at (plain English for the log; checks use the fields)
    notes: tuple[str, ...] = field(default_factory=tuple)


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums and tuples as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [to_jsonable(v) for v in value]
    return value
