"""After kill -9 between the register POST and its answer: the waiting row is found again.

The ledger row stays ``submitting`` (its process died), the service has the import. Listing the
service's imports must link the import to that row (by the ``--generate-id`` image id, which the
status answer carries as ``id``; else by name and location), never add a nameless duplicate,
and mark what cannot be linked ``unknown``.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.cloud.session import CloudSession, connect
from vmdkimport.core.register.ledger import Ledger
from vmdkimport.core.register.reconcile import adopt_listed
from vmdkimport.core.request import ImportRequest
from vmdkimport.core.rules import location_for
from vmdkimport.demo import demo_vmdk_bytes

DISK = demo_vmdk_bytes(64 * 1024 * 1024)


@pytest.fixture
def session(sandbox: Any) -> Iterator[CloudSession]:
    s = connect(ConnectionProfile(name="t", region=sandbox.region,
                                  identity_url=sandbox.identity_url, domain=sandbox.domain,
                                  username=sandbox.user, project_name=sandbox.project_name),
                sandbox.password)
    yield s
    s.close()


def _location(session: CloudSession, obj: str) -> str:
    session.storage.create_container("images")
    session.storage.put_object("images", obj, DISK,
                               etag=hashlib.md5(DISK, usedforsecurity=False).hexdigest())
    return location_for(session.project_id, "images", obj)


def _killed_after_post(session: CloudSession, ledger: Ledger, request: ImportRequest) -> int:
    """What submit_import leaves when the process dies right after the POST: row and import."""
    local = ledger.begin_submission(body=request.to_body(), region=None,
                                    import_url=session.imports.base,
                                    project_id=session.project_id)
    session.imports.register(request)  # the answer is lost with the process
    return local


def _adopt(session: CloudSession, ledger: Ledger) -> object:
    return adopt_listed(session.imports, ledger, session.imports.list(), region=None,
                        project_id=session.project_id)


def test_the_generated_image_id_links_the_import_to_the_waiting_row(
        session: CloudSession, tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite3")
    image_id = str(uuid.uuid4())
    location = _location(session, "web.vmdk")
    local = _killed_after_post(session, ledger, ImportRequest(
        name="web-01", location=location, os_type="ubuntu", image_id=image_id))
    # a decoy with the same name and location, started elsewhere
    decoy = session.imports.register(ImportRequest(name="web-01", location=location,
                                                   os_type="ubuntu")).import_id
    _adopt(session, ledger)
    _adopt(session, ledger)  # a second listing changes nothing
    entries = ledger.entries()
    assert len(entries) == 2, entries
    row = ledger.get_local(local)
    assert row is not None
    assert row.phase == "registered"
    assert row.import_id not in (None, decoy)
    assert session.imports.status(str(row.import_id)).image_id == image_id
    assert row.name == "web-01"
    other = ledger.get(decoy)
    assert other is not None
    assert other.local_id != local


def test_name_and_location_link_when_they_point_at_one_import(
        session: CloudSession, tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite3")
    location = _location(session, "db.vmdk")
    local = _killed_after_post(session, ledger, ImportRequest(
        name="db-01", location=location, os_type="ubuntu"))
    _adopt(session, ledger)
    assert [e.local_id for e in ledger.entries()] == [local]
    assert ledger.get_local(local).phase == "registered"  # type: ignore[union-attr]


def test_two_waiting_rows_for_one_name_are_not_guessed(session: CloudSession,
                                                       tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.sqlite3")
    location = _location(session, "app.vmdk")
    request = ImportRequest(name="app", location=location, os_type="ubuntu")
    first = _killed_after_post(session, ledger, request)
    second = ledger.begin_submission(body=request.to_body(), region=None,
                                     import_url=session.imports.base,
                                     project_id=session.project_id)
    _age_rows(ledger, minutes=30)
    _adopt(session, ledger)
    phases = {e.local_id: e.phase for e in ledger.entries()}
    # one import, two rows that could each be its origin: both stay unknown, the import is
    # recorded once on its own row rather than pinned on a guess
    assert phases[first] == phases[second] == "unknown"
    assert len(phases) == 3


def test_a_stale_submitting_row_is_unknown_at_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite3"
    ledger = Ledger(path)
    old = ledger.begin_submission(body={"name": "n", "location": "l"}, region=None,
                                  import_url=None, project_id=None)
    _age_rows(ledger, minutes=30)
    fresh = ledger.begin_submission(body={"name": "m", "location": "l"}, region=None,
                                    import_url=None, project_id=None)
    reopened = Ledger(path)
    assert reopened.get_local(old).phase == "unknown"  # type: ignore[union-attr]
    assert "Check the import list" in str(reopened.get_local(old).error)  # type: ignore[union-attr]
    # another process may be waiting for this answer right now
    assert reopened.get_local(fresh).phase == "submitting"  # type: ignore[union-attr]


def test_a_live_register_that_finishes_after_the_listing_keeps_one_row(tmp_path: Path) -> None:
    """The listing adopted the import before its own process recorded it: no UNIQUE clash."""
    ledger = Ledger(tmp_path / "l.sqlite3")
    local = ledger.begin_submission(body={"name": "n", "location": "l", "id": "x"},
                                    region=None, import_url=None, project_id=None)
    ledger.adopt(import_id="imp", status="processing", region=None, import_url=None,
                 project_id=None)
    entry = ledger.record_registered(local, import_id="imp", request_id="req")
    assert entry.local_id == local
    assert entry.status == "processing"
    assert [e.import_id for e in ledger.entries()] == ["imp"]


def _age_rows(ledger: Ledger, *, minutes: int) -> None:
    then = (datetime.now(UTC) - timedelta(minutes=minutes)).isoformat(timespec="seconds")
    with ledger._connect() as db:
        db.execute("UPDATE submissions SET created_at=?, updated_at=?", (then, then))

