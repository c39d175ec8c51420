"""The ledger keeps every attempt and import id, atomically, across processes and crashes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

from vmdkimport.core.cloud.imageimport import ImportState, ImportSummary
from vmdkimport.core.register.ledger import Ledger

BODY = {"name": "web", "location": "/v1/AUTH_p/c/web.vmdk", "os_type": "ubuntu"}


def test_lifecycle_and_events(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite3")
    local = ledger.begin_submission(body=BODY, region="jp-east-1", import_url="u",
                                    project_id="p")
    assert ledger.get_local(local).phase == "submitting"  # type: ignore[union-attr]
    entry = ledger.record_registered(local, import_id="imp-1", request_id="req-1")
    assert (entry.phase, entry.import_id, entry.status) == ("registered", "imp-1", "queued")
    assert entry.is_open
    assert ledger.record_status("imp-1", "processing", 10)
    assert not ledger.record_status("imp-1", "processing", 10)  # no change, no event
    assert ledger.record_status("imp-1", "queued", 10)  # back to queued is a change
    assert ledger.record_status("imp-1", "succeeded", 100)
    assert not ledger.get("imp-1").is_open  # type: ignore[union-attr]
    assert [e.status for e in ledger.events("imp-1")] == [
        "registered", "processing", "queued", "succeeded"]
    assert ledger.get("imp-1").as_dict()["body"] == BODY  # type: ignore[union-attr]


def test_rejected_and_unknown_are_kept(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite3")
    a = ledger.begin_submission(body=BODY, region=None, import_url=None, project_id=None)
    ledger.record_rejected(a, error="40006 bad os", request_id="req-9")
    b = ledger.begin_submission(body=BODY, region=None, import_url=None, project_id=None)
    ledger.record_unknown(b, error="timed out")
    assert [e.phase for e in ledger.entries()] == ["unknown", "rejected"]
    assert ledger.open_imports() == []


def test_adopt_adds_imports_started_elsewhere_once(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite3")
    assert ledger.adopt(import_id="x", status="processing", region=None, import_url=None,
                        project_id="p")
    assert not ledger.adopt(import_id="x", status="processing", region=None, import_url=None,
                            project_id="p")
    assert [e.import_id for e in ledger.open_imports()] == ["x"]


def test_threads_and_processes_share_it(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite3"
    ledger = Ledger(path)

    def work(n: int) -> None:
        for i in range(20):
            local = ledger.begin_submission(body=BODY, region=None, import_url=None,
                                            project_id=None)
            ledger.record_registered(local, import_id=f"t{n}-{i}", request_id=None)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    code = textwrap.dedent(f"""
        from pathlib import Path
        from vmdkimport.core.register.ledger import Ledger
        led = Ledger(Path({str(path)!r}))
        for i in range(20):
            loc = led.begin_submission(body={{"name": "p", "location": "l"}}, region=None,
                                       import_url=None, project_id=None)
            led.record_registered(loc, import_id=f"proc-{{i}}", request_id=None)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code])
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert proc.wait(timeout=60) == 0
    ids = {e.import_id for e in ledger.entries()}
    assert len(ids) == 100


def test_a_hard_kill_while_writing_never_corrupts_it(tmp_path: Path) -> None:
    """kill -9 in the middle of a stream of writes: every committed id is still readable."""
    path = tmp_path / "l.sqlite3"
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from vmdkimport.core.register.ledger import Ledger
        led = Ledger(Path({str(path)!r}))
        i = 0
        while True:
            loc = led.begin_submission(body={{"name": "k", "location": "l"}}, region=None,
                                       import_url=None, project_id=None)
            led.record_registered(loc, import_id=f"k-{{i}}", request_id=None)
            print(i, flush=True)
            i += 1
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    acknowledged = -1
    for line in proc.stdout:
        acknowledged = int(line)
        if acknowledged >= 30:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    ledger = Ledger(path)
    ids = {e.import_id for e in ledger.entries() if e.import_id}
    # Everything the writer reported as done survived; at most the one in flight is missing.
    assert {f"k-{i}" for i in range(acknowledged + 1)} <= ids


def test_status_never_goes_back_from_a_final_state(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite3")
    for final in ("succeeded", "failed", "canceled"):
        local = ledger.begin_submission(body={"name": final, "location": "l"}, region=None,
                                        import_url=None, project_id=None)
        ledger.record_registered(local, import_id=final, request_id=None)
        assert ledger.record_status(final, final, 100)
        assert not ledger.record_status(final, "processing", 40)
        entry = ledger.get(final)
        assert entry is not None
        assert (entry.status, entry.progress) == (final, 100)
        assert [e.status for e in ledger.events(final)] == ["registered", final]


def test_adopting_2000_imports_is_one_transaction(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite3")
    items = [ImportSummary(f"{i:08d}-0000-4000-8000-000000000000", ImportState.SUCCEEDED, None)
             for i in range(2000)]
    commits = _count_commits(ledger)
    started = time.perf_counter()
    added = ledger.adopt_many(items, region=None, import_url=None, project_id="p")
    elapsed = time.perf_counter() - started
    assert commits() == 1
    assert added == 2000
    assert len(ledger.entries()) == 2000
    print(f"adopt_many(2000): {elapsed:.3f} s")


def _count_commits(ledger: Ledger) -> Any:
    count = [0]
    real = ledger._connect

    def counting() -> Any:
        count[0] += 1
        return real()

    ledger._connect = counting  # type: ignore[method-assign]
    return lambda: count[0]
