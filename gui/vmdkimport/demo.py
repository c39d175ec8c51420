"""A small, valid VMware disk for the demo, made without any VMware or qemu tool.

The demo must work on a fresh Windows or Linux machine, so the disk is written here: a
monolithicSparse VMDK (hosted sparse extent with an embedded descriptor) of 1 GiB virtual size
in which no grain is allocated (an empty disk), following VMware's "Virtual Disk Format 1.1"
layout. 128 KiB on disk.
"""

from __future__ import annotations

import struct
from pathlib import Path

SECTOR = 512
GRAIN_SECTORS = 128
GTES_PER_GT = 512
DESCRIPTOR_OFFSET = 1
DESCRIPTOR_SECTORS = 20


def _descriptor(capacity_sectors: int, file_name: str) -> bytes:
    cylinders = min(capacity_sectors // (16 * 63), 16383)
    text = (
        "# Disk DescriptorFile\n"
        "version=1\n"
        "CID=5ecd1d2a\n"
        "parentCID=ffffffff\n"
        'createType="monolithicSparse"\n'
        "\n"
        "# Extent description\n"
        f'RW {capacity_sectors} SPARSE "{file_name}"\n'
        "\n"
        "# The Disk Data Base\n"
        "#DDB\n"
        "\n"
        'ddb.virtualHWVersion = "4"\n'
        f'ddb.geometry.cylinders = "{cylinders}"\n'
        'ddb.geometry.heads = "16"\n'
        'ddb.geometry.sectors = "63"\n'
        'ddb.adapterType = "lsilogic"\n'
    )
    return text.encode("ascii")


def demo_vmdk_bytes(capacity: int = 1024**3, file_name: str = "demo-disk.vmdk") -> bytes:
    """The whole file. ``capacity`` must be a multiple of 64 KiB (one grain)."""
    capacity_sectors = capacity // SECTOR
    grains = -(-capacity_sectors // GRAIN_SECTORS)
    tables = -(-grains // GTES_PER_GT)
    gd_offset = DESCRIPTOR_OFFSET + DESCRIPTOR_SECTORS
    gd_sectors = -(-tables * 4 // SECTOR)
    gt_sectors = GTES_PER_GT * 4 // SECTOR
    gt_offset = gd_offset + gd_sectors
    overhead = gt_offset + tables * gt_sectors
    overhead = -(-overhead // GRAIN_SECTORS) * GRAIN_SECTORS
    header = struct.pack(
        "<4sII QQ QQ I QQQ B 4c H 433x",
        b"KDMV", 1, 1,  # magic, version, flags (valid new-line detection test)
        capacity_sectors, GRAIN_SECTORS,
        DESCRIPTOR_OFFSET, DESCRIPTOR_SECTORS,
        GTES_PER_GT,
        0, gd_offset, overhead,  # no redundant grain directory
        0,  # clean shutdown
        b"\n", b" ", b"\r", b"\n",
        0,  # no compression
    )
    assert len(header) == SECTOR
    out = bytearray(overhead * SECTOR)
    out[0:SECTOR] = header
    desc = _descriptor(capacity_sectors, file_name)
    start = DESCRIPTOR_OFFSET * SECTOR
    out[start:start + len(desc)] = desc
    gd = b"".join(struct.pack("<I", gt_offset + i * gt_sectors) for i in range(tables))
    out[gd_offset * SECTOR:gd_offset * SECTOR + len(gd)] = gd
    return bytes(out)


def write_demo_vmdk(path: Path, capacity: int = 1024**3) -> Path:
    path.write_bytes(demo_vmdk_bytes(capacity, path.name))
    return path
