"""The uploader against a server: every promise of the module docstring, checked on the server."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import pytest

from helpers.backends import MIB, Backend, cancel_after, make_file
from helpers.waiting import wait_until
from vmdkimport.core.disk.source import UploadSource
from vmdkimport.core.errors import ApiError, UploadCancelled
from vmdkimport.core.upload.journal import UploadJournal
from vmdkimport.core.upload.segments import Manifest, UploadIdentity, UploadRequest
from vmdkimport.core.upload.transfer import TransferControl
from vmdkimport.core.upload.uploader import (
    ObjectExists,
    Phase,
    SegmentFailed,
    Uploader,
    UploadEvent,
    run_upload,
)


def _request(path: Path, container: str, obj: str = "disk.vmdk", **kw: object) -> UploadRequest:
    values: dict[str, object] = {"segment_size": MIB, "threads": 3, "backoff": 0.05,
                                 "max_backoff": 0.2}
    values.update(kw)
    return UploadRequest(UploadSource(path), container, obj, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize("manifest", [Manifest.DLO, Manifest.SLO])
def test_segmented_upload_reads_back_byte_identical(
    backend: Backend, tmp_path: Path, unique: str, manifest: Manifest
) -> None:
    data = make_file(tmp_path / "disk.vmdk", 5 * MIB + 4321)
    events: list[UploadEvent] = []
    result = run_upload(backend.storage, _request(tmp_path / "disk.vmdk", unique,
                                                  manifest=manifest), on_event=events.append)
    assert result.sha1 == hashlib.sha1(data).hexdigest()
    assert (result.segments, result.segments_sent, result.manifest) == (6, 6, manifest)
    assert backend.read(unique, "disk.vmdk") == data
    assert result.location.endswith(f"/{unique}/disk.vmdk")
    assert result.location == backend.storage.account_path + f"/{unique}/disk.vmdk"
    # progress: monotonic bytes, ends at the total, segments counted
    done = [e.bytes_done for e in events]
    assert done == sorted(done)
    assert events[-1].bytes_done == events[-1].bytes_total == len(data)
    assert events[-1].phase is Phase.DONE
    assert events[-1].segments_done == events[-1].segments_total == 6
    # the manifest came last, after every segment
    puts = backend.puts()
    assert puts[-1].endswith(f"/{unique}/disk.vmdk")
    assert sum(1 for p in puts if f"/{unique}_segments/" in p) == 6


def test_small_file_is_one_put_and_its_sha1_is_right(backend: Backend, tmp_path: Path,
                                                     unique: str) -> None:
    data = make_file(tmp_path / "small.vmdk", 300_000)
    before = len(backend.puts())
    result = run_upload(backend.storage, _request(tmp_path / "small.vmdk", unique))
    assert (result.segments, result.manifest, result.sha1) == (
        0, None, hashlib.sha1(data).hexdigest())
    assert backend.read(unique, "disk.vmdk") == data
    object_puts = [p for p in backend.puts()[before:] if p.endswith(f"/{unique}/disk.vmdk")]
    assert len(object_puts) == 1


def test_empty_file(backend: Backend, tmp_path: Path, unique: str) -> None:
    (tmp_path / "empty.vmdk").write_bytes(b"")
    result = run_upload(backend.storage, _request(tmp_path / "empty.vmdk", unique))
    assert result.sha1 == hashlib.sha1(b"").hexdigest()
    assert backend.read(unique, "disk.vmdk") == b""


def test_identical_object_is_not_sent_again(backend: Backend, tmp_path: Path,
                                            unique: str) -> None:
    data = make_file(tmp_path / "disk.vmdk", 3 * MIB)
    first = run_upload(backend.storage, _request(tmp_path / "disk.vmdk", unique))
    before = len(backend.puts())
    again = run_upload(backend.storage, _request(tmp_path / "disk.vmdk", unique))
    assert again.skipped
    assert again.bytes_sent == 0
    assert again.sha1 == first.sha1 == hashlib.sha1(data).hexdigest()
    assert backend.puts()[before:] == []


def test_different_object_needs_overwrite_then_old_segments_go(
    backend: Backend, tmp_path: Path, unique: str
) -> None:
    path = tmp_path / "disk.vmdk"
    make_file(path, 3 * MIB, seed=1)
    run_upload(backend.storage, _request(path, unique))
    old = {o.name for o in backend.storage.list_objects(f"{unique}_segments")}
    new_data = make_file(path, 2 * MIB + 5, seed=2)
    with pytest.raises(ObjectExists) as info:
        run_upload(backend.storage, _request(path, unique))
    assert "--overwrite" in info.value.action
    assert backend.read(unique, "disk.vmdk") != new_data  # untouched
    result = run_upload(backend.storage, _request(path, unique, overwrite=True))
    assert backend.read(unique, "disk.vmdk") == new_data
    left = {o.name for o in backend.storage.list_objects(f"{unique}_segments")}
    assert left.isdisjoint(old)  # the replaced object's segments were deleted
    assert len(left) == result.segments


def test_cancel_then_resume_sends_only_what_is_missing(
    backend: Backend, tmp_path: Path, unique: str
) -> None:
    data = make_file(tmp_path / "disk.vmdk", 8 * MIB)
    request = _request(tmp_path / "disk.vmdk", unique, threads=2, limit_rate=4 * MIB)
    with pytest.raises(UploadCancelled):
        cancel_after(backend, request, 3)
    assert backend.storage.head_object(unique, "disk.vmdk") is None  # no manifest yet
    on_server = {o.name for o in backend.storage.list_objects(f"{unique}_segments")}
    assert 3 <= len(on_server) < 8
    mark = len(backend.puts())
    result = run_upload(backend.storage, _request(tmp_path / "disk.vmdk", unique, threads=2))
    resent = backend.segment_puts(unique, mark)
    assert {p.rsplit("/", 1)[-1] for p in resent}.isdisjoint(
        {n.rsplit("/", 1)[-1] for n in on_server})
    assert len(resent) == 8 - len(on_server)
    assert result.segments_skipped == len(on_server)
    assert result.sha1 == hashlib.sha1(data).hexdigest()  # re-hashed what was skipped
    assert backend.read(unique, "disk.vmdk") == data


def test_resume_without_the_journal_checks_local_md5(
    backend: Backend, tmp_path: Path, unique: str
) -> None:
    """Another computer, or a lost journal: present segments are verified, not re-sent."""
    data = make_file(tmp_path / "disk.vmdk", 4 * MIB)
    request = _request(tmp_path / "disk.vmdk", unique, threads=1)
    with pytest.raises(UploadCancelled):
        cancel_after(backend, request, 2)
    size, mtime = UploadSource(tmp_path / "disk.vmdk").stat()
    UploadJournal(UploadIdentity(unique, "disk.vmdk", size, mtime, MIB)).remove()
    mark = len(backend.puts())
    result = run_upload(backend.storage, request)
    assert result.segments_skipped >= 2
    assert len(backend.segment_puts(unique, mark)) == 4 - result.segments_skipped
    assert backend.read(unique, "disk.vmdk") == data


def test_a_changed_segment_on_the_server_is_sent_again(
    backend: Backend, tmp_path: Path, unique: str
) -> None:
    data = make_file(tmp_path / "disk.vmdk", 3 * MIB)
    with pytest.raises(UploadCancelled):
        cancel_after(backend, _request(tmp_path / "disk.vmdk", unique, threads=1), 2)
    on_server = sorted(o.name for o in backend.storage.list_objects(f"{unique}_segments"))
    # same size, other content: only the ETag can tell
    backend.storage.put_object(f"{unique}_segments", on_server[0], b"x" * MIB)
    result = run_upload(backend.storage, _request(tmp_path / "disk.vmdk", unique, threads=1))
    assert backend.read(unique, "disk.vmdk") == data
    assert result.segments_skipped == len(on_server) - 1
    assert result.segments_sent == 3 - result.segments_skipped


class _PausingControl(TransferControl):
    """Presses Pause itself when the ``pause_after``-th chunk asks to go out, so the pause lands
    mid-upload on any machine; then notes which threads stop at it, and counts the times one
    got through it while still paused (which must never happen)."""

    def __init__(self, pause_after: int) -> None:
        super().__init__()
        self._watch = threading.Lock()
        self._chunks = 0
        self._pause_after = pause_after
        self.held: set[str] = set()
        self.through_while_paused = 0

    def throttle(self, amount: int) -> None:
        with self._watch:
            self._chunks += 1
            if self._chunks == self._pause_after:
                self.pause()
        super().throttle(amount)

    def check(self) -> None:
        if self.paused:
            with self._watch:
                self.held.add(threading.current_thread().name)
        super().check()
        if self.paused:
            with self._watch:
                self.through_while_paused += 1


def test_stopping_while_paused_leaves_no_worker_behind(sandbox_backend: Backend,
                                                       tmp_path: Path) -> None:
    """A front end that drops the upload while it is paused (the window closed without Cancel)
    must not leave a worker waiting for Resume, nor hang in the generator's cleanup."""
    make_file(tmp_path / "disk.vmdk", 6 * MIB)
    control = _PausingControl(pause_after=3)
    events = Uploader(sandbox_backend.storage,
                      _request(tmp_path / "disk.vmdk", "dropped", threads=2), control).run()
    for _ in events:
        if control.paused and len(control.held) == 2:
            break
        if control.paused:
            wait_until(lambda: len(control.held) == 2, timeout=10,
                       what="both upload workers to stop at the pause")
    closer = threading.Thread(target=events.close)  # type: ignore[attr-defined]
    closer.start()
    closer.join(timeout=10)
    assert not closer.is_alive(), "closing a paused upload hangs"
    assert not [t for t in threading.enumerate() if t.name.startswith("upload-")]


def test_pause_stops_sending_until_resume(sandbox_backend: Backend, tmp_path: Path) -> None:
    make_file(tmp_path / "disk.vmdk", 6 * MIB)
    control = _PausingControl(pause_after=3)  # six chunks of 1 MiB; pause asked by the third
    request = _request(tmp_path / "disk.vmdk", "paused", threads=2)
    held = checked_while_paused = False
    for event in Uploader(sandbox_backend.storage, request, control).run():
        if held and not checked_while_paused:
            # The first event made after both workers stopped at the pause
            assert event.paused
            # at most the two chunks that were let through before the third asked
            assert event.bytes_done <= 2 * MIB
            checked_while_paused = True
            control.resume()
        elif control.paused and not held:
            # Both workers stopped at the pause: from here on nothing can go out until resume.
            wait_until(lambda: len(control.held) == 2, timeout=10,
                       what="both upload workers to stop at the pause",
                       show=lambda _: sorted(control.held))
            held = True
    assert checked_while_paused
    assert event.result is not None
    assert event.result.segments_sent == 6
    assert control.through_while_paused == 0


def test_bandwidth_limit_is_respected(sandbox_backend: Backend, tmp_path: Path) -> None:
    make_file(tmp_path / "disk.vmdk", 6 * MIB)
    started = time.monotonic()
    run_upload(sandbox_backend.storage, _request(tmp_path / "disk.vmdk", "slow",
                                                 limit_rate=2 * MIB))
    # 6 MiB at 2 MiB/s after a one-second burst (2 MiB): at least 2 s. A lower bound: a slow
    # machine only makes it longer, so this cannot flake; speed claims live in benchmarks/.
    assert time.monotonic() - started >= 1.9


class _CancelWatch(TransferControl):
    """Says when the ``inside``-th chunk asks to go out, and counts the chunks let out after
    a cancel: those that asked after it (none may go) and those already asking (at most one per
    worker, the chunk in hand)."""

    def __init__(self, inside: int) -> None:
        super().__init__()
        self._watch = threading.Lock()
        self._chunks = 0
        self._inside = inside
        self.reached = threading.Event()
        self.asked_after_cancel_and_went = 0
        self.went_after_cancel = 0

    def throttle(self, amount: int) -> None:
        asked_after_cancel = self.cancelled
        with self._watch:
            self._chunks += 1
            if self._chunks == self._inside:
                self.reached.set()
        super().throttle(amount)
        with self._watch:
            self.asked_after_cancel_and_went += asked_after_cancel
            self.went_after_cancel += self.cancelled


def test_cancel_inside_a_segment_stops_within_a_chunk(sandbox_backend: Backend,
                                                       tmp_path: Path) -> None:
    make_file(tmp_path / "disk.vmdk", 8 * MIB)
    # The 8 MiB segment asked for is cut to the 2 MiB single-PUT limit: chunks of 1 MiB, so
    # the fourth chunk is the second half of the second segment.
    control = _CancelWatch(inside=4)
    request = _request(tmp_path / "disk.vmdk", "cancel", segment_size=8 * MIB, threads=1,
                       limit_rate=2 * MIB)

    def press_cancel() -> None:  # from another thread, as the wizard's Cancel button does
        control.reached.wait(30)
        control.cancel()

    canceller = threading.Thread(target=press_cancel)
    canceller.start()
    with pytest.raises(UploadCancelled):
        run_upload(sandbox_backend.storage, request, control)
    canceller.join()
    assert control.reached.is_set()
    assert control.asked_after_cancel_and_went == 0  # stopped within the chunk in hand,
    assert control.went_after_cancel <= 1  # not at the end of the segment
    assert threading.active_count() < 10  # no worker left behind


def test_server_errors_are_retried_with_the_body_reread(sandbox_backend: Backend,
                                                        tmp_path: Path) -> None:
    data = make_file(tmp_path / "disk.vmdk", 3 * MIB)
    sandbox = sandbox_backend.sandbox
    sandbox.inject_fault("object-storage", "PUT", r"_segments/.*/00000001$", 503, count=2)
    sandbox.inject_fault("object-storage", "PUT", r"_segments/.*/00000002$", 0, count=1)
    result = run_upload(sandbox_backend.storage, _request(tmp_path / "disk.vmdk", "retry"))
    assert result.retries == 3
    assert sandbox_backend.read("retry", "disk.vmdk") == data


def test_a_segment_that_keeps_failing_names_itself(sandbox_backend: Backend,
                                                   tmp_path: Path) -> None:
    make_file(tmp_path / "disk.vmdk", 3 * MIB)
    sandbox_backend.sandbox.inject_fault("object-storage", "PUT", r"_segments/.*/00000001$",
                                         500, count=99)
    with pytest.raises(SegmentFailed) as info:
        run_upload(sandbox_backend.storage, _request(tmp_path / "disk.vmdk", "fail",
                                                     max_attempts=3))
    assert "Segment 2" in str(info.value)
    assert "failed 3 times" in str(info.value)
    assert "resumes" in info.value.action


def test_413_says_what_the_limit_is(sandbox_backend: Backend, tmp_path: Path) -> None:
    make_file(tmp_path / "disk.vmdk", 3 * MIB)
    sandbox_backend.sandbox.inject_fault("object-storage", "PUT", r"_segments/", 413)
    with pytest.raises(ApiError) as info:
        run_upload(sandbox_backend.storage, _request(tmp_path / "disk.vmdk", "big"))
    assert info.value.status == 413
    assert "larger than object storage accepts" in str(info.value)


def test_an_expiring_token_is_replaced_mid_upload(sandbox_backend: Backend,
                                                  tmp_path: Path) -> None:
    data = make_file(tmp_path / "disk.vmdk", 6 * MIB)
    sandbox = sandbox_backend.sandbox
    expired: list[bool] = []
    for event in Uploader(sandbox_backend.storage,
                          _request(tmp_path / "disk.vmdk", "expiry", threads=2)).run():
        if event.segments_done >= 2 and not expired:
            sandbox.expire_tokens()
            expired.append(True)
    assert sandbox_backend.read("expiry", "disk.vmdk") == data
    refused = [r for r in sandbox.requests() if r["status"] == 401]
    assert refused  # the server did refuse the old token...
    renewals = getattr(sandbox_backend.storage.tokens, "renewals", 0)
    assert renewals >= 1  # ...and a new one was fetched


def test_slo_segment_size_is_raised_to_fit_the_manifest_limit(
    sandbox_backend: Backend, tmp_path: Path
) -> None:
    from vmdkimport.core.upload.segments import choose_segment_size

    assert choose_segment_size(3000 * MIB, MIB, max_file_size=10 * MIB,
                               max_segments=1000) == 3 * MIB
    with pytest.raises(Exception, match="segments"):
        choose_segment_size(10**9, None, max_file_size=1000, max_segments=10)


def test_a_plain_object_from_another_tool_is_compared_by_md5(
    backend: Backend, tmp_path: Path, unique: str
) -> None:
    data = make_file(tmp_path / "disk.vmdk", 1_500_000)
    backend.storage.create_container(unique)
    backend.storage.put_object(unique, "same.vmdk", data)  # no metadata of ours
    backend.storage.put_object(unique, "other.vmdk", bytes(len(data)))  # same size, zeros
    mark = len(backend.puts())
    events: list[UploadEvent] = []
    same = run_upload(backend.storage, _request(tmp_path / "disk.vmdk", unique, "same.vmdk"),
                      on_event=events.append)
    assert same.skipped
    assert same.sha1 == hashlib.sha1(data).hexdigest()
    assert any(e.phase is Phase.HASHING for e in events)  # the long local pass reports progress
    with pytest.raises(ObjectExists):
        run_upload(backend.storage, _request(tmp_path / "disk.vmdk", unique, "other.vmdk"))
    assert backend.puts()[mark:] == []


def test_a_file_that_shrinks_while_it_is_read_is_one_clear_error(tmp_path: Path) -> None:
    """Every reader of the source (segments, SHA1, the local hash) says the same when the file
    ends before the size the upload started with: the user changed it meanwhile."""
    from vmdkimport.core.disk.source import UploadSource
    from vmdkimport.core.errors import ConfigError
    from vmdkimport.core.rules import Field
    from vmdkimport.core.upload.segments import Segment
    from vmdkimport.core.upload.transfer import TransferControl
    from vmdkimport.core.upload.uploader import _LocalHash

    disk = tmp_path / "disk.vmdk"
    disk.write_bytes(b"x" * 1000)
    reader = _LocalHash(UploadSource(disk), [Segment(0, 0, 4096, "disk.vmdk")],
                        TransferControl(), threading.Event())
    reader.run()
    assert isinstance(reader.error, ConfigError)
    assert str(reader.error) == f"{disk} got shorter during the upload."
    assert reader.error.field is Field.DISK
    assert reader.error.action == ("The disk changed while it was read: stop the VM or wait for "
                                   "the copy to finish, then upload again.")


def test_each_event_says_the_state_of_every_segment(sandbox_backend: Backend,
                                                    tmp_path: Path) -> None:
    """The Upload page's map shows which segments are sent, in flight, waiting or already
    there: the events say it per segment, not only as counts."""
    make_file(tmp_path / "disk.vmdk", 6 * MIB)
    request = _request(tmp_path / "disk.vmdk", "states", threads=2)
    events = list(Uploader(sandbox_backend.storage, request).run())
    states = [e.segment_states for e in events if e.segment_states]
    assert states
    assert all(len(s) == 6 for s in states)
    assert all(set(s) <= set(b"wfsr") for s in states)
    assert states[-1] == b"ssssss"
    for event in events:
        if event.segment_states:
            assert event.segment_states.count(b"s") + event.segment_states.count(b"r") \
                == event.segments_done
    # a second run over a journal: every segment already there
    again = list(Uploader(sandbox_backend.storage, _request(tmp_path / "disk.vmdk", "states",
                                                            threads=2, overwrite=True)).run())
    last = [e.segment_states for e in again if e.segment_states]
    assert not last or set(last[-1]) <= set(b"rs")
