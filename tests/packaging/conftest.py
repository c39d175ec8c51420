"""The packaging scripts are not a package (``packaging/`` would shadow PyPI's ``packaging``):
they are loaded here from their files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    return load("vmdkimport_packaging_build", PACKAGING / "build.py")


@pytest.fixture(scope="session")
def bundle_rules() -> ModuleType:
    return load("vmdkimport_packaging_bundle_rules", PACKAGING / "bundle_rules.py")
