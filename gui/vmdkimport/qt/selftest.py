"""``vmdk-import-wizard --self-test``: the Qt-free self-test plus the wizard, offscreen.

What only a GUI run can show is missing from a bundle: a Qt platform plugin, the SVG plugins the
icon needs, the translations (ours and Qt's), the header logo's PNGs, the wizard's lazily
imported pages, the worker threads. With the sandbox of :mod:`vmdkimport.selftest` still
running, the wizard is opened (with its logo), builds its pages after the first paint, signs in
to the sandbox from its first page, and is closed. No display is needed: the ``offscreen``
platform is used unless one was asked for.

PySide6 and the modules that import it are imported inside the checks, so that a bundle
without them fails one check with its reason instead of the whole self-test with a traceback.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from vmdkimport import selftest
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.plan import PageId
from vmdkimport.selftest import Report, expect

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from vmdkimport.sandbox import Sandbox

TIMEOUT_SECONDS = 20.0


def wait_until(app: QApplication, condition: Callable[[], bool], what: str,
               timeout: float = TIMEOUT_SECONDS) -> None:
    """Run the event loop until ``condition`` holds (QtTest is not shipped in the bundle)."""
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise selftest.SelfTestFailed(f"{what} did not happen within {timeout:.0f} s")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)


def application(qt_args: Sequence[str] = ()) -> QApplication:
    """The running QApplication, or a new one (offscreen unless a platform was asked for)."""
    if "-platform" not in qt_args:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication([sys.argv[0] if sys.argv else "vmdk-import-wizard", *qt_args])


def check_gui(report: Report, cloud: Sandbox, qt_args: Sequence[str] = ()) -> None:
    """Qt plugins, icon, translations, then the wizard against the running sandbox."""
    import PySide6
    from PySide6.QtCore import QLibraryInfo, QTranslator, qVersion
    from PySide6.QtGui import QImageReader

    from vmdkimport.qt import resources

    with report.check("Qt") as details:
        app = application(qt_args)
        details.append(f"PySide6 {PySide6.__version__}, Qt {qVersion()}, platform "
                       f"{app.platformName()}")

    with report.check("icon") as details:
        formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        expect("svg" in formats, "the Qt SVG image format plugin is missing "
                                 f"(formats: {', '.join(sorted(formats))})")
        image = resources.app_icon().pixmap(48, 48).toImage()
        expect(not image.isNull(), "the application icon cannot be rendered (icon engine)")
        opaque = sum(1 for x in range(0, 48, 4) for y in range(0, 48, 4)
                     if image.pixelColor(x, y).alpha() > 0)
        expect(opaque > 0, "the application icon renders empty")
        details.append(f"SVG rendered at 48x48; image formats {', '.join(sorted(formats))}")

    with report.check("translations") as details:
        ours = QTranslator()
        expect(ours.load("vmdkimport_ja", resources.translations_dir()),
               f"vmdkimport_ja.qm is missing from {resources.translations_dir()}")
        title = ours.translate("ImportWizard", "VM Image Import Wizard")
        expect(bool(title) and title != "VM Image Import Wizard",
               "vmdkimport_ja.qm does not translate the window title")
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator()
        expect(qt.load("qtbase_ja", qt_dir), f"Qt's qtbase_ja.qm is missing from {qt_dir}")
        details.append(f"ja: ours ({title}) and Qt's qtbase_ja.qm")

    with report.check("wizard") as details:
        open_wizard(app, cloud, details)


def open_wizard(app: QApplication, cloud: Sandbox, details: list[str]) -> None:
    """Show the wizard, let it build its pages, sign in from its first page, close it."""
    from PySide6.QtWidgets import QWizard

    from vmdkimport.qt.pages.connection import ConnectionPage
    from vmdkimport.qt.tasks import Task
    from vmdkimport.qt.wizard import ImportWizard

    wizard = ImportWizard()
    try:
        wizard.show()
        wait_until(app, wizard.isVisible, "showing the wizard")
        first = wizard.currentPage()
        expect(wizard.currentId() == int(PageId.CONNECTION) and isinstance(first, ConnectionPage),
               f"the wizard opened on page {wizard.currentId()}, not on the connection page")
        assert isinstance(first, ConnectionPage)
        details.append(f"opened on '{first.title()}'")
        # The header logo is loaded from PNG files next to the modules: a bundle without them
        # shows no logo, and nothing else would notice.
        logo = wizard.pixmap(QWizard.WizardPixmap.LogoPixmap)
        expect(not logo.isNull(), "the header logo is missing (vmdkimport/qt/icons/logo-*.png "
                                  "not found or not readable)")
        details.append(f"header logo {logo.width()}x{logo.height()} px "
                       f"(device pixel ratio {logo.devicePixelRatio():g})")
        # QWizard's own list: the override would build the pages itself
        wait_until(app, lambda: len(QWizard.pageIds(wizard)) == len(PageId),
                   "building pages 2-7 after the first paint")
        details.append(f"{len(PageId)} pages")
        first.fill(ConnectionProfile(name="self-test", identity_url=cloud.identity_url,
                                     domain=cloud.domain, username=cloud.user,
                                     project_name=cloud.project_name), cloud.password)
        first.start_sign_in()
        wait_until(app, lambda: first.isComplete() or not first.is_busy(),
                   "signing in from the wizard")
        expect(first.isComplete(),
               f"the wizard could not sign in: {first.message.text()}")
        details.append(f"signed in to the sandbox as {cloud.user}")
    finally:
        session = wizard.plan.session
        wizard.close()
        stopped = Task.shutdown_all(10_000)
        if session is not None:
            session.close()
        wizard.deleteLater()
        app.processEvents()
    expect(not wizard.isVisible(), "the wizard did not close")
    expect(stopped and not Task.running(), "a background task was still running after close")
    details.append("closed")


def main(report_path: str | None = None, qt_args: Sequence[str] = ()) -> int:
    """The whole self-test; the exit code is 0 when every check passed."""
    report, close = selftest.open_report(report_path)
    try:
        return selftest.run(report, extra=lambda r, cloud: check_gui(r, cloud, qt_args))
    finally:
        close()
