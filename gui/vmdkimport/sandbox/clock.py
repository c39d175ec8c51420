"""The sandbox's sense of time: one :class:`Clock`, given in :class:`SandboxConfig`.

Token expiry, the conversion timeline, lockout windows and every timestamp the sandbox stamps
(objects, containers, transaction ids, the ``Date`` header) read this clock and nothing else, so a
test can move time with :class:`ManualClock` instead of waiting for it to pass. The default,
:class:`SystemClock`, is the real clock: ``vmdkimport sandbox`` and the demo behave as before.
"""

from __future__ import annotations

import threading
import time
from typing import Final, Protocol


class Clock(Protocol):
    """Two readings, as the standard library has them: a wall clock and an interval clock."""

    def time(self) -> float:
        """Seconds since the epoch: what the sandbox stamps, persists and compares with it."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start that never go back: for measuring intervals."""
        ...


class SystemClock:
    """The real clock: :func:`time.time` and :func:`time.monotonic`."""

    def time(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()

    def __repr__(self) -> str:
        return "SystemClock()"


# The clock of the pieces that can be built without a config (an ObjectStore or a Lockout alone).
SYSTEM_CLOCK: Final = SystemClock()


class ManualClock:
    """A clock that moves only when told to (:meth:`advance`), for tests that must not wait.

    It starts at the real time of its creation unless told otherwise: a client that reads the
    real clock then still finds the tokens it is given fresh. Both readings move together. Safe to
    advance from the test's thread while the sandbox's threads read it.
    """

    def __init__(self, start: float | None = None) -> None:
        self._start = time.time() if start is None else float(start)
        self._elapsed = 0.0
        self._lock = threading.Lock()

    def time(self) -> float:
        with self._lock:
            return self._start + self._elapsed

    def monotonic(self) -> float:
        with self._lock:
            return self._elapsed

    def advance(self, seconds: float) -> None:
        """Move both readings forward; time never goes back, so a negative step is refused."""
        if seconds < 0:
            raise ValueError(f"a clock cannot go back ({seconds} s)")
        with self._lock:
            self._elapsed += seconds

    def __repr__(self) -> str:
        return f"ManualClock(start={self._start!r}, elapsed={self.monotonic()!r})"
