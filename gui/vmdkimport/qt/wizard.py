"""The import wizard: the pages in order, navigation driven by the core's ImportPlan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from vmdkimport.core import paths
from vmdkimport.core.plan import ImportPlan, PageId, page_of
from vmdkimport.core.rules import Field
from vmdkimport.qt import resources, steps
from vmdkimport.qt.pages import page_class
from vmdkimport.qt.pages.base import PlanPage
from vmdkimport.qt.settings import Settings

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QMimeData, QPoint
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QShowEvent
    from PySide6.QtWidgets import QDialog, QMessageBox

    from vmdkimport.qt.pages.disk import DiskPage


#: the page the wizard opens on, built with the window; the others follow its first paint
FIRST_PAGE = min(PageId)
#: how long after the window shows the other pages are built: time for the first paint
PAGES_DELAY_MS = 50
#: background tasks whose work is lost when the wizard closes or leaves their page (sign-in,
#: checks and status polls are redone or carried on at no cost; the ledger keeps imports)
LOSABLE_TASKS = frozenset({"upload", "convert"})
#: common kana and kanji: a font that has all of them shows the Japanese UI
JAPANESE_SAMPLE = "あいうアイウ日本語画像設定"


class ImportWizard(QWizard):
    """From sign-in to a followed import. Its pages see it as a
    :class:`~vmdkimport.qt.pages.base.PageHost`: the plan, the settings, "Go to field"."""

    def __init__(self, *, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("VM Image Import Wizard"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        # The logo also gives the header the height of two subtitle lines, which long (and
        # translated) subtitles need: QWizard does not grow the header for a wrapped one.
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, resources.header_logo())
        self.settings = settings or Settings()
        self.plan = ImportPlan()
        self._pages: dict[PageId, PlanPage] = {}
        self._all_built = False
        self._add_page(FIRST_PAGE)
        steps.install(self)  # the side panel of steps; cheap, see qt/steps.py
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&History…"))
        self.setButtonText(QWizard.WizardButton.CustomButton2, self.tr("&About"))
        self.setButtonText(QWizard.WizardButton.CustomButton3, self.tr("Se&ttings…"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton3, True)
        self.customButtonClicked.connect(self._custom_button)
        self._keep_enter_for_forward()
        # Back asks first when it would stop work (QWizard's own Back never asks)
        back = self.button(QWizard.WizardButton.BackButton)
        back.clicked.disconnect()
        back.clicked.connect(self._back_asked)
        self._closing = False
        self._font_noted = False
        self.setAcceptDrops(True)  # a disk file dropped anywhere: see disk_dropped()
        self._drops = _DropsOnTextFields(self)
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(900, 680)

    # --- pages: the first one at once, the others right after the first paint --------------
    @property
    def pages(self) -> dict[PageId, PlanPage]:
        """Every page (built now if the first paint has not yet caused it)."""
        self.ensure_pages()
        return self._pages

    def _add_page(self, page_id: PageId) -> None:
        page = page_class(page_id)(self)
        self._pages[page_id] = page
        self.setPage(int(page_id), page)

    def ensure_pages(self) -> None:
        """Build the pages after the first. Deferred so the window appears without waiting for
        them (their modules and widgets are most of the start-up cost); built PAGES_DELAY_MS
        after showing, or as soon as anything needs them."""
        if self._all_built:
            return
        self._all_built = True
        for page_id in PageId:
            if page_id not in self._pages:
                self._add_page(page_id)
        for page in self._pages.values():
            self._drops.watch(page)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._all_built:
            QTimer.singleShot(PAGES_DELAY_MS, self.ensure_pages)

    def setStartId(self, page_id: int) -> None:
        self.ensure_pages()
        super().setStartId(page_id)

    def page(self, page_id: int) -> QWizardPage:
        self.ensure_pages()
        return super().page(page_id)

    def pageIds(self) -> list[int]:
        self.ensure_pages()
        return super().pageIds()

    def _keep_enter_for_forward(self) -> None:
        """Enter steps forward on every page. A push button in a dialog takes Enter while it
        has the focus ("auto default"); the focus lands on History, About or Back by itself
        when the button that had it is disabled (Pause and Cancel after an upload), and Enter
        then opened History instead of following the import."""
        from PySide6.QtWidgets import QPushButton

        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton,
                      QWizard.WizardButton.CustomButton1, QWizard.WizardButton.CustomButton2,
                      QWizard.WizardButton.CustomButton3):
            button = self.button(which)
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)

    # --- leaving work behind: Back, Cancel, Escape and closing ask the same question ---------
    def _losable_task(self, *, on_page: bool) -> str | None:
        """The name of a running task whose work leaving would lose (on the current page only,
        for Back); None if there is none."""
        from vmdkimport.qt.tasks import Task  # deferred: see vmdkimport.qt

        page = self.currentPage()
        for task in Task.running():
            if task.name not in LOSABLE_TASKS:
                continue
            if on_page and (page is None or not _owned_by(task, page)):
                continue
            return task.name
        return None

    def _confirm_losing(self, task: str | None, *, quitting: bool) -> bool:
        """Ask before work is lost; True to go ahead. Without a running task, quitting after
        signing in and choosing a disk (not yet registered) asks too: those choices go."""
        from PySide6.QtWidgets import QMessageBox

        if task == "upload":
            title = self.tr("Upload in progress")
            text = self.tr("An upload is running. Stop it? It resumes where it stopped the next "
                           "time you upload the same disk.")
        elif task is not None:
            title = self.tr("Conversion in progress")
            text = self.tr("A disk conversion is running. Stop it? It starts again from the "
                           "beginning the next time.")
        elif (quitting and self.plan.session is not None and self.plan.file is not None
              and self.plan.import_id is None):
            title = self.tr("Quit the wizard?")
            text = self.tr("You are signed in and have chosen a disk; nothing has been "
                           "registered yet. Quit the wizard? These choices are not kept.")
        else:
            return True
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        # No is the default: Enter, pressed out of habit, must not throw work away
        return QMessageBox.question(self, title, text, yes | no, no) == yes

    def _back_asked(self) -> None:
        if self._confirm_losing(self._losable_task(on_page=True), quitting=False):
            self.back()

    def reject(self) -> None:
        """Cancel and Escape (and closing the window, through QDialog) come here."""
        task = self._losable_task(on_page=False)
        if not self._closing and not self._confirm_losing(task, quitting=True):
            return
        super().reject()

    # --- a language the installed fonts cannot show ---------------------------------------
    def check_language_font(self, language: str) -> QMessageBox | None:
        """Say once when Japanese is chosen and no installed font has its glyphs: each would
        be drawn as an empty box, with nothing to say why. Written in English and Japanese,
        since the Japanese may be the boxes. The shown note, or None."""
        if language != "ja" or self._font_noted or has_japanese_font():
            return None
        from PySide6.QtWidgets import QMessageBox

        self._font_noted = True
        box = QMessageBox(QMessageBox.Icon.Warning, "No Japanese font / 日本語フォントがありません",
                          "No installed font can show Japanese: its characters appear as "
                          "empty boxes.\n日本語を表示できるフォントがインストールされていません。",
                          QMessageBox.StandardButton.Close, self)
        box.setInformativeText(
            "Install a Japanese font, e.g. on Debian or Ubuntu: sudo apt install "
            "fonts-noto-cjk; or choose English in Settings.\n"
            "日本語フォントをインストールしてください (Debian/Ubuntu: sudo apt install "
            "fonts-noto-cjk)。または設定で英語を選んでください。")
        from PySide6.QtCore import Qt  # the Qt namespace: see vmdkimport.qt

        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not modal to the application: the wizard stays usable behind it
        return box

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.show_history()
        elif which == QWizard.WizardButton.CustomButton2.value:
            self.show_about()
        elif which == QWizard.WizardButton.CustomButton3.value:
            from vmdkimport.qt.settings_dialog import SettingsDialog

            SettingsDialog(self.settings, parent=self).exec()

    def show_history(self) -> None:
        from vmdkimport.qt.history import HistoryDialog

        HistoryDialog(self.plan.session, parent=self).exec()

    def show_about(self) -> None:
        self.about_dialog().exec()

    def about_dialog(self) -> QDialog:
        """Version, purpose and the log folder. A dialog of its own: as a message box it was
        about 240 pixels wide and wrapped the log folder's path in the middle."""
        from PySide6.QtCore import Qt, QUrl
        from PySide6.QtGui import QDesktopServices, QFont
        from PySide6.QtWidgets import (
            QDialog,
            QDialogButtonBox,
            QGridLayout,
            QLabel,
            QLineEdit,
        )

        from vmdkimport import __version__  # importlib.metadata: ~20 ms

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("About"))
        icon = QLabel()
        icon.setPixmap(resources.app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(self.tr("VM Image Import Wizard %1").replace("%1", __version__))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        purpose = QLabel(self.tr("Takes a VMware disk to a registered image in "
                                 "FUJITSU K5 / FJcloud-O."))
        purpose.setWordWrap(True)
        logs_label = QLabel(self.tr("&Logs (never containing passwords or tokens):"))
        logs = QLineEdit(str(paths.log_dir()))
        logs.setReadOnly(True)
        logs.setCursorPosition(0)
        logs_label.setBuddy(logs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_logs = buttons.addButton(self.tr("Open log folder"),
                                      QDialogButtonBox.ButtonRole.ActionRole)
        open_logs.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir()))))
        buttons.rejected.connect(dialog.reject)

        grid = QGridLayout(dialog)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        grid.addWidget(icon, 0, 0, 4, 1)
        grid.addWidget(title, 0, 1)
        grid.addWidget(purpose, 1, 1)
        grid.addWidget(logs_label, 2, 1)
        grid.addWidget(logs, 3, 1)
        grid.setRowMinimumHeight(4, 8)
        grid.addWidget(buttons, 5, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        dialog.setMinimumWidth(max(520, logs.fontMetrics().horizontalAdvance(logs.text()) + 140))
        return dialog

    # --- a disk file dropped anywhere on the window ------------------------------------------
    def dropped_disk(self, mime: QMimeData) -> Path | None:
        """The disk file a drag carries, if the wizard can take it now: a local file, on a
        page from which the Disk page is reached (up to Review: after that the upload and the
        register call are under way or done, and the disk can no longer change), and no
        conversion running on the Disk page."""
        if not mime.hasUrls() or self.currentId() > int(PageId.REVIEW):
            return None
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if not files or self._disk_page().is_converting():
            return None
        from pathlib import Path

        return Path(files[0])

    def disk_dropped(self, path: Path, at: QPoint | None = None) -> None:
        """Take the user to the Disk page with ``path`` chosen and inspected, from whichever
        page it was dropped on (Back over the pages in between, as Go to field does; none of
        them runs work that Back would lose). Before sign-in the Disk page is out of reach:
        the file is chosen there all the same (its pre-flight needs no sign-in) and waits,
        and a note at ``at`` says so: asking for the drop again after signing in would make
        the user do it twice."""
        disk = self._disk_page()
        disk.choose_file(path)
        current = self.currentId()
        if current == int(PageId.CONNECTION) and self.currentPage().isComplete():
            self.next()  # signed in: what Next does (keeping the password if asked)
        while self.currentId() > int(PageId.DISK) and int(PageId.DISK) in self.visitedIds():
            self.back()
        if self.currentId() == int(PageId.DISK):
            disk.file_edit.setFocus()
            return
        from PySide6.QtGui import QCursor
        from PySide6.QtWidgets import QToolTip

        QToolTip.showText(at if at is not None else QCursor.pos(),
                          self.tr("%1 is chosen. Sign in first: the Disk image page then "
                                  "shows it.").replace("%1", path.name), self)

    def _disk_page(self) -> DiskPage:
        from vmdkimport.qt.pages.disk import DiskPage

        page = self.pages[PageId.DISK]
        assert isinstance(page, DiskPage)
        return page

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.dropped_disk(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.dropped_disk(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self.dropped_disk(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.disk_dropped(path, self.mapToGlobal(event.position().toPoint()))

    def nextId(self) -> int:
        page = self.currentPage()
        if page is not None and page.isComplete():
            self.ensure_pages()  # Next is about to be usable: the next page must exist
        current = PageId(self.currentId()) if self.currentId() >= 0 else FIRST_PAGE
        following = self.plan.next_page(current)
        return -1 if following is None else int(following)

    def go_to_field(self, field: Field) -> bool:
        """Go back to the page that holds ``field`` and focus it ("Go to field")."""
        target = page_of(field)
        while self.currentId() > int(target) and int(target) in self.visitedIds():
            self.back()
        return self.pages[target].focus_field(field)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window asks only about running work (QDialog's closeEvent then calls
        reject(), which must not ask a second time)."""
        from vmdkimport.qt.tasks import Task

        if not self._confirm_losing(self._losable_task(on_page=False), quitting=False):
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        Task.shutdown_all()
        self._closing = True
        try:
            super().closeEvent(event)
        finally:
            self._closing = False


def has_japanese_font() -> bool:
    """Whether an installed font has every glyph of JAPANESE_SAMPLE."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    for family in QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        metrics = QFontMetrics(QFont(family))
        if all(metrics.inFontUcs4(ord(ch)) for ch in JAPANESE_SAMPLE):
            return True
    return False


class _DropsOnTextFields(QObject):
    """Sends a disk file dropped on a page's text field to the wizard. A text field takes a
    file manager's drag as text: a disk dropped on the Connection page's User field went into
    the user name, and on the Disk page's path field into the middle of the path. Anything
    else dragged (text, a web address) still goes into the field."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard

    def watch(self, page: QWidget) -> None:
        """Watch the text fields of ``page`` (a text edit's drops arrive at its viewport)."""
        from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

        fields: list[QWidget] = list(page.findChildren(QLineEdit))
        for edit in (*page.findChildren(QTextEdit), *page.findChildren(QPlainTextEdit)):
            fields.append(edit.viewport())
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        from PySide6.QtGui import QDropEvent

        if not isinstance(event, QDropEvent) or not isinstance(watched, QWidget):
            return False
        mime = event.mimeData()
        if not any(url.isLocalFile() for url in mime.urls()):
            return False  # text or a web address: the field's
        path = self._wizard.dropped_disk(mime)
        if path is None:
            event.ignore()  # a file the wizard cannot take now is no text for the field
            return True
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            self._wizard.disk_dropped(path, watched.mapToGlobal(event.position().toPoint()))
        return True


def _owned_by(task: QObject, page: QObject) -> bool:
    """Whether ``page`` started ``task`` (a page's tasks are its children)."""
    parent = task.parent()
    while parent is not None:
        if parent is page:
            return True
        parent = parent.parent()
    return False

