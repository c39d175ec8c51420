"""``wait_until``: the one way a test waits for something to become true.

A test that waits a fixed time is slow when the machine is fast and wrong when it is loaded; a
test that waits for a condition is neither. Each hand-written deadline loop used to choose its own
interval and its own message; this one polls briefly, returns as soon as the condition holds,
and on timeout says what it was waiting for and what it saw last.

Where the code under test reads the sandbox's clock, move that clock instead
(:class:`vmdkimport.sandbox.ManualClock`): nothing then needs to pass in real time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

INTERVAL = 0.01  # seconds between polls: short, so a wait ends soon after its condition holds


class WaitTimeout(AssertionError):
    """The condition did not hold in time. An AssertionError, so pytest shows it as a failure."""


def wait_until(condition: Callable[[], T], *, timeout: float, what: str = "",
               interval: float = INTERVAL, show: Callable[[T], object] = repr,
               ignoring: tuple[type[Exception], ...] = ()) -> T:
    """Call ``condition`` until it returns something true, and return that value.

    ``what`` names the awaited state for the message on timeout, which also shows the last value
    ``condition`` returned (through ``show``). An exception of a type in ``ignoring`` counts as
    "not yet" (a server that is still starting refuses connections) and is shown if it was the
    last thing seen; any other exception is a failure at once, not after the timeout. The
    condition is tried once more at the deadline, so a test descheduled for the whole timeout on
    a loaded machine still gets its answer.
    """
    deadline = time.monotonic() + timeout
    while True:
        last_try = time.monotonic() >= deadline
        try:
            value = condition()
        except ignoring as exc:
            if last_try:
                raise WaitTimeout(_message(what, timeout, f"it last raised {exc!r}")) from exc
        else:
            if value:
                return value
            if last_try:
                raise WaitTimeout(_message(what, timeout, f"last seen: {show(value)}"))
        time.sleep(min(interval, max(0.0, deadline - time.monotonic())))


def _message(what: str, timeout: float, seen: str) -> str:
    return f"gave up after {timeout:g} s waiting for {what or 'the condition'}; {seen}"
