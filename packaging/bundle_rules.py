"""Which Qt files the bundle keeps: the rules of ``vmdkimport.spec``, kept here to be tested.

PySide6-Essentials ships far more than the wizard uses (QtQuick/QML, Pdf, Designer, Wayland
compositor, SQL drivers, ...). PyInstaller collects a Qt module's libraries, plugins and
translations when its Python module is imported, plus every plugin type of QtGui, and then
follows the plugins' link-time dependencies. So two things keep the bundle small:

* the Python modules of PySide6 we do not import are excluded (:data:`QT_PYTHON_EXCLUDES`);
* the Qt shared libraries, plugins and translations left over are filtered by **keep lists**
  (:func:`keep`), so a new Qt release adding modules does not grow the bundle unnoticed.

What the wizard uses (``grep -rhoE "PySide6\\.Qt[A-Za-z]+" gui/vmdkimport``): QtCore, QtGui and
QtWidgets. QtSvg (the library) is needed by the SVG icon engine and image format plugins that
render the application icon; QtDBus by the xcb/wayland platform plugins (and the portal theme
and input contexts). QtNetwork is not used (HTTP is requests/urllib3 with certifi and
truststore), so Qt's ``tls`` plugins are not needed either.

Paths are the bundle-relative destination names PyInstaller uses, with ``/`` separators:
``PySide6/Qt/lib/libQt6Core.so.6`` and ``PySide6/Qt/plugins/...`` on Linux,
``PySide6/Qt6Core.dll`` and ``PySide6/plugins/...`` on Windows.
"""

from __future__ import annotations

import fnmatch
import re

# The PySide6 modules we import; every other PySide6 Python module is excluded.
QT_PYTHON_USED = ("QtCore", "QtGui", "QtWidgets")
QT_PYTHON_ALL = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDBus", "QtDataVisualization",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit",
    "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc",
    "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport",
    "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtXml",
)
QT_PYTHON_EXCLUDES = tuple(f"PySide6.{name}" for name in QT_PYTHON_ALL
                           if name not in QT_PYTHON_USED)
# Not Qt, but never used at run time and dragged in by optional or build-time imports of
# dependencies (cffi's distutils shim pulls in setuptools, pkg_resources and pyparsing;
# jeepney's trio/asyncio integrations pull in trio; secretstorage uses jeepney.io.blocking).
OTHER_PYTHON_EXCLUDES = (
    "tkinter", "_tkinter", "PyInstaller", "pytest", "IPython", "numpy",
    "setuptools", "pkg_resources", "distutils", "pyparsing", "jinja2",
    "trio", "jeepney.io.trio", "jeepney.io.asyncio", "jeepney.io.tests", "jeepney.tests",
)

# Qt shared libraries kept (module part of the name, e.g. "Core" for libQt6Core.so.6 and
# Qt6Core.dll). XcbQpa is the xcb platform plugin's library; WaylandClient the wayland one's.
QT_LIBRARIES = ("Core", "Gui", "Widgets", "Svg", "DBus", "XcbQpa", "WaylandClient")

# Plugins kept, by folder; names without the "lib" prefix and the extension. Each entry is a
# regular expression matched against the whole name.
QT_PLUGINS: dict[str, tuple[str, ...]] = {
    # xcb (X11 and XWayland), wayland (native Wayland sessions), offscreen (the self-test,
    # screenshots), minimal; windows on Windows. Not: eglfs, linuxfb, vnc, vkkhrdisplay.
    "platforms": ("qxcb", "qwayland.*", "qoffscreen", "qminimal", "qwindows"),
    "xcbglintegrations": ("qxcb-egl-integration", "qxcb-glx-integration"),
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-decoration-client": ("bradient", "adwaita"),
    # Not wayland-graphics-integration-client: OpenGL windows only (they need QtOpenGL); the
    # wizard's widgets are drawn in shared memory.
    # The icons are SVG (and PNG, built into QtGui); ico for Windows. No photos: no JPEG, GIF.
    "iconengines": ("qsvgicon",),
    "imageformats": ("qsvg", "qico"),
    # Compose keys and IBus (Japanese input); not the virtual keyboard (it needs QtQuick).
    "platforminputcontexts": ("composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"),
    # The desktop portal; not gtk3 (it would make GTK 3 a dependency of the package).
    "platformthemes": ("qxdgdesktopportal",),
    # Windows 11 / Vista styles on Windows (Fusion is built in everywhere).
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle"),
}

# Qt's own translations kept: the wizard speaks English (built in) and Japanese, and loads
# qtbase_<lang>.qm for Qt's standard buttons (vmdkimport.qt.i18n).
QT_TRANSLATIONS = ("qtbase_ja",)

# Windows: PySide6's software OpenGL renderer (opengl32sw.dll, ~20 MB) and ANGLE, which
# PyInstaller adds for any PySide6 program: only OpenGL windows need them.
QT_DROPPED_EXTRAS = ("opengl32sw.dll", "libEGL.dll", "libGLESv2.dll", "d3dcompiler_*.dll")

_QT_LIB = re.compile(r"^(?:lib)?Qt6(?P<module>[A-Za-z0-9]+)(?:\.so(?:\.\d+)*|\.dll)$")
_PLUGIN_EXT = re.compile(r"\.(so|dll|dylib)$")


def qt_part(dest: str) -> tuple[str, str] | None:
    """Classify a bundle path: ("lib"|"plugin"|"translation"|"qml"|"extra", detail) for files
    of PySide6's Qt, None for anything else (our files, Python, PySide6's own modules)."""
    path = dest.replace("\\", "/")
    if not path.startswith("PySide6/"):
        return None
    rest = path[len("PySide6/"):]
    if rest.startswith("Qt/"):  # Linux and macOS wheels: PySide6/Qt/{lib,plugins,...}
        rest = rest[len("Qt/"):]
        if rest.startswith("lib/"):
            rest = rest[len("lib/"):]
    parts = rest.split("/")
    if parts[0] == "plugins" and len(parts) >= 3:
        return "plugin", "/".join(parts[1:])
    if parts[0] == "translations" and len(parts) == 2:
        return "translation", parts[1]
    if parts[0] == "qml":
        return "qml", "/".join(parts[1:])
    if len(parts) == 1 and _QT_LIB.match(parts[0]):
        return "lib", parts[0]
    if len(parts) == 1 and parts[0].lower().endswith(".dll"):
        return "extra", parts[0]
    return None


def keep(dest: str) -> bool:
    """Whether the bundle keeps the file at ``dest`` (see the module docstring)."""
    part = qt_part(dest)
    if part is None:
        return True
    kind, detail = part
    if kind == "lib":
        match = _QT_LIB.match(detail)
        return match is not None and match.group("module") in QT_LIBRARIES
    if kind == "plugin":
        folder, _, name = detail.rpartition("/")
        stem = _PLUGIN_EXT.sub("", name)
        stem = stem[3:] if stem.startswith("lib") else stem
        return any(re.fullmatch(rule, stem) for rule in QT_PLUGINS.get(folder, ()))
    if kind == "translation":
        return detail.removesuffix(".qm") in QT_TRANSLATIONS
    if kind == "extra":  # Windows DLLs next to PySide6's modules (runtime, ICU, OpenGL)
        return not any(fnmatch.fnmatch(detail.lower(), pattern.lower())
                       for pattern in QT_DROPPED_EXTRAS)
    return False  # qml: no QtQuick here




# --- Linux: system libraries come from the distribution ---------------------------------------
# The .deb declares the Debian packages that own them as dependencies instead of carrying
# copies in the bundle: OpenSSL, X11/xcb, fontconfig, glib, ... then get Debian's security
# updates, and the bundle is ~19 MB smaller. Python itself (libpython) is always bundled.
SYSTEM_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")
_SHARED_LIBRARY = re.compile(r"^lib[^/]+\.so(\.\d+)*$")


def system_library(dest: str, source: str) -> bool:
    """A shared library that the build host's distribution installed, collected only because
    something links it: a top-level ``lib*.so*`` from a system library folder, not libpython.
    (Python's own extension modules live in lib-dynload or in packages: never matched.)"""
    path = dest.replace("\\", "/")
    return ("/" not in path and bool(_SHARED_LIBRARY.match(path))
            and not path.startswith("libpython")
            and source.startswith(SYSTEM_LIBRARY_DIRS))

# What the filters dropped in this build (bundle path -> bytes), for the build's size report.
DROPPED: dict[str, int] = {}


def filter_hook_files(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A Qt hook's ``(source, destination folder)`` list, minus what :func:`keep` refuses.

    Used by ``packaging/hooks``: dropping a plugin there, before PyInstaller analyses its
    link-time dependencies, also keeps out the libraries only it needs (GTK 3 for the gtk3
    theme, QtQuick for the virtual keyboard, ...).
    """
    import os

    kept = []
    for source, folder in entries:
        dest = f"{folder}/{os.path.basename(source)}".replace("\\", "/")
        if keep(dest):
            kept.append((source, folder))
        else:
            DROPPED[dest] = os.path.getsize(source) if os.path.exists(source) else 0
    return kept
