"""East/West Japan Region 3 presets: their own import host and Swift path."""

from __future__ import annotations

import pytest

from vmdkimport.core.cloud import endpoints as E


def test_region3_is_offered() -> None:
    assert E.REGION3 == ("jp-east-3", "jp-west-3")
    assert set(E.REGION3) <= set(E.REGIONS)


@pytest.mark.parametrize("region", ["jp-east-3", "jp-west-3"])
def test_region3_hosts(region: str) -> None:
    assert E.identity_url_for(region) == f"https://identity.{region}.cloud.global.fujitsu.com/v3"
    assert E.preset_url(E.IMAGE_IMPORT, region) == (
        f"https://import-export.{region}.cloud.global.fujitsu.com")
    assert E.storage_url_for(region, "p1") == (
        f"https://objectstorage.{region}.cloud.global.fujitsu.com/v2/AUTH_p1")


def test_older_regions_keep_their_hosts() -> None:
    assert E.preset_url(E.IMAGE_IMPORT, "jp-east-1") == (
        "https://vmimport.jp-east-1.cloud.global.fujitsu.com")
    assert E.storage_url_for("uk-1", "p1") == (
        "https://objectstorage.uk-1.cloud.global.fujitsu.com/v1/AUTH_p1")
    assert E.storage_api_version(None) == "v1"


def test_region3_presets_resolve_without_a_catalog() -> None:
    ep = E.Endpoints.resolve(catalog=[], project_id="p1", region="jp-west-3")
    assert ep.import_url == "https://import-export.jp-west-3.cloud.global.fujitsu.com"
    assert ep.object_storage_url.endswith("/v2/AUTH_p1")


def test_the_catalog_name_import_export_is_found() -> None:
    catalog = [{"name": "import-export", "type": "import-export", "endpoints": [
        {"interface": "public", "region": "jp-east-3",
         "url": "https://import-export.jp-east-3.example/v1"}]}]
    ep = E.Endpoints.resolve(catalog=catalog, project_id="p1", region="jp-east-3")
    assert ep.import_url == "https://import-export.jp-east-3.example"
