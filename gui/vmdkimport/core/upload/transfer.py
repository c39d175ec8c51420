"""Controls shared by the threads of one transfer: cancel, pause, bandwidth limit.

A long upload must stop when the user says so, at once and cleanly: every body read checks
:class:`TransferControl`, so cancel takes effect within one chunk, not one segment.
"""

from __future__ import annotations

import threading
import time

from vmdkimport.core.errors import UploadCancelled
from vmdkimport.core.text import Text


class TokenBucket:
    """Bytes per second shared by all workers; bursts of at most one second's worth."""

    def __init__(self, rate: float) -> None:
        self.rate = float(rate)
        self._tokens = self.rate
        self._stamp = time.monotonic()
        self._lock = threading.Lock()

    def take(self, amount: int, control: TransferControl) -> None:
        """Block until ``amount`` bytes may be sent (checking cancel while waiting)."""
        while True:
            with self._lock:
                now = time.monotonic()
                self._tokens = min(self.rate, self._tokens + (now - self._stamp) * self.rate)
                self._stamp = now
                if self._tokens >= min(amount, self.rate):
                    self._tokens -= amount
                    return
                wait = (min(amount, self.rate) - self._tokens) / self.rate
            control.sleep(min(wait, 0.25))


class TransferControl:
    """Cancel and pause, checked in every chunk of every worker."""

    def __init__(self, *, limit_rate: float | None = None) -> None:
        self._cancel = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self.bucket = TokenBucket(limit_rate) if limit_rate else None
        #: set by the upload itself when it ends early (its consumer stopped iterating): a
        #: worker held at a pause must see it, or it would wait for a Resume that never comes
        self.stopped = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()
        self._running.set()  # wake paused workers so they see the cancel

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def check(self) -> None:
        """Raise if cancelled or stopped; block while paused."""
        while not self._running.wait(0.25):
            if self.stopped.is_set():
                break
        if self._cancel.is_set():
            raise UploadCancelled(Text("The upload was cancelled."))
        if self.stopped.is_set():
            raise UploadCancelled(Text("The upload was stopped."))

    def sleep(self, seconds: float) -> None:
        """Wait, but wake up (and raise) on cancel."""
        if self._cancel.wait(seconds):
            raise UploadCancelled(Text("The upload was cancelled."))

    def throttle(self, amount: int) -> None:
        self.check()
        if self.bucket is not None:
            self.bucket.take(amount, self)
