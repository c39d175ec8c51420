"""The files the wizard ships beside its modules: the icon, the header logo, the translations.

They are found relative to this package, which holds in a source tree, a wheel and a one-folder
bundle alike; importlib.resources would cost ~15 ms of every start for the same paths. Every
module that needs one of these files asks here, so a bundle that leaves one out fails in one
place (the self-test checks each).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon, QPixmap

PACKAGE_DIR = Path(__file__).resolve().parent
ICONS_DIR = PACKAGE_DIR / "icons"
TRANSLATIONS_DIR = PACKAGE_DIR / "translations"
APP_ICON = ICONS_DIR / "vmdkimport.svg"

#: the header logo's size: tall enough for a title and two lines of subtitle, which long (and
#: translated) subtitles need in a narrow window (56 clipped the second line in Japanese)
LOGO_SIZE = 64


def app_icon() -> QIcon:
    """The application icon: a vector image, sharp at every size and DPI."""
    return QIcon(str(APP_ICON))


def logo_files() -> list[Path]:
    """The header logo's PNGs, rendered from the SVG at 1x and 2x (high-DPI screens);
    tests/qt/test_icons.py checks they still match it."""
    return [ICONS_DIR / f"logo-{size}.png" for size in (LOGO_SIZE, 2 * LOGO_SIZE)]


def header_logo() -> QPixmap:
    """The wizard's header logo, from the PNGs: rendering the SVG costs ~3 ms of the first
    paint. A null pixmap when the files are missing (the self-test reports that)."""
    icon = QIcon()
    for path in logo_files():
        icon.addFile(str(path))
    return icon.pixmap(LOGO_SIZE, LOGO_SIZE)


def translations_dir() -> str:
    """The folder of our ``.qm`` files, as QTranslator.load takes it."""
    return str(TRANSLATIONS_DIR)
