"""The guest inspection's verdict on the Disk page: a card, not a wall of text.

A person reads it top-down and can stop early: a coloured headline with an icon (ready / ready
with warnings / not ready / cannot inspect), the reason when it is not ready (the provider's rule,
as the finding quotes it), the OS found and the ``os_type`` it will be registered with, then the
findings, one short line each with the fix under it. Long reports are cut to a few findings with
a "Show all" button: the first lines are the ones that matter (blockers first).

The card only shows a :class:`~vmdkimport.core.guest.report.GuestReport`; it decides nothing.
Deciding whether Next is allowed stays with the page and the plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from vmdkimport.core import rules
from vmdkimport.qt import i18n

if TYPE_CHECKING:
    from vmdkimport.core.guest.report import DetectedOs, Finding, GuestReport

#: findings shown before "Show all": enough for the usual report, few enough to read at a glance
VISIBLE_FINDINGS = 6

#: the card's colour per state: (accent for the border and the headline, background tint)
_COLOURS: dict[str, tuple[str, str]] = {
    "ready": ("#1b6e20", "#f1f8f1"),
    "ready-with-warnings": ("#8a5300", "#fff8e6"),
    "not-ready": ("#b00020", "#fdeeee"),
    "cannot-inspect": ("#505a64", "#f3f4f6"),
    "busy": ("#505a64", "#f7f7f7"),
}

#: finding levels in the order they are listed: what stops the import first
_LEVEL_ORDER = {"blocker": 0, "unknown": 1, "warning": 2, "info": 3}


def _icon(widget: QWidget, kind: str, size: int) -> QLabel:
    """A label holding one of the style's standard icons (no image files to ship)."""
    pixmaps = {
        "ready": QStyle.StandardPixmap.SP_DialogApplyButton,
        "ready-with-warnings": QStyle.StandardPixmap.SP_MessageBoxWarning,
        "not-ready": QStyle.StandardPixmap.SP_MessageBoxCritical,
        "cannot-inspect": QStyle.StandardPixmap.SP_MessageBoxQuestion,
        "blocker": QStyle.StandardPixmap.SP_MessageBoxCritical,
        "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
        "unknown": QStyle.StandardPixmap.SP_MessageBoxQuestion,
        "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
    }
    label = QLabel()
    label.setObjectName(f"icon-{kind}")
    label.setPixmap(widget.style().standardIcon(pixmaps[kind]).pixmap(size, size))
    label.setFixedSize(size, size)
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label


def _label(text: str = "", *, small: bool = False, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # texts come from a hostile disk: never HTML
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    if small:
        font.setPointSizeF(font.pointSizeF() * 0.9)
    font.setBold(bold)
    label.setFont(font)
    return label


def os_line(os: DetectedOs) -> str:
    """The OS found, in one line: "CentOS Linux 7 (Core) 7.8.2003, 64-bit" ("" when none)."""
    if not os.name:
        return ""
    text = os.name
    if os.version and os.version not in os.name:
        text += f" {os.version}"
    arch = os.arch.lower()
    parts = [text]
    if arch in ("x86_64", "amd64"):
        parts.append(QCoreApplication.translate("GuestCard", "64-bit"))
    elif arch in ("x86", "i386", "i686"):
        parts.append(QCoreApplication.translate("GuestCard", "32-bit"))
    if os.language:  # Windows' install language: it decides between _ja and _en keywords
        from vmdkimport.core.guest.ostype import language_name  # not at start-up

        parts.append(i18n.core(language_name(os.language)))
    return ", ".join(parts)


def os_type_words(keyword: str) -> str:
    """``centos`` as the Image page lists it: "CentOS 7 (centos)"."""
    for os_type in rules.OS_TYPES:
        if os_type.keyword == keyword:
            return f"{i18n.catalog(os_type.description)} ({keyword})"
    return keyword


def sorted_findings(report: GuestReport) -> list[Finding]:
    """Blockers first, then what could not be inspected, warnings, information."""
    return sorted(report.findings, key=lambda f: _LEVEL_ORDER.get(f.level.value, 9))


class FindingRow(QWidget):
    """One finding: icon and sentence, the fix under it in a smaller font, then its details."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(_icon(self, finding.level.value, 16), 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(1)
        text = i18n.core(finding.text)
        if finding.unconfirmed:
            text += " " + QCoreApplication.translate("GuestCard", "(unconfirmed)")
        self.text = _label(text)
        column.addWidget(self.text)
        self.fix: QLabel | None = None
        if finding.fix is not None:
            self.fix = _label(i18n.core(finding.fix), small=True)
            self.fix.setStyleSheet("color: #444;")
            column.addWidget(self.fix)
        self.details: list[QLabel] = []
        for key, value in finding.details[:8]:  # a handful of values, not a dump
            detail = _label(f"{i18n.core(key)}: {value}", small=True)
            detail.setStyleSheet("color: #444;")
            detail.setContentsMargins(12, 0, 0, 0)
            self.details.append(detail)
            column.addWidget(detail)
        row.addLayout(column, 1)

    def plain_text(self) -> str:
        parts = [self.text.text()]
        if self.fix is not None:
            parts.append(self.fix.text())
        parts.extend(d.text() for d in self.details)
        return "\n".join(parts)


class GuestCard(QFrame):
    """The guest inspection's verdict: call :meth:`show_busy`, then :meth:`show_report` or
    :meth:`show_failure`; :meth:`clear` hides it.

    Signals:
        changed: what the card shows changed (its height may have).

    Attributes:
        state: what is shown: "" (nothing), "busy" or a readiness value.
        headline, reason, reason_fix, os_label, os_type_label: the card's fixed lines.
        rows: the finding rows, in the order shown (hidden ones included).
        show_all: expands the list beyond :data:`VISIBLE_FINDINGS`.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guestCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state = ""
        self.report: GuestReport | None = None

        self.icon_holder = QHBoxLayout()
        self.icon_holder.setContentsMargins(0, 0, 0, 0)
        self.headline = _label(bold=True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.headline.setFont(font)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: the inspection has no useful percentage
        self.busy.setMaximumHeight(8)
        self.busy.setTextVisible(False)
        self.reason = _label(bold=True)
        self.reason_fix = _label(small=True)
        self.os_label = _label()
        self.os_type_label = _label()
        self.findings_box = QVBoxLayout()
        self.findings_box.setSpacing(6)
        self.findings_box.setContentsMargins(0, 4, 0, 0)
        self.show_all = QPushButton()
        self.show_all.setFlat(True)
        self.show_all.setCursor(Qt.CursorShape.PointingHandCursor)
        self.show_all.setStyleSheet("text-align: left; text-decoration: underline; "
                                    "border: none; padding: 0; color: #0b57a4;")
        self.show_all.clicked.connect(self.expand)
        self.rows: list[FindingRow] = []
        self._icon: QLabel | None = None

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(self.icon_holder)
        self.icon_holder.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.headline, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.busy)
        layout.addWidget(self.reason)
        layout.addWidget(self.reason_fix)
        layout.addWidget(self.os_label)
        layout.addWidget(self.os_type_label)
        layout.addLayout(self.findings_box)
        layout.addWidget(self.show_all, 0, Qt.AlignmentFlag.AlignLeft)
        self.clear()

    # --- states --------------------------------------------------------------------------------
    def clear(self) -> None:
        """Nothing to show (no file, or a file whose guest this tool cannot read)."""
        self.state = ""
        self.report = None
        self._reset()
        self.hide()
        self.changed.emit()

    def show_busy(self) -> None:
        """The inspection is running (it takes a second or so, longer on a slow drive)."""
        self._reset()
        self.state = "busy"
        self._paint("busy")
        self.headline.setText(self.tr("Looking inside the disk…"))
        self.busy.show()
        self.show()
        self.changed.emit()

    def show_report(self, report: GuestReport) -> None:
        """The inspection's verdict."""
        self._reset()
        self.report = report
        readiness = report.readiness.value
        self.state = readiness
        self._paint(readiness)
        self._set_icon(readiness)
        headlines = {
            "ready": self.tr("Ready: nothing found that would stop this guest from running "
                             "in the cloud"),
            "ready-with-warnings": self.tr("Ready, with warnings: it can be imported, but read "
                                           "them first"),
            "not-ready": self.tr("Not ready: this guest cannot run in the cloud as it is"),
            "cannot-inspect": self.tr("Cannot inspect: the tool could not look inside this "
                                      "disk, so it cannot say whether the guest will run"),
        }
        self.headline.setText(headlines.get(readiness, readiness))
        findings = sorted_findings(report)
        # Not ready: the first blocker is why, shown prominently (its text quotes the rule).
        # Cannot inspect: the first part that could not be read is why.
        lead_level = {"not-ready": "blocker", "cannot-inspect": "unknown"}.get(readiness)
        lead = next((f for f in findings if f.level.value == lead_level), None)
        if lead is not None:
            findings.remove(lead)
            text = i18n.core(lead.text)
            if lead.unconfirmed:
                text += " " + self.tr("(unconfirmed)")
            self.reason.setText(text)
            self.reason.show()
            if lead.fix is not None:
                self.reason_fix.setText(self.tr("What to do: %1").replace(
                    "%1", i18n.core(lead.fix)))
                self.reason_fix.show()
        elif readiness == "cannot-inspect" and str(report.summary):
            self.reason.setText(i18n.core(report.summary))
            self.reason.show()
        self._show_os(report.os)
        self._show_findings(findings)
        self.show()
        self.changed.emit()

    def show_failure(self, error: str) -> None:
        """The inspection itself failed (a bug, or a disk it did not expect): cannot inspect,
        with the error, never "ready"."""
        self._reset()
        self.state = "cannot-inspect"
        self._paint("cannot-inspect")
        self._set_icon("cannot-inspect")
        self.headline.setText(self.tr("Cannot inspect: looking inside this disk failed, so the "
                                      "tool cannot say whether the guest will run"))
        self.reason.setText(error)
        self.reason.show()
        self.reason_fix.setText(self.tr("You can still continue; check the guest yourself."))
        self.reason_fix.show()
        self.show()
        self.changed.emit()

    def expand(self) -> None:
        """Show every finding ("Show all (N)")."""
        for row in self.rows:
            row.show()
        self.show_all.hide()
        self.changed.emit()

    # --- reading it back (tests, screenshots, accessibility) -----------------------------------
    def visible_rows(self) -> list[FindingRow]:
        return [row for row in self.rows if not row.isHidden()]

    def plain_text(self) -> str:
        """Everything the card shows, as text, in order."""
        parts = [w.text() for w in (self.headline, self.reason, self.reason_fix, self.os_label,
                                    self.os_type_label) if not w.isHidden() and w.text()]
        parts.extend(row.plain_text() for row in self.visible_rows())
        if not self.show_all.isHidden():
            parts.append(self.show_all.text())
        return "\n".join(parts)

    # --- building ------------------------------------------------------------------------------
    def _reset(self) -> None:
        self.busy.hide()
        for label in (self.reason, self.reason_fix, self.os_label, self.os_type_label):
            label.clear()
            label.hide()
        # Unparented at once: deleteLater alone leaves them on screen until the event loop
        # runs, which a script driving the window with processEvents never does.
        for row in self.rows:
            self.findings_box.removeWidget(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        self.show_all.hide()
        if self._icon is not None:
            self.icon_holder.removeWidget(self._icon)
            self._icon.hide()
            self._icon.setParent(None)
            self._icon.deleteLater()
            self._icon = None

    def _paint(self, state: str) -> None:
        accent, background = _COLOURS[state]
        self.setStyleSheet(
            f"QFrame#guestCard {{ background: {background}; border: 1px solid {accent}; "
            f"border-left: 5px solid {accent}; border-radius: 3px; }}")
        self.headline.setStyleSheet(f"color: {accent};")
        self.reason.setStyleSheet(f"color: {accent};" if state == "not-ready" else "")
        self.reason_fix.setStyleSheet("color: #333;")

    def _set_icon(self, kind: str) -> None:
        self._icon = _icon(self, kind, 22)
        self.icon_holder.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignVCenter)

    def _show_os(self, os: DetectedOs) -> None:
        line = os_line(os)
        self.os_label.setText(self.tr("Operating system: %1").replace(
            "%1", line or self.tr("none found")))
        self.os_label.show()
        if os.os_type:
            self.os_type_label.setText(self.tr("Registered as: %1").replace(
                "%1", os_type_words(os.os_type)))
        elif os.os_type_note is not None:
            self.os_type_label.setText(self.tr("OS type: none chosen from the disk (%1)").replace(
                "%1", i18n.core(os.os_type_note)))
        else:
            self.os_type_label.setText(self.tr("OS type: choose it on the Image settings page"))
        self.os_type_label.show()

    def _show_findings(self, findings: list[Finding]) -> None:
        for index, finding in enumerate(findings):
            row = FindingRow(finding)
            self.findings_box.addWidget(row)
            self.rows.append(row)
            row.setVisible(index < VISIBLE_FINDINGS)
        if len(findings) > VISIBLE_FINDINGS:
            self.show_all.setText(self.tr("Show all (%1)").replace("%1", str(len(findings))))
            self.show_all.show()


class GuestCardArea(QScrollArea):
    """The card in a scroll area that is as tall as the card and no taller: the page's other
    boxes get the rest, and only a card taller than the page scrolls.

    A plain scroll area asks for a fixed size and, given more, stretches the card's lines
    apart; word-wrapped labels only know their height for a given width, so the hint is
    worked out from the card's height for the area's width.
    """

    def __init__(self, card: GuestCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setWidget(card)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._width = 0
        card.changed.connect(self._card_changed)

    def _card_height(self) -> int:
        width = self.viewport().width() if self.isVisible() else self.width()
        layout = self.card.layout()
        if width > 0 and layout is not None and layout.hasHeightForWidth():
            return int(layout.totalHeightForWidth(width))
        return int(self.card.sizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._card_height() + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        # enough for the headline and the reason; the rest scrolls on a very short page
        return QSize(super().minimumSizeHint().width(), min(self.sizeHint().height(), 140))

    def _card_changed(self) -> None:
        self.setVisible(bool(self.card.state))
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:  # the card's height follows the width
            self._width = event.size().width()
            self.updateGeometry()
