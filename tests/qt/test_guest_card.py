"""The guest card as a person reads it: the verdict first, why when it is not ready, the OS and
its os_type, then a short list of findings with the fix under each; never a wall of text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from vmdkimport.core.guest.facts import BootFacts, GuestFacts, Scheme
from vmdkimport.core.guest.report import DetectedOs, Finding, GuestReport, Level, Readiness
from vmdkimport.core.text import Text
from vmdkimport.qt.guest_card import VISIBLE_FINDINGS, GuestCard, os_line

CENTOS = DetectedOs(family="linux", name="CentOS Linux 7 (Core)", version="7.8.2003",
                    arch="x86_64", os_type="centos")
UEFI = Finding("boot.uefi", Level.BLOCKER,
               Text("The disk boots with UEFI. The provider's rule: \"BIOS boot only; UEFI boot "
                    "is not supported\" (all regions)."),
               Text("Convert the guest to BIOS boot (MBR and a BIOS boot loader), then export "
                    "it again."), source="FJcloud-O function manual: VM import")
STATIC_IP = Finding("network.static-ip-by-name", Level.WARNING,
                    Text("ens192 has a static address and is bound to its name; the NIC gets "
                         "another name in the cloud."),
                    Text("Set the address again after the import, or use DHCP."),
                    details=(("address", "192.0.2.10/24"), ("gateway", "192.0.2.1")))
NO_VIRTIO = Finding("drivers.virtio", Level.WARNING,
                    Text("The initramfs has no virtio storage driver."),
                    Text("Rebuild it with dracut --add-drivers virtio_blk."), unconfirmed=True)
CLOUD_INIT = Finding("linux.cloud-init", Level.INFO, Text("cloud-init is not installed."))
ENCRYPTED = Finding("volume.encrypted", Level.UNKNOWN,
                    Text("partition 2 is encrypted (LUKS): its contents cannot be read."),
                    Text("Check the guest yourself before you upload it."))


def report(readiness: Readiness, *findings: Finding,
           os: DetectedOs = CENTOS) -> GuestReport:
    return GuestReport(readiness, os, findings, GuestFacts(BootFacts(Scheme.MBR)))


def card_for(qtbot: QtBot, guest: GuestReport) -> GuestCard:
    card = GuestCard()
    qtbot.addWidget(card)
    card.resize(640, 400)
    card.show_report(guest)
    card.show()
    return card


def test_ready_says_so_with_the_os_and_its_os_type(qtbot: QtBot) -> None:
    card = card_for(qtbot, report(Readiness.READY, CLOUD_INIT))
    assert card.state == "ready"
    assert card.headline.text().startswith("Ready:")
    assert card.findChild(QLabel, "icon-ready") is not None
    assert card.os_label.text() == "Operating system: CentOS Linux 7 (Core) 7.8.2003, 64-bit"
    assert card.os_type_label.text() == "Registered as: CentOS (centos)"
    assert card.reason.isHidden()
    assert [row.text.text() for row in card.visible_rows()] == ["cloud-init is not installed."]
    assert card.visible_rows()[0].findChild(QLabel, "icon-info") is not None


def test_warnings_show_fix_details_and_unconfirmed(qtbot: QtBot) -> None:
    card = card_for(qtbot, report(Readiness.WARNINGS, CLOUD_INIT, STATIC_IP, NO_VIRTIO))
    assert card.state == "ready-with-warnings"
    assert card.headline.text().startswith("Ready, with warnings")
    assert card.findChild(QLabel, "icon-ready-with-warnings") is not None
    rows = card.visible_rows()
    # warnings before information
    assert [row.finding.code for row in rows] == ["network.static-ip-by-name", "drivers.virtio",
                                                  "linux.cloud-init"]
    ip = rows[0]
    assert ip.findChild(QLabel, "icon-warning") is not None
    assert ip.fix is not None
    assert ip.fix.text() == "Set the address again after the import, or use DHCP."
    assert ip.fix.font().pointSizeF() < ip.text.font().pointSizeF()  # the fix is smaller
    assert [d.text() for d in ip.details] == ["address: 192.0.2.10/24", "gateway: 192.0.2.1"]
    assert rows[1].text.text().endswith("(unconfirmed)")
    assert "(unconfirmed)" not in rows[0].text.text()
    assert card.show_all.isHidden()


def test_not_ready_says_why_with_the_rule_and_what_to_do(qtbot: QtBot) -> None:
    card = card_for(qtbot, report(Readiness.NOT_READY, CLOUD_INIT, UEFI, STATIC_IP))
    assert card.state == "not-ready"
    assert card.headline.text().startswith("Not ready:")
    assert card.findChild(QLabel, "icon-not-ready") is not None
    # the blocker is the headline's reason, in bold, not repeated in the list below
    assert not card.reason.isHidden()
    assert card.reason.text() == str(UEFI.text)
    assert "BIOS boot only; UEFI boot is not supported" in card.reason.text()
    assert card.reason.font().bold()
    assert card.reason_fix.text() == f"What to do: {UEFI.fix}"
    assert [row.finding.code for row in card.visible_rows()] == [
        "network.static-ip-by-name", "linux.cloud-init"]
    text = card.plain_text()
    assert text.index("Not ready") < text.index("BIOS boot only") < text.index("CentOS")


def test_cannot_inspect_is_never_ready(qtbot: QtBot) -> None:
    nothing = DetectedOs(os_type=None, os_type_note=Text("no operating system was found"))
    card = card_for(qtbot, report(Readiness.CANNOT_INSPECT, ENCRYPTED, os=nothing))
    assert card.state == "cannot-inspect"
    assert card.headline.text().startswith("Cannot inspect:")
    assert "Ready" not in card.plain_text()
    assert card.findChild(QLabel, "icon-cannot-inspect") is not None
    assert card.reason.text() == str(ENCRYPTED.text)
    assert card.os_label.text() == "Operating system: none found"
    assert card.os_type_label.text() == ("OS type: none chosen from the disk (no operating "
                                         "system was found)")


def test_a_failed_inspection_shows_the_error_as_cannot_inspect(qtbot: QtBot) -> None:
    card = GuestCard()
    qtbot.addWidget(card)
    card.show_busy()
    assert card.state == "busy"
    assert card.headline.text() == "Looking inside the disk…"
    assert not card.busy.isHidden()
    card.show_failure("Unexpected error: RuntimeError: boom")
    assert card.state == "cannot-inspect"
    assert card.busy.isHidden()
    assert card.headline.text().startswith("Cannot inspect:")
    assert card.reason.text() == "Unexpected error: RuntimeError: boom"


def test_many_findings_are_cut_short_until_show_all(qtbot: QtBot) -> None:
    many = [Finding(f"check.{i}", Level.WARNING, Text(f"Warning number {i}.")) for i in range(9)]
    card = card_for(qtbot, report(Readiness.WARNINGS, *many))
    assert len(card.visible_rows()) == VISIBLE_FINDINGS
    assert not card.show_all.isHidden()
    assert card.show_all.text() == "Show all (9)"
    qtbot.mouseClick(card.show_all, Qt.MouseButton.LeftButton,
                     pos=QPoint(4, card.show_all.height() // 2))
    assert len(card.visible_rows()) == 9
    assert card.show_all.isHidden()
    # a new report starts short again
    card.show_report(report(Readiness.WARNINGS, *many))
    assert len(card.visible_rows()) == VISIBLE_FINDINGS


def test_what_the_disk_says_is_shown_as_text_never_as_markup(qtbot: QtBot) -> None:
    hostile = DetectedOs(family="linux", name="<b>Evil</b> <img src=x>", arch="x86_64")
    card = card_for(qtbot, report(Readiness.WARNINGS, STATIC_IP, os=hostile))
    assert card.os_label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Evil</b>" in card.os_label.text()


def test_os_line() -> None:
    assert os_line(CENTOS) == "CentOS Linux 7 (Core) 7.8.2003, 64-bit"
    windows = DetectedOs(family="windows", name="Windows Server 2016 Standard",
                         version="10.0.14393", arch="AMD64", language="ja")
    assert os_line(windows) == "Windows Server 2016 Standard 10.0.14393, 64-bit, Japanese"
    assert os_line(DetectedOs(family="linux", name="Ubuntu 18.04.6 LTS", version="18.04",
                              arch="")) == "Ubuntu 18.04.6 LTS"
    assert os_line(DetectedOs()) == ""
