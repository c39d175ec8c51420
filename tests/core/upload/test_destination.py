"""What the Destination page is told before an upload: new, identical, resume, different."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.backends import MIB, Backend, cancel_after, make_file
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.errors import UploadCancelled
from vmdkimport.core.upload.destination import DestinationKind, check_destination
from vmdkimport.core.upload.segments import UploadRequest
from vmdkimport.core.upload.uploader import run_upload


def _request(path: Path, container: str, obj: str = "disk.vmdk") -> UploadRequest:
    return UploadRequest(UploadSource(path), container, obj, segment_size=MIB, threads=1)


def test_the_four_cases(backend: Backend, tmp_path: Path, unique: str) -> None:
    path = tmp_path / "disk.vmdk"
    make_file(path, 4 * MIB)
    request = _request(path, unique)
    assert check_destination(backend.storage, request).kind is DestinationKind.NEW
    slow = UploadRequest(request.source, unique, "disk.vmdk", segment_size=MIB, threads=1,
                         limit_rate=2 * MIB)  # still mid-way when the cancel lands
    with pytest.raises(UploadCancelled):
        cancel_after(backend, slow, 2)
    resume = check_destination(backend.storage, request)
    assert resume.kind is DestinationKind.RESUME
    assert resume.segments_total == 4
    assert 2 <= resume.segments_present < 4
    assert "resumes" in resume.message()
    run_upload(backend.storage, request)
    assert check_destination(backend.storage, request).kind is DestinationKind.IDENTICAL
    other = tmp_path / "other.vmdk"
    make_file(other, 4 * MIB, seed=9)
    different = check_destination(backend.storage, _request(other, unique))
    assert different.kind is DestinationKind.DIFFERENT
    assert different.needs_consent
    assert different.existing_size == 4 * MIB


def test_same_name_size_and_mtime_is_compared_not_called_identical(
    sandbox_backend: Backend, tmp_path: Path
) -> None:
    import os

    path = tmp_path / "disk.vmdk"
    make_file(path, 3 * MIB, seed=1)
    run_upload(sandbox_backend.storage, _request(path, "dest"))
    st = os.stat(path)
    make_file(path, 3 * MIB, seed=2)  # another disk, given the same date (touch -r)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    check = check_destination(sandbox_backend.storage, _request(path, "dest"))
    assert check.kind is not DestinationKind.IDENTICAL
    assert not check.needs_consent  # the upload compares first, and asks only if they differ
    assert "compare" in check.message()
