"""Alt with the letter of a disabled wizard button types nothing into any text field.

The path field had the fix (Alt+N on a grey Next typed an "n"); the same happened in every other
field: on the Connection page, Alt+N in the User name typed "n" while Next was still grey.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from vmdkimport.core.plan import PageId
from vmdkimport.qt.wizard import ImportWizard


def test_alt_letters_type_nothing_in_any_field_of_any_page(qtbot: QtBot,
                                                           wizard: ImportWizard) -> None:
    wizard.ensure_pages()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    checked = 0
    for page_id in PageId:
        page = wizard.page(int(page_id))
        for edit in page.findChildren(QLineEdit):
            if edit.isReadOnly() or isinstance(edit.parent(), QAbstractSpinBox):
                continue  # a spin box takes digits only
            edit.setText("")
            qtbot.keyClick(edit, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
            qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
            assert edit.text() == "", (page_id.name, edit.objectName() or edit.placeholderText())
            checked += 1
    assert checked > 10
