"""Unexpected exceptions end in a dialog with a copyable, redacted report, not a dead window."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

import PySide6
from PySide6.QtWidgets import QApplication

from vmdkimport.core import logsetup

log = logging.getLogger(__name__)


def report_text(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> str:
    """The report: versions and the traceback, with every registered secret masked."""
    from vmdkimport import __version__  # importlib.metadata: ~20 ms, only for a crash

    lines = [f"VM Image Import Wizard {__version__}",
             f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
             f"{platform.platform()}", "",
             *traceback.format_exception(exc_type, exc, tb)]
    return logsetup.redact("".join(line if line.endswith("\n") else line + "\n"
                                   for line in lines))


def show_crash(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    text = report_text(exc_type, exc, tb)
    log.error("unexpected error:\n%s", text)
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    from PySide6.QtWidgets import QMessageBox  # its type set-up: only on a crash (see qt)

    box = QMessageBox(QMessageBox.Icon.Critical, "VM Image Import Wizard",
                      "Something went wrong that the wizard did not expect. Your uploads and "
                      "import ids are safe (the journal and the ledger are on disk). Please "
                      "send the report below to support.")
    box.setDetailedText(text)
    box.exec()


def install() -> None:
    sys.excepthook = show_crash
