"""Run ``vmdk-import-wizard`` up to its first paint; print what was loaded by then, as JSON.

Run by tests/qt/test_startup.py in a new process, so that nothing a test imported counts. It
calls the application's own ``main()``, as the installed command does, and when the first paint
event reaches the wizard it records:
- ``modules``: ``sys.modules``;
- ``qt_types``: the PySide6 classes set up so far, as "QtWidgets.QMessageBox". PySide6 makes a
  class's Python type (and its enums) on first use and only then puts it in its module's
  namespace, so importing one that the first paint does not use costs start-up time (1-25 ms)
  without loading any module;
- ``window`` and ``page``: what was painted.

Then it ends the event loop. What this script adds before the snapshot: the modules ``main()``
imports anyway, and the event types (the filter receives events).
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from vmdkimport.qt import app, wizard
from vmdkimport.qt.pages import connection

#: the snapshot taken at the first paint
seen: dict[str, object] = {}


def qt_types() -> list[str]:
    """The PySide6 classes whose Python types exist by now."""
    return sorted(f"{name.removeprefix('PySide6.')}.{attr}"
                  for name, module in list(sys.modules.items())
                  if name.startswith("PySide6.Qt") for attr in vars(module)
                  if attr.startswith("Q"))


class FirstPaint(QObject):
    """Takes the snapshot at the wizard's first paint, then ends the event loop."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            seen["modules"] = sorted(sys.modules)
            seen["qt_types"] = qt_types()
            seen["window"] = type(watched).__name__
            seen["page"] = (watched.currentId() if isinstance(watched, wizard.ImportWizard)
                            else None)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    # The deferred work starts 50 ms after the window shows. On a loaded machine the first
    # paint can come later than that, and what the deferred work loads would count; the guard
    # is about what the first paint needs, so that work is moved out of the way.
    wizard.PAGES_DELAY_MS = connection.KEYRING_PROBE_DELAY_MS = 600_000
    spy = FirstPaint()
    original_show = wizard.ImportWizard.show

    def show(self: QWidget) -> None:
        self.installEventFilter(spy)
        original_show(self)

    wizard.ImportWizard.show = show  # type: ignore[method-assign]
    code = app.main([])
    print(json.dumps({"exit": code, **seen}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
