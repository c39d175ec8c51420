"""OVF, OVA and VMX: the virtual machine around a disk.

An ``.ova`` is a tar archive whose first member is the ``.ovf`` (the DMTF envelope, XML), then
the manifest and the disk files; an ``.ovf`` names its disk files next to it; a ``.vmx`` is
VMware's key = "value" configuration. From these we take what the import form needs: the VM's
name, its guest OS (-> ``os_type``), its memory (-> ``min_ram``) and its disks. The OVA is never
extracted to look inside: the tar headers give each member's byte range, so the disk can be
inspected, and uploaded, straight out of the archive.

XML safety: OVF files come from anywhere. The parser is expat (the standard library's), driven
by hand so that a document with a DTD or an entity declaration (the vehicle of "billion laughs"
and external-entity attacks) is refused outright: a real OVF never has one. The text is limited
to :data:`MAX_OVF_BYTES` and :data:`MAX_XML_ELEMENTS`, and ``defusedxml`` is not needed.

Guest OS -> ``os_type``. The service's list (``rules.OS_TYPES``) names Windows editions and
RHEL major versions; VMware's ids and the DMTF ``ovf:id`` numbers often do not. A value is
suggested only when the id leaves no choice; otherwise the user gets a hint and the candidates.

=====================================================  =========================================
VMware id (``vmw:osType`` / ``.vmx`` guestOS)          suggestion
=====================================================  =========================================
rhel6Guest, rhel6_64Guest / rhel6, rhel6-64            ``rhel6``
rhel7Guest, rhel7_64Guest / rhel7, rhel7-64            ``rhel7``
centos*Guest (centos, centos6..9) / centos*, -64       ``centos``
ubuntuGuest, ubuntu64Guest / ubuntu, ubuntu-64         ``ubuntu``
windows7Server64Guest / windows7srv-64                 hint: win2008R2SE or win2008R2EE (edition)
windows8Server64Guest / windows8srv-64                 hint: win2012SE or win2012R2SE (VMware
                                                       uses one id for 2012 and 2012 R2)
windows9Server64Guest / windows9srv-64                 hint: win2016SE_ja or win2016SE_en (also
                                                       used for 2019; language not recorded)
windows2019srv*, windows2022srv*, other Windows        hint: not in the service's list
rhel2..5, rhel8, rhel9, other Linux, others            hint: not in the service's list
=====================================================  =========================================

==================================  ===========================================================
DMTF ``ovf:id`` (CIM OSType)        suggestion (used when there is no VMware id, or to narrow
                                    the VMware candidates)
==================================  ===========================================================
79, 80  RedHat Enterprise Linux     hint: rhel6 or rhel7
93, 94  Ubuntu                      ``ubuntu``
106, 107  CentOS                    ``centos``
103  Windows Server 2008 R2         hint: win2008R2SE or win2008R2EE
113  Windows Server 2012            hint: win2012SE (if Standard Edition)
116  Windows Server 2012 R2         hint: win2012R2SE (if Standard Edition)
117  Windows Server 2016            hint: win2016SE_ja or win2016SE_en
==================================  ===========================================================

Windows is never suggested as a value: the edition (Standard, Datacenter, ...) is recorded
nowhere in these files, and the wrong Windows ``os_type`` means wrong licence fees.
"""

from __future__ import annotations

import contextlib
import math
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from xml.parsers import expat

from vmdkimport.core.disk.diskformat import (
    DiskFormatError,
    DiskReadError,
    OperationCancelled,
    Reader,
)
from vmdkimport.core.rules import OS_TYPES
from vmdkimport.core.text import Text

#: a VMware OVF is a few KiB; EULAs can make one larger, not this large
MAX_OVF_BYTES: Final = 4 * 1024 * 1024
MAX_XML_ELEMENTS: Final = 100_000
MAX_XML_DEPTH: Final = 64
#: a .vmx is a few KiB
MAX_VMX_BYTES: Final = 1024 * 1024

OVF_NAMESPACES: Final = frozenset({
    "http://schemas.dmtf.org/ovf/envelope/1",
    "http://schemas.dmtf.org/ovf/envelope/2",
})
VMW_NAMESPACE: Final = "http://www.vmware.com/schema/ovf"

RESOURCE_PROCESSOR: Final = "3"
RESOURCE_MEMORY: Final = "4"
RESOURCE_DISK: Final = "17"


# --- the result ------------------------------------------------------------------------------

@dataclass(frozen=True)
class VmDisk:
    """One disk of the VM, as the OVF or VMX names it."""

    file: str  # href (OVF) or fileName (VMX), relative to the .ovf / .vmx
    capacity: int | None = None  # bytes, from the OVF's DiskSection
    format: str | None = None  # e.g. ".../vmdk.html#streamOptimized"
    disk_id: str | None = None
    file_size: int | None = None  # the File's ovf:size
    compression: str | None = None  # the File's ovf:compression ("gzip")
    chunked: bool = False  # the File has ovf:chunkSize: split into pieces

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "capacity": self.capacity, "format": self.format,
                "disk_id": self.disk_id, "file_size": self.file_size,
                "compression": self.compression, "chunked": self.chunked}


@dataclass(frozen=True)
class VmInfo:
    """What an OVF or VMX says about the virtual machine."""

    source: str  # "ovf" or "vmx"
    name: str | None = None
    vmware_os: str | None = None  # vmw:osType or guestOS
    cim_os: int | None = None  # ovf:id of OperatingSystemSection
    os_description: str | None = None
    memory_mb: int | None = None
    cpus: int | None = None
    disks: tuple[VmDisk, ...] = ()
    virtual_systems: int = 1
    notes: tuple[str, ...] = ()
    #: the firmware the VM boots with: "bios", "efi", or None when the file does not say (VMware's
    #: default is BIOS, but older exports simply leave it out, so "not said" is kept apart)
    firmware: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "name": self.name, "vmware_os": self.vmware_os,
                "firmware": self.firmware,
                "cim_os": self.cim_os, "os_description": self.os_description,
                "memory_mb": self.memory_mb, "cpus": self.cpus,
                "disks": [d.to_dict() for d in self.disks],
                "virtual_systems": self.virtual_systems, "notes": list(self.notes)}


# --- safe XML --------------------------------------------------------------------------------

class _Forbidden(Exception):
    pass


def _qname(name: str) -> str:
    return "{" + name if "}" in name else name


def parse_xml(data: bytes) -> ET.Element:
    """Parse untrusted XML into an ElementTree, refusing DTDs, entities and huge documents."""
    if len(data) > MAX_OVF_BYTES:
        raise DiskFormatError(Text("The OVF descriptor is larger than {limit} MiB; a real one "
                                   "is a few KiB. It was not read.",
                                   limit=MAX_OVF_BYTES // 2**20))
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    counts = {"elements": 0, "depth": 0}

    def forbid(*_: object) -> int:
        raise _Forbidden

    def start(name: str, attrs: dict[str, str]) -> None:
        counts["elements"] += 1
        counts["depth"] += 1
        if counts["elements"] > MAX_XML_ELEMENTS or counts["depth"] > MAX_XML_DEPTH:
            raise _Forbidden
        builder.start(_qname(name), {_qname(k): v for k, v in attrs.items()})

    def end(name: str) -> None:
        counts["depth"] -= 1
        builder.end(_qname(name))

    parser.StartDoctypeDeclHandler = forbid
    parser.EntityDeclHandler = forbid
    parser.UnparsedEntityDeclHandler = forbid
    parser.ExternalEntityRefHandler = forbid
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except _Forbidden:
        raise DiskFormatError(
            Text("The OVF descriptor contains a DTD or entity declarations, or is nested or "
                 "sized beyond any real OVF; it was not read (this protects against malicious "
                 "XML)."),
            Text("Export the VM again from vSphere or VMware Workstation and use that OVF."),
        ) from None
    except expat.ExpatError as exc:
        raise DiskFormatError(
            Text("The OVF descriptor is not well-formed XML ({error} at line {line}): it is "
                 "damaged or truncated.", error=expat.ErrorString(exc.code), line=exc.lineno),
            Text("Export the VM again, or restore the .ovf from the original export."),
        ) from None
    root: ET.Element = builder.close()
    return root


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in element if _local(c.tag) == name]


def _child(element: ET.Element, name: str) -> ET.Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _text(element: ET.Element | None, name: str) -> str | None:
    if element is None:
        return None
    child = _child(element, name)
    if child is None or child.text is None:
        return None
    return child.text.strip() or None


def _attr(element: ET.Element, name: str, *, namespace: str | None = None) -> str | None:
    """An attribute by local name; OVF attributes are namespaced, some tools forget it."""
    for key, value in element.attrib.items():
        if _local(key) == name and (namespace is None or _ns(key) == namespace):
            return value
    return None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


_UNIT_RE: Final = re.compile(r"^\s*byte\s*(?:\*\s*(\d+)\s*\^\s*(\d+))?\s*$", re.IGNORECASE)
_UNIT_NAMES: Final[dict[str, int]] = {
    "b": 1, "bytes": 1, "kb": 2**10, "kilobytes": 2**10, "mb": 2**20, "megabytes": 2**20,
    "gb": 2**30, "gigabytes": 2**30, "tb": 2**40, "terabytes": 2**40,
}


def unit_bytes(units: str | None) -> int | None:
    """``"byte * 2^20"`` -> 1048576 (DSP0004 programmatic units); None when not understood."""
    if units is None or not units.strip():
        return None
    match = _UNIT_RE.match(units)
    if match:
        if match.group(1) is None:
            return 1
        base, exponent = int(match.group(1)), int(match.group(2))
        if base > 1024 or exponent > 64:
            return None
        return int(base**exponent)
    return _UNIT_NAMES.get(units.strip().lower())


# --- OVF -------------------------------------------------------------------------------------

def parse_ovf(data: bytes) -> VmInfo:
    """Read an OVF envelope (OVF 1.x or 2.0). Raises :class:`DiskFormatError` when it is none."""
    root = parse_xml(data)
    if _local(root.tag) != "Envelope":
        raise DiskFormatError(Text("The XML file is not an OVF descriptor (its root element "
                                   "is <{element}>, not <Envelope>).",
                                   element=_local(root.tag)),
                              Text("Choose the .ovf, .ova or .vmdk file of the export."))
    notes: list[str] = []
    if _ns(root.tag) not in OVF_NAMESPACES:
        notes.append(Text("The OVF envelope does not use the DMTF OVF namespace; it was read as "
                          "well as possible."))

    files: dict[str, ET.Element] = {}
    references = _child(root, "References")
    for element in _children(references, "File") if references is not None else []:
        file_id = _attr(element, "id")
        if file_id:
            files[file_id] = element

    disk_elements: dict[str, ET.Element] = {}
    order: list[str] = []
    for section in _children(root, "DiskSection"):
        for element in _children(section, "Disk"):
            disk_id = _attr(element, "diskId")
            if disk_id and disk_id not in disk_elements:
                disk_elements[disk_id] = element
                order.append(disk_id)

    systems = list(root.iter())
    virtual_systems = [e for e in systems if _local(e.tag) == "VirtualSystem"]
    system = virtual_systems[0] if virtual_systems else None
    if len(virtual_systems) > 1:
        notes.append(Text("The OVF describes {count} virtual machines; the first one is used.",
                          count=len(virtual_systems)))

    name = cim_os = vmware_os = os_description = firmware = None
    memory_mb = cpus = None
    attached: list[str] = []
    if system is not None:
        firmware = _ovf_firmware(system)
        name = _text(system, "Name") or _attr(system, "id")
        os_section = _child(system, "OperatingSystemSection")
        if os_section is not None:
            cim_os = _int(_attr(os_section, "id"))
            vmware_os = _attr(os_section, "osType", namespace=VMW_NAMESPACE) or \
                _attr(os_section, "osType")
            os_description = _text(os_section, "Description")
        hardware = _child(system, "VirtualHardwareSection")
        if hardware is not None:
            memory_mb, cpus, attached = _hardware(hardware, notes)

    for disk_id in order:
        if disk_id not in attached:
            attached.append(disk_id)
    disks: list[VmDisk] = []
    for disk_id in attached:
        disk = disk_elements.get(disk_id)
        if disk is None:
            continue
        file_ref = _attr(disk, "fileRef")
        file_element = files.get(file_ref) if file_ref else None
        if file_element is None:
            notes.append(Text("Disk {disk_id} has no file (an empty disk that is created on "
                              "deployment); it cannot be imported.", disk_id=disk_id))
            continue
        capacity = _int(_attr(disk, "capacity"))
        units = _attr(disk, "capacityAllocationUnits")
        unit = unit_bytes(units) if units else 1
        disks.append(VmDisk(
            file=_attr(file_element, "href") or "",
            capacity=capacity * unit if capacity is not None and unit is not None else None,
            format=_attr(disk, "format"),
            disk_id=disk_id,
            file_size=_int(_attr(file_element, "size")),
            compression=_attr(file_element, "compression"),
            chunked=_attr(file_element, "chunkSize") is not None,
        ))
    return VmInfo("ovf", name, vmware_os, cim_os, os_description, memory_mb, cpus,
                  tuple(disks), max(1, len(virtual_systems)), tuple(notes), firmware)


def _ovf_firmware(system: ET.Element) -> str | None:
    """VMware's ``<vmw:Config vmw:key="firmware" vmw:value="efi"/>`` in the hardware section.

    VMware writes it for EFI VMs (and sometimes "bios"); other producers leave it out.
    """
    for element in system.iter():
        if _local(element.tag) not in ("Config", "ExtraConfig"):
            continue
        key = _attr(element, "key", namespace=VMW_NAMESPACE) or _attr(element, "key")
        if key == "firmware":
            return _firmware(_attr(element, "value", namespace=VMW_NAMESPACE)
                             or _attr(element, "value"))
    return None


def _firmware(value: str | None) -> str | None:
    """"bios" or "efi" ("uefi" is written by some tools); anything else is not guessed."""
    value = (value or "").strip().lower()
    return "efi" if value in ("efi", "uefi") else "bios" if value == "bios" else None


def _hardware(hardware: ET.Element, notes: list[str]) -> tuple[int | None, int | None, list[str]]:
    memory_mb = cpus = None
    attached: list[str] = []
    for item in hardware:
        if _local(item.tag) not in ("Item", "StorageItem"):
            continue
        kind = _text(item, "ResourceType")
        if kind == RESOURCE_MEMORY and memory_mb is None:
            quantity = _int(_text(item, "VirtualQuantity"))
            unit = unit_bytes(_text(item, "AllocationUnits"))
            if quantity is not None and unit is not None:
                memory_mb = math.ceil(quantity * unit / 2**20)
            elif quantity is not None:
                notes.append(Text("The OVF gives the memory size without a unit; it was not "
                                  "used."))
        elif kind == RESOURCE_PROCESSOR and cpus is None:
            cpus = _int(_text(item, "VirtualQuantity"))
        elif kind == RESOURCE_DISK:
            resource = _text(item, "HostResource") or ""
            for prefix in ("ovf:/disk/", "/disk/"):
                if resource.startswith(prefix):
                    attached.append(resource[len(prefix):])
                    break
    return memory_mb, cpus, attached


# --- VMX -------------------------------------------------------------------------------------

_VMX_LINE: Final = re.compile(r'^\s*([^=#\s][^=]*?)\s*=\s*"?(.*?)"?\s*$')
_VMX_DISK: Final = re.compile(r"^(scsi|sata|nvme|ide)(\d+):(\d+)\.filename$")
_BUS_ORDER: Final = {"scsi": 0, "sata": 1, "nvme": 2, "ide": 3}


def parse_vmx(data: bytes) -> VmInfo:
    """Read a ``.vmx`` file: name, guestOS, memsize, numvcpus and the attached disks."""
    if len(data) > MAX_VMX_BYTES:
        raise DiskFormatError(Text("The .vmx file is larger than 1 MiB; a real one is a few "
                                   "KiB."))
    declared = re.search(rb'^\s*\.encoding\s*=\s*"([^"]+)"', data, re.MULTILINE)
    encoding = declared.group(1).decode("ascii", "replace") if declared else "utf-8"
    try:
        text = data.decode(encoding, "replace")
    except LookupError:
        text = data.decode("utf-8", "replace")
    values: dict[str, str] = {}
    for line in text.splitlines():
        match = _VMX_LINE.match(line)
        if match:
            values[match.group(1).strip().lower()] = match.group(2)
    if not values:
        raise DiskFormatError(Text("The file has no key = \"value\" lines: it is not a .vmx "
                                   "file."))

    def present(prefix: str) -> bool:
        return values.get(f"{prefix}.present", "true").lower() != "false"

    found: list[tuple[tuple[int, int, int], str]] = []
    for key, value in values.items():
        match = _VMX_DISK.match(key)
        if not match:
            continue
        bus, controller, unit = match.groups()
        device = f"{bus}{controller}:{unit}"
        kind = values.get(f"{device}.devicetype", "").lower()
        if "cdrom" in kind or "rawdisk" in kind or not value.lower().endswith(".vmdk"):
            continue
        if not present(device) or not present(f"{bus}{controller}"):
            continue
        found.append(((_BUS_ORDER[bus], int(controller), int(unit)), value))
    disks = tuple(VmDisk(file=name) for _, name in sorted(found))
    return VmInfo("vmx", values.get("displayname") or None, values.get("guestos") or None,
                  None, None, _int(values.get("memsize")), _int(values.get("numvcpus")), disks,
                  firmware=_firmware(values.get("firmware")))


# --- guest OS -> os_type ---------------------------------------------------------------------

@dataclass(frozen=True)
class OsGuess:
    """The ``os_type`` suggestion: a value only when unambiguous, else a hint and candidates."""

    os_type: str | None = None
    candidates: tuple[str, ...] = ()
    hint: str | None = None
    source: str | None = None  # which id it came from, for the user


#: the service's documented keywords and what they stand for
_OS_TYPE_NAMES: Final[dict[str, str]] = {t.keyword: t.description for t in OS_TYPES}


def _not_listed(what: str) -> Text:
    """The hint for an OS the service's list lacks; ``what`` names it (an id or a name)."""
    return Text("The import service's OS list has no entry for this OS ({what}). Choose the OS "
                "that is really installed; if it is not in the list, the service may not "
                "support it.", what=what)


# normalised VMware id -> (value, candidates, what it is)
_VMWARE_OS: Final[dict[str, tuple[str | None, tuple[str, ...], str]]] = {
    "rhel6": ("rhel6", (), "Red Hat Enterprise Linux 6"),
    "rhel7": ("rhel7", (), "Red Hat Enterprise Linux 7"),
    "centos": ("centos", (), "CentOS"),
    "centos6": ("centos", (), "CentOS 6"),
    "centos7": ("centos", (), "CentOS 7"),
    "centos8": ("centos", (), "CentOS 8"),
    "centos9": ("centos", (), "CentOS Stream 9"),
    "ubuntu": ("ubuntu", (), "Ubuntu"),
    "windows7server": (None, ("win2008R2SE", "win2008R2EE"), "Windows Server 2008 R2"),
    "windows7srv": (None, ("win2008R2SE", "win2008R2EE"), "Windows Server 2008 R2"),
    "windows8server": (None, ("win2012SE", "win2012R2SE"),
                       Text("Windows Server 2012 or 2012 R2")),
    "windows8srv": (None, ("win2012SE", "win2012R2SE"), Text("Windows Server 2012 or 2012 R2")),
    "windows9server": (None, ("win2016SE_ja", "win2016SE_en"),
                       Text("Windows Server 2016 or later")),
    "windows9srv": (None, ("win2016SE_ja", "win2016SE_en"), Text("Windows Server 2016 or later")),
}

# DMTF CIM_OperatingSystem.OSType -> (value, candidates, what it is)
_CIM_OS: Final[dict[int, tuple[str | None, tuple[str, ...], str]]] = {
    79: (None, ("rhel6", "rhel7"), "Red Hat Enterprise Linux"),
    80: (None, ("rhel6", "rhel7"), Text("Red Hat Enterprise Linux (64-bit)")),
    93: ("ubuntu", (), "Ubuntu"),
    94: ("ubuntu", (), Text("Ubuntu (64-bit)")),
    106: ("centos", (), "CentOS"),
    107: ("centos", (), Text("CentOS (64-bit)")),
    103: (None, ("win2008R2SE", "win2008R2EE"), "Windows Server 2008 R2"),
    113: (None, ("win2012SE",), "Windows Server 2012"),
    116: (None, ("win2012R2SE",), "Windows Server 2012 R2"),
    117: (None, ("win2016SE_ja", "win2016SE_en"), "Windows Server 2016"),
}

_WHY: Final[dict[str, Text]] = {
    "win2008R2SE": Text("choose by the edition installed: Standard (SE) or Enterprise (EE)"),
    "win2012SE": Text("the service lists only Standard Edition (SE); choose it if that is the "
                      "edition installed"),
    "win2012R2SE": Text("the service lists only Standard Edition (SE); choose it if that is the "
                        "edition installed"),
    "win2016SE_ja": Text("choose by the language of the installed Windows (Japanese or "
                         "English)"),
}


def normalise_vmware_os(identifier: str) -> str:
    """``rhel7_64Guest`` / ``rhel7-64`` -> ``rhel7``; ``windows8Server64Guest`` ->
    ``windows8server``."""
    key = identifier.strip().lower()
    key = key.removesuffix("guest")
    for suffix in ("-64", "_64", "64"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    return key


def guess_os_type(vmware_os: str | None, cim_os: int | None) -> OsGuess:
    """Map the ids an OVF or VMX gives to an ``os_type`` keyword, or a hint (see the table).

    The VMware id is the more specific one and wins; the DMTF number is used when there is no
    VMware id, and to narrow the VMware candidates (``windows8Server64Guest`` + 116 -> 2012 R2).
    """
    if vmware_os:
        entry = _VMWARE_OS.get(normalise_vmware_os(vmware_os))
        source = Text("guest OS {vmware_id}", vmware_id=vmware_os)
        if entry is None:
            return OsGuess(hint=_not_listed(Text("VMware id {vmware_id}", vmware_id=vmware_os)),
                           source=source)
    elif cim_os is not None:
        entry = _CIM_OS.get(cim_os)
        source = Text("OVF OS id {cim_id}", cim_id=cim_os)
        if entry is None:
            if cim_os > 1:  # 0 = unknown, 1 = other
                return OsGuess(hint=_not_listed(Text("OVF OS id {cim_id}", cim_id=cim_os)),
                               source=source)
            return OsGuess()
    else:
        return OsGuess()
    value, candidates, what = entry
    candidates = tuple(c for c in candidates if c in _OS_TYPE_NAMES)
    if value is not None and value in _OS_TYPE_NAMES:
        return OsGuess(os_type=value, source=source)
    if not candidates:
        return OsGuess(hint=_not_listed(what), source=source)
    cim = _CIM_OS.get(cim_os) if vmware_os and cim_os is not None else None
    if cim is not None:
        narrowed = tuple(c for c in candidates if c in cim[1])
        if narrowed and narrowed != candidates:
            candidates, what = narrowed, cim[2]
            source = Text("guest OS {vmware_id} and OVF OS id {cim_id}",
                          vmware_id=vmware_os, cim_id=cim_os)
    why: Text | None
    if candidates[0].startswith("win2012") and len(candidates) == 2:
        why = Text("VMware uses one id for Windows Server 2012 and 2012 R2; choose the one "
                   "installed")
    elif candidates[0].startswith("win2016") and "later" in what:
        why = Text("VMware uses this id for Windows Server 2016 and 2019, and only 2016 is in the "
                   "service's list; choose by the language of the installed Windows")
    elif candidates[0].startswith("rhel"):
        why = Text("the major version is not recorded; choose the one installed")
    else:
        why = _WHY.get(candidates[0])
    named = _choices(candidates)
    hint = Text("{what}: {choices}; {why}.", what=what, choices=named, why=why) if why else \
        Text("{what}: {choices}.", what=what, choices=named)
    return OsGuess(candidates=candidates, hint=hint, source=source)


def _choices(candidates: tuple[str, ...]) -> Text:
    """``win2012SE (Windows Server 2012 SE) or win2012R2SE (...)``: each candidate with its
    description (the service's own words), as nested Text so the "or" is translated."""
    first = Text("{keyword} ({description})", keyword=candidates[0],
                 description=_OS_TYPE_NAMES[candidates[0]])
    if len(candidates) == 1:
        return first
    return Text("{first} or {second}", first=first, second=_choices(candidates[1:]))


# --- OVA members -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Member:
    """A member of an OVA: its name and byte range in the archive."""

    name: str
    offset: int
    size: int
    type: str


def find_member(members: list[Member], href: str) -> Member | None:
    """The OVA member an OVF ``href`` names (exact, then by base name, case-insensitively)."""
    for member in members:
        if member.name == href or member.name.removeprefix("./") == href:
            return member
    base = href.replace("\\", "/").rsplit("/", 1)[-1].lower()
    for member in members:
        if member.name.replace("\\", "/").rsplit("/", 1)[-1].lower() == base:
            return member
    return None


def read_member(reader: Reader, member: Member, limit: int) -> bytes:
    if member.size > limit:
        raise DiskFormatError(Text("{name} in the OVA is {size} bytes; an OVF descriptor is "
                                   "never larger than {limit} MiB.",
                                   name=member.name, size=member.size, limit=limit // 2**20))
    return reader.read_at(member.offset, member.size)


def extract_range(source: Path, offset: int, length: int, destination: Path, *,
                  on_progress: Callable[[float], None], cancel: threading.Event,
                  chunk_size: int = 4 * 1024 * 1024) -> Path:
    """Copy ``length`` bytes at ``offset`` of ``source`` (a disk inside an OVA) to a file.

    For uploaders that cannot read a byte range. Progress goes to ``on_progress`` (0-100, called
    from this thread). On cancel or error the partial file is removed; the result appears under
    its final name only when complete. Raises :class:`OperationCancelled`, or a
    :class:`DiskReadError` with the reason (missing source, full disk, ...).
    """
    partial = destination.with_name(destination.name + ".part")
    done = 0
    last = -1.0
    try:
        with source.open("rb") as src, partial.open("wb") as dst:
            src.seek(offset)
            on_progress(0.0)
            while done < length:
                if cancel.is_set():
                    raise OperationCancelled(
                        Text("The extraction was cancelled; nothing was kept."))
                block = src.read(min(chunk_size, length - done))
                if not block:
                    raise DiskFormatError(Text("{path} ended before the disk inside it did: "
                                               "the archive is truncated.", path=str(source)))
                dst.write(block)
                done += len(block)
                percent = round(100.0 * done / length, 1)
                if percent != last:
                    last = percent
                    on_progress(percent)
        partial.replace(destination)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        reason = exc.strerror or exc.__class__.__name__
        raise DiskReadError(
            Text("Extracting the disk from {source} to {destination} failed: {reason}.",
                 source=str(source), destination=str(destination), reason=reason),
            Text("Check that the destination folder exists, is writable and has {size} bytes "
                 "free, then try again.", size=length)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    if length == 0:
        on_progress(100.0)
    return destination
