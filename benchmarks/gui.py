"""GUI benchmark: how responsive the wizard stays, and how fast it starts.

    python benchmarks/gui.py            # offscreen; --size 256M --runs 5

1. **GUI-thread stall during an upload.** The Upload page uploads a 256 MiB disk to the sandbox
   cloud (in this process, so every byte crosses the same interpreter) while a 5 ms QTimer
   heartbeat records the gaps between its ticks on the GUI thread. The longest gap is the
   longest time the window could not repaint or react. Goal: under 50 ms.
   The peer: the same measurement while the same upload runs with no GUI work at all (the
   heartbeat alone), which shows what the interpreter and the OS cost by themselves.
2. **Cold start to the first page.** A new Python process that imports PySide6, builds the
   wizard and shows its first page, against a process that shows a bare ``QWizard`` with one
   empty page (the named peer: what Qt itself costs). Median of ``--runs``. Goal: <= 1.5x.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "gui"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from vmdkimport.core.units import format_size, parse_size  # noqa: E402

BARE = """
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
app = QApplication([])
w = QWizard(); p = QWizardPage(); p.setTitle("Connection"); w.addPage(p); w.show()
app.processEvents()
print(time.perf_counter() - t0)
"""
OURS = """
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from vmdkimport.qt.wizard import ImportWizard
w = ImportWizard(); w.show()
app.processEvents()
print(time.perf_counter() - t0)
"""


def cold_start(code: str, runs: int, env: dict[str, str]) -> float:
    """Median seconds to the first page. One uncounted run first writes the bytecode caches
    (with PYTHONDONTWRITEBYTECODE unset), as an installed app has them: a module compiled
    from source on every start would be measured otherwise."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, check=True,
                   timeout=120)
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env=env, check=True, timeout=120)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def stall_during_upload(size: int) -> tuple[float, float, float]:
    """(longest heartbeat gap with the wizard uploading, gap with a bare upload, seconds)."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from vmdkimport.core.cloud.profiles import ConnectionProfile
    from vmdkimport.core.cloud.session import connect
    from vmdkimport.core.disk.source import UploadSource
    from vmdkimport.core.plan import PageId
    from vmdkimport.core.upload.segments import UploadRequest
    from vmdkimport.core.upload.uploader import run_upload
    from vmdkimport.demo import demo_vmdk_bytes
    from vmdkimport.qt.pages.submit import SubmitPage
    from vmdkimport.qt.tasks import Task
    from vmdkimport.qt.wizard import ImportWizard
    from vmdkimport.sandbox import Sandbox, SandboxConfig

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="vmdkimport-guibench-"))
    os.environ["VMDKIMPORT_HOME"] = str(work / "home")
    disk = work / "disk.vmdk"
    with disk.open("wb") as f:
        f.write(demo_vmdk_bytes(64 * 1024**3))
        left = size
        while left:
            n = min(left, 16 << 20)
            f.write(os.urandom(n))
            left -= n
    cloud = Sandbox(SandboxConfig(conversion_seconds=0, max_file_size=5 << 30)).start()
    session = connect(ConnectionProfile(identity_url=cloud.identity_url, domain=cloud.domain,
                                        username=cloud.user, project_name=cloud.project_name),
                      cloud.password)
    gaps: list[float] = []
    clock = QElapsedTimer()
    beat = QTimer()
    beat.setInterval(5)

    def tick() -> None:
        gaps.append(clock.restart())

    beat.timeout.connect(tick)

    # the peer: the same upload with nothing on the GUI thread but the heartbeat
    import threading

    done = threading.Event()

    def bare_upload() -> None:
        run_upload(session.storage, UploadRequest(UploadSource(disk), "bare", "disk.vmdk",
                                                  segment_size=32 << 20))
        done.set()

    threading.Thread(target=bare_upload, daemon=True).start()
    clock.start()
    beat.start()
    while not done.is_set():
        app.processEvents()
        time.sleep(0.001)
    beat.stop()
    bare = max(gaps[3:] or [0])

    wizard = ImportWizard()
    plan = wizard.plan
    plan.session = session
    plan.file = disk
    plan.container, plan.object_name = "wizard", "disk.vmdk"
    plan.name, plan.os_type = "bench", "ubuntu"
    plan.segment_size = 32 << 20
    wizard.setStartId(int(PageId.SUBMIT))
    gaps.clear()
    started = time.perf_counter()
    clock.start()
    beat.start()
    wizard.show()
    page = wizard.currentPage()
    assert isinstance(page, SubmitPage)
    while not page.isComplete() and page.error is None:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - started
    beat.stop()
    if page.error is not None:
        raise SystemExit(f"upload failed: {page.error}")
    stalled = max(gaps[3:] or [0])
    Task.shutdown_all()
    wizard.close()
    session.close()
    cloud.stop()
    return stalled, bare, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("256M"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "gui"),
           "VMDKIMPORT_HOME": tempfile.mkdtemp(prefix="vmdkimport-coldstart-")}
    bare = cold_start(BARE, args.runs, env)
    ours = cold_start(OURS, args.runs, env)
    stalled, peer, elapsed = stall_during_upload(args.size)
    print(f"GUI-thread stall during a {format_size(args.size)} upload (5 ms heartbeat, "
          f"{elapsed:.1f} s): longest gap {stalled:.0f} ms with the wizard, {peer:.0f} ms "
          "with the same upload and no GUI work (goal < 50 ms)")
    print(f"cold start to the first page (median of {args.runs}): wizard {ours * 1000:.0f} ms, "
          f"bare QWizard {bare * 1000:.0f} ms, ratio {ours / bare:.2f}x (goal <= 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
