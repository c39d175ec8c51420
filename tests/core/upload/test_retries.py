"""The small requests around the segments are retried like the segments (issue #11, 4).

Faults come from the sandbox (a chosen status, or a connection closed without an answer) and
from :class:`servers.faultproxy.FaultProxy`, a TCP relay that resets a connection mid-request.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from helpers.backends import MIB, Backend, make_file
from servers.faultproxy import FaultProxy
from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.cloud.objectstorage import ObjectStorageClient
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.errors import TransportError
from vmdkimport.core.upload.segments import Manifest, UploadRequest
from vmdkimport.core.upload.uploader import Phase, SegmentFailed, Uploader, run_upload


def _request(path: Path, container: str, **kw: object) -> UploadRequest:
    values: dict[str, object] = {"segment_size": MIB, "threads": 2, "backoff": 0.01,
                                 "max_backoff": 0.05}
    values.update(kw)
    return UploadRequest(UploadSource(path), container, "disk.vmdk", **values)  # type: ignore[arg-type]


def test_one_fault_on_each_small_request_does_not_end_the_upload(
    sandbox_backend: Backend, tmp_path: Path
) -> None:
    data = make_file(tmp_path / "disk.vmdk", 3 * MIB)
    sandbox = sandbox_backend.sandbox
    sandbox.inject_fault("object-storage", "GET", r"^/info$", 0, count=4)  # past urllib3's 3
    sandbox.inject_fault("object-storage", "HEAD", r"/faults$", 500)
    sandbox.inject_fault("object-storage", "GET", r"/faults_segments$", 500)
    sandbox.inject_fault("object-storage", "PUT", r"/faults/disk\.vmdk$", 503)
    sandbox.inject_fault("object-storage", "PUT", r"/faults/disk\.vmdk$", 0)
    result = run_upload(sandbox_backend.storage, _request(tmp_path / "disk.vmdk", "faults"))
    assert result.sha1 == hashlib.sha1(data).hexdigest()
    assert sandbox_backend.read("faults", "disk.vmdk") == data
    assert result.retries >= 5


def test_a_manifest_put_that_keeps_failing_says_to_run_the_upload_again(
    sandbox_backend: Backend, tmp_path: Path
) -> None:
    make_file(tmp_path / "disk.vmdk", 3 * MIB)
    sandbox_backend.sandbox.inject_fault("object-storage", "PUT", r"/gone/disk\.vmdk$", 0,
                                         count=99)
    with pytest.raises(TransportError) as info:
        run_upload(sandbox_backend.storage, _request(tmp_path / "disk.vmdk", "gone",
                                                     max_attempts=3))
    assert not info.value.outcome_unknown
    assert "import list" not in info.value.action  # that advice is for register only
    assert "run the same upload again" in info.value.action


def test_a_put_answer_cut_after_its_status_line_is_a_connection_error(
    sandbox_backend: Backend, tmp_path: Path
) -> None:
    """What a client sees when the answer is cut right after ``HTTP/1.1 201 Created``: a 201
    with no headers at all, so no ETag. Not "a different checksum (none)"."""
    make_file(tmp_path / "disk.vmdk", 3 * MIB)
    sandbox_backend.sandbox.inject_fault("object-storage", "PUT", r"_segments/.*/00000001$",
                                         201, body="", count=99)
    with pytest.raises(SegmentFailed) as info:
        run_upload(sandbox_backend.storage, _request(tmp_path / "disk.vmdk", "cut",
                                                     max_attempts=2))
    assert "different checksum" not in str(info.value)
    assert "ended before object storage said what it stored" in str(info.value)


def test_a_reset_on_the_manifest_put_through_a_real_proxy_is_retried(
    sandbox_backend: Backend, tmp_path: Path
) -> None:
    data = make_file(tmp_path / "disk.vmdk", 3 * MIB)
    sandbox = sandbox_backend.sandbox
    with FaultProxy("127.0.0.1", int(sandbox.object_storage_url.split(":")[2].split("/")[0])
                    ) as proxy:
        http = HttpClient(HttpSettings(read_retries=0))
        storage = ObjectStorageClient(http, sandbox_backend.storage.tokens,
                                      proxy.url_for(sandbox.object_storage_url))
        result = None
        for event in Uploader(storage, _request(tmp_path / "disk.vmdk", "reset",
                                                manifest=Manifest.SLO)).run():
            if event.phase is Phase.MANIFEST and not proxy.cuts_done:
                proxy.cut_after(100)  # inside the manifest PUT's headers: a reset
            result = event.result or result
        http.close()
        assert proxy.cuts_done == 1
    assert result is not None
    assert result.retries >= 1
    assert result.sha1 == hashlib.sha1(data).hexdigest()
    assert sandbox_backend.read("reset", "disk.vmdk") == data
