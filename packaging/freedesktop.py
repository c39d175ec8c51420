"""What Linux desktops read: the desktop entry (menus, launchers) and the AppStream metainfo
(software centres), and their validation with the freedesktop tools."""

# ruff: noqa: T201, S603 - a build script prints, and runs the validators found on PATH

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

from project import APP_ID, CLI, DISPLAY_NAME, DISPLAY_NAME_JA, PACKAGE, SUMMARY_JA, Project
from tools import INSTALL_HINTS, BuildError, need


def desktop_entry() -> str:
    """The launcher; names and icon follow the app id."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={DISPLAY_NAME}",
        f"Name[ja]={DISPLAY_NAME_JA}",
        "GenericName=Disk Image Import",
        "GenericName[ja]=ディスクイメージのインポート",
        "Comment=Take a VMware disk to a registered image in FUJITSU K5 / FJcloud-O",
        f"Comment[ja]={SUMMARY_JA}",
        f"Exec={PACKAGE}",
        f"TryExec={PACKAGE}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=System;",
        "Keywords=VMDK;VMware;OpenStack;FJcloud;K5;image;import;upload;",
        "StartupNotify=true",
        f"StartupWMClass={PACKAGE}",
        "",
    ])


def metainfo(project: Project, date: str) -> str:
    """AppStream metadata: what software centres show; the release is pyproject's version."""
    summary = "Take a VMware disk to a registered image in FUJITSU K5 / FJcloud-O"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>{escape(project.license or "LicenseRef-proprietary")}</project_license>
  <name>{DISPLAY_NAME}</name>
  <name xml:lang="ja">{DISPLAY_NAME_JA}</name>
  <summary>{escape(summary)}</summary>
  <summary xml:lang="ja">{SUMMARY_JA}</summary>
  <developer_name>{escape(project.author)}</developer_name>
  <description>
    <p>
      Takes an administrator from a VMware disk (.vmdk) on their workstation to a registered
      image in FUJITSU K5 / FJcloud-O: sign in with Keystone v3, upload the disk to object
      storage, register it with the image import API and follow the conversion to the end.
    </p>
    <ul>
      <li>Every import id is written to a local ledger before it is shown.</li>
      <li>Errors say what happened, what to do and which field to fix.</li>
      <li>Passwords live only in the system keyring and never reach a log.</li>
      <li>Uploads of 50-300 GB resume where they stopped.</li>
    </ul>
    <p>The vmdkimport command does the same from a terminal.</p>
  </description>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <provides>
    <binary>{PACKAGE}</binary>
    <binary>{CLI}</binary>
  </provides>
  <categories>
    <category>System</category>
  </categories>
  <content_rating type="oars-1.1"/>
  <releases>
    <release version="{escape(project.version)}" date="{date}"/>
  </releases>
</component>
"""


def validate_desktop_and_metainfo(root: Path) -> list[str]:
    """desktop-file-validate (errors fail the build) and appstreamcli where available
    (errors fail; warnings and infos are printed). Returns the printed lines."""
    desktop = root / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    meta = root / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    lines = []
    result = subprocess.run([need("desktop-file-validate"), str(desktop)], capture_output=True,
                            text=True, check=False)
    out = (result.stdout + result.stderr).strip()
    lines.append(f"desktop-file-validate {desktop.name}: "
                 + ("OK (no output)" if not out and result.returncode == 0 else out))
    if result.returncode != 0 or "error:" in out.lower():
        raise BuildError(f"desktop-file-validate: {out}")
    appstream = shutil.which("appstreamcli")
    if appstream is None:
        lines.append("appstreamcli: not installed, metainfo not validated "
                     f"({INSTALL_HINTS['appstreamcli']})")
    else:
        result = subprocess.run([appstream, "validate", "--no-net", "--explain", str(meta)],
                                capture_output=True, text=True, check=False)
        out = (result.stdout + result.stderr).strip()
        lines.append(f"appstreamcli validate --no-net {meta.name}: {out}")
        if result.returncode != 0:
            raise BuildError(f"appstreamcli validate failed:\n{out}")
    for line in lines:
        print(line)
    return lines
