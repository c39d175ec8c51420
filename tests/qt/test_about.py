"""The About box: version, what the tool does, and where its logs are, with room to read them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from vmdkimport.qt.wizard import ImportWizard


def test_the_about_box_has_room(qtbot: QtBot, wizard: ImportWizard) -> None:
    """It was a message box about 240 pixels wide: the sentence and the log folder's path
    wrapped every few words, the path in the middle."""
    from PySide6.QtWidgets import QLabel, QLineEdit

    from vmdkimport.core import paths

    dialog = wizard.about_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.width() >= 480
    logs = dialog.findChild(QLineEdit)
    assert logs is not None
    assert logs.text() == str(paths.log_dir())  # whole, selectable
    assert logs.isReadOnly()
    for label in dialog.findChildren(QLabel):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
