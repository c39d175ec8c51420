"""The catalog against the provider's own page: every Table-5 row and Table-6 status."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vmdkimport.core import error_catalog
from vmdkimport.core.error_catalog import FIELD_STEP, STATUS, TABLE5, lookup
from vmdkimport.core.rules import Field

SEED = Path(__file__).resolve().parents[1] / "data" / "register-image.txt"


def _table5() -> list[tuple[int, str, str, str]]:
    """(status, code, message, action) rows parsed from the seed page."""
    text = SEED.read_text(encoding="utf-8")
    section = text.split("Table 5.", 1)[1].split("Status code\n\nRefer", 1)[0]
    rows = []
    for line in section.splitlines():
        m = re.match(r"(\d{3}) (\d{5}) (.+)$", line.strip())
        if not m:
            continue
        rest = m.group(3)
        # The message ends at the first sentence boundary after which the action starts.
        for entry in TABLE5.values():
            if entry.key == m.group(2):
                assert entry.provider_message is not None
                message = entry.provider_message
                assert rest.startswith(message), (m.group(2), rest)
                rows.append((int(m.group(1)), m.group(2), message,
                             rest[len(message):].strip()))
                break
        else:
            rows.append((int(m.group(1)), m.group(2), rest, ""))
    return rows


SEED_ROWS = _table5()


def test_the_seed_table_was_read() -> None:
    assert len(SEED_ROWS) == 20


@pytest.mark.parametrize(("status", "code", "message", "action"), SEED_ROWS,
                         ids=[r[1] for r in SEED_ROWS])
def test_every_table5_row_is_in_the_catalog_verbatim(
    status: int, code: str, message: str, action: str
) -> None:
    entry = TABLE5[code]
    assert entry.status == status
    assert entry.provider_message == message
    assert entry.provider_action == action
    assert entry.message
    assert entry.action
    assert entry.step is FIELD_STEP[entry.field]
    assert lookup(status, code) is entry


def test_catalog_has_no_row_the_seed_lacks() -> None:
    assert set(TABLE5) == {r[1] for r in SEED_ROWS}


@pytest.mark.parametrize("status", [400, 401, 403, 500, 503])
def test_every_table6_error_status_has_an_entry(status: int) -> None:
    entry = STATUS[status]
    assert lookup(status, None) is entry
    assert entry.message
    assert entry.action


def test_retry_makes_sense_only_for_500_and_503() -> None:
    retryable = {code for code, e in TABLE5.items() if e.retryable}
    assert retryable == {"50001", "50002", "50003", "50301"}


@pytest.mark.parametrize(("code", "field"), [
    ("40001", Field.NAME), ("40002", Field.LOCATION), ("40005", Field.OS_TYPE),
    ("40006", Field.OS_TYPE), ("40011", Field.PROJECT), ("40025", Field.LOCATION),
    ("40027", Field.IMAGE_ID), ("40028", Field.NAME), ("40031", Field.CHECKSUM),
    ("40032", Field.MIN_RAM), ("40033", Field.MIN_DISK), ("40034", Field.KMS),
    ("40037", Field.DISK), ("40301", Field.CREDENTIALS),
])
def test_field_to_fix(code: str, field: Field) -> None:
    assert TABLE5[code].field is field


def test_unknown_codes_fall_back_by_status() -> None:
    assert lookup(400, "49999") is STATUS[400]
    assert lookup(418, None) is error_catalog.GENERIC_4XX
    assert lookup(599, None) is error_catalog.GENERIC_5XX
    assert lookup(401, None, service="identity").key == "identity-401"


def test_identity_401_mentions_the_lockout() -> None:
    assert "5 failed sign-ins within 15 minutes" in lookup(401, None, service="identity").action
