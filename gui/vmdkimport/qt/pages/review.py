"""Page 5, Review: everything chosen so far, and the exact body of the register call.

The body shown is ``plan.preview_body()``, built by the same code that sends it; the token travels
in a header and is never shown. Each section has an Edit button that goes back to its page.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from vmdkimport.core import rules
from vmdkimport.core.plan import ChecksumMode, SourceKind
from vmdkimport.core.rules import Field
from vmdkimport.core.units import format_size
from vmdkimport.core.upload.segments import Manifest
from vmdkimport.qt import i18n
from vmdkimport.qt.pages.base import PageHost, PlanPage
from vmdkimport.qt.widgets import MessageLabel


class _Section(QGroupBox):
    """A titled list of "label: value" rows with an Edit button."""

    def __init__(self, title: str, edit_text: str) -> None:
        super().__init__(title)
        self.form = QFormLayout()
        self.edit = QPushButton(edit_text)
        self.values: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.addLayout(self.form, 1)
        layout.addWidget(self.edit, 0, Qt.AlignmentFlag.AlignTop)

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.values = {}
        for key, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = label
            self.form.addRow(key, label)

    def text(self) -> str:
        return "\n".join(f"{key} {label.text()}" for key, label in self.values.items())


class ReviewPage(PlanPage):
    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("Check everything before the upload starts. The request body "
                                 "below is exactly what is sent (the token goes in a header)."))
        self.connection = _Section(self.tr("Connection"), self.tr("Edit &connection"))
        self.disk = _Section(self.tr("Disk"), self.tr("Edit &disk"))
        self.destination = _Section(self.tr("Destination"), self.tr("Edit destinati&on"))
        self.image = _Section(self.tr("Image"), self.tr("Edit &image"))
        self.connection.edit.clicked.connect(lambda: self._edit(Field.CREDENTIALS))
        self.disk.edit.clicked.connect(lambda: self._edit(Field.DISK))
        self.destination.edit.clicked.connect(lambda: self._edit(self._destination_field()))
        self.image.edit.clicked.connect(lambda: self._edit(Field.NAME))

        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.body.setMinimumHeight(150)
        self.body_label = QLabel(self.tr("Request &body (POST /v1/imageimport):"))
        self.body_label.setBuddy(self.body)
        self.message = MessageLabel()

        content = QWidget()
        inner = QVBoxLayout(content)
        for section in (self.connection, self.disk, self.destination, self.image):
            inner.addWidget(section)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.body_label)
        layout.addWidget(self.body, 2)
        # The body needs about a dozen lines; the summary above gets the rest.
        self.body.setMaximumHeight(self.body.fontMetrics().lineSpacing() * 12)

    # --- filling -----------------------------------------------------------------------------
    def initializePage(self) -> None:
        plan = self.plan
        existing = plan.source_kind is SourceKind.EXISTING_OBJECT
        self.setButtonText(QWizard.WizardButton.NextButton,
                           self.tr("&Register") if existing else self.tr("&Upload and register"))
        self.connection.set_rows(self._connection_rows())
        self.disk.set_rows(self._disk_rows())
        self.destination.set_rows(self._destination_rows())
        self.image.set_rows(self._image_rows())
        self.body.setPlainText(json.dumps(plan.preview_body(), indent=2, ensure_ascii=False))
        problems = plan.image_problems()
        if problems:
            self.message.show_error(
                self.tr("Fix these image settings first (Edit image):") + "\n"
                + "\n".join(f"• {i18n.core(p.detail)}" for p in problems))
        else:
            self.message.clear_message()
        self.completeChanged.emit()

    def _connection_rows(self) -> list[tuple[str, str]]:
        session = self.plan.session
        if session is None:
            profile = self.plan.profile
            return [
                (self.tr("User:"), profile.username),
                (self.tr("Contract:"), profile.domain),
                (self.tr("Project:"), profile.project_name or profile.project_id),
                (self.tr("Status:"), self.tr("not signed in")),
            ]
        token = session.token
        return [
            (self.tr("User:"), token.user_name),
            (self.tr("Contract:"), token.domain_name),
            (self.tr("Project:"), f"{token.project_name} ({token.project_id})"),
            (self.tr("Object storage:"), session.endpoints.object_storage_url),
            (self.tr("Image import:"), session.endpoints.import_url),
        ]

    def _disk_rows(self) -> list[tuple[str, str]]:
        plan = self.plan
        if plan.source_kind is SourceKind.EXISTING_OBJECT:
            return [(self.tr("Existing object:"), f"{plan.container}/{plan.object_name}"),
                    (self.tr("Upload:"), self.tr("none: the disk is already in object storage"))]
        rows = [(self.tr("File:"), str(plan.file) if plan.file else self.tr("(none chosen)"))]
        inspection = plan.inspection
        if inspection is not None:
            from vmdkimport.core.disk.preflight import (
                Verdict,  # loaded: the inspection came from it
            )

            verdict = {Verdict.IMPORTABLE: self.tr("importable"),
                       Verdict.WARN: self.tr("importable, with warnings"),
                       Verdict.REFUSED: self.tr("refused")}[inspection.verdict]
            rows.append((self.tr("Pre-flight:"), f"{verdict}: {i18n.core(inspection.description)}"))
            if inspection.virtual_size is not None:
                rows.append((self.tr("Virtual size:"), format_size(inspection.virtual_size)))
            rows.append((self.tr("File size:"), format_size(inspection.file_size)))
            warnings = [i18n.core(f.text) for f in inspection.findings
                        if f.level is not Verdict.IMPORTABLE]
            if warnings:
                rows.append((self.tr("Findings:"), "\n".join(warnings)))
        else:
            rows.append((self.tr("Pre-flight:"), self.tr("not run")))
        summary = plan.conversion_summary()
        if summary is not None:  # converted while uploading: what is sent is not the file
            rows.append((self.tr("Upload:"), i18n.core(summary)))
        return rows

    def _destination_rows(self) -> list[tuple[str, str]]:
        plan = self.plan
        rows = [(self.tr("Container/object:"), f"{plan.container}/{plan.object_name}"),
                (self.tr("Location:"), plan.location)]
        if not plan.needs_upload:
            return rows
        manifest = {Manifest.DLO: self.tr("DLO (dynamic large object)"),
                    Manifest.SLO: self.tr("SLO (static large object)")}.get(
                        plan.manifest, str(plan.manifest))
        rows += [
            (self.tr("Segment size:"), format_size(plan.segment_size)),
            (self.tr("Parallel segments:"), str(plan.threads)),
            (self.tr("Bandwidth limit:"),
             self.tr("none") if not plan.limit_rate else format_size(plan.limit_rate) + "/s"),
            (self.tr("Manifest:"), manifest),
            (self.tr("Overwrite:"),
             self.tr("yes, replace an existing object") if plan.overwrite
             else self.tr("no, stop if the object exists")),
        ]
        return rows

    def _image_rows(self) -> list[tuple[str, str]]:
        plan = self.plan
        not_sent = self.tr("not sent (the service uses 0)")
        descriptions = {t.keyword: i18n.catalog(t.description) for t in rules.OS_TYPES}
        os_text = (f"{descriptions[plan.os_type]} ({plan.os_type})"
                   if plan.os_type in descriptions else plan.os_type or self.tr("(not chosen)"))
        checksum = {
            ChecksumMode.COMPUTE: self.tr("computed during the upload"),
            ChecksumMode.PASTE: plan.checksum.strip().lower(),
            ChecksumMode.NONE: self.tr("none"),
        }[plan.checksum_mode]
        if plan.checksum_mode is ChecksumMode.COMPUTE and plan.upload_result is not None:
            checksum = plan.upload_result.sha1
        return [
            (self.tr("Name:"), plan.name),
            (self.tr("OS type:"), os_text),
            (self.tr("Minimum RAM:"),
             not_sent if plan.min_ram is None else f"{plan.min_ram} MB"),
            (self.tr("Minimum disk:"),
             not_sent if plan.min_disk is None else f"{plan.min_disk} GB"),
            (self.tr("Image ID:"), plan.image_id.strip().lower()
             or self.tr("assigned by the service")),
            (self.tr("Checksum (SHA1):"), checksum),
            (self.tr("KMS:"), self._kms_text()),
        ]

    def _kms_text(self) -> str:
        body = self.plan.import_request().to_body()
        kms = body.get("kms")
        if not rules.is_windows(self.plan.os_type):
            return self.tr("not sent (only for Windows images)")
        if not isinstance(kms, dict):
            return self.tr("not set")
        server = kms.get("server_info") or self.tr("the region's default server, port %1") \
            .replace("%1", str(rules.KMS_DEFAULT_PORT))
        activate = self.tr("activate") if kms.get("activate") else self.tr("do not activate")
        return f"{server}; {activate}"

    # --- navigation --------------------------------------------------------------------------
    def _destination_field(self) -> Field:
        """An existing object is chosen on the Disk page (the Destination page is skipped)."""
        return Field.DISK if not self.plan.needs_upload else Field.CONTAINER

    def _edit(self, field: Field) -> None:
        self.host.go_to_field(field)

    def isComplete(self) -> bool:
        return not self.plan.image_problems()
