"""The project: its names and places, and its version and descriptions from pyproject.toml.

The version is written in one place, pyproject.toml; everything else (the .deb control file
and changelog, the AppStream release, the man pages, the installer's ``-DVERSION``) is given
it from here.
"""

# ruff: noqa: S603, S607 - git, from PATH

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "packaging"
SPEC = HERE / "vmdkimport.spec"
NSIS_SCRIPT = HERE / "windows" / "installer.nsi"
LINTIAN_OVERRIDES = HERE / "linux" / "lintian-overrides"
SVG_ICON = ROOT / "gui" / "vmdkimport" / "qt" / "icons" / "vmdkimport.svg"

PACKAGE = "vmdk-import-wizard"  # distribution, .deb, bundle folder and GUI executable
CLI = "vmdkimport"
APP_ID = "io.github.vmdkimport.VmdkImportWizard"  # desktop file, metainfo and icon names
DISPLAY_NAME = "VM Image Import Wizard"
DISPLAY_NAME_JA = "VMイメージインポートウィザード"  # as in vmdkimport_ja.ts
SUMMARY_JA = "VMware のディスクを FUJITSU K5 / FJcloud-O のイメージとして登録します"
# /usr/lib, not /opt: a package that ships /opt owns it in dpkg's eyes, and its purge removes
# an /opt that is empty by then, though base-files made it (seen in a clean Debian 12 chroot).
INSTALL_DIR = f"/usr/lib/{PACKAGE}"
# Debian wants a maintainer with an address; pyproject's authors have none. Set a real one here.
MAINTAINER_EMAIL = "vmdkimport@users.noreply.github.com"


@dataclass(frozen=True)
class Project:
    name: str
    version: str
    summary: str
    license: str
    author: str

    @property
    def deb_version(self) -> str:
        return debian_version(self.version)

    @property
    def windows_version(self) -> str:
        return windows_version(self.version)

    @property
    def maintainer(self) -> str:
        return f"{self.author} <{MAINTAINER_EMAIL}>"


def read_project(pyproject: Path = ROOT / "pyproject.toml") -> Project:
    """The version and descriptions, from the one place they are written."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    license_ = data.get("license", {})
    authors = data.get("authors") or [{"name": DISPLAY_NAME + " team"}]
    return Project(name=data["name"], version=data["version"], summary=data["description"],
                   license=license_.get("text", "") if isinstance(license_, dict) else license_,
                   author=authors[0].get("name", DISPLAY_NAME))


def debian_version(version: str) -> str:
    """PEP 440 to Debian ordering: pre-releases sort before the release (``~``), and dev
    releases before those (``~~``): 1.0~~dev1 < 1.0~a1 < 1.0~a1+... < 1.0."""
    text = re.sub(r"[.-]?(a|b|rc|alpha|beta|c)\.?(\d+)", r"~\1\2", version, flags=re.I)
    text = re.sub(r"[.-]?dev\.?(\d*)", r"~~dev\1", text, flags=re.I)
    return text.lower()


def windows_version(version: str) -> str:
    """The four numbers Windows version resources take (NSIS VIProductVersion): 0.1.0 -> 0.1.0.0."""
    match = re.match(r"\d+(?:\.\d+)*", version)
    numbers = (match.group(0).split(".") if match else []) + ["0"] * 4
    return ".".join(str(int(n)) for n in numbers[:4])


def release_date() -> str:
    """The date of the version: SOURCE_DATE_EPOCH, else the last commit of pyproject.toml (where
    the version is set), else of HEAD (a shallow clone may not have the former), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    for paths in (["--", "pyproject.toml"], []):
        try:
            out = subprocess.run(["git", "log", "-1", "--format=%cs", *paths], cwd=ROOT,
                                 capture_output=True, text=True, check=False, timeout=30)
        except OSError:
            break
        if re.fullmatch(r"\d{4}-\d\d-\d\d", out.stdout.strip()):
            return out.stdout.strip()
    return dt.date.today().isoformat()
