"""Manual pages for the two commands, from what they say to ``--help`` (as help2man does).

The text comes from the bundle's own executables, so the page describes what is installed.
For ``vmdkimport``, each command's ``--help`` follows the main one.
"""

# ruff: noqa: S603 - runs the bundle's own executables

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from tools import BuildError


def help_text(exe: Path, *args: str) -> str:
    """``exe [args] --help``, 80 columns wide, in English."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    env.update(COLUMNS="80", LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    try:
        result = subprocess.run([str(exe), *args, "--help"], capture_output=True, text=True,
                                env=env, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError(f"{exe.name} {' '.join(args)} --help could not run: {exc}") from exc
    if result.returncode != 0 or not result.stdout.strip():
        raise BuildError(f"{exe.name} {' '.join(args)} --help failed (exit "
                         f"{result.returncode}): {result.stderr.strip()[-500:]}")
    return result.stdout.rstrip() + "\n"


def subcommands(main_help: str) -> list[str]:
    """The commands argparse lists under ``COMMAND`` (indented by four spaces)."""
    block = re.search(r"^  COMMAND\n((?:    .*\n|      .*\n)+)", main_help, re.M)
    if block is None:
        return []
    return re.findall(r"^    ([a-z][\w-]*)(?=\s|$)", block.group(1), re.M)


def roff_escape(line: str, *, literal: bool = True) -> str:
    """One line of text for groff: backslashes, a control character at the start of a line
    and, in ``literal`` text (commands, options), minus signs rather than hyphens."""
    text = line.replace("\\", "\\e")
    if literal:
        text = text.replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def manpage(name: str, summary: str, *, version: str, package: str, date: str,
            description: str, commands: Sequence[tuple[str, str]] = (),
            see_also: Sequence[str] = ()) -> str:
    """A section 1 page: NAME, DESCRIPTION (the ``--help`` text as is), COMMANDS (one
    subsection per command, its ``--help``), SEE ALSO."""
    month = dt.date.fromisoformat(date).strftime("%B %Y")

    def verbatim(text: str) -> list[str]:
        return [".nf", *[roff_escape(line) for line in text.rstrip("\n").splitlines()], ".fi"]

    lines = [f'.TH "{name.upper()}" "1" "{month}" "{package} {version}" "User Commands"',
             ".nh",  # no hyphenation: names and options stay whole
             ".SH NAME", f"{roff_escape(name)} \\- {roff_escape(summary, literal=False)}",
             ".SH DESCRIPTION", *verbatim(description)]
    if commands:
        lines.append(".SH COMMANDS")
        for title, text in commands:
            lines += [f'.SS "{roff_escape(title)}"', *verbatim(text)]
    if see_also:
        lines += [".SH \"SEE ALSO\"", ",\n".join(f".BR {page} (1)" for page in see_also)]
    return "\n".join(lines) + "\n"


def command_manpage(exe: Path, summary: str, *, version: str, package: str, date: str,
                    see_also: Sequence[str] = ()) -> str:
    """The page of one of the bundle's executables: its ``--help``, and each command's."""
    main = help_text(exe)
    commands = [(f"{exe.name} {command}", help_text(exe, command))
                for command in subcommands(main)]
    return manpage(exe.name, summary, version=version, package=package, date=date,
                   description=main, commands=commands, see_also=see_also)
