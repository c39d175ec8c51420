"""The third-party notices (``packaging/notices.py``) in the bundle, the .deb and the installer:
every library guest inspection brings is named with its licence, and the LGPL ones with their
licence texts and the way to replace them."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUEST_DEPENDENCIES = ("ext4", "regipy", "libfsntfs-python", "libfsxfs-python")


def requirement_name(text: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", text, maxsplit=1)[0].lower().replace("_", "-")


def runtime_closure(names: tuple[str, ...]) -> set[str]:
    """The distributions these need at run time, themselves included (no extras)."""
    seen: set[str] = set()
    todo = [n.lower() for n in names]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for requirement in metadata.requires(name) or []:
            if "extra ==" not in requirement:
                todo.append(requirement_name(requirement))
    return seen


def test_the_guest_dependencies_are_the_ones_in_pyproject() -> None:
    """If pyproject gains a reader, this list (and the notices) must follow."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {requirement_name(r) for r in project["project"]["dependencies"]}
    assert set(GUEST_DEPENDENCIES) <= declared


def test_every_library_guest_inspection_brings_has_a_notice(notices: ModuleType) -> None:
    named = {lib.distribution.lower().replace("_", "-") for lib in notices.LIBRARIES}
    needed = runtime_closure(GUEST_DEPENDENCIES)
    assert needed <= named, f"no notice for {sorted(needed - named)}"


@pytest.mark.parametrize("index", range(10))
def test_each_notice_names_the_library_its_licence_and_its_licence_file(
        notices: ModuleType, index: int) -> None:
    lib = notices.LIBRARIES[index]
    versions = notices.installed_versions()
    files = {d.distribution: notices.licence_files(d.distribution) for d in notices.LIBRARIES}
    assert files[lib.distribution], f"{lib.distribution} installs no licence file"
    text = notices.notices_text(versions, files)
    head = f"{lib.distribution} {versions[lib.distribution]} ({', '.join(lib.modules)}): "
    assert f"{head}{lib.licence}\n" in text
    block = text[text.index(head):].split("\n\n", 1)[0]
    assert lib.copyright in block
    assert lib.url in block
    for path in files[lib.distribution]:
        assert path in block
    # the licence is what the distribution itself declares
    meta = metadata.metadata(lib.distribution)
    declared = (meta.get_all("License-Expression") or meta.get_all("License") or [""])[0]
    assert lib.licence == declared or (lib.licence == "MIT" and declared.startswith("MIT"))


def test_the_table_has_ten_libraries(notices: ModuleType) -> None:
    """(the parametrisation above counts them)"""
    assert len(notices.LIBRARIES) == 10


@pytest.mark.parametrize("distribution", ["libfsntfs-python", "libfsxfs-python"])
def test_lgpl_libraries_ship_both_licence_texts_and_how_to_replace_them(
        notices: ModuleType, distribution: str) -> None:
    files = notices.licence_files(distribution)
    assert sorted(Path(f).name for f in files) == ["COPYING", "COPYING.LESSER"]
    located = metadata.distribution(distribution)
    lesser = located.locate_file(next(f for f in files if f.endswith("COPYING.LESSER")))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in Path(str(lesser)).read_text(encoding="utf-8")
    text = notices.notices_text(notices.installed_versions(), {distribution: files})
    block = text[text.index(f"{distribution} "):].split("\n\n", 1)[0]
    assert "separate shared library" in block
    assert "You may replace that file" in block
    assert f"sdist {distribution}==" in block


def test_notices_are_ascii_for_the_installer_page(notices: ModuleType) -> None:
    """NSIS reads a licence page's .txt in the system's code page unless it has a BOM."""
    text = notices.notices_text(notices.installed_versions(), {})
    text.encode("ascii")
    for name in ("Python (PSF-2.0)", "Qt 6 and PySide6 (LGPL-3.0)"):
        assert name in text


def test_deb_copyright_has_a_paragraph_per_library_and_each_licence(
        project: ModuleType, deb: ModuleType, notices: ModuleType) -> None:
    text = deb.copyright_file(project.read_project(), "2026-03-04")
    paragraphs = text.split("\n\n")
    assert f"/usr/lib/vmdk-import-wizard/_internal/{notices.NOTICES_FILE}" in text
    for lib in notices.LIBRARIES:
        (own,) = [p for p in paragraphs
                  if p.startswith(f"Files: usr/lib/vmdk-import-wizard/_internal/"
                                  f"{lib.modules[0]}*")]
        assert f"\nLicense: {notices.DEP5_LICENCE[lib.licence]}\n" in own
        assert lib.distribution in own
    standalone = {p.split("\n", 1)[0] for p in paragraphs if p.startswith("License: ")}
    assert standalone == {"License: Expat", "License: LGPL-3+", "License: PSF-2.0"}
    assert "See /usr/share/common-licenses/LGPL-3" in text
    assert Path("/usr/share/common-licenses/LGPL-3").name == "LGPL-3"


def test_the_spec_ships_the_notices_the_licences_and_the_rules() -> None:
    spec = (ROOT / "packaging" / "vmdkimport.spec").read_text(encoding="utf-8")
    assert "for lib in notices.LIBRARIES for entry in copy_metadata(lib.distribution)" in spec
    assert "notices.NOTICES_FILE" in spec
    assert '(PKG / "core").rglob("*.toml")' in spec
    for hidden in ('"ext4"', '"pyfsntfs"', '"pyfsxfs"', '"regipy.registry"',
                   'collect_submodules("cachetools")', 'collect_submodules("crcmod"'):
        assert hidden in spec
