"""Sizes, rates and durations as people type and read them."""

from __future__ import annotations

import argparse
import re
from typing import Final

_SIZE_RE: Final = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?)(?:I?B)?\s*(?:/S)?\s*",
                             re.IGNORECASE)
_SIZE_FACTORS: Final = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def parse_size(text: str) -> int:
    """``"5G"`` -> 5 GiB, ``"1.5M"``, ``"256MiB"``, ``"10M/s"``. Suffixes are binary (1024)."""
    match = _SIZE_RE.fullmatch(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (use bytes, or a number with K, M, G or T)")
    return int(float(match[1]) * _SIZE_FACTORS[match[2].upper()])


def size_argument(text: str) -> int:
    """:func:`parse_size` as an argparse ``type=``: a bad value is a usage error that argparse
    reports with the option's name (both command lines, the CLI's and the sandbox's, use it)."""
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def format_size(value: float) -> str:
    """1536 -> "1.5 KiB"."""
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(value) < 1024 or unit == "TiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def format_duration(seconds: float | None) -> str:
    """3725 -> "1:02:05"; None -> "--:--"."""
    if seconds is None or seconds != seconds or seconds == float("inf"):
        return "--:--"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
