"""Benchmark: guest inspection of a 100 GiB sparse VMDK that holds a real ext4 root filesystem.

Target (issue #13, "Will it boot there?"): inspecting the guest reads at most 64 MiB and takes at
most 2 s. The disk is made the way an installer leaves one, at its real size: a sparse 100 GiB
raw file, an MBR (``sfdisk``) with one active Linux partition from 1 MiB to the end, and an ext4
filesystem on all of it (``mkfs.ext4 -d`` at that offset) holding a CentOS-7-like root: the
release files, fstab, a NIC configuration, two kernels and their initramfs images of real size
(28 MiB for the newest, a 50 MiB rescue image: CentOS 7 keeps one), and ``/usr`` with a few
thousand files. ``qemu-img convert`` turns it into a monolithicSparse and a streamOptimized VMDK.

Bytes read are :attr:`VirtualDisk.bytes_read` (every byte taken from the file, grain tables and
compressed grains included), as ``inspect_guest`` reports them; the time is the median of
``--runs`` runs in this process (warm page cache). The peer is ``virt-inspector`` (libguestfs:
it boots a small Linux appliance) on the same file, with ``LIBGUESTFS_BACKEND=direct``; where it
cannot run, reading the whole file sequentially. The ratio is the peer's time over ours.

Run: ``python benchmarks/inspect_guest.py`` (needs qemu-img, sfdisk, mkfs.ext4; ``--size``,
``--runs``, ``--no-peer``, ``--json``). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "gui")]

from vmdkimport import demo_guest  # noqa: E402
from vmdkimport.core.guest.inspect import GuestSource, inspect_guest  # noqa: E402

MIB = 1024 * 1024
MAX_BYTES = 64 * MIB
MAX_SECONDS = 2.0
TOOLS = ("qemu-img", "sfdisk", "mkfs.ext4")
PEER_TIMEOUT = 600


def _initramfs(path: Path, payload: int, modules: int) -> None:
    """A gzip'd newc cpio of ``payload`` bytes (random: incompressible, like a real image's
    xz'd modules) with ``modules`` module files, virtio_blk last (the whole image is read)."""
    kernel = demo_guest.KERNEL
    names = [f"usr/lib/modules/{kernel}/kernel/drivers/misc/m{i:04}.ko.xz" for i in range(modules)]
    names.append(f"usr/lib/modules/{kernel}/kernel/drivers/block/virtio_blk.ko.xz")
    size = payload // len(names)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1,
                                                   mtime=0) as out:
        for number, name in enumerate([*names, "TRAILER!!!"], start=1):
            data = os.urandom(size) if name != "TRAILER!!!" else b""
            encoded = name.encode() + b"\0"
            fields = (number, 0o100644 if data else 0, 0, 0, 1, 0, len(data), 0, 0, 0, 0,
                      len(encoded), 0)
            header = b"070701" + b"".join(b"%08X" % v for v in fields) + encoded
            header += b"\0" * (-len(header) % 4)
            out.write(header + data + b"\0" * (-len(data) % 4))


def guest_tree(tree: Path) -> None:
    """The root filesystem's files: the demo guest's, plus kernels, images and /usr of size."""
    for path, data in demo_guest.guest_files().items():
        target = tree / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    boot = tree / "boot"
    (boot / f"vmlinuz-{demo_guest.KERNEL}").write_bytes(os.urandom(6 * MIB))
    _initramfs(boot / f"initramfs-{demo_guest.KERNEL}.img", 28 * MIB, 1500)
    rescue = "0-rescue-5b1c3e5e7c1d4f7e9a431d0d2c5a7e01"
    (boot / f"vmlinuz-{rescue}").write_bytes(os.urandom(6 * MIB))
    _initramfs(boot / f"initramfs-{rescue}.img", 50 * MIB, 3000)
    for i in range(40):
        folder = tree / "usr" / "share" / f"pkg{i:02}"
        folder.mkdir(parents=True)
        for j in range(100):
            (folder / f"file{j:03}.txt").write_bytes(b"x" * (j * 37 % 4096))
    modules = tree / "usr" / "lib" / "modules" / demo_guest.KERNEL / "kernel" / "drivers"
    (modules / "block").mkdir(parents=True)
    (modules / "block" / "virtio_blk.ko.xz").write_bytes(os.urandom(8192))


def make_disks(work: Path, size: int) -> dict[str, Path]:
    """The raw disk (sparse), then its two VMDKs."""
    tree = work / "tree"
    guest_tree(tree)
    raw = work / "guest.raw"
    with raw.open("wb") as fh:
        fh.truncate(size)
    start = 2048
    table = (f"label: dos\nlabel-id: 0x{demo_guest.DISK_SIGNATURE:08x}\n"
             f"start={start}, type=83, bootable\n")
    subprocess.run(["sfdisk", "--quiet", "--wipe", "never", "--wipe-partitions", "never",
                    str(raw)], input=table, text=True, check=True, capture_output=True)
    fs_size_kib = (size - start * 512) // 1024
    subprocess.run(["mkfs.ext4", "-q", "-F", "-U", str(demo_guest.ROOT_UUID), "-d", str(tree),
                    "-E", f"offset={start * 512},lazy_itable_init=1,lazy_journal_init=1",
                    str(raw), f"{fs_size_kib}k"], check=True, capture_output=True)
    # the MBR's boot code as GRUB 2 leaves it (sfdisk writes only the table)
    with raw.open("r+b") as fh:
        fh.write(demo_guest.mbr()[:440])
    disks = {"raw": raw}
    for subformat in ("monolithicSparse", "streamOptimized"):
        out = work / f"{subformat}.vmdk"
        subprocess.run(["qemu-img", "convert", "-f", "raw", "-O", "vmdk", "-o",
                        f"subformat={subformat}", str(raw), str(out)], check=True,
                       capture_output=True)
        disks[subformat] = out
    return disks


def measure(path: Path, runs: int) -> dict[str, Any]:
    report = inspect_guest(GuestSource(path))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        inspect_guest(GuestSource(path))
        times.append(time.perf_counter() - start)
    return {"os": f"{report.os.name} {report.os.version}".strip(), "os_type": report.os.os_type,
            "readiness": report.readiness.value, "bytes_read": report.facts.bytes_read,
            "file_size": path.stat().st_size, "seconds_median": statistics.median(times),
            "seconds_max": max(times)}


def virt_inspector(path: Path) -> tuple[float | None, str]:
    """virt-inspector's time on the disk, or None and why it could not run."""
    tool = shutil.which("virt-inspector")
    if tool is None:
        return None, "virt-inspector is not installed (libguestfs-tools)"
    kernels = [*Path("/boot").glob("vmlinuz*"), *Path("/lib/modules").glob("*/vmlinuz")]
    if not kernels and "SUPERMIN_KERNEL" not in os.environ:
        # supermin builds libguestfs's appliance from the host's kernel; containers have none
        return None, ("libguestfs cannot build its appliance: supermin finds no Linux kernel in "
                      "/boot or /lib/modules (a container); install linux-image-amd64 or set "
                      "SUPERMIN_KERNEL")
    env = {**os.environ, "LIBGUESTFS_BACKEND": "direct"}
    start = time.perf_counter()
    try:
        result = subprocess.run([tool, "--format=vmdk", "-a", str(path)], env=env,
                                capture_output=True, text=True, timeout=PEER_TIMEOUT,
                                check=False)
    except subprocess.TimeoutExpired:
        return None, f"virt-inspector did not finish in {PEER_TIMEOUT} s"
    elapsed = time.perf_counter() - start
    if result.returncode != 0 or "<operatingsystem>" not in result.stdout:
        errors = [line for line in result.stderr.splitlines() if "error" in line.lower()]
        why = (errors or ["no operating system in its output"])[0]
        return None, f"virt-inspector failed: {why}"
    return elapsed, "virt-inspector (LIBGUESTFS_BACKEND=direct)"


def read_whole(path: Path) -> float:
    start = time.perf_counter()
    with path.open("rb", buffering=0) as fh:
        while fh.read(8 * MIB):
            pass
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--size", type=int, default=100, help="virtual size in GiB (100)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per disk (5)")
    parser.add_argument("--no-peer", action="store_true", help="skip virt-inspector")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        print(f"not installed: {', '.join(missing)} (qemu-utils, fdisk, e2fsprogs)",
              file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory(prefix="inspect-guest-bench-") as tmp:
        started = time.perf_counter()
        disks = make_disks(Path(tmp), args.size * 1024**3)
        made = time.perf_counter() - started
        for subformat in ("monolithicSparse", "streamOptimized"):
            path = disks[subformat]
            row = measure(path, args.runs)
            peer, peer_name = (None, "skipped (--no-peer)") if args.no_peer \
                else virt_inspector(path)
            if peer is None:
                row["peer_note"] = peer_name
                peer, peer_name = read_whole(path), "reading the whole file"
            row.update(disk=f"{args.size} GiB {subformat}", peer=peer_name, peer_seconds=peer,
                       ratio=peer / row["seconds_median"])
            rows.append(row)
    ok = all(r["bytes_read"] <= MAX_BYTES and r["seconds_median"] <= MAX_SECONDS
             and r["os_type"] == "centos" for r in rows)
    if args.json:
        print(json.dumps({"rows": rows, "disks_made_seconds": made,
                          "targets": {"bytes": MAX_BYTES, "seconds": MAX_SECONDS}, "ok": ok},
                         indent=2))
    else:
        print(f"disks made in {made:.1f} s")
        print(f"{'disk':28} {'file MiB':>8} {'read MiB':>8} {'median s':>8} {'max s':>6} "
              f"{'peer s':>7} {'ratio':>6}  found / peer")
        for r in rows:
            print(f"{r['disk']:28} {r['file_size'] / MIB:>8.1f} {r['bytes_read'] / MIB:>8.2f} "
                  f"{r['seconds_median']:>8.3f} {r['seconds_max']:>6.3f} "
                  f"{r['peer_seconds']:>7.2f} {r['ratio']:>5.1f}x  {r['os']} ({r['os_type']}, "
                  f"{r['readiness']}) / {r['peer']}")
            if "peer_note" in r:
                print(f"  peer: {r['peer_note']}")
        print(f"targets: at most {MAX_BYTES // MIB} MiB read and {MAX_SECONDS:.0f} s, CentOS "
              f"found: {'met' if ok else 'MISSED'}")
        print("ratio = the peer's time / inspect_guest() median time")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
