"""The pure parts of the packaging modules (project, freedesktop, deb, icons, nsis,
bundle_rules), checked with the real validators (desktop-file-validate, appstreamcli, dpkg-deb,
makensis) where they are installed; and that ``python packaging/build.py`` runs from anywhere.

The whole build (PyInstaller, .deb, installer, dpkg -i, self-test, purge) takes about two
minutes and installs a package as root, so it is a CI step (.ci/run), not a test here.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import pytest

import vmdkimport

# --- the version, from pyproject to everything else ----------------------------------------------


def test_version_comes_from_pyproject_and_matches_the_installed_package(
        project: ModuleType) -> None:
    info = project.read_project()
    assert info.name == "vmdk-import-wizard"
    assert info.version == version("vmdk-import-wizard") == vmdkimport.__version__


@pytest.mark.parametrize(("pep440", "debian"), [
    ("0.1.0", "0.1.0"), ("1.0rc1", "1.0~rc1"), ("2.0a1", "2.0~a1"), ("2.0.0b3", "2.0.0~b3"),
    ("1.0.dev3", "1.0~~dev3"), ("1.0a1.dev2", "1.0~a1~~dev2"),
    ("1.0+local.1", "1.0+local.1"),
])
def test_debian_version(project: ModuleType, pep440: str, debian: str) -> None:
    assert project.debian_version(pep440) == debian


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="dpkg is not installed")
@pytest.mark.parametrize(("older", "newer"), [
    ("1.0rc1", "1.0"), ("1.0.dev1", "1.0a1"), ("1.0a1.dev2", "1.0a1"), ("1.0b2", "1.0rc1"),
    ("0.9", "0.10"), ("1.0", "1.0.post1"),
])
def test_debian_versions_sort_as_pep440_does(project: ModuleType, older: str,
                                             newer: str) -> None:
    result = subprocess.run(["dpkg", "--compare-versions", project.debian_version(older),
                             "lt", project.debian_version(newer)], check=False)
    assert result.returncode == 0


@pytest.mark.parametrize(("pep440", "windows"), [
    ("0.1.0", "0.1.0.0"), ("1.2", "1.2.0.0"), ("1.2.3.4.5", "1.2.3.4"), ("1.0rc1", "1.0.0.0"),
    ("2024.07.01", "2024.7.1.0"),
])
def test_windows_version(project: ModuleType, pep440: str, windows: str) -> None:
    assert project.windows_version(pep440) == windows


# --- desktop file, metainfo, control file --------------------------------------------------------


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (desktop-file-utils)")
def test_desktop_file_validates(project: ModuleType, freedesktop: ModuleType,
                                tmp_path: Path) -> None:
    path = tmp_path / f"{project.APP_ID}.desktop"
    path.write_text(freedesktop.desktop_entry(), encoding="utf-8")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not result.stdout.strip(), result.stdout  # not even a hint


def test_desktop_file_names_the_launcher_and_icon(project: ModuleType,
                                                  freedesktop: ModuleType) -> None:
    text = freedesktop.desktop_entry()
    assert f"\nExec={project.PACKAGE}\n" in text
    assert f"\nIcon={project.APP_ID}\n" in text
    assert "\nName[ja]=" in text


def test_metainfo_carries_the_version(project: ModuleType, freedesktop: ModuleType) -> None:
    info = project.read_project()
    root = ET.fromstring(freedesktop.metainfo(info, "2026-01-02"))  # noqa: S314 - ours
    assert root.findtext("id") == project.APP_ID
    release = root.find("releases/release")
    assert release is not None
    assert release.get("version") == info.version
    assert release.get("date") == "2026-01-02"
    assert root.findtext("launchable") == f"{project.APP_ID}.desktop"


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is not installed (appstream)")
def test_metainfo_validates(project: ModuleType, freedesktop: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / f"{project.APP_ID}.metainfo.xml"
    path.write_text(freedesktop.metainfo(project.read_project(), "2026-01-02"),
                    encoding="utf-8")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_control_file(project: ModuleType, deb: ModuleType) -> None:
    info = project.read_project()
    text = deb.control_file(info, arch="amd64", installed_kib=1234,
                            depends=["libc6 (>= 2.34)", "libx11-6"])
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    assert fields["Package"] == "vmdk-import-wizard"
    assert fields["Version"] == info.deb_version
    assert fields["Installed-Size"] == "1234"
    assert fields["Depends"] == "libc6 (>= 2.34), libx11-6"
    assert len(fields["Description"]) < 80
    assert all(len(line) <= 80 for line in text.splitlines() if line.startswith(" "))


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed")
def test_control_file_builds_and_reads_back(project: ModuleType, deb: ModuleType,
                                            tmp_path: Path) -> None:
    """dpkg-deb parses what we write (a field or continuation-line mistake fails here)."""
    info = project.read_project()
    root = tmp_path / "root"
    (root / "DEBIAN").mkdir(parents=True)
    (root / "DEBIAN" / "control").write_text(
        deb.control_file(info, arch="all", installed_kib=1, depends=["libc6"]),
        encoding="utf-8")
    package = tmp_path / "x.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(root), str(package)],
                   check=True, capture_output=True)
    shown = subprocess.run(["dpkg-deb", "-f", str(package), "Version", "Depends"], check=True,
                           capture_output=True, text=True).stdout
    assert shown.splitlines() == [f"Version: {info.deb_version}", "Depends: libc6"]


def test_parse_shlibdeps(deb: ModuleType) -> None:
    out = "shlibs:Depends=libc6 (>= 2.34), libx11-6, libxcb1 (>= 1.8)\n"
    assert deb.parse_shlibdeps(out) == ["libc6 (>= 2.34)", "libx11-6", "libxcb1 (>= 1.8)"]
    assert deb.parse_shlibdeps("nothing") == []


# --- the Windows icon and installer --------------------------------------------------------------


def test_ico_bytes_layout(icons: ModuleType) -> None:
    red = bytes([0, 0, 255, 255]) * 16 * 16  # BGRA
    blue = bytes([255, 0, 0, 128]) * 32 * 32
    data = icons.ico_bytes([(16, red), (32, blue)])
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 2)
    for index, size in enumerate((16, 32)):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index)
        assert (width, height, planes, bits) == (size, size, 1, 32)
        header = struct.unpack_from("<IiiHH", data, offset)
        assert header == (40, size, size * 2, 1, 32)
        assert offset + length <= len(data)
    with pytest.raises(ValueError, match="16x16 needs"):
        icons.ico_bytes([(16, b"short")])


def test_ico_is_read_by_qt(project: ModuleType, icons: ModuleType, tmp_path: Path,
                           qapp: object) -> None:
    """The icon the executables and the installer get, from the SVG, readable as an .ico."""
    from PySide6.QtGui import QImage, QImageReader

    if b"ico" not in {bytes(f.data()) for f in QImageReader.supportedImageFormats()}:
        pytest.skip("Qt has no ico image format plugin here")
    ico = icons.render_ico(project.SVG_ICON, tmp_path / "app.ico", (16, 48))
    image = QImage()
    assert image.loadFromData(ico.read_bytes(), "ICO")
    assert image.width() in (16, 48)
    assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() > 0


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis is not installed (nsis)")
def test_installer_script_compiles(project: ModuleType, icons: ModuleType,
                                   tmp_path: Path) -> None:
    """installer.nsi against a two-file bundle: the script, both languages and the defines."""
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "vmdk-import-wizard.exe").write_bytes(b"MZ")
    (bundle / "_internal" / "data.txt").write_text("x", encoding="utf-8")
    notices = bundle / "_internal" / "THIRD-PARTY-NOTICES.txt"
    notices.write_text("notices\n", encoding="utf-8")
    icon = icons.ico_bytes([(16, bytes(16 * 16 * 4))])
    (tmp_path / "app.ico").write_bytes(icon)
    out = tmp_path / "setup.exe"
    common = ["makensis", "-V2", "-INPUTCHARSET", "UTF8", f"-DBUNDLE_DIR={bundle}",
              f"-DICON={tmp_path / 'app.ico'}", f"-DOUTFILE={out}"]
    result = subprocess.run([*common, "-DVERSION=1.2.3", "-DVERSION4=1.2.3.0",
                             str(project.NSIS_SCRIPT)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"
    missing = subprocess.run([*common, str(project.NSIS_SCRIPT)], capture_output=True,
                             text=True, check=False)
    assert missing.returncode != 0
    assert "VERSION is not defined" in missing.stdout + missing.stderr
    notices.unlink()  # a bundle without the third-party notices is not installed
    unnoticed = subprocess.run([*common, "-DVERSION=1.2.3", "-DVERSION4=1.2.3.0",
                                str(project.NSIS_SCRIPT)], capture_output=True, text=True,
                               check=False)
    assert unnoticed.returncode != 0
    assert "THIRD-PARTY-NOTICES.txt is missing" in unnoticed.stdout + unnoticed.stderr


# --- what the bundle keeps ---------------------------------------------------------------------


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("PySide6/Qt/lib/libQt6Svg.so.6", True),
    ("PySide6/Qt/lib/libQt6XcbQpa.so.6", True),
    ("PySide6/Qt/lib/libicudata.so.73", True),  # ICU: not a Qt module, Qt Core needs it
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/translations/qtbase_ja.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qt_help_ja.qm", False),
    ("PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so", False),
    # Windows wheels: DLLs next to the modules, plugins and translations below PySide6/
    ("PySide6/Qt6Widgets.dll", True),
    ("PySide6/Qt6Quick.dll", False),
    ("PySide6/opengl32sw.dll", False),
    ("PySide6/d3dcompiler_47.dll", False),
    ("PySide6/pyside6.abi3.dll", True),
    ("PySide6/msvcp140.dll", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6\\translations\\qtbase_ja.qm", True),
    # everything that is not Qt stays
    ("PySide6/QtCore.abi3.so", True),
    ("vmdkimport/qt/translations/vmdkimport_ja.qm", True),
    ("certifi/cacert.pem", True),
])
def test_qt_keep_lists(bundle_rules: ModuleType, dest: str, kept: bool) -> None:
    assert bundle_rules.keep(dest) is kept


def test_used_qt_modules_are_not_excluded(bundle_rules: ModuleType) -> None:
    """Every PySide6 module the package imports is kept (a new import needs a new entry)."""
    import re

    source = Path(vmdkimport.__file__).parent
    used = {m for p in source.rglob("*.py")
            for m in re.findall(r"PySide6\.(Qt\w+)", p.read_text(encoding="utf-8"))}
    assert used, "found no PySide6 imports: the scan is broken"
    assert used <= set(bundle_rules.QT_PYTHON_USED)
    excluded = {m.removeprefix("PySide6.") for m in bundle_rules.QT_PYTHON_EXCLUDES}
    assert not used & excluded


@pytest.mark.parametrize(("dest", "source", "system"), [
    ("libX11.so.6", "/usr/lib/x86_64-linux-gnu/libX11.so.6", True),
    ("libssl.so.3", "/lib/x86_64-linux-gnu/libssl.so.3", True),
    ("libpython3.11.so.1.0", "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", False),
    ("libpython3.11.so.1.0", "/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0", False),
    ("libicudata.so.73", "/site-packages/PySide6/Qt/lib/libicudata.so.73", False),
    ("python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
     "/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", False),
])
def test_system_libraries(bundle_rules: ModuleType, dest: str, source: str,
                          system: bool) -> None:
    assert bundle_rules.system_library(dest, source) is system


# --- the command ---------------------------------------------------------------------------------


@pytest.mark.parametrize("flags", [[], ["-P"]], ids=["python", "python -P"])
def test_build_script_runs_from_any_folder(build_script: ModuleType, tmp_path: Path,
                                           flags: list[str]) -> None:
    """``python packaging/build.py`` finds the modules next to it from any working folder,
    even when Python does not put the script's folder on sys.path (``-P``)."""
    import sys

    assert build_script.__file__ is not None
    result = subprocess.run([sys.executable, *flags, build_script.__file__, "--help"],
                            cwd=tmp_path, capture_output=True, text=True, check=False,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "--install-test" in result.stdout
    assert "--lintian" in result.stdout
