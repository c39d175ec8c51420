"""What the tool writes is private to the user: folders 0700, files 0600, whatever the umask.

The ledger names images and projects and the log names hosts and request ids: as ssh does for
``~/.ssh``, nothing of it is readable by other local users. POSIX only (on Windows the user
profile's ACL already keeps them private).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from vmdkimport.core import logsetup, paths
from vmdkimport.core.register.ledger import Ledger

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _modes(root: Path) -> dict[str, str]:
    found = {}
    for path in [root, *root.rglob("*")]:
        found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def _not_private(root: Path, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    wrong = {}
    for name, mode in _modes(root).items():
        if any(part in skip for part in Path(name).parts):
            continue
        want = oct(0o700) if (root / name).is_dir() else oct(0o600)
        if mode != want:
            wrong[name] = mode
    return wrong


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.slow
def test_a_real_demo_run_leaves_only_private_files(tmp_path: Path) -> None:
    """`vmdkimport --demo` under umask 022: log, ledger (and its WAL files), every folder."""
    home = tmp_path / "home"
    env = {**os.environ, "VMDKIMPORT_HOME": str(home)}
    code = "import os, sys; os.umask(0o022); from vmdkimport.cli import main; sys.exit(main())"
    done = subprocess.run([sys.executable, "-c", code, "--demo"], env=env, timeout=300,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    modes = _modes(home)
    assert "logs/vmdkimport.log" in modes, modes
    assert "data/demo/ledger.sqlite3" in modes, modes
    assert any(name.startswith("data/uploads/") for name in modes), modes  # the journal too
    assert _not_private(home) == {}


def test_ledger_and_its_wal_files_are_private(tmp_path: Path, umask_022: None) -> None:
    ledger = Ledger(tmp_path / "new" / "l.sqlite3")
    ledger.begin_submission(body={"name": "n", "location": "l"}, region=None, import_url=None,
                            project_id=None)
    files = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in (tmp_path / "new").iterdir()}
    assert "l.sqlite3" in files
    assert set(files.values()) == {oct(0o600)}, files
    assert oct(stat.S_IMODE((tmp_path / "new").stat().st_mode)) == oct(0o700)


def test_a_ledger_left_readable_by_an_earlier_version_is_tightened(tmp_path: Path,
                                                                   umask_022: None) -> None:
    path = tmp_path / "l.sqlite3"
    Ledger(path)
    os.chmod(path, 0o644)
    Ledger(path)
    assert oct(stat.S_IMODE(path.stat().st_mode)) == oct(0o600)


def test_our_folders_are_created_and_tightened_private(isolated_home: Path,
                                                       umask_022: None) -> None:
    for folder in (paths.data_dir(), paths.config_dir(), paths.log_dir()):
        assert oct(stat.S_IMODE(folder.stat().st_mode)) == oct(0o700), folder
    os.chmod(paths.data_dir(), 0o755)  # noqa: S103 (as versions before this one left it)
    assert oct(stat.S_IMODE(paths.data_dir().stat().st_mode)) == oct(0o700)


def test_a_home_the_user_named_is_not_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              umask_022: None) -> None:
    home = tmp_path / "shared"
    home.mkdir(mode=0o755)
    monkeypatch.setenv("VMDKIMPORT_HOME", str(home))
    assert oct(stat.S_IMODE(paths.data_dir().stat().st_mode)) == oct(0o700)
    assert oct(stat.S_IMODE(home.stat().st_mode)) == oct(0o755)


def test_the_log_file_and_its_rotations_are_private(tmp_path: Path, umask_022: None) -> None:
    log_file = tmp_path / "logs" / "t.log"
    log_file.parent.mkdir()
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        logsetup.configure(logging.CRITICAL, log_file=log_file)
        handler = next(h for h in root.handlers if h not in before
                       and isinstance(h, logging.FileHandler)
                       and h.baseFilename == str(log_file))
        logging.getLogger("t").warning("first")
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()
        logging.getLogger("t").warning("second")
        handler.flush()
    finally:
        for h in list(root.handlers):
            if h not in before:
                root.removeHandler(h)
                h.close()
    written = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in log_file.parent.iterdir()}
    assert set(written) == {"t.log", "t.log.1"}
    assert set(written.values()) == {oct(0o600)}, written


def test_private_file_for_a_file_someone_else_wrote(tmp_path: Path, umask_022: None) -> None:
    """What the wizard calls after QSettings wrote its file (Qt creates it 0644)."""
    ini = tmp_path / "wizard.ini"
    ini.write_text("[a]\nb=1\n")
    paths.private_file(ini)
    assert oct(stat.S_IMODE(ini.stat().st_mode)) == oct(0o600)
    assert ini.read_text() == "[a]\nb=1\n"
