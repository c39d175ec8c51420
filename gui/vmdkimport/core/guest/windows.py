"""What Windows is in the guest and how it is set up: observed from its system volume, not judged.

Fills :class:`.facts.WindowsFacts` from the SOFTWARE and SYSTEM hives (read through :mod:`.hive`,
at most :data:`~.fs.MAX_FILE_BYTES` each), the header of ``hiberfil.sys`` and, when the SYSTEM
hive does not say, the driver store. A hive that is missing or damaged leaves its fields at
"unknown" (empty or None; the reason is logged at debug level), never a traceback. A
:class:`~.fs.GuestReadError` from the filesystem itself is left to the caller, which knows which
volume it was.

Only storage drivers count as "virtio drivers" (viostor, vioscsi): without them Windows stops at
INACCESSIBLE_BOOT_DEVICE; the network driver (netkvm) missing costs the network, not the boot.
"""

from __future__ import annotations

import ipaddress
import logging
import struct
from collections.abc import Sequence
from typing import Any

from vmdkimport.core.guest.facts import (
    DriveLetter,
    NetInterface,
    SqlServer,
    Volume,
    WindowsFacts,
)
from vmdkimport.core.guest.fs import MAX_FILE_BYTES, GuestFS
from vmdkimport.core.guest.hive import Hive, Key

log = logging.getLogger(__name__)

CONFIG = "/Windows/System32/config"
CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion"
SQL_ROOTS = ("Microsoft\\Microsoft SQL Server", "Wow6432Node\\Microsoft\\Microsoft SQL Server")
DRIVER_STORE = "/Windows/System32/DriverStore/FileRepository"
#: the virtio storage drivers (viostor: virtio-blk, vioscsi: virtio-scsi)
VIRTIO_STORAGE = ("viostor", "vioscsi")
#: DigitalProductId4: the licence channel is a UTF-16-LE string at this offset
CHANNEL_OFFSET = 1016
MAX_INTERFACES = 256
MAX_SQL_INSTANCES = 64
#: driver store entries looked at (a server has some 600-1000)
MAX_DRIVER_STORE = 20_000
#: the first bytes of hiberfil.sys holding a hibernated (or resuming) system
HIBERNATED_MAGICS = (b"HIBR", b"WAKE", b"RSTR")


def looks_like_windows(fs: GuestFS) -> bool:
    """Whether this filesystem is a Windows system volume (it has the registry's folder)."""
    return fs.exists(CONFIG)


def probe_windows(system: GuestFS, *, system_where: str, disk_signature: int | None,
                  volumes: Sequence[Volume]) -> WindowsFacts | None:
    """The facts of the Windows installed on ``system``; None when it holds no Windows.

    ``disk_signature`` is the MBR signature of the disk being inspected (BootFacts), which
    MountedDevices values are matched against to tell which drive letters are on this disk.
    ``volumes`` is accepted for symmetry with the Linux probe (GPT matching would need it).
    """
    del volumes  # partition GUIDs are not in Volume yet: GPT letters stay "cannot tell"
    if not looks_like_windows(system):
        return None
    software = _hive(system, "SOFTWARE")
    system_hive = _hive(system, "SYSTEM")
    fields: dict[str, Any] = {"hibernated": hibernated(system)}
    if software is not None:
        fields.update(_from_software(software))
    control = _control_set(system_hive) if system_hive is not None else None
    if control is not None:
        fields.update(_from_control_set(control))
    if system_hive is not None:
        fields["drive_letters"] = drive_letters(system_hive, disk_signature)
    fields["virtio_drivers"] = _virtio(system, control)
    fields["vmware_tools"] = _vmware_tools(software, control)
    return WindowsFacts(system=system_where, **fields)


def _hive(fs: GuestFS, name: str) -> Hive | None:
    data = fs.read_file(f"{CONFIG}/{name}", MAX_FILE_BYTES)
    if data is None:
        log.debug("no %s hive", name)
        return None
    return Hive.parse(data)


# --- SOFTWARE --------------------------------------------------------------------------------

def licence_channel(product_id4: bytes | None) -> str:
    """The channel ("Volume:GVLK", "Retail", "OEM:DM") in a DigitalProductId4 blob, or ""."""
    if not product_id4 or len(product_id4) <= CHANNEL_OFFSET:
        return ""
    raw = product_id4[CHANNEL_OFFSET:CHANNEL_OFFSET + 128]
    end = next((i for i in range(0, len(raw) - 1, 2) if raw[i:i + 2] == b"\x00\x00"), len(raw))
    text = raw[:end - end % 2].decode("utf-16-le", "replace")
    return text if text.isprintable() else ""


def _from_software(software: Hive) -> dict[str, Any]:
    cv = software.key(CURRENT_VERSION)
    changes: dict[str, Any] = {
        "cloudbase_init": software.key("Cloudbase Solutions\\Cloudbase-Init") is not None,
        "sql_servers": tuple(sql_servers(software)),
    }
    if cv is not None:
        changes.update(
            product_name=cv.string("ProductName"),
            edition_id=cv.string("EditionID"),
            current_build=cv.string("CurrentBuild") or cv.string("CurrentBuildNumber"),
            installation_type=cv.string("InstallationType"),
            licence_channel=licence_channel(cv.binary("DigitalProductId4")),
        )
        spp = cv.subkey("SoftwareProtectionPlatform")
        if spp is not None:
            changes["kms_host"] = spp.string("KeyManagementServiceName")
    return changes


def sql_servers(software: Hive) -> list[SqlServer]:
    """SQL Server instances: Instance Names\\SQL maps each name to its id, whose Setup key
    holds the edition and version."""
    found: dict[str, SqlServer] = {}
    for root in SQL_ROOTS:
        names = software.key(f"{root}\\Instance Names\\SQL")
        if names is None:
            continue
        for value in names.values()[:MAX_SQL_INSTANCES]:
            if value.name in found or not isinstance(value.data, str) or not value.data:
                continue
            setup = software.key(f"{root}\\{value.data}\\Setup")
            edition = setup.string("Edition") if setup else ""
            version = (setup.string("Version") or setup.string("PatchLevel")) if setup else ""
            found[value.name] = SqlServer(value.name, edition, version)
    return list(found.values())


# --- SYSTEM ----------------------------------------------------------------------------------

def _control_set(system: Hive) -> Key | None:
    """The control set Windows boots with (Select\\Current), ControlSet001 when it is unclear."""
    select = system.key("Select")
    current = select.dword("Current") if select is not None else None
    if current is not None and 0 < current < 1000:
        key = system.key(f"ControlSet{current:03d}")
        if key is not None:
            return key
    return system.key("ControlSet001")


def _path(key: Key | None, path: str) -> Key | None:
    for part in path.split("\\"):
        if key is None:
            return None
        key = key.subkey(part)
    return key


def _from_control_set(control: Key) -> dict[str, Any]:
    language = _path(control, "Control\\Nls\\Language")
    environment = _path(control, "Control\\Session Manager\\Environment")
    power = _path(control, "Control\\Session Manager\\Power")
    hiberboot = power.dword("HiberbootEnabled") if power is not None else None
    return {
        "install_language": language.string("InstallLanguage") if language else "",
        "arch": environment.string("PROCESSOR_ARCHITECTURE") if environment else "",
        "fast_startup": None if hiberboot is None else hiberboot != 0,
        "interfaces": tuple(interfaces(control)),
    }


def _prefix(mask: str) -> int | None:
    try:
        return ipaddress.IPv4Network(f"0.0.0.0/{mask}").prefixlen
    except ValueError:
        return None


def _is_set(ip: str) -> bool:
    """An address that is there: Windows writes 0.0.0.0 in IPAddress of a DHCP interface."""
    try:
        return not ipaddress.ip_address(ip.strip()).is_unspecified
    except ValueError:
        return bool(ip.strip())


def interfaces(control: Key) -> list[NetInterface]:
    """Tcpip interfaces with a configuration: static addresses, or DHCP switched on."""
    folder = _path(control, "Services\\Tcpip\\Parameters\\Interfaces")
    if folder is None:
        return []
    found: list[NetInterface] = []
    for guid in folder.subkey_names()[:MAX_INTERFACES]:
        key = folder.subkey(guid)
        if key is None:
            continue
        enable_dhcp = key.dword("EnableDHCP")
        ips = [ip for ip in key.strings("IPAddress") if _is_set(ip)]
        if enable_dhcp is None and not ips:
            continue
        masks = key.strings("SubnetMask")
        addresses = []
        for n, ip in enumerate(ips):
            length = _prefix(masks[n]) if n < len(masks) else None
            addresses.append(f"{ip}/{length}" if length is not None else ip)
        gateways = [g for g in key.strings("DefaultGateway") if g]
        found.append(NetInterface(
            name=guid, source=f"SYSTEM\\{control.name}\\Services\\Tcpip\\Parameters\\"
                              f"Interfaces\\{guid}",
            dhcp=None if enable_dhcp is None else enable_dhcp != 0,
            addresses=tuple(addresses), gateway=gateways[0] if gateways else "",
            mac="", bound_by_name=False))
    return found


def drive_letters(system: Hive, disk_signature: int | None) -> tuple[DriveLetter, ...]:
    """Drive letters from MountedDevices and whether each is on this disk.

    An MBR volume's value is 12 bytes: the disk signature and the partition's offset. Other
    forms (GPT "DMIO:ID:" + partition GUID, device paths of removable media) cannot be matched
    here: None.
    """
    mounted = system.key("MountedDevices")
    if mounted is None:
        return ()
    letters: dict[str, bool | None] = {}
    for value in mounted.values():
        name = value.name
        if not (name.upper().startswith("\\DOSDEVICES\\") and len(name) == 14
                and name[12].isalpha() and name[13] == ":"):
            continue
        on_disk: bool | None = None
        if isinstance(value.data, bytes) and len(value.data) == 12 and disk_signature is not None:
            (signature,) = struct.unpack_from("<I", value.data)
            on_disk = signature == disk_signature
        letters[name[12].upper() + ":"] = on_disk
    return tuple(DriveLetter(letter, letters[letter]) for letter in sorted(letters))


def _services(control: Key | None) -> set[str]:
    services = _path(control, "Services")
    return {n.lower() for n in services.subkey_names()} if services is not None else set()


def _virtio(fs: GuestFS, control: Key | None) -> bool | None:
    """viostor or vioscsi installed: a service of that name, or the driver in the driver store."""
    services = _services(control)
    if any(name in services for name in VIRTIO_STORAGE):
        return True
    store = fs.list_dir(DRIVER_STORE)
    if store is not None:
        for entry in store[:MAX_DRIVER_STORE]:
            if entry.name.lower().startswith(tuple(f"{n}.inf_" for n in VIRTIO_STORAGE)):
                return True
    if control is None and store is None:
        return None
    return False


def _vmware_tools(software: Hive | None, control: Key | None) -> bool | None:
    if software is not None and software.key("VMware, Inc.\\VMware Tools") is not None:
        return True
    if "vmtools" in _services(control):
        return True
    if software is None and control is None:
        return None
    return False


# --- hiberfil.sys ----------------------------------------------------------------------------

def hibernated(fs: GuestFS) -> bool | None:
    """hiberfil.sys holds a hibernated system: True; absent or zeroed: False; else None."""
    if not fs.exists("/hiberfil.sys"):
        return False
    head = fs.read_file("/hiberfil.sys", 4)
    if head is None:
        return None
    if head.upper() in HIBERNATED_MAGICS:
        return True
    if head == b"\x00" * len(head):  # also an empty file
        return False
    return None
