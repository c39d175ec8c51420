"""Page 4, Image settings, as a person fills it: the OS, KMS only for Windows, and every field's
problem shown next to that field while Next stays disabled."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard
from pytestqt.qtbot import QtBot

from helpers.wizard import PROJECT, choose_os, click
from vmdkimport.core import rules
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.disk.preflight import Inspection, Suggestions, Verdict
from vmdkimport.core.plan import ChecksumMode, ImportPlan, PageId, SourceKind
from vmdkimport.core.rules import Field
from vmdkimport.qt.pages.image import ImagePage
from vmdkimport.qt.wizard import ImportWizard

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _local_file(plan: ImportPlan) -> None:
    plan.profile = ConnectionProfile(project_id=PROJECT)
    plan.file = Path("/disks/web01.vmdk")
    plan.container = "images"
    plan.object_name = "web01.vmdk"
    plan.name = "web01"
    plan.min_disk = 20


def open_image_page(wizard: ImportWizard, *setups: Callable[[ImportPlan], None]) -> ImagePage:
    """The wizard restarted at the Image page with a plan prepared by ``setups``."""
    _local_file(wizard.plan)
    for setup in setups:
        setup(wizard.plan)
    wizard.setStartId(int(PageId.IMAGE))
    wizard.restart()
    page = wizard.currentPage()
    assert isinstance(page, ImagePage)
    return page


def next_enabled(wizard: ImportWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def body(wizard: ImportWizard) -> dict[str, object]:
    return wizard.plan.import_request().to_body()


def test_windows_enables_kms_and_sends_it(qtbot: QtBot, wizard: ImportWizard) -> None:
    page = open_image_page(wizard)
    assert not page.kms.isEnabled()
    assert page.kms_note.isVisible()
    assert page.kms_note.text() == "Only for Windows images"
    choose_os(qtbot, page, "win2012R2SE")
    assert page.os_type.currentData() == "win2012R2SE"
    assert page.os_type.currentText() == "Windows Server 2012 R2 SE (win2012R2SE)"
    assert page.kms.isEnabled()
    assert not page.kms_note.isVisible()
    qtbot.keyClicks(page.kms_server, "kms.example.com:1688")
    click(qtbot, page.kms_activate)
    assert page.kms_activate.isChecked()
    assert next_enabled(wizard)
    assert page.validatePage()
    assert body(wizard)["kms"] == {"server_info": "kms.example.com:1688", "activate": True}
    assert body(wizard)["os_type"] == "win2012R2SE"


def test_linux_disables_kms_and_leaves_it_out_of_the_body(qtbot: QtBot,
                                                          wizard: ImportWizard) -> None:
    page = open_image_page(wizard)
    choose_os(qtbot, page, "win2016SE_en")
    assert page.os_type.currentData() == "win2016SE_en"
    qtbot.keyClicks(page.kms_server, "kms.example.com:1688")
    click(qtbot, page.kms_activate)
    assert "kms" in body(wizard)
    choose_os(qtbot, page, "ubuntu")
    assert page.os_type.currentData() == "ubuntu"
    assert not page.kms.isEnabled()
    assert page.kms_note.isVisible()
    assert page.kms_server.text() == "kms.example.com:1688"  # kept, but not sent
    assert next_enabled(wizard)
    assert page.validatePage()
    assert wizard.plan.os_type == "ubuntu"
    assert "kms" not in body(wizard)
    assert "kms" not in wizard.plan.preview_body()


def test_placeholder_os_blocks_next_and_the_warning_is_shown(qtbot: QtBot,
                                                             wizard: ImportWizard) -> None:
    page = open_image_page(wizard)
    assert page.os_type.currentIndex() == 0
    assert page.os_type.currentText() == "Choose the OS installed on the disk…"
    assert page.os_type.count() == 1 + len(rules.OS_TYPES)
    assert page.os_warning.isVisible()
    assert page.os_warning.text() == rules.OS_TYPE_WARNING
    assert not next_enabled(wizard)
    assert not page.validatePage()
    assert page.problem_text(Field.OS_TYPE) == "Enter the os type."
    choose_os(qtbot, page, "centos")
    assert page.os_type.currentData() == "centos"
    assert page.problem_text(Field.OS_TYPE) == ""
    assert next_enabled(wizard)


def test_prefilled_from_the_plan_and_preflight(qtbot: QtBot, wizard: ImportWizard) -> None:
    def suggested(plan: ImportPlan) -> None:
        plan.os_type = "rhel7"
        plan.min_ram = 4096
        plan.inspection = Inspection(
            path=Path("/disks/web01.ova"), kind="ova", description="an OVA", subformat=None,
            virtual_size=20 * 1024**3, file_size=1024, verdict=Verdict.IMPORTABLE,
            findings=[], fix=None, can_convert=False, upload_source=None,
            suggestions=Suggestions(image_name="web01", object_name="web01.vmdk",
                                    min_disk_gb=20, os_type="rhel7",
                                    os_type_hint="The OVF says Red Hat Enterprise Linux 7."))

    page = open_image_page(wizard, suggested)
    assert page.name.text() == "web01"
    assert page.os_type.currentData() == "rhel7"
    assert page.min_disk.text() == "20"
    assert page.min_ram.text() == "4096"
    assert page.os_hint.isVisible()
    assert "The OVF says Red Hat Enterprise Linux 7." in page.os_hint.text()
    assert page.checksum_compute.isChecked()
    assert page.checksum_compute.isEnabled()
    assert not page.checksum_none.isVisible()
    assert next_enabled(wizard)
    # blank minimums are not sent at all
    page.min_ram.clear()
    page.min_disk.setFocus()
    qtbot.keyClick(page.min_disk, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.min_disk, Qt.Key.Key_Backspace)
    assert "min_ram" not in body(wizard)
    assert "min_disk" not in body(wizard)
    assert next_enabled(wizard)


def _error_next_to(page: ImagePage, field: Field, widget: QWidget) -> str:
    """The error under ``widget``: visible, in the same row box as the widget."""
    label = page.error_label(field)
    assert label.isVisible()
    holder = label.parentWidget()
    assert holder is not None
    assert holder.isAncestorOf(widget)
    return label.text()


@pytest.mark.parametrize("case", ["name", "image_id", "checksum", "min_ram"])
def test_each_problem_is_shown_next_to_its_field_and_blocks_next(
    qtbot: QtBot, wizard: ImportWizard, case: str,
) -> None:
    def ubuntu(plan: ImportPlan) -> None:
        plan.os_type = "ubuntu"
        if case == "min_ram":
            plan.min_ram = -1  # the validator stops a typed "-"; a saved plan can still hold it

    page = open_image_page(wizard, ubuntu)
    if case == "name":
        page.name.clear()
        qtbot.keyClicks(page.name, " web01")
        field, widget, expected = (Field.NAME, page.name,
                                   "The image name starts or ends with a space.")
    elif case == "image_id":
        qtbot.keyClicks(page.image_id, "not-a-uuid")
        field, widget, expected = Field.IMAGE_ID, page.image_id, "must be a UUID"
    elif case == "checksum":
        assert not page.checksum.isEnabled()
        click(qtbot, page.checksum_paste)
        assert page.checksum.isEnabled()
        qtbot.keyClicks(page.checksum, "a" * 39)
        field, widget, expected = (Field.CHECKSUM, page.checksum,
                                   "exactly 40 hexadecimal digits")
    else:
        assert page.min_ram.text() == "-1"
        field, widget, expected = Field.MIN_RAM, page.min_ram, "Minimum RAM cannot be negative."
    assert expected in _error_next_to(page, field, widget)
    assert not next_enabled(wizard)
    assert not page.validatePage()
    # the other fields stay quiet
    for other in (Field.NAME, Field.OS_TYPE, Field.MIN_RAM, Field.MIN_DISK, Field.IMAGE_ID,
                  Field.CHECKSUM, Field.KMS_SERVER):
        if other is not field:
            assert page.problem_text(other) == ""
    # and the error can be reached ("Go to field" from a service error)
    assert wizard.pages[PageId.IMAGE].focus_field(field)


def test_validator_refuses_a_typed_minus_and_letters(qtbot: QtBot, wizard: ImportWizard) -> None:
    page = open_image_page(wizard)
    page.min_ram.clear()
    qtbot.keyClicks(page.min_ram, "-5x12")
    assert page.min_ram.text() == "512"
    assert wizard.plan.min_ram == 512


def test_generate_gives_a_uuid_that_passes(qtbot: QtBot, wizard: ImportWizard) -> None:
    page = open_image_page(wizard, lambda plan: setattr(plan, "os_type", "ubuntu"))
    qtbot.keyClicks(page.image_id, "bad")
    assert not next_enabled(wizard)
    page.image_id.clear()
    qtbot.mouseClick(page.generate, Qt.MouseButton.LeftButton)
    assert UUID_RE.fullmatch(page.image_id.text())
    assert page.problem_text(Field.IMAGE_ID) == ""
    assert next_enabled(wizard)
    assert page.validatePage()
    assert body(wizard)["id"] == page.image_id.text()


def test_pasted_checksum_is_sent_lower_case(qtbot: QtBot, wizard: ImportWizard) -> None:
    page = open_image_page(wizard, lambda plan: setattr(plan, "os_type", "ubuntu"))
    click(qtbot, page.checksum_paste)
    assert not next_enabled(wizard)  # paste chosen, nothing pasted yet
    qtbot.keyClicks(page.checksum, "AB" * 20)
    assert next_enabled(wizard)
    assert page.validatePage()
    assert wizard.plan.checksum_mode is ChecksumMode.PASTE
    assert body(wizard)["checksum"] == "ab" * 20


def test_existing_object_cannot_compute_the_checksum(qtbot: QtBot,
                                                     wizard: ImportWizard) -> None:
    def existing(plan: ImportPlan) -> None:
        plan.source_kind = SourceKind.EXISTING_OBJECT
        plan.file = None
        plan.os_type = "ubuntu"

    page = open_image_page(wizard, existing)
    assert not page.checksum_compute.isEnabled()
    assert "Nothing is uploaded" in page.checksum_compute.toolTip()
    assert page.checksum_none.isVisible()
    assert page.checksum_none.isChecked()
    assert next_enabled(wizard)
    assert page.validatePage()
    assert wizard.plan.checksum_mode is ChecksumMode.NONE
    assert "checksum" not in wizard.plan.preview_body()


def test_every_field_can_be_focused_from_an_error(qtbot: QtBot, wizard: ImportWizard) -> None:
    page = open_image_page(wizard, lambda plan: setattr(plan, "os_type", "win2012SE"))
    wizard.activateWindow()
    for field, widget in ((Field.NAME, page.name), (Field.OS_TYPE, page.os_type),
                          (Field.MIN_RAM, page.min_ram), (Field.MIN_DISK, page.min_disk),
                          (Field.IMAGE_ID, page.image_id), (Field.KMS_SERVER, page.kms_server),
                          (Field.KMS, page.kms_server), (Field.KMS_ACTIVATE, page.kms_activate),
                          (Field.CHECKSUM, page.checksum_compute)):
        assert wizard.go_to_field(field)
        qtbot.waitUntil(widget.hasFocus, timeout=2000)
