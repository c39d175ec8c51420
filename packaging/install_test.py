"""Linux, root: install the .deb with dpkg for real, run both smoke tests from PATH in a
throw-away HOME, purge it, and check that nothing it installed, or the app wrote, is left."""

# ruff: noqa: T201, S603, S607 - a build script prints, and runs dpkg

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bundle import smoke_test
from project import CLI, INSTALL_DIR, PACKAGE
from tools import LINUX, BuildError, run


def deb_paths(deb: Path) -> list[str]:
    """The absolute paths a .deb installs (files, links and folders)."""
    out = run(["dpkg-deb", "-c", deb], quiet=True).stdout
    paths = []
    for line in out.splitlines():
        name = line.split(None, 5)[-1].split(" -> ")[0]
        name = "/" + name.lstrip("./").rstrip("/")
        if name != "/":
            paths.append(name)
    return paths


def check_purged(paths: list[str], existed: set[str], root: Path = Path("/")) -> None:
    """After a purge under ``root``: none of the package's ``paths`` that it created is left,
    and none of those that ``existed`` before the install is gone (a package that ships a
    folder takes it with it when it is empty then)."""
    def there(path: str) -> bool:
        return os.path.lexists(root / path.lstrip("/"))

    left = sorted(p for p in paths if p not in existed and there(p))
    if left:
        raise BuildError("left behind after the purge: " + ", ".join(left[:20]))
    gone = sorted(p for p in existed if not there(p))
    if gone:
        raise BuildError("the purge removed what existed before the install: "
                         + ", ".join(gone[:20]))


def installed(package: str) -> bool:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True,
                            text=True, check=False)
    return result.returncode == 0 and "installed" in result.stdout and \
        "not-installed" not in result.stdout


def install_test(deb: Path) -> float:
    """dpkg -i, both smoke tests from PATH with a throw-away HOME, dpkg --purge, then check that
    nothing the package installed, and nothing of the app in that HOME, is left."""
    if not LINUX or os.geteuid() != 0:
        raise BuildError("--install-test installs a .deb: run it as root on Linux")
    if installed(PACKAGE):
        raise BuildError(f"{PACKAGE} is already installed, and the test would remove it: "
                         f"dpkg --purge {PACKAGE} first")
    started = time.monotonic()
    paths = deb_paths(deb)
    existed = {p for p in paths if os.path.lexists(p)}
    tmp_before = set(os.listdir(tempfile.gettempdir()))
    print(f"--- dpkg -i {deb.name}")
    run(["dpkg", "-i", deb])
    try:
        missing = [p for p in paths if not os.path.lexists(p)]
        if missing:
            raise BuildError("installed, but missing: " + ", ".join(missing[:20]))
        shown = [p for p in paths if p.startswith(("/usr/bin/", "/usr/share/applications/",
                                                    "/usr/share/icons/", "/usr/share/metainfo/"))
                 and not os.path.isdir(p)]
        print("installed: " + INSTALL_DIR + "/ and " + ", ".join(shown))
        verify = subprocess.run(["dpkg", "--verify", PACKAGE], capture_output=True, text=True,
                                check=False)
        if verify.returncode != 0 or verify.stdout.strip():
            raise BuildError("dpkg --verify (the installed files against DEBIAN/md5sums): "
                             + (verify.stdout + verify.stderr).strip()[:1000])
        print("dpkg --verify: every installed file matches its md5sum")
        with tempfile.TemporaryDirectory(prefix="vmdkimport-home-") as home:
            env = {k: v for k, v in os.environ.items()
                   if not k.startswith(("XDG_", "VMDKIMPORT_", "QT_QPA_"))}
            # Not the caller's PATH: a pyenv shim or a pip-installed copy in /usr/local/bin
            # would run instead of the package's launchers (and the test would prove nothing).
            env.update(HOME=home, PATH="/usr/bin:/bin")
            gui = shutil.which(PACKAGE, path=env["PATH"])
            cli = shutil.which(CLI, path=env["PATH"])
            if gui is None or cli is None:
                raise BuildError(f"the launchers {PACKAGE} and {CLI} are not on PATH")
            for launcher in (gui, cli):
                if not os.path.realpath(launcher).startswith(INSTALL_DIR + "/"):
                    raise BuildError(f"{launcher} is not the package's launcher: it leads to "
                                     f"{os.path.realpath(launcher)}, not into {INSTALL_DIR}")
            print(f"launchers on PATH: {gui} -> {os.path.realpath(gui)}, "
                  f"{cli} -> {os.path.realpath(cli)}")
            smoke_test(Path(gui).parent, env=env, gui=Path(gui), cli=Path(cli))
            ours = [str(p) for p in Path(home).rglob("*") if "vmdkimport" in p.name.lower()]
            if ours:
                raise BuildError("the self-test wrote into the user's home: " + ", ".join(ours))
            print(f"nothing of the app written to HOME ({home})")
    finally:
        print(f"--- dpkg --purge {PACKAGE}")
        run(["dpkg", "--purge", PACKAGE])
    check_purged(paths, existed)
    if installed(PACKAGE):
        raise BuildError(f"dpkg still lists {PACKAGE} after --purge")
    listing = subprocess.run(["dpkg", "-L", PACKAGE], capture_output=True, text=True,
                             check=False)
    if listing.returncode == 0:
        raise BuildError(f"dpkg -L still knows {PACKAGE}")
    leaked = sorted(n for n in set(os.listdir(tempfile.gettempdir())) - tmp_before
                    if n.startswith("vmdkimport-selftest-"))
    if leaked:
        raise BuildError(f"temporary files left in {tempfile.gettempdir()}: {', '.join(leaked)}")
    new_paths = len([p for p in paths if p not in existed])
    said = (listing.stderr.strip() or listing.stdout.strip()).splitlines()
    print(f"nothing left behind: none of the {new_paths} paths the package created exists; "
          f"dpkg -L {PACKAGE}: {said[0] if said else '(nothing)'}")
    return time.monotonic() - started
