"""Keyboard use (mnemonics with buddies, a tab order that reaches every field) and the crash
report (copyable, with secrets masked)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from vmdkimport.core import logsetup
from vmdkimport.core.plan import PageId
from vmdkimport.qt.crash import report_text
from vmdkimport.qt.wizard import ImportWizard


@pytest.mark.parametrize("page_id", list(PageId))
def test_every_mnemonic_label_has_a_buddy(qtbot: QtBot, wizard: ImportWizard,
                                          page_id: PageId) -> None:
    page = wizard.pages[page_id]
    labels = [label for label in page.findChildren(QLabel)
              if "&" in label.text().replace("&&", "")]
    if page_id in (PageId.CONNECTION, PageId.DESTINATION, PageId.IMAGE):
        assert len(labels) >= 6  # the forms: the check is not vacuous
    missing = [label.text() for label in labels if label.buddy() is None]
    assert missing == [], f"labels with a mnemonic but no buddy on {page_id.name}: {missing}"


def test_tab_reaches_every_field_of_the_connection_page(qtbot: QtBot,
                                                        wizard: ImportWizard) -> None:
    page = wizard.pages[PageId.CONNECTION]
    wanted = [w for w in page.findChildren(QLineEdit)
              if w.isVisibleTo(page) and w.isEnabled() and w.focusPolicy() != 0
              and not isinstance(w.parent(), QAbstractButton)]
    seen: list[QWidget] = []
    widget: QWidget = page.profile_name  # type: ignore[attr-defined]
    for _ in range(40):
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
        if widget not in seen:
            seen.append(widget)
    reached = [w for w in wanted if w in seen or any(w is s.focusProxy() for s in seen)]
    assert len(reached) == len(wanted)
    order = [seen.index(w) for w in (page.contract, page.user, page.project,  # type: ignore[attr-defined]
                                     page.password)]  # type: ignore[attr-defined]
    assert order == sorted(order)  # top to bottom, as the form reads


def test_crash_report_is_complete_and_redacted() -> None:
    secret = "s3cret-Password!"
    logsetup.register_secret(secret)
    try:
        raise RuntimeError(f"boom while using {secret}")
    except RuntimeError:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None
    assert exc is not None
    text = report_text(exc_type, exc, tb)
    assert "VM Image Import Wizard" in text
    assert "PySide6" in text
    assert "RuntimeError" in text
    assert "test_crash_report_is_complete_and_redacted" in text
    assert secret not in text
    assert "***" in text
