"""Find and delete the segments of abandoned uploads, which keep costing storage.

Segments live in ``<container>_segments`` under ``<object>/<mtime>/<size>/<segment size>/``.
A group of segments is *in use* when the object ``<container>/<object>`` is a manifest that
points at it (DLO prefix, or SLO segment list). Anything else is orphaned: an upload that was
interrupted and never finished, or the old segments of an object replaced by another tool.
An orphan that still has a local journal can be resumed; it is marked so the user can choose.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from vmdkimport.core.cloud.objectstorage import ObjectInfo, ObjectStorageClient
from vmdkimport.core.errors import VmdkImportError
from vmdkimport.core.upload.journal import all_journals
from vmdkimport.core.upload.segments import UploadIdentity

SUFFIX = "_segments"


@dataclass
class OrphanGroup:
    """The segments of one abandoned upload."""

    segment_container: str
    prefix: str
    objects: list[ObjectInfo] = field(default_factory=list)
    resumable: bool = False  # a local journal knows this upload: it can still be resumed

    @property
    def container(self) -> str:
        return self.segment_container[: -len(SUFFIX)]

    @property
    def object_name(self) -> str:
        return self.prefix.rstrip("/").rsplit("/", 3)[0]

    @property
    def bytes(self) -> int:
        return sum(o.size for o in self.objects)

    def as_dict(self) -> dict[str, object]:
        return {"segment_container": self.segment_container, "prefix": self.prefix,
                "object": f"{self.container}/{self.object_name}", "segments": len(self.objects),
                "bytes": self.bytes, "resumable": self.resumable}


def _prefix_of(name: str) -> str | None:
    """``obj/mtime/size/segsize/00000001`` -> ``obj/mtime/size/segsize/``."""
    parts = name.rsplit("/", 4)
    if len(parts) < 5 or not parts[-1].isdigit():
        return None
    return name[: -len(parts[-1])]


def _in_use(storage: ObjectStorageClient, container: str, obj: str) -> set[str]:
    """Segment paths ("<segment container>/<prefix>") that ``container/obj`` uses."""
    info = storage.head_object(container, obj)
    if info is None:
        return set()
    if info.dlo_prefix:
        return {info.dlo_prefix}
    if info.is_slo:
        response = storage.call("GET", storage.url(container, obj),
                                params={"multipart-manifest": "get"})
        try:
            items = json.loads(response.content)
        except ValueError:
            return set()
        out = set()
        for item in items if isinstance(items, list) else []:
            path = str(item.get("name") or item.get("path") or "").lstrip("/")
            seg_container, _, name = path.partition("/")
            prefix = _prefix_of(name)
            if prefix:
                out.add(f"{seg_container}/{prefix}")
        return out
    return set()


def find_orphans(storage: ObjectStorageClient, container: str | None = None
                 ) -> list[OrphanGroup]:
    """Every group of segments no manifest uses, in ``container`` or in all containers."""
    wanted = None if container is None else container + SUFFIX
    journals = set()
    for data in all_journals():
        try:
            ident = UploadIdentity(**data["identity"])
        except (KeyError, TypeError):
            continue
        if data.get("manifest") is None:
            journals.add(f"{ident.segment_container}/{ident.segment_prefix}")
    out: list[OrphanGroup] = []
    for c in storage.list_containers():
        if not c.name.endswith(SUFFIX) or (wanted is not None and c.name != wanted):
            continue
        groups: dict[str, OrphanGroup] = {}
        for obj in storage.list_objects(c.name):
            prefix = _prefix_of(obj.name)
            if prefix is None:
                continue
            groups.setdefault(prefix, OrphanGroup(c.name, prefix)).objects.append(obj)
        used: set[str] = set()
        for name in {g.object_name for g in groups.values()}:
            used |= _in_use(storage, c.name[: -len(SUFFIX)], name)
        for prefix, group in sorted(groups.items()):
            key = f"{c.name}/{prefix}"
            if key not in used:
                group.resumable = key in journals
                out.append(group)
    return out


def delete_orphans(storage: ObjectStorageClient, groups: list[OrphanGroup],
                   on_deleted: Callable[[str], None] | None = None) -> tuple[int, list[str]]:
    """Delete every segment of ``groups``; (count deleted, errors)."""
    deleted, errors = 0, []
    for group in groups:
        for obj in group.objects:
            try:
                storage.delete_object(group.segment_container, obj.name)
                deleted += 1
                if on_deleted:
                    on_deleted(obj.name)
            except VmdkImportError as exc:
                errors.append(f"{group.segment_container}/{obj.name}: {exc}")
    return deleted, errors
