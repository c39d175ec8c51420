"""The packaging scripts are not a package (``packaging/`` would shadow PyPI's ``packaging``):
they are modules next to ``build.py`` that import each other by name, as ``python
packaging/build.py`` runs them. Here they are imported the same way, with packaging/ on
sys.path, and handed to the tests as fixtures named after them."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load(name: str) -> ModuleType:
    """``packaging/<name>.py``, imported as ``build.py`` imports it."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    module = importlib.import_module(name)
    assert Path(module.__file__ or "").parent == PACKAGING, f"{name} is not ours: {module}"
    return module


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    return load("build")


@pytest.fixture(scope="session")
def project() -> ModuleType:
    return load("project")


@pytest.fixture(scope="session")
def icons() -> ModuleType:
    return load("icons")


@pytest.fixture(scope="session")
def elf() -> ModuleType:
    return load("elf")


@pytest.fixture(scope="session")
def freedesktop() -> ModuleType:
    return load("freedesktop")


@pytest.fixture(scope="session")
def manpages() -> ModuleType:
    return load("manpages")


@pytest.fixture(scope="session")
def deb() -> ModuleType:
    return load("deb")


@pytest.fixture(scope="session")
def lintian() -> ModuleType:
    return load("lintian")


@pytest.fixture(scope="session")
def nsis() -> ModuleType:
    return load("nsis")


@pytest.fixture(scope="session")
def bundle_rules() -> ModuleType:
    return load("bundle_rules")


@pytest.fixture(scope="session")
def clean_machine() -> ModuleType:
    return load("clean_machine")


@pytest.fixture(scope="session")
def tools() -> ModuleType:
    return load("tools")


@pytest.fixture(scope="session")
def install_test() -> ModuleType:
    return load("install_test")


@pytest.fixture(scope="session")
def notices() -> ModuleType:
    return load("notices")
