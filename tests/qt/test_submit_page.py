"""Upload and register, then status: progress, control, errors with their fix, the ledger."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from helpers.wizard import start_at, upload_plan
from vmdkimport.core.error_catalog import FIELD_STEP, TABLE5, Step
from vmdkimport.core.errors import ApiError, UploadCancelled
from vmdkimport.core.plan import ImportPlan, PageId
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.demo import demo_vmdk_bytes
from vmdkimport.qt import i18n
from vmdkimport.qt.pages.status import StatusPage
from vmdkimport.qt.pages.submit import SubmitPage
from vmdkimport.qt.wizard import ImportWizard

MIB = 1024 * 1024
LEFT = Qt.MouseButton.LeftButton


pytestmark = pytest.mark.usefixtures("fast_status")


@pytest.fixture
def disk(tmp_path: Path) -> Path:
    path = tmp_path / "web01.vmdk"
    path.write_bytes(demo_vmdk_bytes(64 * MIB) + os.urandom(5 * MIB))
    return path


@pytest.fixture
def prepared(sandbox: Any, disk: Path) -> Iterator[Any]:
    with upload_plan(sandbox, disk, threads=2) as setup:
        yield setup


def _mid_upload(details: str) -> bool:
    """At least one segment done and at least one to go."""
    import re

    match = re.search(r"segments (\d+)/(\d+)", details)
    return match is not None and 1 <= int(match[1]) < int(match[2])


def _submit(wizard: QWizard) -> SubmitPage:
    page = wizard.currentPage()
    assert isinstance(page, SubmitPage)
    return page


def _upload_under_way(qtbot: QtBot, prepared: Any) -> tuple[ImportWizard, SubmitPage]:
    """The Submit page uploading slowly (2 MiB/s, one segment at a time), once at least one
    segment is done and one is to go: the moment to cancel, close or expire a token."""
    def slow(plan: ImportPlan) -> None:
        prepared(plan)
        plan.limit_rate = 2 * MIB
        plan.threads = 1

    wizard = start_at(qtbot, PageId.SUBMIT, slow)
    page = _submit(wizard)
    qtbot.waitUntil(lambda: _mid_upload(page.details.text()), timeout=30_000)
    return wizard, page


def test_upload_register_and_follow_to_succeeded(qtbot: QtBot, prepared: Any,
                                                 no_thread_left: None) -> None:
    wizard = start_at(qtbot, PageId.SUBMIT, prepared)
    page = _submit(wizard)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    import_id = page.import_id.text()
    assert import_id
    assert page.import_id.isVisible()
    entry = Ledger().get(import_id)
    assert entry is not None
    assert entry.phase == "registered"
    assert wizard.plan.upload_result is not None
    assert entry.as_dict()["body"]["checksum"] == wizard.plan.upload_result.sha1
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    status = wizard.currentPage()
    assert isinstance(status, StatusPage)
    qtbot.waitUntil(lambda: status.last is not None and status.last.state.final,
                    timeout=30_000)
    assert "Succeeded" in status.state.text()
    assert status.progress.value() == 100
    assert Ledger().get(import_id).status == "succeeded"  # type: ignore[union-attr]


@pytest.mark.parametrize("code", sorted(TABLE5))
def test_each_table5_error_is_shown_with_its_action(qtbot: QtBot, prepared: Any, sandbox: Any,
                                                    code: str, no_thread_left: None) -> None:
    entry = TABLE5[code]
    sandbox.inject_fault("image-import", "POST", r"^/v1/imageimport$", entry.status or 0,
                         error_code=code)
    wizard = start_at(qtbot, PageId.SUBMIT, prepared)
    page = _submit(wizard)
    qtbot.waitUntil(lambda: page.error is not None, timeout=30_000)
    text = page.message.text()
    assert entry.message in text
    assert isinstance(page.error, ApiError)
    assert i18n.core(page.error.action) in text  # 50301's carries the running count
    assert code in text
    jump = FIELD_STEP[entry.field] is not Step.SUBMIT
    assert page.go_to_field.isVisibleTo(page) is jump
    assert page.retry.isVisibleTo(page) is entry.retryable
    assert not page.isComplete()
    assert Ledger().entries()[0].phase == "rejected"


def test_retry_after_a_busy_service(qtbot: QtBot, prepared: Any, sandbox: Any,
                                    no_thread_left: None) -> None:
    sandbox.inject_fault("image-import", "POST", r"^/v1/imageimport$", 503,
                         error_code="50301")
    wizard = start_at(qtbot, PageId.SUBMIT, prepared)
    page = _submit(wizard)
    qtbot.waitUntil(lambda: page.error is not None, timeout=30_000)
    puts = len([r for r in sandbox.requests() if r["method"] == "PUT"])
    qtbot.mouseClick(page.retry, LEFT)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    # the upload was not repeated: the identical object is recognised by its metadata
    assert len([r for r in sandbox.requests() if r["method"] == "PUT"]) == puts


def test_cancel_mid_upload_then_resume(qtbot: QtBot, prepared: Any, sandbox: Any,
                                       no_thread_left: None) -> None:
    wizard, page = _upload_under_way(qtbot, prepared)
    qtbot.mouseClick(page.cancel, LEFT)
    qtbot.waitUntil(lambda: isinstance(page.error, UploadCancelled), timeout=30_000)
    assert page.retry.isVisibleTo(page)
    assert "Resume" in page.retry.text()
    before = {r["path"] for r in sandbox.requests()
              if r["method"] == "PUT" and "_segments/" in r["path"] and r["status"] == 201}
    wizard.plan.limit_rate = None
    qtbot.mouseClick(page.retry, LEFT)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    after = [r["path"] for r in sandbox.requests()
             if r["method"] == "PUT" and "_segments/" in r["path"] and r["status"] == 201]
    assert len(after) == len(set(after))  # no finished segment was sent twice
    assert before <= set(after)
    assert "already there" in page.details.text()


def test_pause_then_resume_button(qtbot: QtBot, prepared: Any, no_thread_left: None) -> None:
    def slow(plan: ImportPlan) -> None:
        prepared(plan)
        plan.limit_rate = 2 * MIB

    wizard = start_at(qtbot, PageId.SUBMIT, slow)
    page = _submit(wizard)
    qtbot.waitUntil(lambda: page.pause.isEnabled() and "segments" in page.details.text(),
                    timeout=30_000)
    qtbot.mouseClick(page.pause, LEFT)
    qtbot.waitUntil(lambda: page.phase.text() == "Paused.", timeout=10_000)
    assert page.pause.text() == "&Resume"
    qtbot.mouseClick(page.pause, LEFT)
    qtbot.waitUntil(page.isComplete, timeout=30_000)


def test_token_expiry_mid_upload_is_renewed_without_asking(
    qtbot: QtBot, prepared: Any, sandbox: Any, no_thread_left: None
) -> None:
    wizard, page = _upload_under_way(qtbot, prepared)
    sandbox.expire_tokens()
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    assert any(r["status"] == 401 for r in sandbox.requests())
    assert wizard.plan.session is not None
    assert wizard.plan.session.tokens.renewals >= 1


def test_closing_during_an_upload_asks_then_stops_and_keeps_the_journal(
    qtbot: QtBot, prepared: Any, monkeypatch: pytest.MonkeyPatch, isolated_home: Path,
    no_thread_left: None,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    wizard, page = _upload_under_way(qtbot, prepared)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(parent: object, title: str, text: str,
                 *buttons: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    wizard.close()
    assert wizard.isVisible()  # "No": the upload goes on
    assert page.control is not None
    assert not page.control.cancelled
    import time

    started = time.monotonic()
    wizard.close()
    # Not a speed claim: a bound that catches a deadlock between the GUI thread waiting for
    # the upload thread and that thread waiting for the GUI thread (it once took 30 s).
    assert time.monotonic() - started < 10
    assert not wizard.isVisible()  # "Yes": stopped and closed
    assert len(asked) == 2
    assert "resumes" in asked[0]
    assert page.control.cancelled
    journals = list((isolated_home / "data" / "uploads").glob("*.json"))
    assert journals  # kept: the next upload of this disk resumes


def test_closing_right_after_an_upload_does_not_ask(qtbot: QtBot, prepared: Any,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    no_thread_left: None) -> None:
    from PySide6.QtWidgets import QMessageBox

    wizard = start_at(qtbot, PageId.SUBMIT, prepared)
    page = _submit(wizard)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: pytest.fail("asked about an upload that had ended"))
    wizard.close()
    assert not wizard.isVisible()


def test_earlier_imports_are_followed_after_the_next_sign_in(
    qtbot: QtBot, prepared: Any, sandbox: Any, no_thread_left: None
) -> None:
    """Close the wizard while an import converts; the next sign-in brings its state back."""
    from helpers.wizard import sign_in

    first = start_at(qtbot, PageId.SUBMIT, prepared)
    page = _submit(first)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    import_id = page.import_id.text()
    session = first.plan.session
    assert session is not None
    first.close()
    assert Ledger().get(import_id).status == "queued"  # type: ignore[union-attr]
    # the conversion ends while no wizard is open (asked of the service, not the ledger)
    qtbot.waitUntil(lambda: session.imports.status(import_id).state.final, timeout=20_000)
    assert Ledger().get(import_id).status == "queued"  # type: ignore[union-attr]
    again = ImportWizard()
    qtbot.addWidget(again)
    again.show()
    connection = sign_in(qtbot, again, sandbox)
    qtbot.waitUntil(lambda: "Earlier imports" in connection.message.text(), timeout=20_000)
    assert "1 succeeded" in connection.message.text()
    assert Ledger().get(import_id).status == "succeeded"  # type: ignore[union-attr]


# --- the transfer shown: throughput over time and the segment map --------------------------------

def test_the_transfer_is_drawn_while_it_runs_and_when_it_ends(qtbot: QtBot, prepared: Any,
                                                              no_thread_left: None) -> None:
    from vmdkimport.qt.segment_map import CellState

    wizard, page = _upload_under_way(qtbot, prepared)
    assert page.transfer.isVisible()
    cells = page.segment_map.cell_states()
    assert wizard.plan.file is not None
    segments = -(-wizard.plan.file.stat().st_size // MIB)  # 1 MiB segments, the last one short
    assert len(cells) == segments
    assert CellState.SENT in cells
    assert CellState.WAITING in cells
    qtbot.waitUntil(lambda: len(page.throughput.points()) >= 2, timeout=10_000)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    assert set(page.segment_map.cell_states()) == {CellState.SENT}
    assert any(rate > 0 for _, rate in page.throughput.points())
    assert page.transfer.isVisible()  # the finished transfer stays on the page
    assert f"Sent: {segments}" in page.segment_legend.text().replace("&nbsp;", " ")


def test_segments_already_there_are_shown_as_resumed(qtbot: QtBot, prepared: Any,
                                                     no_thread_left: None) -> None:
    from vmdkimport.qt.segment_map import CellState

    wizard, page = _upload_under_way(qtbot, prepared)
    qtbot.mouseClick(page.cancel, LEFT)
    qtbot.waitUntil(lambda: isinstance(page.error, UploadCancelled), timeout=30_000)
    wizard.plan.limit_rate = None
    qtbot.mouseClick(page.retry, LEFT)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    cells = page.segment_map.cell_states()
    assert set(cells) == {CellState.SENT, CellState.RESUMED}
    assert cells[0] is CellState.RESUMED  # what was sent before the stop is first on disk


def test_registering_an_existing_object_shows_no_transfer(qtbot: QtBot, prepared: Any,
                                                          no_thread_left: None) -> None:
    wizard = start_at(qtbot, PageId.SUBMIT, prepared)
    page = _submit(wizard)
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    location = wizard.plan.upload_result
    assert location is not None

    def existing(plan: ImportPlan) -> None:
        from vmdkimport.core.plan import SourceKind

        prepared(plan)
        plan.source_kind = SourceKind.EXISTING_OBJECT
        plan.file = None
        plan.container, plan.object_name = location.container, location.object_name

    again = start_at(qtbot, PageId.SUBMIT, existing)
    page = _submit(again)
    qtbot.waitUntil(lambda: page.isComplete() or page.error is not None, timeout=30_000)
    assert not page.transfer.isVisible()
