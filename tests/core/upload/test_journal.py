"""The upload journal: read through checks, set aside when bad, private on disk (issue #11, 3)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from pathlib import Path

import pytest

from helpers.backends import MIB, Backend, cancel_after, make_file
from vmdkimport.core import paths
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.upload.journal import UploadJournal
from vmdkimport.core.upload.segments import UploadIdentity, UploadRequest
from vmdkimport.core.upload.uploader import run_upload


def _request(path: Path) -> UploadRequest:
    return UploadRequest(UploadSource(path), "journal", "disk.vmdk", segment_size=MIB,
                         threads=1, backoff=0.05, max_backoff=0.2)


def _journal_file(path: Path) -> Path:
    size, mtime = UploadSource(path).stat()
    return UploadJournal(UploadIdentity("journal", "disk.vmdk", size, mtime, MIB)).path


@pytest.mark.parametrize("segments", [["d41d8cd98f00b204e9800998ecf8427e"],
                                      {"zero": "d41d8cd98f00b204e9800998ecf8427e"},
                                      {"0": 7}, "all"])
def test_a_bad_journal_is_set_aside_and_the_upload_goes_on(
    sandbox_backend: Backend, tmp_path: Path, caplog: pytest.LogCaptureFixture,
    segments: object
) -> None:
    path = tmp_path / "disk.vmdk"
    data = make_file(path, 4 * MIB)
    with pytest.raises(Exception, match="cancel"):
        cancel_after(sandbox_backend, _request(path), 2)
    journal = _journal_file(path)
    content = json.loads(journal.read_text())
    content["segments"] = segments
    journal.write_text(json.dumps(content))
    with caplog.at_level(logging.WARNING):
        result = run_upload(sandbox_backend.storage, _request(path))
    assert result.sha1 == hashlib.sha1(data).hexdigest()
    assert sandbox_backend.read("journal", "disk.vmdk") == data
    assert result.segments_skipped >= 2  # proven by content instead
    assert result.bytes_read_to_prove == result.segments_skipped * MIB
    assert journal.with_name(journal.name + ".bad").exists()
    assert any("set aside" in r.getMessage() for r in caplog.records)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_journal_and_its_folder_are_private(sandbox_backend: Backend, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "disk.vmdk"
        make_file(path, 3 * MIB)
        run_upload(sandbox_backend.storage, _request(path))
    finally:
        os.umask(old)
    folder = paths.data_dir() / "uploads"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = list(folder.iterdir())
    assert files
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f.name
