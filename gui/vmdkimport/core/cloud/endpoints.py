"""Where the services are: region presets, the token's catalog, or URLs the user typed.

K5 / FJcloud-O hosts follow ``https://<service>.<region>.cloud.global.fujitsu.com``; East/West
Japan Region 3 (``jp-east-3``/``jp-west-3``) names its image import host ``import-export`` and
addresses Swift under ``/v2/AUTH_<project>`` (see :data:`REGION3`). All known
clients find endpoints in the catalog by the endpoint *name* (``objectstorage``, ``vmimport``),
because the catalog *types* of these two services are unconfirmed; we do the same and fall back
to the usual OpenStack type. The precedence is: what the user typed, then the catalog, then the
region preset.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from vmdkimport.core.errors import ConfigError
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text

DOMAIN_SUFFIX: Final = "cloud.global.fujitsu.com"

#: Regions we offer as presets (the issue's list; reference §2). The provider shut the K5
#: international regions down; they stay for users of private or remaining deployments.
REGIONS: Final[tuple[str, ...]] = (
    "jp-east-1", "jp-east-2", "jp-west-1", "jp-west-2", "uk-1", "fi-1", "de-1", "es-1",
    "jp-east-3", "jp-west-3",
)

#: East/West Japan Region 3, the newer FJcloud-O generation. Sources (the provider's own pages):
#: - region ids and identity hosts: IaaS API reference v3, "List regions",
#:   https://doc.cloud.global.fujitsu.com/lib/iaas/jp/api-reference/v3/web/k5-iaas-api-reference/reference/key_re_list_regions/
#:   (``https://identity.jp-east-3.cloud.global.fujitsu.com``, ``…jp-west-3…``);
#: - image import host ``import-export.<region>``: "Register an Image",
#:   https://doc.cloud.global.fujitsu.com/lib/iaas/jp/api-reference/v3/web/k5-iaas-api-reference/reference/fj_post_register_an_image
#:   (which also gives the location as ``/v2/AUTH_<project>/<container>/<object>``);
#: - Swift path ``/v2/AUTH_<project>``: the import request task,
#:   https://doc.cloud.global.fujitsu.com/lib/iaas/jp/function-manual/task/task_compute_image_import_request.html
#: The Swift *host* ``objectstorage.<region>`` is unconfirmed: no provider page that we could read
#: names it (the S3-compatible one is ``objectstorage-s.<region>``); we follow the host pattern
#: of the other regions. The token's catalog wins over it anyway.
REGION3: Final[tuple[str, ...]] = ("jp-east-3", "jp-west-3")

OBJECT_STORAGE: Final = "objectstorage"
IMAGE_IMPORT: Final = "vmimport"
IDENTITY: Final = "identityv3"

#: catalog entry names we accept for each service, then the OpenStack types as a fallback
_NAMES: Final[dict[str, tuple[str, ...]]] = {
    OBJECT_STORAGE: ("objectstorage", "swift", "object-store"),
    IMAGE_IMPORT: ("vmimport", "import-export"),
    IDENTITY: ("identityv3", "identity", "keystone"),
}
_TYPES: Final[dict[str, tuple[str, ...]]] = {
    OBJECT_STORAGE: ("object-store",),
    IMAGE_IMPORT: ("vmimport", "image-import"),
    IDENTITY: ("identity",),
}


_HOSTS: Final[dict[str, str]] = {
    OBJECT_STORAGE: "objectstorage", IMAGE_IMPORT: "vmimport", IDENTITY: "identity",
}
#: Region 3 differs in the import host only (documented; see REGION3)
_HOSTS_REGION3: Final[dict[str, str]] = {**_HOSTS, IMAGE_IMPORT: "import-export"}


def preset_url(service: str, region: str) -> str:
    """``https://<host service>.<region>.cloud.global.fujitsu.com`` for a catalog service name."""
    host = (_HOSTS_REGION3 if region in REGION3 else _HOSTS)[service]
    base = f"https://{host}.{region}.{DOMAIN_SUFFIX}"
    return base + "/v3" if service == IDENTITY else base


def identity_url_for(region: str) -> str:
    return preset_url(IDENTITY, region)


def storage_api_version(region: str | None) -> str:
    """The Swift path version of a region: ``v2`` in Region 3 (its location is
    ``/v2/AUTH_…``), ``v1`` elsewhere."""
    return "v2" if region in REGION3 else "v1"


def storage_url_for(region: str, project_id: str) -> str:
    version = storage_api_version(region)
    return f"{preset_url(OBJECT_STORAGE, region)}/{version}/AUTH_{project_id}"


def find_in_catalog(
    catalog: Sequence[Mapping[str, Any]], service: str, region: str | None,
    interface: str = "public",
) -> str | None:
    """The URL of ``service`` in a Keystone v3 catalog, for ``region`` when given."""
    def matches(entry: Mapping[str, Any], by_name: bool) -> bool:
        if by_name:
            return str(entry.get("name", "")).lower() in _NAMES[service]
        return str(entry.get("type", "")).lower() in _TYPES[service]

    for by_name in (True, False):
        for entry in catalog:
            if not matches(entry, by_name):
                continue
            for ep in entry.get("endpoints", ()) or ():
                if ep.get("interface", "public") != interface:
                    continue
                if region and region not in (ep.get("region"), ep.get("region_id")):
                    continue
                url = ep.get("url")
                if isinstance(url, str) and url:
                    return url.rstrip("/")
    return None


def import_base(url: str) -> str:
    """Normalise an import endpoint to the part before ``/v1/imageimport``.

    The catalog may list the host alone or with ``/v1``; users paste either or the full path.
    """
    url = url.rstrip("/")
    for tail in ("/v1/imageimport", "/v1"):
        if url.endswith(tail):
            return url[: -len(tail)]
    return url


@dataclass(frozen=True)
class Endpoints:
    """The two service URLs a session needs after sign-in."""

    object_storage_url: str  # ends in /v1/AUTH_<project_id> (/v2/… in Region 3)
    import_url: str  # base; the client appends /v1/imageimport

    @classmethod
    def resolve(
        cls, *, catalog: Sequence[Mapping[str, Any]], project_id: str, region: str | None,
        object_storage_url: str | None = None, import_url: str | None = None,
    ) -> Endpoints:
        """Typed URL > catalog entry > region preset; a clear error when none gives one."""
        storage = object_storage_url or find_in_catalog(catalog, OBJECT_STORAGE, region)
        if not storage and region:
            storage = storage_url_for(region, project_id)
        imp = import_url or find_in_catalog(catalog, IMAGE_IMPORT, region)
        if not imp and region:
            imp = preset_url(IMAGE_IMPORT, region)
        if not storage or not imp:
            what = (Text("object storage and no image import") if not storage and not imp
                    else Text("object storage") if not storage else Text("image import"))
            raise ConfigError(
                Text("No {what} endpoint was found for region {region}.", what=what,
                     region=region) if region else
                Text("No {what} endpoint was found.", what=what),
                Text("Choose a region, or enter the endpoint URLs under Custom endpoints."),
                Field.ENDPOINTS,
            )
        return cls(str(storage).rstrip("/"), import_base(str(imp)))
