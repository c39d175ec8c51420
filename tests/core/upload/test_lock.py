"""Two uploads to one destination at once (issue #11, 1): the second is told, clearly."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.backends import MIB, Backend, make_file
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.upload.lock import UploadInProgress, UploadLock
from vmdkimport.core.upload.segments import UploadRequest
from vmdkimport.core.upload.uploader import Uploader, run_upload


def test_a_second_upload_of_the_same_disk_is_refused_while_the_first_runs(
    sandbox_backend: Backend, tmp_path: Path
) -> None:
    path = tmp_path / "disk.vmdk"
    data = make_file(path, 6 * MIB)
    request = UploadRequest(UploadSource(path), "twice", "disk.vmdk", segment_size=MIB,
                            threads=1, limit_rate=4 * MIB)
    first = Uploader(sandbox_backend.storage, request).run()
    for event in first:
        if event.segments_done >= 1:
            break
    with pytest.raises(UploadInProgress) as info:
        run_upload(sandbox_backend.storage, request)
    assert f"process {os.getpid()}" in str(info.value)
    assert str(path) in str(info.value)
    assert "twice/disk.vmdk" in str(info.value)
    assert "run this one again" in info.value.action
    result = None
    for event in first:
        result = event.result or result
    assert result is not None
    assert result.sha1 == hashlib.sha1(data).hexdigest()
    assert result.segments_sent == 6  # the second one sent nothing
    again = run_upload(sandbox_backend.storage, request)  # free again once the first ended
    assert again.skipped


def test_the_lock_goes_with_a_killed_process(tmp_path: Path) -> None:
    code = ("import sys, time; from pathlib import Path; "
            "from vmdkimport.core.upload.lock import UploadLock; "
            "held = UploadLock('http://s/v1/AUTH_p', 'c', 'o.vmdk', source=Path('d'), "
            "directory=Path(sys.argv[1])); held.acquire(); print('held', flush=True); "
            "time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        lock = UploadLock("http://s/v1/AUTH_p", "c", "o.vmdk", source=Path("d"),
                          directory=tmp_path)
        with pytest.raises(UploadInProgress, match=f"process {holder.pid}"):
            lock.acquire()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with lock:
        pass  # the kernel released it
    if os.name == "posix":
        assert lock.path.stat().st_mode & 0o777 == 0o600
