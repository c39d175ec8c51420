"""The rules file against its schema, the region tables, and version ranges.

Named test_provider_rules (not test_rules) because tests/core/test_rules.py exists and the test
folders are not packages: two modules named test_rules would collide.
"""

from __future__ import annotations

from importlib import resources

import pytest

from vmdkimport.core.cloud.endpoints import REGION3, REGIONS
from vmdkimport.core.guest import rules as R
from vmdkimport.core.rules import OS_TYPE_KEYWORDS

TEXT = resources.files("vmdkimport.core.guest").joinpath(R.RULES_FILE).read_text("utf-8")


def test_the_packaged_rules_parse_and_every_entry_has_a_source() -> None:
    loaded = R.load_rules()
    assert set(loaded.generations) == {"k5", "region3"}
    for rule in loaded.os:
        assert rule.source.startswith("https://"), rule.id
        for keyword in rule.keywords:
            assert keyword in OS_TYPE_KEYWORDS
            assert rule.os_type_source.startswith("https://")
        if rule.family == "linux":
            assert rule.versions is not None
            assert rule.versions.low <= rule.versions.high
        if rule.status == R.LEGACY:
            assert rule.unconfirmed, rule.id
    assert loaded.generations["k5"].conversion_gb_per_day == 300


def test_every_region_preset_has_a_generation() -> None:
    loaded = R.load_rules()
    for region in REGIONS:
        gen = loaded.generation_of(region)
        assert gen is not None, region
        assert (gen.name == "region3") == (region in REGION3)


def test_bios_only_and_64_bit_everywhere() -> None:
    for gen in R.load_rules().generations.values():
        assert gen.boot_modes == ("bios",)
        assert gen.architectures == ("x86_64",)


def test_the_issue_lists() -> None:
    k5 = {r.id for r in R.rules_for_region("jp-east-1").os if r.status == R.SUPPORTED}
    r3 = {r.id for r in R.rules_for_region("jp-west-3").os if r.status == R.SUPPORTED}
    common = {"win2016se", "win2016se-sql2016se", "centos7", "rhel7", "ubuntu1804"}
    assert k5 == common
    assert r3 == common | {"win2019se", "win2019se-sql2019se", "rhel8", "rocky8"}
    legacy = {r.id for r in R.rules_for_region("uk-1").os if r.status == R.LEGACY}
    assert legacy == {"win2008r2se", "win2008r2ee", "win2012se", "win2012r2se", "rhel6"}


@pytest.mark.parametrize("region", [None, "", "RegionOne", "us-1"])
def test_an_unknown_region_is_judged_by_what_every_generation_allows(region: str | None) -> None:
    gen = R.rules_for_region(region)
    assert gen.name == R.ANY
    status = {r.id: r.status for r in gen.os}
    assert status["win2016se"] == R.SUPPORTED
    assert status["win2019se"] == R.REGION_DEPENDENT
    assert status["win2012se"] == R.REGION_DEPENDENT
    assert {g.name for g in gen.others} == {"k5", "region3"}


@pytest.mark.parametrize(("text", "expected"), [
    ("7.8.2003", (7, 8, 2003)), ("7.8.*", (7, 8)), ("18.04 LTS", (18, 4)), ("7", (7,)),
    ("", ()), ("abc", ()), ("8.6-beta", (8, 6)), ("1.2.3.4.5.6.7.8", (1, 2, 3, 4, 5, 6)),
])
def test_version_tuple(text: str, expected: tuple[int, ...]) -> None:
    assert R.version_tuple(text) == expected


@pytest.mark.parametrize(("version", "inside"), [
    ("7.1", True), ("7.8", True), ("7.8.2003", True), ("7.1.1503", True), ("7.0", False),
    ("7.0.1406", False), ("7.9.2009", False), ("6.10", False), ("8.2", False), ("7", None),
])
def test_centos_range(version: str, inside: bool | None) -> None:
    rng = next(r for r in R.load_rules().os if r.id == "centos7").versions
    assert rng is not None
    assert rng.text == "7.1-7.8"
    assert rng.contains(R.version_tuple(version)) is inside


BROKEN = [
    ("schema = 1\n", "sources"),
    (TEXT.replace('os_type = "rhel7"', 'os_type = "rhel9"'), "not an os_type keyword"),
    (TEXT.replace('source = "vm_import_overview"\n', 'source = "nowhere"\n', 1), "unknown source"),
    (TEXT.replace('min = "7.1"', 'min = "7.9"'), "version range"),
    (TEXT.replace('status = "supported"', 'status = "maybe"', 1), "status"),
    (TEXT.replace('"es-1"]', '"es-1", "jp-east-3"]'), "two generations"),
    (TEXT.replace("schema = 1", "schema = 2"), "schema"),
    ("this is = = not toml", "not TOML"),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_a_broken_file_is_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(R.RulesError, match=message):
        R.parse_rules(text)
