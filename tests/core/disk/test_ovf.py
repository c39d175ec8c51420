"""OVA, OVF and VMX files built by the tests (DMTF OVF schema), and the guest OS mapping."""

from __future__ import annotations

import tarfile
import threading
from pathlib import Path

import pytest

from helpers import corpus
from vmdkimport.core import rules
from vmdkimport.core.disk.diskformat import OperationCancelled
from vmdkimport.core.disk.ovf import (
    _CIM_OS,
    _VMWARE_OS,
    extract_range,
    guess_os_type,
    parse_ovf,
    unit_bytes,
)
from vmdkimport.core.disk.preflight import Verdict, inspect
from vmdkimport.demo import write_demo_vmdk

MIB = 1024 * 1024


def stream_disk(folder: Path, name: str = "web01-disk1.vmdk", capacity: int = 16 * MIB) -> Path:
    return corpus.stream_vmdk_gd_at_end(folder / name, capacity,
                                        {0: b"boot" * 1000, 100: b"data" * 5000})


def web01_ova(folder: Path, **ovf_args: object) -> tuple[Path, Path]:
    disk = stream_disk(folder)
    args: dict[str, object] = {"disks": [(disk.name, disk.stat().st_size, 16)],
                               "capacity_units": "byte * 2^20"}
    args.update(ovf_args)
    text = corpus.ovf_xml(**args)  # type: ignore[arg-type]
    return corpus.ova(folder / "web01.ova", text, [disk]), disk


# --- OVA -------------------------------------------------------------------------------------

def test_ova_from_vsphere(tmp_path: Path) -> None:
    ova, disk = web01_ova(tmp_path)
    result = inspect(ova)
    assert result.kind == "ova"
    assert result.verdict is Verdict.IMPORTABLE, result.render_text()
    assert result.subformat == "streamOptimized"
    assert result.virtual_size == 16 * MIB
    assert result.file_size == ova.stat().st_size
    assert result.disk_member == disk.name
    s = result.suggestions
    assert (s.image_name, s.object_name, s.min_disk_gb) == ("web01", "web01-disk1.vmdk", 1)
    assert (s.min_ram_mb, s.os_type, s.vm_name) == (4096, "rhel7", "web01")
    assert result.vm is not None
    assert result.vm.cpus == 2
    # The uploader can send the disk straight out of the archive: the range is the disk.
    up = result.upload_source
    assert up is not None
    assert up.member == disk.name
    assert up.contiguous
    with ova.open("rb") as f:
        f.seek(up.offset)
        assert f.read(up.length) == disk.read_bytes()
    with tarfile.open(ova) as t:
        member = t.getmember(disk.name)
        assert (member.offset_data, member.size) == (up.offset, up.length)


def test_ova_with_a_monolithic_sparse_disk(tmp_path: Path) -> None:
    disk = write_demo_vmdk(tmp_path / "ws-disk1.vmdk", 64 * MIB)
    text = corpus.ovf_xml(vm_name="ws", disks=[(disk.name, disk.stat().st_size, 64)],
                          capacity_units="byte * 2^20", vmw_os="ubuntu64Guest", os_id=94)
    result = inspect(corpus.ova(tmp_path / "ws.ova", text, [disk]))
    assert result.verdict is Verdict.WARN
    assert result.conversion is None  # not in place: it is inside an archive
    assert "extract" in (result.fix or "").lower()
    assert result.suggestions.os_type == "ubuntu"
    assert result.upload_source is not None


def test_ova_with_several_disks_uses_the_first(tmp_path: Path) -> None:
    first = stream_disk(tmp_path, "app-disk1.vmdk")
    second = stream_disk(tmp_path, "app-disk2.vmdk", 8 * MIB)
    text = corpus.ovf_xml(vm_name="app", capacity_units="byte * 2^20", disks=[
        (first.name, first.stat().st_size, 16), (second.name, second.stat().st_size, 8)])
    result = inspect(corpus.ova(tmp_path / "app.ova", text, [first, second]))
    assert result.verdict is Verdict.WARN
    assert "2 disks" in " ".join(result.reasons)
    assert result.disk_member == "app-disk1.vmdk"


def test_ova_whose_ovf_is_not_first(tmp_path: Path) -> None:
    disk = stream_disk(tmp_path)
    text = corpus.ovf_xml(disks=[(disk.name, 1, 16)], capacity_units="byte * 2^20")
    result = inspect(corpus.ova(tmp_path / "late.ova", text, [disk], ovf_first=False,
                                with_manifest=False))
    assert result.verdict is Verdict.IMPORTABLE
    assert "not the first file" in " ".join(result.reasons)


@pytest.mark.parametrize(("extra", "words"), [
    (' ovf:compression="gzip"', "gzip-compressed"),
    (' ovf:chunkSize="1000000"', "split into chunks"),
])
def test_ova_disk_stored_compressed_or_chunked(tmp_path: Path, extra: str, words: str) -> None:
    disk = stream_disk(tmp_path)
    text = corpus.ovf_xml(disks=[(disk.name, 1, 16)], capacity_units="byte * 2^20",
                          file_extra=extra)
    result = inspect(corpus.ova(tmp_path / "x.ova", text, [disk]))
    assert result.verdict is Verdict.REFUSED
    assert words in " ".join(result.reasons)


def test_ova_missing_its_disk(tmp_path: Path) -> None:
    text = corpus.ovf_xml(disks=[("gone.vmdk", 1, 16)])
    result = inspect(corpus.ova(tmp_path / "x.ova", text, []))
    assert result.verdict is Verdict.REFUSED
    assert "does not contain" in result.reasons[0]


def test_truncated_and_damaged_ova(tmp_path: Path) -> None:
    ova, _ = web01_ova(tmp_path)
    data = ova.read_bytes()
    cut = tmp_path / "cut.ova"
    cut.write_bytes(data[: len(data) // 2])
    result = inspect(cut)
    assert result.verdict is Verdict.REFUSED
    assert "truncated" in result.reasons[0]
    damaged = tmp_path / "damaged.ova"
    damaged.write_bytes(data[:148] + b"9999999\x00" + data[156:])  # header checksum
    result = inspect(damaged)
    assert result.verdict is Verdict.REFUSED
    assert "damaged" in result.reasons[0]


def test_ova_disk_that_is_corrupt_says_where(tmp_path: Path) -> None:
    disk = stream_disk(tmp_path)
    corpus.flip(disk, 4, b"\x09\x00\x00\x00")  # version 9
    text = corpus.ovf_xml(disks=[(disk.name, 1, 16)], capacity_units="byte * 2^20")
    result = inspect(corpus.ova(tmp_path / "x.ova", text, [disk]))
    assert result.verdict is Verdict.REFUSED
    assert result.reasons[0].startswith("The disk web01-disk1.vmdk inside the OVA")


def test_ovf_capacity_disagreeing_with_the_disk_is_a_warning(tmp_path: Path) -> None:
    ova, _ = web01_ova(tmp_path, capacity_units="byte * 2^30")
    result = inspect(ova)
    assert result.verdict is Verdict.WARN
    assert "header's size is used" in " ".join(result.reasons)
    assert result.suggestions.min_disk_gb == 1


# --- OVF on its own --------------------------------------------------------------------------

def test_ovf_next_to_its_disk(tmp_path: Path) -> None:
    disk = stream_disk(tmp_path)
    ovf = tmp_path / "web01.ovf"
    ovf.write_text(corpus.ovf_xml(disks=[(disk.name, disk.stat().st_size, 16)],
                                  capacity_units="byte * 2^20", vmw_os="windows8Server64Guest",
                                  os_id=116, memory_mb=8, memory_units="byte * 2^30"))
    result = inspect(ovf)
    assert result.kind == "ovf"
    assert result.verdict is Verdict.IMPORTABLE, result.render_text()
    assert result.disk_path == disk
    assert result.upload_source is not None
    assert result.upload_source.path == disk
    assert result.upload_source.whole_file
    s = result.suggestions
    assert s.min_ram_mb == 8192
    assert s.os_type is None
    assert s.os_type_candidates == ("win2012R2SE",)  # narrowed by ovf:id 116
    assert s.os_type_hint
    assert "Standard Edition" in s.os_type_hint


def test_ovf_without_its_disk(tmp_path: Path) -> None:
    ovf = tmp_path / "lonely.ovf"
    ovf.write_text(corpus.ovf_xml())
    result = inspect(ovf)
    assert result.verdict is Verdict.REFUSED
    assert "web01-disk1.vmdk" in result.reasons[0]
    assert "together in one folder" in (result.fix or "")


def test_ovf_2_namespace_and_a_foreign_envelope(tmp_path: Path) -> None:
    info = parse_ovf(corpus.ovf_xml(version_ns="http://schemas.dmtf.org/ovf/envelope/2").encode())
    assert info.name == "web01"
    assert info.memory_mb == 4096
    assert not info.notes
    plain = corpus.ovf_xml().replace(f'xmlns="{corpus.OVF_NS}"', 'xmlns="urn:other"').replace(
        f'xmlns:ovf="{corpus.OVF_NS}"', 'xmlns:ovf="urn:other"')
    info = parse_ovf(plain.encode())
    assert info.disks
    assert "namespace" in info.notes[0]


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1"><Name>&lol3;</Name></Envelope>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1"><Name>&x;</Name></Envelope>"""


@pytest.mark.parametrize(("data", "words"), [
    (BOMB, "DTD"),
    (XXE, "DTD"),
    (b"<Envelope>" * 100 + b"</Envelope>" * 100, "nested"),
    (b"<?xml version='1.0'?><Envelope><References>", "not well-formed"),
    (b"<?xml version='1.0'?><Envelope>" + b" " * (5 * MIB) + b"</Envelope>", "larger than"),
])
def test_hostile_or_broken_ovf_is_refused(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "evil.ovf"
    path.write_bytes(data)
    result = inspect(path)
    assert result.verdict is Verdict.REFUSED
    assert words in result.reasons[0]


@pytest.mark.parametrize(("units", "bytes_"), [
    ("byte", 1), ("byte * 2^20", 2**20), ("byte*2^30", 2**30), ("MegaBytes", 2**20),
    ("GB", 2**30), ("byte * 10^3", 1000), ("bit", None), ("", None), ("byte * 2^999", None),
])
def test_allocation_units(units: str, bytes_: int | None) -> None:
    assert unit_bytes(units) == bytes_


# --- VMX -------------------------------------------------------------------------------------

def test_vmx_with_its_disk(tmp_path: Path) -> None:
    stream_disk(tmp_path, "db01.vmdk")
    vmx = tmp_path / "db01.vmx"
    vmx.write_text(corpus.vmx_text())
    result = inspect(vmx)
    assert result.kind == "vmx"
    assert result.verdict is Verdict.IMPORTABLE, result.render_text()
    s = result.suggestions
    assert (s.os_type, s.min_ram_mb, s.vm_name, s.image_name) == ("centos", 2048, "db01", "db01")
    assert result.disk_path == tmp_path / "db01.vmdk"


def test_vmx_of_a_vm_with_snapshots(qemu_corpus: dict[str, Path]) -> None:
    vmx = qemu_corpus["child"].parent / "snap.vmx"
    vmx.write_text(corpus.vmx_text(guest="windows9srv-64",
                                   disks={"scsi0:0": "base-000001.vmdk"}))
    result = inspect(vmx)
    assert result.verdict is Verdict.REFUSED
    assert "snapshot" in result.reasons[0]
    assert result.suggestions.os_type is None
    assert result.suggestions.os_type_candidates == ("win2016SE_ja", "win2016SE_en")


@pytest.mark.parametrize("firmware", [None, "efi", "bios", "EFI", "uefi"])
def test_the_firmware_the_vm_boots_with(tmp_path: Path, firmware: str | None) -> None:
    """The VMX ``firmware`` key and vSphere's OVF ``vmw:Config`` entry: UEFI is refused later."""
    stream_disk(tmp_path, "db01.vmdk")
    vmx = tmp_path / "db01.vmx"
    vmx.write_text(corpus.vmx_text(firmware=firmware))
    ova, _ = web01_ova(tmp_path, firmware=firmware)
    expected = {"efi": "efi", "uefi": "efi", "bios": "bios"}.get((firmware or "").lower())
    for path in (vmx, ova):
        vm = inspect(path).vm
        assert vm is not None
        assert vm.firmware == expected
        assert vm.to_dict()["firmware"] == expected


def test_firmware_as_extra_config() -> None:
    """Some exporters write the setting as vmw:ExtraConfig instead of vmw:Config."""
    text = corpus.ovf_xml(firmware="efi").replace("vmw:Config", "vmw:ExtraConfig")
    assert parse_ovf(text.encode()).firmware == "efi"


def test_an_unknown_firmware_value_is_not_guessed(tmp_path: Path) -> None:
    vmx = tmp_path / "db01.vmx"
    stream_disk(tmp_path, "db01.vmdk")
    vmx.write_text(corpus.vmx_text(firmware="coreboot"))
    vm = inspect(vmx).vm
    assert vm is not None
    assert vm.firmware is None


def test_vmx_without_disks(tmp_path: Path) -> None:
    vmx = tmp_path / "empty.vmx"
    vmx.write_text(corpus.vmx_text(disks={}))
    result = inspect(vmx)
    assert result.verdict is Verdict.REFUSED
    assert "names no virtual disk" in result.reasons[0]


# --- guest OS -> os_type ---------------------------------------------------------------------

@pytest.mark.parametrize(("vmware", "cim", "value", "candidates"), [
    ("rhel7_64Guest", 80, "rhel7", ()),
    ("rhel6Guest", None, "rhel6", ()),
    ("rhel6-64", None, "rhel6", ()),
    ("centos64Guest", 107, "centos", ()),
    ("centos8_64Guest", None, "centos", ()),
    ("ubuntu-64", None, "ubuntu", ()),
    ("windows7Server64Guest", None, None, ("win2008R2SE", "win2008R2EE")),
    ("windows7srv-64", 103, None, ("win2008R2SE", "win2008R2EE")),
    ("windows8Server64Guest", None, None, ("win2012SE", "win2012R2SE")),
    ("windows8srv-64", 113, None, ("win2012SE",)),
    ("windows9Server64Guest", 117, None, ("win2016SE_ja", "win2016SE_en")),
    ("windows2019srv_64Guest", None, None, ()),
    ("rhel8_64Guest", 80, None, ()),
    ("otherLinux64Guest", None, None, ()),
    (None, 80, None, ("rhel6", "rhel7")),
    (None, 94, "ubuntu", ()),
    (None, 106, "centos", ()),
    (None, 116, None, ("win2012R2SE",)),
    (None, 1, None, ()),
    (None, 36, None, ()),
    (None, None, None, ()),
])
def test_guest_os_mapping(vmware: str | None, cim: int | None, value: str | None,
                          candidates: tuple[str, ...]) -> None:
    guess = guess_os_type(vmware, cim)
    assert guess.os_type == value
    assert guess.candidates == candidates
    if value is None and (vmware or (cim or 0) > 1):
        assert guess.hint, "without a value the user gets a hint"
    if value is not None:
        assert value in rules.OS_TYPE_KEYWORDS


def test_every_mapped_keyword_is_a_documented_os_type() -> None:
    for value, candidates, _ in [*_VMWARE_OS.values(), *_CIM_OS.values()]:
        for keyword in (value, *candidates):
            assert keyword is None or keyword in rules.OS_TYPE_KEYWORDS
    windows = [v for v, _, _ in [*_VMWARE_OS.values(), *_CIM_OS.values()]
               if v and rules.is_windows(v)]
    assert windows == [], "a Windows os_type is never suggested as a value (edition unknown)"


# --- extraction, for uploaders that cannot send a byte range ---------------------------------

def test_extract_the_disk_from_an_ova(tmp_path: Path) -> None:
    ova, disk = web01_ova(tmp_path)
    up = inspect(ova).upload_source
    assert up is not None
    assert up.length is not None
    seen: list[float] = []
    out = extract_range(ova, up.offset, up.length, tmp_path / "out.vmdk",
                        on_progress=seen.append, cancel=threading.Event(), chunk_size=4096)
    assert out.read_bytes() == disk.read_bytes()
    assert seen[0] == 0.0
    assert seen[-1] == 100.0
    assert seen == sorted(seen)


def test_cancelled_extraction_leaves_nothing(tmp_path: Path) -> None:
    ova, _ = web01_ova(tmp_path)
    up = inspect(ova).upload_source
    assert up is not None
    assert up.length is not None
    cancel = threading.Event()

    def progress(percent: float) -> None:
        if percent > 0:
            cancel.set()

    with pytest.raises(OperationCancelled):
        extract_range(ova, up.offset, up.length, tmp_path / "out.vmdk", on_progress=progress,
                      cancel=cancel, chunk_size=4096)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["web01-disk1.vmdk", "web01.ova"]
