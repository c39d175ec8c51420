"""The verdict rule, the text form and the JSON form of a report."""

from __future__ import annotations

import json

import pytest

from core.guest.guestfacts import linux, windows
from vmdkimport.core.guest import checks, report
from vmdkimport.core.guest.report import Finding, Level, Readiness
from vmdkimport.core.guest.rules import rules_for_region
from vmdkimport.core.text import Text


def f(level: Level) -> Finding:
    return Finding(f"test.{level.value}", level, Text("x"))


@pytest.mark.parametrize(("levels", "verdict"), [
    ((), Readiness.READY), ((Level.INFO,), Readiness.READY),
    ((Level.WARNING, Level.INFO), Readiness.WARNINGS),
    ((Level.UNKNOWN, Level.WARNING), Readiness.CANNOT_INSPECT),
    ((Level.BLOCKER, Level.WARNING), Readiness.NOT_READY),
    ((Level.UNKNOWN, Level.BLOCKER), Readiness.NOT_READY),
])
def test_verdict_rule(levels: tuple[Level, ...], verdict: Readiness) -> None:
    assert report.verdict_of([f(x) for x in levels]) is verdict


def test_with_findings_remakes_the_verdict() -> None:
    r = checks.judge(windows(licence_channel="Retail"), rules_for_region("jp-east-1"))
    assert r.readiness is Readiness.READY
    later = report.with_findings(r, checks.licence_findings(r.facts, True))
    assert later.readiness is Readiness.WARNINGS
    assert later.summary == report.summary_for(Readiness.WARNINGS)


def test_render_text() -> None:
    r = checks.judge(linux(arch="i686", cloud_init=False), rules_for_region("jp-east-1"))
    text = report.render_text(r)
    lines = text.splitlines()
    assert lines[0] == "Guest: not-ready (rules: k5, region: jp-east-1)"
    assert "OS: CentOS Linux 7 (Core), 7.8.2003, x86" in text
    assert "os_type: centos" in text
    assert "  x [os.arch] " in text
    assert "  - [linux.no_cloud_init] " in text
    assert "    Fix: " in text
    assert all(len(line) <= 100 for line in lines)


def test_render_text_without_os_or_region() -> None:
    facts = linux()
    from dataclasses import replace
    r = checks.judge(replace(facts, linux=None), rules_for_region(None))
    text = report.render_text(r)
    assert "Guest: cannot-inspect (rules: any, region: no region given)" in text
    assert "OS: none found" in text
    assert "? [os.not_found]" in text


def test_to_dict_is_json() -> None:
    r = checks.judge(windows(fast_startup=True), rules_for_region("jp-west-3"))
    data = json.loads(json.dumps(r.to_dict()))
    assert data["readiness"] == "ready-with-warnings"
    assert data["os"]["os_type"] == "win2016SE_en"
    assert data["findings"][0]["code"] == "windows.fast_startup"
    assert data["rules"] == "region3"
