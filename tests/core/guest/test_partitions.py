"""Partition tables and boot code of disks made at test time with sfdisk and sgdisk."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vmdkimport.core.guest.facts import PartKind, Scheme
from vmdkimport.core.guest.partitions import boot_loader_of, read_boot

MIB = 1024 * 1024


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")


def run(*args: str | Path, stdin: str | None = None) -> None:
    subprocess.run([str(a) for a in args], input=stdin, text=True, check=True,
                   capture_output=True)


def blank(path: Path, size: int) -> Path:
    with path.open("wb") as f:
        f.truncate(size)
    return path


def boot_of(path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as f:
        return read_boot(f, path.stat().st_size)


def test_mbr_primary_extended_logical(tmp_path: Path) -> None:
    need("sfdisk")
    disk = blank(tmp_path / "mbr.img", 64 * MIB)
    run("sfdisk", "-q", disk, stdin="label: dos\nlabel-id: 0x12345678\n"
        "start=2048, size=16384, type=83, bootable\nsize=16384, type=7\n"
        "type=5\nsize=8192, type=8e\nsize=8192, type=82\n")
    boot = boot_of(disk)
    assert boot.scheme == Scheme.MBR
    assert boot.disk_signature == 0x12345678
    kinds = [(p.number, p.kind, p.bootable) for p in boot.partitions]
    assert kinds == [(1, PartKind.LINUX, True), (2, PartKind.WINDOWS, False),
                     (3, PartKind.EXTENDED, False), (5, PartKind.LVM, False),
                     (6, PartKind.SWAP, False)]
    assert boot.partitions[0].start == 2048 * 512
    assert boot.partitions[0].size == 16384 * 512
    assert boot.partitions[3].type_id == "0x8e"
    assert not boot.bios_boot_code
    assert boot.boot_loader == ""
    assert boot.problems == ()


def test_mbr_chain_loop_is_bounded(tmp_path: Path) -> None:
    need("sfdisk")
    disk = blank(tmp_path / "loop.img", 16 * MIB)
    run("sfdisk", "-q", disk, stdin="label: dos\nstart=2048, type=5\nsize=2048, type=83\n"
        "size=2048, type=83\n")
    data = bytearray(disk.read_bytes())
    first = 2048 * 512
    # make the first EBR's link point back at itself
    data[first + 446 + 16 + 4] = 0x05
    data[first + 446 + 16 + 8: first + 446 + 16 + 12] = (0).to_bytes(4, "little")
    second_link = first + 446 + 16
    data[second_link + 8: second_link + 12] = (0).to_bytes(4, "little")
    disk.write_bytes(bytes(data))
    boot = boot_of(disk)
    assert boot.scheme == Scheme.MBR
    assert [p.number for p in boot.partitions if p.kind == PartKind.LINUX] in ([5], [5, 6])


def make_gpt(path: Path) -> Path:
    need("sgdisk")
    blank(path, 64 * MIB)
    run("sgdisk", "-n", "1:2048:+1M", "-t", "1:EF02", "-c", "1:grub",
        "-n", "2:0:+8M", "-t", "2:EF00", "-c", "2:EFI System",
        "-n", "3:0:+16M", "-t", "3:8300", "-c", "3:root", "-A", "3:set:2",
        "-n", "4:0:+8M", "-t", "4:8E00", "-n", "5:0:+8M", "-t", "5:0700",
        "-n", "6:0:+1M", "-t", "6:0C01", "-n", "7:0:+1M", "-t", "7:2700", path)
    return path


def test_gpt_kinds_names_and_legacy_bootable(tmp_path: Path) -> None:
    boot = boot_of(make_gpt(tmp_path / "gpt.img"))
    assert boot.scheme == Scheme.GPT
    assert boot.problems == ()
    assert [p.kind for p in boot.partitions] == [
        PartKind.BIOS_BOOT, PartKind.ESP, PartKind.LINUX, PartKind.LVM, PartKind.WINDOWS,
        PartKind.MSR, PartKind.RECOVERY]
    assert [p.name for p in boot.partitions[:3]] == ["grub", "EFI System", "root"]
    assert [p.bootable for p in boot.partitions[:4]] == [False, False, True, False]
    assert boot.partitions[1].type_id == "C12A7328-F81F-11D2-BA4B-00A0C93EC93B"
    assert boot.partitions[0].start == 2048 * 512
    assert boot.partitions[0].size == MIB


def test_gpt_damaged_primary_uses_the_backup(tmp_path: Path) -> None:
    disk = make_gpt(tmp_path / "gpt.img")
    data = bytearray(disk.read_bytes())
    data[512 + 100] ^= 0xFF  # inside the header's reserved tail: the CRC no longer matches
    data[512 + 24] ^= 0x01
    disk.write_bytes(bytes(data))
    boot = boot_of(disk)
    assert boot.scheme == Scheme.GPT
    assert len(boot.partitions) == 7
    assert any("backup" in p for p in boot.problems)
    # and with the backup gone too, the table cannot be read
    data[-512 + 24] ^= 0x01
    disk.write_bytes(bytes(data))
    boot = boot_of(disk)
    assert boot.scheme is None
    assert boot.partitions == ()
    assert boot.problems


def test_gpt_damaged_entries_use_the_backup(tmp_path: Path) -> None:
    disk = make_gpt(tmp_path / "gpt.img")
    data = bytearray(disk.read_bytes())
    data[1024 + 40] ^= 0xFF  # first entry's first LBA: the entry array CRC fails
    disk.write_bytes(bytes(data))
    boot = boot_of(disk)
    assert boot.scheme == Scheme.GPT
    assert boot.partitions[0].start == 2048 * 512
    assert boot.problems


def test_no_table_and_boot_code(tmp_path: Path) -> None:
    disk = blank(tmp_path / "raw.img", MIB)
    assert boot_of(disk).scheme == Scheme.NONE
    assert read_boot(open(disk, "rb"), 100).scheme == Scheme.NONE  # noqa: SIM115
    sector = bytearray(512)
    sector[0:3] = b"\xeb\x63\x90"
    sector[0x180:0x190] = b"GRUB \0Geom\0Hard"
    sector[510:512] = b"\x55\xaa"
    sector[446 + 4] = 0x83
    sector[446 + 8: 446 + 16] = (2048).to_bytes(4, "little") + (100).to_bytes(4, "little")
    with disk.open("r+b") as f:
        f.write(sector)
    boot = boot_of(disk)
    assert boot.scheme == Scheme.MBR
    assert boot.bios_boot_code
    assert boot.boot_loader == "grub2"
    assert boot_loader_of(b"\xeb\x48\x90" + bytes(sector[3:])) == "grub-legacy"
    assert boot_loader_of(b"\x33\xc0Invalid partition table\0Missing operating system") == \
        "windows"
    assert boot_loader_of(b"\xfa\x31\xc0SYSLINUX") == "syslinux"
    assert boot_loader_of(bytes(512)) == ""


def test_whole_disk_ntfs_boot_sector_is_no_table(tmp_path: Path) -> None:
    sector = bytearray(512)
    sector[3:11] = b"NTFS    "
    sector[446] = 0x80
    sector[450] = 0x07
    sector[454:462] = (1).to_bytes(4, "little") * 2
    sector[510:512] = b"\x55\xaa"
    disk = tmp_path / "ntfs.img"
    disk.write_bytes(bytes(sector) + bytes(MIB))
    assert boot_of(disk).scheme == Scheme.NONE


