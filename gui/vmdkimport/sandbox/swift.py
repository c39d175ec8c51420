"""Swift's HTTP API on the object-storage port, over :mod:`vmdkimport.sandbox.objectstore`.

Only what an image upload needs, but with Swift's own status codes, headers and listing rules,
because our uploader is tested against this: a segment upload that works here should work on K5.
"""

from __future__ import annotations

import json
import math
import re
import secrets
from email.utils import formatdate
from typing import Any, Final
from urllib.parse import unquote

from vmdkimport.sandbox.http import Exchange, HttpError
from vmdkimport.sandbox.objectstore import (
    CONTAINER_LISTING_LIMIT,
    SLO_MAX_MANIFEST_SIZE,
    SLO_MAX_SEGMENTS,
    SLO_MIN_SEGMENT_SIZE,
    ObjectMeta,
    ObjectStore,
    ObjectView,
    StoreError,
    filter_listing,
    listing_time,
    read_parts,
)
from vmdkimport.sandbox.state import SharedState

_HTML: Final = {
    400: ("Bad Request", "The request could not be understood."),
    401: ("Unauthorized", "This server could not verify that you are authorized to access the "
                          "document you requested."),
    403: ("Forbidden", "Access was denied to this resource."),
    404: ("Not Found", "The resource could not be found."),
    405: ("Method Not Allowed", "The method is not allowed for this resource."),
    409: ("Conflict", "There was a conflict when trying to complete your request."),
    411: ("Length Required", "Transfer-Encoding: chunked or a Content-Length is required."),
    412: ("Precondition Failed", "A precondition of the request failed."),
    413: ("Request Entity Too Large", "The body of your request was too large for this server."),
    416: ("Requested Range Not Satisfiable", "The Range requested is not available."),
    422: ("Unprocessable Entity", "Unable to process the contained instructions"),
    500: ("Internal Error", "The server has an internal error."),
}
_RANGE_RE: Final = re.compile(r"bytes=(\d*)-(\d*)")


def swift_error(status: int, text: str | None = None,
                headers: dict[str, str] | None = None) -> HttpError:
    """Swift's answer for a status: its short HTML page, or ``text`` as plain text."""
    if text is not None:
        return HttpError(status, text.encode(), "text/plain; charset=utf-8", headers)
    title, message = _HTML.get(status, ("Error", "The request failed."))
    body = f"<html><h1>{title}</h1><p>{message}</p></html>".encode()
    return HttpError(status, body, "text/html; charset=UTF-8", headers)


def http_date(timestamp: float) -> str:
    return formatdate(math.ceil(timestamp), usegmt=True)


def x_timestamp(timestamp: float) -> str:
    return f"{timestamp:016.5f}"


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The one range asked for as (first, last), None to send everything; 416 if unsatisfiable.

    Multi-range and malformed headers are ignored (the whole object is sent), as RFC 9110 allows.
    """
    if header is None:
        return None
    match = _RANGE_RE.fullmatch(header.strip())
    if not match or not (match[1] or match[2]):
        return None
    if match[1]:
        first = int(match[1])
        if match[2] and int(match[2]) < first:
            return None
        if first >= size:
            raise swift_error(416, headers={"Content-Range": f"bytes */{size}"})
        last = int(match[2]) if match[2] else size - 1
        return first, min(last, size - 1)
    suffix = int(match[2])
    if suffix == 0 or size == 0:
        raise swift_error(416, headers={"Content-Range": f"bytes */{size}"})
    return max(0, size - suffix), size - 1


class SwiftService:
    """``/info`` and ``/v1/AUTH_<project_id>/...`` on the object-storage port."""

    name = "object-storage"

    def __init__(self, state: SharedState, store: ObjectStore) -> None:
        self.state = state
        self.store = store

    def request_id_headers(self) -> dict[str, str]:
        stamp = int(self.state.config.clock.time())
        trans_id = f"tx{secrets.token_hex(11)[:21]}-{stamp:010x}"
        return {"X-Trans-Id": trans_id, "X-Openstack-Request-Id": trans_id}

    def internal_error(self, exchange: Exchange) -> None:
        err = swift_error(500)
        exchange.send(err.status, err.body, content_type=err.content_type)

    # --- routing -------------------------------------------------------------------------------

    def handle(self, ex: Exchange) -> None:
        if ex.apply_fault(self.name):
            return
        if ex.path == "/info":
            self._allow(ex, "GET", "HEAD")
            self._info(ex)
            return
        if not ex.path.startswith("/v1/"):
            raise swift_error(404)
        try:
            path = unquote(ex.path[len("/v1/"):], errors="strict")
        except UnicodeDecodeError:
            raise swift_error(412, "Invalid UTF8 or contains NULL") from None
        if "\x00" in path:
            raise swift_error(412, "Invalid UTF8 or contains NULL")
        account, _, rest = path.partition("/")
        container, _, obj = rest.partition("/")
        self._authorize(ex, account)
        try:
            if not container:
                self._allow(ex, "GET", "HEAD")
                self._account(ex)
            elif not obj:
                self._allow(ex, "GET", "HEAD", "PUT", "DELETE")
                self._container(ex, container)
            else:
                self._allow(ex, "GET", "HEAD", "PUT", "DELETE")
                self._object(ex, container, obj)
        except StoreError as exc:
            raise swift_error(exc.status, exc.reason or None) from None

    @staticmethod
    def _allow(ex: Exchange, *methods: str) -> None:
        if ex.method not in methods:
            raise swift_error(405, headers={"Allow": ", ".join(methods)})

    def _authorize(self, ex: Exchange, account: str) -> None:
        value = ex.headers.get("X-Auth-Token") or ex.headers.get("X-Storage-Token")
        token = self.state.directory.validate(value)
        if token is None:
            raise swift_error(401, headers={"WWW-Authenticate": f'Swift realm="{account}"'})
        if token.project_id is None or account != f"AUTH_{token.project_id}":
            raise swift_error(403)

    def _info(self, ex: Exchange) -> None:
        ex.send_json(200, {
            "swift": {"max_file_size": self.state.config.max_file_size,
                      "container_listing_limit": CONTAINER_LISTING_LIMIT,
                      "version": "sandbox"},
            "slo": {"max_manifest_segments": SLO_MAX_SEGMENTS,
                    "max_manifest_size": SLO_MAX_MANIFEST_SIZE,
                    "min_segment_size": SLO_MIN_SEGMENT_SIZE},
        })

    # --- listings ------------------------------------------------------------------------------

    def _listing_args(self, ex: Exchange) -> dict[str, Any]:
        raw_limit = ex.arg("limit")
        limit = CONTAINER_LISTING_LIMIT
        if raw_limit is not None:
            if not raw_limit.isdigit():
                raise swift_error(412, "Value of limit must be a positive integer")
            limit = int(raw_limit)
            if limit > CONTAINER_LISTING_LIMIT:
                raise swift_error(412, f"Maximum limit is {CONTAINER_LISTING_LIMIT}")
        return {"prefix": ex.arg("prefix") or "", "marker": ex.arg("marker") or "",
                "end_marker": ex.arg("end_marker") or "",
                "delimiter": ex.arg("delimiter") or "", "limit": limit}

    @staticmethod
    def _wants_json(ex: Exchange) -> bool:
        fmt = (ex.arg("format") or "").lower()
        if fmt:
            return fmt == "json"
        return "application/json" in (ex.headers.get("Accept") or "")

    def _send_listing(self, ex: Exchange, rows: list[dict[str, Any]], names: list[str],
                      headers: dict[str, str]) -> None:
        if ex.method == "HEAD":
            ex.send(204, headers=headers)
        elif self._wants_json(ex):
            body = json.dumps(rows, ensure_ascii=False).encode()
            ex.send(200, body, content_type="application/json; charset=utf-8", headers=headers)
        elif names:
            body = "".join(n + "\n" for n in names).encode()
            ex.send(200, body, content_type="text/plain; charset=utf-8", headers=headers)
        else:
            ex.send(204, headers=headers)

    def _account(self, ex: Exchange) -> None:
        containers = self.store.containers()
        headers = {
            "X-Account-Container-Count": str(len(containers)),
            "X-Account-Object-Count": str(sum(c.count for c in containers)),
            "X-Account-Bytes-Used": str(sum(c.bytes_used for c in containers)),
            "X-Timestamp": x_timestamp(min((c.created for c in containers), default=0.0)),
        }
        if ex.method == "HEAD":
            ex.send(204, headers=headers)
            return
        by_name = {c.name: c for c in containers}
        chosen = filter_listing(list(by_name), **self._listing_args(ex))
        rows: list[dict[str, Any]] = []
        for name, is_subdir in chosen:
            if is_subdir:
                rows.append({"subdir": name})
            else:
                c = by_name[name]
                rows.append({"name": name, "count": c.count, "bytes": c.bytes_used})
        self._send_listing(ex, rows, [n for n, _ in chosen], headers)

    def _container(self, ex: Exchange, name: str) -> None:
        if ex.method == "PUT":
            created = self.store.create_container(name)
            ex.send(201 if created else 202, content_type="text/html; charset=UTF-8")
            return
        if ex.method == "DELETE":
            self.store.delete_container(name)
            ex.send(204)
            return
        objects = self.store.objects(name)  # 404 when there is no such container
        container = self.store.container(name)
        if container is None:
            raise swift_error(404)
        headers = {
            "X-Container-Object-Count": str(container.count),
            "X-Container-Bytes-Used": str(container.bytes_used),
            "X-Timestamp": x_timestamp(container.created),
        }
        if ex.method == "HEAD":
            ex.send(204, headers=headers)
            return
        by_name = {m.name: m for m in objects}
        chosen = filter_listing(list(by_name), **self._listing_args(ex))
        rows: list[dict[str, Any]] = []
        for obj_name, is_subdir in chosen:
            if is_subdir:
                rows.append({"subdir": obj_name})
                continue
            meta = by_name[obj_name]
            slo = meta.kind == "slo"
            rows.append({
                "name": obj_name,
                "bytes": meta.slo_bytes if slo else meta.bytes,
                "hash": meta.slo_etag if slo else meta.etag,
                "last_modified": listing_time(meta.timestamp),
                "content_type": meta.content_type,
            })
        self._send_listing(ex, rows, [n for n, _ in chosen], headers)

    # --- objects -------------------------------------------------------------------------------

    def _object(self, ex: Exchange, container: str, name: str) -> None:
        if ex.method == "PUT":
            self._put(ex, container, name)
        elif ex.method == "DELETE":
            self._delete(ex, container, name)
        else:
            self._get(ex, container, name)

    def _put(self, ex: Exchange, container: str, name: str) -> None:
        if self.store.container(container) is None:
            raise swift_error(404)
        content_type = ex.headers.get("Content-Type") or "application/octet-stream"
        expected = ex.headers.get("ETag")
        # Swift keeps X-Object-Meta-* headers with the object and returns them on HEAD/GET.
        user_meta = {k.title(): v for k, v in ex.headers.items()
                     if k.lower().startswith("x-object-meta-")}
        if ex.arg("multipart-manifest") == "put":
            raw = ex.body.read_all(SLO_MAX_MANIFEST_SIZE)
            if raw is None:
                raise swift_error(413, f"Manifest File > {SLO_MAX_MANIFEST_SIZE} bytes")
            try:
                manifest = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                raise swift_error(400, "Manifest must be valid JSON.\n") from None
            meta = self.store.put_slo(container, name, manifest, content_type=content_type,
                                      expected_etag=expected, user_meta=user_meta)
            ex.send(201, headers={"ETag": f'"{meta.slo_etag}"',
                                  "Last-Modified": http_date(meta.timestamp)},
                    content_type="text/html; charset=UTF-8")
            return
        if not ex.body.declared:
            raise swift_error(411)
        max_size = self.state.config.max_file_size
        if ex.body.length is not None and ex.body.length > max_size:
            raise swift_error(413)
        manifest_header = ex.headers.get("X-Object-Manifest")
        if manifest_header is not None:
            seg_container, _, _prefix = unquote(manifest_header).partition("/")
            if not seg_container or "/" not in manifest_header:
                raise swift_error(400, "X-Object-Manifest must be in the format "
                                       "container/prefix")
        meta = self.store.put_object(container, name, ex.body, max_size=max_size,
                                     content_type=content_type, expected_etag=expected,
                                     manifest=manifest_header, user_meta=user_meta)
        ex.send(201, headers={"ETag": meta.etag, "Last-Modified": http_date(meta.timestamp)},
                content_type="text/html; charset=UTF-8")

    def _delete(self, ex: Exchange, container: str, name: str) -> None:
        meta = self.store.meta(container, name)
        if meta is None:
            raise swift_error(404)
        if ex.arg("multipart-manifest") != "delete" or meta.kind != "slo":
            self.store.delete_object(container, name)
            ex.send(204)
            return
        deleted = not_found = 0
        for segment in meta.slo or []:
            seg_container, _, seg_name = segment["name"][1:].partition("/")
            try:
                self.store.delete_object(seg_container, seg_name)
                deleted += 1
            except StoreError:
                not_found += 1
        self.store.delete_object(container, name)
        deleted += 1
        summary = {"Number Deleted": deleted, "Number Not Found": not_found,
                   "Response Status": "200 OK", "Response Body": "", "Errors": []}
        if "application/json" in (ex.headers.get("Accept") or ""):
            ex.send_json(200, summary)
        else:
            text = "".join(f"{k}: {v}\n" for k, v in summary.items() if k != "Errors")
            ex.send(200, text.encode(), content_type="text/plain; charset=utf-8")

    def _get(self, ex: Exchange, container: str, name: str) -> None:
        meta = self.store.meta(container, name)
        if meta is None:
            raise swift_error(404)
        if ex.arg("multipart-manifest") == "get" and meta.kind != "plain":
            stored = self.store.stored(container, name)
            if stored is None:
                raise swift_error(404)
            meta, path = stored
            body = path.read_bytes()  # a manifest is small (at most 8 MiB)
            headers = self._object_headers(meta, meta.etag)
            content_type = ("application/json; charset=utf-8" if meta.kind == "slo"
                            else meta.content_type)
            ex.send(200, body, content_type=content_type, headers=headers)
            return
        view = self.store.view(container, name)
        if view is None:
            raise swift_error(404)
        self._send_view(ex, view)

    def _object_headers(self, meta: ObjectMeta, etag: str) -> dict[str, str]:
        headers = {"ETag": etag, "Last-Modified": http_date(meta.timestamp),
                   "X-Timestamp": x_timestamp(meta.timestamp), "Accept-Ranges": "bytes"}
        if meta.kind == "dlo" and meta.manifest is not None:
            headers["X-Object-Manifest"] = meta.manifest
        if meta.kind == "slo":
            headers["X-Static-Large-Object"] = "True"
        headers.update(meta.user_meta)
        return headers

    def _send_view(self, ex: Exchange, view: ObjectView) -> None:
        headers = self._object_headers(view.meta, view.etag)
        wanted = parse_range(ex.headers.get("Range"), view.size)
        if wanted is None:
            ex.stream(200, read_parts(view.parts), length=view.size,
                      content_type=view.meta.content_type, headers=headers)
            return
        first, last = wanted
        headers["Content-Range"] = f"bytes {first}-{last}/{view.size}"
        ex.stream(206, read_parts(view.parts, first, last), length=last - first + 1,
                  content_type=view.meta.content_type, headers=headers)
