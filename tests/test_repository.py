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


def _readme_map() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Where things live", 1)[1]
    return section.split("```", 2)[1]


def test_the_readme_map_matches_the_tree() -> None:
    """Every package and every module at the top of core/ is on the README's map, and every
    test folder follows a part of the tree (or is one of the named shared folders)."""
    readme = _readme_map()
    package = ROOT / "gui" / "vmdkimport"
    packages = [p for p in package.rglob("__init__.py") if p.parent != package]
    missing = [str(p.parent.relative_to(package)) for p in packages
               if f"{p.parent.name}/" not in readme]
    vocabulary = [p.name for p in (package / "core").glob("*.py") if p.name != "__init__.py"]
    missing += [f"core/{name}" for name in vocabulary if name not in readme]
    missing += [p.name for p in package.glob("*.py")
                if p.name not in ("__init__.py", "__main__.py") and p.name not in readme]
    assert not missing, f"not on README.md's map: {missing}"
    parts = {p.name for p in package.iterdir()} | {p.stem for p in package.glob("*.py")}
    shared = {"helpers", "servers", "data"}
    for folder in (ROOT / "tests").iterdir():
        if folder.is_dir() and not folder.name.startswith((".", "__")):
            assert folder.name in parts | shared | {"packaging"}, folder
            assert folder.name not in shared or f"{folder.name}/" in readme or \
                folder.name == "data", folder
    for folder in (ROOT / "tests" / "core").iterdir():
        if folder.is_dir() and not folder.name.startswith("__"):
            assert (package / "core" / folder.name).is_dir(), folder
