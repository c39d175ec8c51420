"""The import wizard: the pages in order, navigation driven by the core's ImportPlan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from vmdkimport.core.error_catalog import FIELD_STEP
from vmdkimport.core.plan import STEP_PAGE, ImportPlan, PageId
from vmdkimport.core.rules import Field
from vmdkimport.qt.pages.base import PlanPage
from vmdkimport.qt.pages.connection import ConnectionPage
from vmdkimport.qt.settings import Settings

# PySide6 builds each class's Python type (and its enums) on first use: the ones the first
# paint does not need are imported where used.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent


class ImportWizard(QWizard):
    """From sign-in to a followed import."""

    def __init__(self, *, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("VM Image Import Wizard"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        # The logo also gives the header the height of two subtitle lines, which long (and
        # translated) subtitles need: QWizard does not grow the header for a wrapped one.
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, _logo())
        self.settings = settings or Settings()
        self.plan = ImportPlan()
        self._pages: dict[PageId, PlanPage] = {}
        self._all_built = False
        self._add_page(PageId.CONNECTION, ConnectionPage)
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

    def _add_page(self, page_id: PageId, factory: type[PlanPage]) -> None:
        page = factory(self)
        self._pages[page_id] = page
        self.setPage(int(page_id), page)

    def ensure_pages(self) -> None:
        """Build pages 2-7. Deferred so the window appears without waiting for them (their
        modules and widgets are most of the start-up cost); built 50 ms after showing, or
        as soon as anything needs them."""
        if self._all_built:
            return
        self._all_built = True
        from vmdkimport.qt.pages.destination import DestinationPage
        from vmdkimport.qt.pages.disk import DiskPage
        from vmdkimport.qt.pages.image import ImagePage
        from vmdkimport.qt.pages.review import ReviewPage
        from vmdkimport.qt.pages.status import StatusPage
        from vmdkimport.qt.pages.submit import SubmitPage

        for page_id, factory in ((PageId.DISK, DiskPage), (PageId.DESTINATION, DestinationPage),
                                 (PageId.IMAGE, ImagePage), (PageId.REVIEW, ReviewPage),
                                 (PageId.SUBMIT, SubmitPage), (PageId.STATUS, StatusPage)):
            self._add_page(page_id, factory)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._all_built:
            QTimer.singleShot(50, self.ensure_pages)

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

        from vmdkimport import __version__
        from vmdkimport.core import paths

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
        current = PageId(self.currentId()) if self.currentId() >= 0 else PageId.CONNECTION
        following = self.plan.next_page(current)
        return -1 if following is None else int(following)

    def go_to_field(self, field: Field) -> bool:
        """Go back to the page that holds ``field`` and focus it ("Go to field")."""
        target = STEP_PAGE.get(FIELD_STEP[field])
        if target is None or target not in self.pages:
            return False
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


#: the header logo's size: tall enough for a title and two lines of subtitle, which long (and
#: translated) subtitles need in a narrow window (56 clipped the second line in Japanese)
LOGO_SIZE = 64


def _logo() -> QPixmap:
    """The header logo from PNGs rendered from the application's SVG (1x and 2x for high-DPI
    screens): rendering the SVG costs ~3 ms of the first paint. tests/qt/test_icons.py checks
    they still match the SVG."""
    from pathlib import Path

    icons = Path(__file__).resolve().parent / "icons"
    icon = QIcon()
    for size in (LOGO_SIZE, 2 * LOGO_SIZE):
        icon.addFile(str(icons / f"logo-{size}.png"))
    return icon.pixmap(LOGO_SIZE, LOGO_SIZE)
