"""What the .deb carries besides the bundle: the Debian changelog, copyright, md5sums, manual
pages and lintian overrides; and how lintian's output is read. Checked with Debian's own tools
(dpkg-parsechangelog, groff via man, lintian) where they are installed."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from vmdkimport import cli

# --- changelog, copyright, md5sums ---------------------------------------------------------------


def test_changelog_entry(project: ModuleType, deb: ModuleType) -> None:
    info = project.read_project()
    text = deb.debian_changelog(info, "2026-03-04")
    first, *_, last = text.splitlines()
    assert first == f"vmdk-import-wizard ({info.deb_version}) unstable; urgency=medium"
    assert last == f" -- {info.maintainer}  Wed, 04 Mar 2026 00:00:00 +0000"


@pytest.mark.skipif(shutil.which("dpkg-parsechangelog") is None,
                    reason="dpkg-parsechangelog is not installed (dpkg-dev)")
def test_changelog_parses(project: ModuleType, deb: ModuleType, tmp_path: Path) -> None:
    info = project.read_project()
    path = tmp_path / "changelog"
    path.write_text(deb.debian_changelog(info, "2026-03-04"), encoding="utf-8")
    out = subprocess.run(["dpkg-parsechangelog", "-l", str(path)], capture_output=True,
                         text=True, check=True).stdout
    fields = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line
                  and not line.startswith(" "))
    assert fields["Source"] == "vmdk-import-wizard"
    assert fields["Version"] == info.deb_version
    assert fields["Date"] == "Wed, 04 Mar 2026 00:00:00 +0000"


def test_gzip_is_reproducible(deb: ModuleType) -> None:
    """``gzip -9n``: no name, no time stamp: the same bytes every time."""
    data = deb.gzip_reproducible(b"hello\n" * 100)
    assert data == deb.gzip_reproducible(b"hello\n" * 100)
    assert gzip.decompress(data) == b"hello\n" * 100
    flags, mtime, extra = data[3], int.from_bytes(data[4:8], "little"), data[8]
    assert flags == 0  # no FNAME, no comment
    assert mtime == 0
    assert extra == 2  # best compression


def test_copyright_has_a_notice(project: ModuleType, deb: ModuleType) -> None:
    info = project.read_project()
    text = deb.copyright_file(info, "2026-03-04")
    assert f"\nCopyright: 2026 {info.author}\n" in text
    assert f"\nLicense: {info.license}\n" in text
    assert Path(f"/usr/share/common-licenses/{info.license}").name == info.license


def test_md5sums(deb: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "DEBIAN").mkdir()
    (tmp_path / "DEBIAN" / "control").write_text("x", encoding="utf-8")
    (tmp_path / "usr" / "bin").mkdir(parents=True)
    (tmp_path / "usr" / "bin" / "tool").write_bytes(b"abc")
    (tmp_path / "usr" / "bin" / "link").symlink_to("tool")
    digest = hashlib.md5(b"abc", usedforsecurity=False).hexdigest()
    assert deb.md5sums(tmp_path) == f"{digest}  usr/bin/tool\n"


# --- manual pages --------------------------------------------------------------------------------


def test_subcommands_are_read_from_the_help(manpages: ModuleType) -> None:
    parser = argparse.ArgumentParser(prog="tool")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("login", help="sign in")
    sub.add_parser("self-test", help="a long help text " * 5)
    assert manpages.subcommands(parser.format_help()) == ["login", "self-test"]
    assert manpages.subcommands("usage: tool [-h]\n") == []
    real = manpages.subcommands(cli.build_parser().format_help())
    assert {"login", "upload", "register", "status", "self-test"} <= set(real)


def test_roff_escape(manpages: ModuleType) -> None:
    assert manpages.roff_escape("--help") == "\\-\\-help"
    assert manpages.roff_escape(".vmdk files") == "\\&.vmdk files"
    assert manpages.roff_escape("'quoted'") == "\\&'quoted'"
    assert manpages.roff_escape("a\\b") == "a\\eb"
    assert manpages.roff_escape("FJcloud-O", literal=False) == "FJcloud-O"


@pytest.mark.skipif(shutil.which("man") is None, reason="man is not installed (man-db)")
def test_manpage_renders_without_warnings(manpages: ModuleType, tmp_path: Path) -> None:
    """As lintian checks pages: man --warnings, and groff must not complain."""
    parser = cli.build_parser()
    page = manpages.manpage(
        "vmdkimport", "import VMware disks from a terminal", version="1.0", package="p",
        date="2026-03-04", description=parser.format_help(),
        commands=[("vmdkimport login", ".starts with a dot\n'and a quote\n\\ backslash\n")],
        see_also=["vmdk-import-wizard"])
    path = tmp_path / "vmdkimport.1"
    path.write_text(page, encoding="utf-8")
    result = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z",
                             str(path)], capture_output=True, text=True, check=False,
                            env={"LC_ALL": "C.UTF-8", "MANWIDTH": "80", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert not result.stderr.strip(), result.stderr
    shown = subprocess.run(["man", "-l", str(path)], capture_output=True, text=True, check=True,
                           env={"LC_ALL": "C.UTF-8", "MANWIDTH": "80",
                                "PATH": "/usr/bin:/bin"}).stdout
    assert "--ledger FILE" in shown
    assert ".starts with a dot" in shown
    assert "vmdk-import-wizard(1)" in shown


# --- lintian -------------------------------------------------------------------------------------

LINTIAN_OUTPUT = """\
E: vmdk-import-wizard: custom-library-search-path RUNPATH /root/lib [opt/x/_internal/a.so]
W: vmdk-import-wizard: copyright-without-copyright-notice
I: vmdk-import-wizard: unused-override hardening-no-pie [opt/x/old]
O: vmdk-import-wizard: dir-or-file-in-opt [opt/x/]
O: vmdk-import-wizard: dir-or-file-in-opt [opt/x/y]
N: A self-contained third-party application: the whole bundle lives in
N: /opt/vmdk-import-wizard
E: vmdk-import-wizard source: something-else
"""


def test_lintian_output_is_read(lintian: ModuleType) -> None:
    tags = lintian.parse(LINTIAN_OUTPUT)
    assert [(t.code, t.tag) for t in tags] == [
        ("E", "custom-library-search-path"), ("W", "copyright-without-copyright-notice"),
        ("I", "unused-override"), ("O", "dir-or-file-in-opt"), ("O", "dir-or-file-in-opt"),
        ("E", "something-else")]
    assert tags[0].context == "RUNPATH /root/lib [opt/x/_internal/a.so]"
    summary = lintian.LintianResult(tags, 1.0).summary()
    assert summary == ["error: 2 (custom-library-search-path 1, something-else 1)",
                       "warning: 1 (copyright-without-copyright-notice 1)",
                       "info: 1 (unused-override 1)",
                       "overridden: 2 (dir-or-file-in-opt 2)"]


def test_every_override_says_why(project: ModuleType) -> None:
    """Each override names the package and follows a comment (lintian shows it with the tag)."""
    lines = project.LINTIAN_OVERRIDES.read_text(encoding="utf-8").splitlines()
    previous = ""
    for line in lines:
        if line and not line.startswith("#"):
            assert line.startswith(f"{project.PACKAGE}: "), line
            assert previous.startswith("#") or previous.startswith(f"{project.PACKAGE}: "), line
        previous = line
    assert sum(1 for line in lines if line.startswith(project.PACKAGE)) >= 5


@pytest.mark.skipif(shutil.which("lintian") is None or shutil.which("dpkg-deb") is None
                    or shutil.which("gcc") is None,
                    reason="lintian, dpkg-deb or gcc is not installed")
def test_lintian_applies_the_overrides(project: ModuleType, deb: ModuleType,
                                       lintian: ModuleType, tmp_path: Path) -> None:
    """A small package shaped like ours: the overrides file is read (no malformed-override),
    and its pattern for the bundle's libraries matches a library where ours are."""
    root = tmp_path / "root"
    app = root / project.INSTALL_DIR.lstrip("/") / "_internal"
    app.mkdir(parents=True)
    source = tmp_path / "x.c"
    source.write_text("int x(void) { return 1; }\n", encoding="utf-8")
    # a library that needs no other library, as CPython's small extension modules are
    subprocess.run([shutil.which("gcc") or "gcc", "-shared", "-fPIC", "-nostdlib", "-s", "-o",
                    str(app / "libx.so.1"), str(source)], check=True)
    doc = root / "usr" / "share" / "doc" / project.PACKAGE
    doc.mkdir(parents=True)
    info = project.read_project()
    (doc / "copyright").write_text(deb.copyright_file(info, "2026-03-04"), encoding="utf-8")
    (doc / "changelog.gz").write_bytes(
        deb.gzip_reproducible(deb.debian_changelog(info, "2026-03-04").encode()))
    overrides = root / "usr" / "share" / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    shutil.copyfile(project.LINTIAN_OVERRIDES, overrides / project.PACKAGE)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        deb.control_file(info, arch=deb.dpkg_architecture(), installed_kib=1, depends=[]),
        encoding="utf-8")
    (root / "DEBIAN" / "md5sums").write_text(deb.md5sums(root), encoding="utf-8")
    deb.normalize_permissions(root)
    package = tmp_path / "p.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(root), str(package)],
                   check=True, capture_output=True)

    found = lintian.run_lintian(package)

    tags = {(t.code, t.tag) for t in found.tags}
    assert ("O", "shared-library-lacks-prerequisites") in tags
    assert not {t for t in tags if t[1] in ("malformed-override", "mismatched-override")}
    assert found.count("E") == 0


def test_launchers_link_relatively_into_the_bundle(deb: ModuleType, project: ModuleType) -> None:
    import os

    for exe in (project.PACKAGE, project.CLI):
        target = deb.launcher_target(exe)
        assert not target.startswith("/")
        assert os.path.normpath(os.path.join("/usr/bin", target)) == \
            f"{project.INSTALL_DIR}/{exe}"
    assert project.INSTALL_DIR.startswith("/usr/lib/")  # not /opt: see project.py


def test_clean_machine_test_uses_the_hosts_release(clean_machine: ModuleType, tools: ModuleType,
                                                   tmp_path: Path) -> None:
    release = tmp_path / "os-release"
    release.write_text('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_CODENAME=bookworm\n',
                       encoding="utf-8")
    assert clean_machine.host_codename(release) == "bookworm"
    release.write_text('NAME="Something"\n', encoding="utf-8")
    with pytest.raises(tools.BuildError, match="VERSION_CODENAME"):
        clean_machine.host_codename(release)


def test_clean_machine_test_takes_the_mirror_from_apt(clean_machine: ModuleType,
                                                      tools: ModuleType, tmp_path: Path) -> None:
    """The mirror comes from this machine's apt sources, both formats, for the host's release
    only (not -security or -updates, not a disabled stanza, not a deb-src line)."""
    lists = tmp_path / "sources.list.d"
    lists.mkdir()
    (tmp_path / "sources.list").write_text(
        "# deb http://commented.example.org/debian bookworm main\n"
        "deb-src http://source.example.org/debian bookworm main\n"
        "deb http://security.example.org/debian-security bookworm-security main\n",
        encoding="utf-8")
    (lists / "a-disabled.sources").write_text(
        "Types: deb\nURIs: http://disabled.example.org/debian\nSuites: bookworm\nEnabled: no\n",
        encoding="utf-8")
    (lists / "b-other.sources").write_text(
        "Types: deb\nURIs: https://other.example.org/apt\nSuites: nodistro\nComponents: main\n\n"
        "Types: deb deb-src\n# a comment\nURIs: http://mirror.example.org/debian\n"
        "Suites: bookworm bookworm-updates\nComponents: main\n", encoding="utf-8")
    sources = (tmp_path / "sources.list", lists)
    assert clean_machine.host_mirror("bookworm", sources) == "http://mirror.example.org/debian"
    (lists / "c.list").write_text(
        "deb [arch=amd64 signed-by=/k.gpg] http://trixie.example.org/debian trixie main\n",
        encoding="utf-8")
    assert clean_machine.host_mirror("trixie", sources) == "http://trixie.example.org/debian"
    with pytest.raises(tools.BuildError, match="DEBIAN_MIRROR"):
        clean_machine.host_mirror("sid", sources)


def test_check_purged_sees_leftovers_and_losses(install_test: ModuleType, tools: ModuleType,
                                                tmp_path: Path) -> None:
    check_purged = install_test.check_purged
    (tmp_path / "usr" / "lib").mkdir(parents=True)
    paths = ["/usr", "/usr/lib", "/usr/lib/app", "/opt"]
    existed = {"/usr", "/usr/lib", "/opt"}
    (tmp_path / "opt").mkdir()
    check_purged(paths, existed, tmp_path)  # all clean
    (tmp_path / "usr" / "lib" / "app").mkdir()
    with pytest.raises(tools.BuildError, match="left behind after the purge: /usr/lib/app"):
        check_purged(paths, existed, tmp_path)
    (tmp_path / "usr" / "lib" / "app").rmdir()
    (tmp_path / "opt").rmdir()
    with pytest.raises(tools.BuildError, match="removed what existed before the install: /opt"):
        check_purged(paths, existed, tmp_path)


def test_a_japanese_font_is_recommended_so_apt_installs_it(project: ModuleType,
                                                            deb: ModuleType) -> None:
    """apt installs Recommends by default and Suggests never: without a CJK font every
    Japanese glyph of the wizard is an empty box."""
    control = deb.control_file(project.read_project(), arch="amd64", installed_kib=1,
                               depends=["libc6"])
    fields = dict(line.split(": ", 1) for line in control.splitlines()
                  if ": " in line and not line.startswith(" "))
    recommends = [alt.strip() for item in fields["Recommends"].split(",")
                  for alt in item.split("|")]
    assert "fonts-noto-cjk" in recommends
    assert "fonts-noto-cjk" not in fields.get("Suggests", "")
