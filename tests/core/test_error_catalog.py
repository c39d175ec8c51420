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


# --- where the tool's advice must follow the page's Action column ------------------------------

@pytest.mark.parametrize("code", ["50001", "50002", "50003"])
def test_internal_errors_say_contact_support_and_to_quote_the_request_id(code: str) -> None:
    """The page's action is "Contact support.": ours is that, plus what support will need."""
    entry = TABLE5[code]
    assert entry.provider_action == "Contact support."
    assert entry.action.startswith("Contact support.")
    assert "quote the request id" in entry.action.lower()
    assert "try again" not in entry.action.lower()


def _order(action: str, *phrases: str) -> list[int]:
    lower = action.lower()
    return [lower.index(p.lower()) for p in phrases]


def test_50301_without_a_count_gives_both_halves_the_page_s_way_round() -> None:
    """100 or fewer running: try again after others finish; more than 100: contact support."""
    action = TABLE5["50301"].action
    assert "fewer than 100" not in action
    few, retry, many, support = _order(action, "100 or fewer", "try again after",
                                       "more than 100", "contact support")
    assert few < retry < many < support
    assert error_catalog.busy_action(None).template == action


@pytest.mark.parametrize("running", [0, 1, 57, 100])
def test_50301_with_100_or_fewer_running_says_to_try_again_later(running: int) -> None:
    action = error_catalog.busy_action(running)
    assert re.search(rf"\b{running}\b", action)
    assert "try again after some of them have finished" in action
    # the retry advice comes first; support only for what this project cannot see
    assert action.lower().index("try again") < action.lower().find("contact support") or (
        "contact support" not in action.lower())


@pytest.mark.parametrize("running", [101, 250])
def test_50301_with_more_than_100_running_says_to_contact_support(running: int) -> None:
    action = error_catalog.busy_action(running)
    assert re.search(rf"\b{running}\b", action)
    assert "contact support" in action.lower()
    assert "try again" not in action.lower()
