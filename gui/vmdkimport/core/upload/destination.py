"""What an upload will do at the chosen destination, said before it starts.

The Destination page shows this so there are no surprises: a new object, an identical one
already there (nothing is sent), an interrupted upload of the same disk (it resumes), or a
different object that may only be replaced with the user's consent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from vmdkimport.core.cloud.objectstorage import DEFAULT_MAX_FILE_SIZE, ObjectStorageClient
from vmdkimport.core.text import Text
from vmdkimport.core.upload.journal import UploadJournal
from vmdkimport.core.upload.segments import (
    Manifest,
    UploadIdentity,
    UploadRequest,
    choose_segment_size,
    plan_segments,
)
from vmdkimport.core.upload.uploader import META_SHA1, META_SOURCE


class DestinationKind(StrEnum):
    NEW = "new"  # nothing there: the disk will be uploaded
    IDENTICAL = "identical"  # our earlier upload of this very disk: nothing to send
    COMPARE = "compare"  # our metadata, but not proven to be this file: compared before sending
    RESUME = "resume"  # segments of an interrupted upload of this disk are there
    DIFFERENT = "different"  # another object has the name: replacing needs consent


@dataclass(frozen=True)
class DestinationCheck:
    kind: DestinationKind
    existing_size: int | None = None
    segments_present: int = 0
    segments_total: int = 0
    same_size: bool = False  # DIFFERENT, but of the same size: it may still be identical
    slo_available: bool = False

    @property
    def needs_consent(self) -> bool:
        return self.kind is DestinationKind.DIFFERENT

    def message(self) -> str:
        if self.kind is DestinationKind.NEW:
            return Text("No object has this name yet: the disk will be uploaded.")
        if self.kind is DestinationKind.IDENTICAL:
            return Text("This disk is already there (uploaded earlier): nothing will be sent.")
        if self.kind is DestinationKind.COMPARE:
            return Text("An upload of a disk with this name, size and date is already there. "
                        "Before sending anything, the upload reads your disk once to compare "
                        "them, and keeps the object if they are the same.")
        if self.kind is DestinationKind.RESUME:
            return Text("An interrupted upload of this disk was found: {present} of {total} "
                        "segments are already there. The upload resumes.",
                        present=self.segments_present, total=self.segments_total)
        if self.same_size:
            return Text("Another object of {size} bytes already has this name. It has the same "
                        "size: before sending anything, the upload compares it with your disk "
                        "and keeps it if they are the same. Choose another name, or allow "
                        "replacing it.", size=self.existing_size)
        return Text("Another object of {size} bytes already has this name. Choose another name, "
                    "or allow replacing it.", size=self.existing_size)


def check_destination(storage: ObjectStorageClient, request: UploadRequest
                      ) -> DestinationCheck:
    """Look at the destination the way :class:`~vmdkimport.core.upload.uploader.Uploader` will."""
    size, mtime_ns = request.source.stat()
    fingerprint = request.source.fingerprint()
    info = storage.info()
    swift = info.get("swift") if isinstance(info.get("swift"), Mapping) else {}
    slo = isinstance(info.get("slo"), Mapping)
    max_file = int((swift or {}).get("max_file_size") or DEFAULT_MAX_FILE_SIZE)
    max_segments = None
    if request.manifest is Manifest.SLO and slo:
        max_segments = int(info["slo"].get("max_manifest_segments") or 1000)
    segment_size = choose_segment_size(size, request.segment_size, max_file_size=max_file,
                                       max_segments=max_segments)
    identity = UploadIdentity(request.container, request.object_name, size, mtime_ns,
                              segment_size, request.source.offset)
    if not storage.container_exists(request.container):
        return DestinationCheck(DestinationKind.NEW, slo_available=slo)
    existing = storage.head_object(request.container, request.object_name)
    if existing is not None:
        tag = existing.meta.get(META_SOURCE.lower()) or ""
        if tag.startswith(identity.source_tag() + ":so"):
            # this very disk, converted while uploading (its tag adds the converter and the
            # segment size): the converting upload proves it by producing the stream again
            return DestinationCheck(DestinationKind.COMPARE, existing.size, slo_available=slo)
        if tag == identity.source_tag() \
                and existing.size == size:
            # Name, size and mtime prove nothing (touch -r, cp -p): only this machine's journal
            # for this very file does; the uploader then also checks the object's ETag.
            journal = UploadJournal(identity, fingerprint=fingerprint)
            sha1 = existing.meta.get(META_SHA1.lower())
            proven = journal.proven and journal.state.sha1 is not None \
                and sha1 in (None, journal.state.sha1)
            kind = DestinationKind.IDENTICAL if proven else DestinationKind.COMPARE
            return DestinationCheck(kind, existing.size, slo_available=slo)
        return DestinationCheck(DestinationKind.DIFFERENT, existing.size,
                                same_size=existing.size == size and not existing.is_manifest,
                                slo_available=slo)
    if size > segment_size and storage.container_exists(identity.segment_container):
        segments = plan_segments(identity)
        present = {o.name: o.size for o in storage.list_objects(
            identity.segment_container, prefix=identity.segment_prefix)}
        found = sum(1 for s in segments if present.get(s.name) == s.length)
        if found:
            return DestinationCheck(DestinationKind.RESUME, segments_present=found,
                                    segments_total=len(segments), slo_available=slo)
    return DestinationCheck(DestinationKind.NEW, slo_available=slo)
