"""Real guest disks for the guest-inspection tests, built once per session (tests/helpers/guests).

Each fixture is a :class:`helpers.guests.Guest`: ``.path`` (the raw image), ``.kind`` and
``.expect`` (what an inspector should find). Variants come from ``build_guest``, which builds
each (builder, options) once per session::

    def test_hibernated(build_guest):
        guest = build_guest(guests.windows2016, hibernated=True)

Tests only read these images; a test that changes one works on a copy. A build needing a tool
or root that is missing skips on a developer machine and fails under CI=true.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import guests
from helpers.guests import Guest

BuildGuest = Callable[..., Guest]


@pytest.fixture(scope="session")
def guest_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's folder for guest images (sparse files, a few MiB each on disk)."""
    return tmp_path_factory.mktemp("guests")


@pytest.fixture(scope="session")
def build_guest(guest_dir: Path) -> BuildGuest:
    """``build_guest(builder, **options)``: that guest, built once per session."""
    built: dict[tuple[str, tuple[tuple[str, Any], ...]], Guest] = {}

    def build(builder: Callable[..., Guest], **options: Any) -> Guest:
        key = (builder.__name__, tuple(sorted((k, repr(v)) for k, v in options.items())))
        if key not in built:
            built[key] = builder(guest_dir, **options)
        return built[key]

    return build


@pytest.fixture(scope="session")
def centos7_guest(build_guest: BuildGuest) -> Guest:
    """CentOS 7.8 on LVM (XFS root and /boot), static IP on ens192, virtio in the initramfs."""
    return build_guest(guests.centos7)


@pytest.fixture(scope="session")
def centos7_nolvm_guest(build_guest: BuildGuest) -> Guest:
    """CentOS 7.8 with its XFS root straight in partition 2, DHCP, cloud-init."""
    return build_guest(guests.centos7, lvm=False, static_ip=False, cloud_init=True)


@pytest.fixture(scope="session")
def ubuntu1804_guest(build_guest: BuildGuest) -> Guest:
    """Ubuntu 18.04.6 LTS, ext4 root, DHCP through cloud-init's netplan."""
    return build_guest(guests.ubuntu1804)


@pytest.fixture(scope="session")
def windows2016_guest(build_guest: BuildGuest) -> Guest:
    """Windows Server 2016 Standard (English), NTFS C:, DHCP, VMware Tools, no virtio."""
    return build_guest(guests.windows2016)


@pytest.fixture(scope="session")
def windows2016_ja_guest(build_guest: BuildGuest) -> Guest:
    """Windows Server 2016 Standard (Japanese) with SQL Server 2016 Standard."""
    return build_guest(guests.windows2016, language="ja", sql=True)


@pytest.fixture(scope="session")
def uefi_guest(build_guest: BuildGuest) -> Guest:
    """An Ubuntu installed for UEFI: GPT, an ESP, no BIOS boot code."""
    return build_guest(guests.uefi_linux)


@pytest.fixture(scope="session")
def rhel8_guest(build_guest: BuildGuest) -> Guest:
    return build_guest(guests.rhel8)


@pytest.fixture(scope="session")
def rocky8_guest(build_guest: BuildGuest) -> Guest:
    return build_guest(guests.rocky8)


@pytest.fixture(scope="session")
def blank_guest(build_guest: BuildGuest) -> Guest:
    return build_guest(guests.blank)


@pytest.fixture(scope="session")
def unknown_fs_guest(build_guest: BuildGuest) -> Guest:
    return build_guest(guests.unknown_fs)


@pytest.fixture(scope="session")
def luks_guest(build_guest: BuildGuest) -> Guest:
    return build_guest(guests.luks_like)
