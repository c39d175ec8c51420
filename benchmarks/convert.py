"""Benchmark: converting while uploading, against qemu-img then upload, against sending as is.

    python benchmarks/convert.py              # a 4 GiB flat disk, 30 % full: about 10 minutes
    python benchmarks/convert.py --quick      # a 1 GiB one: a smoke run of 2-3 minutes
    python benchmarks/convert.py --size 8G --rate 20M --json

The disk is what a datastore holds: a monolithicFlat VMDK (descriptor + ``-flat.vmdk``) made
by ``qemu-img convert -o subformat=monolithicFlat`` from a raw image with an MBR and one ext4
partition, which ``mkfs.ext4 -d`` filled with copies of this machine's ``/usr/lib`` and
``/usr/share`` files (real binaries, libraries, text, images) until about ``--fill`` (30 %)
of the disk holds data; the rest was never written. One real OpenStack Swift runs on 127.0.0.1
(the tests' harness, ``tests/servers/swift.py``). Measured in the same run, each at the capped
rate (``--rate``, 20 MiB/s: an office uplink; the request's ``limit_rate``, i.e.
:class:`TransferControl`'s token bucket) and uncapped:

(a) **convert while uploading**: the pre-flight, then :class:`ConvertingUploader` on what
    :func:`conversion_source` gives for the descriptor (the CLI's defaults: 32 MiB segments,
    2 upload workers, one compression thread per core);
(b) **qemu-img, then upload**: ``qemu-img convert -O vmdk -o subformat=streamOptimized`` (the
    command line the pre-flight's fix uses) to a file, then the project's :class:`Uploader`
    on that file (its defaults: 256 MiB segments, 4 workers);
(c) **as is**: :class:`Uploader` on the flat extent.

Each client runs as its own process (this script, ``--worker``), so its CPU (user + sys) and
peak RSS come from ``wait4()`` for exactly that process, and qemu-img's likewise. Printed for
each: bytes on the wire (the client's count, every attempt), wall time, CPU, peak RSS, and
temporary disk space: the peak, polled every 20 ms, of the bytes in files under the run's own
scratch folder (its ``VMDKIMPORT_HOME``, ``TMPDIR`` and, for (b), qemu-img's output), and the
process's ``write_bytes`` from ``/proc/<pid>/io`` (what it made the kernel write to storage).
The page cache is warm (the disk was just made); Swift shares the machine's cores.

Goals (issue #15): (a)'s bytes on the wire at most 3 % above qemu-img's output size; at the
capped rate (a)'s wall time at most 0.6x (b)'s; (a) needs no temporary space (only the upload
lock's few bytes: at most 64 KiB); and the converter's uncapped throughput in MiB/s of source
data (the virtual disk read, per second of wall time) is reported. Unless ``--no-verify``,
(a)'s uploaded object is downloaded (not timed) and must pass ``qemu-img check`` and
``qemu-img compare`` against the source. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "gui"), str(ROOT / "tests")]

from vmdkimport.core.units import format_size, parse_size  # noqa: E402

MIB = 1024 * 1024
GIB = 1024 * MIB
TOOLS = ("qemu-img", "sfdisk", "mkfs.ext4")
#: the trees copied into the guest's filesystem: real files of every kind
TREES = (Path("/usr/lib"), Path("/usr/share"))
WIRE_GOAL = 1.03  # (a)'s bytes on the wire / qemu-img's output size, at most
CAPPED_TIME_GOAL = 0.6  # (a)'s wall time / (b)'s at the capped rate, at most
TEMP_GOAL = 64 * 1024  # bytes of (a)'s scratch files and storage writes, at most
PARTITION_START = 2048  # sectors: where an installer puts the first partition


# --- the disk ------------------------------------------------------------------------------

def fill_tree(tree: Path, target: int) -> int:
    """Copy regular files from :data:`TREES` into ``tree`` until they hold ``target`` bytes.

    Each round copies into its own folder, so a disk larger than this machine's trees gets the
    same files again (deflate works per 64 KiB grain, so a copy compresses as the first did).
    Returns the bytes copied.
    """
    copied = 0
    for round_number in range(1000):
        before = copied
        for top in TREES:
            for folder, dirs, files in os.walk(top):
                dirs.sort()
                for name in sorted(files):
                    path = Path(folder) / name
                    with contextlib.suppress(OSError):
                        if not path.is_file() or path.is_symlink():
                            continue
                        size = path.stat().st_size
                        if copied + size > target:
                            continue
                        dest = tree / f"r{round_number}" / path.relative_to("/")
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, dest)
                        copied += size
                    if copied >= target - 64 * 1024:
                        return copied
        if copied == before:  # nothing more fits
            break
    return copied


def make_disk(work: Path, size: int, fill: float) -> dict[str, Any]:
    """The monolithicFlat VMDK; returns its paths and what its filesystem holds."""
    tree = work / "tree"
    tree.mkdir()
    started = time.perf_counter()
    copied = fill_tree(tree, int(size * fill))
    raw = work / "disk.raw"
    with raw.open("wb") as fh:
        fh.truncate(size)
    subprocess.run(["sfdisk", "--quiet", "--wipe", "never", "--wipe-partitions", "never",
                    str(raw)], input=f"label: dos\nstart={PARTITION_START}, type=83, bootable\n",
                   text=True, check=True, capture_output=True)
    offset = PARTITION_START * 512
    subprocess.run(["mkfs.ext4", "-q", "-F", "-d", str(tree), "-E",
                    f"offset={offset},lazy_itable_init=1,lazy_journal_init=1", str(raw),
                    f"{(size - offset) // 1024}k"], check=True, capture_output=True)
    shutil.rmtree(tree)
    blocks, free = _ext4_usage(raw, offset)
    vmdk = work / "disk.vmdk"
    subprocess.run(["qemu-img", "convert", "-f", "raw", "-O", "vmdk", "-o",
                    "subformat=monolithicFlat", str(raw), str(vmdk)], check=True,
                   capture_output=True)
    raw.unlink()
    flat = work / "disk-flat.vmdk"
    return {"vmdk": vmdk, "flat": flat, "size": size, "files_bytes": copied,
            "fs_used": (blocks - free) / blocks if blocks else 0.0,
            "flat_allocated": flat.stat().st_blocks * 512,
            "seconds": time.perf_counter() - started}


def _ext4_usage(raw: Path, offset: int) -> tuple[int, int]:
    """Block count and free blocks of the ext4 at ``offset`` (its superblock, 1 KiB in).

    Read here because dumpe2fs takes no offset into a partitioned image; the fields are
    s_blocks_count and s_free_blocks_count, with their high halves (the 64bit feature).
    """
    with raw.open("rb") as fh:
        fh.seek(offset + 1024)
        block = fh.read(1024)
    count = int.from_bytes(block[4:8], "little") | int.from_bytes(block[0x150:0x154],
                                                                  "little") << 32
    free = int.from_bytes(block[12:16], "little") | int.from_bytes(block[0x158:0x15C],
                                                                  "little") << 32
    return count, free


def _warm(path: Path) -> None:
    """Read the flat extent once, uncounted, so the first run does not pay for a cold cache
    the others do not (the disk was just written, but not necessarily all still cached)."""
    with path.open("rb", buffering=0) as fh:
        while fh.read(8 * MIB):
            pass


# --- measuring a process ---------------------------------------------------------------------

@dataclass
class Proc:
    """One measured process."""

    wall: float
    cpu: float  # user + sys
    maxrss: int  # bytes
    write_bytes: int  # to storage, per /proc/<pid>/io (the last value seen)
    scratch_peak: int  # bytes in files under the run's scratch folder, peak
    output: str = field(default="", repr=False)


def _tree_bytes(folder: Path) -> int:
    total = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += (Path(dirpath) / name).lstat().st_size
    return total


def measure(argv: list[str], scratch: Path, env: dict[str, str]) -> Proc:
    """Run ``argv``: wall time, its CPU and peak RSS (wait4), storage writes, scratch peak."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
        io_path = Path(f"/proc/{proc.pid}/io")
        written, peak = 0, 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            with contextlib.suppress(OSError, IndexError, ValueError):
                written = int(io_path.read_text().split("write_bytes:")[1].split()[0])
            peak = max(peak, _tree_bytes(scratch))
            time.sleep(0.02)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak = max(peak, _tree_bytes(scratch))
        out.seek(0)
        err.seek(0)
        text, errors = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[:4]} failed ({proc.returncode}): {errors[-3000:]}")
    return Proc(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, written, peak,
                text)


@dataclass
class Result:
    method: str  # "convert", "qemu-img", "as-is"
    capped: bool
    bytes_on_wire: int
    object_size: int
    wall: float
    cpu_client: float
    cpu_qemu: float
    rss_client: int
    rss_qemu: int
    temp_peak: int  # bytes in the run's scratch files, peak
    written: int  # the client's (and qemu-img's) storage writes
    qemu_output: int = 0
    qemu_wall: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


# --- the worker (one upload, in its own process) ---------------------------------------------

def worker(spec: dict[str, Any]) -> None:
    """One upload, as the CLI would run it; prints its result as JSON."""
    from vmdkimport.core.cloud.http import HttpClient
    from vmdkimport.core.cloud.identity import TokenProvider, static_token
    from vmdkimport.core.cloud.objectstorage import ObjectStorageClient
    from vmdkimport.core.disk import preflight
    from vmdkimport.core.disk.source import UploadSource
    from vmdkimport.core.upload.converting import (
        DEFAULT_CONVERT_THREADS,
        conversion_source,
        run_converting_upload,
    )
    from vmdkimport.core.upload.segments import UploadRequest
    from vmdkimport.core.upload.uploader import run_upload

    http = HttpClient()
    storage = ObjectStorageClient(http, TokenProvider(static_token(spec["token"])),
                                  spec["storage_url"])
    path = Path(spec["path"])
    rate = spec["rate"] or None
    out: dict[str, Any]
    try:
        if spec["method"] == "convert":
            found = preflight.inspect(path)
            source = conversion_source(found)
            if source is None:
                raise SystemExit(f"the pre-flight offers no conversion for {path}: "
                                 f"{found.description}")
            converted = run_converting_upload(storage, UploadRequest(
                source, spec["container"], spec["object"], threads=DEFAULT_CONVERT_THREADS,
                limit_rate=rate))
            out = {"bytes_sent": converted.bytes_sent, "size": converted.size,
                   "sha1": converted.sha1, "segments": converted.segments,
                   "source_read": converted.source_read, "disk_size": converted.disk_size,
                   "retries": converted.retries}
        else:
            uploaded = run_upload(storage, UploadRequest(
                UploadSource(path), spec["container"], spec["object"], limit_rate=rate))
            out = {"bytes_sent": uploaded.bytes_sent, "size": uploaded.size,
                   "sha1": uploaded.sha1, "segments": uploaded.segments,
                   "retries": uploaded.retries}
    finally:
        http.close()
    print(json.dumps(out))


# --- the runs --------------------------------------------------------------------------------

class Bench:
    def __init__(self, work: Path, storage_url: str, token: str, disk: dict[str, Any],
                 rate: int) -> None:
        self.work, self.storage_url, self.token = work, storage_url, token
        self.disk, self.rate = disk, rate
        self.count = 0

    def _scratch(self, name: str) -> tuple[Path, dict[str, str]]:
        self.count += 1
        scratch = self.work / f"run{self.count}-{name}"
        (scratch / "home").mkdir(parents=True)
        (scratch / "tmp").mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OS_", "ST_"))}
        env.update(VMDKIMPORT_HOME=str(scratch / "home"), TMPDIR=str(scratch / "tmp"),
                   PYTHONPATH=os.pathsep.join([str(ROOT / "gui"), env.get("PYTHONPATH", "")]))
        return scratch, env

    def _upload(self, method: str, path: Path, capped: bool, scratch: Path,
                env: dict[str, str]) -> tuple[Proc, dict[str, Any]]:
        spec = {"method": method, "path": str(path), "storage_url": self.storage_url,
                "token": self.token, "container": f"bench{self.count}", "object": "disk.vmdk",
                "rate": self.rate if capped else 0}
        proc = measure([sys.executable, str(Path(__file__).resolve()), "--worker",
                        json.dumps(spec)], scratch, env)
        return proc, json.loads(proc.output.strip().splitlines()[-1])

    def convert(self, capped: bool) -> Result:
        scratch, env = self._scratch("convert")
        proc, out = self._upload("convert", self.disk["vmdk"], capped, scratch, env)
        return Result("convert", capped, out["bytes_sent"], out["size"], proc.wall, proc.cpu,
                      0.0, proc.maxrss, 0, proc.scratch_peak, proc.write_bytes,
                      extra={**out, "container": f"bench{self.count}"})

    def qemu_then_upload(self, capped: bool) -> Result:
        from vmdkimport.core.disk.qemu import convert_args

        scratch, env = self._scratch("qemu")
        output = scratch / "tmp" / "disk-stream.vmdk"
        qemu = measure(convert_args(self.disk["vmdk"], output), scratch, env)
        size = output.stat().st_size
        proc, out = self._upload("upload", output, capped, scratch, env)
        result = Result("qemu-img", capped, out["bytes_sent"], out["size"], qemu.wall + proc.wall,
                        proc.cpu, qemu.cpu, proc.maxrss, qemu.maxrss,
                        max(qemu.scratch_peak, proc.scratch_peak),
                        qemu.write_bytes + proc.write_bytes, size, qemu.wall, extra=out)
        output.unlink()
        return result

    def as_is(self, capped: bool) -> Result:
        scratch, env = self._scratch("asis")
        proc, out = self._upload("upload", self.disk["flat"], capped, scratch, env)
        return Result("as-is", capped, out["bytes_sent"], out["size"], proc.wall, proc.cpu, 0.0,
                      proc.maxrss, 0, proc.scratch_peak, proc.write_bytes, extra=out)

    def verify(self, result: Result) -> str:
        """Download (a)'s object; qemu-img check and compare against the source."""
        import requests

        target = self.work / "downloaded.vmdk"
        url = f"{self.storage_url}/{result.extra['container']}/disk.vmdk"
        with requests.get(url, headers={"X-Auth-Token": self.token}, stream=True,
                          timeout=600) as response, target.open("wb") as fh:
            response.raise_for_status()
            for piece in response.iter_content(4 * MIB):
                fh.write(piece)
        try:
            if target.stat().st_size != result.object_size:
                return f"downloaded {target.stat().st_size} bytes, not {result.object_size}"
            check = subprocess.run(["qemu-img", "check", str(target)], capture_output=True,
                                   text=True)
            if check.returncode != 0:
                return f"qemu-img check: {check.stdout.strip()} {check.stderr.strip()}"
            compare = subprocess.run(["qemu-img", "compare", str(self.disk["vmdk"]),
                                      str(target)], capture_output=True, text=True)
            if compare.returncode != 0:
                return f"qemu-img compare: {compare.stdout.strip()} {compare.stderr.strip()}"
            return ""
        finally:
            target.unlink()


# --- report ----------------------------------------------------------------------------------

def summarise(results: list[Result], disk: dict[str, Any], rate: int,
              verified: str | None) -> dict[str, Any]:
    by = {(r.method, r.capped): r for r in results}
    a_cap, a_free = by["convert", True], by["convert", False]
    b_cap = by["qemu-img", True]
    qemu_size = b_cap.qemu_output
    wire_ratio = a_free.bytes_on_wire / qemu_size
    time_ratio = a_cap.wall / b_cap.wall
    temp = max(r.temp_peak for r in (a_cap, a_free))
    written = max(r.written for r in (a_cap, a_free))
    throughput = disk["size"] / a_free.wall / MIB
    goals = {
        "wire_within_3pct": wire_ratio <= WIRE_GOAL,
        "capped_time_le_0.6": time_ratio <= CAPPED_TIME_GOAL,
        "no_temp_space": temp <= TEMP_GOAL and written <= TEMP_GOAL,
    }
    if verified is not None:
        goals["output_verified"] = verified == ""
    return {
        "disk": {k: (str(v) if isinstance(v, Path) else v) for k, v in disk.items()},
        "rate": rate,
        "results": [asdict(r) for r in results],
        "qemu_output_bytes": qemu_size,
        "wire_ratio": wire_ratio,
        "capped_time_ratio": time_ratio,
        "convert_temp_peak": temp,
        "convert_written": written,
        "converter_mib_per_s": throughput,
        "converter_data_mib_per_s": (a_free.extra.get("source_read", 0) / a_free.wall / MIB),
        "verify": verified,
        "goals": goals,
    }


def print_report(summary: dict[str, Any]) -> None:
    disk = summary["disk"]
    print(f"disk: {format_size(disk['size'])} monolithicFlat, ext4 {disk['fs_used']:.0%} used "
          f"({format_size(disk['files_bytes'])} of files from /usr/lib and /usr/share), flat "
          f"extent allocated {format_size(disk['flat_allocated'])}; made in "
          f"{disk['seconds']:.0f} s. Swift on 127.0.0.1, warm page cache, "
          f"{os.cpu_count()} cores shared with Swift")
    cap = format_size(summary["rate"])
    print(f"{'':30} {'on the wire':>12} {'wall':>8} {'CPU client':>11} {'CPU qemu':>9} "
          f"{'RSS client':>11} {'RSS qemu':>9} {'temp peak':>10} {'written':>10}")
    for r in summary["results"]:
        label = {"convert": "(a) convert+upload", "qemu-img": "(b) qemu-img, upload",
                 "as-is": "(c) flat as is"}[r["method"]]
        label += f" {cap}/s" if r["capped"] else " uncapped"
        print(f"{label:30} {format_size(r['bytes_on_wire']):>12} {r['wall']:7.1f}s "
              f"{r['cpu_client']:10.1f}s {r['cpu_qemu']:8.1f}s "
              f"{format_size(r['rss_client']):>11} "
              f"{format_size(r['rss_qemu']) if r['rss_qemu'] else '-':>9} "
              f"{format_size(r['temp_peak']):>10} {format_size(r['written']):>10}")
        if r["method"] == "qemu-img":
            print(f"{'':30} (qemu-img convert {r['qemu_wall']:.1f} s, output "
                  f"{format_size(r['qemu_output'])})")
    goals = summary["goals"]

    def mark(name: str) -> str:
        return "met" if goals[name] else "MISSED"

    print(f"bytes on the wire (a) / qemu-img's output: {summary['wire_ratio']:.4f} "
          f"(goal <= {WIRE_GOAL}: {mark('wire_within_3pct')})")
    print(f"wall time at {cap}/s (a) / (b): {summary['capped_time_ratio']:.2f} "
          f"(goal <= {CAPPED_TIME_GOAL}: {mark('capped_time_le_0.6')})")
    print(f"temporary space of (a): peak {summary['convert_temp_peak']} bytes in files, "
          f"{summary['convert_written']} bytes written to storage (goal 0, bookkeeping "
          f"<= {TEMP_GOAL // 1024} KiB: {mark('no_temp_space')})")
    print(f"converter uncapped: {summary['converter_mib_per_s']:.0f} MiB/s of the virtual disk "
          f"({summary['converter_data_mib_per_s']:.0f} MiB/s of allocated source read)")
    if summary["verify"] is not None:
        print("(a)'s object: qemu-img check clean, qemu-img compare identical"
              if summary["verify"] == "" else f"(a)'s object FAILED: {summary['verify']}")


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        worker(json.loads(sys.argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("4G"))
    parser.add_argument("--quick", action="store_true", help="a 1 GiB disk (smoke run)")
    parser.add_argument("--fill", type=float, default=0.30, help="share of the disk with data")
    parser.add_argument("--rate", type=parse_size, default=parse_size("20M"),
                        help="the capped rate, bytes per second")
    parser.add_argument("--no-verify", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    size = GIB if args.quick else args.size
    from servers.swift import SWIFT_AVAILABLE, start_swift

    missing = [tool for tool in TOOLS if not shutil.which(tool)]
    if missing or not SWIFT_AVAILABLE:
        print(f"Needs {', '.join(missing) or ''} and Debian's swift packages (see .ci/run).")
        return 2
    work = Path(tempfile.mkdtemp(prefix="vmdkimport-bench-convert-", dir=args.dir))
    server = None
    try:
        disk = make_disk(work, size, args.fill)
        _warm(disk["flat"])
        server = start_swift(work / "swift", max_file_size=5 * GIB)
        token, storage_url = server.tempauth_token()
        bench = Bench(work, storage_url, token, disk, args.rate)
        results = []
        for capped in (False, True):
            results.append(bench.convert(capped))
            results.append(bench.qemu_then_upload(capped))
            results.append(bench.as_is(capped))
        verified = None if args.no_verify else bench.verify(results[0])
        summary = summarise(results, disk, args.rate, verified)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print_report(summary)
    return 0 if all(summary["goals"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
