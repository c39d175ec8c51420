"""Partition tables and boot code: how the guest's disk is laid out and what a BIOS would start.

Read by hand (MBR, GPT, the NT disk signature, which boot loader sits in sector 0): these are a
few fixed-layout sectors, and the libraries that parse them (pytsk3, dissect.volume) are either
far larger than the job or AGPL. Every number comes from a hostile disk, so every loop and size
is bounded: at most :data:`MAX_LOGICAL` logical partitions, :data:`MAX_GPT_ENTRIES` GPT entries,
and a damaged table ends in :attr:`BootFacts.problems`, never in an exception.

The sector size is 512 bytes: VMDK has no 4Kn variant (its grain tables count 512-byte sectors),
so a disk inside a VMDK always has 512-byte logical sectors.

The VM's firmware setting (``firmware = "efi"`` in a .vmx, ``vmw:Config vmw:key="firmware"`` in
an OVF) is read here too: it decides, with the disk's layout, whether the guest boots by BIOS.
"""

from __future__ import annotations

import struct
import uuid
import zlib
from typing import Final, Protocol

from vmdkimport.core.guest.facts import BootFacts, Partition, PartKind, Scheme
from vmdkimport.core.text import Text


class Source(Protocol):
    """A random-access file of the disk (or of a volume in it): ``open(path, "rb")``, an
    ``io.BytesIO``, the virtual disk reader. ``read`` may return None (an ``io.RawIOBase``)."""

    def read(self, size: int = -1, /) -> bytes | None: ...

    def seek(self, offset: int, whence: int = 0, /) -> int: ...

    def tell(self) -> int: ...


SECTOR: Final = 512
#: logical partitions followed along an extended partition's chain (Linux's own limit is
#: far lower in practice; a loop or a 10,000-link chain is a damaged or hostile table)
MAX_LOGICAL: Final = 128
#: GPT entries read: 128 is what every tool writes; a header may say more, up to this
MAX_GPT_ENTRIES: Final = 1024
GPT_ENTRY_SIZES: Final = frozenset({128, 256, 512})

MBR_KINDS: Final[dict[int, PartKind]] = {
    0x07: PartKind.WINDOWS, 0x0B: PartKind.WINDOWS, 0x0C: PartKind.WINDOWS,
    0x0E: PartKind.WINDOWS, 0x06: PartKind.WINDOWS, 0x04: PartKind.WINDOWS,
    0x83: PartKind.LINUX, 0x8E: PartKind.LVM, 0x82: PartKind.SWAP, 0x42: PartKind.LDM,
    0x05: PartKind.EXTENDED, 0x0F: PartKind.EXTENDED, 0x85: PartKind.EXTENDED,
    0xEF: PartKind.ESP, 0x27: PartKind.RECOVERY,
}
EXTENDED_TYPES: Final = frozenset({0x05, 0x0F, 0x85})
PROTECTIVE: Final = 0xEE

GPT_KINDS: Final[dict[str, PartKind]] = {
    "C12A7328-F81F-11D2-BA4B-00A0C93EC93B": PartKind.ESP,
    "21686148-6449-6E6F-744E-656564454649": PartKind.BIOS_BOOT,
    "0FC63DAF-8483-4772-8E79-3D69D8477DE4": PartKind.LINUX,
    "E6D6D379-F507-44C2-A23C-238F2A3DF928": PartKind.LVM,
    "0657FD6D-A4AB-43C4-84E5-0933C84B4F4F": PartKind.SWAP,
    "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7": PartKind.WINDOWS,
    "E3C9E316-0B5C-4DB8-817D-F92DF00215AE": PartKind.MSR,
    "DE94BBA4-06D1-4D40-A16A-BFD50179D6AC": PartKind.RECOVERY,
    "5808C8AA-7E8F-42E0-85D2-E1E90434CFB3": PartKind.LDM,
    "AF9B60A0-1431-4F62-BC68-3311714A69AD": PartKind.LDM,
    # the root/usr partition types of the Discoverable Partitions Specification (x86-64)
    "4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709": PartKind.LINUX,
    "8484680C-9521-48C6-9C11-B0720656F69E": PartKind.LINUX,
    "933AC7E1-2EB4-4F13-B844-0E14E2AEF915": PartKind.LINUX,  # /home
    "BC13C2FF-59E6-4262-A352-B275FD6F7172": PartKind.LINUX,  # /boot (XBOOTLDR)
}
#: GPT attribute bit 2: "legacy BIOS bootable" (the GPT counterpart of the MBR active flag)
GPT_LEGACY_BOOTABLE: Final = 1 << 2


def _read_at(disk: Source, offset: int, length: int) -> bytes:
    """``length`` bytes at ``offset``, fewer at the end of the disk (never raises for range)."""
    if offset < 0 or length <= 0:
        return b""
    disk.seek(offset)
    return disk.read(length) or b""


# --- boot code -------------------------------------------------------------------------------

def boot_loader_of(sector0: bytes) -> str:
    """Name the loader whose code fills bytes 0-439 of sector 0, from its message strings.

    Best effort: GRUB 2's boot.img and GRUB legacy's stage1 both carry "GRUB" and "Geom"; they
    differ in their first jump (GRUB legacy jumps over a shorter BIOS parameter block: EB 48).
    """
    code = sector0[:440]
    if b"GRUB" in code and b"Geom" in code:
        return "grub-legacy" if code[:2] == b"\xeb\x48" else "grub2"
    if b"SYSLINUX" in code or b"isolinux" in code.lower() or b"syslinux" in code.lower():
        return "syslinux"
    if b"Invalid partition table" in code or b"Missing operating system" in code:
        return "windows"
    return ""


# --- MBR -------------------------------------------------------------------------------------

def _mbr_entries(sector: bytes) -> list[tuple[int, int, int, int]]:
    """The four entries of an MBR or EBR: (status, type, first LBA, sector count)."""
    out = []
    for i in range(4):
        entry = sector[446 + 16 * i: 446 + 16 * (i + 1)]
        if len(entry) < 16:
            break
        status, kind = entry[0], entry[4]
        first, count = struct.unpack_from("<II", entry, 8)
        out.append((status, kind, first, count))
    return out


def _looks_like_mbr(sector: bytes) -> bool:
    """0x55AA and entries that make sense (an NTFS or FAT boot sector also ends in 0x55AA)."""
    if len(sector) < SECTOR or sector[510:512] != b"\x55\xaa":
        return False
    entries = _mbr_entries(sector)
    if any(status not in (0x00, 0x80) for status, *_ in entries):
        return False
    used = [e for e in entries if e[1] != 0 and e[3] != 0]
    if not used:
        return False
    # a filesystem boot sector: its BPB overlaps nothing here, but its OEM id says what it is
    return sector[3:11] not in (b"NTFS    ", b"-FVE-FS-", b"EXFAT   ")


def _mbr_kind(kind: int) -> PartKind:
    return MBR_KINDS.get(kind, PartKind.OTHER)


def _read_mbr(disk: Source, size: int, sector0: bytes,
              problems: list[str]) -> list[Partition]:
    parts: list[Partition] = []
    extended: tuple[int, int] | None = None
    for index, (status, kind, first, count) in enumerate(_mbr_entries(sector0), start=1):
        if kind == 0 or count == 0:
            continue
        start, length = first * SECTOR, count * SECTOR
        if start >= size:
            problems.append(Text("Partition {number} starts beyond the end of the disk; it "
                                 "was ignored.", number=index))
            continue
        if start + length > size:
            problems.append(Text("Partition {number} ends beyond the end of the disk.",
                                 number=index))
        parts.append(Partition(index, start, length, _mbr_kind(kind), f"0x{kind:02x}",
                               bootable=status == 0x80))
        if kind in EXTENDED_TYPES and extended is None:
            extended = (first, count)
    if extended is not None:
        parts.extend(_read_logical(disk, size, extended, problems))
    return parts


def _read_logical(disk: Source, size: int, extended: tuple[int, int],
                  problems: list[str]) -> list[Partition]:
    """Follow the EBR chain: each EBR holds one logical partition (relative to that EBR) and a
    link to the next EBR (relative to the extended partition). Bounded and loop-checked."""
    base, base_count = extended
    parts: list[Partition] = []
    seen: set[int] = set()
    ebr = base
    number = 5
    for _ in range(MAX_LOGICAL):
        if ebr in seen or ebr * SECTOR >= size or not base <= ebr < base + base_count:
            if ebr in seen:
                problems.append(Text("The chain of logical partitions loops; it was read up "
                                     "to the loop."))
            break
        seen.add(ebr)
        sector = _read_at(disk, ebr * SECTOR, SECTOR)
        if len(sector) < SECTOR or sector[510:512] != b"\x55\xaa":
            problems.append(Text("An extended boot record is damaged; the logical partitions "
                                 "after it were not read."))
            break
        entries = _mbr_entries(sector)
        status, kind, first, count = entries[0]
        if kind != 0 and count != 0:
            start, length = (ebr + first) * SECTOR, count * SECTOR
            if start < size:
                parts.append(Partition(number, start, length, _mbr_kind(kind), f"0x{kind:02x}",
                                       bootable=status == 0x80))
                number += 1
        _, next_kind, next_first, _ = entries[1]
        if next_kind not in EXTENDED_TYPES or next_first == 0:
            break
        ebr = base + next_first
    else:
        problems.append(Text("More than {count} logical partitions; the rest were not read.",
                             count=MAX_LOGICAL))
    return parts


# --- GPT -------------------------------------------------------------------------------------

def _guid(raw: bytes) -> str:
    return str(uuid.UUID(bytes_le=raw)).upper()


def _gpt_header(disk: Source, size: int, lba: int) -> tuple[bytes, list[bytes]] | None:
    """The header at ``lba`` and its entries when both CRCs are right, else None."""
    header = _read_at(disk, lba * SECTOR, SECTOR)
    if len(header) < 92 or header[:8] != b"EFI PART":
        return None
    header_size, header_crc = struct.unpack_from("<II", header, 12)
    if not 92 <= header_size <= SECTOR:
        return None
    check = bytearray(header[:header_size])
    check[16:20] = b"\0\0\0\0"
    if zlib.crc32(check) != header_crc:
        return None
    entries_lba, count, entry_size, entries_crc = struct.unpack_from("<QIII", header, 72)
    if entry_size not in GPT_ENTRY_SIZES or count > MAX_GPT_ENTRIES:
        return None
    table_bytes = count * entry_size
    if entries_lba * SECTOR + table_bytes > size:
        return None
    table = _read_at(disk, entries_lba * SECTOR, table_bytes)
    if len(table) != table_bytes or zlib.crc32(table) != entries_crc:
        return None
    return header, [table[i * entry_size: (i + 1) * entry_size] for i in range(count)]


def _read_gpt(disk: Source, size: int, problems: list[str]) -> list[Partition] | None:
    found = _gpt_header(disk, size, 1)
    if found is None:
        last = size // SECTOR - 1
        found = _gpt_header(disk, size, last) if last > 1 else None
        if found is None:
            problems.append(Text("The GPT partition table is damaged (its primary and backup "
                                 "headers fail their checks); it could not be read."))
            return None
        problems.append(Text("The primary GPT header or its entries are damaged; the backup "
                             "copy at the end of the disk was used."))
    _, entries = found
    parts: list[Partition] = []
    for number, entry in enumerate(entries, start=1):
        type_raw = entry[:16]
        if type_raw == bytes(16):
            continue
        first, last, attributes = struct.unpack_from("<QQQ", entry, 32)
        if last < first or first * SECTOR >= size:
            problems.append(Text("GPT entry {number} has an impossible extent; it was "
                                 "ignored.", number=number))
            continue
        type_id = _guid(type_raw)
        name = entry[56:128].decode("utf-16-le", "replace").split("\0", 1)[0]
        parts.append(Partition(number, first * SECTOR, (last - first + 1) * SECTOR,
                               GPT_KINDS.get(type_id, PartKind.OTHER), type_id,
                               bootable=bool(attributes & GPT_LEGACY_BOOTABLE), name=name))
    return parts


# --- the whole -------------------------------------------------------------------------------

def read_boot(disk: Source, size: int) -> BootFacts:
    """The partition table and boot code of a disk (``disk`` is seekable, ``size`` its bytes).

    Never raises for what is on the disk: a table that cannot be read is ``scheme=None`` with
    the reason in ``problems``. (An ``OSError`` of ``disk`` itself still propagates.)
    """
    sector0 = _read_at(disk, 0, SECTOR)
    if len(sector0) < SECTOR:
        return BootFacts(Scheme.NONE, problems=(Text("The disk is smaller than one sector."),))
    code = sector0[:440]
    has_code = any(code)
    loader = boot_loader_of(sector0) if has_code else ""
    problems: list[str] = []
    if not _looks_like_mbr(sector0):
        return BootFacts(Scheme.NONE, (), has_code, loader, None, problems=tuple(problems))
    signature = struct.unpack_from("<I", sector0, 440)[0] or None
    entries = _mbr_entries(sector0)
    if any(kind == PROTECTIVE for _, kind, _, count in entries if count):
        gpt = _read_gpt(disk, size, problems)
        scheme = Scheme.GPT if gpt is not None else None
        return BootFacts(scheme, tuple(gpt or ()), has_code, loader, signature,
                         problems=tuple(problems))
    parts = _read_mbr(disk, size, sector0, problems)
    return BootFacts(Scheme.MBR, tuple(parts), has_code, loader, signature,
                     problems=tuple(problems))
