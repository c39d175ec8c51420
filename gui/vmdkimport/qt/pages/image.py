"""Page 4, Image settings: every value of the register call's Table 2 except the location.

The page only writes its widgets into the :class:`~vmdkimport.core.plan.ImportPlan` and shows what
``plan.image_problems()`` finds, next to the field it concerns; the rules live in the core.

The OS type follows the guest inspection (the OS found on the disk) and an OS type that
contradicts it is refused with both values, unless the user ticks that they mean it (logged).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from vmdkimport.core import rules
from vmdkimport.core.plan import ChecksumMode, SourceKind
from vmdkimport.core.rules import Field
from vmdkimport.qt import i18n
from vmdkimport.qt.guest_card import os_line
from vmdkimport.qt.pages.base import PageHost, PlanPage
from vmdkimport.qt.widgets import LineEdit, MessageLabel

log = logging.getLogger(__name__)


def _int_validator(parent: QWidget) -> QIntValidator:
    """Digits only, 0..INT32_MAX, whatever the user's locale (no group separators)."""
    validator = QIntValidator(0, rules.INT32_MAX, parent)
    locale = QLocale.c()
    locale.setNumberOptions(QLocale.NumberOption.RejectGroupSeparator)
    validator.setLocale(locale)
    return validator


class ImagePage(PlanPage):
    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Image settings"))
        self.setSubTitle(self.tr("How the image is registered: its name, the OS on the disk and "
                                 "the optional settings of the register call."))
        self._filling = False
        self._has_local_problem = False
        self._overridden_for = ""  # the os_type the override was ticked for
        self._errors: dict[Field, MessageLabel] = {}

        # --- name and OS type -------------------------------------------------------------------
        self.name = LineEdit()
        self.os_type = QComboBox()
        self.os_type.addItem(self.tr("Choose the OS installed on the disk…"), "")
        for os_type in rules.OS_TYPES:
            self.os_type.addItem(f"{i18n.catalog(os_type.description)} ({os_type.keyword})",
                                 os_type.keyword)
        self.os_warning = QLabel(i18n.catalog(rules.OS_TYPE_WARNING))
        self.os_warning.setWordWrap(True)
        self.os_hint = MessageLabel()
        #: what the guest inspection found ("Found on the disk: …")
        self.guest_hint = MessageLabel()
        self.guest_hint.hide()
        #: an OS type that contradicts the disk: the message with both values, and the way past
        self.os_conflict = MessageLabel()
        self.os_conflict.hide()
        self.os_type_anyway = QCheckBox()
        self.os_type_anyway.hide()
        self.os_type_anyway.toggled.connect(self._os_type_anyway_toggled)

        # --- minimums and image id ----------------------------------------------------------------
        self.min_ram = LineEdit()
        self.min_ram.setValidator(_int_validator(self.min_ram))
        self.min_ram.setPlaceholderText(self.tr("blank: not sent (the service uses 0)"))
        self.min_disk = LineEdit()
        self.min_disk.setValidator(_int_validator(self.min_disk))
        self.min_disk.setPlaceholderText(self.tr("blank: not sent (the service uses 0)"))
        self.image_id = LineEdit()
        self.image_id.setPlaceholderText(self.tr("blank: the service assigns one"))
        self.generate = QPushButton(self.tr("&Generate"))
        self.generate.setToolTip(self.tr("A new random UUID, as uuidgen makes"))
        self.generate.clicked.connect(self._generate_id)

        # --- checksum -----------------------------------------------------------------------------
        self.checksum_compute = QRadioButton(
            self.tr("&Compute the SHA1 during the upload (recommended)"))
        self.checksum_paste = QRadioButton(self.tr("&Paste a SHA1:"))
        self.checksum = LineEdit()
        self.checksum.setPlaceholderText(self.tr("40 hexadecimal digits"))
        self.checksum_none = QRadioButton(self.tr("No chec&ksum"))
        self.checksum_modes = QButtonGroup(self)
        for button in (self.checksum_compute, self.checksum_paste, self.checksum_none):
            self.checksum_modes.addButton(button)

        # --- KMS ----------------------------------------------------------------------------------
        self.kms = QGroupBox(self.tr("Windows licence activation (KMS)"))
        self.kms_note = QLabel(self.tr("Only for Windows images"))
        self.kms_server = LineEdit()
        self.kms_server.setPlaceholderText(
            self.tr("kms.example.com:%1 — blank: the region's default server, port %1")
            .replace("%1", str(rules.KMS_DEFAULT_PORT)))
        self.kms_activate = QCheckBox(self.tr("Acti&vate Windows against the KMS server"))
        self.message = MessageLabel()

        # --- layout -------------------------------------------------------------------------------
        form = QFormLayout()
        form.addRow(self._buddy(self.tr("Image na&me:"), self.name),
                    self._with_error(self.name, Field.NAME))
        os_box = QVBoxLayout()
        os_box.setContentsMargins(0, 0, 0, 0)
        os_box.addWidget(self.os_type)
        os_box.addWidget(self.guest_hint)
        os_box.addWidget(self._error_label(Field.OS_TYPE))
        os_box.addWidget(self.os_conflict)
        os_box.addWidget(self.os_type_anyway)
        os_box.addWidget(self.os_warning)
        os_box.addWidget(self.os_hint)
        os_widget = QWidget()
        os_widget.setLayout(os_box)
        form.addRow(self._buddy(self.tr("&OS type:"), self.os_type), os_widget)
        form.addRow(self._buddy(self.tr("Minimum &RAM (MB):"), self.min_ram),
                    self._with_error(self.min_ram, Field.MIN_RAM))
        form.addRow(self._buddy(self.tr("Minimum &disk (GB):"), self.min_disk),
                    self._with_error(self.min_disk, Field.MIN_DISK))
        id_row = QHBoxLayout()
        id_row.setContentsMargins(0, 0, 0, 0)
        id_row.addWidget(self.image_id, 1)
        id_row.addWidget(self.generate)
        id_widget = QWidget()
        id_widget.setLayout(id_row)
        id_widget.setFocusProxy(self.image_id)
        form.addRow(self._buddy(self.tr("Image &ID (optional):"), self.image_id),
                    self._with_error(id_widget, Field.IMAGE_ID))

        checksum_box = QVBoxLayout()
        checksum_box.setContentsMargins(0, 0, 0, 0)
        checksum_box.addWidget(self.checksum_compute)
        checksum_box.addWidget(self.checksum_none)
        paste_row = QHBoxLayout()
        paste_row.addWidget(self.checksum_paste)
        paste_row.addWidget(self.checksum, 1)
        checksum_box.addLayout(paste_row)
        checksum_box.addWidget(self._error_label(Field.CHECKSUM))
        checksum_widget = QWidget()
        checksum_widget.setLayout(checksum_box)
        form.addRow(self.tr("Checksum:"), checksum_widget)

        kms_form = QFormLayout(self.kms)
        kms_form.addRow(self.kms_note)
        kms_form.addRow(self._buddy(self.tr("KMS &server:"), self.kms_server),
                        self._with_error(self.kms_server, Field.KMS_SERVER))
        kms_form.addRow("", self._with_error(self.kms_activate, Field.KMS))
        self._errors[Field.KMS_ACTIVATE] = self._errors[Field.KMS]

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.kms)
        layout.addWidget(self.message)
        layout.addStretch(1)

        for field, widget in (
            (Field.NAME, self.name), (Field.OS_TYPE, self.os_type), (Field.MIN_RAM, self.min_ram),
            (Field.MIN_DISK, self.min_disk), (Field.IMAGE_ID, self.image_id),
            (Field.CHECKSUM, self.checksum), (Field.KMS, self.kms_server),
            (Field.KMS_SERVER, self.kms_server), (Field.KMS_ACTIVATE, self.kms_activate),
        ):
            self.register_field_widget(field, widget)

        for edit in (self.name, self.min_ram, self.min_disk, self.image_id, self.checksum,
                     self.kms_server):
            edit.textChanged.connect(self._changed)
        self.os_type.currentIndexChanged.connect(self._changed)
        # what the user types stays when they go back and pick another disk; the rest follows
        for edit, name in ((self.name, "name"), (self.min_ram, "min_ram"),
                           (self.min_disk, "min_disk")):
            edit.textEdited.connect(lambda _text, name=name: self.plan.mark_typed(name))
        self.os_type.activated.connect(lambda _index: self.plan.mark_typed("os_type"))
        self.checksum_modes.buttonToggled.connect(self._changed)
        self.kms_activate.toggled.connect(self._changed)

    # --- building helpers --------------------------------------------------------------------
    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _error_label(self, field: Field) -> MessageLabel:
        label = MessageLabel()
        label.setVisible(False)
        self._errors[field] = label
        return label

    def _with_error(self, widget: QWidget, field: Field) -> QWidget:
        """``widget`` with its field's error message under it."""
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        box.addWidget(self._error_label(field))
        holder = QWidget()
        holder.setLayout(box)
        holder.setFocusProxy(widget)
        return holder

    # --- plan <-> widgets --------------------------------------------------------------------
    def initializePage(self) -> None:
        plan = self.plan
        existing = plan.source_kind is SourceKind.EXISTING_OBJECT
        self._filling = True
        try:
            self.name.setText(plan.name)
            index = self.os_type.findData(plan.os_type) if plan.os_type else -1
            self.os_type.setCurrentIndex(max(index, 0))
            hint = plan.inspection.suggestions.os_type_hint if plan.inspection else None
            self.os_hint.show_info(self.tr("Pre-flight: %1").replace("%1", hint) if hint else "")
            self.os_hint.setVisible(bool(hint))
            found = os_line(plan.guest.os) if plan.guest is not None else ""
            self.guest_hint.show_info(self.tr("Found on the disk: %1").replace("%1", found)
                                      if found else "")
            self.guest_hint.setVisible(bool(found))
            self.min_ram.setText("" if plan.min_ram is None else str(plan.min_ram))
            self.min_disk.setText("" if plan.min_disk is None else str(plan.min_disk))
            self.image_id.setText(plan.image_id)
            self.checksum.setText(plan.checksum if plan.checksum_mode is ChecksumMode.PASTE
                                  else "")
            self.checksum_none.setVisible(existing)
            self.checksum_compute.setEnabled(not existing)
            self.checksum_compute.setToolTip(
                self.tr("Nothing is uploaded: the disk is already in object storage, so no "
                        "SHA1 can be computed during an upload.") if existing else "")
            mode = plan.checksum_mode
            if existing and mode is ChecksumMode.COMPUTE:
                mode = ChecksumMode.NONE
            elif not existing and mode is ChecksumMode.NONE:
                mode = ChecksumMode.COMPUTE
            {ChecksumMode.COMPUTE: self.checksum_compute, ChecksumMode.PASTE: self.checksum_paste,
             ChecksumMode.NONE: self.checksum_none}[mode].setChecked(True)
            self.kms_server.setText(plan.kms_server)
            self.kms_activate.setChecked(plan.kms_activate)
        finally:
            self._filling = False
        self._changed()

    def chosen_os_type(self) -> str:
        return str(self.os_type.currentData() or "")

    def checksum_mode(self) -> ChecksumMode:
        if self.checksum_paste.isChecked():
            return ChecksumMode.PASTE
        if self.checksum_none.isChecked():
            return ChecksumMode.NONE
        return ChecksumMode.COMPUTE

    def _number(self, edit: QLineEdit) -> tuple[int | None, bool]:
        """The number in ``edit`` (None when blank) and whether the text was a number at all."""
        text = edit.text().strip()
        if not text:
            return None, True
        try:
            return int(text), True
        except ValueError:
            return None, False

    def write_plan(self) -> dict[Field, str]:
        """Write every widget into the plan; the problems the plan cannot hold, by field."""
        plan = self.plan
        local: dict[Field, str] = {}
        plan.name = self.name.text()
        plan.os_type = self.chosen_os_type()
        plan.min_ram, ok = self._number(self.min_ram)
        if not ok:
            local[Field.MIN_RAM] = self.tr("Minimum RAM must be a whole number of MB.")
        plan.min_disk, ok = self._number(self.min_disk)
        if not ok:
            local[Field.MIN_DISK] = self.tr("Minimum disk must be a whole number of GB.")
        plan.image_id = self.image_id.text()
        plan.checksum_mode = self.checksum_mode()
        if plan.checksum_mode is ChecksumMode.PASTE:
            plan.checksum = self.checksum.text()
        elif plan.upload_result is None:
            plan.checksum = ""
        plan.kms_server = self.kms_server.text()
        plan.kms_activate = self.kms_activate.isChecked()
        return local

    def _changed(self, *_: object) -> None:
        if self._filling:
            return
        local = self.write_plan()
        windows = rules.is_windows(self.plan.os_type)
        self.kms.setEnabled(windows)
        self.kms_note.setVisible(not windows)
        self.checksum.setEnabled(self.checksum_paste.isChecked())

        texts: dict[int, list[str]] = {}  # by label: KMS and KMS_ACTIVATE share one
        for field, text in local.items():
            texts.setdefault(id(self._errors[field]), []).append(text)
        general: list[str] = []
        for problem in self.plan.image_problems():
            label = self._errors.get(problem.field)
            if label is None:
                general.append(i18n.core(problem.detail))
            elif problem.field not in local:
                texts.setdefault(id(label), []).append(i18n.core(problem.detail))
        for label in {id(label): label for label in self._errors.values()}.values():
            lines = texts.get(id(label), [])
            if lines:
                label.show_error("\n".join(lines))
            else:
                label.clear_message()
            label.setVisible(bool(lines))
        if general:
            self.message.show_error("\n".join(general))
        else:
            self.message.clear_message()
        self._has_local_problem = bool(local)
        self._show_os_type_conflict()
        self.completeChanged.emit()

    # --- an OS type that contradicts the disk ---------------------------------------------------
    def _conflict_ignoring_override(self) -> str:
        """The plan's conflict message even while overridden (so the page keeps showing what
        the user chose to ignore); "" when the chosen OS type agrees with the disk."""
        plan = self.plan
        overridden = plan.os_type_override
        plan.os_type_override = False
        try:
            conflict = plan.os_type_conflict()
        finally:
            plan.os_type_override = overridden
        return i18n.core(conflict) if conflict is not None else ""

    def _show_os_type_conflict(self) -> None:
        plan = self.plan
        conflict = self._conflict_ignoring_override()
        if plan.os_type_override and plan.os_type != self._overridden_for:
            plan.os_type_override = False  # the override was for another keyword
        if not conflict:
            plan.os_type_override = False
            self.os_conflict.clear_message()
            self.os_conflict.hide()
            self.os_type_anyway.hide()
            return
        if plan.os_type_override:
            self.os_conflict.show_info(conflict)
        else:
            self.os_conflict.show_error(conflict)
        self.os_conflict.show()
        self.os_type_anyway.setText(self.tr("&Use %1 anyway").replace("%1", plan.os_type))
        self.os_type_anyway.blockSignals(True)
        self.os_type_anyway.setChecked(plan.os_type_override)
        self.os_type_anyway.blockSignals(False)
        self.os_type_anyway.show()

    def _os_type_anyway_toggled(self, checked: bool) -> None:
        plan = self.plan
        plan.os_type_override = checked
        self._overridden_for = plan.os_type if checked else ""
        if checked and plan.guest is not None:
            log.warning("os_type %s chosen although the disk holds %s (os_type %s): %s",
                        plan.os_type, plan.guest.os.name or "?", plan.guest.os.os_type or "-",
                        self._conflict_ignoring_override())
        self._show_os_type_conflict()
        self.completeChanged.emit()

    def os_type_conflict_text(self) -> str:
        """The conflict shown under the OS type ("" when none)."""
        return self.os_conflict.text() if not self.os_conflict.isHidden() else ""

    def error_label(self, field: Field) -> MessageLabel:
        """The label under ``field``'s widget that shows what is wrong with it."""
        return self._errors[field]

    def problem_text(self, field: Field) -> str:
        """What the page shows next to ``field`` ("" when nothing is wrong)."""
        return self._errors[field].text()

    def _generate_id(self) -> None:
        self.image_id.setText(rules.new_image_id())

    # --- QWizardPage -------------------------------------------------------------------------
    def isComplete(self) -> bool:
        if self._has_local_problem or not self.chosen_os_type():
            return False
        return not self.plan.image_problems() and self.plan.os_type_conflict() is None

    def validatePage(self) -> bool:
        local = self.write_plan()
        return (not local and bool(self.plan.os_type) and not self.plan.image_problems()
                and self.plan.os_type_conflict() is None)

    def focus_field(self, field: Field) -> bool:
        if field is Field.CHECKSUM and not self.checksum.isEnabled():
            button = self.checksum_modes.checkedButton()
            if button is not None:
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().focus_field(field)
