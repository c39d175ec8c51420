"""The sandbox's Swift: containers, objects, listings, limits, ranges and large objects."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from helpers.sandbox_cloud import MIB, Cloud, md5


@pytest.fixture
def container(cloud: Cloud) -> str:
    name = f"c-{uuid.uuid4().hex[:8]}"
    assert cloud.swift("PUT", f"/{name}").status_code == 201
    return name


def test_info_needs_no_token(cloud: Cloud) -> None:
    base = cloud.sb.object_storage_url.split("/v1/")[0]
    response = cloud.http.get(f"{base}/info", timeout=10)
    assert response.status_code == 200
    assert response.json() == {
        "swift": {"max_file_size": MIB, "container_listing_limit": 10000,
                  "version": "sandbox"},
        "slo": {"max_manifest_segments": 1000, "max_manifest_size": 8388608,
                "min_segment_size": 1},
    }


def test_every_answer_has_a_transaction_id(cloud: Cloud, container: str) -> None:
    for response in (cloud.swift("HEAD", f"/{container}"), cloud.swift("GET", "/nope/x"),
                     cloud.swift("GET", token="bad")):
        trans_id = response.headers["X-Trans-Id"]
        assert re.fullmatch(r"tx[0-9a-f]{21}-[0-9a-f]{10}", trans_id)
        assert response.headers["X-Openstack-Request-Id"] == trans_id


def test_401_without_or_with_a_bad_token(cloud: Cloud) -> None:
    assert cloud.http.get(cloud.url(), timeout=10).status_code == 401
    assert cloud.swift("GET", token="not-a-token").status_code == 401


def test_403_for_another_account(cloud: Cloud) -> None:
    other = cloud.sb.object_storage_url.replace(cloud.sb.project_id, "f" * 32)
    response = cloud.http.get(other, headers={"X-Auth-Token": cloud.token}, timeout=10)
    assert response.status_code == 403


def test_container_lifecycle(cloud: Cloud) -> None:
    name = f"life-{uuid.uuid4().hex[:8]}"
    assert cloud.swift("HEAD", f"/{name}").status_code == 404
    assert cloud.swift("GET", f"/{name}").status_code == 404
    assert cloud.swift("PUT", f"/{name}").status_code == 201
    assert cloud.swift("PUT", f"/{name}").status_code == 202
    head = cloud.swift("HEAD", f"/{name}")
    assert head.status_code == 204
    assert head.headers["X-Container-Object-Count"] == "0"
    assert head.headers["X-Container-Bytes-Used"] == "0"
    assert cloud.swift("PUT", f"/{name}/a", data=b"12345").status_code == 201
    head = cloud.swift("HEAD", f"/{name}")
    assert head.headers["X-Container-Object-Count"] == "1"
    assert head.headers["X-Container-Bytes-Used"] == "5"
    assert cloud.swift("DELETE", f"/{name}").status_code == 409
    assert cloud.swift("DELETE", f"/{name}/a").status_code == 204
    assert cloud.swift("DELETE", f"/{name}/a").status_code == 404
    assert cloud.swift("DELETE", f"/{name}").status_code == 204
    assert cloud.swift("DELETE", f"/{name}").status_code == 404


def test_container_name_longer_than_256_bytes_is_400(cloud: Cloud) -> None:
    assert cloud.swift("PUT", "/" + "c" * 257).status_code == 400
    assert cloud.swift("PUT", "/" + "c" * 256).status_code == 201


def test_account_head_and_listing(cloud: Cloud, container: str) -> None:
    cloud.swift("PUT", f"/{container}/x", data=b"abc")
    head = cloud.swift("HEAD")
    assert head.status_code == 204
    assert int(head.headers["X-Account-Container-Count"]) >= 1
    assert int(head.headers["X-Account-Bytes-Used"]) >= 3
    rows = cloud.swift("GET", params={"format": "json", "prefix": container}).json()
    assert rows == [{"name": container, "count": 1, "bytes": 3}]
    text = cloud.swift("GET", params={"prefix": container})
    assert text.text == container + "\n"
    assert text.headers["Content-Type"].startswith("text/plain")


def test_object_roundtrip(cloud: Cloud, container: str) -> None:
    data = bytes(range(256)) * 40
    put = cloud.swift("PUT", f"/{container}/dir/sub/disk.vmdk", data=data,
                      headers={"Content-Type": "application/x-vmdk"})
    assert put.status_code == 201
    assert put.headers["ETag"] == md5(data)
    get = cloud.swift("GET", f"/{container}/dir/sub/disk.vmdk")
    assert get.status_code == 200
    assert get.content == data
    assert get.headers["ETag"] == md5(data)
    assert get.headers["Content-Type"] == "application/x-vmdk"
    head = cloud.swift("HEAD", f"/{container}/dir/sub/disk.vmdk")
    assert head.status_code == 200
    assert head.headers["Content-Length"] == str(len(data))
    assert head.headers["ETag"] == md5(data)
    assert re.fullmatch(r"\d{10}\.\d{5}", head.headers["X-Timestamp"])
    assert head.headers["Last-Modified"].endswith(" GMT")
    assert "X-Static-Large-Object" not in head.headers
    assert "X-Object-Manifest" not in head.headers


def test_names_differing_only_in_case_or_with_unicode_stay_apart(cloud: Cloud,
                                                                  container: str) -> None:
    names = ["Disk.vmdk", "disk.vmdk", "ディスク/ü.vmdk", "a b+c?.vmdk", "x" * 1024]
    for i, name in enumerate(names):
        path = f"/{container}/{quote(name)}"
        assert cloud.swift("PUT", path, data=bytes([i]) * 3).status_code == 201
    for i, name in enumerate(names):
        assert cloud.swift("GET", f"/{container}/{quote(name)}").content == bytes([i]) * 3
    assert cloud.swift("PUT", f"/{container}/{'x' * 1025}", data=b"").status_code == 400
    listed = [row["name"] for row in cloud.swift("GET", f"/{container}",
                                                 params={"format": "json"}).json()]
    assert listed == sorted(names, key=lambda n: n.encode())


def test_chunked_upload(cloud: Cloud, container: str) -> None:
    pieces = [b"a" * 1000, b"b" * 70000, b"c"]

    def body() -> Iterator[bytes]:
        yield from pieces

    put = cloud.swift("PUT", f"/{container}/chunked", data=body())
    assert put.status_code == 201
    assert put.headers["ETag"] == md5(b"".join(pieces))
    assert cloud.swift("GET", f"/{container}/chunked").content == b"".join(pieces)


def test_etag_mismatch_is_422_and_stores_nothing(cloud: Cloud, container: str) -> None:
    bad = cloud.swift("PUT", f"/{container}/o", data=b"data", headers={"ETag": md5(b"other")})
    assert bad.status_code == 422
    assert cloud.swift("HEAD", f"/{container}/o").status_code == 404
    good = cloud.swift("PUT", f"/{container}/o", data=b"data",
                       headers={"ETag": f'"{md5(b"data")}"'})
    assert good.status_code == 201


def test_413_above_max_file_size_by_content_length(cloud: Cloud, container: str) -> None:
    assert cloud.swift("PUT", f"/{container}/max", data=b"x" * MIB).status_code == 201
    too_big = cloud.swift("PUT", f"/{container}/big", data=b"x" * (MIB + 1))
    assert too_big.status_code == 413
    assert cloud.swift("HEAD", f"/{container}/big").status_code == 404
    # The connection stays usable: the body was read before the answer.
    assert cloud.swift("HEAD", f"/{container}/max").status_code == 200


def test_413_above_max_file_size_when_chunked(cloud: Cloud, container: str) -> None:
    def body() -> Iterator[bytes]:
        for _ in range(5):
            yield b"y" * (MIB // 4 + 1)

    assert cloud.swift("PUT", f"/{container}/big", data=body()).status_code == 413
    assert cloud.swift("HEAD", f"/{container}/big").status_code == 404


def test_put_into_a_missing_container_is_404(cloud: Cloud) -> None:
    assert cloud.swift("PUT", "/no-such-container/o", data=b"x").status_code == 404


@pytest.mark.parametrize(("header", "status", "expected"), [
    ("bytes=2-5", 206, b"2345"),
    ("bytes=7-", 206, b"789"),
    ("bytes=-3", 206, b"789"),
    ("bytes=8-100", 206, b"89"),
    ("bytes=5-2", 200, b"0123456789"),  # invalid: ignored
    ("bytes=10-", 416, None),
])
def test_range_get(cloud: Cloud, container: str, header: str, status: int,
                   expected: bytes | None) -> None:
    cloud.swift("PUT", f"/{container}/digits", data=b"0123456789")
    response = cloud.swift("GET", f"/{container}/digits", headers={"Range": header})
    assert response.status_code == status
    if expected is not None:
        assert response.content == expected
    if status == 206:
        first = int(header[6:].split("-")[0] or 10 - len(expected or b""))
        assert response.headers["Content-Range"] == (
            f"bytes {first}-{first + len(expected or b'') - 1}/10")
    if status == 416:
        assert response.headers["Content-Range"] == "bytes */10"


def test_container_listing_prefix_marker_limit_delimiter(cloud: Cloud, container: str) -> None:
    names = ["a/1", "a/2", "b", "c/x/1", "c/y", "d"]
    for name in names:
        cloud.swift("PUT", f"/{container}/{name}", data=name.encode())

    def listing(**params: str) -> list[str]:
        response = cloud.swift("GET", f"/{container}", params=params)
        return response.text.splitlines() if response.status_code == 200 else []

    assert listing() == names
    assert listing(prefix="c/") == ["c/x/1", "c/y"]
    assert listing(marker="b") == ["c/x/1", "c/y", "d"]
    assert listing(limit="2") == ["a/1", "a/2"]
    assert listing(marker="a/2", limit="2") == ["b", "c/x/1"]
    assert listing(end_marker="c") == ["a/1", "a/2", "b"]
    assert listing(delimiter="/") == ["a/", "b", "c/", "d"]
    assert listing(delimiter="/", prefix="c/") == ["c/x/", "c/y"]
    assert listing(prefix="zzz") == []
    assert cloud.swift("GET", f"/{container}", params={"prefix": "zzz"}).status_code == 204
    rows = cloud.swift("GET", f"/{container}", params={"format": "json", "prefix": "a/"}).json()
    assert [set(r) for r in rows] == [{"name", "bytes", "hash", "last_modified",
                                       "content_type"}] * 2
    assert rows[0]["hash"] == md5(b"a/1")
    assert rows[0]["bytes"] == 3
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}", rows[0]["last_modified"])
    subdirs = cloud.swift("GET", f"/{container}",
                          params={"format": "json", "delimiter": "/"}).json()
    assert {"subdir": "a/"} in subdirs
    assert cloud.swift("GET", f"/{container}", params={"limit": "10001"}).status_code == 412


def test_dynamic_large_object(cloud: Cloud, container: str) -> None:
    segments = [b"first-" * 100, b"second-" * 50, b"third"]
    for i, data in enumerate(segments):
        cloud.swift("PUT", f"/{container}/disk.vmdk/{i:04d}", data=data)
    put = cloud.swift("PUT", f"/{container}/disk.vmdk", data=b"",
                      headers={"X-Object-Manifest": f"{container}/disk.vmdk/"})
    assert put.status_code == 201
    whole = b"".join(segments)
    expected_etag = '"' + md5("".join(md5(s) for s in segments).encode()) + '"'
    head = cloud.swift("HEAD", f"/{container}/disk.vmdk")
    assert head.headers["Content-Length"] == str(len(whole))
    assert head.headers["ETag"] == expected_etag
    assert head.headers["X-Object-Manifest"] == f"{container}/disk.vmdk/"
    get = cloud.swift("GET", f"/{container}/disk.vmdk")
    assert get.content == whole
    assert get.headers["ETag"] == expected_etag
    ranged = cloud.swift("GET", f"/{container}/disk.vmdk",
                         headers={"Range": f"bytes={len(segments[0]) - 2}-{len(segments[0]) + 1}"})
    assert ranged.status_code == 206
    assert ranged.content == whole[len(segments[0]) - 2: len(segments[0]) + 2]


def test_static_large_object(cloud: Cloud, container: str) -> None:
    segments = [b"A" * 3000, b"B" * 2000, b"C" * 10]
    seg_container = f"{container}-seg"
    cloud.swift("PUT", f"/{seg_container}")
    for i, data in enumerate(segments):
        cloud.swift("PUT", f"/{seg_container}/part{i}", data=data)
    manifest = [{"path": f"/{seg_container}/part{i}", "etag": md5(data), "size_bytes": len(data)}
                for i, data in enumerate(segments)]
    manifest[2]["etag"] = None  # optional checks may be left out
    put = cloud.swift("PUT", f"/{container}/disk.vmdk", params={"multipart-manifest": "put"},
                      data=json.dumps(manifest))
    assert put.status_code == 201, put.text
    whole = b"".join(segments)
    expected_etag = '"' + md5("".join(md5(s) for s in segments).encode()) + '"'
    assert put.headers["ETag"] == expected_etag
    head = cloud.swift("HEAD", f"/{container}/disk.vmdk")
    assert head.headers["X-Static-Large-Object"] == "True"
    assert head.headers["Content-Length"] == str(len(whole))
    assert head.headers["ETag"] == expected_etag
    get = cloud.swift("GET", f"/{container}/disk.vmdk")
    assert get.content == whole
    ranged = cloud.swift("GET", f"/{container}/disk.vmdk", headers={"Range": "bytes=-2012"})
    assert ranged.content == whole[-2012:]
    stored = cloud.swift("GET", f"/{container}/disk.vmdk",
                         params={"multipart-manifest": "get"}).json()
    assert [(s["name"], s["bytes"], s["hash"]) for s in stored] == [
        (f"/{seg_container}/part{i}", len(d), md5(d)) for i, d in enumerate(segments)]
    row = cloud.swift("GET", f"/{container}", params={"format": "json"}).json()[0]
    assert row["bytes"] == len(whole)

    # multipart-manifest=delete removes the segments too.
    deleted = cloud.swift("DELETE", f"/{container}/disk.vmdk",
                          params={"multipart-manifest": "delete"},
                          headers={"Accept": "application/json"})
    assert deleted.status_code == 200
    assert deleted.json()["Number Deleted"] == 4
    assert cloud.swift("HEAD", f"/{container}/disk.vmdk").status_code == 404
    assert cloud.swift("GET", f"/{seg_container}").status_code == 204  # empty now


@pytest.mark.parametrize(("change", "reason"), [
    ({"etag": "0" * 32}, "Etag Mismatch"),
    ({"size_bytes": 1}, "Size Mismatch"),
    ({"path": "/nowhere/part"}, "404 Not Found"),
    ({"path": "no-slash"}, "/container/object"),
])
def test_slo_with_a_wrong_segment_is_400(cloud: Cloud, container: str,
                                         change: dict[str, object], reason: str) -> None:
    cloud.swift("PUT", f"/{container}/part", data=b"12345")
    manifest = [{"path": f"/{container}/part", "etag": md5(b"12345"), "size_bytes": 5, **change}]
    put = cloud.swift("PUT", f"/{container}/slo", params={"multipart-manifest": "put"},
                      data=json.dumps(manifest))
    assert put.status_code == 400
    assert reason in put.text
    assert cloud.swift("HEAD", f"/{container}/slo").status_code == 404


def test_slo_manifest_that_is_not_json_is_400(cloud: Cloud, container: str) -> None:
    put = cloud.swift("PUT", f"/{container}/slo", params={"multipart-manifest": "put"},
                      data=b"{not json")
    assert put.status_code == 400
    empty = cloud.swift("PUT", f"/{container}/slo", params={"multipart-manifest": "put"},
                        data=b"[]")
    assert empty.status_code == 400
