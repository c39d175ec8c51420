"""The os_type a disk must be registered with, and the refusal when a choice contradicts it."""

from __future__ import annotations

import pytest

from core.guest.guestfacts import linux, sql, windows
from vmdkimport.core.guest import ostype
from vmdkimport.core.guest.facts import GuestFacts
from vmdkimport.core.guest.report import DetectedOs
from vmdkimport.core.guest.rules import load_rules, rules_for_region
from vmdkimport.core.rules import OS_TYPE_KEYWORDS

K5, R3 = rules_for_region("jp-east-1"), rules_for_region("jp-east-3")

# every supported entry -> the keyword the disk gets (None: the API's list has none)
TABLE: list[tuple[str, GuestFacts, str | None, str | None]] = [
    ("win2016 en", windows(), "win2016SE_en", "win2016SE_en"),
    ("win2016 en-GB", windows(install_language="0809"), "win2016SE_en", "win2016SE_en"),
    ("win2016 ja", windows(install_language="0411"), "win2016SE_ja", "win2016SE_ja"),
    ("win2016 ja + sql2016", windows(install_language="0411", sql_servers=(sql(),)),
     "win2016SE_ja", "win2016SE_ja"),
    ("win2019 en", windows(current_build="17763",
                           product_name="Windows Server 2019 Standard"), None, None),
    ("win2019 ja + sql2019", windows(current_build="17763", install_language="0411",
                                     sql_servers=(sql("15.0.2000.5"),)), None, None),
    ("win2008R2 SE", windows(current_build="7601", product_name="Windows Server 2008 R2 "
                             "Standard"), "win2008R2SE", "win2008R2SE"),
    ("win2008R2 EE", windows(current_build="7601", edition_id="ServerEnterprise"),
     "win2008R2EE", "win2008R2EE"),
    ("win2012", windows(current_build="9200"), "win2012SE", "win2012SE"),
    ("win2012R2", windows(current_build="9600"), "win2012R2SE", "win2012R2SE"),
    ("centos 7.8", linux(), "centos", "centos"),
    ("centos 7.9", linux(release="7.9.2009"), "centos", "centos"),
    ("rhel 7.9", linux(os_id="rhel", version_id="7.9", release=""), "rhel7", "rhel7"),
    ("rhel 6.10", linux(os_id="rhel", version_id="6.10", release=""), "rhel6", "rhel6"),
    ("ubuntu 18.04", linux(os_id="ubuntu", version_id="18.04", release=""), "ubuntu", "ubuntu"),
    ("rhel 8.6", linux(os_id="rhel", version_id="8.6", release=""), None, None),
    ("rocky 8.6", linux(os_id="rocky", version_id="8.6", release=""), None, None),
]


@pytest.mark.parametrize(("label", "facts", "k5", "r3"), TABLE, ids=[t[0] for t in TABLE])
def test_os_type_per_entry(label: str, facts: GuestFacts, k5: str | None,
                           r3: str | None) -> None:
    assert ostype.os_type_for(facts, K5)[0] == k5
    assert ostype.os_type_for(facts, R3)[0] == r3
    assert ostype.detect_os(facts, K5).os_type == k5


def test_every_keyworded_entry_is_in_the_table() -> None:
    covered = {t[2] for t in TABLE} | {t[3] for t in TABLE}
    for rule in load_rules().os:
        for keyword in rule.keywords:
            assert keyword in covered
            assert keyword in OS_TYPE_KEYWORDS


def test_no_keyword_says_why() -> None:
    keyword, why = ostype.os_type_for(linux(os_id="rocky", version_id="8.6", release="",
                                            pretty_name="Rocky Linux 8.6 (Green Obsidian)"), R3)
    assert keyword is None
    assert str(why) == ("Rocky Linux 8.6 (Green Obsidian) has no os_type keyword in the "
                        "register API's list; choose one yourself.")


def test_sql_keyword_is_marked_as_our_reading() -> None:
    _, why = ostype.os_type_for(windows(install_language="0411", sql_servers=(sql(),)), K5)
    assert "unconfirmed" in why


def test_unknown_or_other_language() -> None:
    keyword, why = ostype.os_type_for(windows(install_language=""), K5)
    assert keyword is None
    assert "install language" in why
    keyword, why = ostype.os_type_for(windows(install_language="0407"), K5)
    assert keyword is None
    assert "German" in why


def test_no_os() -> None:
    facts = linux()
    from dataclasses import replace
    empty = replace(facts, linux=None)
    assert ostype.os_type_for(empty, K5)[0] is None
    assert ostype.detect_os(empty, K5) == DetectedOs()


@pytest.mark.parametrize(("lcid", "code"), [
    ("0411", "ja"), ("0409", "en"), ("0809", "en"), ("0c09", "en"), ("4809", "en"),
    ("0x0411", "ja"), ("0407", "de"), ("0437", "lcid:0437"), ("", ""), ("zz", ""),
])
def test_language_of(lcid: str, code: str) -> None:
    assert ostype.language_of(lcid) == code


def test_conflict_wording() -> None:
    detected = ostype.detect_os(windows(), K5)
    assert ostype.os_type_conflict(detected, "win2016SE_en") is None
    assert str(ostype.os_type_conflict(detected, "ubuntu")) == (
        "The disk holds Windows Server 2016 Standard (English), so os_type must be "
        "win2016SE_en, not ubuntu.")


def test_conflict_without_a_keyword_compares_family_and_language() -> None:
    w2019 = ostype.detect_os(windows(current_build="17763", install_language="0411",
                                     product_name="Windows Server 2019 Standard"), R3)
    assert w2019.os_type is None
    assert "Windows system" in str(ostype.os_type_conflict(w2019, "centos"))
    assert "Japanese one" in str(ostype.os_type_conflict(w2019, "win2016SE_en"))
    assert ostype.os_type_conflict(w2019, "win2016SE_ja") is None
    rocky = ostype.detect_os(linux(os_id="rocky", version_id="8.6", release=""), R3)
    assert ostype.os_type_conflict(rocky, "centos") is None
    assert "Linux system" in str(ostype.os_type_conflict(rocky, "win2016SE_en"))
    assert ostype.os_type_conflict(DetectedOs(), "ubuntu") is None


def test_conflict_is_translatable() -> None:
    detected = ostype.detect_os(windows(install_language="0411"), K5)
    text = ostype.os_type_conflict(detected, "ubuntu")
    assert text is not None
    ja = {"The disk holds {os}, so os_type must be {expected}, not {chosen}.":
          "ディスクには {os} が入っているため、os_type は {chosen} ではなく {expected} です。",
          "{name} ({language})": "{name}({language})", "Japanese": "日本語"}
    assert text.translated(lambda s: ja.get(s, s)) == (
        "ディスクには Windows Server 2016 Standard(日本語) が入っているため、os_type は ubuntu "
        "ではなく win2016SE_ja です。")
