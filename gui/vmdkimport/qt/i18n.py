"""English and Japanese: the wizard's own strings, the error catalog's texts and Qt's buttons.

The core is Qt-free and speaks English; what it says (the error catalog's messages and
actions, and every sentence it builds as a :class:`~vmdkimport.core.text.Text`: pre-flight
findings, problem details, error messages) is translated here, at display time, by looking the
text or its template up in the "catalog" context. ``catalog_tr.py`` lists those for lupdate.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vmdkimport.core.errors import ApiError, VmdkImportError
from vmdkimport.core.text import message_of, translated
from vmdkimport.qt import resources

LANGUAGES = ("en", "ja")
_installed: list[QTranslator] = []


def choose_language(setting: str) -> str:
    """``system`` follows the OS locale; unsupported languages fall back to English."""
    if setting in LANGUAGES:
        return setting
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


def install(app: QCoreApplication, setting: str = "system") -> str:
    """Load the translations for ``setting``; returns the language used."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = choose_language(setting)
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(f"vmdkimport_{language}", resources.translations_dir()):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language


def catalog(text: str) -> str:
    return QCoreApplication.translate("catalog", text)


def core(value: object) -> str:
    """Something the core said, in the UI's language: a ``Text`` through its template, a
    plain literal the catalog lists through the catalog, anything else as it is (file names,
    server messages)."""
    return translated(value, catalog)


def error_text(exc: object) -> str:
    """A failure for the user in their language: catalog message and action, plus the
    reference (HTTP status, code, request id) that support needs, which is never translated."""
    if isinstance(exc, ApiError):
        return " ".join(core(part) for part in exc.parts) + "\n" + core(exc.action)
    if isinstance(exc, VmdkImportError):
        message = core(message_of(exc))
        return f"{message}\n{core(exc.action)}" if exc.action else message
    return QCoreApplication.translate("errors", "Unexpected error: %1").replace(
        "%1", f"{type(exc).__name__}: {exc}")
