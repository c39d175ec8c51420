"""Fuzzing: whatever the bytes, inspect() returns an Inspection or raises a VmdkImportError.

Never another exception, never a hang; a refusal always has a reason and a fix, and the result
always renders and serialises. PREFLIGHT_FUZZ_EXAMPLES raises the example count for a long run.
"""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import corpus
from vmdkimport.core import rules
from vmdkimport.core.disk.preflight import Inspection, Verdict, inspect
from vmdkimport.core.errors import VmdkImportError
from vmdkimport.demo import demo_vmdk_bytes

MIB = 1024 * 1024
#: PREFLIGHT_FUZZ_EXAMPLES=5000 for a deeper run by hand
FUZZ = settings(max_examples=int(os.environ.get("PREFLIGHT_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def seeds(scratch: Path) -> dict[str, bytes]:
    """Small valid files to mutate (no qemu-img needed)."""
    stream = corpus.stream_vmdk_gd_at_end(scratch / "seed-stream.vmdk", 4 * MIB,
                                          {0: b"a" * 5000, 40: b"b" * 7000})
    ovf_text = corpus.ovf_xml(disks=[(stream.name, stream.stat().st_size, 4)],
                              capacity_units="byte * 2^20")
    ova = corpus.ova(scratch / "seed.ova", ovf_text, [stream])
    return {"stream": stream.read_bytes(), "sparse": demo_vmdk_bytes(4 * MIB, "seed.vmdk"),
            "ova": ova.read_bytes(), "ovf": ovf_text.encode()}


def check(path: Path) -> Inspection | None:
    error: VmdkImportError | None = None
    try:
        result = inspect(path)
    except VmdkImportError as exc:
        error = exc
    if error is not None:
        assert str(error)
        assert error.action
        return None
    assert isinstance(result, Inspection)
    s = result.suggestions
    assert rules.name_error(s.image_name) is None
    assert rules.object_error(s.object_name) is None
    assert s.min_disk_gb is None or rules.min_disk_error(s.min_disk_gb) is None
    assert s.min_ram_mb is None or rules.min_ram_error(s.min_ram_mb) is None
    assert s.os_type is None or s.os_type in rules.OS_TYPE_KEYWORDS
    json.dumps(result.to_dict())
    assert result.render_text()
    if result.verdict is Verdict.REFUSED:
        assert result.reasons
        assert result.fix
        assert result.upload_source is None
    return result


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


u32 = st.one_of(st.sampled_from([0, 1, 2, 3, 7, 128, 512, 513, 2**31, 2**32 - 1]),
                st.integers(0, 2**32 - 1))
u64 = st.one_of(st.sampled_from([0, 1, 20, 21, 128, 2**32, 2**63, 2**64 - 1]),
                st.integers(0, 2**64 - 1))


@FUZZ
@given(version=u32, flags=u32, capacity=u64, grain=u64, desc_off=u64, desc_size=u64, gtes=u32,
       rgd=u64, gd=u64, overhead=u64, unclean=st.integers(0, 255),
       newline=st.binary(min_size=4, max_size=4), compress=st.integers(0, 65535),
       tail=st.integers(0, 40_000))
def test_header_fields(scratch: Path, seeds: dict[str, bytes], version: int, flags: int,
                       capacity: int, grain: int, desc_off: int, desc_size: int, gtes: int,
                       rgd: int, gd: int, overhead: int, unclean: int, newline: bytes,
                       compress: int, tail: int) -> None:
    header = struct.pack("<4sIIQQQQIQQQB4sH", b"KDMV", version, flags, capacity, grain,
                         desc_off, desc_size, gtes, rgd, gd, overhead, unclean, newline,
                         compress)
    body = seeds["sparse"][len(header):len(header) + tail]
    check(write(scratch, "h.vmdk", header + body))


@FUZZ
@given(data=st.data())
def test_mutated_real_disks(scratch: Path, seeds: dict[str, bytes], data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from(["stream", "sparse", "ova"]))
    blob = bytearray(seeds[seed])
    for _ in range(data.draw(st.integers(1, 12))):
        # Mostly the metadata (first 64 KiB and the last 2 KiB), sometimes anywhere.
        where = data.draw(st.one_of(st.integers(0, min(len(blob), 65536) - 1),
                                    st.integers(max(0, len(blob) - 2048), len(blob) - 1),
                                    st.integers(0, len(blob) - 1)))
        blob[where] = data.draw(st.integers(0, 255))
    cut = data.draw(st.one_of(st.just(len(blob)), st.integers(0, len(blob))))
    name = {"stream": "m.vmdk", "sparse": "m.vmdk", "ova": "m.ova"}[seed]
    check(write(scratch, name, bytes(blob[:cut])))


line = st.one_of(
    st.text(max_size=60),
    st.builds(lambda k, v: f"{k}={v}", st.sampled_from(
        ["createType", "CID", "parentCID", "version", "encoding", "parentFileNameHint"]),
        st.text(max_size=30)),
    st.builds(lambda a, n, t, f, o: f'{a} {n} {t} "{f}" {o}',
              st.sampled_from(["RW", "RDONLY", "NOACCESS", "rw", "XX"]),
              st.integers(-5, 2**70), st.sampled_from(
                  ["SPARSE", "FLAT", "ZERO", "VMFS", "VMFSSPARSE", "VMFSRDM", "SESPARSE", "X"]),
              st.text(max_size=20), st.integers(0, 2**40)),
    st.builds(lambda t: f'createType="{t}"', st.sampled_from(
        ["monolithicSparse", "streamOptimized", "monolithicFlat", "vmfs", "vmfsSparse",
         "twoGbMaxExtentSparse", "fullDevice", "custom", ""])),
    st.sampled_from(['parentCID=ffffffff', 'parentCID=12345678', 'encoding="Shift_JIS"',
                     'encoding="nonsense"', 'ddb.adapterType = "lsilogic"']),
)


@FUZZ
@given(lines=st.lists(line, max_size=25), embedded=st.booleans(),
       name=st.sampled_from(["d.vmdk", "d-000001.vmdk", "d-flat.vmdk", "d-s001.vmdk"]))
def test_descriptor_text(scratch: Path, seeds: dict[str, bytes], lines: list[str],
                         embedded: bool, name: str) -> None:
    text = ("# Disk DescriptorFile\n" + "\n".join(lines)).encode("utf-8", "surrogatepass")
    if embedded:
        sparse = bytearray(seeds["sparse"])
        sparse[512:512 + 20 * 512] = text[:20 * 512].ljust(20 * 512, b"\x00")
        check(write(scratch, name, bytes(sparse)))
    else:
        check(write(scratch, name, text))


MAGICS = [b"KDMV", b"COWD", struct.pack("<Q", 0xCAFEBABE), b"QFI\xfb", b"QED\x00",
          b"vhdxfile", b"conectix", b"\x1f\x8b", b"PK\x03\x04", b"\xfd7zXZ\x00", b"BZh9",
          b"# Disk DescriptorFile\n", b"<?xml version='1.0'?><Envelope>", b"guestOS = ", b""]


@FUZZ
@given(magic=st.sampled_from(MAGICS), rest=st.binary(max_size=9000),
       name=st.sampled_from(["f.vmdk", "f.ova", "f.ovf", "f.vmx", "f.img"]))
def test_magic_prefixed_noise(scratch: Path, magic: bytes, rest: bytes, name: str) -> None:
    check(write(scratch, name, magic + rest))


@FUZZ
@given(vm_name=st.text(max_size=40), description=st.text(max_size=40),
       memory=st.one_of(st.none(), st.integers(-10, 2**62)),
       units=st.sampled_from(["byte * 2^20", "byte * 2^30", "MegaBytes", "bit", "byte * 2^9999",
                              "", "byte * 0^0"]),
       capacity_units=st.sampled_from(["byte", "byte * 2^30", "nonsense"]),
       capacity=st.integers(-1, 2**64), os_id=st.one_of(st.none(), st.integers(-5, 300)),
       vmw=st.one_of(st.none(), st.text(max_size=25), st.sampled_from(
           ["rhel7_64Guest", "windows9Server64Guest", "Guest", "64", ""])),
       junk=st.text(max_size=30))
def test_ovf_fields(scratch: Path, vm_name: str, description: str, memory: int | None,
                    units: str, capacity_units: str, capacity: int, os_id: int | None,
                    vmw: str | None, junk: str) -> None:
    stream = scratch / "seed-stream.vmdk"
    text = corpus.ovf_xml(vm_name=vm_name, os_description=description, memory_mb=memory,
                          memory_units=units, capacity_units=capacity_units,
                          disks=[(stream.name, 1, capacity)], os_id=os_id,
                          vmw_os=None if vmw is None else vmw.replace('"', "").replace("<", ""),
                          file_extra=f' x="{junk.replace(chr(34), "")}"' if junk else "")
    data = text.encode("utf-8", "surrogatepass")
    result = check(write(scratch, "f.ovf", data))
    if result is not None and result.vm is not None and memory is not None and \
            0 < memory < 2**31 and units == "byte * 2^20":
        assert result.suggestions.min_ram_mb == memory
    check(write(scratch, "g.ovf", data.replace(b"</Envelope>", junk.encode(
        "utf-8", "surrogatepass") + b"</Envelope>")))


@FUZZ
@given(text=st.text(max_size=2000))
def test_vmx_text(scratch: Path, text: str) -> None:
    check(write(scratch, "v.vmx", ('.encoding = "UTF-8"\n' + text).encode("utf-8",
                                                                            "surrogatepass")))
