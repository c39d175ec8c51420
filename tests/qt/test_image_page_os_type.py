"""The Image page's OS type follows the OS found on the disk, and an OS type that contradicts it
is refused with both values until the user ticks that they mean it (issue #13)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from helpers.wizard import PROJECT, choose_os, click, sign_in
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.guest.facts import BootFacts, GuestFacts, Scheme
from vmdkimport.core.guest.report import DetectedOs, GuestReport, Readiness
from vmdkimport.core.plan import ImportPlan, PageId
from vmdkimport.demo import demo_vmdk_bytes
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.pages.image import ImagePage
from vmdkimport.qt.wizard import ImportWizard

GIB = 1024**3
LEFT = Qt.MouseButton.LeftButton
CENTOS = DetectedOs(family="linux", name="CentOS Linux 7 (Core)", version="7.8.2003",
                    arch="x86_64", os_type="centos")
UBUNTU = DetectedOs(family="linux", name="Ubuntu 18.04.6 LTS", version="18.04", arch="x86_64",
                    os_type="ubuntu")


def guest(os: DetectedOs) -> GuestReport:
    return GuestReport(Readiness.READY, os, (), GuestFacts(BootFacts(Scheme.MBR)))


def open_image_page(wizard: ImportWizard, setup: Callable[[ImportPlan], None]) -> ImagePage:
    plan = wizard.plan
    plan.profile = ConnectionProfile(project_id=PROJECT)
    plan.file = Path("/disks/web01.vmdk")
    plan.container = "images"
    plan.object_name = "web01.vmdk"
    plan.name = "web01"
    setup(plan)
    wizard.setStartId(int(PageId.IMAGE))
    wizard.restart()
    page = wizard.currentPage()
    assert isinstance(page, ImagePage)
    return page


def choose_another_os(qtbot: QtBot, page: ImagePage, keyword: str) -> None:
    """:func:`choose_os` from the top of the list (Home): typed right after another choice,
    the combo box would search for both words typed, find nothing, and stay where it was."""
    page.os_type.setFocus()
    qtbot.keyClick(page.os_type, Qt.Key.Key_Home)
    choose_os(qtbot, page, keyword)


def next_enabled(wizard: ImportWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_os_type_is_prefilled_from_the_disk(qtbot: QtBot, wizard: ImportWizard) -> None:
    page = open_image_page(wizard, lambda plan: plan.apply_guest(guest(CENTOS)))
    assert page.os_type.currentData() == "centos"
    assert page.guest_hint.isVisible()
    assert page.guest_hint.text() == "Found on the disk: CentOS Linux 7 (Core) 7.8.2003, 64-bit"
    assert page.os_type_conflict_text() == ""
    assert not page.os_type_anyway.isVisible()
    assert next_enabled(wizard)


def test_no_hint_without_an_os_found(qtbot: QtBot, wizard: ImportWizard) -> None:
    page = open_image_page(wizard, lambda plan: plan.apply_guest(guest(DetectedOs())))
    assert not page.guest_hint.isVisible()
    assert page.os_type.currentIndex() == 0  # the user chooses


def test_a_contradicting_os_type_is_refused_until_the_user_means_it(
        qtbot: QtBot, wizard: ImportWizard, caplog: pytest.LogCaptureFixture) -> None:
    page = open_image_page(wizard, lambda plan: plan.apply_guest(guest(CENTOS)))
    choose_os(qtbot, page, "ubuntu")
    conflict = page.os_type_conflict_text()
    assert "centos" in conflict  # what the disk needs
    assert "ubuntu" in conflict  # what was chosen
    assert "CentOS Linux 7 (Core)" in conflict
    assert page.os_conflict.isVisible()
    assert "#b00020" in page.os_conflict.styleSheet()  # shown as an error
    assert not next_enabled(wizard)
    assert not page.validatePage()
    anyway = page.os_type_anyway
    assert anyway.isVisible()
    assert not anyway.isChecked()
    assert anyway.text().replace("&", "") == "Use ubuntu anyway"
    with caplog.at_level(logging.WARNING, logger="vmdkimport.qt.pages.image"):
        click(qtbot, anyway)
    assert wizard.plan.os_type_override
    assert next_enabled(wizard)
    assert page.validatePage()
    assert wizard.plan.import_request().to_body()["os_type"] == "ubuntu"
    # what was overridden stays in sight, no longer as an error
    assert page.os_type_conflict_text() == conflict
    assert "#b00020" not in page.os_conflict.styleSheet()
    [record] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "ubuntu" in record.getMessage()
    assert "centos" in record.getMessage()
    # another keyword is another decision: refused again
    choose_another_os(qtbot, page, "rhel7")
    assert not wizard.plan.os_type_override
    assert not page.os_type_anyway.isChecked()
    assert page.os_type_anyway.text().replace("&", "") == "Use rhel7 anyway"
    assert "rhel7" in page.os_type_conflict_text()
    assert not next_enabled(wizard)
    # and the disk's own keyword is simply fine
    choose_another_os(qtbot, page, "centos")
    assert page.os_type_conflict_text() == ""
    assert not page.os_type_anyway.isVisible()
    assert next_enabled(wizard)


# --- the whole way, as a person goes: Disk, Destination, Image, back, another disk ------------

def _press(qtbot: QtBot, wizard: ImportWizard, which: QWizard.WizardButton,
           expected: PageId) -> Any:
    button = wizard.button(which)
    qtbot.waitUntil(button.isEnabled, timeout=30_000)
    qtbot.mouseClick(button, LEFT)
    assert wizard.currentId() == int(expected)
    return wizard.currentPage()


def _to_image(qtbot: QtBot, wizard: ImportWizard, disk: Path) -> ImagePage:
    page = wizard.currentPage()
    assert isinstance(page, DiskPage)
    page.file_edit.selectAll()
    qtbot.keyClicks(page.file_edit, str(disk))
    qtbot.keyClick(page.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.is_busy() and page.plan.guest is not None
                    and page.plan.inspection is not None
                    and page.plan.inspection.path == disk, timeout=30_000)
    _press(qtbot, wizard, QWizard.WizardButton.NextButton, PageId.DESTINATION)
    image = _press(qtbot, wizard, QWizard.WizardButton.NextButton, PageId.IMAGE)
    assert isinstance(image, ImagePage)
    return image


def test_another_disk_resets_the_override_and_follows_the_new_os(
        qtbot: QtBot, wizard: ImportWizard, sandbox: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from vmdkimport.core.guest import inspect

    answers = {"web01.vmdk": guest(CENTOS), "db02.vmdk": guest(UBUNTU)}
    monkeypatch.setattr(inspect, "inspect_guest",
                        lambda source, **_: answers[source.path.name])
    disks = []
    for name in answers:
        disk = tmp_path / name
        disk.write_bytes(demo_vmdk_bytes(8 * GIB) + os.urandom(64 * 1024))
        disks.append(disk)
    sign_in(qtbot, wizard, sandbox)
    _press(qtbot, wizard, QWizard.WizardButton.NextButton, PageId.DISK)
    image = _to_image(qtbot, wizard, disks[0])
    assert image.os_type.currentData() == "centos"
    assert image.guest_hint.text() == "Found on the disk: CentOS Linux 7 (Core) 7.8.2003, 64-bit"
    choose_os(qtbot, image, "rhel7")
    assert "rhel7" in image.os_type_conflict_text()
    click(qtbot, image.os_type_anyway)
    assert wizard.plan.os_type_override
    _press(qtbot, wizard, QWizard.WizardButton.BackButton, PageId.DESTINATION)
    _press(qtbot, wizard, QWizard.WizardButton.BackButton, PageId.DISK)
    image = _to_image(qtbot, wizard, disks[1])
    assert not wizard.plan.os_type_override
    # the user chose rhel7 themselves, so it stays; the new disk says Ubuntu: refused again
    assert image.os_type.currentData() == "rhel7"
    assert image.guest_hint.text() == "Found on the disk: Ubuntu 18.04.6 LTS, 64-bit"
    assert "ubuntu" in image.os_type_conflict_text()
    assert not image.os_type_anyway.isChecked()
    assert not next_enabled(wizard)
