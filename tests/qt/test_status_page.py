"""Page 7, Import status: what the service's states mean to the person watching."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from vmdkimport.core.cloud.imageimport import ImportState, ImportStatus
from vmdkimport.core.plan import PageId
from vmdkimport.qt.pages.status import StatusPage
from vmdkimport.qt.wizard import ImportWizard

ID = "6bf65660-70ee-4a75-b61a-36ac040c289c"


def test_back_in_the_queue_is_said(qtbot: QtBot, wizard: ImportWizard) -> None:
    """The service may put a converting import back in the queue (the sandbox does it to one
    import in three): "Queued" at 66 % with no word looked like a hang or a restart."""
    page = wizard.pages[PageId.STATUS]
    assert isinstance(page, StatusPage)
    for state, progress in ((ImportState.QUEUED, 0), (ImportState.PROCESSING, 40)):
        page._update(ImportStatus(ID, state, progress))
    assert not page.message.text()
    page._update(ImportStatus(ID, ImportState.QUEUED, 66))
    assert "back in the queue" in page.state.text() + page.message.text()
    assert page.progress.value() == 66
    page._update(ImportStatus(ID, ImportState.PROCESSING, 70))
    assert "back in the queue" not in page.state.text() + page.message.text()


def test_a_first_queue_is_just_queued(qtbot: QtBot, wizard: ImportWizard) -> None:
    page = wizard.pages[PageId.STATUS]
    assert isinstance(page, StatusPage)
    page._update(ImportStatus(ID, ImportState.QUEUED, 0))
    assert page.state.text() == "Queued"
    assert "back in the queue" not in page.message.text()

