"""Background work for the wizard: every long step runs in a QThread, never on the GUI thread.

A :class:`Task` wraps one call into the core. The call runs in its own thread; its progress,
result and error come back as Qt signals, delivered in the GUI thread because the Task object
lives there (the worker's signals are queued to the Task's slots). This is the worker-object
pattern of the Qt documentation (as Spyder and Vorta use it). Every Task is registered, so the
application can cancel and wait for all of them on exit: no thread is left running.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

log = logging.getLogger(__name__)

#: what a task function receives: a way to report progress
Report = Callable[[object], None]


class _Worker(QObject):
    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    done = Signal()

    def __init__(self, fn: Callable[[Report], Any]) -> None:
        super().__init__()
        self._fn = fn

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self.progress.emit)
        except BaseException as exc:  # noqa: BLE001 - every failure goes to the GUI thread
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self.done.emit()


class Task(QObject):
    """One background call. Connect to the signals, then :meth:`start`."""

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    _running: ClassVar[set[Task]] = set()

    def __init__(self, fn: Callable[[Report], Any], *, name: str = "task",
                 cancel: Callable[[], None] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._cancel = cancel
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _Worker(fn)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        # Direct: QThread.quit is thread-safe, and a queued call would wait for the GUI thread,
        # which may itself be waiting for this thread (shutdown_all on close): a deadlock.
        self._worker.done.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self._on_finished)
        self.done = threading.Event()

    def start(self) -> Task:
        Task._running.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel()

    def is_running(self) -> bool:
        """True while the thread runs. Asks the thread itself: the registry is updated by a
        queued slot, so it lags behind a thread that has just ended."""
        return self._thread.isRunning()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._thread.wait(msecs)

    @Slot(object)
    def _on_progress(self, value: object) -> None:
        self.progress.emit(value)

    @Slot(object)
    def _on_succeeded(self, value: object) -> None:
        self.succeeded.emit(value)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        if not isinstance(exc, Exception):
            log.error("task %s ended with %r", self.name, exc)
        self.failed.emit(exc)

    @Slot()
    def _on_finished(self) -> None:
        self.done.set()
        Task._running.discard(self)
        self.finished.emit()

    @classmethod
    def running(cls) -> list[Task]:
        return [task for task in list(cls._running) if task.is_running()]

    @classmethod
    def shutdown_all(cls, msecs: int = 30_000) -> bool:
        """Cancel every running task and wait for its thread; True when all have stopped."""
        tasks = list(cls._running)
        for task in tasks:
            task.cancel()
        ok = True
        for task in tasks:
            ok = task.wait(msecs) and ok
        return ok


# A QThread destroyed while it runs aborts the process. The windows' closeEvent waits for every
# task; this also covers a process that ends without closing them (a script, a benchmark).
atexit.register(Task.shutdown_all)
