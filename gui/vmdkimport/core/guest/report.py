"""One verdict per disk: will this guest run in the provider's cloud?

What the CLI prints (``vmdkimport inspect``), the Disk page shows as a card, and migration plans
reuse. Each finding has a stable reason ``code`` (for scripts and plans), a sentence, the fix, and
the rule it comes from (a source, "unconfirmed" where the provider's page does not say it).

The four verdicts, from best to worst:

- ``ready``: nothing found that stops or risks the import;
- ``ready-with-warnings``: it will import, but something should be looked at (a static IP that
  will be lost, no virtio drivers, Fast Startup);
- ``not-ready``: the provider's rules say it cannot run there (UEFI boot, an unsupported OS, a
  hibernated or encrypted system volume): fix it in the VM first;
- ``cannot-inspect``: the tool could not look inside (an unknown or encrypted filesystem, no OS
  found). Never reported as ready: the user must judge it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Final

from vmdkimport.core.errors import ConfigError
from vmdkimport.core.guest.facts import GuestFacts, to_jsonable
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text


class Readiness(StrEnum):
    READY = "ready"
    WARNINGS = "ready-with-warnings"
    NOT_READY = "not-ready"
    CANNOT_INSPECT = "cannot-inspect"


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    BLOCKER = "blocker"  # makes the disk not-ready
    UNKNOWN = "unknown"  # a part could not be inspected: makes the disk cannot-inspect


@dataclass(frozen=True)
class Finding:
    code: str  # stable, for scripts: "boot.uefi", "os.unsupported", "windows.hibernated"
    level: Level
    text: Text  # what was found, one or two sentences
    fix: Text | None = None  # what to do, when something can be done
    #: values worth keeping (the static IP to set again, the fstab line), shown and in JSON
    details: tuple[tuple[str, str], ...] = ()
    source: str = ""  # the rule's source (a document name or URL); "" for the tool's own advice
    unconfirmed: bool = False  # the provider does not state this; it is our reading

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "level": self.level.value, "text": str(self.text),
                "fix": str(self.fix) if self.fix is not None else None,
                "details": dict(self.details), "source": self.source,
                "unconfirmed": self.unconfirmed}


@dataclass(frozen=True)
class DetectedOs:
    family: str = ""  # "linux" | "windows" | "" (none found)
    name: str = ""  # "CentOS Linux 7 (Core)", "Windows Server 2016 Standard"
    version: str = ""  # "7.8.2003", "10.0.14393"
    edition: str = ""  # Windows EditionID; Linux: ""
    language: str = ""  # Windows install language: "ja", "en", another code ("de", "lcid:0437"), ""
    arch: str = ""  # "x86_64" | "x86" | ""
    #: the os_type keyword this guest must be registered with; None when the disk does not
    #: decide it (then os_type_note says why)
    os_type: str | None = None
    os_type_note: Text | None = None

    def to_dict(self) -> dict[str, Any]:
        d = to_jsonable(self)
        d["os_type_note"] = str(self.os_type_note) if self.os_type_note is not None else None
        return dict(d)


@dataclass(frozen=True)
class GuestReport:
    readiness: Readiness
    os: DetectedOs
    findings: tuple[Finding, ...]
    facts: GuestFacts
    #: which table of rules judged it ("k5" or "region3"), and for which region ("" = all)
    rules: str = ""
    region: str = ""
    summary: Text = field(default_factory=lambda: Text(""))

    def to_dict(self) -> dict[str, Any]:
        return {"readiness": self.readiness.value, "summary": str(self.summary),
                "os": self.os.to_dict(), "findings": [f.to_dict() for f in self.findings],
                "rules": self.rules, "region": self.region, "facts": to_jsonable(self.facts)}


# --- the verdict and the text form (helper E) -------------------------------------------------

_RANK: Final[dict[Level, int]] = {Level.INFO: 0, Level.WARNING: 1, Level.UNKNOWN: 2,
                                  Level.BLOCKER: 3}


def verdict_of(findings: tuple[Finding, ...] | list[Finding]) -> Readiness:
    """A blocker makes the disk not-ready (even when part of it could not be inspected: what
    was seen already stops it); else anything not inspected makes it cannot-inspect; else a
    warning makes it ready-with-warnings."""
    levels = {f.level for f in findings}
    if Level.BLOCKER in levels:
        return Readiness.NOT_READY
    if Level.UNKNOWN in levels:
        return Readiness.CANNOT_INSPECT
    if Level.WARNING in levels:
        return Readiness.WARNINGS
    return Readiness.READY


def summary_for(readiness: Readiness) -> Text:
    """The one-line summary of a verdict."""
    return {
        Readiness.READY: Text("Ready: nothing on this disk goes against the provider's rules."),
        Readiness.WARNINGS: Text("Ready, with warnings: it can be imported, but look at the "
                                 "points below first."),
        Readiness.NOT_READY: Text("Not ready: fix the problems below in the VM before you "
                                  "upload it."),
        Readiness.CANNOT_INSPECT: Text("Cannot tell: part of this disk could not be inspected; "
                                       "judge it yourself before you upload it."),
    }[readiness]


def sorted_findings(findings: tuple[Finding, ...] | list[Finding]) -> tuple[Finding, ...]:
    """Worst first; equal levels keep their order (the order the checks ran)."""
    return tuple(sorted(findings, key=lambda f: -_RANK[f.level]))


def with_findings(report: GuestReport, extra: tuple[Finding, ...]) -> GuestReport:
    """``report`` with more findings (the licence findings, once the user chose ``kms``), its
    verdict and summary made again."""
    findings = sorted_findings(report.findings + extra)
    readiness = verdict_of(findings)
    return replace(report, findings=findings, readiness=readiness,
                   summary=summary_for(readiness))


_MARKS: Final[dict[Level, str]] = {Level.BLOCKER: "x", Level.UNKNOWN: "?",
                                   Level.WARNING: "!", Level.INFO: "-"}


def _wrap(text: str, first: str, rest: str, width: int = 100) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest,
                         break_on_hyphens=False, break_long_words=False) or [first.rstrip()]


def render_text(report: GuestReport) -> str:
    """The report for a terminal (``vmdkimport inspect``): the verdict, the OS, its os_type,
    then each finding with its mark (x blocker, ? not inspected, ! warning, - information),
    its code, the fix and the values worth keeping."""
    where = report.region or Text("no region given")
    lines = [f"Guest: {report.readiness.value} (rules: {report.rules or '-'}, region: {where})"]
    lines += _wrap(str(report.summary), "  ", "  ")
    os = report.os
    if os.family:
        parts = [p for p in (os.name, os.version, os.edition, os.language, os.arch) if p]
        lines.append("OS: " + ", ".join(parts))
    else:
        lines.append("OS: none found")
    if os.os_type:
        lines.append(f"os_type: {os.os_type}")
    elif os.family:
        lines.append("os_type: not decided by the disk")
    if os.os_type_note:
        lines += _wrap(str(os.os_type_note), "  ", "  ")
    if report.findings:
        lines.append("Findings:")
    for f in report.findings:
        tag = " (unconfirmed)" if f.unconfirmed else ""
        lines += _wrap(f"[{f.code}]{tag} {f.text}", f"  {_MARKS[f.level]} ", "    ")
        if f.fix is not None:
            lines += _wrap(f"Fix: {f.fix}", "    ", "      ")
        for key, value in f.details:
            lines += _wrap(f"{key}: {value}", "    ", "      ")
    return "\n".join(lines)


class GuestNotReady(ConfigError):
    """Refusing to upload a guest the inspection calls not ready (the CLI's ``upload``).

    Its own type so that front ends tell it apart from a setting to fix (exit code 4, as for a
    disk the pre-flight refuses)."""

    def __init__(self, report: GuestReport, message: str, action: str) -> None:
        super().__init__(message, action, Field.DISK)
        self.report = report
