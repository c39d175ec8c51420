"""PyInstaller's own hook for PySide6.QtCore, with the plugins and translations filtered by the
keep lists of packaging/bundle_rules.py (see there why)."""

import bundle_rules  # on sys.path: the spec puts packaging/ there
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = bundle_rules.filter_hook_files(binaries)
datas = bundle_rules.filter_hook_files(datas)
