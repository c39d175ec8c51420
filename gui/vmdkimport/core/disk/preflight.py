"""Disk pre-flight: is this file something the import service can take? Asked before any upload.

``inspect(path)`` reads a VMDK's metadata (never its data, so it takes milliseconds on a 300 GB
disk), or the OVF inside an OVA, or an OVF or VMX and the disk it names, and answers:

- the verdict: IMPORTABLE, WARN (probably fine, read the warning) or REFUSED (it will not work,
  and here is why);
- the findings in plain words, and for a refusal the fix, with the exact command;
- whether qemu-img can do the fix here (``can_convert``; :mod:`vmdkimport.core.disk.qemu` runs it);
- suggestions for the import form: image name, object name, min_disk, min_ram, os_type;
- where the bytes to upload are: the file itself, or a byte range inside an OVA.

What the service accepts is unconfirmed: it documents "vmdk" without a subformat, and its
examples are the disks of OVF exports (``*-disk1.vmdk``, an ``ovf_location``). So a
streamOptimized disk, what an OVF export writes, is IMPORTABLE; a monolithicSparse disk (one
growable file, Workstation's default) is a WARN that says so, not a refusal, because it may well
work; everything whose data is not inside the one file is REFUSED. A file that cannot be read
at all raises a :class:`~vmdkimport.core.disk.diskformat.DiskReadError`, never a bare ``OSError``.

=========================================  ==========  ========================================
what the file is                           verdict     fix
=========================================  ==========  ========================================
VMDK streamOptimized                       IMPORTABLE  -
VMDK monolithicSparse                      WARN        optional: qemu-img convert to
                                                       streamOptimized
descriptor only: monolithicFlat,           REFUSED     qemu-img convert the descriptor (its
twoGbMaxExtentSparse/Flat, vmfs, ...                   data files next to it); or export OVF
descriptor of a raw device mapping         REFUSED     export OVF from vSphere
snapshot delta (parentCID set)             REFUSED     consolidate snapshots; or qemu-img
                                                       convert the delta (parent next to it)
one extent of a split disk (-s001.vmdk),   REFUSED     use the descriptor .vmdk; or export OVF
ESX COWD / seSparse data file
truncated, corrupt, inconsistent VMDK      REFUSED     copy or export it again
qcow2, VHD, VHDX, VDI, QED, Parallels,     REFUSED     qemu-img convert -f FORMAT to
raw disk (MBR/GPT)                                     streamOptimized
ISO, a single file system                  REFUSED     install/copy into a VM, export it
gzip, xz, bzip2, zstd, zip, 7z, rar, tar   REFUSED     extract, then choose the .vmdk inside
OVA / OVF / VMX                            the verdict of their (first) disk, plus warnings
                                           for several disks or VMs
=========================================  ==========  ========================================
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, Final

from vmdkimport.core.disk import qemu
from vmdkimport.core.disk.diskformat import (
    SECTOR,
    Detected,
    DiskFormatError,
    DiskReadError,
    Reader,
    detect,
    iter_tar,
    read_error,
    regular_file_size,
)
from vmdkimport.core.disk.ovf import (
    MAX_OVF_BYTES,
    MAX_VMX_BYTES,
    Member,
    VmDisk,
    VmInfo,
    find_member,
    guess_os_type,
    parse_ovf,
    parse_vmx,
    read_member,
)
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.disk.vmdk import (
    KNOWN_CREATE_TYPES,
    MAX_DESCRIPTOR_BYTES,
    SINGLE_FILE_TYPES,
    Descriptor,
    parse_descriptor,
    read_sparse,
)
from vmdkimport.core.errors import VmdkImportError
from vmdkimport.core.rules import (
    Field,
    min_disk_error,
    min_ram_error,
    name_error,
    object_error,
    suggest_image_name,
    suggest_object_name,
)
from vmdkimport.core.text import Text, message_of

GIB: Final = 1024**3
Opener = Callable[[Path], AbstractContextManager[BinaryIO]]

#: createType values whose descriptor qemu-img can follow (block/vmdk.c)
QEMU_CREATE_TYPES: Final = frozenset({
    "monolithicSparse", "streamOptimized", "monolithicFlat", "twoGbMaxExtentSparse",
    "twoGbMaxExtentFlat", "vmfs", "vmfsSparse", "seSparse",
})
DEVICE_EXTENTS: Final = frozenset({"VMFSRDM", "VMFSRAW"})
DEVICE_TYPES: Final = frozenset({"vmfsRaw", "vmfsRawDeviceMap", "vmfsPassthroughRawDeviceMap",
                                 "fullDevice", "partitionedDevice"})
SNAPSHOT_NAME: Final = re.compile(r"-\d{6}(?:-(?:delta|sesparse))?\.vmdk$", re.IGNORECASE)
EXTENT_NAME: Final = re.compile(r"^(?P<base>.+)-(?:s\d{3}|f\d{3}|flat|delta|sesparse)\.vmdk$",
                                re.IGNORECASE)
#: a phrase that completes a sentence: "In VMware, {export_ovf}.", "... Or {export_ovf}."
EXPORT_OVF: Final = Text("export the VM as OVF (vSphere Client: right-click the VM > Template > "
                         "Export OVF Template; VMware Workstation: File > Export to OVF) and "
                         "choose the .vmdk of the export")
RECOPY: Final = Text("Copy the disk again from its source in binary mode (or export the VM as "
                     "OVF again), then check the new copy.")
#: commands quoted in a fix (never translated)
RAW_CONVERT_COMMAND: Final = ("qemu-img convert -p -f raw -O vmdk -o subformat=streamOptimized "
                              "IN OUT.vmdk")
REJOIN_COMMAND: Final = "cat NAME.000000000 NAME.000000001 ... > NAME"


class Verdict(StrEnum):
    IMPORTABLE = "importable"
    WARN = "warn"
    REFUSED = "refused"


_RANK: Final = {Verdict.IMPORTABLE: 0, Verdict.WARN: 1, Verdict.REFUSED: 2}


@dataclass(frozen=True)
class Finding:
    """One thing found, in plain words; ``level`` says how much it weighs."""

    level: Verdict  # IMPORTABLE = for information
    text: str


@dataclass(frozen=True)
class Suggestions:
    """Values for the import form, derived from the file; each passes the request rules."""

    image_name: str
    object_name: str
    min_disk_gb: int | None  # the virtual size rounded up to whole GiB
    min_ram_mb: int | None = None  # the VM's memory (OVF/VMX)
    os_type: str | None = None  # only when the guest OS id leaves no choice
    os_type_hint: str | None = None
    os_type_candidates: tuple[str, ...] = ()
    vm_name: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"image_name": self.image_name, "object_name": self.object_name,
                "min_disk_gb": self.min_disk_gb, "min_ram_mb": self.min_ram_mb,
                "os_type": self.os_type, "os_type_hint": self.os_type_hint,
                "os_type_candidates": list(self.os_type_candidates), "vm_name": self.vm_name}


@dataclass(frozen=True)
class Conversion:
    """The qemu-img conversion that fixes the file (see :mod:`vmdkimport.core.disk.qemu`)."""

    source: Path
    source_format: str
    output: Path  # suggested; the wizard lets the user choose

    @property
    def command(self) -> list[str]:
        return qemu.convert_args(self.source, self.output, source_format=self.source_format)

    @property
    def command_text(self) -> str:
        return qemu.command_text(self.command)

    def to_dict(self) -> dict[str, object]:
        return {"source": str(self.source), "source_format": self.source_format,
                "output": str(self.output), "command": self.command,
                "command_text": self.command_text}


@dataclass
class Inspection:
    """What the pre-flight found out about one file. See the module docstring."""

    path: Path
    kind: str  # "vmdk", "ova", "ovf", "vmx", "qcow2", "vhd", "iso", "gzip", ...
    description: str  # in words: "a streamOptimized VMDK"
    subformat: str | None  # the VMDK createType, when there is one
    virtual_size: int | None  # bytes
    file_size: int  # of ``path``
    verdict: Verdict
    findings: list[Finding]
    fix: str | None  # what to do about a refusal (or a warning), with the exact command
    can_convert: bool  # qemu-img is installed and ``conversion`` is the fix
    suggestions: Suggestions
    upload_source: UploadSource | None  # None when refused
    conversion: Conversion | None = None
    vmdk: dict[str, object] | None = None  # header and descriptor facts
    vm: VmInfo | None = None  # for OVA / OVF / VMX
    disk_path: Path | None = None  # the VMDK an OVF or VMX names
    disk_member: str | None = None  # the VMDK inside an OVA

    @property
    def reasons(self) -> list[str]:
        """The findings as plain text, most important first."""
        return [f.text for f in self.findings]

    @property
    def importable(self) -> bool:
        return self.verdict is not Verdict.REFUSED

    def raise_if_refused(self) -> None:
        """Raise :class:`DiskRefused` (message + fix as action) when the verdict is REFUSED."""
        if self.verdict is Verdict.REFUSED:
            raise DiskRefused(self)

    def to_dict(self) -> dict[str, Any]:
        """Everything, JSON-safe (what ``vmdkimport inspect --json`` prints)."""
        return {
            "path": str(self.path), "kind": self.kind, "description": self.description,
            "subformat": self.subformat, "virtual_size": self.virtual_size,
            "file_size": self.file_size, "verdict": self.verdict.value,
            "reasons": self.reasons,
            "findings": [{"level": f.level.value, "text": f.text} for f in self.findings],
            "fix": self.fix, "can_convert": self.can_convert,
            "conversion": self.conversion.to_dict() if self.conversion else None,
            "suggestions": self.suggestions.to_dict(),
            "upload_source": self.upload_source.to_dict() if self.upload_source else None,
            "disk_path": str(self.disk_path) if self.disk_path else None,
            "disk_member": self.disk_member,
            "vmdk": self.vmdk, "vm": self.vm.to_dict() if self.vm else None,
        }

    def render_text(self) -> str:
        """The findings for a terminal (what ``vmdkimport inspect`` prints)."""
        verdict = {Verdict.IMPORTABLE: "importable", Verdict.WARN: "importable, with warnings",
                   Verdict.REFUSED: "REFUSED: this file cannot be imported as it is"}
        lines = [f"{self.path.name}: {self.description}", f"Verdict: {verdict[self.verdict]}"]
        sizes = f"file size {_size_text(self.file_size)}"
        if self.virtual_size is not None:
            sizes = f"virtual size {_size_text(self.virtual_size)}, " + sizes
        lines.append(sizes[0].upper() + sizes[1:])
        marks = {Verdict.IMPORTABLE: "-", Verdict.WARN: "!", Verdict.REFUSED: "x"}
        if self.findings:
            lines.append("Findings:")
            lines += _wrap_items([(marks[f.level], f.text) for f in self.findings])
        if self.fix:
            lines.append("Fix:")
            lines += _wrap_items([("", self.fix)])
        if self.conversion is not None:
            lines.append("qemu-img is installed: 'vmdkimport inspect FILE --convert OUT' (or the "
                         "wizard) runs this conversion for you."
                         if self.can_convert else
                         f"qemu-img is not installed. {qemu.INSTALL_HINT}")
        s = self.suggestions
        if self.verdict is Verdict.REFUSED and self.conversion is None:
            return "\n".join(lines)  # nothing to import: no settings to suggest
        lines.append("Suggested import settings:" if self.verdict is not Verdict.REFUSED
                     else "Suggested import settings, for the converted disk:")
        lines.append(f"  image name:  {s.image_name}")
        lines.append(f"  object name: {s.object_name}")
        if s.min_disk_gb is not None:
            lines.append(f"  min_disk:    {s.min_disk_gb} GB")
        if s.min_ram_mb is not None:
            lines.append(f"  min_ram:     {s.min_ram_mb} MB")
        if s.os_type:
            lines.append(f"  os_type:     {s.os_type}")
        elif s.os_type_hint:
            lines += textwrap.wrap(f"  os_type:     not suggested. {s.os_type_hint}", 100,
                                   subsequent_indent=" " * 15, break_on_hyphens=False,
                                   break_long_words=False)
        if s.vm_name:
            lines.append(f"  VM name:     {s.vm_name}")
        up = self.upload_source
        if up is not None:
            if up.whole_file:
                lines.append(f"Upload: the whole file {up.path}, {_size_text(up.length or 0)}")
            else:
                lines.append(f"Upload: {up.member} inside {up.path.name}, {up.length} bytes "
                             f"from byte {up.offset}"
                             + ("" if up.contiguous else " (extract it first: it is stored "
                                                         "sparse in the archive)"))
        return "\n".join(lines)


class DiskRefused(VmdkImportError):
    """The pre-flight refused the file; the message says why and the action what to do."""

    field = Field.DISK

    def __init__(self, inspection: Inspection) -> None:
        refusals = [f.text for f in inspection.findings if f.level is Verdict.REFUSED]
        super().__init__(refusals[0] if refusals else Text("{name} cannot be imported.",
                                                           name=inspection.path.name))
        self.inspection = inspection
        self.action = inspection.fix or Text("Choose a VMDK file (or an OVA/OVF export of the "
                                             "VM).")


def _size_text(n: int) -> Text:
    if n >= GIB:
        return Text("{gib} GiB ({n} bytes)", gib=f"{n / GIB:.1f}", n=n)
    if n >= 1024**2:
        return Text("{mib} MiB ({n} bytes)", mib=f"{n / 1024**2:.1f}", n=n)
    return Text("{n} bytes", n=n)


class _Continued(Text):
    """A sentence that continues a label ("The disk x.vmdk: this is ..."): English lowers its
    first letter; a translation is the sentence's own (same template and arguments)."""

    sentence: Text

    def __new__(cls, sentence: Text) -> _Continued:
        obj = str.__new__(cls, sentence[:1].lower() + sentence[1:])
        obj.template, obj.args, obj.sentence = sentence.template, sentence.args, sentence
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Continued, (self.sentence,))


def _continued(sentence: str) -> str:
    """``sentence`` with a lowercase first letter, to follow a label."""
    if isinstance(sentence, Text):
        return _Continued(sentence)
    return sentence[:1].lower() + sentence[1:]


def _wrap_items(items: list[tuple[str, str]], width: int = 100) -> list[str]:
    out: list[str] = []
    for mark, text in items:
        first = f"  {mark} " if mark else "  "
        out += textwrap.wrap(text, width, initial_indent=first,
                             subsequent_indent=" " * len(first), break_on_hyphens=False,
                             break_long_words=False) or [first]
    return out


# --- collecting findings ---------------------------------------------------------------------

@dataclass
class _Result:
    """The findings while they are being collected."""

    kind: str
    description: str
    subformat: str | None = None
    virtual_size: int | None = None
    findings: list[Finding] = field(default_factory=list)
    fix: str | None = None
    fix_rank: int = -1
    conversion: Conversion | None = None
    vmdk: dict[str, object] | None = None

    @property
    def verdict(self) -> Verdict:
        worst = max((_RANK[f.level] for f in self.findings), default=0)
        return next(v for v, r in _RANK.items() if r == worst)

    def add(self, level: Verdict, text: str, fix: str | None = None) -> None:
        self.findings.append(Finding(level, text))
        if fix and _RANK[level] > self.fix_rank:
            self.fix, self.fix_rank = fix, _RANK[level]

    def note(self, text: str) -> None:
        self.add(Verdict.IMPORTABLE, text)

    def warn(self, text: str, fix: str | None = None) -> None:
        self.add(Verdict.WARN, text, fix)

    def refuse(self, text: str, fix: str | None = None) -> None:
        self.add(Verdict.REFUSED, text, fix)

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: -_RANK[f.level])


def _default_open(path: Path) -> BinaryIO:
    # Unbuffered: every read is one read of exactly the bytes asked for.
    return path.open("rb", buffering=0)


def _converted_name(path: Path) -> Path:
    stem = path.name
    for suffix in (".vmdk", ".qcow2", ".qcow", ".img", ".raw", ".vhd", ".vhdx", ".vdi", ".qed",
                   ".hdd", ".bin", ".dd"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return path.with_name(f"{stem or 'disk'}-stream.vmdk")


# --- the entry point -------------------------------------------------------------------------

def inspect(path: Path, *, opener: Opener | None = None) -> Inspection:
    """Inspect a VMDK, OVA, OVF or VMX (or whatever the file turns out to be) before upload.

    Reads only metadata: a few KiB for a VMDK whatever its size. ``opener`` opens a file for
    binary reading (a test or benchmark passes one that counts bytes). Raises
    :class:`DiskReadError` when the file cannot be read; every format problem is a finding.
    """
    path = Path(path)
    open_file = opener or _default_open
    size = regular_file_size(path)
    try:
        with open_file(path) as handle:
            reader = Reader(handle, size, name=str(path))
            return _inspect(path, reader, open_file)
    except OSError as exc:
        raise read_error(path, exc) from exc


def _inspect(path: Path, reader: Reader, open_file: Opener) -> Inspection:
    detected = detect(reader)
    vm: VmInfo | None = None
    upload: UploadSource | None = None
    disk_path: Path | None = None
    member_name: str | None = None
    object_base = path.name
    name_from = path

    if detected.kind == "tar":
        result, vm, upload, member_name = _inspect_ova(path, reader, detected)
        if member_name:
            object_base = member_name.replace("\\", "/").rsplit("/", 1)[-1]
    elif detected.kind in ("xml", "vmx") or (detected.kind == "text"
                                             and path.suffix.lower() in (".ovf", ".vmx")):
        result, vm, disk_path, upload = _inspect_vm_file(path, reader, detected, open_file)
        if disk_path is not None:
            object_base = disk_path.name
    else:
        result = _inspect_disk(reader, path, detected, standalone=True)
        upload = UploadSource(path, 0, reader.size)
        if result.conversion is not None:
            name_from = result.conversion.source  # a flat data file: name it after its disk

    if result.verdict is Verdict.REFUSED:
        upload = None
        if result.conversion is not None:  # what will be uploaded is the converted file
            object_base = result.conversion.output.name
    suggestions = _suggest(name_from, object_base, result, vm)
    binary = qemu.find_qemu_img() if result.conversion is not None else None
    return Inspection(
        path=path, kind=result.kind, description=result.description,
        subformat=result.subformat, virtual_size=result.virtual_size, file_size=reader.size,
        verdict=result.verdict, findings=result.sorted_findings(), fix=result.fix,
        can_convert=binary is not None, suggestions=suggestions, upload_source=upload,
        conversion=result.conversion, vmdk=result.vmdk, vm=vm, disk_path=disk_path,
        disk_member=member_name,
    )


def _suggest(path: Path, object_base: str, result: _Result, vm: VmInfo | None) -> Suggestions:
    image_source = path.name if path.suffix.lower() == ".vmdk" else path.stem or path.name
    image_name = suggest_image_name(image_source)
    if name_error(image_name):  # pragma: no cover - suggest_image_name guarantees it
        image_name = "imported-image"
    base = object_base
    if not base.lower().endswith(".vmdk"):
        base = Path(base).stem or base
    object_name = suggest_object_name(base)
    if object_error(object_name):  # pragma: no cover - suggest_object_name guarantees it
        object_name = "image.vmdk"
    min_disk = math.ceil(result.virtual_size / GIB) if result.virtual_size else None
    if min_disk_error(min_disk) is not None:
        min_disk = None
    min_ram = vm.memory_mb if vm and vm.memory_mb else None
    if min_ram_error(min_ram) is not None:
        min_ram = None  # a nonsense memory size in the OVF: better no suggestion
    guess = guess_os_type(vm.vmware_os, vm.cim_os) if vm else None
    return Suggestions(
        image_name=image_name, object_name=object_name, min_disk_gb=min_disk,
        min_ram_mb=min_ram,
        os_type=guess.os_type if guess else None,
        os_type_hint=guess.hint if guess else None,
        os_type_candidates=guess.candidates if guess else (),
        vm_name=vm.name if vm else None,
    )


# --- one disk --------------------------------------------------------------------------------

def _inspect_disk(reader: Reader, path: Path, detected: Detected, *,
                  standalone: bool) -> _Result:
    """Classify one disk file. ``standalone`` is false for a member of an OVA (no siblings, no
    in-place conversion)."""
    result = _Result(detected.kind, detected.description, virtual_size=detected.virtual_size)
    name = path.name
    named_vmdk = name.lower().endswith(".vmdk")
    if detected.kind == "vmdk":
        if detected.variant == "sparse":
            _sparse(reader, path, result, standalone=standalone)
        elif detected.variant == "descriptor":
            _descriptor_only(reader, path, result, standalone=standalone)
        else:
            _esx_extent(path, detected, result)
        return result

    match = EXTENT_NAME.match(name)
    if detected.kind in ("unknown", "raw-mbr", "raw-gpt") and match and standalone:
        descriptor = path.with_name(match["base"] + ".vmdk")
        there = descriptor.is_file()
        result.description = (Text("the raw data file of a VMware flat disk")
                              if detected.kind == "unknown" else detected.description)
        result.refuse(
            Text("{name} looks like the data (extent) file of a VMware disk whose descriptor is "
                 "{descriptor} (it is in the same folder).", name=name,
                 descriptor=descriptor.name)
            if there else
            Text("{name} looks like the data (extent) file of a VMware disk whose descriptor is "
                 "{descriptor} (not found in the same folder).", name=name,
                 descriptor=descriptor.name),
            Text("Choose {descriptor} instead and convert it with qemu-img; or {export_ovf}.",
                 descriptor=descriptor.name, export_ovf=EXPORT_OVF))
        if there:
            result.conversion = Conversion(descriptor, "vmdk", _converted_name(descriptor))
            result.fix = Text("Convert the disk (descriptor and data file) into one importable "
                              "file: {command}. Or {export_ovf}.",
                              command=result.conversion.command_text, export_ovf=EXPORT_OVF)
        else:  # a flat extent is a raw disk: it converts on its own (if it is the only one)
            result.conversion = Conversion(path, "raw", _converted_name(descriptor))
            result.fix = Text("If this is the disk's only data file, convert it as a raw disk: "
                              "{command}. Otherwise copy {descriptor} and all its data files "
                              "into one folder and convert that; or {export_ovf}.",
                              command=result.conversion.command_text,
                              descriptor=descriptor.name, export_ovf=EXPORT_OVF)
        return result

    suffix = path.suffix.lower()
    description = detected.description
    if named_vmdk:
        result.refuse(Text("The file is named .vmdk, but it is {description}: it has no VMDK "
                           "header and no descriptor. Renaming a file does not convert it.",
                           description=description))
    elif suffix in (".ova", ".ovf", ".vmx") and standalone:
        result.refuse(Text("The file is named {suffix}, but it is {description}: it is damaged, "
                           "or not the {suffix} file of the export.", suffix=suffix,
                           description=description))
    if detected.qemu_format is not None and detected.is_disk:
        result.refuse(Text("This is {description}, not a VMDK. The import service takes VMDK "
                           "files only.", description=description))
        if detected.note:
            result.refuse(Text("{note} Its base image must be next to it for a conversion, which "
                               "merges both into one disk.", note=detected.note))
        if standalone:
            result.conversion = Conversion(path, detected.qemu_format, _converted_name(path))
            result.fix = Text("Convert it to a streamOptimized VMDK with qemu-img: {command}",
                              command=result.conversion.command_text)
        else:
            result.fix = Text("Extract it, then convert it to a streamOptimized VMDK with "
                              "qemu-img.")
        return result

    kind = detected.kind
    if kind == "empty":
        result.refuse(Text("The file is empty (0 bytes): the copy or download did not finish."),
                      RECOPY)
    elif kind == "iso":
        result.refuse(Text("This is {description}, not a disk with an installed system.",
                           description=description),
                      Text("Install the OS from it into a VM (for example in VMware), then "
                           "export that VM as OVF and import its .vmdk."))
    elif kind == "filesystem":
        result.refuse(Text("This is {description}: it has no partition table and no boot "
                           "loader, so a server could not start from it.",
                           description=description),
                      Text("Make an image of the whole disk instead: {export_ovf}.",
                           export_ovf=EXPORT_OVF))
    elif kind in ("gzip", "xz", "bzip2", "zstd"):
        result.refuse(Text("This is {description}. The import service needs the disk itself, "
                           "not compressed.", description=description),
                      Text("Decompress it first (gunzip, xz -d, bunzip2, zstd -d, or 7-Zip on "
                           "Windows), then check the file that comes out."))
    elif kind in ("zip", "7z", "rar", "tar"):
        result.refuse(Text("This is {description}, not a disk.", description=description),
                      Text("Extract it (7-Zip, or unzip/tar), then choose the .vmdk (or "
                           ".ova/.ovf) inside."))
    else:
        start = reader.read_at(0, 8).hex(" ")
        result.refuse(Text("This is {description} (it starts with bytes {start}). It is not a "
                           "VMDK, an OVA, an OVF or a VMX file.", description=description,
                           start=start),
                      Text("Choose the VMware disk (.vmdk) or the OVF/OVA export of the VM. If "
                           "this is a raw disk image, convert it: {command}.",
                           command=RAW_CONVERT_COMMAND))
    return result


def _sparse(reader: Reader, path: Path, result: _Result, *, standalone: bool) -> None:
    """A hosted sparse extent (KDMV): monolithicSparse, streamOptimized, or an extent."""
    result.description = Text("a VMDK disk")
    try:
        info = read_sparse(reader)
    except DiskFormatError as exc:
        result.refuse(message_of(exc), RECOPY)
        return
    header = info.header
    result.vmdk = info.to_dict()
    result.virtual_size = header.capacity_bytes if header.capacity else None
    if info.fatal:
        for problem in info.fatal:
            result.refuse(problem, RECOPY)
        return
    descriptor = info.descriptor
    if descriptor is None:
        match = EXTENT_NAME.match(path.name)
        owner = f"{match['base']}.vmdk" if match else Text("the small descriptor .vmdk")
        result.description = Text("one extent (data part) of a split VMDK")
        result.refuse(Text("This file is one part (extent) of a disk split into several files: "
                           "it has no descriptor of its own. The disk is described by {owner}, "
                           "which lists all its parts.", owner=owner),
                      Text("Choose {owner} instead and convert the whole disk into one file with "
                           "qemu-img; or {export_ovf}.", owner=owner, export_ovf=EXPORT_OVF))
        return
    create = descriptor.create_type
    result.subformat = create
    if create is None:
        create = "streamOptimized" if info.stream else "monolithicSparse"
        result.warn(Text("The VMDK's descriptor has no createType; judging by its header it is "
                         "{create}.", create=create))
    if create not in SINGLE_FILE_TYPES or len(descriptor.extents) != 1 or \
            descriptor.extents[0].type != "SPARSE":
        _data_elsewhere(path, descriptor, result, standalone=standalone)
        return
    if (create == "streamOptimized") != info.stream:
        result.refuse(Text("The descriptor says {create}, but the header has compressed grains "
                           "and stream markers: the file is inconsistent.", create=create)
                      if info.stream else
                      Text("The descriptor says {create}, but the header lacks compressed "
                           "grains and stream markers: the file is inconsistent.", create=create),
                      RECOPY)
        return
    if descriptor.capacity_sectors != header.capacity:
        result.refuse(Text("The descriptor gives the disk {descriptor_size} bytes, the header "
                           "{header_size}: the file is inconsistent.",
                           descriptor_size=descriptor.capacity_sectors * SECTOR,
                           header_size=header.capacity_bytes),
                      RECOPY)
        return
    result.description = Text("a {create} VMDK", create=create)
    if descriptor.is_delta:
        _snapshot(path, descriptor, result, standalone=standalone, fmt="vmdk")
        return
    if SNAPSHOT_NAME.search(path.name):
        result.warn(Text("The name {name} is how VMware names snapshot files, but this disk has "
                         "no parent: check that it is the disk you mean to import.",
                         name=path.name))
    for warning in info.warnings:
        result.warn(warning, RECOPY)
    if create == "streamOptimized":
        result.note(Text("streamOptimized: the compressed single-file form an OVF export writes. "
                         "The provider documents no subformat, but its examples are the disks of "
                         "OVF exports: this is the form most likely to be accepted."))
    else:
        conversion = Conversion(path, "vmdk", _converted_name(path)) if standalone else None
        result.conversion = conversion
        how = (Text("Optional: convert it to streamOptimized first: {command}",
                    command=conversion.command_text)
               if conversion else Text("Optional: extract it and convert it to streamOptimized "
                                       "with qemu-img."))
        result.warn(Text("monolithicSparse: one growable file (VMware Workstation's usual form). "
                         "The provider does not document which VMDK subformats it accepts; its "
                         "examples are the disks of OVF exports, which are streamOptimized. The "
                         "upload may work as it is (unconfirmed); converting removes the doubt."),
                    how)
    adapter, version = descriptor.adapter_type, descriptor.hw_version
    if adapter and version:
        result.note(Text("Descriptor: adapter {adapter}, virtual hardware version {version}.",
                         adapter=adapter, version=version))
    elif adapter:
        result.note(Text("Descriptor: adapter {adapter}.", adapter=adapter))
    elif version:
        result.note(Text("Descriptor: virtual hardware version {version}.", version=version))


def _snapshot(path: Path, descriptor: Descriptor, result: _Result, *, standalone: bool,
              fmt: str) -> None:
    hint = descriptor.parent_file_name_hint
    parent = path.parent / hint.replace("\\", "/").rsplit("/", 1)[-1] if hint else None
    there = parent is not None and standalone and parent.is_file()
    result.description = Text("a snapshot (delta) VMDK")
    result.refuse(
        Text("This disk is a snapshot (delta) disk: it holds only the changes made since a "
             "snapshot was taken, on top of its parent disk {parent}. On its own it is not a "
             "complete disk.", parent=hint)
        if hint else
        Text("This disk is a snapshot (delta) disk: it holds only the changes made since a "
             "snapshot was taken, on top of its parent disk. On its own it is not a complete "
             "disk."))
    consolidate = Text("In VMware, delete (consolidate) the VM's snapshots (Snapshot Manager > "
                       "Delete All) and use the single disk that remains; or {export_ovf}.",
                       export_ovf=EXPORT_OVF)
    if there and parent is not None:
        result.conversion = Conversion(path, fmt, _converted_name(path))
        result.fix = Text("{consolidate} Or merge the snapshot chain into one new file with "
                          "qemu-img (the parent {parent} is in the same folder): {command}",
                          consolidate=consolidate, parent=parent.name,
                          command=result.conversion.command_text)
    elif hint and standalone:
        result.fix = Text("{consolidate} (The parent disk {parent} is not in the same folder, so "
                          "it cannot be merged here.)", consolidate=consolidate, parent=hint)
    else:
        result.fix = consolidate


#: where a descriptor's data is, by createType
_DATA_FILES: Final = {
    "monolithicFlat": Text("one flat (preallocated, raw) data file"),
    "twoGbMaxExtentSparse": Text("pieces of at most 2 GB (split sparse)"),
    "twoGbMaxExtentFlat": Text("preallocated pieces of at most 2 GB (split flat)"),
    "vmfs": Text("a flat data file on an ESXi datastore"),
    "vmfsSparse": Text("an ESX sparse (snapshot) data file"),
    "seSparse": Text("an ESXi SE sparse (snapshot) data file"),
}


def _data_elsewhere(path: Path, descriptor: Descriptor, result: _Result, *,
                    standalone: bool, text_size: int | None = None) -> None:
    """A descriptor whose data is in other files (or on a device)."""
    create = descriptor.create_type or "unknown"
    files = [e.file for e in descriptor.extents if e.file]
    names: tuple[str, ...] | Text = tuple(files[:6])  # a tuple argument: a list (see Text)
    if len(files) > 6:
        names = Text("{names} and {count} more", names=names, count=len(files) - 6)
    elif not names:
        names = Text("no file named")
    device = create in DEVICE_TYPES or any(e.type in DEVICE_EXTENTS for e in descriptor.extents)
    result.subformat = descriptor.create_type
    result.description = Text("a {create} VMDK descriptor", create=create)
    result.virtual_size = descriptor.capacity_sectors * SECTOR or result.virtual_size
    if device:
        result.refuse(Text("This is a {create} disk: a raw device mapping, whose data is on a "
                           "physical disk or SAN LUN, not in files. It cannot be imported from "
                           "here.", create=create),
                      Text("In vSphere, {export_ovf} (for a physical-mode RDM, first convert the "
                           "disk to a virtual disk with Storage vMotion or Converter).",
                           export_ovf=EXPORT_OVF))
        return
    kind = _DATA_FILES.get(create) or Text("other files")
    what = (Text("only a descriptor ({size} bytes of text)", size=text_size)
            if text_size is not None else Text("a descriptor of a disk made of several files"))
    result.refuse(Text("This .vmdk is {what}: the disk's data is in {kind}: {files}. The import "
                       "service takes a single file, so this one cannot be imported as it is.",
                       what=what, kind=kind, files=names))
    if create not in KNOWN_CREATE_TYPES:
        result.refuse(Text("createType {create} is not one VMware documents.",
                           create=repr(create)))
    if descriptor.is_delta:
        parent = descriptor.parent_file_name_hint
        result.refuse(Text("It is also a snapshot (delta) disk: only the changes since a "
                           "snapshot of its parent {parent} are in it.", parent=parent)
                      if parent else
                      Text("It is also a snapshot (delta) disk: only the changes since a "
                           "snapshot of its parent are in it."))
    missing: list[str] = []
    if standalone:
        for name in files:
            candidate = path.parent / name.replace("\\", "/")
            if not candidate.is_file():
                missing.append(name)
        if missing:
            result.refuse(Text("{count} of its data files are not in the same folder: {files}.",
                               count=len(missing), files=tuple(missing[:6])))
    convertible = (standalone and not missing and create in QEMU_CREATE_TYPES
                   and not (descriptor.is_delta and not _parent_there(path, descriptor)))
    if convertible:
        result.conversion = Conversion(path, "vmdk", _converted_name(path))
        result.fix = Text("Convert it into one streamOptimized file with qemu-img, which reads "
                          "the descriptor and its data files: {command}. Or {export_ovf}.",
                          command=result.conversion.command_text, export_ovf=EXPORT_OVF)
    elif missing:
        result.fix = Text("Copy the descriptor together with all its data files into one folder "
                          "(keep their names) and convert them into one file with qemu-img; or "
                          "{export_ovf}.", export_ovf=EXPORT_OVF)
    else:
        result.fix = Text("In VMware, {export_ovf}.", export_ovf=EXPORT_OVF)


def _parent_there(path: Path, descriptor: Descriptor) -> bool:
    hint = descriptor.parent_file_name_hint
    return bool(hint) and (path.parent / str(hint).replace("\\", "/").rsplit("/", 1)[-1]).is_file()


def _descriptor_only(reader: Reader, path: Path, result: _Result, *, standalone: bool) -> None:
    data = reader.read_at(0, MAX_DESCRIPTOR_BYTES + 1)
    if len(data) > MAX_DESCRIPTOR_BYTES:
        result.refuse(Text("The file starts like a VMDK descriptor but is far too large to be "
                           "one: it is damaged."), RECOPY)
        return
    try:
        descriptor = parse_descriptor(data)
    except DiskFormatError as exc:
        result.refuse(message_of(exc), RECOPY)
        return
    result.vmdk = {"descriptor": descriptor.to_dict()}
    result.subformat = descriptor.create_type
    if descriptor.is_delta and descriptor.create_type in SINGLE_FILE_TYPES:
        _snapshot(path, descriptor, result, standalone=standalone, fmt="vmdk")
        return
    _data_elsewhere(path, descriptor, result, standalone=standalone, text_size=len(data))


def _esx_extent(path: Path, detected: Detected, result: _Result) -> None:
    match = EXTENT_NAME.match(path.name)
    owner = f"{match['base']}.vmdk" if match else Text("its small descriptor .vmdk")
    result.description = (Text("an ESX sparse extent (COWD)") if detected.variant == "cowd"
                          else Text("an ESXi SE sparse extent"))
    result.refuse(Text("This is {description}. It holds data only, and only together with its "
                       "descriptor {owner} (and usually a parent disk) does it make a disk.",
                       description=detected.description, owner=owner),
                  Text("Delete (consolidate) the VM's snapshots in vSphere, then {export_ovf}. "
                       "(Or download {owner} and all its files from the datastore into one "
                       "folder and convert the descriptor with qemu-img.)",
                       export_ovf=EXPORT_OVF, owner=owner))


# --- OVA -------------------------------------------------------------------------------------

def _inspect_ova(path: Path, reader: Reader, detected: Detected
                 ) -> tuple[_Result, VmInfo | None, UploadSource | None, str | None]:
    result = _Result("tar", detected.description)
    try:
        members = [Member(m.name, m.offset, m.size, m.type) for m in iter_tar(reader)]
    except DiskFormatError as exc:
        is_ova = path.suffix.lower() == ".ova"
        result.kind = "ova" if is_ova else "tar"
        result.description = Text("an OVA (tar) archive") if is_ova else detected.description
        result.refuse(Text("The archive is damaged: {error}", error=message_of(exc)),
                      Text("Download or export the OVA again."))
        return result, None, None, None
    ovfs = [m for m in members if m.name.lower().endswith(".ovf") and m.type == "file"]
    if not ovfs:
        disks = [m for m in members if m.name.lower().endswith(".vmdk")]
        listing = tuple(Text("{name} ({size})", name=m.name, size=_size_text(m.size))
                        for m in disks[:5])
        result.refuse(Text("This is a tar archive without an OVF descriptor, so it is not an "
                           "OVA; it contains {files}.", files=listing)
                      if listing else
                      Text("This is a tar archive without an OVF descriptor, so it is not an "
                           "OVA."),
                      Text("Extract it (7-Zip, or tar -xf), then choose the .vmdk inside."))
        return result, None, None, None
    result.kind, result.description = "ova", Text("an OVA (packaged OVF export)")
    if ovfs[0] is not members[0]:
        result.note(Text("The OVF descriptor is not the first file in the OVA, as the OVF "
                         "standard requires; some tools refuse such archives (this one was read "
                         "anyway)."))
    try:
        vm = parse_ovf(read_member(reader, ovfs[0], MAX_OVF_BYTES))
    except DiskFormatError as exc:
        result.refuse(Text("{name}: {error}", name=ovfs[0].name, error=message_of(exc)),
                      exc.action)
        return result, None, None, None
    _vm_notes(vm, result)
    if not vm.disks:
        result.refuse(Text("The OVF lists no disk file, so there is nothing to import."),
                      Text("Export the VM again with its disks."))
        return result, vm, None, None
    disk = vm.disks[0]
    member = find_member(members, disk.file)
    if member is None:
        result.refuse(Text("The OVF names the disk file {file}, but the OVA does not contain "
                           "it: the archive is incomplete.", file=disk.file),
                      Text("Download or export the OVA again."))
        return result, vm, None, None
    if _disk_packaging_refused(disk, result):
        return result, vm, None, member.name
    window = reader.window(member.offset, member.size, name=f"{path}:{member.name}")
    inner = _inspect_disk(window, Path(member.name), detect(window), standalone=False)
    _merge(result, inner, Text("The disk {name} inside the OVA", name=member.name))
    _check_capacity(disk, result)
    if member.type == "sparse":
        result.warn(Text("{name} is stored as a sparse file inside the archive, so it cannot be "
                         "uploaded straight from the OVA.", name=member.name),
                    Text("Extract it first (the wizard can), then upload the extracted file."))
    upload = UploadSource(path, member.offset, member.size, member.name,
                          contiguous=member.type != "sparse")
    return result, vm, upload, member.name


def _merge(result: _Result, inner: _Result, label: str) -> None:
    result.subformat = inner.subformat
    result.virtual_size = inner.virtual_size
    result.vmdk = inner.vmdk
    result.conversion = inner.conversion
    result.description = Text("{description}; its disk is {disk}",
                              description=result.description, disk=inner.description)
    for finding in inner.findings:
        text = finding.text
        if finding.level is Verdict.REFUSED and not text.startswith(label):
            text = Text("{label}: {finding}", label=label,
                        finding=_continued(text) if text[:4] in ("This", "The ") else text)
        result.findings.append(Finding(finding.level, text))
    if inner.fix and inner.fix_rank > result.fix_rank:
        result.fix, result.fix_rank = inner.fix, inner.fix_rank


def _vm_notes(vm: VmInfo, result: _Result) -> None:
    for note in vm.notes:
        if "virtual machines" in note:
            result.warn(note)
        else:
            result.note(note)
    if len(vm.disks) > 1:
        result.warn(Text("The VM has {count} disks ({files}). One import makes one image from "
                         "one disk: the first, {first}, is checked here (normally the boot "
                         "disk). Import the others separately if you need them.",
                         count=len(vm.disks), files=tuple(d.file for d in vm.disks),
                         first=vm.disks[0].file))


def _disk_packaging_refused(disk: VmDisk, result: _Result) -> bool:
    if disk.chunked:
        result.refuse(Text("The disk {file} is split into chunks inside the export "
                           "(ovf:chunkSize), so no single file holds it.", file=disk.file),
                      Text("Export the VM again without splitting files, or rejoin the chunks "
                           "({command}) and check the result.", command=REJOIN_COMMAND))
        return True
    if disk.compression and disk.compression.lower() not in ("identity", ""):
        result.refuse(Text("The disk {file} is stored {compression}-compressed in the export "
                           "(ovf:compression), so it is not a VMDK as stored.", file=disk.file,
                           compression=disk.compression),
                      Text("Extract it and decompress it (gunzip), then check the file that "
                           "comes out."))
        return True
    return False


def _check_capacity(disk: VmDisk, result: _Result) -> None:
    if disk.capacity and result.virtual_size and disk.capacity != result.virtual_size:
        result.warn(Text("The OVF gives the disk {ovf_size} bytes, its VMDK header "
                         "{header_size}; the header's size is used. The export may have been "
                         "edited by hand.", ovf_size=disk.capacity,
                         header_size=result.virtual_size))


# --- OVF and VMX on their own ----------------------------------------------------------------

def _inspect_vm_file(path: Path, reader: Reader, detected: Detected, open_file: Opener
                     ) -> tuple[_Result, VmInfo | None, Path | None, UploadSource | None]:
    is_vmx = detected.kind == "vmx" or path.suffix.lower() == ".vmx"
    result = _Result("vmx" if is_vmx else "ovf",
                     Text("a VMware VM configuration (.vmx)") if is_vmx
                     else Text("an OVF descriptor"))
    limit = MAX_VMX_BYTES if is_vmx else MAX_OVF_BYTES
    data = reader.read_at(0, limit + 1)
    try:
        if len(data) > limit:
            raise DiskFormatError(Text("The file is larger than {limit} MiB; a real {format} is "
                                       "a few KiB.", limit=limit // 2**20,
                                       format=".vmx" if is_vmx else "OVF"))
        vm = parse_vmx(data) if is_vmx else parse_ovf(data)
    except DiskFormatError as exc:
        if detected.kind == "xml" and not is_vmx:
            result.kind, result.description = "xml", detected.description
        result.refuse(message_of(exc), exc.action)
        return result, None, None, None
    _vm_notes(vm, result)
    if not vm.disks:
        result.refuse(Text("The VM configuration names no virtual disk.") if is_vmx
                      else Text("The OVF names no virtual disk."),
                      Text("Choose the .vmdk file itself."))
        return result, vm, None, None
    disk = vm.disks[0]
    disk_path = path.parent / disk.file.replace("\\", "/")
    if not is_vmx and _disk_packaging_refused(disk, result):
        return result, vm, disk_path, None
    try:
        size = regular_file_size(disk_path)
    except DiskReadError as exc:
        result.refuse(Text("The VM names the disk {file}, which cannot be opened: {error}",
                           file=disk.file, error=message_of(exc))
                      if is_vmx else
                      Text("The OVF names the disk {file}, which cannot be opened: {error}",
                           file=disk.file, error=message_of(exc)),
                      Text("Keep the whole export (the .ovf, .mf and .vmdk files) or the VM "
                           "folder together in one folder, then choose it again."))
        return result, vm, disk_path, None
    with open_file(disk_path) as handle:
        disk_reader = Reader(handle, size, name=str(disk_path))
        inner = _inspect_disk(disk_reader, disk_path, detect(disk_reader), standalone=True)
    _merge(result, inner, Text("The disk {name}", name=disk_path.name))
    _check_capacity(disk, result)
    upload = UploadSource(disk_path, 0, size)
    return result, vm, disk_path, upload


__all__ = [
    "Conversion", "DiskReadError", "DiskRefused", "Finding", "Inspection", "Suggestions",
    "UploadSource", "Verdict", "inspect",
]
