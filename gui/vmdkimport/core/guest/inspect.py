"""Inspect the guest in a disk: open it, find the OS, judge it against the provider's rules.

The one entry point the front ends call (``vmdkimport inspect``, ``upload``, ``register --disk``,
the wizard's Disk page, migration plans). It ties the parts together in the order a person would
look: the virtual disk (:mod:`vmdkimport.core.disk.virtual`), its partition table and boot code
(:mod:`.partitions`), the volumes and filesystems in it (:mod:`.volumes`, :mod:`.filesystems`),
the OS on them (:mod:`.linux`, :mod:`.windows`), then the rules (:mod:`.checks`).

It never raises for what is in the disk: a damaged or unknown part is a fact ("could not read
...") that the checks turn into a *cannot inspect* finding. Only cancellation raises
(:class:`~vmdkimport.core.disk.diskformat.OperationCancelled`). Reading is bounded: a few dozen
MiB whatever the disk size (see benchmarks/inspect.py).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from vmdkimport.core.disk.diskformat import OperationCancelled
from vmdkimport.core.disk.preflight import Inspection
from vmdkimport.core.disk.virtual import VirtualDisk, open_virtual_disk
from vmdkimport.core.errors import VmdkImportError
from vmdkimport.core.guest import checks, rules
from vmdkimport.core.guest.facts import (
    BootFacts,
    Firmware,
    GuestFacts,
    LinuxFacts,
    Volume,
    WindowsFacts,
)
from vmdkimport.core.guest.filesystems import open_filesystem
from vmdkimport.core.guest.fs import GuestFS
from vmdkimport.core.guest.linux import looks_like_linux_root, probe_linux
from vmdkimport.core.guest.partitions import read_boot
from vmdkimport.core.guest.report import GuestReport
from vmdkimport.core.guest.volumes import find_volumes, open_volume
from vmdkimport.core.guest.windows import looks_like_windows, probe_windows
from vmdkimport.core.text import Text

log = logging.getLogger(__name__)

#: filesystems an OS can live on (others are only listed)
_OS_FILESYSTEMS = frozenset({"ext2", "ext3", "ext4", "xfs", "ntfs"})
#: a guest with more volumes than this is not walked further (hostile or exotic tables)
_MAX_VOLUMES = 64


@dataclass(frozen=True)
class GuestSource:
    """Where the guest's disk is: a disk file, or a VMDK member inside an OVA."""

    path: Path
    member: str | None = None
    #: the VM's firmware setting from its .vmx/.ovf ("bios", "efi", None: not said)
    firmware: str | None = None
    firmware_source: str = ""


Cancelled = Callable[[], bool]


def inspect_guest(source: GuestSource, *, region: str | None = None,
                  cancelled: Cancelled | None = None) -> GuestReport:
    """The report for the guest in ``source``, judged by the rules of ``region``'s generation."""
    facts = gather_facts(source, cancelled=cancelled)
    return checks.judge(facts, rules.rules_for_region(region))


def gather_facts(source: GuestSource, *, cancelled: Cancelled | None = None) -> GuestFacts:
    """Everything the probes observe in one disk (no judgement)."""
    firmware = Firmware(source.firmware, source.firmware_source)
    try:
        disk = open_virtual_disk(source.path, member=source.member)
    except VmdkImportError as exc:
        log.info("guest inspection: cannot open %s: %s", source.path, exc)
        return GuestFacts(BootFacts(None, firmware=firmware, problems=(str(exc),)))
    with contextlib.closing(disk):
        return _gather(disk, firmware, cancelled or (lambda: False))


def _check(cancelled: Cancelled) -> None:
    if cancelled():
        raise OperationCancelled()


def _gather(disk: VirtualDisk, firmware: Firmware, cancelled: Cancelled) -> GuestFacts:
    notes: list[str] = []
    try:
        boot = replace(read_boot(disk, disk.size), firmware=firmware)
        _check(cancelled)
        volumes = find_volumes(disk, disk.size, boot)[:_MAX_VOLUMES]
    except OperationCancelled:
        raise  # a VmdkImportError too, but not a finding
    except VmdkImportError as exc:  # the disk's own map (grain tables) is damaged
        log.info("guest inspection: disk unreadable: %s", exc)
        return GuestFacts(BootFacts(None, firmware=firmware, problems=(str(exc),)),
                          bytes_read=disk.bytes_read)
    linux: LinuxFacts | None = None
    windows: WindowsFacts | None = None
    for volume in volumes:
        _check(cancelled)
        if volume.filesystem not in _OS_FILESYSTEMS or volume.unreadable:
            continue
        try:
            with _opened(disk, volume) as fs:
                if linux is None and windows is None:
                    windows = probe_windows(fs, system_where=volume.where,
                                            disk_signature=boot.disk_signature, volumes=volumes)
                    if windows is None:
                        linux = _linux(disk, fs, volume, volumes)
                elif _looks_like_os(fs):
                    notes.append(f"{volume.where} also holds an operating system; "
                                 "the first one found was inspected")
        except OperationCancelled:
            raise
        except VmdkImportError as exc:
            notes.append(f"{volume.where}: {exc}")
            volumes = [replace(v, unreadable=str(exc)) if v == volume else v for v in volumes]
    return GuestFacts(boot, tuple(volumes), linux, windows, bytes_read=disk.bytes_read,
                      notes=tuple(notes))


@contextlib.contextmanager
def _opened(disk: VirtualDisk, volume: Volume) -> Iterator[GuestFS]:
    handle = open_volume(disk, disk.size, volume)
    try:
        yield open_filesystem(handle, volume)
    finally:
        handle.close()


def _looks_like_os(fs: GuestFS) -> bool:
    return looks_like_linux_root(fs) or looks_like_windows(fs)


def _linux(disk: VirtualDisk, fs: GuestFS, volume: Volume,
           volumes: list[Volume]) -> LinuxFacts | None:
    """Probe a Linux root; when /boot is its own filesystem (CentOS 7), probe with it too."""
    facts = probe_linux(fs, root_where=volume.where, volumes=volumes)
    if facts is None or facts.kernels:
        return facts
    boot_volume = _boot_volume(facts, volumes)
    if boot_volume is None:
        return facts
    try:
        with _opened(disk, boot_volume) as boot_fs:
            return probe_linux(fs, root_where=volume.where, volumes=volumes, boot=boot_fs)
    except VmdkImportError as exc:
        log.info("guest inspection: /boot on %s unreadable: %s", boot_volume.where, exc)
        return facts


def _boot_volume(facts: LinuxFacts, volumes: list[Volume]) -> Volume | None:
    """The volume fstab mounts at /boot, matched by UUID or LABEL."""
    for entry in facts.fstab:
        if entry.mountpoint != "/boot":
            continue
        key, _, value = entry.spec.partition("=")
        for volume in volumes:
            if (key == "UUID" and value and volume.uuid.lower() == value.lower()) or \
                    (key == "LABEL" and value and volume.label == value):
                return volume
    return None


#: pre-flight kinds whose guest this tool can read (qcow2, VHD and the rest need converting first)
_READABLE_KINDS = frozenset({"vmdk", "raw-mbr", "raw-gpt", "filesystem"})


def source_of(found: Inspection) -> GuestSource | None:
    """Where the guest is, from the pre-flight's answer; None when it cannot be read here."""
    vm = found.vm
    firmware = vm.firmware if vm is not None else None
    named = found.path.name if vm is not None and firmware is not None else ""
    if found.kind == "ova" and found.disk_member:
        return GuestSource(found.path, found.disk_member, firmware, named)
    if found.kind in ("ovf", "vmx") and found.disk_path is not None:
        return GuestSource(found.disk_path, None, firmware, named)
    if found.kind in _READABLE_KINDS:
        return GuestSource(found.path)
    return None


def inspect_found(found: Inspection, *, region: str | None = None,
                  cancelled: Cancelled | None = None) -> GuestReport:
    """The guest report for a pre-flight's file; a kind this tool cannot read inside (qcow2,
    VHD, an ISO) is a *cannot inspect* report that says so, never silence."""
    source = source_of(found)
    if source is None:
        problem = Text("The tool cannot look inside {what}; convert it to a VMDK first and "
                       "inspect the converted disk.", what=found.description)
        facts = GuestFacts(BootFacts(None, problems=(problem,)))
        return checks.judge(facts, rules.rules_for_region(region))
    return inspect_guest(source, region=region, cancelled=cancelled)
