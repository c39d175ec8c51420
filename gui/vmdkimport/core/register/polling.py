"""How often the status of an import is asked for.

Apart from :mod:`vmdkimport.core.register.submit` so that the wizard's Status page can hold its
policy without loading the HTTP stack at start.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PollPolicy:
    """How often to ask. Starts quick (the first minutes tell most about a failure), then slows
    down, because conversion of 300 GB takes about a day. No give-up budget: the user stops."""

    first: float = 3.0
    factor: float = 1.5
    longest: float = 60.0
    error_wait: float = 30.0
