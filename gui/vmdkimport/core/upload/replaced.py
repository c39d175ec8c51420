"""What an upload replaces: the segments of the old object, deleted once the new one is whole.

Shared by the file uploader and the converting uploader. The old manifest is a server answer,
so it is read as untrusted: anything that is not a list of objects with a path is skipped (the
leftovers are then listed by ``vmdkimport cleanup``), never a traceback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TypeVar

from vmdkimport.core.cloud.objectstorage import ObjectInfo, ObjectStorageClient
from vmdkimport.core.errors import VmdkImportError

log = logging.getLogger(__name__)
T = TypeVar("T")
Retrying = Callable[[str, Callable[[], T]], T]


def old_segments(storage: ObjectStorageClient, retrying: Retrying[object], container: str,
                 object_name: str, existing: ObjectInfo, *,
                 keep_prefix: str) -> list[tuple[str, str]]:
    """(container, name) of every segment the existing manifest uses, except ours."""
    out: list[tuple[str, str]] = []
    if existing.dlo_prefix:
        seg_container, _, prefix = existing.dlo_prefix.partition("/")
        if prefix != keep_prefix:
            listed = retrying("listing of the old segments",
                              lambda: storage.list_objects(seg_container, prefix=prefix))
            out = [(seg_container, o.name) for o in listed]  # type: ignore[attr-defined]
    elif existing.is_slo:
        response = retrying("GET of the old manifest", lambda: storage.call(
            "GET", storage.url(container, object_name),
            params={"multipart-manifest": "get", "format": "raw"}))
        try:
            items = json.loads(response.content)  # type: ignore[attr-defined]
        except ValueError:
            items = []
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            path = str(item.get("path") or item.get("name") or "").lstrip("/")
            seg_container, _, name = path.partition("/")
            if name and not name.startswith(keep_prefix):
                out.append((seg_container, name))
    return out


def delete_all(storage: ObjectStorageClient, objects: list[tuple[str, str]]) -> None:
    for container, name in objects:
        try:
            storage.delete_object(container, name)
        except VmdkImportError as exc:  # leftovers are listed by `vmdkimport cleanup`
            log.warning("could not delete old segment %s/%s: %s", container, name, exc)


def project_id(storage: ObjectStorageClient) -> str:
    """The project of the storage account (``/v1/AUTH_<project>``)."""
    return storage.account_path.rsplit("/", 1)[-1].removeprefix("AUTH_")
