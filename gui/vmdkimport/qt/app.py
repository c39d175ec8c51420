"""``vmdk-import-wizard``: the desktop application.

``--demo`` starts the built-in sandbox cloud in this process and pre-fills the connection, so a
newcomer walks the whole way with no account.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from vmdkimport.core import logsetup, paths

if TYPE_CHECKING:
    from vmdkimport.qt.wizard import ImportWizard
    from vmdkimport.sandbox import Sandbox

#: how long the demo's sandbox cloud takes to "convert" an import: long enough to watch the
#: Status page move, short enough to wait for
DEMO_CONVERSION_SECONDS = 20.0
#: when the fonts are checked for the chosen language: after the window has painted
FONT_CHECK_DELAY_MS = 200


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked: finding the installed version
    (importlib.metadata) costs ~25 ms, which every start would pay for argparse's own action."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from vmdkimport import __version__

        sys.stdout.write(f"{parser.prog} {__version__}\n")  # as argparse's own action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vmdk-import-wizard",
                                     description="VM Image Import Wizard")
    parser.add_argument("--version", action=_VersionAction,
                        help="show the program's version number and exit")
    parser.add_argument("--demo", action="store_true",
                        help="use the built-in sandbox cloud (no account needed)")
    parser.add_argument("--language", choices=["system", "en", "ja"],
                        help="user interface language (default: the Settings choice)")
    parser.add_argument("-v", "--verbose", action="count", default=0)
    parser.add_argument("--self-test", nargs="?", const="-", metavar="REPORT",
                        help="check this installation on the built-in sandbox, offscreen, and "
                             "exit (0 = passed); REPORT also writes the report to that file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = build_parser().parse_known_args(argv)
    if args.self_test:
        from vmdkimport.qt.selftest import main as self_test

        return self_test(args.self_test, qt_args)
    # Qt only now: --help, --version and --self-test's own set-up do not wait for it
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from vmdkimport.qt import crash, i18n, resources
    from vmdkimport.qt.settings import Settings
    from vmdkimport.qt.wizard import ImportWizard

    level = {0: logging.WARNING, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    try:
        logsetup.configure(level, log_file=logsetup.default_log_file())
    except OSError:
        logsetup.configure(level)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        [sys.argv[0], *qt_args])
    app.setApplicationName("VM Image Import Wizard")
    app.setOrganizationName("vmdkimport")
    # No setApplicationVersion: nothing reads it, and the version costs ~25 ms of the start
    # (importlib.metadata); About and the crash report look vmdkimport.__version__ up when shown.
    app.setWindowIcon(resources.app_icon())
    crash.install()
    language = i18n.install(app, args.language
                            or Settings().value("general/language", "system"))
    sandbox = start_demo() if args.demo else None
    wizard = ImportWizard() if sandbox is None else open_demo_wizard(sandbox)
    wizard.show()
    # after the first paint: the font database is not needed for it (see vmdkimport.qt)
    QTimer.singleShot(FONT_CHECK_DELAY_MS, lambda: wizard.check_language_font(language))
    try:
        return int(app.exec())
    finally:
        from vmdkimport.qt.tasks import Task  # loaded by the first task, after the first paint

        Task.shutdown_all()
        if sandbox is not None:
            sandbox.stop()


def start_demo(conversion_seconds: float = DEMO_CONVERSION_SECONDS) -> Sandbox:
    """The sandbox cloud on 127.0.0.1, with objects kept in the user data folder; each import
    "converts" in ``conversion_seconds`` (tests pass a fraction of a second)."""
    from vmdkimport.sandbox import Sandbox, SandboxConfig

    return Sandbox(SandboxConfig(data_dir=paths.data_dir() / "demo-cloud",
                                 conversion_seconds=conversion_seconds)).start()


def use_demo_home() -> Path:
    """Point this process's settings, ledger and upload journals at a folder of the demo's
    own (``<data>/demo/wizard``, next to the CLI demo's ledger in ``<data>/demo``), through
    ``VMDKIMPORT_HOME`` as the tests do. Otherwise a "demo" profile with a 127.0.0.1 address
    that is dead after the demo became the default, and sandbox imports showed in History and
    ``vmdkimport list``. The log stays where it was configured: a demo's log is still useful."""
    home = paths.data_dir() / "demo" / "wizard"
    os.environ["VMDKIMPORT_HOME"] = str(home)
    return home


def open_demo_wizard(sandbox: Sandbox) -> ImportWizard:
    """The wizard on the demo's own settings and ledger, pre-filled for ``sandbox``."""
    from vmdkimport.qt.wizard import ImportWizard

    use_demo_home()
    wizard = ImportWizard()
    prefill_demo(wizard, sandbox)
    return wizard


def prefill_demo(wizard: ImportWizard, sandbox: Sandbox) -> None:
    """Everything a newcomer would have to bring: an account (the sandbox's, signed in by
    itself), a disk (a generated sample) and an OS choice (Ubuntu). They just press Next."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from vmdkimport.core.cloud.profiles import ConnectionProfile
    from vmdkimport.core.plan import PageId
    from vmdkimport.demo import write_demo_vmdk
    from vmdkimport.qt.pages.connection import ConnectionPage
    from vmdkimport.qt.pages.disk import DiskPage

    wizard.setWindowTitle(QCoreApplication.translate(
        "ImportWizard", "%1 — demo (sandbox cloud)").replace("%1", wizard.windowTitle()))
    page = wizard.pages[PageId.CONNECTION]
    assert isinstance(page, ConnectionPage)
    page.fill(ConnectionProfile(name="demo", identity_url=sandbox.identity_url,
                                domain=sandbox.domain, username=sandbox.user,
                                project_name=sandbox.project_name), sandbox.password)
    page.remember.setChecked(False)  # a sandbox password has no place in the user's keyring
    folder = paths.data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    disk = folder / "sample-centos7.vmdk"  # holds a small CentOS 7 guest (demo_guest.py)
    if not disk.exists():
        write_demo_vmdk(disk, capacity=8 * 1024**3)
        with disk.open("ab") as fh:  # some data, so the upload has something to show
            fh.write(os.urandom(24 * 1024 * 1024))
    wizard.plan.os_type = "centos"  # what the guest inspection finds in the sample disk
    disk_page = wizard.pages[PageId.DISK]
    assert isinstance(disk_page, DiskPage)
    disk_page.choose_file(disk)
    QTimer.singleShot(0, page.start_sign_in)


if __name__ == "__main__":
    raise SystemExit(main())
