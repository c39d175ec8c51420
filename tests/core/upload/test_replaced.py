"""The segments of an object being replaced: read from a server answer, which is untrusted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from vmdkimport.core.cloud.objectstorage import ObjectInfo
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.upload.converting import ConvertingUploader
from vmdkimport.core.upload.replaced import old_segments
from vmdkimport.core.upload.segments import UploadRequest
from vmdkimport.core.upload.uploader import Uploader


@dataclass
class _Answer:
    content: bytes


class _Storage:
    """Just what reading an old SLO manifest needs; its answer is hostile."""

    account_path = "/v1/AUTH_0123"

    def __init__(self, manifest: bytes) -> None:
        self.manifest = manifest

    def url(self, *parts: str) -> str:
        return "http://127.0.0.1/" + "/".join(parts)

    def call(self, method: str, url: str, **_: Any) -> _Answer:
        return _Answer(self.manifest)


@pytest.mark.parametrize("kind", [Uploader, ConvertingUploader])
@pytest.mark.parametrize("manifest", [
    b'[1, "x", null, {"name": "/images_segments/old/0001"}]',  # items that are not objects
    b'{"not": "a list"}', b"not json", b"[]",
])
def test_a_hostile_slo_manifest_is_no_traceback(kind: Any, manifest: bytes,
                                                tmp_path: Path) -> None:
    request = UploadRequest(UploadSource(tmp_path / "disk.vmdk"), "images", "disk.vmdk")
    uploader = kind(_Storage(manifest), request)
    existing = ObjectInfo("disk.vmdk", 10, "etag", is_slo=True)
    old = old_segments(uploader.storage, uploader._retrying, "images", "disk.vmdk", existing,
                       keep_prefix="new/")
    assert old in ([], [("images_segments", "old/0001")])
