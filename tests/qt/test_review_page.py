"""Page 5, Review: the summary, the exact request body, the Next button's words, and Edit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from helpers.wizard import PROJECT, choose_os, click, sign_in
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.plan import ImportPlan, PageId, SourceKind
from vmdkimport.core.upload.segments import Manifest
from vmdkimport.qt.pages.image import ImagePage
from vmdkimport.qt.pages.review import ReviewPage
from vmdkimport.qt.wizard import ImportWizard

LEFT = Qt.MouseButton.LeftButton


def _local_file(plan: ImportPlan) -> None:
    if plan.session is None:
        plan.profile = ConnectionProfile(project_id=PROJECT, username="alice", domain="c123")
    plan.file = Path("/disks/web01.vmdk")
    plan.container = "images"
    plan.object_name = "web01.vmdk"
    plan.name = "web01"
    plan.min_disk = 20
    plan.threads = 3
    plan.limit_rate = 10 * 1024 * 1024
    plan.manifest = Manifest.SLO


def start_at(wizard: ImportWizard, page_id: PageId,
             *setups: Callable[[ImportPlan], None]) -> None:
    _local_file(wizard.plan)
    for setup in setups:
        setup(wizard.plan)
    wizard.setStartId(int(page_id))
    wizard.restart()


def next_button(wizard: ImportWizard) -> Any:
    return wizard.button(QWizard.WizardButton.NextButton)


def to_review(qtbot: QtBot, wizard: ImportWizard) -> ReviewPage:
    """Press Next on the Image page."""
    assert next_button(wizard).isEnabled()
    qtbot.mouseClick(next_button(wizard), LEFT)
    page = wizard.currentPage()
    assert isinstance(page, ReviewPage)
    return page


def test_review_shows_the_exact_body_and_edit_goes_back(qtbot: QtBot, wizard: ImportWizard,
                                                        sandbox: Any) -> None:
    sign_in(qtbot, wizard, sandbox)
    session = wizard.plan.session
    assert session is not None
    start_at(wizard, PageId.IMAGE)
    image = wizard.currentPage()
    assert isinstance(image, ImagePage)
    choose_os(qtbot, image, "win2012R2SE")
    qtbot.keyClicks(image.kms_server, "kms.example.com : 1688")
    click(qtbot, image.kms_activate)
    qtbot.keyClicks(image.min_ram, "4096")
    review = to_review(qtbot, wizard)

    text = review.body.toPlainText()
    assert review.body.isReadOnly()
    assert json.loads(text) == wizard.plan.preview_body()
    assert text == json.dumps(wizard.plan.preview_body(), indent=2, ensure_ascii=False)
    sent = json.loads(text)
    assert sent["location"] == f"/v1/AUTH_{sandbox.project_id}/images/web01.vmdk"
    assert sent["kms"] == {"server_info": "kms.example.com:1688", "activate": True}
    assert sent["checksum"] == "<SHA1 computed during the upload>"
    assert sent["min_ram"] == 4096
    assert session.token.value not in text
    assert next_button(wizard).text().replace("&", "") == "Upload and register"
    assert next_button(wizard).isEnabled()

    connection = review.connection.text()
    for expected in (sandbox.user, sandbox.domain, sandbox.project_name, sandbox.project_id,
                     sandbox.object_storage_url, session.endpoints.import_url):
        assert expected in connection
    assert session.token.value not in connection
    assert "web01.vmdk" in review.disk.text()
    destination = review.destination.text()
    for expected in ("images/web01.vmdk", "256.0 MiB", "Parallel segments: 3", "10.0 MiB/s",
                     "SLO", "no, stop if the object exists"):
        assert expected in destination
    image_text = review.image.text()
    for expected in ("web01", "Windows Server 2012 R2 SE (win2012R2SE)", "4096 MB", "20 GB",
                     "assigned by the service", "computed during the upload",
                     "kms.example.com:1688; activate"):
        assert expected in image_text

    wizard.activateWindow()
    qtbot.mouseClick(review.image.edit, LEFT)
    assert wizard.currentPage() is image
    qtbot.waitUntil(image.name.hasFocus, timeout=2000)
    # a change there shows on the Review page and in the body
    qtbot.keyClicks(image.name, "-v2")
    review = to_review(qtbot, wizard)
    assert json.loads(review.body.toPlainText())["name"] == "web01-v2"


def test_existing_object_is_registered_without_upload(qtbot: QtBot,
                                                      wizard: ImportWizard) -> None:
    def existing(plan: ImportPlan) -> None:
        plan.source_kind = SourceKind.EXISTING_OBJECT
        plan.file = None
        plan.os_type = "ubuntu"

    start_at(wizard, PageId.IMAGE, existing)
    review = to_review(qtbot, wizard)
    assert next_button(wizard).text().replace("&", "") == "Register"
    body = json.loads(review.body.toPlainText())
    assert body == wizard.plan.preview_body()
    assert "checksum" not in body
    assert "kms" not in body
    assert body["os_type"] == "ubuntu"
    assert "images/web01.vmdk" in review.disk.text()
    assert "Segment size" not in review.destination.text()
    assert "not signed in" in review.connection.text()
    assert review.isComplete()


def test_image_problems_keep_next_disabled(qtbot: QtBot, wizard: ImportWizard) -> None:
    def broken(plan: ImportPlan) -> None:
        plan.os_type = "centos"
        plan.name = " web01"

    start_at(wizard, PageId.REVIEW, broken)
    review = wizard.currentPage()
    assert isinstance(review, ReviewPage)
    assert not review.isComplete()
    assert not next_button(wizard).isEnabled()
    assert "The image name starts or ends with a space." in review.message.text()
