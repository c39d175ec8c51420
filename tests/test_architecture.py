"""The core stays Qt-free and headless; only vmdkimport.qt may import PySide6.

import-linter checks the import graph in CI; this test checks what really gets loaded, which
also catches an import hidden in a function body that a static check may not follow.
"""

from __future__ import annotations

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
