"""A small, test-only writer of Windows registry hive files (regf), and the two hives we need.

Why by hand: no library writes a hive from nothing. hivex and ``hivexregedit --merge`` only edit
an existing hive, and regipy / python-registry only read. The format is small and well described
(Microsoft's "Windows registry file format specification", the regf notes of libregf and
hivex's ``hivex-internal.h``); this writer covers only what guest tests need:

- the base block: "regf", equal sequence numbers, version 1.5, root cell offset, hive bins data
  size and the XOR checksum of its first 508 bytes;
- hive bins ("hbin", 4096-byte multiples) holding 8-aligned cells, negative size = allocated;
- ``nk`` key nodes (ASCII names stored compressed, flag 0x20, others as UTF-16; the root also
  has KEY_HIVE_ENTRY 0x04),
  ``lh`` subkey lists sorted by upper-cased name with their hash, value lists, ``vk`` values
  (data of 4 bytes or less inline, with the high bit of the data size set) and one ``sk``
  security cell shared by every key. No ``db`` big-data cells: values must stay below 16 KiB.

The base block's file name is what Windows writes (``SYSTEM`` for the SYSTEM hive, the tail of
``\\SystemRoot\\System32\\Config\\SOFTWARE`` otherwise): regipy tells hive types by it. The
writer is checked against two independent readers (regipy, and hivex's ``hivexget`` and
``hivexregedit --export``) in ``tests/core/guest/test_guest_builders.py``, including a
hypothesis test that any small tree reads back.

:func:`software_hive` and :func:`system_hive` write the keys the guest inspector reads, at the
paths Windows uses (paths relative to the hive root, as ``hivexget`` and regipy take them):

SYSTEM hive
    ``Select``: ``Current`` (DWORD 1), ``Default``, ``LastKnownGood``, ``Failed``
    ``ControlSet001\\Control\\Nls\\Language``: ``InstallLanguage`` ("0409", "0411"), ``Default``
    ``ControlSet001\\Control\\Session Manager\\Environment``: ``PROCESSOR_ARCHITECTURE`` ("AMD64")
    ``ControlSet001\\Control\\Session Manager\\Power``: ``HiberbootEnabled`` (DWORD 0/1)
    ``ControlSet001\\Services\\Tcpip\\Parameters\\Interfaces\\{GUID}``: ``EnableDHCP`` (DWORD);
    static: ``IPAddress`` (MULTI_SZ), ``SubnetMask`` (MULTI_SZ), ``DefaultGateway`` (MULTI_SZ);
    DHCP: ``DhcpIPAddress``, ``DhcpSubnetMask`` (SZ)
    ``ControlSet001\\Services\\viostor`` (only when virtio): ``Start`` (DWORD 0), ``Type``
    (DWORD 1), ``ImagePath`` (EXPAND_SZ "System32\\drivers\\viostor.sys")
    ``ControlSet001\\Services\\disk`` and ``ControlSet001\\Services\\LSI_SAS`` (always; ``Start``)
    ``MountedDevices``: ``\\DosDevices\\C:`` = 12 bytes (MBR disk signature LE u32 + partition
    start offset in bytes LE u64), one value per letter

SOFTWARE hive
    ``Microsoft\\Windows NT\\CurrentVersion``: ``ProductName``, ``EditionID``, ``CurrentBuild``,
    ``CurrentBuildNumber``, ``InstallationType``, ``CurrentVersion`` ("6.3"),
    ``CurrentMajorVersionNumber`` (DWORD 10), ``DigitalProductId4`` (BINARY, 1272 bytes, the
    licence channel as UTF-16-LE at offset 1016, e.g. "Volume:GVLK", "Retail", "OEM:DM")
    ``Microsoft\\Windows NT\\CurrentVersion\\SoftwareProtectionPlatform``:
    ``KeyManagementServiceName`` (only when a KMS host is given)
    ``Microsoft\\Microsoft SQL Server\\Instance Names\\SQL``: ``<instance>`` = "MSSQL13.<instance>"
    ``Microsoft\\Microsoft SQL Server\\MSSQL13.<instance>\\Setup``: ``Edition``, ``Version``
    ``VMware, Inc.\\VMware Tools`` (when vmware_tools): ``InstallPath``
    ``Cloudbase Solutions\\Cloudbase-Init`` (when cloudbase_init): key with a ``<host>`` subkey
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

REG_NONE = 0
REG_SZ = 1
REG_EXPAND_SZ = 2
REG_BINARY = 3
REG_DWORD = 4
REG_MULTI_SZ = 7
REG_QWORD = 11

#: a str, an int (DWORD), bytes (BINARY), a list of str (MULTI_SZ) or (type, raw bytes)
Value = str | int | bytes | list[str] | tuple[int, bytes]

BLOCK = 4096
HBIN_HEADER = 32
#: the largest value data a plain cell may hold in hive version 1.4+; larger needs "db" cells
MAX_PLAIN_DATA = 16344
#: 2020-01-01T00:00:00Z as a FILETIME: a fixed time keeps the written hives byte-identical
FILETIME = 132223104000000000

KEY_HIVE_ENTRY = 0x0004
KEY_NO_DELETE = 0x0008
KEY_COMP_NAME = 0x0020
VALUE_COMP_NAME = 0x0001
NONE_OFFSET = 0xFFFFFFFF


@dataclass
class Key:
    """A registry key: its name, its values and its subkeys (written in any order; sorted)."""

    name: str
    values: dict[str, Value] = field(default_factory=dict)
    subkeys: list[Key] = field(default_factory=list)

    def child(self, name: str) -> Key:
        """The subkey ``name`` (case-insensitive), created when missing."""
        for sub in self.subkeys:
            if sub.name.lower() == name.lower():
                return sub
        sub = Key(name)
        self.subkeys.append(sub)
        return sub

    def path(self, path: str) -> Key:
        """The key at ``a\\b\\c`` below this one, created as needed."""
        key = self
        for part in path.split("\\"):
            if part:
                key = key.child(part)
        return key


def encode_value(value: Value) -> tuple[int, bytes]:
    """(registry type, raw data) of a Python value, as Windows stores it."""
    if isinstance(value, tuple):
        kind, raw = value
        return kind, bytes(raw)
    if isinstance(value, str):
        return REG_SZ, (value + "\0").encode("utf-16-le")
    if isinstance(value, bool):  # bool is an int; say so rather than surprise
        return REG_DWORD, struct.pack("<I", int(value))
    if isinstance(value, int):
        if not 0 <= value <= 0xFFFFFFFF:
            raise ValueError(f"a DWORD holds 0..2**32-1, not {value}; use (REG_QWORD, raw)")
        return REG_DWORD, struct.pack("<I", value)
    if isinstance(value, bytes):
        return REG_BINARY, value
    if isinstance(value, list):
        return REG_MULTI_SZ, ("".join(s + "\0" for s in value) + "\0").encode("utf-16-le")
    raise TypeError(f"not a registry value: {value!r}")


def _name_bytes(name: str) -> tuple[bytes, bool]:
    """The stored name and whether it is "compressed" (one byte per character).

    Windows compresses any name whose characters are all below U+0100; readers disagree on how
    to decode the bytes 0x80-0xFF (regipy does not read them as Latin-1), so only ASCII names
    are compressed here and every other name is stored as UTF-16, which all readers handle.
    """
    if name.isascii():
        return name.encode("ascii"), True
    return name.encode("utf-16-le"), False


def _upcase(name: str) -> str:
    """Upper case as the registry compares names: one UTF-16 unit to one (so "ß" stays "ß",
    where Python's str.upper gives "SS")."""
    return "".join(u if len(u := c.upper()) == 1 else c for c in name)


def lh_hash(name: str) -> int:
    """The ``lh`` list hash: h = h * 37 + upper(c), over the name's UTF-16 code units."""
    h = 0
    raw = _upcase(name).encode("utf-16-le")
    for unit in struct.unpack(f"<{len(raw) // 2}H", raw):
        h = (h * 37 + unit) & 0xFFFFFFFF
    return h


def _cell_size(payload: int) -> int:
    return (4 + payload + 7) & ~7


class _Layout:
    """Places cells into hive bins: a cell never crosses a bin; bins are 4 KiB multiples."""

    def __init__(self) -> None:
        self.bins: list[tuple[int, int]] = []  # (offset, size), offsets relative to the first bin
        self.cursor = 0
        self.end = 0

    def place(self, size: int) -> int:
        if not self.bins or self.cursor + size > self.end:
            start = self.end
            bin_size = max(BLOCK, (HBIN_HEADER + size + BLOCK - 1) // BLOCK * BLOCK)
            self.bins.append((start, bin_size))
            self.cursor = start + HBIN_HEADER
            self.end = start + bin_size
        offset = self.cursor
        self.cursor += size
        return offset


@dataclass
class _Cell:
    offset: int
    payload: bytes = b""


class _Writer:
    """Two passes: lay every cell out (sizes depend on names only), then encode with offsets."""

    def __init__(self) -> None:
        self.layout = _Layout()
        self.cells: list[_Cell] = []
        self.sk = _Cell(-1)  # the one security cell, placed right after the root key
        self.sk_refs = 0

    def alloc(self, payload_size: int) -> _Cell:
        cell = _Cell(self.layout.place(_cell_size(payload_size)))
        self.cells.append(cell)
        return cell

    def write(self, root: Key) -> tuple[bytes, int]:
        """The hive bins and the root key's cell offset."""
        root_cell = self._plan_key(root, parent=None, is_root=True)
        data = bytearray()
        for start, size in self.layout.bins:
            data += b"hbin" + struct.pack("<II", start, size) + bytes(8)
            data += struct.pack("<Q", FILETIME) + bytes(4)
            data += bytes(size - HBIN_HEADER)
        for cell in self.cells:
            size = _cell_size(len(cell.payload))
            struct.pack_into("<i", data, cell.offset, -size)
            data[cell.offset + 4:cell.offset + 4 + len(cell.payload)] = cell.payload
        self._free_gaps(data)
        return bytes(data), root_cell.offset

    def _free_gaps(self, data: bytearray) -> None:
        """Mark the unused tail of every bin as one free cell (positive size), as Windows does."""
        used_end: dict[int, int] = {}
        for cell in self.cells:
            for start, size in self.layout.bins:
                if start <= cell.offset < start + size:
                    end = cell.offset + _cell_size(len(cell.payload))
                    used_end[start] = max(used_end.get(start, start + HBIN_HEADER), end)
        for start, size in self.layout.bins:
            tail = used_end.get(start, start + HBIN_HEADER)
            if tail < start + size:
                struct.pack_into("<i", data, tail, start + size - tail)

    # -- planning ----------------------------------------------------------------------------

    def _plan_key(self, key: Key, parent: _Cell | None, is_root: bool = False) -> _Cell:
        name, compressed = _name_bytes(key.name)
        nk = self.alloc(0x4C + len(name))
        if is_root:
            self.sk = self.alloc(0x14 + len(_SECURITY_DESCRIPTOR))
        subkeys = sorted(key.subkeys, key=lambda k: _upcase(k.name).encode("utf-16-be"))
        names = [_upcase(k.name) for k in subkeys]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate subkey names under {key.name!r}")
        child_cells = [self._plan_key(sub, nk) for sub in subkeys]
        subkey_list = None
        if subkeys:
            subkey_list = self.alloc(4 + 8 * len(subkeys))
            subkey_list.payload = b"lh" + struct.pack("<H", len(subkeys)) + b"".join(
                struct.pack("<II", cell.offset, lh_hash(sub.name))
                for cell, sub in zip(child_cells, subkeys, strict=True))
        value_offsets: list[int] = []
        max_data = 0
        for value_name, value in key.values.items():
            kind, raw = encode_value(value)
            if len(raw) > MAX_PLAIN_DATA:
                raise ValueError(f"{value_name!r}: {len(raw)} bytes needs big-data cells")
            max_data = max(max_data, len(raw))
            vname, vcompressed = _name_bytes(value_name)
            vk = self.alloc(0x14 + len(vname))
            if len(raw) <= 4:
                size_field, data_offset = len(raw) | 0x80000000, raw.ljust(4, b"\0")
            else:
                data_cell = self.alloc(len(raw))
                data_cell.payload = raw
                size_field, data_offset = len(raw), struct.pack("<I", data_cell.offset)
            vk.payload = (b"vk" + struct.pack("<HI", len(vname), size_field) + data_offset
                          + struct.pack("<IHH", kind, VALUE_COMP_NAME if vcompressed else 0, 0)
                          + vname)
            value_offsets.append(vk.offset)
        value_list = None
        if value_offsets:
            value_list = self.alloc(4 * len(value_offsets))
            value_list.payload = struct.pack(f"<{len(value_offsets)}I", *value_offsets)
        flags = (KEY_COMP_NAME if compressed else 0) | (
            KEY_HIVE_ENTRY | KEY_NO_DELETE if is_root else 0)
        nk.payload = (
            b"nk" + struct.pack("<HQI", flags, FILETIME, 0)
            + struct.pack("<IIIII", parent.offset if parent else 0, len(subkeys), 0,
                          subkey_list.offset if subkey_list else NONE_OFFSET, NONE_OFFSET)
            + struct.pack("<II", len(value_offsets),
                          value_list.offset if value_list else NONE_OFFSET)
            + struct.pack("<II", self.sk.offset, NONE_OFFSET)
            + struct.pack("<IIIII",
                          max((len(k.name) * 2 for k in subkeys), default=0), 0,
                          max((len(n) * 2 for n in key.values), default=0), max_data, 0)
            + struct.pack("<HH", len(name), 0) + name)
        self.sk_refs += 1
        if is_root:
            self.sk.payload = (b"sk" + struct.pack("<HIIII", 0, self.sk.offset, self.sk.offset,
                                                   self.sk_refs, len(_SECURITY_DESCRIPTOR))
                               + _SECURITY_DESCRIPTOR)
        return nk


def _sid(authority: int, *subs: int) -> bytes:
    return struct.pack(">BB", 1, len(subs)) + authority.to_bytes(6, "big") + struct.pack(
        f"<{len(subs)}I", *subs)


def _security_descriptor() -> bytes:
    """A self-relative SD: owner Administrators, group SYSTEM, DACL granting Everyone all."""
    owner = _sid(5, 32, 544)
    group = _sid(5, 18)
    everyone = _sid(1, 0)
    ace = struct.pack("<BBHI", 0, 0x02, 8 + len(everyone), 0x000F003F) + everyone  # KEY_ALL
    acl = struct.pack("<BBHHH", 2, 0, 8 + len(ace), 1, 0) + ace
    header = 20
    dacl_at = header
    owner_at = dacl_at + len(acl)
    group_at = owner_at + len(owner)
    control = 0x8004  # SE_SELF_RELATIVE | SE_DACL_PRESENT
    return (struct.pack("<BBHIIII", 1, 0, control, owner_at, group_at, 0, dacl_at)
            + acl + owner + group)


_SECURITY_DESCRIPTOR = _security_descriptor()


def write_hive(path: Path, root: Key, *, hive_name: str = "") -> Path:
    """Write ``root`` and everything below it as a regf hive file at ``path``.

    ``hive_name`` goes into the base block's file name field (Windows writes the tail of the
    hive's path, e.g. ``\\SystemRoot\\System32\\Config\\SOFTWARE``; regipy guesses the hive
    type from it); by default it is made from ``path``'s name.
    """
    writer = _Writer()
    hbins, root_offset = writer.write(root)
    base = bytearray(BLOCK)
    base[0:4] = b"regf"
    struct.pack_into("<IIQ", base, 4, 1, 1, FILETIME)
    struct.pack_into("<IIIIIII", base, 0x14, 1, 5, 0, 1, root_offset, len(hbins), 1)
    name = hive_name or f"\\SystemRoot\\System32\\Config\\{path.name.upper()}"
    raw_name = name.encode("utf-16-le")[-62:]
    base[0x30:0x30 + len(raw_name)] = raw_name
    checksum = 0
    for (dword,) in struct.iter_unpack("<I", bytes(base[:508])):
        checksum ^= dword
    checksum = {0: 1, 0xFFFFFFFF: 0xFFFFFFFE}.get(checksum, checksum)
    struct.pack_into("<I", base, 508, checksum)
    path.write_bytes(bytes(base) + hbins)
    return path


# -- the two hives the guest inspector reads --------------------------------------------------

#: the root key names Windows 10 / Server 2016 hives carry (set when the hive was created)
SOFTWARE_ROOT = "CMI-CreateHive{199DAFC2-6F16-4946-BF90-5A3FC3A60902}"
SYSTEM_ROOT = "CMI-CreateHive{2A7FB991-7BBE-4F9D-B91E-7CB51D4737F5}"
CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion"
SQL_INSTANCES = "Microsoft\\Microsoft SQL Server\\Instance Names\\SQL"
DEFAULT_DHCP_GUID = "{6A0F3C1E-2B4D-4E5F-8A9B-0C1D2E3F4A5B}"
#: DigitalProductId4: 1272 bytes; the licence channel is UTF-16-LE at this offset
PRODUCT_ID4_SIZE = 1272
PRODUCT_ID4_CHANNEL = 1016


def digital_product_id4(channel: str) -> bytes:
    """A DigitalProductId4 blob carrying ``channel`` where Windows keeps it (the rest is zero)."""
    blob = bytearray(PRODUCT_ID4_SIZE)
    struct.pack_into("<II", blob, 0, PRODUCT_ID4_SIZE, 4)  # its own size, then version 4
    raw = channel.encode("utf-16-le")[:PRODUCT_ID4_SIZE - PRODUCT_ID4_CHANNEL - 2]
    blob[PRODUCT_ID4_CHANNEL:PRODUCT_ID4_CHANNEL + len(raw)] = raw
    return bytes(blob)


def software_hive(path: Path, *, product_name: str = "Windows Server 2016 Standard",
                  edition_id: str = "ServerStandard", current_build: str = "14393",
                  installation_type: str = "Server",
                  sql: list[tuple[str, str, str]] | None = None, vmware_tools: bool = True,
                  cloudbase_init: bool = False, licence_channel: str = "Volume:GVLK",
                  kms_host: str = "") -> Path:
    """A SOFTWARE hive of a Windows Server 2016 (by default); ``sql``: (instance, edition,
    version) of each SQL Server 2016 instance."""
    root = Key(SOFTWARE_ROOT)
    cv = root.path(CURRENT_VERSION)
    cv.values.update({
        "ProductName": product_name,
        "EditionID": edition_id,
        "CurrentBuild": current_build,
        "CurrentBuildNumber": current_build,
        "InstallationType": installation_type,
        "CurrentVersion": "6.3",
        "CurrentMajorVersionNumber": 10,
        "CurrentMinorVersionNumber": 0,
        "SystemRoot": "C:\\Windows",
        "DigitalProductId4": digital_product_id4(licence_channel),
    })
    spp = cv.child("SoftwareProtectionPlatform")
    spp.values["BackupProductKeyDefault"] = "WC2BQ-8NRM3-FDDYY-2BFGV-KHKQY"
    if kms_host:
        spp.values["KeyManagementServiceName"] = kms_host
    root.path("Microsoft\\Windows\\CurrentVersion").values["ProgramFilesDir"] = (
        "C:\\Program Files")
    if sql:
        names = root.path(SQL_INSTANCES)
        for instance, edition, version in sql:
            names.values[instance] = f"MSSQL13.{instance}"
            setup = root.path(f"Microsoft\\Microsoft SQL Server\\MSSQL13.{instance}\\Setup")
            setup.values.update({"Edition": edition, "Version": version,
                                 "PatchLevel": version,
                                 "SQLPath": f"C:\\Program Files\\Microsoft SQL Server\\"
                                            f"MSSQL13.{instance}\\MSSQL"})
    if vmware_tools:
        root.path("VMware, Inc.\\VMware Tools").values["InstallPath"] = (
            "C:\\Program Files\\VMware\\VMware Tools\\")
    if cloudbase_init:
        root.path("Cloudbase Solutions\\Cloudbase-Init\\WIN-GUEST01").values["PluginsDone"] = 1
    return write_hive(path, root)


def system_hive(path: Path, *, install_language: str = "0409", arch: str = "AMD64",
                hiberboot: bool = False,
                static_ips: list[tuple[str, str, str]] | None = None,
                gateway: str = "192.0.2.1", dhcp_guid: str | None = DEFAULT_DHCP_GUID,
                virtio: bool = False, mounted_devices: dict[str, bytes] | None = None,
                hostname: str = "WIN-GUEST01") -> Path:
    """A SYSTEM hive: ``static_ips`` are (interface GUID, address, mask); ``dhcp_guid`` one
    more interface on DHCP (None: none); ``mounted_devices`` maps ``\\DosDevices\\C:`` to the
    12-byte MBR signature + offset value (see :func:`mounted_device`)."""
    root = Key(SYSTEM_ROOT)
    root.child("Select").values.update(Current=1, Default=1, LastKnownGood=1, Failed=0)
    cs = root.child("ControlSet001")
    root.path("ControlSet001\\Control\\Nls\\Language").values.update(
        InstallLanguage=install_language, Default=install_language)
    cs.path("Control\\Session Manager\\Environment").values.update(
        PROCESSOR_ARCHITECTURE=arch, OS="Windows_NT",
        ComSpec=(REG_EXPAND_SZ, "%SystemRoot%\\system32\\cmd.exe\0".encode("utf-16-le")))
    cs.path("Control\\Session Manager\\Power").values["HiberbootEnabled"] = int(hiberboot)
    cs.path("Control\\ComputerName\\ComputerName").values["ComputerName"] = hostname
    tcpip = cs.path("Services\\Tcpip\\Parameters")
    tcpip.values.update(Hostname=hostname.lower(), Domain="")
    interfaces = tcpip.child("Interfaces")
    for guid, address, mask in static_ips or []:
        interfaces.child(guid).values.update(
            EnableDHCP=0, IPAddress=[address], SubnetMask=[mask], DefaultGateway=[gateway])
    if dhcp_guid:
        interfaces.child(dhcp_guid).values.update(
            EnableDHCP=1, DhcpIPAddress="192.0.2.200", DhcpSubnetMask="255.255.255.0")
    services = cs.child("Services")
    for name, start in (("disk", 0), ("LSI_SAS", 0), ("pvscsi", 0), ("vmxnet3ndis6", 3)):
        services.child(name).values.update(Start=start, Type=1)
    if virtio:
        services.child("viostor").values.update(
            Start=0, Type=1, ErrorControl=1,
            ImagePath=(REG_EXPAND_SZ, "System32\\drivers\\viostor.sys\0".encode("utf-16-le")))
    mounted = root.child("MountedDevices")
    for name, raw in (mounted_devices or {}).items():
        mounted.values[name] = raw
    # Windows names the SYSTEM hive just "SYSTEM" in its base block (regipy relies on it)
    return write_hive(path, root, hive_name="SYSTEM")


def mounted_device(disk_signature: int, partition_offset: int) -> bytes:
    """A MountedDevices value of an MBR partition: disk signature (u32) + start in bytes (u64)."""
    return struct.pack("<IQ", disk_signature, partition_offset)
