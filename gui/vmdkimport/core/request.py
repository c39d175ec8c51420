"""The register request: every field of Table 2 and the exact JSON body it becomes.

The body is built here and nowhere else, so what the Review page shows is byte for byte what is
sent. Unset optionals are left out rather than sent as null, because the page documents defaults
("If omitted, 0 will be used") only for omission.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from vmdkimport.core import rules
from vmdkimport.core.rules import Problem


@dataclass(frozen=True)
class KmsSettings:
    """KMS licence activation for a Windows image.

    ``server_info`` empty means "the region's default KMS server on port 1688" (documented).
    The page writes ``kms`` as ``{"server_info": ..., "activate": true}`` and marks only
    ``server_info`` optional, and "true" is the only value ``activate`` takes: a ``kms`` object
    always asks for activation. So a server given without ``activate`` still activates against
    it; ``activate`` alone activates against the region's default server.
    """

    server_info: str | None = None
    activate: bool = False

    def to_body(self) -> dict[str, Any] | None:
        """The ``kms`` object, or None when there is nothing to say (kms must then be omitted)."""
        out: dict[str, Any] = {}
        if self.server_info and self.server_info.strip():
            out["server_info"] = rules.normalize_server_info(self.server_info)
        if not out and not self.activate:
            return None
        out["activate"] = True
        return out


@dataclass(frozen=True)
class ImportRequest:
    """Everything ``POST /v1/imageimport`` takes (Table 2), nothing it has retired."""

    name: str
    location: str
    os_type: str
    checksum: str | None = None
    image_id: str | None = None  # the body's "id"
    min_ram: int | None = None
    min_disk: int | None = None
    kms: KmsSettings | None = field(default=None)

    def to_body(self) -> dict[str, Any]:
        """The documented body. ``kms`` only for Windows os_types, whose value alone it affects."""
        body: dict[str, Any] = {"name": self.name, "location": self.location}
        if self.checksum:
            body["checksum"] = self.checksum.strip().lower()
        if self.image_id:
            body["id"] = self.image_id.strip().lower()
        if self.min_ram is not None:
            body["min_ram"] = self.min_ram
        if self.min_disk is not None:
            body["min_disk"] = self.min_disk
        body["os_type"] = self.os_type
        if self.kms is not None and rules.is_windows(self.os_type):
            kms = self.kms.to_body()
            if kms is not None:
                body["kms"] = kms
        return body

    def to_json(self, *, indent: int | None = None) -> str:
        """The body as sent (``indent`` only for display)."""
        return json.dumps(self.to_body(), ensure_ascii=False, indent=indent)

    def validate(self, *, project_id: str | None = None) -> list[Problem]:
        """Every problem the service would report for this request, first one first."""
        return rules.check_body(self.to_body(), project_id=project_id)

    def with_checksum(self, sha1: str) -> ImportRequest:
        return replace(self, checksum=sha1)

    @property
    def location_parts(self) -> rules.Location | None:
        loc, _ = rules.parse_location(self.location)
        return loc
