"""Object storage (Swift API) basics: containers, object metadata, small single PUTs.

The segmented, resumable uploader for multi-GB disks builds on this client in its own module;
here are the calls the wizard needs to browse and check the destination.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any
from urllib.parse import quote, urlsplit

from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.service import ServiceClient, TokenSource
from vmdkimport.core.errors import ApiError, ConfigError, VmdkImportError
from vmdkimport.core.rules import Field, container_error
from vmdkimport.core.text import Text

#: K5's documented single-PUT limit when the server does not publish /info
DEFAULT_MAX_FILE_SIZE = 5 * 1024**3
_PAGE = 10000


@dataclass(frozen=True)
class ContainerInfo:
    name: str
    count: int
    bytes: int


@dataclass(frozen=True)
class ObjectInfo:
    """What HEAD or a listing says about an object."""

    name: str
    size: int
    etag: str  # without quotes; for a manifest, Swift's MD5 of the segments' ETags
    last_modified: str | None = None
    content_type: str | None = None
    dlo_prefix: str | None = None  # X-Object-Manifest: "<container>/<prefix>"
    is_slo: bool = False
    meta: Mapping[str, str] = field(default_factory=dict)  # x-object-meta-* (lower-case keys)

    @property
    def is_manifest(self) -> bool:
        return self.dlo_prefix is not None or self.is_slo


class ObjectStorageClient(ServiceClient):
    """Swift API at ``{storage_url}`` (``.../v1/AUTH_<project_id>``)."""

    service = "object-storage"

    def __init__(self, http: HttpClient, tokens: TokenSource, storage_url: str) -> None:
        super().__init__(http, tokens)
        self.storage_url = storage_url.rstrip("/")

    # --- addresses ---------------------------------------------------------------------------
    @property
    def account_path(self) -> str:
        """``/v1/AUTH_<project>``: the first part of a register ``location``."""
        return urlsplit(self.storage_url).path

    def url(self, container: str, obj: str | None = None) -> str:
        out = f"{self.storage_url}/{quote(container, safe='')}"
        return out if obj is None else f"{out}/{quote(obj, safe='/')}"

    # --- cluster ----------------------------------------------------------------------------
    def info(self) -> Mapping[str, Any]:
        """``GET /info`` (capabilities), or {} when the cluster does not publish it."""
        parts = urlsplit(self.storage_url)
        try:
            response = self.http.request("GET", f"{parts.scheme}://{parts.netloc}/info",
                                         service=self.service)
            data = response.json()
        except (ApiError, ValueError):
            return {}
        return data if isinstance(data, Mapping) else {}

    def max_file_size(self) -> int:
        swift = self.info().get("swift")
        if isinstance(swift, Mapping):
            value = swift.get("max_file_size")
            if isinstance(value, int) and value > 0:
                return value
        return DEFAULT_MAX_FILE_SIZE

    # --- containers -------------------------------------------------------------------------
    def list_containers(self, prefix: str | None = None) -> list[ContainerInfo]:
        return [ContainerInfo(str(i["name"]), int(i.get("count", 0)), int(i.get("bytes", 0)))
                for i in self._listing(self.storage_url, prefix)]

    def create_container(self, name: str) -> bool:
        """Create ``name``; True if it was new. Names are checked by our location rule first."""
        error = container_error(name)
        if error:
            raise ConfigError(error, Text("Choose another container name."), Field.CONTAINER)
        response = self.call("PUT", self.url(name), data=b"")
        return response.status_code == 201

    def container_exists(self, name: str) -> bool:
        return self.call("HEAD", self.url(name), ok=(404,)).status_code != 404

    def list_objects(self, container: str, prefix: str | None = None) -> list[ObjectInfo]:
        return [ObjectInfo(name=str(i["name"]), size=int(i.get("bytes", 0)),
                           etag=str(i.get("hash", "")).strip('"'),
                           last_modified=i.get("last_modified"),
                           content_type=i.get("content_type"))
                for i in self._listing(self.url(container), prefix)]

    def _listing(self, url: str, prefix: str | None) -> Iterator[Mapping[str, Any]]:
        marker = ""
        while True:
            params = {"format": "json", "limit": _PAGE, "marker": marker}
            if prefix:
                params["prefix"] = prefix
            response = self.call("GET", url, params=params, headers={"Accept": "application/json"})
            if response.status_code == 204 or not response.content:
                return
            try:
                page = response.json()
            except ValueError:
                raise VmdkImportError(
                    Text("Object storage sent a listing this tool cannot read.")) from None
            if not isinstance(page, list) or not page:
                return
            yield from page
            if len(page) < _PAGE:
                return
            marker = str(page[-1].get("name") or page[-1].get("subdir") or "")

    # --- objects ----------------------------------------------------------------------------
    def head_object(self, container: str, obj: str) -> ObjectInfo | None:
        """The object's metadata, or None when it does not exist."""
        response = self.call("HEAD", self.url(container, obj), ok=(404,))
        if response.status_code == 404:
            return None
        h = response.headers
        return ObjectInfo(
            name=obj,
            size=int(h.get("Content-Length", "0") or 0),
            etag=(h.get("ETag") or "").strip('"'),
            last_modified=h.get("Last-Modified"),
            content_type=h.get("Content-Type"),
            dlo_prefix=h.get("X-Object-Manifest"),
            is_slo=(h.get("X-Static-Large-Object", "").lower() == "true"),
            meta={k.lower(): v for k, v in h.items() if k.lower().startswith("x-object-meta-")},
        )

    def put_object(self, container: str, obj: str, data: bytes | IO[bytes], *,
                   length: int | None = None, etag: str | None = None,
                   headers: Mapping[str, str] | None = None) -> str:
        """One PUT (up to the cluster's single-object limit); returns the server's ETag.

        With ``etag`` the server checks the MD5 and refuses a damaged body (422).
        """
        h = dict(headers or {})
        if etag:
            h["ETag"] = etag
        if length is not None:
            h["Content-Length"] = str(length)
        response = self.call("PUT", self.url(container, obj), data=data, headers=h)
        return (response.headers.get("ETag") or "").strip('"')

    def delete_object(self, container: str, obj: str) -> bool:
        return self.call("DELETE", self.url(container, obj), ok=(404,)).status_code != 404
