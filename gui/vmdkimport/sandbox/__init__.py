"""A local cloud on 127.0.0.1: Keystone v3, Swift and the K5 image import API.

It is the app's demo back end and the reference the API clients are tested against, so it follows
the provider's "Register image" page (Tables 2, 5 and 6) to the letter. Standard library only,
plus the request rules and error catalog in :mod:`vmdkimport.core`, which it shares with the
client instead of repeating them. Every reading of time goes through the configured clock
(:class:`ManualClock` lets a test move time instead of waiting).
"""

from vmdkimport.core.units import parse_size
from vmdkimport.sandbox.clock import Clock, ManualClock, SystemClock
from vmdkimport.sandbox.config import SandboxConfig, is_loopback
from vmdkimport.sandbox.imports import bounces
from vmdkimport.sandbox.server import Sandbox

__all__ = ["Clock", "ManualClock", "Sandbox", "SandboxConfig", "SystemClock", "bounces",
           "is_loopback", "parse_size"]
