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

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from vmdkimport.core.guest.facts import GuestFacts, to_jsonable
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
    language: str = ""  # "ja" | "en" | "" (Windows install language)
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
