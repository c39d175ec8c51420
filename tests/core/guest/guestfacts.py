"""Hand-built facts for the checks' tests: a healthy guest of each kind, changed per test."""

from __future__ import annotations

import dataclasses
from typing import Any

from vmdkimport.core.guest.facts import (
    BootFacts,
    FstabEntry,
    GuestFacts,
    Kernel,
    LinuxFacts,
    Partition,
    PartKind,
    Scheme,
    SqlServer,
    Volume,
    WindowsFacts,
)

GIB = 2**30


def mbr_boot(*kinds: PartKind, loader: str = "grub2") -> BootFacts:
    parts = tuple(Partition(i + 1, 2**20 * (i + 1), GIB, k, "0x83")
                  for i, k in enumerate(kinds or (PartKind.LINUX,)))
    return BootFacts(Scheme.MBR, parts, bios_boot_code=True, boot_loader=loader)


def linux(**changes: Any) -> GuestFacts:
    """A CentOS 7.8 guest that should be ready."""
    lx = LinuxFacts(
        root="LVM centos/root", os_id="centos", version_id="7",
        pretty_name="CentOS Linux 7 (Core)", release="7.8.2003", arch="x86_64",
        kernels=(Kernel("3.10.0-1127.el7.x86_64", "/boot/initramfs-3.10.0-1127.el7.x86_64.img",
                        True),),
        fstab=(FstabEntry("/dev/mapper/centos-root", "/", "xfs", "defaults", True),
               FstabEntry("UUID=1234", "/boot", "xfs", "defaults", True)),
        cloud_init=True, vmware_tools=False, virtio_modules=True)
    facts = GuestFacts(
        boot=mbr_boot(PartKind.LINUX, PartKind.LVM),
        volumes=(Volume("partition 1", 2**20, GIB, "xfs"),
                 Volume("LVM centos/root", 2 * GIB, 8 * GIB, "xfs", size_bytes=8 * GIB,
                        free_bytes=5 * GIB)),
        linux=lx)
    return _changed(facts, changes, "linux")


def windows(**changes: Any) -> GuestFacts:
    """A Windows Server 2016 Standard (English) guest that should be ready."""
    w = WindowsFacts(
        system="partition 2", product_name="Windows Server 2016 Standard",
        edition_id="ServerStandard", current_build="14393", installation_type="Server",
        install_language="0409", arch="AMD64", hibernated=False, fast_startup=False,
        virtio_drivers=True, vmware_tools=False, cloudbase_init=True,
        licence_channel="Volume:GVLK")
    facts = GuestFacts(
        boot=mbr_boot(PartKind.WINDOWS, PartKind.WINDOWS, loader="windows"),
        volumes=(Volume("partition 1", 2**20, 500 * 2**20, "ntfs", label="System Reserved"),
                 Volume("partition 2", 501 * 2**20, 40 * GIB, "ntfs", size_bytes=40 * GIB,
                        free_bytes=20 * GIB)),
        windows=w)
    return _changed(facts, changes, "windows")


def sql(version: str = "13.0.1601.5", edition: str = "Standard Edition") -> SqlServer:
    return SqlServer("MSSQLSERVER", edition, version)


def _changed(facts: GuestFacts, changes: dict[str, Any], os_field: str) -> GuestFacts:
    """``changes`` to the OS record by its field names; ``boot=``, ``volumes=`` to the facts."""
    top: dict[str, Any] = {k: changes.pop(k) for k in ("boot", "volumes", "notes")
                           if k in changes}
    os_record = getattr(facts, os_field)
    if changes:
        top[os_field] = dataclasses.replace(os_record, **changes)
    return dataclasses.replace(facts, **top)
