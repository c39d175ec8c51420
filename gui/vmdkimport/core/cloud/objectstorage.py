"""Object storage (Swift API) basics: containers, object metadata, small single PUTs.

The segmented, resumable uploader for multi-GB disks builds on this client in its own module;
here are the calls the wizard needs to browse and check the destination.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any
from urllib.parse import quote, urlsplit

from vmdkimport.core.cloud.answers import Answer, Fields
from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.service import ServiceClient, TokenSource
from vmdkimport.core.errors import ApiError, BadAnswer, ConfigError
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
        """``GET /info`` (capabilities), or {} when the cluster does not publish it.

        The sizes the uploader plans with are checked here (BadAnswer when wrong), so what a
        caller reads from ``swift`` and ``slo`` is a positive integer when present.
        """
        parts = urlsplit(self.storage_url)
        try:
            response = self.http.request("GET", f"{parts.scheme}://{parts.netloc}/info",
                                         service=self.service)
        except ApiError:
            return {}
        return parse_info(Answer.of(response, self.service))

    def max_file_size(self) -> int:
        swift = self.info().get("swift")
        value = swift.get("max_file_size") if isinstance(swift, Mapping) else None
        return value if isinstance(value, int) else DEFAULT_MAX_FILE_SIZE

    # --- containers -------------------------------------------------------------------------
    def list_containers(self, prefix: str | None = None) -> list[ContainerInfo]:
        return [ContainerInfo(i.text("name"), i.integer("count", default=0),
                              i.integer("bytes", default=0))
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
        return [parse_listed_object(i) for i in self._listing(self.url(container), prefix)]

    def _listing(self, url: str, prefix: str | None) -> Iterator[Fields]:
        marker = ""
        while True:
            params = {"format": "json", "limit": _PAGE, "marker": marker}
            if prefix:
                params["prefix"] = prefix
            response = self.call("GET", url, params=params, headers={"Accept": "application/json"})
            if response.status_code == 204 or not response.content:
                return
            page = list(Answer.of(response, self.service).items())
            if not page:
                return
            # a "subdir" entry (a listing with a delimiter) has no name; a page of objects
            # must have names, or the next marker would loop
            yield from (i for i in page if not (i.has("subdir") and not i.has("name")))
            if len(page) < _PAGE:
                return
            last = page[-1]
            marker = last.opt_text("name") or last.text("subdir")

    # --- objects ----------------------------------------------------------------------------
    def head_object(self, container: str, obj: str) -> ObjectInfo | None:
        """The object's metadata, or None when it does not exist."""
        response = self.call("HEAD", self.url(container, obj), ok=(404,))
        if response.status_code == 404:
            return None
        return parse_head(Answer.of(response, self.service), obj)

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
        return (Answer.of(response, self.service).header("ETag") or "").strip('"')

    def delete_object(self, container: str, obj: str) -> bool:
        return self.call("DELETE", self.url(container, obj), ok=(404,)).status_code != 404


# --- parsers: every answer of object storage, checked (see answers.py) --------------------------

def parse_info(answer: Answer) -> Mapping[str, Any]:
    """``/info``: the JSON object, with the sizes we plan with checked to be positive.

    A body that is no JSON object at all counts as "not published" (a front page where a
    cluster has no /info); a JSON object with a wrong size in it is BadAnswer.
    """
    try:
        body = answer.body()
    except BadAnswer:
        return {}
    for section, keys in (("swift", ("max_file_size", "container_listing_limit")),
                          ("slo", ("max_manifest_segments", "max_manifest_size",
                                   "min_segment_size"))):
        fields = body.obj(section)
        for key in keys:
            fields.opt_integer(key, minimum=1 if key != "min_segment_size" else 0)
    return body.data


def parse_listed_object(item: Fields) -> ObjectInfo:
    return ObjectInfo(name=item.text("name"), size=item.integer("bytes", default=0),
                      etag=(item.opt_text("hash") or "").strip('"'),
                      last_modified=item.opt_text("last_modified"),
                      content_type=item.opt_text("content_type"))


def parse_head(answer: Answer, name: str) -> ObjectInfo:
    """An object's HEAD answer."""
    return ObjectInfo(
        name=name,
        size=answer.header_size("Content-Length"),
        etag=(answer.header("ETag") or "").strip('"'),
        last_modified=answer.header("Last-Modified"),
        content_type=answer.header("Content-Type"),
        dlo_prefix=answer.header("X-Object-Manifest"),
        is_slo=((answer.header("X-Static-Large-Object") or "").lower() == "true"),
        meta={k.lower(): v for k, v in answer.headers.items()
              if k.lower().startswith("x-object-meta-") and len(v) <= 8192},
    )

