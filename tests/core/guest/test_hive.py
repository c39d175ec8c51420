"""The regipy wrapper: typed lookups on hives written by tests/helpers/regf.py; damage is None."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from regipy.registry import RegistryHive

from helpers import regf
from vmdkimport.core.guest import hive as hive_module
from vmdkimport.core.guest.hive import Hive


@pytest.fixture(scope="module")
def software_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("hive") / "SOFTWARE"
    return regf.software_hive(path, sql=[("MSSQLSERVER", "Standard Edition", "13.0.1601.5")],
                              kms_host="kms.example.org").read_bytes()


def test_lookups(software_bytes: bytes) -> None:
    hive = Hive.parse(software_bytes)
    assert hive is not None
    cv = hive.key("Microsoft\\Windows NT\\CurrentVersion")
    assert cv is not None
    assert cv.string("ProductName") == "Windows Server 2016 Standard"
    assert cv.string("productname") == "Windows Server 2016 Standard"  # names ignore case
    assert cv.dword("CurrentMajorVersionNumber") == 10
    assert cv.dword("ProductName") is None  # wrong type: not a DWORD
    blob = cv.binary("DigitalProductId4")
    assert blob is not None
    assert len(blob) == regf.PRODUCT_ID4_SIZE
    assert cv.string("Missing") == ""
    assert cv.strings("ProductName") == ["Windows Server 2016 Standard"]
    assert hive.key("MICROSOFT\\windows nt\\currentversion") is not None
    assert hive.key("Microsoft\\Nope") is None
    assert hive.key("") is not None  # the root
    sql = hive.key(regf.SQL_INSTANCES)
    assert sql is not None
    assert [(v.name, v.type, v.data) for v in sql.values()] == [
        ("MSSQLSERVER", "REG_SZ", "MSSQL13.MSSQLSERVER")]
    assert "SoftwareProtectionPlatform" in cv.subkey_names()


def test_multi_sz_and_dwords(tmp_path: Path) -> None:
    data = regf.system_hive(tmp_path / "SYSTEM",
                            static_ips=[("{G}", "192.0.2.10", "255.255.255.0")]).read_bytes()
    hive = Hive.parse(data)
    assert hive is not None
    key = hive.key("ControlSet001\\Services\\Tcpip\\Parameters\\Interfaces\\{G}")
    assert key is not None
    assert key.strings("IPAddress") == ["192.0.2.10"]
    assert key.string("IPAddress") == "192.0.2.10"
    assert key.dword("EnableDHCP") == 0


def test_not_a_hive() -> None:
    assert Hive.parse(b"") is None
    assert Hive.parse(b"MZ" + bytes(8000)) is None
    assert Hive.parse(b"regf" + bytes(8000)) is None
    assert Hive.parse(os.urandom(3) + b"regf") is None


def test_private_temporary_file_without_memfd(software_bytes: bytes,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Where there is no memfd (Windows), a 0600 file in a private folder, removed after."""
    monkeypatch.delattr(os, "memfd_create", raising=False)
    seen: list[tuple[str, int]] = []
    real = RegistryHive

    def spy(path: str) -> Any:
        seen.append((path, stat.S_IMODE(os.stat(path).st_mode)))
        return real(path)  # type: ignore[no-untyped-call]  # regipy is untyped

    monkeypatch.setattr(hive_module, "RegistryHive", spy)
    hive = Hive.parse(software_bytes)
    assert hive is not None
    assert hive.key("Microsoft\\Windows NT\\CurrentVersion") is not None
    (path, mode), = seen
    assert mode == 0o600
    assert not Path(path).exists()
    assert not Path(path).parent.exists()


def test_memfd_is_used_on_linux(software_bytes: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(os, "memfd_create"):
        pytest.skip("no memfd_create on this platform")  # only Linux has it; CI is Linux
    seen: list[str] = []
    real = RegistryHive

    def spy(path: str) -> Any:
        seen.append(path)
        return real(path)  # type: ignore[no-untyped-call]  # regipy is untyped

    monkeypatch.setattr(hive_module, "RegistryHive", spy)
    assert Hive.parse(software_bytes) is not None
    assert seen[0].startswith("/proc/self/fd/")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=64 * 1024), junk=st.binary(max_size=64))
def test_truncated_or_damaged_hive_never_raises(software_bytes: bytes, cut: int,
                                                junk: bytes) -> None:
    data = software_bytes[:cut]
    if junk and len(data) > 4200:  # damage the first hive bin (the root key and its lists)
        at = 4096 + cut % 2000
        data = data[:at] + junk + data[at + len(junk):]
    hive = Hive.parse(data)
    if hive is None:
        return
    cv = hive.key("Microsoft\\Windows NT\\CurrentVersion")
    if cv is not None:
        cv.string("ProductName")
        cv.binary("DigitalProductId4")
        cv.subkey_names()
    hive.key("Microsoft\\Microsoft SQL Server\\Instance Names\\SQL")
