"""Benchmark: the disk pre-flight on a 100 GiB sparse VMDK made with qemu-img.

Target (issue "Disk pre-flight"): inspecting it reads at most 1 MiB and takes at most 50 ms.
Bytes are counted by a file wrapper that every read of ``inspect()`` goes through; the time is
the median of several runs in this process. The named peer is ``qemu-img info`` on the same
file (a separate process, so its time includes process start-up: that is what a user waits for
when a tool shells out to it); the ratio is printed.

Run: ``python benchmarks/inspect_disk.py`` (needs qemu-img; ``--size 300G``, ``--runs 50``,
``--json`` for machine-readable output). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "gui"), str(ROOT / "tests")]

from helpers.reads import ReadCounter  # noqa: E402
from vmdkimport.core.disk.preflight import inspect  # noqa: E402

MAX_BYTES = 1024 * 1024
MAX_MS = 50.0


def measure(path: Path, runs: int) -> dict[str, float | int | str]:
    reads = ReadCounter()
    result = inspect(path, opener=reads.open)
    bytes_read, opens = reads.bytes, reads.opens
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        inspect(path)
        times.append((time.perf_counter() - start) * 1000)
    return {"verdict": result.verdict.value, "subformat": result.subformat or "",
            "virtual_size": result.virtual_size or 0, "file_size": path.stat().st_size,
            "bytes_read": bytes_read, "opens": opens, "ms_median": statistics.median(times),
            "ms_max": max(times)}


def qemu_info_ms(qemu_img: str, path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([qemu_img, "info", "--output=json", str(path)], check=True,
                       capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100G", help="virtual size for qemu-img (100G)")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per disk (20)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    qemu_img = shutil.which("qemu-img")
    if qemu_img is None:
        print("qemu-img is not installed (apt-get install qemu-utils)", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory(prefix="inspect-bench-") as tmp:
        for subformat in ("monolithicSparse", "streamOptimized"):
            path = Path(tmp) / f"{subformat}.vmdk"
            subprocess.run([qemu_img, "create", "-q", "-f", "vmdk", "-o",
                            f"subformat={subformat}", str(path), args.size], check=True)
            row = measure(path, args.runs)
            peer = qemu_info_ms(qemu_img, path, max(5, args.runs // 2))
            row.update(disk=f"{args.size} {subformat}", qemu_img_info_ms=peer,
                       ratio=peer / float(row["ms_median"]))
            rows.append(row)
    ok = all(int(r["bytes_read"]) <= MAX_BYTES and float(r["ms_median"]) <= MAX_MS
             for r in rows)
    if args.json:
        print(json.dumps({"rows": rows, "targets": {"bytes": MAX_BYTES, "ms": MAX_MS},
                          "ok": ok}, indent=2))
    else:
        print(f"{'disk':26} {'file size':>12} {'bytes read':>10} {'opens':>5} "
              f"{'inspect ms':>10} {'max ms':>7} {'qemu-img info ms':>16} {'ratio':>6}")
        for r in rows:
            print(f"{r['disk']:26} {r['file_size']:>12} {r['bytes_read']:>10} {r['opens']:>5} "
                  f"{float(r['ms_median']):>10.2f} {float(r['ms_max']):>7.2f} "
                  f"{float(r['qemu_img_info_ms']):>16.2f} {float(r['ratio']):>5.1f}x")
        print(f"targets: at most {MAX_BYTES} bytes read and {MAX_MS:.0f} ms: "
              f"{'met' if ok else 'MISSED'}")
        print("ratio = qemu-img info time / inspect() time (qemu-img info includes starting "
              "its process)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
