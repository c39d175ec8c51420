"""English and Japanese: the wizard's own strings, the error catalog's texts and Qt's buttons.

The core is Qt-free and speaks English; what it says (the error catalog's messages and
actions, and every sentence it builds as a :class:`~vmdkimport.core.text.Text`: pre-flight
findings, problem details, error messages) is translated here, at display time, by looking the
text or its template up in the "catalog" context. ``catalog_tr.py`` lists those for lupdate.

Where the core says what to do, it leaves where and how to the front end
(:class:`~vmdkimport.core.error_catalog.Where`, :class:`~vmdkimport.core.error_catalog.Place`):
here they become the wizard's pages and buttons, translated like the rest; the command line
names its options instead.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vmdkimport.core.error_catalog import FIELD_STEP, Place, Step, Where, worded
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


#: where a field's value is given: the page that holds it (Step.SUBMIT holds none)
PAGE_PLACES: dict[Step, object] = {  # object: how PySide6 types QT_TRANSLATE_NOOP
    Step.CONNECTION: QT_TRANSLATE_NOOP("catalog", "on the Connection page"),
    Step.DISK: QT_TRANSLATE_NOOP("catalog", "on the Disk image page"),
    Step.DESTINATION: QT_TRANSLATE_NOOP("catalog", "on the Destination page"),
    Step.IMAGE: QT_TRANSLATE_NOOP("catalog", "on the Image settings page"),
    Step.REVIEW: QT_TRANSLATE_NOOP("catalog", "on the Review page"),
    Step.SUBMIT: "",
}

#: the wizard's buttons and views for what the command line has options for
CONTROL_PLACES: dict[Place, object] = {
    Place.IMPORT_LIST: QT_TRANSLATE_NOOP("catalog", "History"),
    Place.GENERATE_ID: QT_TRANSLATE_NOOP("catalog", "an id from Generate"),
    Place.KMS_ACTIVATE: QT_TRANSLATE_NOOP("catalog", "tick Activate Windows"),
    Place.REQUEST: QT_TRANSLATE_NOOP("catalog", "on the Review page"),
    Place.LIST_START: QT_TRANSLATE_NOOP("catalog", "the start position"),
    Place.LIST_LIMIT: QT_TRANSLATE_NOOP("catalog", "the number of entries"),
}


def place_words(place: Where | Place) -> str:
    """A place the core names, in the wizard's words and the UI's language."""
    phrase = str(PAGE_PLACES[FIELD_STEP[place.field]] if isinstance(place, Where)
                 else CONTROL_PLACES[place])
    return catalog(phrase) if phrase else phrase


def core(value: object) -> str:
    """Something the core said, in the UI's language: a ``Text`` through its template (its
    places named as the wizard names them), a plain literal the catalog lists through the
    catalog, anything else as it is (file names, server messages)."""
    return translated(worded(value, place_words), catalog)


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
