"""The Disk page looks inside the guest after the pre-flight, as a person sees it: a card that
says whether the guest will run, Next blocked for a guest that is not ready until the user
ticks that they checked it, and a busy inspection that another file cancels.

The inspection itself is replaced by hand-made reports here (the core has its own tests); the
end-to-end test with real guests is at the bottom."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from helpers.wizard import click, press_next
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.guest.facts import BootFacts, GuestFacts, Scheme
from vmdkimport.core.guest.report import DetectedOs, Finding, GuestReport, Level, Readiness
from vmdkimport.core.plan import PageId
from vmdkimport.core.text import Text
from vmdkimport.demo import demo_vmdk_bytes
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.wizard import ImportWizard

GIB = 1024**3
CENTOS = DetectedOs(family="linux", name="CentOS Linux 7 (Core)", version="7.8.2003",
                    arch="x86_64", os_type="centos")
UEFI = Finding("boot.uefi", Level.BLOCKER,
               Text("The disk boots with UEFI. The provider's rule: \"BIOS boot only; UEFI boot "
                    "is not supported\" (all regions)."),
               Text("Convert the guest to BIOS boot, then export it again."))
STATIC_IP = Finding("network.static-ip-by-name", Level.WARNING,
                    Text("ens192 has a static address bound to its name."),
                    Text("Set the address again after the import."),
                    details=(("address", "192.0.2.10/24"),))
NOTHING = Finding("os.none", Level.UNKNOWN, Text("No operating system was found on the disk."))

Inspect = Callable[..., GuestReport]


def guest(readiness: Readiness, *findings: Finding, os: DetectedOs = CENTOS) -> GuestReport:
    return GuestReport(readiness, os, findings, GuestFacts(BootFacts(Scheme.MBR)))


NOT_READY = guest(Readiness.NOT_READY, UEFI, os=DetectedOs(
    family="linux", name="Ubuntu 18.04.6 LTS", version="18.04", arch="x86_64",
    os_type="ubuntu"))
WARNINGS = guest(Readiness.WARNINGS, STATIC_IP)


@pytest.fixture
def disks(tmp_path: Path) -> list[Path]:
    made = []
    for name in ("web01.vmdk", "db02.vmdk"):
        path = tmp_path / name
        path.write_bytes(demo_vmdk_bytes(8 * GIB) + os.urandom(64 * 1024))
        made.append(path)
    return made


class FakeInspection:
    """Stands in for core.guest.inspect.inspect_guest: answers per disk, records the calls."""

    def __init__(self, answers: dict[str, GuestReport | Exception]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, str | None]] = []

    def __call__(self, source: Any, *, region: str | None = None,
                 cancelled: Callable[[], bool] | None = None) -> GuestReport:
        self.calls.append((source.path.name, region))
        answer = self.answers[source.path.name]
        if isinstance(answer, Exception):
            raise answer
        return answer


def fake_inspection(monkeypatch: pytest.MonkeyPatch,
                    answers: dict[str, GuestReport | Exception]) -> FakeInspection:
    from vmdkimport.core.guest import inspect

    fake = FakeInspection(answers)
    monkeypatch.setattr(inspect, "inspect_guest", fake)
    return fake


def open_disk_page(wizard: ImportWizard, region: str = "") -> DiskPage:
    wizard.plan.profile = ConnectionProfile(region=region)
    wizard.setStartId(int(PageId.DISK))
    wizard.restart()
    page = wizard.currentPage()
    assert isinstance(page, DiskPage)
    return page


def choose(qtbot: QtBot, page: DiskPage, path: Path) -> None:
    """Type the path over what is there, press Enter, wait for both inspections."""
    page.file_edit.selectAll()
    qtbot.keyClicks(page.file_edit, str(path))
    qtbot.keyClick(page.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.is_busy() and page.shown_inspection() is not None
                    and page.shown_inspection().path == path,  # type: ignore[union-attr]
                    timeout=20_000)


def next_enabled(wizard: ImportWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_not_ready_blocks_next_until_the_user_says_they_checked_it(
        qtbot: QtBot, wizard: ImportWizard, disks: list[Path],
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    fake_inspection(monkeypatch, {"web01.vmdk": NOT_READY})
    page = open_disk_page(wizard)
    choose(qtbot, page, disks[0])
    card = page.guest_card
    assert card.isVisible()
    assert card.state == "not-ready"
    assert "Not ready" in card.headline.text()
    assert "BIOS boot only; UEFI boot is not supported" in card.reason.text()
    assert page.verdict.text() == ("The file can be imported, but the guest in it cannot run "
                                   "in the cloud as it is. See why below.")
    assert not page.isComplete()
    assert not next_enabled(wizard)
    assert wizard.plan.guest is NOT_READY
    assert wizard.plan.guest_blocks_upload()
    assert page.guest_anyway.isVisible()
    assert not page.guest_anyway.isChecked()
    assert page.guest_anyway.text().replace("&", "") == ("Upload anyway: I have checked this "
                                                          "guest myself")
    with caplog.at_level(logging.WARNING, logger="vmdkimport.qt.pages.disk"):
        click(qtbot, page.guest_anyway)
    assert page.guest_anyway.isChecked()
    assert wizard.plan.guest_override
    assert not wizard.plan.guest_blocks_upload()
    assert next_enabled(wizard)
    warning = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warning) == 1
    assert "boot.uefi" in warning[0].getMessage()
    assert "web01.vmdk" in warning[0].getMessage()
    click(qtbot, page.guest_anyway)  # changed their mind
    assert not wizard.plan.guest_override
    assert not next_enabled(wizard)
    click(qtbot, page.guest_anyway)
    press_next(qtbot, wizard, PageId.DESTINATION)
    assert wizard.plan.guest_override


def test_the_override_is_off_for_every_new_disk(
        qtbot: QtBot, wizard: ImportWizard, disks: list[Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    fake_inspection(monkeypatch, {"web01.vmdk": NOT_READY, "db02.vmdk": NOT_READY})
    page = open_disk_page(wizard)
    choose(qtbot, page, disks[0])
    click(qtbot, page.guest_anyway)
    assert next_enabled(wizard)
    choose(qtbot, page, disks[1])
    assert page.guest_card.state == "not-ready"
    assert not page.guest_anyway.isChecked()
    assert not wizard.plan.guest_override
    assert not next_enabled(wizard)
    choose(qtbot, page, disks[0])  # the first one again: asked again, too
    assert not page.guest_anyway.isChecked()
    assert not next_enabled(wizard)


def test_ready_with_warnings_fills_the_os_type_and_allows_next(
        qtbot: QtBot, wizard: ImportWizard, disks: list[Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    fake = fake_inspection(monkeypatch, {"web01.vmdk": WARNINGS})
    page = open_disk_page(wizard, region="jp-east-3")
    choose(qtbot, page, disks[0])
    assert fake.calls == [("web01.vmdk", "jp-east-3")]  # judged by the region's rules
    card = page.guest_card
    assert card.state == "ready-with-warnings"
    assert card.os_label.text() == "Operating system: CentOS Linux 7 (Core) 7.8.2003, 64-bit"
    assert "centos" in card.os_type_label.text()
    [row] = card.visible_rows()
    assert "static address" in row.text.text()
    assert [d.text() for d in row.details] == ["address: 192.0.2.10/24"]
    assert not page.guest_anyway.isVisible()
    assert next_enabled(wizard)
    assert wizard.plan.guest is WARNINGS
    assert wizard.plan.os_type == "centos"


def test_cannot_inspect_allows_next_and_never_says_ready(
        qtbot: QtBot, wizard: ImportWizard, disks: list[Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    nothing = guest(Readiness.CANNOT_INSPECT, NOTHING, os=DetectedOs())
    fake_inspection(monkeypatch, {"web01.vmdk": nothing})
    page = open_disk_page(wizard)
    choose(qtbot, page, disks[0])
    card = page.guest_card
    assert card.state == "cannot-inspect"
    assert card.headline.text().startswith("Cannot inspect")
    assert card.reason.text() == "No operating system was found on the disk."
    assert "Ready" not in card.plain_text()
    assert not page.guest_anyway.isVisible()
    assert next_enabled(wizard)
    assert wizard.plan.os_type == ""  # nothing found: nothing chosen for the user


def test_an_error_in_the_inspection_is_a_cannot_inspect_card(
        qtbot: QtBot, wizard: ImportWizard, disks: list[Path],
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    fake_inspection(monkeypatch, {"web01.vmdk": RuntimeError("probe exploded")})
    page = open_disk_page(wizard)
    with caplog.at_level(logging.ERROR, logger="vmdkimport.qt.pages.disk"):
        choose(qtbot, page, disks[0])
    card = page.guest_card
    assert card.isVisible()
    assert card.state == "cannot-inspect"
    assert "probe exploded" in card.reason.text()
    assert page.verdict.text().startswith("This file can be imported")
    assert next_enabled(wizard)
    assert wizard.plan.guest is None
    [record] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert record.exc_info is not None  # the traceback is in the log


def test_another_file_cancels_the_inspection_still_running(
        qtbot: QtBot, wizard: ImportWizard, disks: list[Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    started = threading.Event()
    saw_cancel = threading.Event()

    def slow(source: Any, *, region: str | None = None,
             cancelled: Callable[[], bool] | None = None) -> GuestReport:
        if source.path.name == "db02.vmdk":
            return WARNINGS
        assert cancelled is not None
        started.set()
        for _ in range(2000):  # bounded: at most ~20 s, as a real inspection checks per read
            if cancelled():
                saw_cancel.set()
                from vmdkimport.core.disk.diskformat import OperationCancelled

                raise OperationCancelled()
            threading.Event().wait(0.01)
        return NOT_READY

    from vmdkimport.core.guest import inspect

    monkeypatch.setattr(inspect, "inspect_guest", slow)
    page = open_disk_page(wizard)
    page.file_edit.selectAll()
    qtbot.keyClicks(page.file_edit, str(disks[0]))
    qtbot.keyClick(page.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(started.is_set, timeout=20_000)
    qtbot.waitUntil(page.is_inspecting_guest, timeout=5_000)
    assert page.guest_card.isVisible()
    assert page.guest_card.headline.text() == "Looking inside the disk…"
    assert not next_enabled(wizard)  # no verdict yet: no Next
    choose(qtbot, page, disks[1])
    assert saw_cancel.is_set()
    assert page.guest_card.state == "ready-with-warnings"
    assert wizard.plan.guest is WARNINGS
    assert next_enabled(wizard)


def test_a_refused_file_uploaded_anyway_still_needs_its_guest_override(
        qtbot: QtBot, wizard: ImportWizard, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers import corpus

    disk = corpus.qemu_create(tmp_path / "flat.vmdk", "vmdk", "16M", "subformat=monolithicFlat")
    fake_inspection(monkeypatch, {"flat.vmdk": NOT_READY})
    page = open_disk_page(wizard)
    choose(qtbot, page, disk)
    click(qtbot, page.convert_upload)  # not converting while uploading: refused as it is
    assert "cannot be imported" in page.verdict.text()
    assert page.guest_card.state == "not-ready"
    click(qtbot, page.upload_anyway)
    assert wizard.plan.guest is NOT_READY  # taken with the file
    assert not next_enabled(wizard)  # the file is let through, the guest is not yet
    click(qtbot, page.guest_anyway)
    assert next_enabled(wizard)
    assert wizard.plan.guest_override
    press_next(qtbot, wizard, PageId.DESTINATION)


# --- end to end: real guests built at test time, chosen as a person would ------------------------

@pytest.fixture(scope="module")
def real_disks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A UEFI guest and a CentOS-7-like guest (tests/helpers/guests.py), exported the way
    VMware exports them: streamOptimized VMDKs."""
    from helpers import corpus, guests

    folder = tmp_path_factory.mktemp("real-guests")
    made = {}
    for name, build in (("uefi", guests.uefi_linux), ("centos7", guests.centos7)):
        raw = build(folder).path
        made[name] = corpus.qemu_convert(raw, folder / f"{name}.vmdk", "raw", "vmdk",
                                         "subformat=streamOptimized")
        raw.unlink()
    return made


def test_real_guests_uefi_refused_centos_ready_with_its_os_type(
        qtbot: QtBot, wizard: ImportWizard, real_disks: dict[str, Path]) -> None:
    page = open_disk_page(wizard)
    choose(qtbot, page, real_disks["uefi"])
    card = page.guest_card
    assert card.state == "not-ready"
    assert "UEFI" in card.reason.text()
    assert not card.reason_fix.isHidden()  # what to do
    assert "Ubuntu 18.04" in card.os_label.text()
    assert not next_enabled(wizard)
    assert page.guest_anyway.isVisible()

    choose(qtbot, page, real_disks["centos7"])
    assert card.state in ("ready", "ready-with-warnings")
    assert card.os_label.text() == "Operating system: CentOS Linux 7 (Core) 7.8.2003, 64-bit"
    assert "(centos)" in card.os_type_label.text()
    if card.state == "ready-with-warnings":
        text = card.plain_text()
        assert "192.0.2.10/24" in text  # the static IP to set again
    assert not page.guest_anyway.isVisible()
    assert next_enabled(wizard)
    assert wizard.plan.os_type == "centos"
    press_next(qtbot, wizard, PageId.DESTINATION)
