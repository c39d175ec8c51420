"""What the repository itself must not hold.

The package registries and mirrors this machine uses (apt sources, pip configuration) differ
between a developer's desk, a company network and a CI farm: code reads them from the machine's
configuration, and none of their host names is written into a tracked file.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_URL_HOST = re.compile(r"[a-z][a-z0-9+.-]*://([A-Za-z0-9.-]+)")


def _configured_hosts() -> set[str]:
    texts = []
    apt = [Path("/etc/apt/sources.list"), *sorted(Path("/etc/apt/sources.list.d").glob("*"))]
    home = Path.home()
    pip = [Path("/etc/pip.conf"), home / ".config/pip/pip.conf", home / ".pip/pip.conf"]
    for path in apt + pip:
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    result = subprocess.run(["pip", "config", "list"], capture_output=True, text=True,
                            check=False, timeout=60)
    texts.append(result.stdout)
    return {h for text in texts for h in _URL_HOST.findall(text) if "." in h}


def test_no_registry_or_mirror_host_is_written_into_the_repository() -> None:
    hosts = _configured_hosts()
    if not hosts:
        pytest.skip("this machine configures no package registry or mirror")
    found = []
    for host in sorted(hosts):
        result = subprocess.run(["git", "grep", "-nF", host, "--", "."], cwd=ROOT,
                                capture_output=True, text=True, check=False, timeout=60)
        found += result.stdout.splitlines()
    assert not found, "read these from the machine's configuration instead:\n" + "\n".join(found)
