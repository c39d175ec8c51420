"""Values the pre-flight suggests follow the disk when the user picks another one; values the
user typed stay (issue #12: the image name kept the first disk's name)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from helpers.wizard import sign_in
from vmdkimport.core.plan import PageId
from vmdkimport.demo import demo_vmdk_bytes
from vmdkimport.qt.pages.destination import DestinationPage
from vmdkimport.qt.pages.disk import DiskPage
from vmdkimport.qt.pages.image import ImagePage
from vmdkimport.qt.wizard import ImportWizard

LEFT = Qt.MouseButton.LeftButton
GIB = 1024**3


def _disk(folder: Path, name: str, gib: int) -> Path:
    path = folder / name
    path.write_bytes(demo_vmdk_bytes(gib * GIB) + os.urandom(64 * 1024))
    return path


@pytest.fixture
def disks(tmp_path: Path) -> tuple[Path, Path]:
    return _disk(tmp_path, "web01.vmdk", 8), _disk(tmp_path, "db02.vmdk", 16)


def _press(qtbot: QtBot, wizard: ImportWizard, which: QWizard.WizardButton,
           expected: PageId) -> Any:
    button = wizard.button(which)
    qtbot.waitUntil(button.isEnabled, timeout=30_000)
    qtbot.mouseClick(button, LEFT)
    assert wizard.currentId() == int(expected)
    return wizard.currentPage()


def _choose_disk(qtbot: QtBot, page: DiskPage, path: Path) -> None:
    page.file_edit.selectAll()
    qtbot.keyClicks(page.file_edit, str(path))
    qtbot.keyClick(page.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.isComplete() and page.plan.inspection is not None
                    and page.plan.inspection.path == path, timeout=30_000)


def _to_image(qtbot: QtBot, wizard: ImportWizard, disk: Path) -> ImagePage:
    page = wizard.currentPage()
    assert isinstance(page, DiskPage)
    _choose_disk(qtbot, page, disk)
    destination = _press(qtbot, wizard, QWizard.WizardButton.NextButton, PageId.DESTINATION)
    assert isinstance(destination, DestinationPage)
    image = _press(qtbot, wizard, QWizard.WizardButton.NextButton, PageId.IMAGE)
    assert isinstance(image, ImagePage)
    return image


def _back_to_disk(qtbot: QtBot, wizard: ImportWizard) -> None:
    _press(qtbot, wizard, QWizard.WizardButton.BackButton, PageId.DESTINATION)
    _press(qtbot, wizard, QWizard.WizardButton.BackButton, PageId.DISK)


def test_suggested_values_follow_another_disk(qtbot: QtBot, wizard: ImportWizard,
                                              sandbox: Any, disks: tuple[Path, Path]) -> None:
    first, second = disks
    sign_in(qtbot, wizard, sandbox)
    _press(qtbot, wizard, QWizard.WizardButton.NextButton, PageId.DISK)
    image = _to_image(qtbot, wizard, first)
    assert (image.name.text(), image.min_disk.text()) == ("web01", "8")
    _back_to_disk(qtbot, wizard)
    image = _to_image(qtbot, wizard, second)
    assert (image.name.text(), image.min_disk.text()) == ("db02", "16")
    assert wizard.plan.object_name == "db02.vmdk"


def test_typed_values_stay_when_the_disk_changes(qtbot: QtBot, wizard: ImportWizard,
                                                 sandbox: Any,
                                                 disks: tuple[Path, Path]) -> None:
    first, second = disks
    sign_in(qtbot, wizard, sandbox)
    _press(qtbot, wizard, QWizard.WizardButton.NextButton, PageId.DISK)
    image = _to_image(qtbot, wizard, first)
    image.name.selectAll()
    qtbot.keyClicks(image.name, "shop-frontend")
    _back_to_disk(qtbot, wizard)  # through Destination: Back from Image
    image = _to_image(qtbot, wizard, second)
    assert image.name.text() == "shop-frontend"  # typed: kept
    assert image.min_disk.text() == "16"  # not typed: follows the disk
