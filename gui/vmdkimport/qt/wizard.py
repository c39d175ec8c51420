"""The import wizard: the pages in order, navigation driven by the core's ImportPlan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from vmdkimport.core import paths
from vmdkimport.core.plan import ImportPlan, PageId, page_of
from vmdkimport.core.rules import Field
from vmdkimport.qt import resources
from vmdkimport.qt.pages import page_class
from vmdkimport.qt.pages.base import PlanPage
from vmdkimport.qt.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent


#: the page the wizard opens on, built with the window; the others follow its first paint
FIRST_PAGE = min(PageId)
#: how long after the window shows the other pages are built: time for the first paint
PAGES_DELAY_MS = 50


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
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&History…"))
        self.setButtonText(QWizard.WizardButton.CustomButton2, self.tr("&About"))
        self.setButtonText(QWizard.WizardButton.CustomButton3, self.tr("Se&ttings…"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton3, True)
        self.customButtonClicked.connect(self._custom_button)
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
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        from vmdkimport import __version__  # importlib.metadata: ~20 ms

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About"))
        box.setText(self.tr("VM Image Import Wizard %1").replace("%1", __version__))
        box.setInformativeText(self.tr(
            "Takes a VMware disk to a registered image in FUJITSU K5 / FJcloud-O.\n"
            "Logs (never containing passwords or tokens): %1").replace(
            "%1", str(paths.log_dir())))
        open_logs = box.addButton(self.tr("Open log folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_logs:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))

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
        from vmdkimport.qt.tasks import Task

        running = [t for t in Task.running() if t.name == "upload"]
        if running:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self, self.tr("Upload in progress"),
                self.tr("An upload is running. Stop it? It resumes where it stopped the next "
                        "time you upload the same disk."))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.settings.set_geometry(self.saveGeometry())
        Task.shutdown_all()
        super().closeEvent(event)

