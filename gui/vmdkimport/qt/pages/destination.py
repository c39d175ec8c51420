"""Page 3, Destination (local files only): the container and object the disk is uploaded to,
what the upload will find there (checked on a worker, never on the GUI thread), and the
advanced upload settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vmdkimport.core import rules
from vmdkimport.core.rules import Field
from vmdkimport.core.upload.segments import Manifest
from vmdkimport.qt import i18n
from vmdkimport.qt.i18n import error_text
from vmdkimport.qt.pages.base import PageHost, PlanPage
from vmdkimport.qt.widgets import LineEdit, MessageLabel

if TYPE_CHECKING:
    from vmdkimport.core.cloud.objectstorage import ContainerInfo
    from vmdkimport.core.upload.destination import DestinationCheck
    from vmdkimport.qt.tasks import Report

MIB = 1024 * 1024
DEFAULT_CONTAINER = "images"
SETTINGS_KEY = "destination/container"
#: the sizes offered for segments (the default 256 MiB is core's DEFAULT_SEGMENT_SIZE)
SEGMENT_SIZES = (64 * MIB, 128 * MIB, 256 * MIB, 512 * MIB, 1024 * MIB)
DEBOUNCE_MS = 400

_Key = tuple[str, str, int, str]


class DestinationPage(PlanPage):
    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Destination"))
        self.setSubTitle(self.tr("Where in object storage the disk is uploaded. The import "
                                 "service reads it from there."))
        self.container = QComboBox()
        self.container.setEditable(True)
        self.container.setLineEdit(LineEdit())  # Alt+letter types nothing
        self.container.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.container_message = MessageLabel()
        self.object_edit = LineEdit()
        self.object_message = MessageLabel()
        self.location = LineEdit()
        self.location.setReadOnly(True)
        self.check_message = MessageLabel()
        self.replace = QCheckBox(self.tr("&Replace the existing object"))
        self.replace.hide()
        self.recheck = QPushButton(self.tr("Chec&k again"))
        self.recheck.hide()
        self.recheck.clicked.connect(self.start_check)

        # --- advanced --------------------------------------------------------------------------
        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setText(self.tr("&Advanced"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.toggled.connect(self._toggle_advanced)
        self.segment_size = QComboBox()
        for size in SEGMENT_SIZES:
            label = (self.tr("%1 GiB").replace("%1", str(size // 1024 // MIB)) if size >= 1024 * MIB
                     else self.tr("%1 MiB").replace("%1", str(size // MIB)))
            self.segment_size.addItem(label, size)
        self.threads = QSpinBox()
        self.threads.setRange(1, 16)
        self.limit = QSpinBox()
        self.limit.setRange(0, 100_000)
        self.limit.setSuffix(self.tr(" MiB/s"))
        self.limit.setSpecialValueText(self.tr("Unlimited"))
        self.manifest = QComboBox()
        self.manifest.addItem(self.tr("Dynamic large object (DLO)"), Manifest.DLO.value)
        self.manifest.addItem(self.tr("Static large object (SLO)"), Manifest.SLO.value)
        self._set_slo_available(False)
        self.advanced = QWidget()
        advanced_form = QFormLayout(self.advanced)
        advanced_form.addRow(self.tr("Se&gment size:"), self.segment_size)
        advanced_form.addRow(self.tr("&Parallel segments:"), self.threads)
        advanced_form.addRow(self.tr("Band&width limit:"), self.limit)
        advanced_form.addRow(self.tr("&Manifest:"), self.manifest)
        self.advanced.hide()

        form = QFormLayout()
        form.addRow(self.tr("Con&tainer:"), self.container)
        form.addRow("", self.container_message)
        form.addRow(self.tr("&Object name:"), self.object_edit)
        form.addRow("", self.object_message)
        form.addRow(self.tr("&Location:"), self.location)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_message, 1)
        check_row.addWidget(self.recheck)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(check_row)
        layout.addWidget(self.replace)
        layout.addWidget(self.advanced_toggle)
        layout.addWidget(self.advanced)
        layout.addStretch(1)

        self.register_field_widget(Field.CONTAINER, self.container)
        self.register_field_widget(Field.OBJECT, self.object_edit)
        self.register_field_widget(Field.LOCATION, self.object_edit)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.start_check)
        self._check: DestinationCheck | None = None
        self._check_key: _Key | None = None
        self._check_seq = 0
        self._checking = False
        self._list_seq = 0
        self._consent_for: tuple[str, str] | None = None

        self.container.editTextChanged.connect(self._target_edited)
        self.object_edit.textEdited.connect(self._target_edited)
        self.segment_size.currentIndexChanged.connect(self._settings_edited)
        self.manifest.currentIndexChanged.connect(self._settings_edited)
        self.replace.toggled.connect(self._replace_toggled)

    # --- the wizard ----------------------------------------------------------------------------
    def initializePage(self) -> None:
        container = self.plan.container or self.settings.value(SETTINGS_KEY) or DEFAULT_CONTAINER
        self.container.blockSignals(True)
        self.container.setEditText(container)
        self.container.blockSignals(False)
        self.object_edit.setText(self.plan.object_name)
        index = self.segment_size.findData(self.plan.segment_size)
        self.segment_size.setCurrentIndex(index if index >= 0 else SEGMENT_SIZES.index(256 * MIB))
        self.threads.setValue(self.plan.threads)
        self.limit.setValue((self.plan.limit_rate or 0) // MIB)
        self.manifest.setCurrentIndex(max(0, self.manifest.findData(self.plan.manifest.value)))
        self._consent_for = None
        self.replace.setChecked(False)
        self._show_names()
        self.list_containers()
        self.start_check()

    def isComplete(self) -> bool:
        if self.names_error() is not None:
            return False
        check = self._check
        if check is None or self._checking or self._check_key != self._key():
            return False
        return not (check.needs_consent and not self.replace.isChecked())

    def validatePage(self) -> bool:
        if not self.isComplete():
            return False
        self._write_target()
        self.plan.overwrite = bool(self._check and self._check.needs_consent
                                   and self.replace.isChecked())
        self.plan.threads = self.threads.value()
        self.plan.limit_rate = self.limit.value() * MIB or None
        self.settings.set_value(SETTINGS_KEY, self.plan.container)
        return True

    # --- names ----------------------------------------------------------------------------------
    def container_name(self) -> str:
        return self.container.currentText().strip()

    def object_name(self) -> str:
        return self.object_edit.text().strip()

    def names_error(self) -> str | None:
        return rules.container_error(self.container_name()) or \
            rules.object_error(self.object_name())

    def _key(self) -> _Key:
        return (self.container_name(), self.object_name(), self._segment_size(),
                self._manifest().value)

    def _segment_size(self) -> int:
        return int(self.segment_size.currentData())

    def _manifest(self) -> Manifest:
        return Manifest(self.manifest.currentData())

    def _write_target(self) -> None:
        self.plan.container = self.container_name()
        self.plan.object_name = self.object_name()
        self.plan.segment_size = self._segment_size()
        self.plan.manifest = self._manifest()

    def _show_names(self) -> None:
        self._write_target()
        for message, error in ((self.container_message,
                                rules.container_error(self.container_name())),
                               (self.object_message, rules.object_error(self.object_name()))):
            if error:
                message.show_error(i18n.core(error))
                message.show()
            else:
                message.clear_message()
                message.hide()
        self.location.setText(self.plan.location if self.names_error() is None else "")

    # --- edits ----------------------------------------------------------------------------------
    def _target_edited(self, *_: object) -> None:
        target = (self.container_name(), self.object_name())
        if self._consent_for is not None and self._consent_for != target:
            self._consent_for = None
            self.replace.setChecked(False)
        self._settings_edited()

    def _settings_edited(self, *_: object) -> None:
        self._show_names()
        self._invalidate()
        if self.names_error() is None:
            self.check_message.show_info(self.tr("Checking the destination…"))
            self._debounce.start()
        else:
            self._debounce.stop()
            self.check_message.clear_message()
        self.completeChanged.emit()

    def _replace_toggled(self, checked: bool) -> None:
        self._consent_for = (self.container_name(), self.object_name()) if checked else None
        self.completeChanged.emit()

    def _invalidate(self) -> None:
        self._check = None
        self._check_key = None
        self.replace.hide()
        self.recheck.hide()

    # --- the destination check --------------------------------------------------------------
    def start_check(self) -> None:
        """Ask object storage what the upload will find there (on a worker)."""
        self._debounce.stop()
        self._show_names()
        self._invalidate()
        session = self.plan.session
        if self.names_error() is not None:
            self.check_message.clear_message()
            self.completeChanged.emit()
            return
        if session is None:
            self.check_message.show_error(self.tr("Sign in first (page Connection)."))
            self.completeChanged.emit()
            return
        try:
            request = self.plan.upload_request()
        except ValueError as exc:
            self.check_message.show_error(error_text(exc))
            self.completeChanged.emit()
            return
        storage = session.storage
        self._check_seq += 1
        seq = self._check_seq
        key = self._key()
        self._checking = True
        self.check_message.show_info(self.tr("Checking the destination…"))

        def check(report: Report) -> DestinationCheck:
            # imported here, on the worker: the uploader is not needed before this check
            from vmdkimport.core.upload.destination import check_destination

            return check_destination(storage, request)

        self.run(check, name="check-destination",
                 on_success=lambda check: self._checked(seq, key, check),
                 on_error=lambda exc: self._check_failed(seq, exc))
        self.completeChanged.emit()

    def is_checking(self) -> bool:
        return self._checking or self._debounce.isActive()

    def current_check(self) -> DestinationCheck | None:
        return self._check

    def _checked(self, seq: int, key: _Key, check: DestinationCheck) -> None:
        if seq != self._check_seq:
            return  # an edit started a newer check
        self._checking = False
        self._check = check
        self._check_key = key
        self._set_slo_available(check.slo_available)
        text = i18n.core(check.message())
        if check.needs_consent:
            self.check_message.show_error(text)
        else:
            self.check_message.show_info(text)
        self.replace.setVisible(check.needs_consent)
        self.completeChanged.emit()

    def _check_failed(self, seq: int, exc: object) -> None:
        if seq != self._check_seq:
            return
        self._checking = False
        self.check_message.show_error(error_text(exc))
        self.recheck.show()
        self.completeChanged.emit()

    # --- containers -----------------------------------------------------------------------------
    def list_containers(self) -> None:
        session = self.plan.session
        if session is None:
            return
        self._list_seq += 1
        seq = self._list_seq
        storage = session.storage
        self.run(lambda report: storage.list_containers(), name="list-containers",
                 on_success=lambda result: self._containers_listed(seq, result),
                 on_error=lambda exc: None)  # the list is only a convenience

    def _containers_listed(self, seq: int, containers: list[ContainerInfo]) -> None:
        if seq != self._list_seq:
            return
        text = self.container.currentText()
        self.container.blockSignals(True)
        self.container.clear()
        for info in containers:
            if not info.name.endswith("_segments"):
                self.container.addItem(info.name)
        self.container.setEditText(text)
        self.container.blockSignals(False)

    # --- view -----------------------------------------------------------------------------------
    def _toggle_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                          else Qt.ArrowType.RightArrow)

    def _set_slo_available(self, available: bool) -> None:
        model = self.manifest.model()
        index = self.manifest.findData(Manifest.SLO.value)
        if isinstance(model, QStandardItemModel) and index >= 0:
            item = model.item(index)
            if item is not None:
                item.setEnabled(available)
        if not available and self.manifest.currentData() == Manifest.SLO.value:
            self.manifest.setCurrentIndex(self.manifest.findData(Manifest.DLO.value))
        self.manifest.setToolTip("" if available else
                                 self.tr("This object storage does not offer static large "
                                         "objects (SLO)."))
