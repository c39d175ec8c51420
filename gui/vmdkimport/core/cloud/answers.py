"""Every answer a server gives is read through here: typed getters that raise one error.

Why one layer: an answer is untrusted input. Keystone, Swift and the import service (or a proxy
or an attacker in front of them) may send a field of the wrong JSON type, leave one out, or send
a size no disk has; each client used to index and convert by hand, and 13 of 53 hostile answers
ended in a traceback. Here a missing field, a wrong type or a value out of range becomes
:class:`~vmdkimport.core.errors.BadAnswer`, which carries the HTTP status, the request id, the
service and the field's name. Never the value: a body may echo a token or a password.

The parsers of the clients take an :class:`Answer` (not a ``requests.Response``), so a property
test can feed them any JSON without a server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from vmdkimport.core.errors import BadAnswer, request_id_of, url_without_query
from vmdkimport.core.text import Text

if TYPE_CHECKING:
    import requests

#: the largest size or count we accept: anything above is no disk, container or segment count
MAX_INT = 2**63 - 1
#: the longest text field we accept (Swift names are at most 1024 bytes; URLs a few hundred)
MAX_TEXT = 8192


@dataclass(frozen=True)
class Answer:
    """What came back: status, headers (case-insensitive names) and the body's bytes."""

    service: str
    status: int
    url: str
    content: bytes = b""
    request_id: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, response: requests.Response, service: str) -> Answer:
        return cls(service=service, status=response.status_code,
                   url=url_without_query(response.url), content=response.content or b"",
                   request_id=request_id_of(response), headers=response.headers)

    def bad(self, problem: str) -> BadAnswer:
        """The error for this answer; ``problem`` names the field, never its value."""
        return BadAnswer(status=self.status, service=self.service, url=self.url,
                         problem=problem, request_id=self.request_id)

    def json(self) -> object:
        """The body as JSON, or BadAnswer."""
        try:
            return json.loads(self.content)
        except (ValueError, RecursionError):  # RecursionError: "[[[[..." nested too deep
            raise self.bad(Text("the body is not JSON")) from None

    def body(self) -> Fields:
        """The body as a JSON object."""
        data = self.json()
        if not isinstance(data, dict):
            raise self.bad(Text("the body is not a JSON object"))
        return Fields(self, data, "")

    def items(self) -> Iterator[Fields]:
        """The body as a JSON list of objects (a Swift listing)."""
        data = self.json()
        if not isinstance(data, list):
            raise self.bad(Text("the body is not a JSON list"))
        for index, item in enumerate(data):
            if not isinstance(item, dict):
                raise self.bad(Text("{field} is not an object", field=f"[{index}]"))
            yield Fields(self, item, f"[{index}]")

    def header(self, name: str) -> str | None:
        value = self.headers.get(name)
        if value is not None and len(value) > MAX_TEXT:
            raise self.bad(Text("the header {field} is too long", field=name))
        return value

    def header_size(self, name: str, default: int = 0) -> int:
        """A header that holds a byte count (``Content-Length``, ``X-Container-Bytes-Used``)."""
        value = self.header(name)
        if value is None or value.strip() == "":
            return default
        text = value.strip()
        if not text.isascii() or not text.isdigit() or int(text) > MAX_INT:
            raise self.bad(Text("the header {field} is not a size", field=name))
        return int(text)


class Fields:
    """A JSON object of an answer, read field by field with the types we need."""

    def __init__(self, answer: Answer, data: Mapping[str, object], path: str) -> None:
        self.answer = answer
        self.data = data
        self.path = path

    def _name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def text(self, key: str) -> str:
        """A string that must be there (not empty)."""
        value = self.opt_text(key)
        if not value:
            raise self.answer.bad(Text("{field} is missing", field=self._name(key)))
        return value

    def opt_text(self, key: str, *, truncate: int | None = None) -> str | None:
        """A string or null/absent. ``truncate``: a free text (a message) is cut, not refused."""
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.answer.bad(Text("{field} is not a string", field=self._name(key)))
        if truncate is not None:
            return value[:truncate]
        if len(value) > MAX_TEXT:
            raise self.answer.bad(Text("{field} is too long", field=self._name(key)))
        return value

    def integer(self, key: str, *, default: int | None = None, minimum: int = 0,
                maximum: int = MAX_INT, digits: bool = False) -> int:
        """A whole number in range; ``default`` when absent (else it must be there).

        ``digits``: also accept a string of decimal digits (FJcloud-O's samples send
        ``"min_ram": "0"``). A boolean is never a number, whatever Python thinks.
        """
        value = self.opt_integer(key, minimum=minimum, maximum=maximum, digits=digits)
        if value is None:
            if default is None:
                raise self.answer.bad(Text("{field} is missing", field=self._name(key)))
            return default
        return value

    def opt_integer(self, key: str, *, minimum: int = 0, maximum: int = MAX_INT,
                    digits: bool = False) -> int | None:
        value = self.data.get(key)
        if value is None or (digits and value == ""):
            return None
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif digits and isinstance(value, str) and value.isascii() and value.isdigit() \
                and len(value) <= 20:
            number = int(value)
        if number is None:
            raise self.answer.bad(Text("{field} is not a whole number", field=self._name(key)))
        if not minimum <= number <= maximum:
            raise self.answer.bad(Text("{field} is out of range", field=self._name(key)))
        return number

    def time(self, key: str) -> datetime:
        """Keystone's ``2026-11-27T12:00:00.000000Z`` (and variants), as an aware datetime."""
        value = self.text(key)
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise self.answer.bad(Text("{field} is not a time", field=self._name(key))) from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)

    def opt_time(self, key: str) -> datetime | None:
        return self.time(key) if self.has(key) else None

    def obj(self, key: str) -> Fields:
        """A nested object; an empty one when absent or null."""
        value = self.data.get(key)
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise self.answer.bad(Text("{field} is not an object", field=self._name(key)))
        return Fields(self.answer, value, self._name(key))

    def objects(self, key: str) -> list[Fields]:
        """A list of objects; empty when absent or null."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.answer.bad(Text("{field} is not a list", field=self._name(key)))
        out: list[Fields] = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.answer.bad(Text("{field} is not an object",
                                           field=f"{self._name(key)}[{index}]"))
            out.append(Fields(self.answer, item, f"{self._name(key)}[{index}]"))
        return out

