"""A bad container or object name is refused before any request, naming the field to fix."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest

from vmdkimport.cli import cli_text
from vmdkimport.core.cloud.objectstorage import ObjectStorageClient
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.errors import ConfigError
from vmdkimport.core.rules import Field
from vmdkimport.core.upload.segments import UploadRequest
from vmdkimport.core.upload.uploader import Uploader


class _NoStorage:
    """Any call means the names were not checked first."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"object storage was called ({name}) before the names were checked")


@pytest.mark.parametrize(("container", "obj", "field"), [
    ("", "disk.vmdk", Field.CONTAINER),
    ("bad name", "disk.vmdk", Field.CONTAINER),
    ("c" * 300, "disk.vmdk", Field.CONTAINER),
    ("images", "", Field.OBJECT),
    ("images", "disk.VMDK", Field.OBJECT),
    ("images", "a b.vmdk", Field.OBJECT),
    ("bad name", "a b.vmdk", Field.CONTAINER),  # the container is named first
])
def test_a_bad_name_names_its_field(tmp_path: Path, container: str, obj: str,
                                    field: Field) -> None:
    disk = tmp_path / "disk.vmdk"
    disk.write_bytes(b"x")
    request = UploadRequest(UploadSource(disk), container, obj)
    uploader = Uploader(cast(ObjectStorageClient, _NoStorage()), request)
    with pytest.raises(ConfigError) as raised:
        next(uploader.run())
    assert raised.value.field is field
    # each front end words where to fix it: the CLI names its option, the wizard its page
    option = "--container" if field is Field.CONTAINER else "--object"
    assert option in cli_text(raised.value.action)
