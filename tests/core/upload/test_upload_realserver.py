"""The uploader on a real network path: connections cut mid-body, and the real auth chain."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
import requests

from helpers.backends import MIB, make_file
from servers.faultproxy import FaultProxy
from servers.fixtures import CONTRACT, PASSWORD, PROJECT, USER
from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.cloud.identity import TokenProvider, static_token
from vmdkimport.core.cloud.objectstorage import ObjectStorageClient
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.cloud.session import connect
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.upload.segments import Manifest, UploadRequest
from vmdkimport.core.upload.uploader import run_upload

pytestmark = pytest.mark.realserver


def test_connections_cut_mid_body_still_end_byte_identical(swift: Any, tmp_path: Path) -> None:
    data = make_file(tmp_path / "disk.vmdk", 6 * MIB + 17)
    token, storage_url = swift.tempauth_token()
    with FaultProxy("127.0.0.1", swift.ports["proxy"]) as proxy:
        http = HttpClient(HttpSettings(read_retries=0))
        storage = ObjectStorageClient(http, TokenProvider(static_token(token)),
                                      proxy.url_for(storage_url))
        storage.create_container("cuts")
        # the next 4 connections that send a request die 300 kB into it: mid-segment bodies
        proxy.cut_after(300_000, times=4)
        result = run_upload(storage, UploadRequest(
            UploadSource(tmp_path / "disk.vmdk"), "cuts", "disk.vmdk", segment_size=MIB,
            threads=2, backoff=0.05, max_backoff=0.2, manifest=Manifest.SLO))
        assert proxy.cuts_done == 4
        http.close()
    assert result.retries >= 4
    assert result.sha1 == hashlib.sha1(data).hexdigest()
    got = requests.get(f"{storage_url}/cuts/disk.vmdk", headers={"X-Auth-Token": token},
                       timeout=60)
    assert got.content == data
    # Swift kept no half object: every segment is whole and matches its part of the file
    listing = requests.get(f"{storage_url}/cuts_segments", params={"format": "json"},
                           headers={"X-Auth-Token": token}, timeout=60).json()
    assert [o["bytes"] for o in listing] == [MIB] * 6 + [17]


def test_the_real_chain_keystone_token_catalog_and_swift(swift_keystone: Any,
                                                         keystone: Any, tmp_path: Path) -> None:
    """A token from the real Keystone, accepted by the real Swift found in its catalog."""
    data = make_file(tmp_path / "disk.vmdk", 3 * MIB + 5)
    session = connect(ConnectionProfile(identity_url=keystone.url, domain=CONTRACT,
                                        username=USER, project_name=PROJECT,
                                        region="RegionOne"), PASSWORD)
    try:
        assert session.endpoints.object_storage_url.startswith(swift_keystone.url)
        assert session.endpoints.object_storage_url.endswith(f"AUTH_{session.project_id}")
        result = run_upload(session.storage, UploadRequest(
            UploadSource(tmp_path / "disk.vmdk"), "chain", "disk.vmdk", segment_size=MIB))
        got = requests.get(session.storage.url("chain", "disk.vmdk"), timeout=60,
                           headers={"X-Auth-Token": session.tokens.token().value})
    finally:
        session.close()
    assert got.content == data
    assert result.location == f"/v1/AUTH_{session.project_id}/chain/disk.vmdk"
    assert result.sha1 == hashlib.sha1(data).hexdigest()


def test_swift_cli_sees_and_deletes_our_segments_like_its_own(swift: Any,
                                                             tmp_path: Path) -> None:
    """python-swiftclient's ``swift stat``/``delete`` follow our DLO to its segments."""
    import os
    import shutil
    import subprocess

    if not shutil.which("swift"):
        pytest.fail("python3-swiftclient's swift CLI is missing (see .ci/run)")
    make_file(tmp_path / "disk.vmdk", 3 * MIB)
    token, storage_url = swift.tempauth_token()
    http = HttpClient()
    storage = ObjectStorageClient(http, TokenProvider(static_token(token)), storage_url)
    run_upload(storage, UploadRequest(UploadSource(tmp_path / "disk.vmdk"), "interop",
                                      "disk.vmdk", segment_size=MIB))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OS_", "ST_"))}
    cli = ["swift", "--os-storage-url", storage_url, "--os-auth-token", token]
    stat = subprocess.run([*cli, "stat", "interop", "disk.vmdk"], capture_output=True,
                          text=True, env=env, check=False, timeout=60)
    assert stat.returncode == 0, stat.stderr
    assert "Manifest: interop_segments/disk.vmdk/" in stat.stdout
    assert "Content Length: 3145728" in stat.stdout
    deleted = subprocess.run([*cli, "delete", "interop", "disk.vmdk"], capture_output=True,
                             text=True, env=env, check=False, timeout=60)
    assert deleted.returncode == 0, deleted.stderr
    assert storage.list_objects("interop_segments") == []  # segments went with the manifest
    http.close()
