"""Driving the wizard as a person would: type, press, pick with the keyboard, click a box."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QWizard
from pytestqt.qtbot import QtBot

from vmdkimport.core import rules
from vmdkimport.core.plan import ImportPlan, PageId
from vmdkimport.qt.pages.connection import ConnectionPage
from vmdkimport.qt.pages.image import ImagePage
from vmdkimport.qt.wizard import ImportWizard

#: a project id of the right shape, for plans prepared without signing in
PROJECT = "0123456789abcdef0123456789abcdef"
MIB = 1024 * 1024


def sign_in(qtbot: QtBot, wizard: ImportWizard, cloud: Any, *, password: str | None = None,
            user: str | None = None) -> ConnectionPage:
    """Type the sandbox's connection as a person would, then press Sign in and wait."""
    page = wizard.pages[PageId.CONNECTION]
    assert isinstance(page, ConnectionPage)
    page.region.setCurrentIndex(page.region.findData("custom"))
    for edit, text in ((page.identity_url, cloud.identity_url), (page.contract, cloud.domain),
                       (page.user, user or cloud.user), (page.project, cloud.project_name),
                       (page.password, password or cloud.password)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    with qtbot.waitSignal(page.completeChanged, timeout=20_000):
        qtbot.mouseClick(page.sign_in, Qt.MouseButton.LeftButton)
    return page


def start_at(qtbot: QtBot, page: PageId, setup: Any) -> ImportWizard:
    """A wizard opened at ``page`` with a plan prepared by ``setup(plan)``."""
    w = ImportWizard()
    qtbot.addWidget(w)
    setup(w.plan)
    w.setStartId(int(page))
    w.show()
    return w


def choose_os(qtbot: QtBot, page: ImagePage, keyword: str) -> None:
    """Pick ``keyword`` with the keyboard in the closed combo box: type the first word of its
    description (a space would open the list), then arrow down to it."""
    description = next(t.description for t in rules.OS_TYPES if t.keyword == keyword)
    page.os_type.setFocus()
    qtbot.keyClicks(page.os_type, description.split()[0])
    for _ in range(len(rules.OS_TYPES)):
        if page.os_type.currentData() == keyword:
            break
        qtbot.keyClick(page.os_type, Qt.Key.Key_Down)
    assert page.os_type.currentData() == keyword


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click the indicator of a check box or radio button (left edge, mid height)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def press_next(qtbot: QtBot, wizard: ImportWizard, expected: PageId, *,
               timeout_ms: int = 30_000) -> Any:
    """Press the step forward (Next, or the commit button on the Review page) once it is
    enabled, as a person would, and check that the wizard arrived at ``expected``."""
    button = wizard.button(QWizard.WizardButton.NextButton)
    if not button.isVisible():
        button = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(button.isEnabled, timeout=timeout_ms)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == int(expected)
    return wizard.currentPage()


@contextmanager
def upload_plan(cloud: Any, disk: Path, **values: Any) -> Iterator[Callable[[ImportPlan], None]]:
    """A ``setup(plan)`` for :func:`start_at` that opens the Upload page ready to send ``disk``
    to ``cloud`` (signed in, inspected, container "images", 1 MiB segments, Ubuntu), with
    ``values`` set on the plan on top; the session is closed afterwards."""
    from vmdkimport.core.cloud.profiles import ConnectionProfile
    from vmdkimport.core.cloud.session import connect
    from vmdkimport.core.disk.preflight import inspect

    session = connect(ConnectionProfile(identity_url=cloud.identity_url, domain=cloud.domain,
                                        username=cloud.user, project_name=cloud.project_name),
                      cloud.password)

    def setup(plan: ImportPlan) -> None:
        plan.session = session
        plan.file = disk
        plan.apply_inspection(inspect(disk))
        plan.container = "images"
        plan.segment_size = MIB
        plan.os_type = "ubuntu"
        for name, value in values.items():
            setattr(plan, name, value)

    try:
        yield setup
    finally:
        session.close()
