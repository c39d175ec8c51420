"""Sane segment sizes and counts (issue #11, 3): a typo must not plan millions of segments."""

from __future__ import annotations

import pytest

from vmdkimport.core.errors import ConfigError
from vmdkimport.core.rules import Field
from vmdkimport.core.upload.segments import MIN_SEGMENT_SIZE, choose_segment_size

GB = 10**9
MIB = 1024 * 1024


def test_a_one_byte_segment_size_is_raised_to_the_lower_bound() -> None:
    assert choose_segment_size(3 * GB, 1, max_file_size=5 * 1024**3) == MIN_SEGMENT_SIZE


def test_a_segment_count_over_the_cap_is_an_error_that_says_what_to_do() -> None:
    with pytest.raises(ConfigError) as info:
        choose_segment_size(300 * GB, 1, max_file_size=5 * 1024**3)
    assert "--segment-size" in info.value.action
    assert info.value.field is Field.DISK
    assert "10000" in str(info.value)  # the cap, named


def test_a_server_limit_of_one_byte_is_an_error_not_three_million_segments() -> None:
    with pytest.raises(ConfigError) as info:
        choose_segment_size(3 * GB, None, max_file_size=1)
    assert "max_file_size" in info.value.action


def test_a_small_cluster_limit_still_works_for_a_small_file() -> None:
    assert choose_segment_size(3 * MIB, None, max_file_size=64 * 1024) == 64 * 1024


def test_the_default_fits_a_300_gb_disk() -> None:
    assert choose_segment_size(300 * GB, None, max_file_size=5 * 1024**3) == 256 * MIB
