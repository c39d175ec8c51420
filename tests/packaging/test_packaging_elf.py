"""packaging/elf.py and the .deb's file modes: ELF headers read right (checked against
binutils' readelf where it is installed), the build machine's library search paths removed with
patchelf while ``$ORIGIN`` ones stay, shared libraries 0644 and programs 0755."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import PySide6
import pytest

QT = Path(PySide6.__file__).resolve().parent / "Qt"
LIBRARY = QT / "lib" / "libQt6Gui.so.6"  # a shared library, RUNPATH $ORIGIN
PLUGIN = QT / "plugins" / "platforms" / "libqminimal.so"  # RUNPATH $ORIGIN/../../lib
CORE = QT / "lib" / "libQt6Core.so.6"  # a library with a program interpreter
needs_patchelf = pytest.mark.skipif(shutil.which("patchelf") is None,
                                    reason="patchelf is not installed (apt-get install patchelf)")
needs_readelf = pytest.mark.skipif(shutil.which("readelf") is None,
                                   reason="readelf is not installed (binutils)")


def readelf(path: Path) -> tuple[bool, tuple[str, ...] | None, tuple[str, ...] | None]:
    """(program, RPATH, RUNPATH) as binutils sees them."""
    out = subprocess.run(["readelf", "-hld", str(path)], capture_output=True, text=True,
                         check=True).stdout
    rpath = re.search(r"\(RPATH\)\s+Library rpath: \[(.*)\]", out)
    runpath = re.search(r"\(RUNPATH\)\s+Library runpath: \[(.*)\]", out)
    return ("INTERP" in out or "EXEC (Executable file)" in out,
            tuple(rpath.group(1).split(":")) if rpath else None,
            tuple(runpath.group(1).split(":")) if runpath else None)


@needs_readelf
@pytest.mark.parametrize("path", [LIBRARY, PLUGIN, CORE, Path(sys.executable).resolve(),
                                  Path(shutil.which("ls") or "/bin/ls")],
                         ids=["library", "plugin", "QtCore", "python", "ls"])
def test_read_elf_agrees_with_readelf(elf: ModuleType, path: Path) -> None:
    info = elf.read_elf(path)
    assert (info.program, info.rpath, info.runpath) == readelf(path)


def test_read_elf_refuses_other_files(elf: ModuleType, tmp_path: Path) -> None:
    text = tmp_path / "x.so"
    text.write_text("not ELF", encoding="utf-8")
    assert not elf.is_elf(text)
    with pytest.raises(ValueError, match="not an ELF file"):
        elf.read_elf(text)


@pytest.mark.parametrize(("entry", "inside"), [
    ("$ORIGIN", True), ("$ORIGIN/../../lib", True), ("${ORIGIN}/lib", True),
    ("/root/.pyenv/versions/3.11.7/lib", False), ("/usr/lib", False), ("lib", False), ("", False),
])
def test_inside_bundle(elf: ModuleType, entry: str, inside: bool) -> None:
    assert elf.inside_bundle(entry) is inside


@needs_patchelf
def test_clean_runpaths_keeps_origin_and_drops_the_build_machine(elf: ModuleType,
                                                                  tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "lib").mkdir(parents=True)
    mixed, foreign, clean = (bundle / "lib" / f"{n}.so" for n in ("mixed", "foreign", "clean"))
    for path, runpath in ((mixed, "/root/.pyenv/versions/3.11.7/lib:$ORIGIN/../lib"),
                          (foreign, "/root/.pyenv/versions/3.11.7/lib"), (clean, "$ORIGIN")):
        shutil.copyfile(PLUGIN, path)
        subprocess.run(["patchelf", "--set-rpath", runpath, str(path)], check=True)
    (bundle / "link.so").symlink_to("lib/mixed.so")
    untouched = clean.read_bytes()

    changed = elf.clean_runpaths(bundle)

    assert sorted((p.name, before, after) for p, before, after in changed) == [
        ("foreign.so", "/root/.pyenv/versions/3.11.7/lib", ""),
        ("mixed.so", "/root/.pyenv/versions/3.11.7/lib:$ORIGIN/../lib", "$ORIGIN/../lib"),
    ]
    assert elf.read_elf(mixed).runpath == ("$ORIGIN/../lib",)
    assert elf.read_elf(foreign).runpath is None
    assert clean.read_bytes() == untouched
    assert elf.foreign_search_paths(bundle) == []
    assert elf.clean_runpaths(bundle) == []  # twice: nothing more to do


@needs_patchelf
def test_an_rpath_stays_an_rpath(elf: ModuleType, tmp_path: Path) -> None:
    """DT_RPATH also applies to what the file loads: kept entries keep that meaning."""
    path = tmp_path / "old.so"
    shutil.copyfile(PLUGIN, path)
    subprocess.run(["patchelf", "--force-rpath", "--set-rpath", "/build/lib:$ORIGIN",
                    str(path)], check=True)
    assert elf.read_elf(path).rpath == ("/build/lib", "$ORIGIN")
    elf.clean_runpaths(tmp_path)
    info = elf.read_elf(path)
    assert (info.rpath, info.runpath) == (("$ORIGIN",), None)


def test_foreign_search_paths_are_reported_without_patchelf(elf: ModuleType,
                                                            tmp_path: Path) -> None:
    shutil.copyfile(Path(sys.executable).resolve(), tmp_path / "python")
    found = elf.foreign_search_paths(tmp_path)
    runpath = elf.read_elf(tmp_path / "python").runpath or ()
    assert [entry for _, entry in found] == [e for e in runpath if not e.startswith("$")]


# --- file modes in the .deb ----------------------------------------------------------------------


def test_packaged_modes(deb: ModuleType, tmp_path: Path) -> None:
    """0755: folders, programs and scripts; 0644: libraries (even QtCore, which has an
    interpreter), extension modules and data, whatever mode they came with."""
    files = {
        "folder": None,
        "program": Path(shutil.which("ls") or "/bin/ls"),
        "libQt6Gui.so.6": LIBRARY,
        "libQt6Core.so.6": CORE,
        "module.abi3.so": PLUGIN,
    }
    for name, source in files.items():
        path = tmp_path / name
        if source is None:
            path.mkdir()
        else:
            shutil.copyfile(source, path)
            path.chmod(0o755)
    (tmp_path / "script").write_text("#!/bin/sh\n", encoding="utf-8")
    (tmp_path / "script").chmod(0o755)
    (tmp_path / "data.txt").write_text("#!not a script: not executable\n", encoding="utf-8")
    (tmp_path / "data.txt").chmod(0o600)
    (tmp_path / "link").symlink_to("program")

    deb.normalize_permissions(tmp_path)

    modes = {p.name: oct(p.stat().st_mode & 0o7777) for p in tmp_path.iterdir()
             if not p.is_symlink()}
    assert modes == {"folder": "0o755", "program": "0o755", "script": "0o755",
                     "libQt6Gui.so.6": "0o644", "libQt6Core.so.6": "0o644",
                     "module.abi3.so": "0o644", "data.txt": "0o644"}
