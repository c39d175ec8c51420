"""What the user has chosen so far, from sign-in to the register call: the wizard's model.

Qt-free on purpose (Electrum's flow/view split): the pages only read and write an
:class:`ImportPlan`, and everything that decides anything (the request body, the location, which
step comes next, what is still missing) lives here, where it is tested without a screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final, Self

from vmdkimport.core import rules
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.error_catalog import FIELD_STEP, Step
from vmdkimport.core.text import Text
from vmdkimport.core.upload.segments import (
    DEFAULT_SEGMENT_SIZE,
    DEFAULT_THREADS,
    Manifest,
    UploadRequest,
)

if TYPE_CHECKING:
    from vmdkimport.core.cloud.session import CloudSession
    from vmdkimport.core.disk.preflight import Inspection
    from vmdkimport.core.guest.report import GuestReport
    from vmdkimport.core.request import ImportRequest
    from vmdkimport.core.upload.converting import ConversionEstimate
    from vmdkimport.core.upload.uploader import UploadResult


class PageId(IntEnum):
    """The wizard's pages in order: the one table a new page joins.

    Each member is a page's QWizard id (its position) and the error-catalog step it shows
    (None: none), so "Go to field" reaches the page of any :class:`~vmdkimport.core.rules.Field`
    through the catalog's FIELD_STEP. The Qt side names the class that shows each page
    (``vmdkimport.qt.pages.PAGE_CLASSES``); tests/qt/test_page_table.py checks that these, the
    steps and the fields agree.
    """

    step: Step | None

    CONNECTION = 0, Step.CONNECTION
    DISK = 1, Step.DISK
    DESTINATION = 2, Step.DESTINATION
    IMAGE = 3, Step.IMAGE
    REVIEW = 4, Step.REVIEW
    SUBMIT = 5, Step.SUBMIT
    STATUS = 6, None

    # step's default only serves lookups: PageId(3) is IMAGE, as for any enum
    def __new__(cls, value: int, step: Step | None = None) -> Self:
        page = int.__new__(cls, value)
        page._value_ = value
        page.step = step
        return page


#: where each error-catalog step sends the user back to (derived from PageId)
STEP_PAGE: Final[dict[Step, PageId]] = {
    page.step: page for page in PageId if page.step is not None}


def page_of(field: rules.Field) -> PageId:
    """The page that holds ``field``: where "Go to field" goes."""
    return STEP_PAGE[FIELD_STEP[field]]


class SourceKind(StrEnum):
    LOCAL_FILE = "file"  # a .vmdk/.ova on this computer: inspect, upload, register
    EXISTING_OBJECT = "object"  # already in object storage: register only


class ChecksumMode(StrEnum):
    COMPUTE = "compute"  # the SHA1 computed during the upload (default)
    PASTE = "paste"  # the user's own value
    NONE = "none"  # no checksum (only sensible for an existing object)


#: the plan's fields the pre-flight suggests a value for (:meth:`ImportPlan.apply_inspection`)
SUGGESTED_FIELDS: Final = ("object_name", "name", "min_disk", "min_ram", "os_type")


@dataclass
class ImportPlan:
    """Everything the wizard collects. Holds no secret: the password stays on its page."""

    profile: ConnectionProfile = field(default_factory=ConnectionProfile)
    session: CloudSession | None = None
    source_kind: SourceKind = SourceKind.LOCAL_FILE
    file: Path | None = None
    inspection: Inspection | None = None
    container: str = ""
    object_name: str = ""
    overwrite: bool = False
    segment_size: int = DEFAULT_SEGMENT_SIZE
    threads: int = DEFAULT_THREADS
    limit_rate: int | None = None
    manifest: Manifest = Manifest.DLO
    name: str = ""
    os_type: str = ""
    min_ram: int | None = None
    min_disk: int | None = None
    image_id: str = ""
    checksum_mode: ChecksumMode = ChecksumMode.COMPUTE
    checksum: str = ""  # pasted, or filled in by the upload
    kms_server: str = ""
    kms_activate: bool = False
    upload_result: UploadResult | None = None
    import_id: str | None = None
    #: what the guest inspection found in the chosen disk (None: not inspected, or no disk)
    guest: GuestReport | None = None
    #: the user confirmed an os_type that contradicts the OS found on the disk (logged)
    os_type_override: bool = False
    #: the user chose to upload a guest the inspection calls not ready (logged)
    guest_override: bool = False
    #: the fields (SUGGESTED_FIELDS) the user typed or chose: another disk keeps them
    typed: set[str] = field(default_factory=set)
    #: what the last inspected disk suggested for each of SUGGESTED_FIELDS
    suggested: dict[str, object] = field(default_factory=dict)
    #: convert while uploading (issue #15): what the built-in converter reads to send the disk
    #: as a streamOptimized VMDK in one pass (``conversion_source(inspection)``); None: the file
    #: is sent as it is. Set by the Disk page (:meth:`choose_conversion`), which found it on its
    #: worker: finding it opens the disk, which the plan never does itself.
    convert_source: UploadSource | None = None
    #: the converter's estimate for ``convert_source`` (None: not known), shown before sending
    convert_estimate: ConversionEstimate | None = None

    # --- derived ---------------------------------------------------------------------------
    @property
    def project_id(self) -> str:
        return self.session.project_id if self.session else self.profile.project_id

    @property
    def location(self) -> str:
        """The register call's location for the chosen container and object."""
        return rules.location_for(self.project_id or "<project>", self.container,
                                  self.object_name)

    @property
    def needs_upload(self) -> bool:
        return self.source_kind is SourceKind.LOCAL_FILE

    @property
    def converts(self) -> bool:
        """The disk is converted to streamOptimized while it is uploaded (one pass, no
        temporary file): the Submit page runs the converting uploader."""
        return self.needs_upload and self.convert_source is not None

    def upload_source(self) -> UploadSource:
        """What the upload reads: the converter's source when converting, else the bytes of
        the disk as they are (for an OVA, the member's range)."""
        if self.converts:
            assert self.convert_source is not None
            return self.convert_source
        if self.inspection is not None and self.inspection.upload_source is not None:
            return self.inspection.upload_source
        if self.file is None:
            raise ValueError("no file chosen")
        return UploadSource(self.file)

    def upload_request(self) -> UploadRequest:
        """The request for the uploader the Submit page runs (:attr:`converts` says which).

        Converting, a segment is a buffer in memory, (threads + 1) of them at once: so it is at
        most the converter's 32 MiB, whatever the Destination page's segment size (made for
        file uploads, which read segments from the disk); a smaller one is kept.
        """
        segment_size: int | None = self.segment_size
        if self.converts:
            from vmdkimport.core.upload.converting import DEFAULT_CONVERT_SEGMENT_SIZE

            segment_size = min(self.segment_size, DEFAULT_CONVERT_SEGMENT_SIZE)
        return UploadRequest(
            source=self.upload_source(), container=self.container,
            object_name=self.object_name, segment_size=segment_size,
            threads=self.threads, manifest=self.manifest, limit_rate=self.limit_rate,
            overwrite=self.overwrite)

    def choose_conversion(self, source: UploadSource | None,
                          estimate: ConversionEstimate | None = None) -> None:
        """Convert while uploading, reading ``source`` (None: send the file as it is).

        The object name follows, unless the user typed one: a converted disk is named as the
        pre-flight suggests for its streamOptimized form (``disk.img`` -> ``disk.vmdk``), one
        sent as it is after its file (what :meth:`apply_inspection` gives a refused file).
        """
        self.convert_source = source
        self.convert_estimate = estimate if source is not None else None
        inspection = self.inspection
        if inspection is None:
            return
        if source is None and inspection.upload_source is None:  # a refused file, as it is
            name = rules.suggest_object_name(inspection.path.name)
        else:
            name = inspection.suggestions.object_name or \
                rules.suggest_object_name(inspection.path.name)
        previous = self.suggested.get("object_name")
        if "object_name" not in self.typed and self.object_name in ("", previous):
            self.object_name = name
        self.suggested = {**self.suggested, "object_name": name}

    def conversion_summary(self) -> Text | None:
        """One sentence for the Review page: how the disk is sent (None: as it is)."""
        if not self.converts:
            return None
        from vmdkimport.core.units import format_size

        estimate = self.convert_estimate
        if estimate is None:
            return Text("Converted to a streamOptimized VMDK while uploading.")
        return Text("Converted to a streamOptimized VMDK while uploading: about {output} to "
                    "send for a {disk} disk.", output=format_size(estimate.output_bytes),
                    disk=format_size(estimate.disk_size))

    def effective_checksum(self) -> str | None:
        if self.checksum_mode is ChecksumMode.NONE:
            return None
        if self.checksum_mode is ChecksumMode.COMPUTE:
            if self.upload_result is not None:
                return self.upload_result.sha1
            return None
        return self.checksum.strip().lower() or None

    def import_request(self) -> ImportRequest:
        """The request exactly as it will be sent (the Review page shows its JSON)."""
        # not at import: the first page (which has no request yet) starts ~3 ms sooner
        from vmdkimport.core.request import ImportRequest, KmsSettings

        kms = None
        if rules.is_windows(self.os_type) and (self.kms_server.strip() or self.kms_activate):
            kms = KmsSettings(self.kms_server.strip() or None, self.kms_activate)
        return ImportRequest(
            name=self.name, location=self.location, os_type=self.os_type,
            checksum=self.effective_checksum(), image_id=self.image_id.strip() or None,
            min_ram=self.min_ram, min_disk=self.min_disk, kms=kms)

    def preview_body(self) -> dict[str, object]:
        """The body for the Review page; a SHA1 still to be computed shows as a placeholder."""
        body = self.import_request().to_body()
        if self.checksum_mode is ChecksumMode.COMPUTE and "checksum" not in body:
            body = {**body, "checksum": "<SHA1 computed during the upload>"}
            order = ["name", "location", "checksum", "id", "min_ram", "min_disk", "os_type",
                     "kms"]
            body = {k: body[k] for k in order if k in body}
        return body

    def image_problems(self) -> list[rules.Problem]:
        """Problems with the image settings, as the service would report them."""
        request = self.import_request()
        problems = request.validate(project_id=self.project_id or None)
        if self.checksum_mode is ChecksumMode.PASTE and not self.checksum.strip():
            problems.append(rules.Problem("40031", rules.Field.CHECKSUM,
                                          rules.MESSAGES["40031"],
                                          Text("Paste the SHA1, or let the tool compute it.")))
        return [p for p in problems if p.field not in (rules.Field.LOCATION,)]

    def mark_typed(self, name: str) -> None:
        """The user typed or chose field ``name`` (one of SUGGESTED_FIELDS): keep it."""
        self.typed.add(name)

    def apply_inspection(self, inspection: Inspection) -> None:
        """Take the pre-flight's suggestions for every field the user has not set.

        A field follows the disk (also back to empty, when the new disk suggests nothing) unless
        the user typed it: marked with :meth:`mark_typed`, or holding a value that is neither
        empty nor what the previous disk suggested (a page that does not mark what it writes).
        Without this, going back to pick another disk kept the first disk's image name.
        """
        self.inspection = inspection
        self.guest = None  # the new disk's guest is inspected next (apply_guest)
        # the new disk's conversion is offered next (choose_conversion), like its guest
        self.convert_source = None
        self.convert_estimate = None
        self.os_type_override = self.guest_override = False
        s = inspection.suggestions
        object_name = s.object_name
        if inspection.upload_source is None:  # uploaded as it is: named after the file
            object_name = rules.suggest_object_name(inspection.path.name)
        new: dict[str, object] = {"object_name": object_name or "",
                                  "name": s.image_name or "", "min_disk": s.min_disk_gb,
                                  "min_ram": s.min_ram_mb, "os_type": s.os_type or ""}
        for name, value in new.items():
            current = getattr(self, name)
            previous = self.suggested.get(name)
            chosen = name in self.typed or current not in ("", None, previous)
            if not chosen:
                setattr(self, name, value)
        self.suggested = new

    def apply_guest(self, report: GuestReport | None) -> None:
        """Take the guest inspection's answer; its os_type beats the VM file's guess.

        The OS found on the disk is the real one; the .vmx/.ovf only says what the VM was
        created as. A field the user chose keeps their value (see :meth:`apply_inspection`), but
        :meth:`os_type_conflict` still says when that value contradicts the disk.
        """
        self.guest = report
        self.os_type_override = False
        self.guest_override = False
        detected = report.os.os_type if report is not None else None
        if not detected:
            return
        previous = self.suggested.get("os_type")
        if "os_type" not in self.typed and self.os_type in ("", previous):
            self.os_type = detected
        self.suggested = {**self.suggested, "os_type": detected}

    def os_type_conflict(self) -> Text | None:
        """Why the chosen os_type contradicts the OS on the disk (None: it does not, or the
        user has overridden it)."""
        if self.guest is None or not self.os_type or self.os_type_override:
            return None
        from vmdkimport.core.guest.ostype import os_type_conflict

        return os_type_conflict(self.guest.os, self.os_type)

    def guest_blocks_upload(self) -> bool:
        """The inspection says the guest cannot run in the cloud, and the user has not chosen to
        upload it anyway."""
        if self.guest is None or self.guest_override:
            return False
        return self.guest.readiness.value == "not-ready"

    def next_page(self, current: PageId) -> PageId | None:
        """The page after ``current`` (None at the end): an existing object skips the upload
        destination, and the checksum cannot be computed when nothing is uploaded."""
        if current is PageId.DISK and self.source_kind is SourceKind.EXISTING_OBJECT:
            return PageId.IMAGE
        if current is PageId.STATUS:
            return None
        return PageId(current + 1)
