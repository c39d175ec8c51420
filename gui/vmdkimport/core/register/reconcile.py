"""Find the import of a register call whose answer was lost, and link it to its ledger row.

A process killed (or a network cut) between the POST and its answer leaves a ledger row without
an import id, while the service may have started the import. When the service's list is read
(``list --remote``, History), each listed import the ledger does not know is a candidate:

1. The list answer carries only ``import_id`` and ``import_status``; the status answer carries
   the image id as ``id``, with ``name`` and ``location``. So the status of a new import is asked
   for, only while some row is still waiting, and only until every waiting row is linked.
2. A row is linked when its ``--generate-id`` image id equals the import's ``id``: that id is
   ours, chosen before the POST, and the service refuses it a second time in a project.
3. Without an image id, when exactly one waiting row and exactly one new import share the name
   and the location. Two rows for one name (a retry after a lost answer) are not guessed at: the
   import is recorded on its own row and both waiting rows say ``unknown``.

The list answer carries no time, so time only bounds which rows still wait (a row younger than
``ledger.STALE_AFTER`` may belong to a process waiting for its answer right now; it may be linked,
never marked ``unknown``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from vmdkimport.core.cloud.imageimport import ImageImportClient, ImportStatus, ImportSummary
from vmdkimport.core.errors import ApiError, TransportError
from vmdkimport.core.register.ledger import Ledger, LedgerEntry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Adoption:
    """What reading the service's list changed in the ledger."""

    added: int  #: imports new to the ledger, linked ones included
    linked: int  #: of those, found to be a waiting row's lost answer
    unknown: int  #: waiting rows that are now ``unknown`` (their process is gone)


def adopt_listed(client: ImageImportClient, ledger: Ledger, items: Sequence[ImportSummary], *,
                 region: str | None, project_id: str | None) -> Adoption:
    """Record ``items`` (one page of ``client.list()``) in one transaction, linking lost answers."""
    waiting = ledger.waiting(project_id=project_id, import_url=client.base)
    links: dict[str, int] = {}
    if waiting:
        known = ledger.known(item.import_id for item in items)
        fresh = [item for item in items if item.import_id not in known]
        links = _match(client, waiting, fresh)
    added = ledger.adopt_many(items, region=region, import_url=client.base,
                              project_id=project_id, links=links)
    unknown = ledger.settle_stale()
    return Adoption(added=added, linked=len(links), unknown=unknown)


def _match(client: ImageImportClient, waiting: list[LedgerEntry],
           fresh: list[ImportSummary]) -> dict[str, int]:
    by_image = {e.image_id.lower(): e for e in waiting if e.image_id}
    by_place: dict[tuple[str, str], list[LedgerEntry]] = {}
    for entry in waiting:
        if not entry.image_id:
            by_place.setdefault((entry.name, entry.location), []).append(entry)
    links: dict[str, int] = {}
    place_hits: dict[tuple[str, str], list[str]] = {}
    for item in fresh:
        if len(links) == len(by_image) and not by_place:
            break  # every row that could be linked is: no more status calls
        status = _status(client, item.import_id)
        if status is None:
            continue
        image = (status.image_id or "").lower()
        if image and image in by_image:
            links[item.import_id] = by_image[image].local_id
        elif status.name is not None and status.location is not None:
            place_hits.setdefault((status.name, status.location), []).append(item.import_id)
    for place, rows in by_place.items():
        hits = place_hits.get(place, [])
        if len(rows) == 1 and len(hits) == 1:
            links[hits[0]] = rows[0].local_id
        elif rows and hits:
            log.info("%d waiting attempts and %d imports share name and location %s: not "
                     "linked", len(rows), len(hits), place)
    return links


def _status(client: ImageImportClient, import_id: str) -> ImportStatus | None:
    try:
        return client.status(import_id)
    except (ApiError, TransportError) as exc:  # one import's status is not worth the listing
        log.warning("status of %s not available for linking: %s", import_id, exc)
        return None
