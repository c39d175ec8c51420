"""Linux, root: the .deb on a clean Debian, as an administrator would install it.

The install test (``install_test.py``) runs on the build host, which has every library the
bundle links: it cannot show that the package's Depends are complete. Here a minimal Debian of
the host's release (``debootstrap --variant=minbase``: no X11, no fonts, no Python) gets the
package with ``apt-get install ./<deb>``, which must bring everything it needs. Then:

1. every ELF file of the installed bundle resolves all its libraries (``ldd``: "not found"
   fails), the xcb and wayland platform plugins included, which the offscreen self-tests do
   not load;
2. both self-tests run from PATH;
3. ``apt-get purge`` removes the package, leaves none of its files, and removes nothing that
   was there before (an earlier package under /opt took base-files' empty /opt with it).

About 45 s, most of it debootstrap. It needs a Debian mirror, like ``apt-get`` itself: the one
this machine's apt already uses (its sources for the host's release), or ``DEBIAN_MIRROR``. No
mirror is written into the repository: a company network, a CI farm or a proxy cache each have
their own, and the machine's configuration is the one that is known to work here.
"""

# ruff: noqa: T201, S603, S607 - a build script prints, and runs debootstrap/chroot

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from install_test import check_purged, deb_paths
from project import CLI, INSTALL_DIR, PACKAGE
from tools import LINUX, BuildError, need

APT_SOURCES = (Path("/etc/apt/sources.list"), Path("/etc/apt/sources.list.d"))


def host_codename(os_release: Path = Path("/etc/os-release")) -> str:
    """The Debian release of the build host (``bookworm``): the package is built for it."""
    for line in os_release.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key == "VERSION_CODENAME" and value.strip('"'):
            return value.strip('"')
    raise BuildError(f"no VERSION_CODENAME in {os_release}: not a Debian host?")


def host_mirror(codename: str, sources: tuple[Path, ...] = APT_SOURCES) -> str:
    """The Debian mirror this machine's apt uses for ``codename`` (not its -security or
    -updates suites), read from one-line ``.list`` files and deb822 ``.sources`` files."""
    files: list[Path] = []
    for source in sources:
        if source.is_dir():
            files += sorted(p for p in source.iterdir() if p.suffix in (".list", ".sources"))
        elif source.is_file():
            files.append(source)
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for uris, suites in _entries(text, deb822=path.suffix == ".sources"):
            if codename in suites and uris:
                return uris[0]
    raise BuildError(f"no apt source for {codename} in {', '.join(map(str, sources))}: set "
                     "DEBIAN_MIRROR to the Debian mirror to use")


def _entries(text: str, *, deb822: bool) -> list[tuple[list[str], list[str]]]:
    """(URIs, suites) of each binary ``deb`` source in an apt sources file."""
    out: list[tuple[list[str], list[str]]] = []
    if deb822:
        for stanza in text.split("\n\n"):
            fields: dict[str, str] = {}
            for line in stanza.splitlines():
                if line.startswith("#") or ":" not in line:
                    continue
                key, _, value = line.partition(":")
                fields[key.strip().lower()] = value.strip()
            if "deb" in fields.get("types", "").split() and fields.get("enabled", "yes") != "no":
                out.append((fields.get("uris", "").split(), fields.get("suites", "").split()))
        return out
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if words[:1] != ["deb"]:
            continue
        words = words[1:]
        if words and words[0].startswith("["):  # options: [arch=amd64 signed-by=...]
            while words and not words[0].endswith("]"):
                words = words[1:]
            words = words[1:]
        if len(words) >= 2:
            out.append(([words[0]], [words[1]]))
    return out


def _chroot(root: Path, script: str, *, check: bool = True) -> subprocess.CompletedProcess[str]:
    """``script`` in bash inside ``root``, with a clean environment and PATH."""
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root", "LANG": "C.UTF-8",
           "DEBIAN_FRONTEND": "noninteractive"}
    result = subprocess.run([need("chroot"), str(root), "bash", "-euo", "pipefail", "-c", script],
                            env=env, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise BuildError(f"in the clean system, `{script.strip()[:200]}` failed "
                         f"({result.returncode}):\n{(result.stdout + result.stderr)[-3000:]}")
    return result


def _top_level(root: Path) -> set[str]:
    """The folders a package could take with it when purged: / and /usr/lib, /usr/share."""
    found = set()
    for folder in (root, root / "usr" / "lib", root / "usr" / "share", root / "usr" / "bin"):
        found |= {str(p.relative_to(root)) for p in folder.iterdir()}
    return found


def clean_machine_test(deb: Path) -> float:
    """debootstrap, apt-get install ./deb, ldd, both self-tests, apt-get purge, checks."""
    if not LINUX or os.geteuid() != 0:
        raise BuildError("--clean-machine-test makes a Debian system with debootstrap: run it "
                         "as root on Linux")
    debootstrap = need("debootstrap")
    started = time.monotonic()
    codename = host_codename()
    mirror = os.environ.get("DEBIAN_MIRROR") or host_mirror(codename)
    work = Path(tempfile.mkdtemp(prefix="vmdkimport-clean-"))
    root = work / "root"
    proc = root / "proc"
    mounted = False
    try:
        print(f"--- debootstrap --variant=minbase {codename} ({mirror})")
        result = subprocess.run([debootstrap, "--variant=minbase", codename, str(root), mirror],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise BuildError(f"debootstrap failed ({result.returncode}); is {mirror} reachable? "
                             f"Set DEBIAN_MIRROR to a mirror that is.\n{result.stdout[-2000:]}"
                             f"{result.stderr[-1000:]}")
        print(f"a minimal {codename} in {time.monotonic() - started:.0f} s")
        subprocess.run(["mount", "-t", "proc", "proc", str(proc)], check=True)
        mounted = True
        before = _top_level(root)
        paths = deb_paths(deb)
        existed = {p for p in paths if os.path.lexists(root / p.lstrip("/"))}
        shutil.copyfile(deb, root / "tmp" / deb.name)  # the chroot's own /tmp
        print(f"--- apt-get install ./{deb.name} (with what it depends on)")
        _chroot(root, f"apt-get update -qq && apt-get install -y -qq --no-install-recommends "
                      f"/tmp/{deb.name}")  # noqa: S108 - the chroot's /tmp, as root
        count = _chroot(root, "dpkg-query -W -f='${Status}\\n' | grep -c 'install ok installed'")
        print(f"installed with its dependencies: {count.stdout.strip()} packages in all")

        missing = _chroot(root, f"find {INSTALL_DIR} -type f \\( -name '*.so*' -o -perm -u+x \\) "
                                f"-exec sh -c 'ldd \"$1\" 2>/dev/null | grep \"not found\" "
                                f"| sed \"s|^|$1: |\"' _ {{}} \\; | sort -u", check=False)
        if missing.stdout.strip():
            raise BuildError("libraries the package does not bring (missing Depends):\n"
                             + missing.stdout.strip()[:3000])
        print(f"every ELF file under {INSTALL_DIR} finds all its libraries (ldd)")

        for command in (f"{CLI} self-test", f"{PACKAGE} --self-test"):
            ran = _chroot(root, f"export HOME=$(mktemp -d) PATH=/usr/bin:/bin; {command}",
                          check=False)
            last = (ran.stdout.strip().splitlines() or ["(no output)"])[-1]
            if ran.returncode != 0:
                raise BuildError(f"{command} on the clean system: {last}\n{ran.stdout[-3000:]}"
                                 f"{ran.stderr[-2000:]}")
            print(f"{command}: {last}")

        print(f"--- apt-get purge {PACKAGE}")
        _chroot(root, f"apt-get purge -y -qq {PACKAGE}")
        check_purged(paths, existed, root)
        gone = sorted(before - _top_level(root))
        if gone:
            raise BuildError("apt-get purge removed what was there before: " + ", ".join(gone))
        print("purged: none of its files is left, and nothing that was there before is gone")
    finally:
        if mounted:
            subprocess.run(["umount", "--lazy", str(proc)], check=False)
        shutil.rmtree(work, ignore_errors=True)
    return time.monotonic() - started
