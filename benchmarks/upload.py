"""Upload benchmark: our uploader against ``swift upload -S`` on the same local Swift.

    python benchmarks/upload.py          # 1 GiB and 256 MiB files, 64 MiB segments, 4 threads
    python benchmarks/upload.py --size 2G --segment-size 128M --threads 8

One run, one real OpenStack Swift on 127.0.0.1 (Debian's packages, started like the tests start
it), the same file, segment size and concurrency for both clients. Printed:
- throughput of ours and of python-swiftclient (the named peer), and the ratio;
- the client's CPU seconds per GiB against a bare hashlib MD5+SHA1 pass over the same file
  (the floor: what hashing alone costs, which both clients must pay at least in part);
- bytes our client read from storage (``/proc/<pid>/io`` read_bytes) against the file size,
  with the page cache dropped first, to show the SHA1 does not cost a second disk pass;
- our peak RSS for the small and the large file (flat in file size).
Goals from the issue: throughput >= 1.0x swiftclient while also computing the SHA1; CPU
<= 1.3x the hashing floor; peak RSS flat.

Each client runs as its own process so CPU time and RSS are measured with wait4() for exactly
that process. Rounds alternate the order of the clients; medians are printed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "gui"), str(ROOT / "tests")]

from servers.swift import SWIFT_AVAILABLE, start_swift  # noqa: E402
from vmdkimport.core.units import format_size, parse_size  # noqa: E402

SWIFT_CLI = "/usr/bin/swift"
FLOOR = (
    "import hashlib, sys\n"
    "md5, sha1 = hashlib.md5(), hashlib.sha1()\n"
    "with open(sys.argv[1], 'rb', buffering=0) as f:\n"
    "    while chunk := f.read(1 << 20):\n"
    "        md5.update(chunk); sha1.update(chunk)\n"
    "print(md5.hexdigest(), sha1.hexdigest())\n"
)


@dataclass
class Run:
    wall: float
    cpu: float  # user + system of the client process
    maxrss_kib: int
    read_bytes: int | None  # from storage, per /proc/<pid>/io


def drop_caches() -> bool:
    """Empty the page cache so each client starts cold (root only); False if not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def measure_child(argv: list[str], env: dict[str, str] | None = None) -> tuple[Run, bytes]:
    """Run ``argv``; wall time, its own CPU and peak RSS (wait4), its storage reads."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    io_path = Path(f"/proc/{proc.pid}/io")
    read_bytes: int | None = None
    out = b""
    assert proc.stdout is not None
    os.set_blocking(proc.stdout.fileno(), False)
    while True:
        try:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        except ChildProcessError:
            raise RuntimeError(f"lost child {argv[0]}") from None
        if pid:
            break
        try:
            text = io_path.read_text()
            read_bytes = int(text.split("read_bytes:")[1].split()[0])
        except (OSError, IndexError, ValueError):
            pass
        with contextlib.suppress(BlockingIOError, TypeError):
            out += proc.stdout.read() or b""
        time.sleep(0.02)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    rest_out = proc.stdout.read() or b""
    err = proc.stderr.read() if proc.stderr else b""
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[:3]} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, read_bytes), out + rest_out


def make_file(path: Path, size: int) -> None:
    with path.open("wb") as f:
        left = size
        while left:
            n = min(left, 16 << 20)
            f.write(os.urandom(n))
            left -= n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("1G"))
    parser.add_argument("--small", type=parse_size, default=parse_size("256M"))
    parser.add_argument("--segment-size", type=parse_size, default=parse_size("64M"))
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    if not SWIFT_AVAILABLE or not shutil.which(SWIFT_CLI):
        print("Needs Debian's swift packages and python3-swiftclient (see .ci/run).")
        return 2
    work = Path(tempfile.mkdtemp(prefix="vmdkimport-bench-", dir=args.dir))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OS_", "ST_"))}
    env["VMDKIMPORT_HOME"] = str(work / "home")
    server = start_swift(work / "swift", max_file_size=max(args.segment_size, 5 << 30))
    try:
        token, storage_url = server.tempauth_token()
        big, small = work / "big.vmdk", work / "small.vmdk"
        make_file(big, args.size)
        make_file(small, args.small)
        cold = drop_caches()

        def ours(path: Path, container: str) -> tuple[Run, dict[str, object]]:
            if cold:
                drop_caches()
            run, out = measure_child(
                [sys.executable, "-m", "vmdkimport", "upload", str(path), "--container",
                 container, "--storage-url", storage_url, "--token", token, "--segment-size",
                 str(args.segment_size), "--threads", str(args.threads), "--json",
                 "--no-inspect"], env)  # random bytes, not a disk: upload it anyway
            return run, json.loads(out)

        def swiftclient(path: Path, container: str) -> Run:
            if cold:
                drop_caches()
            run, _ = measure_child(
                [SWIFT_CLI, "--os-storage-url", storage_url, "--os-auth-token", token,
                 "upload", "--segment-size", str(args.segment_size), "--segment-threads",
                 str(args.threads), container, str(path)], env)
            return run

        def floor(path: Path) -> Run:
            if cold:
                drop_caches()
            return measure_child([sys.executable, "-c", FLOOR, str(path)], env)[0]

        ours_runs, peer_runs, floor_runs = [], [], []
        for i in range(args.rounds):
            first_ours = i % 2 == 0
            if first_ours:
                ours_runs.append(ours(big, f"ours-{i}")[0])
                peer_runs.append(swiftclient(big, f"peer-{i}"))
            else:
                peer_runs.append(swiftclient(big, f"peer-{i}"))
                ours_runs.append(ours(big, f"ours-{i}")[0])
            floor_runs.append(floor(big))
        small_run, small_result = ours(small, "ours-small")
        gib = args.size / (1 << 30)

        def med(runs: list[Run], attr: str) -> float:
            return float(statistics.median(getattr(r, attr) for r in runs))

        ours_tp = args.size / med(ours_runs, "wall")
        peer_tp = args.size / med(peer_runs, "wall")
        ours_cpu = med(ours_runs, "cpu") / gib
        floor_cpu = med(floor_runs, "cpu") / gib
        peer_cpu = med(peer_runs, "cpu") / gib
        read = [r.read_bytes for r in ours_runs if r.read_bytes is not None]
        print(f"file {format_size(args.size)}, segments {format_size(args.segment_size)}, "
              f"{args.threads} threads, {args.rounds} rounds (medians), page cache "
              f"{'dropped before each run' if cold else 'NOT dropped (not root)'}; "
              f"Swift 2.30 on 127.0.0.1, 2 cores shared with the server")
        print(f"  throughput  ours {format_size(ours_tp)}/s (MD5 + SHA1)   swiftclient "
              f"{format_size(peer_tp)}/s (MD5)   ratio {ours_tp / peer_tp:.2f}x")
        print(f"  client CPU  ours {ours_cpu:.2f} s/GiB   swiftclient {peer_cpu:.2f} s/GiB   "
              f"bare MD5+SHA1 floor {floor_cpu:.2f} s/GiB   ours/floor "
              f"{ours_cpu / floor_cpu:.2f}x")
        if read:
            print(f"  disk reads  ours {statistics.median(read) / args.size:.2f}x the file size "
                  "(1.00 = one pass: the SHA1 rides the page cache)")
        print(f"  peak RSS    ours {small_run.maxrss_kib / 1024:.0f} MiB for "
              f"{format_size(args.small)}, {med(ours_runs, 'maxrss_kib') / 1024:.0f} MiB for "
              f"{format_size(args.size)}")
        print(f"  (small file sha1 {small_result['sha1']})")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
