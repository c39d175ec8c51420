"""Page 2, Disk image: a file on this computer (checked by the pre-flight, converted if need be)
or an object already in object storage. Every inspection, conversion and listing runs on a
worker thread; the page only shows results and writes the plan.

After the pre-flight has judged the file, the same worker looks inside the guest (boot mode, OS,
the provider's rules: :mod:`vmdkimport.core.guest`) and the page shows the verdict as a card
(:class:`~vmdkimport.qt.guest_card.GuestCard`). A guest that is not ready keeps Next disabled
unless the user ticks, deliberately, that they have checked it themselves.

A disk the built-in converter reads (monolithicSparse, flat and VMFS descriptors, split extents,
a raw image: :func:`~vmdkimport.core.upload.converting.conversion_source`) is converted while
it is uploaded, by default: one pass, no temporary file, no qemu-img, and usually far fewer
bytes on the wire (the estimate is computed on the same worker). For a refused flat or split
disk that is its fix, so Next is enabled. "Convert…" to a file stays for those who want a file:
with the same built-in writer for those disks, with qemu-img for qcow2, VHD and VHDX."""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vmdkimport.core import rules
from vmdkimport.core.errors import Cancelled
from vmdkimport.core.plan import ChecksumMode, SourceKind
from vmdkimport.core.rules import Field
from vmdkimport.core.units import format_size
from vmdkimport.qt import i18n
from vmdkimport.qt.guest_card import GuestCard, GuestCardArea
from vmdkimport.qt.i18n import error_text
from vmdkimport.qt.pages.base import PageHost, PlanPage
from vmdkimport.qt.widgets import LineEdit, MessageLabel

if TYPE_CHECKING:
    from vmdkimport.core.cloud.objectstorage import ContainerInfo, ObjectInfo
    from vmdkimport.core.disk.preflight import Inspection
    from vmdkimport.core.disk.source import UploadSource
    from vmdkimport.core.guest.report import GuestReport
    from vmdkimport.core.upload.converting import ConversionEstimate
    from vmdkimport.qt.tasks import Report

log = logging.getLogger(__name__)

#: how long typing must pause before the path is inspected: long enough not to inspect every
#: prefix of a path being typed, short enough to feel like an answer to the paste
TYPING_PAUSE_MS = 400


@dataclass(frozen=True)
class GuestFailure:
    """The guest inspection raised something it should not have: shown as "cannot inspect"
    with the error, so a bug in a probe never breaks the page."""

    error: BaseException


@dataclass(frozen=True)
class ConversionOffer:
    """Converting while uploading, as the Disk page offers it for one disk."""

    source: UploadSource  # what the converter reads
    estimate: ConversionEstimate | None  # None: the sample could not be read (offered anyway)
    as_is: int  # bytes an upload without converting would send (the file, or the whole disk)


#: what the worker reports once the pre-flight is done: its answer, whether the guest is
#: inspected next (the card then says it is looking inside), and the conversion offered
PreflightDone = tuple["Inspection", bool, "ConversionOffer | None"]
#: what the worker returns: the pre-flight's answer, the conversion offered and the guest's
#: answer (None: not readable here)
Inspected = tuple["Inspection", "ConversionOffer | None", "GuestReport | GuestFailure | None"]


def conversion_offer(found: Inspection) -> ConversionOffer | None:
    """Whether the built-in converter reads this disk, and about what it would send: on the
    worker (opening the disk and compressing a sample of grains takes a fraction of a second,
    too long for the GUI thread). None: no offer (nothing to convert, or only qemu-img can)."""
    from vmdkimport.core.errors import VmdkImportError
    from vmdkimport.core.upload.converting import conversion_source, estimate_conversion

    try:
        source = conversion_source(found)
    except VmdkImportError:  # conversion_source catches what opening raises; be safe
        log.warning("%s: the converter cannot read it", found.path, exc_info=True)
        return None
    if source is None:
        return None
    estimate: ConversionEstimate | None = None
    try:
        estimate = estimate_conversion(source)
    except VmdkImportError:  # offered without a figure: the upload reports the real error
        log.warning("%s: no conversion estimate", found.path, exc_info=True)
    if found.upload_source is not None:
        as_is = found.upload_source.stat()[0]
    else:  # a descriptor: sent as it is, the extents' data would be the whole disk
        as_is = estimate.disk_size if estimate is not None else found.virtual_size or 0
    return ConversionOffer(source, estimate, as_is)


def inspect_file(path: Path, report: Report, *, region: str,
                 cancel: threading.Event) -> Inspected:
    """The pre-flight and the conversion offer, then the guest inspection, on the worker.

    The pre-flight's answer is reported as soon as it is known (the file's verdict needs no
    wait); the guest follows. ``cancel`` stops the guest inspection between reads (another file
    was chosen, or the window closes).
    """
    from vmdkimport.core.disk import preflight
    from vmdkimport.core.disk.diskformat import OperationCancelled

    found = preflight.inspect(path)
    offer = conversion_offer(found)
    try:
        from vmdkimport.core.guest import inspect as guest

        source = guest.source_of(found)
        report((found, source is not None, offer))
        if source is None:
            return found, offer, None
        return found, offer, guest.inspect_guest(source, region=region or None,
                                                  cancelled=cancel.is_set)
    except OperationCancelled:
        raise
    except Exception as exc:  # a probe's bug must not break the page: shown as cannot-inspect
        log.exception("guest inspection of %s failed", path)
        return found, offer, GuestFailure(exc)


class PathEdit(LineEdit):
    """The path field (Alt+letter types nothing: see :class:`~vmdkimport.qt.widgets.LineEdit`)."""


def path_of(text: str) -> str:
    """The file a typed or pasted ``text`` names: without the quotes of Windows' "Copy as
    path", and a ``file://`` address (what some file managers copy) as a local path."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    if text.lower().startswith("file:"):
        url = QUrl(text)
        if url.isLocalFile():
            return url.toLocalFile()
    return text


class DiskPage(PlanPage):
    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Disk image"))
        self.setSubTitle(self.tr("Choose the VMware disk to import: a file on this computer "
                                 "(a .vmdk, or an OVA/OVF/VMX export), or an object you "
                                 "already uploaded."))
        self.setAcceptDrops(True)

        self.use_file = QRadioButton(self.tr("A disk &file on this computer"))
        self.use_object = QRadioButton(self.tr("An object already in object &storage"))
        self.use_file.setChecked(True)
        self._choice = QButtonGroup(self)
        self._choice.addButton(self.use_file)
        self._choice.addButton(self.use_object)

        # --- a local file ----------------------------------------------------------------------
        self.file_edit = PathEdit()
        self.file_edit.setPlaceholderText(self.tr("path of a .vmdk, .ova, .ovf or .vmx file "
                                                  "(or drop the file here)"))
        self.browse = QPushButton(self.tr("B&rowse…"))
        self.browse.clicked.connect(self.browse_file)
        self.verdict = MessageLabel()
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setMinimumHeight(120)
        self.details.hide()
        # The default fix for a disk the built-in converter reads (shown with its offer).
        self.convert_upload = QCheckBox()
        self.convert_upload.setToolTip(self.tr(
            "The disk is sent as a compressed streamOptimized VMDK, converted on the way: no "
            "temporary file and no qemu-img. An interrupted upload resumes when you upload the "
            "same disk again."))
        self.convert_upload.hide()
        self.convert_upload.toggled.connect(self._convert_upload_toggled)
        self.convert = QPushButton(self.tr("Con&vert…"))
        self.convert.setToolTip(self.tr("Write a streamOptimized copy of the disk with qemu-img"))
        self.convert.clicked.connect(self.ask_conversion)
        self.convert.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.cancel_conversion = QPushButton(self.tr("C&ancel conversion"))
        self.cancel_conversion.clicked.connect(self.stop_conversion)
        self.cancel_conversion.hide()
        # The way past a refusal (the CLI's upload --no-inspect): deliberate, off for every
        # new verdict, never saved; the fix above stays the first thing offered.
        self.upload_anyway = QCheckBox(self.tr("&Upload anyway: the service will probably "
                                               "reject it"))
        self.upload_anyway.setToolTip(self.tr("Uploads the whole file as it is, without the fix "
                                              "above. Only for a file you know the service "
                                              "takes."))
        self.upload_anyway.hide()
        self.upload_anyway.toggled.connect(self._upload_anyway_toggled)
        # What the guest inspection says: a card, scrolled when the page is short.
        self.guest_card = GuestCard()
        self.guest_area = GuestCardArea(self.guest_card)
        self.guest_area.hide()
        # The way past a "not ready" guest: as deliberate as upload_anyway (off for every new
        # disk, never saved, logged with the reason codes).
        self.guest_anyway = QCheckBox(self.tr("Upload anyway: I have &checked this guest "
                                              "myself"))
        self.guest_anyway.setToolTip(self.tr("The inspection says this guest cannot run in the "
                                             "cloud. Tick this only if you know better; the "
                                             "choice is logged."))
        self.guest_anyway.hide()
        self.guest_anyway.toggled.connect(self._guest_anyway_toggled)

        self.file_box = QWidget()
        file_form = QFormLayout()
        file_form.setContentsMargins(0, 0, 0, 0)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse)
        file_label = QLabel(self.tr("&Disk file:"))
        file_label.setBuddy(self.file_edit)
        file_form.addRow(file_label, file_row)
        convert_row = QHBoxLayout()
        convert_row.addWidget(self.convert)
        convert_row.addWidget(self.progress, 1)
        convert_row.addWidget(self.cancel_conversion)
        file_layout = QVBoxLayout(self.file_box)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addLayout(file_form)
        file_layout.addWidget(self.verdict)
        file_layout.addWidget(self.convert_upload)
        file_layout.addWidget(self.details, 1)
        file_layout.addWidget(self.guest_area)
        file_layout.addWidget(self.guest_anyway)
        file_layout.addWidget(self.upload_anyway)
        file_layout.addLayout(convert_row)
        # Without the details (nothing inspected yet, a missing file), the space they take
        # goes below: the message stays under the path it is about, not halfway down the page.
        # A stretch of 0 gets space only while no item with a stretch (the details) is shown.
        file_layout.addStretch(0)

        # --- an existing object --------------------------------------------------------------
        self.container = QComboBox()
        self.objects = QListWidget()
        self.objects.setMinimumHeight(120)
        self.object_message = MessageLabel()
        self.object_box = QWidget()
        object_form = QFormLayout(self.object_box)
        object_form.setContentsMargins(0, 0, 0, 0)
        object_form.addRow(self.tr("C&ontainer:"), self.container)
        object_form.addRow(self.tr("Ob&ject:"), self.objects)
        object_form.addRow("", self.object_message)
        self.object_box.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.use_file)
        layout.addWidget(self.use_object)
        layout.addWidget(self.file_box, 1)
        layout.addWidget(self.object_box, 1)

        self.register_field_widget(Field.DISK, self.file_edit)
        self.register_field_widget(Field.OBJECT, self.objects)

        # state
        self._busy = 0
        self._inspection: Inspection | None = None  # of the file shown, when it is acceptable
        # (a refused one only while "Upload anyway" is ticked)
        self._shown: Inspection | None = None  # the inspection shown (even refused)
        self._offer: ConversionOffer | None = None  # converting while uploading, for _shown
        self._inspect_seq = 0
        self._inspecting_path = ""
        self._cancel: threading.Event | None = None
        #: the guest inspection running (set: stop it) and its answer for the file shown
        self._guest_cancel: threading.Event | None = None
        self._guest: GuestReport | None = None
        self._list_seq = 0
        self._listed_for: object = None  # the session the containers were listed for
        self._object: tuple[str, str] | None = None  # (container, object) selected
        self._auto_name = ""

        # a typed or pasted path is inspected once the typing pauses: no Enter needed
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._typing_paused)
        self._say_what_is_missing()

        self.use_object.toggled.connect(self._choice_changed)
        self.file_edit.editingFinished.connect(self._file_entered)
        self.file_edit.textEdited.connect(self._file_edited)
        self.container.currentIndexChanged.connect(self._container_chosen)
        self.objects.currentItemChanged.connect(self._object_chosen)

    # --- background tasks ----------------------------------------------------------------------
    def _start(self, fn: Callable[[Report], Any], *, name: str,
               on_success: Callable[[Any], None], on_error: Callable[[object], None],
               on_progress: Callable[[Any], None] | None = None,
               cancel: Callable[[], None] | None = None) -> None:
        """``run`` that keeps Next disabled until the task's callback has run."""
        self._busy += 1

        def succeeded(value: object) -> None:
            self._busy -= 1
            on_success(value)
            self.completeChanged.emit()

        def failed(exc: object) -> None:
            self._busy -= 1
            on_error(exc)
            self.completeChanged.emit()

        self.run(fn, name=name, on_success=succeeded, on_error=failed,
                 on_progress=on_progress, cancel=cancel)
        self.completeChanged.emit()

    def is_busy(self) -> bool:
        return self._busy > 0

    # --- a local file ----------------------------------------------------------------------------
    def browse_file(self) -> None:
        start = self.file_edit.text().strip() or self.settings.value("disk/folder")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a disk image"), start,
                                              self.tr("Disk images (*.vmdk *.ova *.ovf *.vmx);;"
                                                      "All files (*)"))
        if path:
            self.choose_file(path)

    def choose_file(self, path: str | Path) -> None:
        """Use the file at ``path`` (what Browse, Enter, a pause in typing and a drop do):
        inspect it."""
        self._typing.stop()
        self.use_file.setChecked(True)
        self.file_edit.setText(str(path))
        self.progress.hide()
        self._inspect(Path(path))

    def shown_inspection(self) -> Inspection | None:
        """The inspection on screen (also a refused one); None while none is shown."""
        return self._shown

    def _file_entered(self) -> None:
        """Enter or leaving the field: inspect now, without waiting for the pause."""
        self._typing.stop()
        self._typing_paused()

    def _typing_paused(self) -> None:
        text = path_of(self.file_edit.text())
        if not text:
            self._say_what_is_missing()
        elif text != self._inspecting_path:
            if text != self.file_edit.text().strip():  # quotes or a file:// address: show the
                self.choose_file(text)  # path that is inspected
            else:  # the text as typed, the cursor where it is
                self._inspect(Path(text))

    def _say_what_is_missing(self) -> None:
        """While no file is chosen, say what Next waits for (Next alone, grey, says nothing)."""
        self.verdict.show_info(self.tr("Choose or type the path of a disk file."))

    def _file_edited(self, text: str) -> None:
        """A path being typed is not the file inspected: it is inspected when typing pauses,
        and a result still coming for an earlier text is dropped."""
        self._inspecting_path = ""
        self._inspect_seq += 1  # a result still coming is for another path
        self._stop_guest_inspection()
        if self._inspection is not None or self._shown is not None:
            self._inspection = None
            self._shown = None
            self.verdict.clear_message()
            self.details.hide()
            self.convert.hide()
            self._show_offer(None)
            self._offer_upload_anyway(False)
            self._show_guest(None)
            self.completeChanged.emit()
        if not text.strip():
            self._say_what_is_missing()
        self._typing.start()  # (re)started by every edit

    def _inspect(self, path: Path) -> None:
        self._inspect_seq += 1
        seq = self._inspect_seq
        self._inspecting_path = str(path)
        self._inspection = None
        self._shown = None
        self.details.hide()
        self.convert.hide()
        self._show_offer(None)
        self._offer_upload_anyway(False)
        self._show_guest(None)
        self.verdict.show_info(self.tr("Checking %1…").replace("%1", path.name))
        self._stop_guest_inspection()  # of the file chosen before, if it still runs
        cancel = threading.Event()
        self._guest_cancel = cancel
        region = self.plan.profile.region

        def inspect(report: Report) -> Inspected:
            return inspect_file(path, report, region=region, cancel=cancel)

        self._start(inspect, name="inspect",
                    on_progress=lambda done: self._preflight_done(seq, done),
                    on_success=lambda result: self._guest_inspected(seq, result),
                    on_error=lambda exc: self._inspect_failed(seq, exc),
                    cancel=cancel.set)

    def _stop_guest_inspection(self) -> None:
        if self._guest_cancel is not None:
            self._guest_cancel.set()
            self._guest_cancel = None

    def is_inspecting_guest(self) -> bool:
        """The card says "Looking inside the disk…" (the guest inspection runs)."""
        return self.guest_card.state == "busy"

    def _preflight_done(self, seq: int, done: PreflightDone) -> None:
        inspection, guest_follows, offer = done
        if seq != self._inspect_seq:
            return
        self._inspected(seq, inspection, offer)
        if guest_follows:
            self.guest_card.show_busy()  # the area shows itself with the card

    def _guest_inspected(self, seq: int, result: Inspected) -> None:
        if seq != self._inspect_seq:
            return  # another file was chosen meanwhile (and this one's inspection cancelled)
        self._guest_cancel = None
        inspection, offer, outcome = result
        if self._shown is not inspection:  # no progress came (cannot happen; be safe)
            self._inspected(seq, inspection, offer)
        if isinstance(outcome, GuestFailure):
            self._show_guest(None)
            self.guest_card.show_failure(error_text(outcome.error))
            return
        self._show_guest(outcome)
        if outcome is not None and self._inspection is inspection:
            self._say_guest_not_ready()
            self._use_local_file()

    def _say_guest_not_ready(self) -> None:
        if self._guest_not_ready():  # the file is fine; what is in it is not
            self.verdict.show_error(self.tr("The file can be imported, but the guest in it "
                                            "cannot run in the cloud as it is. See why below."))

    def _show_guest(self, report: GuestReport | None) -> None:
        """Show ``report`` on the card (None: hide it), with the way past "not ready"."""
        self._guest = report
        if report is None:
            self.guest_card.clear()
        else:
            self.guest_card.show_report(report)
        self.guest_anyway.blockSignals(True)
        self.guest_anyway.setChecked(False)
        self.guest_anyway.blockSignals(False)
        self.guest_anyway.setVisible(self._guest_not_ready())

    def _guest_not_ready(self) -> bool:
        return self._guest is not None and self._guest.readiness.value == "not-ready"

    def guest_blocks(self) -> bool:
        """The guest is not ready and the user has not ticked that they checked it."""
        return self._guest_not_ready() and not self.guest_anyway.isChecked()

    def _guest_anyway_toggled(self, checked: bool) -> None:
        report = self._guest
        if report is None:
            return
        if checked:
            path = self._shown.path if self._shown is not None else "?"
            log.warning("the guest in %s is not ready (%s); the user chose to upload it anyway",
                        path, ", ".join(f.code for f in report.findings
                                        if f.level.value == "blocker") or "-")
        if self.plan.guest is report:
            self.plan.guest_override = checked
        self.completeChanged.emit()

    def _inspected(self, seq: int, inspection: Inspection,
                   offer: ConversionOffer | None = None) -> None:
        if seq != self._inspect_seq:
            return  # another file was chosen meanwhile
        self._shown = inspection
        self._offer = offer
        self.details.setHtml(self._details_html(inspection, offer))
        self.details.show()
        self.convert.setVisible(inspection.conversion is not None
                                and (inspection.can_convert or offer is not None))
        self.convert.setToolTip(
            self.tr("Write a streamOptimized copy of the disk to a file with the built-in "
                    "converter") if offer is not None
            else self.tr("Write a streamOptimized copy of the disk with qemu-img"))
        self.convert.setEnabled(True)
        self._show_offer(offer)
        self._settle()

    def _settle(self) -> None:
        """The verdict line, the way past a refusal and the plan, for the file shown and the
        choice of converting: a refused disk that is converted while uploading is fixed."""
        from vmdkimport.core.disk.preflight import Verdict

        inspection = self._shown
        if inspection is None:
            return
        converting = self.converting_chosen()
        refused = inspection.verdict is Verdict.REFUSED
        self._offer_upload_anyway(refused and not converting)
        if refused and not converting:
            self._inspection = None
            if self.plan.inspection is inspection:
                self.plan.inspection = None
                self.plan.choose_conversion(None)
            self.verdict.show_error(self.tr("This file cannot be imported as it is. See the fix "
                                            "below."))
            return
        if refused:
            self.verdict.show_info(self.tr("This file cannot be imported as it is: it is "
                                           "converted while uploading, which fixes it."))
        elif converting:
            self.verdict.show_info(self.tr("This file can be imported; it is converted while "
                                           "uploading."))
        elif inspection.verdict is Verdict.WARN:
            self.verdict.show_info(self.tr("This file can be imported; read the warnings "
                                           "below."))
        else:
            self.verdict.show_info(self.tr("This file can be imported."))
        self._say_guest_not_ready()
        self._inspection = inspection
        self.settings.set_value("disk/folder", str(inspection.path.parent))
        self._use_local_file()

    # --- converting while uploading -----------------------------------------------------------
    def _show_offer(self, offer: ConversionOffer | None) -> None:
        """Offer converting while uploading (checked: the recommended fix), or hide it."""
        self.convert_upload.blockSignals(True)
        self.convert_upload.setChecked(offer is not None)
        self.convert_upload.blockSignals(False)
        self.convert_upload.setVisible(offer is not None)
        if offer is None:
            return
        if offer.estimate is not None:
            text = self.tr("Convert &while uploading (recommended): about %1 to send instead "
                           "of %2").replace("%1", format_size(offer.estimate.output_bytes)) \
                .replace("%2", format_size(offer.as_is))
        else:
            text = self.tr("Convert &while uploading (recommended): a compressed "
                           "streamOptimized VMDK")
        self.convert_upload.setText(text)

    def converting_chosen(self) -> bool:
        """The disk shown will be converted while uploading."""
        return self._offer is not None and self.convert_upload.isChecked()

    def conversion_offer(self) -> ConversionOffer | None:
        """What converting while uploading offers for the disk shown (None: not offered)."""
        return self._offer

    def _convert_upload_toggled(self, checked: bool) -> None:
        log.info("%s: %s", self._shown.path if self._shown else "?",
                 "convert while uploading" if checked else "send as it is (no conversion)")
        self._settle()
        self.completeChanged.emit()

    def _offer_upload_anyway(self, offered: bool) -> None:
        """Show the choice (for a refusal) or hide it; either way it starts unticked."""
        self.upload_anyway.blockSignals(True)
        self.upload_anyway.setChecked(False)
        self.upload_anyway.blockSignals(False)
        self.upload_anyway.setVisible(offered)

    def _upload_anyway_toggled(self, checked: bool) -> None:
        from vmdkimport.core.disk.preflight import Verdict

        refused = self._shown
        if refused is None or refused.verdict is not Verdict.REFUSED:
            return
        if checked:
            self._inspection = refused
            self._use_local_file()
        else:
            self._inspection = None
            if self.plan.inspection is refused:
                self.plan.inspection = None
        self.completeChanged.emit()

    def _inspect_failed(self, seq: int, exc: object) -> None:
        if seq != self._inspect_seq:
            return
        self.verdict.show_error(error_text(exc))

    def _use_local_file(self) -> None:
        inspection = self._inspection
        if inspection is None or not self.use_file.isChecked():
            return
        self.plan.source_kind = SourceKind.LOCAL_FILE
        self.plan.file = inspection.path
        if self.plan.checksum_mode is ChecksumMode.NONE:
            self.plan.checksum_mode = ChecksumMode.COMPUTE
        if self.plan.inspection is not inspection:  # keep what later pages changed since
            self.plan.apply_inspection(inspection)
            if inspection.upload_source is None:  # uploaded anyway: the file as it is, so the
                # object is named after it, not after the conversion the pre-flight suggested
                self.plan.object_name = rules.suggest_object_name(inspection.path.name)
        source = self._offer.source if self.converting_chosen() and self._offer else None
        if self.plan.convert_source is not source:  # the object name follows the choice
            self.plan.choose_conversion(source, self._offer.estimate if self._offer else None)
        if self._guest is not None and self.plan.guest is not self._guest:
            self.plan.apply_guest(self._guest)  # fills os_type; the override starts off...
            self.plan.guest_override = self.guest_anyway.isChecked()  # ...unless ticked here

    def _details_html(self, inspection: Inspection, offer: ConversionOffer | None = None
                      ) -> str:
        from vmdkimport.core.disk import qemu
        from vmdkimport.core.disk.preflight import Verdict

        def esc(text: object) -> str:
            return html.escape(str(text))

        verdicts = {Verdict.IMPORTABLE: self.tr("importable"),
                    Verdict.WARN: self.tr("importable, with warnings"),
                    Verdict.REFUSED: self.tr("refused: this file cannot be imported as it is")}
        rows = [(self.tr("File"), inspection.path.name),
                (self.tr("Kind"), i18n.core(inspection.description))]
        if inspection.subformat:
            rows.append((self.tr("Subformat"), inspection.subformat))
        if inspection.virtual_size is not None:
            rows.append((self.tr("Virtual size"), _size_text(inspection.virtual_size)))
        rows.append((self.tr("File size"), _size_text(inspection.file_size)))
        rows.append((self.tr("Verdict"), verdicts[inspection.verdict]))
        parts = ["<table cellspacing='2'>"]
        for label, value in rows:
            parts.append(f"<tr><td><b>{esc(label)}:</b></td><td>{esc(value)}</td></tr>")
        parts.append("</table>")
        marks = {Verdict.IMPORTABLE: "", Verdict.WARN: self.tr("Warning: "),
                 Verdict.REFUSED: self.tr("Refused: ")}
        findings_title = self.tr("Findings")
        fix_title = self.tr("Fix")
        not_installed = self.tr("qemu-img is not installed.")
        if inspection.findings:
            parts.append(f"<p><b>{esc(findings_title)}</b></p><ul>")
            for finding in inspection.findings:
                parts.append(f"<li>{esc(marks[finding.level])}{esc(i18n.core(finding.text))}</li>")
            parts.append("</ul>")
        if inspection.fix:
            parts.append(f"<p><b>{esc(fix_title)}</b></p><p>{esc(i18n.core(inspection.fix))}</p>")
        conversion = inspection.conversion
        if offer is not None:  # the built-in converter: no qemu-img to install or to run
            hint = self.tr("The built-in converter reads this disk: it is converted while "
                           "uploading, or Convert… writes a streamOptimized copy to a file.")
            parts.append(f"<p>{esc(hint)}</p>")
        elif conversion is not None:
            if inspection.can_convert:
                hint = self.tr("qemu-img is installed: Convert… runs this for you:")
                parts.append(f"<p>{esc(hint)}</p>")
            else:
                parts.append(f"<p>{esc(not_installed)} "
                             f"{esc(i18n.core(qemu.INSTALL_HINT))}</p>")
            parts.append(f"<pre>{esc(conversion.command_text)}</pre>")
        return "".join(parts)

    # --- conversion --------------------------------------------------------------------------
    def ask_conversion(self) -> None:
        inspection = self._shown
        if inspection is None or inspection.conversion is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the converted disk as"), str(inspection.conversion.output),
            self.tr("VMDK disks (*.vmdk)"))
        if path:  # the dialog has asked before replacing an existing file
            self.start_conversion(Path(path), overwrite=True)

    def start_conversion(self, output: Path | None = None, *, overwrite: bool = False) -> None:
        """Convert the file shown to a streamOptimized VMDK at ``output``, then use that."""
        inspection = self._shown
        if inspection is None or inspection.conversion is None or self._cancel is not None:
            return
        conversion = inspection.conversion
        target = Path(output) if output is not None else conversion.output
        # the built-in writer for what it reads (the same bytes the upload would send);
        # qemu-img only for the rest (qcow2, VHD, VHDX, snapshot chains)
        own = self._offer.source if self._offer is not None else None
        cancel = threading.Event()
        self._cancel = cancel
        self._set_converting(True)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Converting… %p%"))
        self.verdict.show_info(self.tr("Converting to %1…").replace("%1", target.name))

        def convert(report: Report) -> Path:
            from vmdkimport.core.disk import qemu

            if own is None:
                return qemu.convert_to_stream_optimized(
                    conversion.source, target, on_progress=report, cancel=cancel,
                    source_format=conversion.source_format, overwrite=overwrite)
            return convert_with_own_writer(own, target, report=report, cancel=cancel,
                                           overwrite=overwrite)

        self._start(convert, name="convert", on_success=self._converted,
                    on_error=self._conversion_failed, on_progress=self._conversion_progress,
                    cancel=cancel.set)

    def stop_conversion(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_conversion.setEnabled(False)
            self.verdict.show_info(self.tr("Cancelling the conversion…"))

    def is_converting(self) -> bool:
        return self._cancel is not None

    def _conversion_progress(self, value: object) -> None:
        if isinstance(value, int | float):
            self.progress.setValue(int(value))

    def _converted(self, path: Path) -> None:
        self._set_converting(False)
        self.progress.setValue(100)
        self.progress.setFormat(self.tr("Converted: %p%"))
        self.file_edit.setText(str(path))
        self._inspect(Path(path))

    def _conversion_failed(self, exc: object) -> None:
        self._set_converting(False)
        self.progress.hide()
        if isinstance(exc, Cancelled):
            self.verdict.show_info(self.tr("The conversion was cancelled; the partial file was "
                                           "removed."))
        else:
            self.verdict.show_error(error_text(exc))

    def _set_converting(self, converting: bool) -> None:
        if not converting:
            self._cancel = None
        self.progress.setVisible(True)
        self.cancel_conversion.setVisible(converting)
        self.cancel_conversion.setEnabled(converting)
        for widget in (self.convert, self.file_edit, self.browse, self.use_file,
                       self.use_object, self.upload_anyway, self.guest_anyway,
                       self.convert_upload):
            widget.setEnabled(not converting)

    # --- drag and drop -----------------------------------------------------------------------
    def _dropped_path(self, event: QDropEvent) -> str | None:
        mime = event.mimeData()
        if not mime.hasUrls() or self.is_converting():
            return None
        urls = [u for u in mime.urls() if u.isLocalFile()]
        return urls[0].toLocalFile() if urls else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path:
            event.acceptProposedAction()
            self.choose_file(path)
        else:
            event.ignore()

    # --- an existing object ------------------------------------------------------------------
    def _choice_changed(self, use_object: bool) -> None:
        self.file_box.setVisible(not use_object)
        self.object_box.setVisible(use_object)
        if use_object:
            self._use_object()
            if self._listed_for is not self.plan.session or self.container.count() == 0:
                self.refresh_containers()
        else:
            self.plan.source_kind = SourceKind.LOCAL_FILE
            self._use_local_file()
        self.completeChanged.emit()

    def refresh_containers(self) -> None:
        session = self.plan.session
        self.container.blockSignals(True)
        self.container.clear()
        self.container.blockSignals(False)
        self.objects.clear()
        self._object = None
        if session is None:
            self.object_message.show_error(self.tr("Sign in first (page Connection)."))
            return
        self._listed_for = session
        self._list_seq += 1
        seq = self._list_seq
        self.object_message.show_info(self.tr("Listing the containers…"))
        self._start(lambda report: session.storage.list_containers(), name="list-containers",
                    on_success=lambda result: self._containers_listed(seq, result),
                    on_error=lambda exc: self._listing_failed(seq, exc))

    def _containers_listed(self, seq: int, containers: list[ContainerInfo]) -> None:
        if seq != self._list_seq:
            return
        self.container.blockSignals(True)
        self.container.clear()
        for info in containers:
            self.container.addItem(info.name, info.name)
        self.container.blockSignals(False)
        if not containers:
            self.object_message.show_info(self.tr("This project has no container yet: "
                                                  "upload a file instead."))
            return
        preferred = (self.plan.container, self.settings.value("destination/container"))
        index = next((i for i in (self.container.findData(p) for p in preferred if p)
                      if i >= 0), 0)
        self.container.blockSignals(True)
        self.container.setCurrentIndex(index)
        self.container.blockSignals(False)
        self._container_chosen(index)

    def _container_chosen(self, _index: int) -> None:
        session = self.plan.session
        name = self.container.currentData()
        self.objects.clear()
        self._object = None
        self.completeChanged.emit()
        if session is None or not name:
            return
        self._list_seq += 1
        seq = self._list_seq
        self.object_message.show_info(self.tr("Listing the objects of %1…").replace("%1", name))
        self._start(lambda report: session.storage.list_objects(name), name="list-objects",
                    on_success=lambda result: self._objects_listed(seq, name, result),
                    on_error=lambda exc: self._listing_failed(seq, exc))

    def _objects_listed(self, seq: int, container: str, objects: list[ObjectInfo]) -> None:
        if seq != self._list_seq:
            return
        self.objects.clear()
        disks = [o for o in objects if o.name.endswith(rules.VMDK_SUFFIX)]
        for info in disks:
            item = QListWidgetItem(f"{info.name}    ({format_size(info.size)})")
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            item.setToolTip(f"{info.size} bytes")
            self.objects.addItem(item)
        if disks:
            self.object_message.show_info(self.tr("Choose the disk to register."))
        else:
            self.object_message.show_info(self.tr("No .vmdk object in %1.")
                                          .replace("%1", container))

    def _listing_failed(self, seq: int, exc: object) -> None:
        if seq != self._list_seq:
            return
        self.object_message.show_error(error_text(exc))

    def _object_chosen(self, current: QListWidgetItem | None, *_: object) -> None:
        name = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        container = self.container.currentData()
        self._object = (str(container), str(name)) if name and container else None
        self._use_object()
        self.completeChanged.emit()

    def _use_object(self) -> None:
        if self._object is None or not self.use_object.isChecked():
            return
        container, name = self._object
        self.plan.source_kind = SourceKind.EXISTING_OBJECT
        if self.plan.guest is not None:  # the file's guest says nothing about this object
            self.plan.apply_guest(None)
        self.plan.container = container
        self.plan.object_name = name
        self.plan.checksum_mode = ChecksumMode.NONE
        if not self.plan.name or self.plan.name == self._auto_name:
            self.plan.name = rules.suggest_image_name(name)
            self._auto_name = self.plan.name

    # --- the wizard ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        if self.use_object.isChecked() and self._listed_for is not self.plan.session:
            self.refresh_containers()

    def isComplete(self) -> bool:
        if self.is_busy():
            return False
        if self.use_object.isChecked():
            return self._object is not None
        return self._inspection is not None and not self.guest_blocks()

    def validatePage(self) -> bool:
        if self.use_object.isChecked():
            self._use_object()
        else:
            self._use_local_file()
        return self.isComplete()


def convert_with_own_writer(source: UploadSource, target: Path, *, report: Report,
                            cancel: threading.Event, overwrite: bool) -> Path:
    """Convert… to a file with the built-in writer (on the worker): the same checks and
    errors as qemu-img's conversion, so the page treats both alike."""
    from vmdkimport.core.disk.qemu import ConversionFailed
    from vmdkimport.core.disk.streamopt import convert_to_file
    from vmdkimport.core.text import Text

    if target.resolve() == source.path.resolve():
        raise ConversionFailed(
            Text("The converted disk cannot replace the file it is made from."),
            Text("Choose another file name for the converted disk."))
    if target.exists() and not overwrite:
        raise ConversionFailed(
            Text("{path} already exists.", path=str(target)),
            Text("Choose another file name, or delete the existing file first."))
    return convert_to_file(source.path, target, member=source.member, on_progress=report,
                           cancelled=cancel.is_set)


def _size_text(n: int) -> str:
    """``n`` bytes for a person: "8.0 GiB (8,589,934,592 bytes)"."""
    return QCoreApplication.translate("DiskPage", "%1 (%2 bytes)").replace(
        "%1", format_size(n)).replace("%2", f"{n:,}")
