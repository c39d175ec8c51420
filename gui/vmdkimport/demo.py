"""A small, valid VMware disk for the demo, made without any VMware or qemu tool.

The demo must work on a fresh Windows or Linux machine, so the disk is written here: a
monolithicSparse VMDK (hosted sparse extent with an embedded descriptor) following VMware's
"Virtual Disk Format 1.1" layout. Either empty (no grain allocated: what tests that only need
a valid file use) or holding a tiny CentOS-7-like guest (:mod:`vmdkimport.demo_guest`: an MBR and
an ext2 root filesystem) in a handful of allocated grains, so the demo and the self-test show
guest inspection find the OS. A few hundred KiB on disk whatever the virtual size.
"""

from __future__ import annotations

import struct
from pathlib import Path

from vmdkimport import demo_guest

SECTOR = 512
GRAIN_SECTORS = 128
GTES_PER_GT = 512
DESCRIPTOR_OFFSET = 1
DESCRIPTOR_SECTORS = 20
GRAIN = GRAIN_SECTORS * SECTOR
#: ``write_demo_vmdk`` puts the guest in disks of this size and more (the demo's and the
#: self-test's); the small disks tests make stay empty, as they always were
GUEST_BY_DEFAULT_FROM = 1024**3


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


def demo_vmdk_bytes(capacity: int = 1024**3, file_name: str = "demo-disk.vmdk", *,
                    guest: bool = False) -> bytes:
    """The whole file. ``capacity`` must be a multiple of 64 KiB (one grain).

    ``guest``: the demo guest in it (needs ``capacity`` of at least
    :data:`vmdkimport.demo_guest.MIN_CAPACITY`, 5 MiB); otherwise an empty disk.
    """
    if guest and capacity < demo_guest.MIN_CAPACITY:
        raise ValueError(f"the demo guest needs a disk of {demo_guest.MIN_CAPACITY} bytes or "
                         f"more, not {capacity}")
    grains_data = _guest_grains() if guest else {}
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
    # Allocated grains follow the metadata in the order of the disk, as VMware writes them;
    # each grain table entry is the grain's sector in the file.
    for grain, data in sorted(grains_data.items()):
        sector = len(out) // SECTOR
        struct.pack_into("<I", out, gt_offset * SECTOR + grain * 4, sector)
        out += data
    return bytes(out)


def _guest_grains() -> dict[int, bytes]:
    """Grain number to its 64 KiB for every grain of the guest that is not all zeros."""
    grains: dict[int, bytearray] = {}
    for offset, data in demo_guest.guest_chunks().items():
        for at in range(offset - offset % GRAIN, offset + len(data), GRAIN):
            grain = grains.setdefault(at // GRAIN, bytearray(GRAIN))
            start, end = max(at, offset), min(at + GRAIN, offset + len(data))
            grain[start - at:end - at] = data[start - offset:end - offset]
    return {number: bytes(data) for number, data in grains.items() if any(data)}


def write_demo_vmdk(path: Path, capacity: int = 1024**3, *, guest: bool | None = None) -> Path:
    """Write the demo disk to ``path``.

    ``guest`` None: the demo guest in disks of :data:`GUEST_BY_DEFAULT_FROM` (1 GiB) or more,
    which is what the demo (``vmdkimport --demo``, the wizard's ``--demo``) and the self-test
    write, so their disks hold an OS guest inspection recognises (CentOS 7); smaller disks,
    made by tests that only need a valid file, stay empty. True or False says it explicitly.
    """
    with_guest = capacity >= GUEST_BY_DEFAULT_FROM if guest is None else guest
    path.write_bytes(demo_vmdk_bytes(capacity, path.name, guest=with_guest))
    return path
