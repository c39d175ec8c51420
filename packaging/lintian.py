"""Debian's package checker on the .deb: a summary by tag, and a failure for errors.

The package ships its overrides (``linux/lintian-overrides``, each with the reason): what is
inherent to a self-contained bundle (Python, Qt, PyInstaller's bootloader). An error (``E:``)
that is not overridden fails the build; warnings are shown. ``--show-overrides`` lists the
overridden tags too (``O:``), so the summary proves the overrides are applied.

Debian 12's lintian (2.116) takes about 15 s on the 33 MB package.
"""

# ruff: noqa: T201, S603 - a build script prints, and runs lintian

from __future__ import annotations

import os
import re
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tools import BuildError, need

SEVERITIES = {"E": "error", "W": "warning", "I": "info", "P": "pedantic", "X": "experimental",
              "O": "overridden", "C": "classification", "M": "masked"}
# Overrides that no longer match anything (info tags): named, so the list can be pruned.
STALE_OVERRIDE = ("unused-override", "mismatched-override")
_LINE = re.compile(r"^(?P<code>[A-Z]): (?P<package>[^:\s]+)(?: [a-z]+)?: (?P<tag>[\w.+-]+)"
                   r"(?: (?P<context>.*))?$")


@dataclass(frozen=True)
class Tag:
    code: str  # E, W, I, P, X, O (overridden), ...
    tag: str
    context: str


@dataclass
class LintianResult:
    tags: list[Tag]
    seconds: float

    def count(self, code: str) -> int:
        return sum(1 for t in self.tags if t.code == code)

    def summary(self) -> list[str]:
        """One line per severity: ``error: 0``, ..., ``overridden: 193 (dir-or-file-in-opt
        178, ...)``."""
        lines = []
        for code in ("E", "W", "I", "O"):
            counts = Counter(t.tag for t in self.tags if t.code == code)
            detail = ", ".join(f"{tag} {n}" for tag, n in counts.most_common())
            lines.append(f"{SEVERITIES[code]}: {sum(counts.values())}"
                         + (f" ({detail})" if detail else ""))
        return lines


def parse(output: str) -> list[Tag]:
    """The tag lines of lintian's output; the comments of overrides (``N:``) are skipped."""
    tags = []
    for line in output.splitlines():
        match = _LINE.match(line)
        if match and match["code"] in SEVERITIES:
            tags.append(Tag(match["code"], match["tag"], match["context"] or ""))
    return tags


def run_lintian(deb: Path) -> LintianResult:
    """lintian on ``deb``: prints the summary and every error and warning that is not
    overridden; raises BuildError when an error is not overridden. Info tags (about the
    third-party binaries: hardening flags, sections, spelling in Qt's strings) are counted, and
    overrides that match nothing are named."""
    tool = need("lintian")
    # --allow-root: the build runs as root in CI (lintian only warns); --display-info for
    # unused-override; --show-overrides to count what the overrides cover.
    args = [tool, "--tag-display-limit", "0", "--display-info", "--show-overrides"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    print(f"$ lintian {' '.join(args[1:])} {deb.name}", flush=True)
    started = time.monotonic()
    try:
        result = subprocess.run([*args, str(deb)], capture_output=True, text=True, check=False,
                                timeout=900)
    except subprocess.TimeoutExpired as exc:
        raise BuildError("lintian did not finish within 900 s") from exc
    seconds = time.monotonic() - started
    # 2: tags at the fail-on level were reported (with --show-overrides, overridden ones count
    # too, so the tags decide below); 1: lintian itself failed
    if result.returncode not in (0, 2):
        raise BuildError(f"lintian failed (exit {result.returncode}): "
                         f"{(result.stderr or result.stdout).strip()[-1000:]}")
    found = LintianResult(parse(result.stdout), seconds)
    for tag in found.tags:
        if tag.code in ("E", "W") or tag.tag in STALE_OVERRIDE:
            print(f"  {tag.code}: {tag.tag} {tag.context}".rstrip())
    print(f"lintian ({seconds:.0f} s): " + "; ".join(found.summary()))
    errors = [t for t in found.tags if t.code == "E"]
    if errors:
        raise BuildError(f"lintian: {len(errors)} errors not overridden, the first: "
                         f"{errors[0].tag} {errors[0].context}")
    return found
