"""The architecture, checked: the core stays Qt-free, its layers hold, nothing imports in a cycle.

import-linter checks the import graph (pyproject.toml's contracts): here it runs on the tree, and
on copies of it with one bad import planted, to show each contract really bites. The run-time
test checks what really gets loaded, which also catches an import hidden in a function body.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "gui" / "vmdkimport"


def _modules(sub: str) -> list[str]:
    base = PACKAGE / sub
    return sorted(
        "vmdkimport." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in base.rglob("*.py") if p.name != "__main__.py"
    )


@pytest.mark.parametrize("module", [*_modules("core"), *_modules("sandbox"), "vmdkimport.cli",
                                    "vmdkimport.demo"])
def test_no_qt_is_loaded(module: str) -> None:
    code = (f"import sys, importlib; importlib.import_module({module!r}); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_main_runs_the_parser_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from vmdkimport.cli import build_parser; "
         "build_parser(); sys.exit(any(m.startswith('PySide6') for m in sys.modules))"],
        capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr


# --- the import contracts (pyproject.toml) ---------------------------------------------------

ROOT = PACKAGE.parents[1]


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the package under ``root``, with the contracts of pyproject.toml."""
    return subprocess.run(["lint-imports", "--no-cache"], cwd=root, capture_output=True,
                          text=True, check=False, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(root / "gui")})


def test_the_import_contracts_are_kept() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("module", "planted", "broken"), [
    # the vocabulary may not reach up into a subsystem
    ("core/units.py", "import vmdkimport.core.upload.transfer", "core layers"),
    # disk code may not reach up into upload (the byte-range source lives in disk/)
    ("core/disk/vmdk.py", "import vmdkimport.core.upload.segments", "core layers"),
    # cloud and disk are independent
    ("core/cloud/endpoints.py", "import vmdkimport.core.disk.source", "core layers"),
    # guest inspection only reads disks: it never reaches into the upload or the register call
    ("core/guest/facts.py", "import vmdkimport.core.upload.segments", "core layers"),
    # and the disk layer below does not know about guests
    ("core/disk/preflight.py", "import vmdkimport.core.guest.facts", "core layers"),
    # two modules of one subsystem importing each other: a cycle, even for type checking only
    ("core/cloud/endpoints.py",
     "import typing\nif typing.TYPE_CHECKING:\n    import vmdkimport.core.cloud.session",
     "No import cycles"),
])
def test_a_planted_import_breaks_its_contract(tmp_path: Path, module: str, planted: str,
                                              broken: str) -> None:
    """The contracts really bite: one import added to a copy of the tree is reported."""
    shutil.copytree(PACKAGE, tmp_path / "gui" / "vmdkimport",
                    ignore=shutil.ignore_patterns("__pycache__", "translations", "icons"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "gui" / "vmdkimport" / module
    target.write_text(target.read_text() + "\n" + planted + "\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    states = {line.rsplit(" ", 1)[0]: line.rsplit(" ", 1)[1]
              for line in result.stdout.splitlines() if line.endswith((" KEPT", " BROKEN"))}
    contract = next(name for name in states if name.startswith(broken))
    assert states[contract] == "BROKEN", result.stdout
