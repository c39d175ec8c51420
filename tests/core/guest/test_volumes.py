"""Volumes of disks made at test time: filesystems by signature, and LVM2 on loop devices."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from vmdkimport.core.guest.facts import Volume
from vmdkimport.core.guest.filesystems import open_filesystem
from vmdkimport.core.guest.fs import GuestReadError
from vmdkimport.core.guest.partitions import read_boot
from vmdkimport.core.guest.volumes import (
    PhysicalVolume,
    find_volumes,
    logical_volumes,
    open_volume,
    parse_lvm_config,
)

MIB = 1024 * 1024
XFS_SMALL = {**os.environ, "TEST_DIR": "1", "TEST_DEV": "1", "QA_CHECK_FS": "1"}


def need(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


def run(*args: str | Path, stdin: str | None = None, env: dict[str, str] | None = None) -> str:
    return subprocess.run([str(a) for a in args], input=stdin, text=True, check=True,
                          capture_output=True, env=env).stdout


def blank(path: Path, size: int) -> Path:
    with path.open("wb") as f:
        f.truncate(size)
    return path


def put(disk: Path, offset: int, data: bytes) -> None:
    with disk.open("r+b") as f:
        f.seek(offset)
        f.write(data)


def scan(disk: Path) -> list[Volume]:
    with disk.open("rb") as f:
        size = disk.stat().st_size
        return find_volumes(f, size, read_boot(f, size))


def blkid(image: Path, tag: str) -> str:
    return run("blkid", "-p", "-o", "value", "-s", tag, image).strip()


@pytest.fixture(scope="session")
def gpt_disk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    need("sgdisk", "mkfs.ext4", "mkfs.xfs", "mkswap", "mkfs.vfat", "mkntfs", "blkid")
    d = tmp_path_factory.mktemp("volumes")
    images = {
        "ext4": blank(d / "ext4.img", 8 * MIB), "xfs": blank(d / "xfs.img", 32 * MIB),
        "swap": blank(d / "swap.img", MIB), "vfat": blank(d / "vfat.img", 8 * MIB),
        "ntfs": blank(d / "ntfs.img", 8 * MIB),
    }
    run("mkfs.ext4", "-q", "-L", "root", images["ext4"])
    run("mkfs.xfs", "-q", "-L", "data", images["xfs"], env=XFS_SMALL)
    run("mkswap", "-L", "swp", images["swap"])
    run("mkfs.vfat", "-n", "ESP", images["vfat"])
    run("mkntfs", "-F", "-Q", "-q", "-L", "win", images["ntfs"])
    disk = blank(d / "disk.img", 80 * MIB)
    args: list[str | Path] = ["sgdisk"]
    for number, name in enumerate(["ext4", "xfs", "swap", "vfat", "ntfs"], start=1):
        args += ["-n", f"{number}:0:+{images[name].stat().st_size // MIB}M"]
    args += ["-n", "6:0:+1M", "-n", "7:0:+1M", "-n", "8:0:+1M", "-n", "9:0:+1M", disk]
    run(*args)
    with disk.open("rb") as f:
        parts = read_boot(f, disk.stat().st_size).partitions
    for part, name in zip(parts, ["ext4", "xfs", "swap", "vfat", "ntfs"], strict=False):
        put(disk, part.start, images[name].read_bytes())
    put(disk, parts[6].start, b"LUKS\xba\xbe\x00\x01" + bytes(160) + b"1234-luks-uuid")
    put(disk, parts[7].start, b"\xeb\x58\x90-FVE-FS-")
    put(disk, parts[8].start + 4096, b"\x01garbage")
    return {"disk": disk, **images}


def test_filesystems_by_signature(gpt_disk: dict[str, Path]) -> None:
    volumes = scan(gpt_disk["disk"])
    assert [(v.where, v.filesystem) for v in volumes] == [
        ("partition 1", "ext4"), ("partition 2", "xfs"), ("partition 3", "swap"),
        ("partition 4", "vfat"), ("partition 5", "ntfs"), ("partition 6", ""),
        ("partition 7", "luks"), ("partition 8", "bitlocker"), ("partition 9", "unknown")]
    by = {v.filesystem: v for v in volumes}
    for name, label in [("ext4", "root"), ("xfs", "data"), ("swap", "swp"), ("vfat", "ESP"),
                        ("ntfs", "win")]:
        assert by[name].label == label, name
        assert by[name].uuid.lower() == blkid(gpt_disk[name], "UUID").lower(), name
    assert by["luks"].uuid == "1234-luks-uuid"
    assert all(v.unreadable == "" for v in volumes)


def test_sizes_and_free_space(gpt_disk: dict[str, Path]) -> None:
    by = {v.filesystem: v for v in scan(gpt_disk["disk"])}
    dump = run("dumpe2fs", "-h", gpt_disk["ext4"])
    free_blocks = int(re.search(r"Free blocks:\s+(\d+)", dump).group(1))  # type: ignore[union-attr]
    assert (by["ext4"].size_bytes == 8 * MIB and by["ext4"].free_bytes == free_blocks * 1024) or \
        by["ext4"].free_bytes == free_blocks * 4096
    fdblocks = run("xfs_db", "-r", "-c", "sb 0", "-c", "p fdblocks", gpt_disk["xfs"])
    assert by["xfs"].free_bytes == int(fdblocks.split("=")[1]) * 4096
    assert by["xfs"].size_bytes == 32 * MIB
    ntfs = by["ntfs"]
    assert ntfs.size_bytes is not None
    assert ntfs.free_bytes is not None
    assert 0.5 * ntfs.size_bytes < ntfs.free_bytes < ntfs.size_bytes


def test_open_volume_gives_the_filesystem(gpt_disk: dict[str, Path]) -> None:
    disk = gpt_disk["disk"]
    size = disk.stat().st_size
    with disk.open("rb") as f:
        volumes = find_volumes(f, size, read_boot(f, size))
        fs = open_filesystem(open_volume(f, size, volumes[0]), volumes[0])
        assert fs.kind == "ext4"
        assert fs.list_dir("/") is not None
        for volume in volumes[2:]:
            if volume.filesystem in ("vfat", "ntfs"):
                opened = open_filesystem(open_volume(f, size, volume), volume)
                assert opened.kind == volume.filesystem
                continue
            with pytest.raises(GuestReadError):
                open_filesystem(open_volume(f, size, volume), volume)


def test_whole_disk_without_table(gpt_disk: dict[str, Path]) -> None:
    assert [(v.where, v.filesystem, v.label) for v in scan(gpt_disk["xfs"])] == [
        ("whole disk", "xfs", "data")]


# --- LVM2 ------------------------------------------------------------------------------------

LVM_ENV = {**os.environ, "DM_DISABLE_UDEV": "1", "LVM_SUPPRESS_FD_WARNINGS": "1"}
# no device-mapper needed: the volumes are never activated, only their metadata is written
LVM_CONFIG = ("--config=global{activation=0} activation{udev_sync=0 udev_rules=0} "
              "devices{use_devicesfile=0 obtain_device_list_from_udev=0} "
              "backup{backup=0 archive=0}")


def lvm(*args: str) -> str:
    return run(args[0], LVM_CONFIG, *args[1:], env=LVM_ENV)


@pytest.fixture(scope="session")
def lvm_disk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Disk A: an MBR partition 0x8e as a PV; disk B: a second PV of the same VG. LVs: root
    (linear, two segments, an ext4 filesystem in it), other (linear, empty), str (striped over
    A and B), span (linear, partly on B)."""
    need("losetup", "pvcreate", "sfdisk", "mkfs.ext4")
    d = tmp_path_factory.mktemp("lvm")
    disk_a, disk_b = blank(d / "a.img", 40 * MIB), blank(d / "b.img", 24 * MIB)
    run("sfdisk", "-q", disk_a, stdin="label: dos\nstart=2048, type=8e\n")
    vg = f"vgtest{os.getpid()}"
    loops: list[str] = []
    try:
        loops.append(run("losetup", "-f", "--show", "-o", str(MIB), disk_a).strip())
        loops.append(run("losetup", "-f", "--show", disk_b).strip())
        a, b = loops
        lvm("pvcreate", "-q", a, b)
        lvm("vgcreate", "-q", "-s", "1M", vg, a, b)
        lvm("lvcreate", "-q", "-an", "-Zn", "-n", "root", "-L", "4M", vg, a)
        lvm("lvcreate", "-q", "-an", "-Zn", "-n", "other", "-L", "4M", vg, a)
        lvm("lvextend", "-q", "-L", "8M", f"{vg}/root", a)
        lvm("lvcreate", "-q", "-an", "-Zn", "-n", "str", "-i", "2", "-I", "64k", "-L", "4M", vg)
        lvm("lvcreate", "-q", "-an", "-Zn", "-n", "span", "-l", "100%FREE", vg)
        ranges = lvm("lvs", "--noheadings", "-o", "seg_pe_ranges", f"{vg}/root")
        pe_start = int(lvm("pvs", "--noheadings", "--units", "b", "--nosuffix", "-o",
                           "pe_start", a).strip())
    finally:
        for loop in loops:
            subprocess.run(["losetup", "-d", loop], capture_output=True, check=False)
    # root's contents, written where lvs (not the code under test) says its extents are
    tree = d / "tree"
    (tree / "etc").mkdir(parents=True)
    (tree / "etc" / "os-release").write_text('ID="centos"\nVERSION_ID="7"\n')
    image = blank(d / "root.img", 8 * MIB)
    run("mkfs.ext4", "-q", "-b", "4096", "-L", "lvroot", "-d", tree, image)
    data = image.read_bytes()
    done = 0
    for first, last in re.findall(r":(\d+)-(\d+)", ranges):
        length = (int(last) - int(first) + 1) * MIB
        put(disk_a, MIB + pe_start + int(first) * MIB, data[done:done + length])
        done += length
    assert done == len(data)
    return {"disk": disk_a, "vg": vg, "ranges": ranges, "pe_start": pe_start}


def test_lvm_logical_volumes(lvm_disk: dict[str, object]) -> None:
    disk, vg = lvm_disk["disk"], lvm_disk["vg"]
    assert isinstance(disk, Path)
    volumes = {v.where: v for v in scan(disk)}
    pv = volumes["partition 1"]
    assert pv.filesystem == "lvm2-pv"
    assert pv.label == vg
    assert len(pv.uuid) == 32
    root = volumes[f"LVM {vg}/root"]
    assert (root.filesystem, root.label, root.size, root.unreadable) == ("ext4", "lvroot",
                                                                        8 * MIB, "")
    assert volumes[f"LVM {vg}/other"].filesystem == ""
    assert "striped" in volumes[f"LVM {vg}/str"].unreadable
    assert "not on this disk" in volumes[f"LVM {vg}/span"].unreadable
    size = disk.stat().st_size
    with disk.open("rb") as f:
        fs = open_filesystem(open_volume(f, size, root), root)
        assert fs.read_file("/etc/os-release") == b'ID="centos"\nVERSION_ID="7"\n'
        with pytest.raises(GuestReadError):
            open_volume(f, size, volumes[f"LVM {vg}/str"])


def test_lvm_config_parser_and_segment_types() -> None:
    text = """
    # comment
    vg0 {
        id = "abc"
        extent_size = 8192   # 4 MiB
        status = ["RESIZEABLE", "READ", "WRITE"]
        physical_volumes { pv0 { id = "AAAA-BBBB" pe_start = 2048 pe_count = 10 } }
        logical_volumes {
            thin { status = ["READ", "VISIBLE"] segment1 { start_extent = 0
                extent_count = 2 type = "thin" thin_pool = "pool" } }
            pool_tmeta { status = ["READ"] segment1 { start_extent = 0 extent_count = 1
                type = "striped" stripe_count = 1 stripes = ["pv0", 0] } }
            lin { status = ["READ", "VISIBLE"] segment1 { start_extent = 0 extent_count = 2
                type = "striped" stripe_count = 1 stripes = [
                    "pv0", 3
                ] } }
        }
    }
    contents = "Text Format Volume"
    version = 1
    """
    config = parse_lvm_config(text)
    assert config["vg0"]["extent_size"] == 8192
    assert config["version"] == 1
    lvs = logical_volumes([PhysicalVolume(MIB, "AAAABBBB", config)])
    assert [lv.name for lv in lvs] == ["thin", "lin"]
    assert "thin" in lvs[0].unreadable
    unit = 8192 * 512
    assert lvs[1].segments == ((0, MIB + 2048 * 512 + 3 * unit, 2 * unit),)
    for bad in ("a {", "a = [1, 2", "}", "a = ", "{" * 40, "a {" * 40):
        with pytest.raises(ValueError, match=r"unexpected|unterminated|missing|deep"):
            parse_lvm_config(bad)
