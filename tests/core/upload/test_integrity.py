"""What is uploaded is this very file, and the SHA1 printed is the SHA1 of the stored object.

Issue #11, section 1: a disk rewritten while it uploads (a VM still running, a copy still
writing), and a different file that only looks the same (name, size and mtime, as ``touch -r``,
``cp -p``, rsync and unzip leave it). Changes are made from inside the upload, when a chosen
chunk asks to go out, never after a timer: the moment is the same on any machine.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.backends import MIB, Backend, cancel_after, make_file
from vmdkimport.core import paths
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.errors import ConfigError
from vmdkimport.core.rules import Field
from vmdkimport.core.upload import uploader as uploader_module
from vmdkimport.core.upload.segments import UploadRequest
from vmdkimport.core.upload.transfer import TransferControl
from vmdkimport.core.upload.uploader import (
    META_SHA1,
    META_SOURCE,
    ObjectExists,
    run_upload,
)


def _request(path: Path, container: str, **kw: object) -> UploadRequest:
    values: dict[str, object] = {"segment_size": MIB, "threads": 1, "backoff": 0.05,
                                 "max_backoff": 0.2}
    values.update(kw)
    return UploadRequest(UploadSource(path), container, "disk.vmdk", **values)  # type: ignore[arg-type]


class _ChangeAt(TransferControl):
    """Runs ``change`` in the worker when the ``at``-th chunk asks to go out (1 MiB chunks, so
    with 1 MiB segments and one thread, chunk n is the first byte of segment n-1)."""

    def __init__(self, at: int, change: Callable[[], None]) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._chunks = 0
        self._at = at
        self._change = change
        self.changed = threading.Event()

    def throttle(self, amount: int) -> None:
        with self._lock:
            self._chunks += 1
            fire = self._chunks == self._at
        if fire:
            self._change()
            self.changed.set()
        super().throttle(amount)


def _overwrite_sent_part(path: Path) -> Callable[[], None]:
    def change() -> None:  # dd conv=notrunc into segment 0, which was sent already
        with open(path, "r+b") as fh:
            fh.write(b"\xaa" * 4096)
    return change


def _append(path: Path) -> Callable[[], None]:
    def change() -> None:
        with open(path, "ab") as fh:
            fh.write(b"more" * 1000)
    return change


def _rewrite_same_size_restore_mtime(path: Path) -> Callable[[], None]:
    def change() -> None:
        st = os.stat(path)
        with open(path, "r+b") as fh:
            fh.write(os.urandom(st.st_size))
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    return change


def _assert_changed_error(exc: BaseException) -> None:
    assert isinstance(exc, ConfigError), repr(exc)
    assert exc.field is Field.DISK
    assert "changed" in str(exc)
    assert "then upload again" in exc.action


@pytest.mark.parametrize("change", [_overwrite_sent_part, _append,
                                    _rewrite_same_size_restore_mtime])
def test_a_disk_changed_during_the_upload_never_ends_in_success(
    sandbox_backend: Backend, tmp_path: Path, change: Callable[[Path], Callable[[], None]]
) -> None:
    path = tmp_path / "disk.vmdk"
    make_file(path, 6 * MIB)
    control = _ChangeAt(4, change(path))
    with pytest.raises(ConfigError) as info:
        run_upload(sandbox_backend.storage, _request(path, "changed"), control)
    assert control.changed.is_set()
    _assert_changed_error(info.value)
    # nothing that looks finished was left: no manifest, so no object to register by mistake
    assert sandbox_backend.storage.head_object("changed", "disk.vmdk") is None


def test_content_that_differs_between_the_two_reads_is_caught_without_timestamps(
    sandbox_backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system whose timestamps do not show the change (a write through mmap, coarse
    timestamps): the SHA1 pass reads segment 0 only after it was rewritten, so its bytes are not
    those the worker sent. The two reads are compared, so this is an error, not a wrong SHA1."""
    path = tmp_path / "disk.vmdk"
    make_file(path, 6 * MIB)
    real = UploadSource.fingerprint if hasattr(UploadSource, "fingerprint") else None
    first: list[object] = []

    def frozen(self: UploadSource) -> object:  # the file looks untouched to stat()
        if not first:
            assert real is not None
            first.append(real(self))
        return first[0]

    monkeypatch.setattr(UploadSource, "fingerprint", frozen, raising=False)
    gate = threading.Event()
    hasher_run = uploader_module._Hasher.run

    def gated(self: uploader_module._Hasher) -> None:  # the SHA1 pass starts after the change
        gate.wait(60)
        hasher_run(self)

    monkeypatch.setattr(uploader_module._Hasher, "run", gated)

    def change() -> None:
        st = os.stat(path)
        with open(path, "r+b") as fh:
            fh.write(os.urandom(MIB))
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        gate.set()

    with pytest.raises(ConfigError) as info:
        run_upload(sandbox_backend.storage, _request(path, "reads"), _ChangeAt(4, change))
    _assert_changed_error(info.value)
    assert sandbox_backend.storage.head_object("reads", "disk.vmdk") is None


def _other_file_same_stat(path: Path, seed: int) -> bytes:
    """Another disk at the same path with the same name, size and mtime (touch -r)."""
    st = os.stat(path)
    data = make_file(path, st.st_size, seed=seed)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    return data


def test_same_name_size_and_mtime_is_not_the_same_disk(backend: Backend, tmp_path: Path,
                                                       unique: str) -> None:
    path = tmp_path / "disk.vmdk"
    make_file(path, 3 * MIB, seed=1)
    run_upload(backend.storage, _request(path, unique))
    other = _other_file_same_stat(path, seed=2)
    mark = len(backend.puts())
    with pytest.raises(ObjectExists):
        run_upload(backend.storage, _request(path, unique))
    assert backend.puts()[mark:] == []
    result = run_upload(backend.storage, _request(path, unique, overwrite=True))
    assert result.sha1 == hashlib.sha1(other).hexdigest()
    assert backend.read(unique, "disk.vmdk") == other


def test_an_interrupted_upload_of_another_disk_is_not_resumed_into_this_one(
    backend: Backend, tmp_path: Path, unique: str
) -> None:
    path = tmp_path / "disk.vmdk"
    make_file(path, 4 * MIB, seed=1)
    with pytest.raises(Exception, match="cancel"):
        cancel_after(backend, _request(path, unique), 2)
    there = len(backend.storage.list_objects(f"{unique}_segments"))
    assert there >= 2
    other = _other_file_same_stat(path, seed=2)
    result = run_upload(backend.storage, _request(path, unique))
    assert backend.read(unique, "disk.vmdk") == other  # no segment of the first disk in it
    assert result.sha1 == hashlib.sha1(other).hexdigest()
    assert result.segments_skipped == 0
    assert result.bytes_read_to_prove == there * MIB  # the segments there were read to compare


def test_a_sha1_in_the_object_metadata_is_not_trusted_without_proof(
    backend: Backend, tmp_path: Path, unique: str
) -> None:
    """Another computer (no journal here): the object carries our metadata, with a SHA1 that is
    not its content's. The content is compared and the SHA1 computed from the file."""
    path = tmp_path / "disk.vmdk"
    data = make_file(path, 300_000)
    run_upload(backend.storage, _request(path, unique))
    info = backend.storage.head_object(unique, "disk.vmdk")
    assert info is not None
    backend.storage.put_object(unique, "disk.vmdk", data, headers={
        META_SOURCE: info.meta[META_SOURCE.lower()], META_SHA1: "0" * 40})
    shutil.rmtree(paths.data_dir() / "uploads")
    result = run_upload(backend.storage, _request(path, unique))
    assert result.skipped
    assert result.sha1 == hashlib.sha1(data).hexdigest()
    assert result.bytes_read_to_prove == len(data)


def test_an_object_replaced_on_the_server_is_not_taken_for_ours(
    backend: Backend, tmp_path: Path, unique: str
) -> None:
    """This machine's journal proves the file, not the server: an object put there since,
    with our metadata copied onto other bytes, is not this disk."""
    path = tmp_path / "disk.vmdk"
    data = make_file(path, 300_000)
    first = run_upload(backend.storage, _request(path, unique))
    info = backend.storage.head_object(unique, "disk.vmdk")
    assert info is not None
    backend.storage.put_object(unique, "disk.vmdk", bytes(len(data)), headers={
        META_SOURCE: info.meta[META_SOURCE.lower()], META_SHA1: first.sha1})
    with pytest.raises(ObjectExists):
        run_upload(backend.storage, _request(path, unique))


def test_a_skip_proven_by_this_machines_journal_reads_nothing(
    backend: Backend, tmp_path: Path, unique: str
) -> None:
    path = tmp_path / "disk.vmdk"
    make_file(path, 3 * MIB)
    first = run_upload(backend.storage, _request(path, unique))
    again = run_upload(backend.storage, _request(path, unique))
    assert again.skipped
    assert again.sha1 == first.sha1
    assert again.bytes_read_to_prove == 0
