"""Sizes and durations as typed on the command line and shown in progress lines."""

from __future__ import annotations

import pytest

from vmdkimport.core.units import format_duration, format_size, parse_size

MIB = 1024 * 1024


@pytest.mark.parametrize(("text", "size"), [
    ("1024", 1024), ("1K", 1024), ("5G", 5 * 1024**3), ("2m", 2 * MIB), ("1TiB", 1024**4),
    ("3 MB", 3 * MIB), ("1.5M", 3 * MIB // 2), ("10M/s", 10 * MIB), ("256MiB", 256 * MIB),
])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "-1", "5X", "G", "1..5M", "M/s"])
def test_parse_size_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


def test_format() -> None:
    assert format_size(1536) == "1.5 KiB"
    assert format_size(12) == "12 B"
    assert format_size(3 * 1024**4) == "3.0 TiB"
    assert format_duration(3725) == "1:02:05"
    assert format_duration(65) == "1:05"
    assert format_duration(None) == "--:--"
