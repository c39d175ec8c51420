"""Fixtures for the disk pre-flight tests: a corpus of real disks made once per session.

Tests that need qemu-img skip without it on a developer machine and fail under CI=true.
Tests that change a file work on a copy (``copy_of``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import corpus

MIB = 1024 * 1024


@pytest.fixture(scope="session")
def qemu_corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real disks written by qemu-img (needs qemu-img)."""
    corpus.require_qemu()
    d = tmp_path_factory.mktemp("qemu-corpus")
    out: dict[str, Path] = {}
    for sub in corpus.QEMU_VMDK_SUBFORMATS:
        out[sub] = corpus.qemu_create(d / f"{sub}.vmdk", "vmdk", "64M", f"subformat={sub}")
    raw = corpus.raw_disk(d / "data.raw", 16 * MIB, data_mib=8)
    out["raw"] = raw
    out["stream-data"] = corpus.qemu_convert(raw, d / "stream-data.vmdk", "raw", "vmdk",
                                             "subformat=streamOptimized")
    out["sparse-data"] = corpus.qemu_convert(raw, d / "sparse-data.vmdk", "raw", "vmdk")
    out["zeroed-grain"] = corpus.qemu_create(d / "zeroed-grain.vmdk", "vmdk", "64M",
                                             "zeroed_grain=on")
    out["base"] = corpus.qemu_create(d / "base.vmdk", "vmdk", "64M")
    corpus.qemu("create", "-q", "-f", "vmdk", "-b", "base.vmdk", "-F", "vmdk",
                d / "base-000001.vmdk")
    out["child"] = d / "base-000001.vmdk"
    out["qcow2"] = corpus.qemu_create(d / "disk.qcow2", "qcow2", "64M")
    corpus.qemu("create", "-q", "-f", "qcow2", "-b", "disk.qcow2", "-F", "qcow2",
                d / "overlay.qcow2")
    out["qcow2-overlay"] = d / "overlay.qcow2"
    out["vhd"] = corpus.qemu_create(d / "disk.vhd", "vpc", "64M")
    out["vhd-fixed"] = corpus.qemu_create(d / "fixed.vhd", "vpc", "8M", "subformat=fixed")
    out["vhdx"] = corpus.qemu_create(d / "disk.vhdx", "vhdx", "64M")
    out["vdi"] = corpus.qemu_create(d / "disk.vdi", "vdi", "64M")
    out["qed"] = corpus.qemu_create(d / "disk.qed", "qed", "64M")
    return out


@pytest.fixture
def copy_of(tmp_path: Path) -> Callable[..., Path]:
    """``copy_of(src, name=None)``: a private copy of a corpus file to change."""

    def make(src: Path, name: str | None = None) -> Path:
        dst = tmp_path / (name or src.name)
        shutil.copyfile(src, dst)
        return dst

    return make
