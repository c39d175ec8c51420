"""Converting while uploading, against the sandbox and a real Swift: the object is the
converter's output byte for byte, qemu-img calls it the source's twin, its SHA1 is the one
returned, memory stays far below the disk, and cancel, resume and cut connections cost no more
than the segments in flight.

The disks are made at test time: an MBR, an ext4 made with ``mkfs.ext4 -d`` over real files
from /usr/share/doc, and 5 MiB of random data, in a raw image that qemu-img turns into a
monolithicSparse and a monolithicFlat VMDK.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import subprocess
import threading
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import requests

from helpers import corpus
from helpers.backends import MIB, Backend
from servers.faultproxy import FaultProxy
from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.cloud.identity import TokenProvider, static_token
from vmdkimport.core.cloud.objectstorage import ObjectStorageClient
from vmdkimport.core.disk import preflight
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.disk.streamopt import convert_to_file
from vmdkimport.core.errors import UploadCancelled
from vmdkimport.core.upload.converting import (
    ConvertingEvent,
    ConvertingResult,
    ConvertingUploader,
    conversion_source,
    estimate_conversion,
    run_converting_upload,
)
from vmdkimport.core.upload.segments import Manifest, UploadRequest
from vmdkimport.core.upload.transfer import TransferControl
from vmdkimport.core.upload.uploader import ObjectExists, Phase, UploadEvent

DISK_SIZE = 40 * MIB
OBJECT = "disk.vmdk"
KINDS = ("monolithicSparse", "monolithicFlat")


def doc_tree(target: Path, budget: int) -> Path:
    """A copy of real files from /usr/share/doc, in a stable order, about ``budget`` bytes."""
    target.mkdir()
    used = 0
    for path in sorted(Path("/usr/share/doc").rglob("*")):
        if used >= budget:
            break
        if path.is_symlink() or not path.is_file() or path.stat().st_size > budget // 4:
            continue
        relative = path.relative_to("/usr/share/doc")
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / relative)
        used += path.stat().st_size
    assert used > budget // 2, "too few files in /usr/share/doc"
    return target


def make_disks(folder: Path) -> dict[str, Path]:
    """kind -> disk: the raw image and its monolithicSparse and monolithicFlat VMDKs."""
    corpus.require_qemu()
    mkfs = corpus.require_tool("mkfs.ext4")
    fs = folder / "fs.img"
    subprocess.run([mkfs, "-q", "-F", "-d", str(doc_tree(folder / "tree", 6 * MIB)), str(fs),
                    "16M"], check=True, capture_output=True, timeout=60)
    raw = folder / "source.raw"
    with raw.open("wb") as f:
        f.truncate(DISK_SIZE)
        f.write(corpus.mbr([(0x83, 2048, DISK_SIZE // 512 - 2048)]))
        f.seek(MIB)
        f.write(fs.read_bytes())
        f.seek(24 * MIB + 700)  # across grain boundaries
        f.write(random.Random(15).randbytes(5 * MIB))
    fs.unlink()
    out = {"raw": raw}
    for kind in KINDS:
        out[kind] = corpus.qemu_convert(raw, folder / f"{kind}.vmdk", "raw", "vmdk",
                                        f"subformat={kind}")
    return out


@pytest.fixture(scope="session")
def disks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_disks(tmp_path_factory.mktemp("converting"))


@pytest.fixture(scope="session")
def expected(disks: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
             ) -> dict[str, bytes]:
    """kind -> what ``convert_to_file`` writes for it, named as the object (the descriptor's
    extent line carries the name)."""
    folder = tmp_path_factory.mktemp("converted")
    out = {}
    for kind, path in disks.items():
        (folder / kind).mkdir()
        out[kind] = convert_to_file(path, folder / kind / OBJECT).read_bytes()
    return out


def _request(path: Path, container: str, **kw: Any) -> UploadRequest:
    values: dict[str, Any] = {"segment_size": MIB, "threads": 2, "backoff": 0.05,
                              "max_backoff": 0.2}
    values.update(kw)
    return UploadRequest(UploadSource(path), container, OBJECT, **values)


def _cancel_after(backend: Backend, request: UploadRequest, segments: int) -> None:
    """Run a converting upload until ``segments`` are done, then cancel it."""
    control = TransferControl()
    for event in ConvertingUploader(backend.storage, request, control).run():
        if event.segments_done >= segments:
            control.cancel()


def _qemu_identical(data: bytes, source: Path, tmp_path: Path) -> bool:
    copy = tmp_path / "downloaded.vmdk"
    copy.write_bytes(data)
    return corpus.qemu_identical(copy, "vmdk", source, "vmdk" if source.suffix == ".vmdk"
                                 else "raw")


# --- the object is the converter's output ------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_object_is_the_converters_output_and_qemu_says_identical(
    backend: Backend, disks: dict[str, Path], expected: dict[str, bytes], tmp_path: Path,
    unique: str, kind: str
) -> None:
    events: list[UploadEvent] = []
    result = run_converting_upload(backend.storage, _request(disks[kind], unique),
                                   on_event=events.append)
    got = backend.read(unique, OBJECT)
    assert got == expected[kind]
    assert result.sha1 == hashlib.sha1(got).hexdigest()  # the object's SHA1, not the disk's
    assert result.size == len(got)
    assert _qemu_identical(got, disks[kind], tmp_path)
    assert isinstance(result, ConvertingResult)
    assert result.converted
    assert result.disk_size == DISK_SIZE
    assert result.bytes_sent == len(got) < DISK_SIZE / 3  # one pass, compressed, no retry
    assert result.segments == result.segments_sent == -(-len(got) // MIB)
    assert result.manifest is Manifest.DLO
    puts = backend.puts()
    assert puts[-1].endswith(f"/{unique}/{OBJECT}")  # the manifest came last
    assert len(backend.segment_puts(unique)) == result.segments
    # progress: the conversion's fraction only grows and ends whole
    converting = [e for e in events if isinstance(e, ConvertingEvent)]
    assert len(converting) == len(events)
    done = [e.source_done for e in converting]
    assert done == sorted(done)
    last = events[-1]
    assert isinstance(last, ConvertingEvent)
    assert last.phase is Phase.DONE
    assert last.fraction == 1.0
    assert last.bytes_sent == len(got)
    assert last.output_done == len(got)
    assert last.segments_done == last.segments_total == result.segments
    assert last.segment_states == b"s" * result.segments


def test_slo_manifest_reads_back_the_same(backend: Backend, disks: dict[str, Path],
                                          expected: dict[str, bytes], unique: str) -> None:
    if backend.name == "sandbox":
        info = backend.storage.info()
        if "slo" not in info:
            pytest.skip("the sandbox offers no SLO")  # real Swift always does
    result = run_converting_upload(backend.storage, _request(
        disks["monolithicFlat"], unique, manifest=Manifest.SLO))
    assert result.manifest is Manifest.SLO
    assert backend.read(unique, OBJECT) == expected["monolithicFlat"]


def test_a_small_stream_is_one_put(backend: Backend, tmp_path: Path, unique: str) -> None:
    raw = tmp_path / "small.raw"
    with raw.open("wb") as f:
        f.truncate(8 * MIB)
        f.write(corpus.mbr([(0x83, 2048, 8 * MIB // 512 - 2048)]))
        f.seek(3 * MIB)
        f.write(b"a little real data\n" * 5000)
    disk = corpus.qemu_convert(raw, tmp_path / "small.vmdk", "raw", "vmdk",
                               "subformat=monolithicSparse")
    (tmp_path / "out").mkdir()
    want = convert_to_file(disk, tmp_path / "out" / OBJECT).read_bytes()
    before = len(backend.puts())
    result = run_converting_upload(backend.storage, _request(disk, unique))
    assert (result.segments, result.manifest) == (0, None)
    assert backend.read(unique, OBJECT) == want
    assert result.sha1 == hashlib.sha1(want).hexdigest()
    assert [p for p in backend.puts()[before:] if "_segments/" in p] == []
    again = run_converting_upload(backend.storage, _request(disk, unique))
    assert again.skipped
    assert again.bytes_sent == 0
    assert again.sha1 == result.sha1


# --- existing objects, resume ------------------------------------------------------------------

def test_an_identical_object_is_proven_by_content_and_not_sent(
    backend: Backend, disks: dict[str, Path], unique: str
) -> None:
    first = run_converting_upload(backend.storage, _request(disks["monolithicSparse"], unique))
    before = len(backend.puts())
    again = run_converting_upload(backend.storage, _request(disks["monolithicSparse"], unique))
    assert again.skipped
    assert again.bytes_sent == 0
    assert again.sha1 == first.sha1
    assert again.bytes_reproduced == first.size  # proven by producing the stream again
    assert backend.puts()[before:] == []


def test_the_destination_page_calls_an_earlier_converted_upload_compared_not_different(
    backend: Backend, disks: dict[str, Path], unique: str
) -> None:
    """After a converting upload of this disk, the Destination page's check must not ask for
    consent to replace "another object": the upload proves it by content and sends nothing."""
    from vmdkimport.core.upload.destination import DestinationKind, check_destination

    request = _request(disks["monolithicSparse"], unique)
    run_converting_upload(backend.storage, request)
    check = check_destination(backend.storage, request)
    assert check.kind is DestinationKind.COMPARE
    assert not check.needs_consent


def test_a_different_object_needs_overwrite(backend: Backend, disks: dict[str, Path],
                                            expected: dict[str, bytes], unique: str) -> None:
    backend.storage.create_container(unique)
    backend.storage.put_object(unique, OBJECT, b"someone else's disk")
    with pytest.raises(ObjectExists) as info:
        run_converting_upload(backend.storage, _request(disks["monolithicFlat"], unique))
    assert "--overwrite" in info.value.action
    assert backend.read(unique, OBJECT) == b"someone else's disk"
    run_converting_upload(backend.storage, _request(disks["monolithicFlat"], unique,
                                                    overwrite=True))
    assert backend.read(unique, OBJECT) == expected["monolithicFlat"]


def test_converted_segment_changed_on_the_server_goes_again(
    backend: Backend, disks: dict[str, Path], expected: dict[str, bytes], unique: str
) -> None:
    """Same name, same size, other bytes: only the MD5 of the re-produced stream can tell."""
    with pytest.raises(UploadCancelled):
        _cancel_after(backend, _request(disks["monolithicSparse"], unique, threads=1), 2)
    stored = sorted(o.name for o in backend.storage.list_objects(f"{unique}_segments"))
    assert len(stored) >= 2
    backend.storage.put_object(f"{unique}_segments", stored[0], b"x" * MIB)
    result = run_converting_upload(backend.storage, _request(disks["monolithicSparse"], unique))
    assert backend.read(unique, OBJECT) == expected["monolithicSparse"]
    assert result.segments_skipped == len(stored) - 1
    assert result.segments_sent == result.segments - result.segments_skipped


def test_converted_cancel_then_resume_sends_only_the_rest(
    backend: Backend, disks: dict[str, Path], expected: dict[str, bytes], unique: str
) -> None:
    request = _request(disks["monolithicFlat"], unique, limit_rate=4 * MIB)
    with pytest.raises(UploadCancelled):
        _cancel_after(backend, request, 3)
    assert backend.storage.head_object(unique, OBJECT) is None  # no manifest yet
    on_server = {o.name for o in backend.storage.list_objects(f"{unique}_segments")}
    total = -(-len(expected["monolithicFlat"]) // MIB)
    assert 3 <= len(on_server) < total
    mark = len(backend.puts())
    result = run_converting_upload(backend.storage, _request(disks["monolithicFlat"], unique))
    resent = {p.split(f"/{unique}_segments/", 1)[1] for p in backend.segment_puts(unique, mark)}
    assert not resent & on_server
    assert len(resent) == total - len(on_server)
    assert result.segments_skipped == len(on_server)
    assert result.bytes_sent == len(expected["monolithicFlat"]) - len(on_server) * MIB
    assert backend.read(unique, OBJECT) == expected["monolithicFlat"]
    assert result.sha1 == hashlib.sha1(expected["monolithicFlat"]).hexdigest()


# --- memory, faults ------------------------------------------------------------------------------

@pytest.mark.realserver
def test_memory_stays_far_below_the_disk(swift: Any, tmp_path: Path) -> None:
    """A 128 MiB raw disk holding 48 MiB of random data, so the stream is about 48 MiB too.
    Swift runs in its own processes, so tracemalloc sees only this side: the converter, at
    most threads + 1 segment buffers, and the HTTP client."""
    raw = tmp_path / "big.raw"
    rng = random.Random(5)
    with raw.open("wb") as f:
        f.truncate(128 * MIB)
        f.write(corpus.mbr([(0x83, 2048, 128 * MIB // 512 - 2048)]))
        for at in range(8, 128, 16):  # 6 MiB of random data every 16 MiB
            f.seek(at * MIB)
            f.write(rng.randbytes(6 * MIB))
    token, storage_url = swift.tempauth_token()
    http = HttpClient()
    storage = ObjectStorageClient(http, TokenProvider(static_token(token)), storage_url)
    tracemalloc.start()
    try:
        result = run_converting_upload(storage, _request(raw, "memory", overwrite=True))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        http.close()
    print(f"tracemalloc peak {peak / MIB:.1f} MiB for a 128 MiB disk, "
          f"{result.size / MIB:.1f} MiB sent in {result.segments} segments")
    assert result.size > 48 * MIB
    assert peak < 16 * MIB  # (2 + 1) x 1 MiB buffers + the converter's few MiB


@pytest.mark.realserver
def test_segment_puts_cut_mid_body_are_retried(swift: Any, disks: dict[str, Path],
                                               expected: dict[str, bytes]) -> None:
    token, storage_url = swift.tempauth_token()
    with FaultProxy("127.0.0.1", swift.ports["proxy"]) as proxy:
        http = HttpClient(HttpSettings(read_retries=0))
        storage = ObjectStorageClient(http, TokenProvider(static_token(token)),
                                      proxy.url_for(storage_url))
        storage.create_container("convert-cuts")
        proxy.cut_after(300_000, times=3)  # three PUT bodies die 300 kB in
        result = run_converting_upload(storage, _request(
            disks["monolithicSparse"], "convert-cuts", manifest=Manifest.SLO, overwrite=True))
        assert proxy.cuts_done == 3
        http.close()
    assert result.retries >= 3
    got = requests.get(f"{storage_url}/convert-cuts/{OBJECT}", timeout=60,
                       headers={"X-Auth-Token": token}).content
    assert got == expected["monolithicSparse"]
    assert result.sha1 == hashlib.sha1(got).hexdigest()
    assert result.bytes_sent > len(got)  # the cut attempts were sent again


# --- what can be converted -----------------------------------------------------------------------

def test_conversion_source_follows_the_preflight(disks: dict[str, Path], tmp_path: Path) -> None:
    for kind in ("raw", *KINDS):
        source = conversion_source(preflight.inspect(disks[kind]))
        assert source is not None, kind
        assert source.path == disks[kind]
        guess = estimate_conversion(source)
        assert guess.disk_size == DISK_SIZE
        assert 0 < guess.output_bytes < DISK_SIZE / 3
    flat_data = disks["monolithicFlat"].with_name("monolithicFlat-flat.vmdk")
    chosen = conversion_source(preflight.inspect(flat_data))  # the data file: its descriptor
    assert chosen is not None
    assert chosen.path == disks["monolithicFlat"]
    stream = convert_to_file(disks["raw"], tmp_path / "stream.vmdk")
    assert conversion_source(preflight.inspect(stream)) is None  # already what is wanted
    qcow = corpus.qemu_convert(disks["raw"], tmp_path / "d.qcow2", "raw", "qcow2")
    assert conversion_source(preflight.inspect(qcow)) is None  # qemu-img's, as before


# --- tokens, busy answers, pause ---------------------------------------------------------------

def test_converted_upload_gets_a_fresh_token_mid_upload(
    sandbox_backend: Backend, disks: dict[str, Path], expected: dict[str, bytes]
) -> None:
    sandbox = sandbox_backend.sandbox
    expired: list[bool] = []
    for event in ConvertingUploader(sandbox_backend.storage,
                                    _request(disks["monolithicSparse"], "expiry")).run():
        if event.segments_done >= 2 and not expired:
            sandbox.expire_tokens()
            expired.append(True)
    assert sandbox_backend.read("expiry", OBJECT) == expected["monolithicSparse"]
    assert [r for r in sandbox.requests() if r["status"] == 401]
    assert getattr(sandbox_backend.storage.tokens, "renewals", 0) >= 1


def test_converted_segment_answered_503_is_sent_again(
    sandbox_backend: Backend, disks: dict[str, Path], expected: dict[str, bytes]
) -> None:
    sandbox_backend.sandbox.inject_fault("object-storage", "PUT", r"_segments/.*/00000002$",
                                         503, count=2)
    result = run_converting_upload(sandbox_backend.storage,
                                   _request(disks["monolithicFlat"], "busy"))
    assert result.retries == 2
    assert sandbox_backend.read("busy", OBJECT) == expected["monolithicFlat"]
    assert result.bytes_sent == result.size + 2 * MIB  # the same buffer, twice more


def test_pause_holds_the_converter_and_the_senders(
    sandbox_backend: Backend, disks: dict[str, Path], expected: dict[str, bytes]
) -> None:
    """Paused as the transfer starts, the upload settles (two events in a row with the same
    stream produced and the same segments stored) with the conversion held mid-way: the
    senders wait in their bodies, and the converter at most threads + 1 buffers ahead of
    them. Then resumed, it finishes."""
    control = TransferControl()
    request = _request(disks["monolithicFlat"], "pause", limit_rate=2 * MIB)
    asked = resumed = False
    last: tuple[int, int] | None = None
    for event in ConvertingUploader(sandbox_backend.storage, request, control).run():
        assert isinstance(event, ConvertingEvent)
        if event.phase is Phase.UPLOADING and not asked:
            control.pause()
            asked = True
        elif asked and not resumed and event.paused:
            now = (event.output_done,
                   sum(1 for r in sandbox_backend.puts() if "/pause_segments/" in r))
            if now == last:
                # the converter is at most threads + 1 buffers and the chunk in hand ahead of
                # what Swift holds
                assert event.output_done - now[1] * MIB <= (request.threads + 2) * MIB
                assert event.source_done < event.source_total  # held mid-way
                control.resume()
                resumed = True
            last = now
    assert resumed
    assert sandbox_backend.read("pause", OBJECT) == expected["monolithicFlat"]


def test_stopping_while_paused_leaves_no_thread_behind(
    sandbox_backend: Backend, disks: dict[str, Path]
) -> None:
    """A front end that drops the upload while it is paused (the window closed) must not
    leave a sender waiting for Resume forever."""
    control = TransferControl()
    events = ConvertingUploader(sandbox_backend.storage, _request(
        disks["monolithicFlat"], "dropped", limit_rate=2 * MIB), control).run()
    for event in events:
        if event.phase is Phase.UPLOADING:
            control.pause()
        if event.paused:
            break
    closer = threading.Thread(target=events.close)  # type: ignore[attr-defined]
    closer.start()
    closer.join(timeout=30)
    assert not closer.is_alive()
    assert not [t for t in threading.enumerate() if t.name.startswith("convert-")]
