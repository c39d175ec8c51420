"""Validation: one case per detailed code the client can find before sending."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vmdkimport.core import rules
from vmdkimport.core.request import ImportRequest, KmsSettings
from vmdkimport.core.rules import Field, check_body

PROJECT = "0123456789abcdef0123456789abcdef"
GOOD: dict[str, Any] = {
    "name": "web-01",
    "location": f"/v1/AUTH_{PROJECT}/images/web-01.vmdk",
    "os_type": "win2016SE_en",
    "checksum": "a" * 40,
    "id": "6bf65660-70ee-4a75-b61a-36ac040c289c",
    "min_ram": 2048,
    "min_disk": 40,
    "kms": {"server_info": "kms.example.com:1688", "activate": True},
}


def _with(**changes: Any) -> dict[str, Any]:
    body = dict(GOOD)
    for key, value in changes.items():
        if value is _DROP:
            body.pop(key)
        else:
            body[key] = value
    return body


_DROP = object()


def test_good_body_has_no_problem() -> None:
    assert check_body(GOOD, project_id=PROJECT) == []


@pytest.mark.parametrize(("changes", "code", "field"), [
    ({"name": _DROP}, "40001", Field.NAME),
    ({"name": ""}, "40001", Field.NAME),
    ({"location": _DROP}, "40002", Field.LOCATION),
    ({"os_type": _DROP}, "40005", Field.OS_TYPE),
    ({"os_type": "windows"}, "40006", Field.OS_TYPE),
    ({"os_type": "Ubuntu"}, "40006", Field.OS_TYPE),
    ({"location": "/v1/AUTH_x/images/disk.qcow2"}, "40025", Field.LOCATION),
    ({"location": "/v2/AUTH_x/images/disk.vmdk"}, "40025", Field.LOCATION),
    ({"location": "images/disk.vmdk"}, "40025", Field.LOCATION),
    ({"location": f"/v1/AUTH_{PROJECT}/images/my disk.vmdk"}, "40025", Field.LOCATION),
    ({"location": f"/v1/AUTH_{PROJECT}/images/disk.VMDK"}, "40025", Field.LOCATION),
    ({"location": f"/v1/AUTH_{PROJECT}//disk.vmdk"}, "40025", Field.LOCATION),
    ({"location": "/v1/AUTH_otherproject/images/disk.vmdk"}, "40025", Field.LOCATION),
    ({"id": "not-a-uuid"}, "40027", Field.IMAGE_ID),
    ({"id": "6bf6566070ee4a75b61a36ac040c289c"}, "40027", Field.IMAGE_ID),
    ({"name": " padded"}, "40028", Field.NAME),
    ({"name": "two\nlines"}, "40028", Field.NAME),
    ({"name": "x" * 256}, "40028", Field.NAME),
    ({"checksum": "a" * 39}, "40031", Field.CHECKSUM),
    ({"checksum": "g" * 40}, "40031", Field.CHECKSUM),
    ({"checksum": "d41d8cd98f00b204e9800998ecf8427e"}, "40031", Field.CHECKSUM),  # an MD5
    ({"min_ram": -1}, "40032", Field.MIN_RAM),
    ({"min_ram": "2048"}, "40032", Field.MIN_RAM),
    ({"min_ram": True}, "40032", Field.MIN_RAM),
    ({"min_ram": 2.5}, "40032", Field.MIN_RAM),
    ({"min_disk": 2**31}, "40033", Field.MIN_DISK),
    ({"min_disk": "40"}, "40033", Field.MIN_DISK),
    ({"kms": {}}, "40034", Field.KMS),
    ({"kms": "kms.example.com:1688"}, "40034", Field.KMS),
    ({"kms": {"server_info": "kms:1688"}}, "40034", Field.KMS_SERVER),
    ({"kms": {"server_info": "kms.example.com"}}, "40034", Field.KMS_SERVER),
    ({"kms": {"server_info": "kms.example.com:70000"}}, "40034", Field.KMS_SERVER),
    ({"kms": {"activate": "true"}}, "40034", Field.KMS_ACTIVATE),
    ({"kms": {"activate": False}}, "40034", Field.KMS_ACTIVATE),
    ({"kms": {"server_info": "kms.example.com:1688", "extra": 1}}, "40034", Field.KMS),
    ({"conversion": "yes"}, "40026", Field.NONE),
])
def test_each_code_is_reported_with_its_field(
    changes: dict[str, Any], code: str, field: Field
) -> None:
    problems = check_body(_with(**changes), project_id=PROJECT)
    assert [(p.code, p.field) for p in problems] == [(code, field)]
    assert problems[0].message == rules.MESSAGES[code]
    assert problems[0].detail


def test_not_an_object_is_40014() -> None:
    assert [p.code for p in check_body(["name"])] == ["40014"]


def test_kms_is_ignored_for_linux() -> None:
    body = _with(os_type="ubuntu", kms={"activate": "nonsense"})
    assert check_body(body, project_id=PROJECT) == []


def test_first_problem_is_the_one_the_service_reports() -> None:
    body = {"location": "nope", "os_type": "bad", "min_ram": -1}
    assert [p.code for p in check_body(body)] == ["40001", "40025", "40006", "40032"]


def test_server_info_spaces_around_colon_are_normalised() -> None:
    assert rules.server_info_error("kms.example.com : 1688") is None
    assert rules.normalize_server_info("kms.example.com : 1688") == "kms.example.com:1688"


def test_request_body_is_exactly_the_documented_one() -> None:
    request = ImportRequest(
        name="web-01", location=GOOD["location"], os_type="win2016SE_en",
        checksum="A" * 40, image_id="6BF65660-70EE-4A75-B61A-36AC040C289C",
        min_ram=2048, min_disk=40, kms=KmsSettings("kms.example.com: 1688", activate=True),
    )
    assert request.to_body() == {
        "name": "web-01", "location": GOOD["location"], "checksum": "a" * 40,
        "id": "6bf65660-70ee-4a75-b61a-36ac040c289c", "min_ram": 2048, "min_disk": 40,
        "os_type": "win2016SE_en",
        "kms": {"server_info": "kms.example.com:1688", "activate": True},
    }
    assert request.validate(project_id=PROJECT) == []


def test_unset_optionals_are_omitted_and_kms_dropped_for_linux() -> None:
    request = ImportRequest(name="n", location=GOOD["location"], os_type="centos",
                            kms=KmsSettings("kms.example.com:1688", activate=True))
    assert request.to_body() == {"name": "n", "location": GOOD["location"], "os_type": "centos"}


# --- kms: what the page writes, and what it does not allow ------------------------------------

def test_kms_without_activate_is_refused() -> None:
    """The page marks only server_info optional: "activate" is part of every kms sent."""
    problems = check_body(_with(kms={"server_info": "kms.example.com:1688"}), project_id=PROJECT)
    assert [(p.code, p.field) for p in problems] == [("40034", Field.KMS_ACTIVATE)]
    assert "activate" in problems[0].detail


@pytest.mark.parametrize("server", [
    KmsSettings("kms.example.com:1688", activate=False),
    KmsSettings("kms.example.com:1688", activate=True),
    KmsSettings(None, activate=True),
])
def test_kms_is_always_sent_with_activate_true(server: KmsSettings) -> None:
    request = ImportRequest(name="n", location=GOOD["location"], os_type="win2012R2SE",
                            kms=server)
    kms = request.to_body()["kms"]
    assert kms["activate"] is True
    assert set(kms) <= {"server_info", "activate"}
    assert request.validate(project_id=PROJECT) == []


@pytest.mark.parametrize(("value", "host"), [
    ("10.0.0.5:1688", "10.0.0.5"),
    ("10.0.0.5", "10.0.0.5"),
    ("10.0.0.5 : 1688", "10.0.0.5"),
    ("192.168.1.20:65535", "192.168.1.20"),
    ("[2001:db8::1]:1688", "2001:db8::1"),
    ("[2001:db8::1]", "2001:db8::1"),
    ("2001:db8::1", "2001:db8::1"),
    ("2001:db8::1:1688", "2001:db8::1:1688"),
    ("::1", "::1"),
    ("[::ffff:10.0.0.5]:1688", "::ffff:10.0.0.5"),
    ("fe80::1%eth0", "fe80::1%eth0"),
])
def test_an_ip_address_is_not_an_fqdn(value: str, host: str) -> None:
    error = rules.server_info_error(value)
    assert error is not None
    assert "IP address" in error
    assert host in error
    problems = check_body(_with(kms={"server_info": value, "activate": True}),
                          project_id=PROJECT)
    assert [(p.code, p.field) for p in problems] == [("40034", Field.KMS_SERVER)]


@pytest.mark.parametrize("value", ["1.2.3:1688", "kms.123:1688", "010.000.000.005:1688"])
def test_an_all_numeric_top_label_is_no_fqdn(value: str) -> None:
    assert rules.server_info_error(value) is not None


@pytest.mark.parametrize("value", ["kms.example.com:1688", "kms-01.corp.example.co.jp:1688",
                                   "1kms.example.com:1688", "kms.example.com.:1688",
                                   "10-0-0-5.example.com:1688"])
def test_fqdns_still_pass(value: str) -> None:
    assert rules.server_info_error(value) is None


def test_kms_with_nothing_set_is_omitted() -> None:
    request = ImportRequest(name="n", location=GOOD["location"], os_type="win2012SE",
                            kms=KmsSettings(None, activate=False))
    assert "kms" not in request.to_body()


def test_zero_minimums_are_sent_as_json_integers() -> None:
    request = ImportRequest(name="n", location=GOOD["location"], os_type="rhel7",
                            min_ram=0, min_disk=0)
    assert '"min_ram": 0' in request.to_json()
    assert '"min_disk": 0' in request.to_json()


def test_retired_fields_are_never_sent() -> None:
    body = ImportRequest(name="n", location=GOOD["location"], os_type="rhel7").to_body()
    assert rules.RETIRED_FIELDS.isdisjoint(body)


@given(st.text(min_size=0, max_size=300))
def test_suggested_names_always_pass_the_rules(file_name: str) -> None:
    assert rules.object_error(rules.suggest_object_name(file_name)) is None
    assert rules.name_error(rules.suggest_image_name(file_name)) is None


def test_suggestions_from_a_windows_path() -> None:
    assert rules.suggest_object_name(r"C:\VMs\Win 2016\Win 2016-disk1.VMDK") == \
        "Win-2016-disk1.vmdk"
    assert rules.suggest_image_name(r"C:\VMs\Win 2016\Win 2016-disk1.vmdk") == "Win 2016-disk1"


@given(st.dictionaries(st.sampled_from((*rules.BODY_FIELDS, "conversion", "x")),
                       st.one_of(st.none(), st.booleans(), st.integers(), st.text(),
                                 st.lists(st.integers()), st.dictionaries(st.text(), st.text()))))
def test_check_body_never_crashes(body: dict[str, Any]) -> None:
    for problem in check_body(body, project_id=PROJECT):
        assert problem.code in rules.MESSAGES
