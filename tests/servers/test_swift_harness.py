"""The Swift harness and the fault proxy against a real Swift, with raw HTTP as the uploader uses.

These pin down what Debian's Swift 2.30 answers for what the uploader does (token, container,
object, 413 above max_file_size, SLO and DLO manifests, Keystone tokens), and that the fault
proxy really breaks an upload in the middle of its body while leaving the next one intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from servers.faultproxy import FaultProxy
from servers.fixtures import CONTRACT, PASSWORD, PROJECT, USER
from servers.keystone import KeystoneServer
from servers.swift import SwiftServer

pytestmark = pytest.mark.realserver

MIB = 1024 * 1024


@pytest.fixture
def account(swift: SwiftServer) -> tuple[str, dict[str, str]]:
    """(storage URL, auth headers) from a fresh tempauth token."""
    token, storage_url = swift.tempauth_token()
    return storage_url, {"X-Auth-Token": token}


@pytest.fixture
def container(account: tuple[str, dict[str, str]]) -> str:
    """A new, empty container (its URL): the Swift instance is shared by the whole session."""
    storage_url, headers = account
    url = f"{storage_url}/c-{uuid.uuid4().hex[:12]}"
    response = requests.put(url, headers=headers, timeout=30)
    assert response.status_code == 201, response.text
    return url


def _put(url: str, headers: dict[str, str], body: bytes, **extra: str) -> requests.Response:
    response = requests.put(url, headers={**headers, **extra}, data=body, timeout=60)
    assert response.status_code == 201, (url, response.status_code, response.text)
    return response


def test_tempauth_token_container_and_small_object(
    swift: SwiftServer, account: tuple[str, dict[str, str]], container: str
) -> None:
    storage_url, headers = account
    assert storage_url == swift.storage_url == f"{swift.url}/v1/AUTH_test"
    assert headers["X-Auth-Token"].startswith("AUTH_tk")

    body = b"hello swift\n"
    put = _put(f"{container}/small.txt", headers, body)
    assert put.headers["Etag"] == hashlib.md5(body).hexdigest()
    get = requests.get(f"{container}/small.txt", headers=headers, timeout=30)
    assert get.status_code == 200
    assert get.content == body
    listing = requests.get(container, headers=headers, params={"format": "json"}, timeout=30)
    assert [entry["name"] for entry in listing.json()] == ["small.txt"]

    anonymous = requests.get(f"{container}/small.txt", timeout=30)
    assert anonymous.status_code == 401


def test_object_puts_are_counted_by_the_server(
    swift: SwiftServer, account: tuple[str, dict[str, str]], container: str
) -> None:
    _, headers = account
    path = container.split(swift.url, 1)[1]
    before = len(swift.object_puts())
    etag = _put(f"{container}/seg/0", headers, b"a" * 10).headers["Etag"]
    _put(f"{container}/name with space", headers, b"b")
    segment = f"/{container.rsplit('/', 1)[1]}/seg/0"  # SLO paths are /container/object
    manifest = json.dumps([{"path": segment, "etag": etag, "size_bytes": 10}])
    _put(f"{container}/slo?multipart-manifest=put", headers, manifest.encode())
    requests.head(f"{container}/slo", headers=headers, timeout=30)  # not a PUT
    assert swift.object_puts()[before:] == [
        f"{path}/seg/0",
        f"{path}/name%20with%20space",
        f"{path}/slo",  # the manifest; the SLO middleware's own segment HEADs don't count
    ]


def test_put_over_max_file_size_is_413(
    swift: SwiftServer, account: tuple[str, dict[str, str]], container: str
) -> None:
    _, headers = account
    assert swift.max_file_size == 2 * MIB
    _put(f"{container}/at-limit", headers, os.urandom(swift.max_file_size))
    over = requests.put(
        f"{container}/over-limit",
        headers=headers,
        data=os.urandom(swift.max_file_size + 1),
        timeout=60,
    )
    assert over.status_code == 413, over.text
    missing = requests.head(f"{container}/over-limit", headers=headers, timeout=30)
    assert missing.status_code == 404


def test_slo_of_three_segments_reads_back_identical(
    swift: SwiftServer, account: tuple[str, dict[str, str]], container: str
) -> None:
    _, headers = account
    segments = [os.urandom(MIB), os.urandom(MIB), os.urandom(MIB // 2 + 7)]
    assert sum(map(len, segments)) > swift.max_file_size  # only possible as a manifest
    manifest = []
    for number, segment in enumerate(segments):
        path = f"{container}/disk.vmdk.segments/{number:08d}"
        etag = _put(path, headers, segment).headers["Etag"]
        manifest.append(
            {"path": path.split("/v1/AUTH_test", 1)[1], "etag": etag, "size_bytes": len(segment)}
        )

    response = requests.put(
        f"{container}/disk.vmdk",
        headers=headers,
        params={"multipart-manifest": "put"},
        data=json.dumps(manifest),
        timeout=60,
    )
    assert response.status_code == 201, response.text

    whole = b"".join(segments)
    get = requests.get(f"{container}/disk.vmdk", headers=headers, timeout=60)
    assert get.status_code == 200
    assert get.headers["X-Static-Large-Object"] == "True"
    assert int(get.headers["Content-Length"]) == len(whole)
    assert get.content == whole
    ranged = requests.get(
        f"{container}/disk.vmdk",
        headers={**headers, "Range": f"bytes={MIB - 10}-{MIB + 9}"},
        timeout=30,
    )
    assert ranged.status_code == 206
    assert ranged.content == whole[MIB - 10 : MIB + 10]


def test_dlo_manifest_reads_back_identical(
    account: tuple[str, dict[str, str]], container: str
) -> None:
    _, headers = account
    segments = [os.urandom(700_000), os.urandom(700_000), os.urandom(12345)]
    for number, segment in enumerate(segments):
        _put(f"{container}/dlo/disk/{number:08d}", headers, segment)
    container_name = container.rsplit("/", 1)[1]
    manifest = {"X-Object-Manifest": f"{container_name}/dlo/disk/"}
    _put(f"{container}/disk.dlo", headers, b"", **manifest)

    get = requests.get(f"{container}/disk.dlo", headers=headers, timeout=60)
    assert get.status_code == 200
    assert get.headers["X-Object-Manifest"] == f"{container_name}/dlo/disk/"
    assert get.content == b"".join(segments)


def test_info_lists_slo_and_max_file_size(swift: SwiftServer) -> None:
    info = requests.get(f"{swift.url}/info", timeout=30).json()
    assert info["swift"]["max_file_size"] == swift.max_file_size
    assert "slo" in info
    assert info["slo"]["max_manifest_segments"] >= 1000
    assert {"tempauth", "tempurl", "bulk_delete"} <= info.keys()


# --- Keystone mode ------------------------------------------------------------------------------


def _alice_token(keystone: KeystoneServer) -> requests.Response:
    body = {
        "auth": {
            "identity": {
                "methods": ["password"],
                "password": {
                    "user": {"name": USER, "domain": {"name": CONTRACT}, "password": PASSWORD}
                },
            },
            "scope": {"project": {"name": PROJECT, "domain": {"name": CONTRACT}}},
        }
    }
    response = requests.post(f"{keystone.url}/auth/tokens", json=body, timeout=30)
    assert response.status_code == 201, response.text
    return response


def test_keystone_token_is_accepted_on_the_project_account(
    swift_keystone: SwiftServer, keystone: KeystoneServer, contract: dict[str, str]
) -> None:
    headers = {"X-Auth-Token": _alice_token(keystone).headers["X-Subject-Token"]}
    account_url = f"{swift_keystone.url}/v1/AUTH_{contract['project_id']}"

    assert requests.put(f"{account_url}/images", headers=headers, timeout=30).status_code == 201
    body = os.urandom(4096)
    _put(f"{account_url}/images/disk.vmdk", headers, body)
    get = requests.get(f"{account_url}/images/disk.vmdk", headers=headers, timeout=30)
    assert get.status_code == 200
    assert get.content == body

    bogus = requests.head(account_url, headers={"X-Auth-Token": "not-a-token"}, timeout=30)
    assert bogus.status_code == 401
    # tempauth still works beside Keystone, on its own reseller prefix
    token, storage_url = swift_keystone.tempauth_token()
    assert storage_url == swift_keystone.storage_url == f"{swift_keystone.url}/v1/TEMPAUTH_test"
    assert requests.head(storage_url, headers={"X-Auth-Token": token}, timeout=30).ok
    foreign = requests.head(account_url, headers={"X-Auth-Token": token}, timeout=30)
    assert foreign.status_code == 403


def test_keystone_catalog_points_at_this_swift(
    swift_keystone: SwiftServer, keystone: KeystoneServer, contract: dict[str, str]
) -> None:
    catalog = _alice_token(keystone).json()["token"]["catalog"]
    urls = [
        endpoint["url"]
        for service in catalog
        if service["name"] == "objectstorage" and service["type"] == "object-store"
        for endpoint in service["endpoints"]
        if endpoint["interface"] == "public"
    ]
    assert urls == [f"{swift_keystone.url}/v1/AUTH_{contract['project_id']}"]


# --- fault proxy ----------------------------------------------------------------------------------


@pytest.fixture
def proxy(swift: SwiftServer) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", swift.ports["proxy"]) as fault_proxy:
        yield fault_proxy


def test_cut_mid_body_fails_then_identical_retry_succeeds(
    proxy: FaultProxy, account: tuple[str, dict[str, str]], container: str
) -> None:
    _, headers = account
    url = proxy.url_for(f"{container}/disk.part")
    body = os.urandom(MIB)
    with requests.Session() as session:
        # A kept-alive connection first: the cut must also hit a reused connection.
        assert session.head(proxy.url_for(container), headers=headers, timeout=30).ok
        proxy.cut_after(300_000)
        with pytest.raises(requests.ConnectionError):
            session.put(url, headers=headers, data=body, timeout=60)
        assert proxy.cuts_done == 1
        # Swift kept no half object (asked directly, not through the proxy)
        direct = requests.head(f"{container}/disk.part", headers=headers, timeout=30)
        assert direct.status_code == 404

        retry = session.put(url, headers=headers, data=body, timeout=60)
        assert retry.status_code == 201, retry.text
        get = session.get(url, headers=headers, timeout=60)
        assert get.status_code == 200
        assert get.content == body
    assert proxy.cuts_done == 1
    # 1: HEAD, then the cut PUT on the kept-alive connection; 2: the retry PUT and the GET.
    assert proxy.connections == 2


def test_cut_with_fin_and_several_times(
    proxy: FaultProxy, account: tuple[str, dict[str, str]], container: str
) -> None:
    _, headers = account
    url = proxy.url_for(f"{container}/fin.part")
    body = os.urandom(400_000)
    proxy.cut_after(100_000, times=2, reset=False)
    for _ in range(2):
        with pytest.raises(requests.ConnectionError):
            requests.put(url, headers=headers, data=body, timeout=60)
    _put(url, headers, body)
    assert proxy.cuts_done == 2
    assert proxy.connections == 3


def test_proxy_forwards_concurrent_connections(
    proxy: FaultProxy, account: tuple[str, dict[str, str]], container: str
) -> None:
    _, headers = account
    bodies = {f"{container}/parallel-{n}": os.urandom(300_000 + n) for n in range(6)}

    def round_trip(url: str) -> bytes:
        with requests.Session() as session:
            _put(proxy.url_for(url), headers, bodies[url])
            return session.get(proxy.url_for(url), headers=headers, timeout=60).content

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = dict(zip(bodies, pool.map(round_trip, bodies), strict=True))
    assert results == bodies
    assert proxy.connections == 12
    assert proxy.bytes_upstream > sum(map(len, bodies.values()))


def test_proxy_stop_leaves_no_threads_or_sockets(
    swift: SwiftServer, account: tuple[str, dict[str, str]]
) -> None:
    storage_url, headers = account
    threads_before = set(threading.enumerate())
    fds_before = _open_fds()
    proxy = FaultProxy("127.0.0.1", swift.ports["proxy"]).start()
    session = requests.Session()  # left open on purpose: stop() must cut kept-alive connections
    for _ in range(3):
        assert session.head(proxy.url_for(storage_url), headers=headers, timeout=30).ok
    assert len(set(threading.enumerate()) - threads_before) == 2  # accept + one connection
    proxy.stop()
    proxy.stop()  # idempotent
    session.close()
    assert set(threading.enumerate()) - threads_before == set()
    assert _open_fds() <= fds_before


def _open_fds() -> int:
    return len(list(Path("/proc/self/fd").iterdir()))
