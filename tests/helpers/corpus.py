"""Test disks, made at test time: with qemu-img where it writes the format, by hand otherwise.

No binary fixture is committed. Everything is written into a pytest tmp folder: real disks from
``qemu-img create``/``convert`` (every VMDK subformat it writes, qcow2, VHD, VHDX, VDI, QED), and
hand-made files for what qemu-img cannot write (a VMware-style streamOptimized disk with its
grain directory at the end, ESX descriptors, COWD extents, raw MBR/GPT disks, ISO-like images,
archives, OVF/OVA/VMX files following the DMTF OVF schema).
"""

from __future__ import annotations

import gzip
import io
import os
import random
import shutil
import struct
import subprocess
import tarfile
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest

SECTOR = 512
MIB = 1024 * 1024
QEMU_IMG = shutil.which("qemu-img")

#: every VMDK subformat ``qemu-img create -f vmdk -o subformat=...`` writes (qemu 7.x; it has no
#: vmfs/vmfsSparse option, so those descriptors are made by hand below)
QEMU_VMDK_SUBFORMATS = ("monolithicSparse", "monolithicFlat", "twoGbMaxExtentSparse",
                        "twoGbMaxExtentFlat", "streamOptimized")


def require_tool(name: str) -> str:
    """A tool's path (also in /usr/sbin); skip without it on a developer machine, fail under
    CI=true, where every tool is installed."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if found:
        return found
    message = f"{name} is not installed"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; CI must run these tests, not skip them")
    pytest.skip(message)


def require_qemu() -> str:
    """qemu-img's path; skip without it on a developer machine, fail under CI=true."""
    if QEMU_IMG:
        return QEMU_IMG
    message = "qemu-img is not installed (apt-get install qemu-utils)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; CI must run the qemu-img tests, not skip them")
    pytest.skip(message)


def qemu(*args: str | Path) -> str:
    binary = require_qemu()
    result = subprocess.run([binary, *map(str, args)], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def qemu_create(path: Path, fmt: str, size: str, *options: str) -> Path:
    args: list[str | Path] = ["create", "-q", "-f", fmt]
    if options:
        args += ["-o", ",".join(options)]
    qemu(*args, path, size)
    return path


def qemu_convert(src: Path, dst: Path, src_fmt: str, dst_fmt: str, *options: str) -> Path:
    args: list[str | Path] = ["convert", "-f", src_fmt, "-O", dst_fmt]
    if options:
        args += ["-o", ",".join(options)]
    qemu(*args, src, dst)
    return dst


def qemu_io(path: Path, *commands: str) -> Path:
    """Run qemu-io commands on a VMDK (``write -c`` writes compressed grains, in that order)."""
    binary = Path(require_qemu()).with_name("qemu-io")
    args = [str(binary), "-f", "vmdk"]
    for command in commands:
        args += ["-c", command]
    result = subprocess.run([*args, str(path)], capture_output=True, text=True, check=False,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return path


def qemu_identical(a: Path, a_fmt: str, b: Path, b_fmt: str) -> bool:
    binary = require_qemu()
    result = subprocess.run([binary, "compare", "-q", "-f", a_fmt, "-F", b_fmt, str(a), str(b)],
                            capture_output=True, text=True, check=False, timeout=120)
    return result.returncode == 0


# --- raw disks -------------------------------------------------------------------------------

def mbr(partitions: list[tuple[int, int, int]]) -> bytes:
    """A boot sector with a partition table: (type, first LBA, sectors) each."""
    sector = bytearray(SECTOR)
    sector[0:3] = b"\xeb\x63\x90"  # a jump, as boot code starts
    for i, (ptype, start, count) in enumerate(partitions):
        entry = struct.pack("<B3sB3sII", 0x80 if i == 0 else 0, b"\xfe\xff\xff", ptype,
                            b"\xfe\xff\xff", start, count)
        sector[446 + 16 * i: 462 + 16 * i] = entry
    sector[510:512] = b"\x55\xaa"
    return bytes(sector)


def raw_disk(path: Path, size: int, *, data_mib: int = 0, gpt: bool = False,
             seed: int = 1) -> Path:
    """A raw disk with a partition table and, when asked, ``data_mib`` MiB of varied data."""
    with path.open("wb") as f:
        f.truncate(size)
        if gpt:
            f.write(mbr([(0xEE, 1, min(size // SECTOR - 1, 0xFFFFFFFF))]))
            header = bytearray(SECTOR)
            header[0:8] = b"EFI PART"
            header[8:12] = b"\x00\x00\x01\x00"
            struct.pack_into("<I", header, 12, 92)
            f.write(bytes(header))
        else:
            f.write(mbr([(0x83, 2048, size // SECTOR - 2048)]))
        block = (bytes(range(256)) * 16)
        for i in range(data_mib):
            f.seek(MIB * (i + 1))
            line = f"block {i} seed {seed} ".encode() * 64
            f.write((line + block)[: 64 * 1024] * 4)
    return path


def incompressible_raw(path: Path, size: int, *, at: int, length: int = MIB,
                       seed: int = 7) -> Path:
    """A raw disk of ``size`` bytes, zero but for ``length`` bytes of random data at ``at``.

    Random data does not compress: qemu-img then writes a streamOptimized grain larger than
    the grain itself, and ends the file right after it (no zeroed end-of-stream sector)."""
    with path.open("wb") as f:
        f.truncate(size)
        f.seek(at)
        f.write(random.Random(seed).randbytes(length))
    return path


def iso_like(path: Path) -> Path:
    """An ISO 9660 image: empty system area, a primary volume descriptor at sector 16."""
    data = bytearray(18 * 2048)
    data[16 * 2048: 16 * 2048 + 7] = b"\x01CD001\x01"
    data[17 * 2048: 17 * 2048 + 7] = b"\xffCD001\x01"  # terminator
    path.write_bytes(bytes(data))
    return path


def ext4_partition_image(path: Path) -> Path:
    data = bytearray(4096)
    data[1080:1082] = b"\x53\xef"
    path.write_bytes(bytes(data))
    return path


# --- hand-written VMDKs ----------------------------------------------------------------------

def descriptor_text(create_type: str | None, extents: list[str], *, cid: str = "5ecd1d2a",
                    parent_cid: str = "ffffffff", parent_hint: str | None = None,
                    adapter: str = "lsilogic", encoding: str | None = "UTF-8",
                    extra: str = "") -> str:
    lines = ["# Disk DescriptorFile", "version=1"]
    if encoding:
        lines.append(f'encoding="{encoding}"')
    lines += [f"CID={cid}", f"parentCID={parent_cid}"]
    if create_type is not None:
        lines.append(f'createType="{create_type}"')
    if parent_hint:
        lines.append(f'parentFileNameHint="{parent_hint}"')
    lines += ["", "# Extent description", *extents, "", "# The Disk Data Base", "#DDB", "",
              'ddb.virtualHWVersion = "13"', f'ddb.adapterType = "{adapter}"',
              'ddb.geometry.cylinders = "130"', 'ddb.geometry.heads = "16"',
              'ddb.geometry.sectors = "63"']
    return "\n".join(lines) + "\n" + extra


def header_bytes(*, version: int = 1, flags: int = 3, capacity: int, grain: int = 128,
                 desc_offset: int = 1, desc_size: int = 20, gtes: int = 512, rgd: int = 0,
                 gd: int, overhead: int, unclean: int = 0, newline: bytes = b"\n \r\n",
                 compress: int = 0) -> bytes:
    head = struct.pack("<4sIIQQQQIQQQB4sH", b"KDMV", version, flags, capacity, grain,
                       desc_offset, desc_size, gtes, rgd, gd, overhead, unclean, newline,
                       compress)
    return head.ljust(SECTOR, b"\x00")


def cowd_extent(path: Path, capacity_sectors: int) -> Path:
    header = struct.pack("<4sIIIIII", b"COWD", 1, 3, capacity_sectors, 512, 4, 128)
    path.write_bytes(header.ljust(2048, b"\x00"))
    return path


def stream_vmdk_gd_at_end(path: Path, capacity: int, grains: dict[int, bytes]) -> Path:
    """A streamOptimized VMDK as VMware/ovftool writes it: ``GD_AT_END`` in the header, the real
    header as a footer before the end-of-stream marker. ``grains`` maps grain number -> data
    (at most 64 KiB each; the rest of the grain reads as zeros)."""
    grain_sectors = 128
    grain_bytes = grain_sectors * SECTOR
    capacity_sectors = capacity // SECTOR
    n_grains = -(-capacity_sectors // grain_sectors)
    n_gts = -(-n_grains // 512)
    gd_sectors = -(-n_gts * 4 // SECTOR)
    desc = descriptor_text("streamOptimized", [f'RW {capacity_sectors} SPARSE "{path.name}"'])
    desc_bytes = desc.encode().ljust(20 * SECTOR, b"\x00")
    overhead = 128
    flags = 1 | (1 << 16) | (1 << 17)

    def header(gd: int) -> bytes:
        return header_bytes(version=3, flags=flags, capacity=capacity_sectors, gd=gd,
                            overhead=overhead, compress=1)

    def pad(b: bytes) -> bytes:
        return b + b"\x00" * (-len(b) % SECTOR)

    def marker(sectors: int, kind: int) -> bytes:
        return struct.pack("<QII", sectors, 0, kind).ljust(SECTOR, b"\x00")

    out = bytearray(header(0xFFFFFFFFFFFFFFFF) + desc_bytes)
    out += b"\x00" * (overhead * SECTOR - len(out))
    gtes = [0] * (n_gts * 512)
    for number in sorted(grains):
        data = grains[number].ljust(grain_bytes, b"\x00")[:grain_bytes]
        packed = zlib.compress(data)
        gtes[number] = len(out) // SECTOR
        out += pad(struct.pack("<QI", number * grain_sectors, len(packed)) + packed)
    gd_entries = []
    for t in range(n_gts):
        table = gtes[t * 512:(t + 1) * 512]
        if any(table):
            out += marker(4, 1)
            gd_entries.append(len(out) // SECTOR)
            out += struct.pack("<512I", *table)
        else:
            gd_entries.append(0)
    out += marker(gd_sectors, 2)
    gd_offset = len(out) // SECTOR
    out += pad(struct.pack(f"<{n_gts}I", *gd_entries))
    out += marker(1, 3) + header(gd_offset) + marker(0, 0)
    path.write_bytes(bytes(out))
    return path


def flip(path: Path, offset: int, value: bytes) -> Path:
    """Overwrite bytes at ``offset`` (a crafted corruption)."""
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(value)
    return path


def truncated_copy(src: Path, dst: Path, size: int) -> Path:
    with src.open("rb") as f:
        dst.write_bytes(f.read(size))
    return dst


# --- archives --------------------------------------------------------------------------------

def gzip_of(src: Path, dst: Path) -> Path:
    dst.write_bytes(gzip.compress(src.read_bytes()[:MIB]))
    return dst


def zip_of(src: Path, dst: Path) -> Path:
    with zipfile.ZipFile(dst, "w") as z:
        z.write(src, src.name)
    return dst


def tar_of(files: list[Path], dst: Path) -> Path:
    with tarfile.open(dst, "w", format=tarfile.USTAR_FORMAT) as t:
        for f in files:
            t.add(f, f.name)
    return dst


# --- OVF / OVA / VMX -------------------------------------------------------------------------

OVF_NS = "http://schemas.dmtf.org/ovf/envelope/1"
RASD_NS = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"
VSSD_NS = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData"
VMW_NS = "http://www.vmware.com/schema/ovf"


def ovf_xml(*, vm_name: str = "web01",
            disks: list[tuple[str, int, int]] | None = None,
            os_id: int | None = 80, vmw_os: str | None = "rhel7_64Guest",
            os_description: str = "Red Hat Enterprise Linux 7 (64-bit)",
            memory_mb: int | None = 4096, memory_units: str = "byte * 2^20",
            cpus: int = 2, capacity_units: str = "byte * 2^30",
            file_extra: str = "", version_ns: str = OVF_NS,
            firmware: str | None = None) -> str:
    """An OVF 1.x envelope as vSphere exports it (DSP0243 element order and namespaces).

    ``disks``: (file name, file size, capacity in ``capacity_units``) for each disk;
    ``firmware``: vSphere's ``vmw:Config`` firmware entry ("efi" for a UEFI VM).
    """
    disks = disks if disks is not None else [("web01-disk1.vmdk", 1024, 1)]
    files = "\n".join(
        f'    <File ovf:href={quoteattr(name)} ovf:id="file{i}" ovf:size="{size}"{file_extra}/>'
        for i, (name, size, _) in enumerate(disks, 1))
    disk_elements = "\n".join(
        f'    <Disk ovf:capacity="{capacity}" ovf:capacityAllocationUnits="{capacity_units}" '
        f'ovf:diskId="vmdisk{i}" ovf:fileRef="file{i}" '
        'ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"/>'
        for i, (_, _, capacity) in enumerate(disks, 1))
    os_attrs = (f' ovf:id="{os_id}"' if os_id is not None else ' ovf:id="1"') + \
        (f' vmw:osType="{vmw_os}"' if vmw_os else "")
    memory = "" if memory_mb is None else f"""
      <Item>
        <rasd:AllocationUnits>{escape(memory_units)}</rasd:AllocationUnits>
        <rasd:Description>Memory Size</rasd:Description>
        <rasd:ElementName>{memory_mb}MB of memory</rasd:ElementName>
        <rasd:InstanceID>2</rasd:InstanceID>
        <rasd:ResourceType>4</rasd:ResourceType>
        <rasd:VirtualQuantity>{memory_mb}</rasd:VirtualQuantity>
      </Item>"""
    disk_items = "".join(f"""
      <Item>
        <rasd:AddressOnParent>{i - 1}</rasd:AddressOnParent>
        <rasd:ElementName>Hard disk {i}</rasd:ElementName>
        <rasd:HostResource>ovf:/disk/vmdisk{i}</rasd:HostResource>
        <rasd:InstanceID>{10 + i}</rasd:InstanceID>
        <rasd:Parent>3</rasd:Parent>
        <rasd:ResourceType>17</rasd:ResourceType>
      </Item>""" for i in range(1, len(disks) + 1))
    firmware_config = "" if firmware is None else f"""
      <vmw:Config ovf:required="false" vmw:key="firmware" vmw:value={quoteattr(firmware)}/>"""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!--Generated by the vmdkimport tests-->
<Envelope vmw:buildId="build-12345" xmlns="{version_ns}"
    xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common"
    xmlns:ovf="{version_ns}" xmlns:rasd="{RASD_NS}" xmlns:vmw="{VMW_NS}" xmlns:vssd="{VSSD_NS}"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <References>
{files}
  </References>
  <DiskSection>
    <Info>Virtual disk information</Info>
{disk_elements}
  </DiskSection>
  <NetworkSection>
    <Info>The list of logical networks</Info>
    <Network ovf:name="VM Network">
      <Description>The VM Network network</Description>
    </Network>
  </NetworkSection>
  <VirtualSystem ovf:id={quoteattr(vm_name)}>
    <Info>A virtual machine</Info>
    <Name>{escape(vm_name)}</Name>
    <OperatingSystemSection{os_attrs}>
      <Info>The kind of installed guest operating system</Info>
      <Description>{escape(os_description)}</Description>
    </OperatingSystemSection>
    <VirtualHardwareSection>
      <Info>Virtual hardware requirements</Info>
      <System>
        <vssd:ElementName>Virtual Hardware Family</vssd:ElementName>
        <vssd:InstanceID>0</vssd:InstanceID>
        <vssd:VirtualSystemIdentifier>{escape(vm_name)}</vssd:VirtualSystemIdentifier>
        <vssd:VirtualSystemType>vmx-13</vssd:VirtualSystemType>
      </System>
      <Item>
        <rasd:AllocationUnits>hertz * 10^6</rasd:AllocationUnits>
        <rasd:Description>Number of Virtual CPUs</rasd:Description>
        <rasd:ElementName>{cpus} virtual CPU(s)</rasd:ElementName>
        <rasd:InstanceID>1</rasd:InstanceID>
        <rasd:ResourceType>3</rasd:ResourceType>
        <rasd:VirtualQuantity>{cpus}</rasd:VirtualQuantity>
      </Item>{memory}{firmware_config}
      <Item>
        <rasd:Address>0</rasd:Address>
        <rasd:Description>SCSI Controller</rasd:Description>
        <rasd:ElementName>SCSI controller 0</rasd:ElementName>
        <rasd:InstanceID>3</rasd:InstanceID>
        <rasd:ResourceSubType>lsilogic</rasd:ResourceSubType>
        <rasd:ResourceType>6</rasd:ResourceType>
      </Item>{disk_items}
    </VirtualHardwareSection>
  </VirtualSystem>
</Envelope>
"""


def manifest(files: list[Path]) -> str:
    import hashlib

    return "".join(f"SHA256({f.name})= {hashlib.sha256(f.read_bytes()).hexdigest()}\n"
                   for f in files)


def ova(path: Path, ovf_text: str, disks: list[Path], *, ovf_first: bool = True,
        with_manifest: bool = True, ovf_name: str | None = None) -> Path:
    """An OVA: a USTAR tar with the .ovf first, then the manifest and the disks."""
    ovf_name = ovf_name or path.with_suffix(".ovf").name
    members: list[tuple[str, bytes | Path]] = [(ovf_name, ovf_text.encode())]
    if with_manifest:
        members.append((Path(ovf_name).with_suffix(".mf").name, manifest(disks).encode()))
    members += [(d.name, d) for d in disks]
    if not ovf_first:
        members = members[1:] + members[:1]
    with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as t:
        for name, content in members:
            if isinstance(content, Path):
                t.add(content, name)
            else:
                info = tarfile.TarInfo(name)
                info.size = len(content)
                t.addfile(info, io.BytesIO(content))
    return path


def vmx_text(*, name: str = "db01", guest: str = "centos7-64", memsize: int | None = 2048,
             disks: dict[str, str] | None = None, firmware: str | None = None) -> str:
    disks = disks if disks is not None else {"scsi0:0": "db01.vmdk"}
    lines = ['.encoding = "UTF-8"', 'config.version = "8"', 'virtualHW.version = "14"',
             f'displayName = "{name}"', f'guestOS = "{guest}"', 'numvcpus = "2"',
             'scsi0.present = "TRUE"', 'scsi0.virtualDev = "lsilogic"',
             'ide1:0.present = "TRUE"', 'ide1:0.deviceType = "cdrom-image"',
             'ide1:0.fileName = "/isos/install.iso"']
    if memsize is not None:
        lines.append(f'memsize = "{memsize}"')
    if firmware is not None:
        lines.append(f'firmware = "{firmware}"')
    for device, file_name in disks.items():
        lines += [f'{device}.present = "TRUE"', f'{device}.fileName = "{file_name}"']
    return "\n".join(lines) + "\n"
