"""The rules a register request must follow: the documented ones and the ones we chose.

This module is the one place where these rules live. The client checks them before sending, and the
sandbox cloud rejects requests by them with the same detailed codes (Table 5 of the provider's
"Register image" page). A rule that is ours rather than the provider's is marked CHOSEN with the
reason. CHOSEN rules are deliberately conservative: a request we let through should never bounce off
the real service for a reason we could have seen first.

The checks work on the raw JSON body, as the server receives it, so that the sandbox and the client
agree on exactly the same bytes.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from vmdkimport.core.text import Text


class Field(StrEnum):
    """A place the user can fix something: a request field or a setting in the wizard.

    The values are stable identifiers; the wizard maps each to a page and a widget.
    """

    NAME = "name"
    LOCATION = "location"
    CONTAINER = "container"
    OBJECT = "object"
    OS_TYPE = "os_type"
    CHECKSUM = "checksum"
    IMAGE_ID = "id"
    MIN_RAM = "min_ram"
    MIN_DISK = "min_disk"
    KMS = "kms"
    KMS_SERVER = "kms.server_info"
    KMS_ACTIVATE = "kms.activate"
    DISK = "disk"
    CREDENTIALS = "credentials"
    PROJECT = "project"
    ENDPOINTS = "endpoints"
    NONE = "none"


@dataclass(frozen=True)
class OsType:
    """One documented ``os_type`` keyword."""

    keyword: str
    description: str
    windows: bool


# Documented (Table 2, os_type). The order is the page's order.
OS_TYPES: Final[tuple[OsType, ...]] = (
    OsType("win2008R2SE", Text("Windows Server 2008 R2 SE"), True),
    OsType("win2008R2EE", Text("Windows Server 2008 R2 EE"), True),
    OsType("win2012SE", Text("Windows Server 2012 SE"), True),
    OsType("win2012R2SE", Text("Windows Server 2012 R2 SE"), True),
    OsType("win2016SE_ja", Text("Windows Server 2016 SE (Japanese version)"), True),
    OsType("win2016SE_en", Text("Windows Server 2016 SE (English version)"), True),
    OsType("rhel6", Text("Red Hat Enterprise Linux 6"), False),
    OsType("rhel7", Text("Red Hat Enterprise Linux 7"), False),
    OsType("centos", Text("CentOS"), False),
    OsType("ubuntu", Text("Ubuntu"), False),
)
OS_TYPE_KEYWORDS: Final[frozenset[str]] = frozenset(t.keyword for t in OS_TYPES)
WINDOWS_OS_TYPES: Final[frozenset[str]] = frozenset(t.keyword for t in OS_TYPES if t.windows)

# Documented: the warning the provider prints under the os_type list.
OS_TYPE_WARNING: Final = Text(
    "Choose the OS that is really installed on the disk. With the wrong OS type the virtual server "
    "may not start, you may not get correct support, and OS support fees may be charged wrongly."
)

# Documented: KMS server default when server_info is omitted.
KMS_DEFAULT_PORT: Final = 1688

# CHOSEN: Glance stores names in a 255-character column; longer names cannot be registered.
NAME_MAX_CHARS: Final = 255

# CHOSEN: Swift's default limits (container 256 bytes, object 1024 bytes, UTF-8).
CONTAINER_MAX_BYTES: Final = 256
OBJECT_MAX_BYTES: Final = 1024

# CHOSEN: the service parses ``location`` as a path, and it is unconfirmed whether it decodes
# percent-escapes. Names made only of these characters need no escaping anywhere, so the location
# means the same thing to us, to Swift and to the import service.
_NAME_CHARS = r"A-Za-z0-9._~()+\-"
_CONTAINER_RE: Final = re.compile(rf"[{_NAME_CHARS}]+")
_OBJECT_RE: Final = re.compile(rf"[{_NAME_CHARS}]+(?:/[{_NAME_CHARS}]+)*")
_PROJECT_RE: Final = re.compile(r"[A-Za-z0-9_\-]+")

# Documented: the object name must end with the image file extension ".vmdk". CHOSEN: lower case
# only, as every provider example writes it; ".VMDK" may or may not be accepted.
VMDK_SUFFIX: Final = ".vmdk"

# Documented: SHA1. CHOSEN: exactly 40 hex digits (either case; we send lower case).
_SHA1_RE: Final = re.compile(r"[0-9a-fA-F]{40}")

# Documented: "uuid" as uuidgen prints it. CHOSEN: the canonical 8-4-4-4-12 form only.
_UUID_RE: Final = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)

# CHOSEN: Glance keeps min_ram/min_disk as 32-bit signed integers.
INT32_MAX: Final = 2**31 - 1

# CHOSEN: an FQDN is dot-separated labels of letters, digits and hyphens (RFC 1123), at least two
# labels, 253 characters at most, and its last label is not all digits (no top-level domain is, so
# "10.0.0.5" or "1.2.3" is no name); the port is 1-65535. An IP address is refused with its own
# message, v4 or v6, with or without a port: the page asks for the FQDN, and a request we let
# through must not bounce. The provider writes "FQDN: Port number" with a space after the colon,
# which we read as typography: we accept spaces around the colon and send "host:port" without them.
_LABEL_RE: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?")
_SERVER_INFO_RE: Final = re.compile(r"(?P<host>[^:\s]+)\s*:\s*(?P<port>[0-9]{1,5})")

# Retired fields (documented: "no longer necessary"). The client never sends them; the service
# still knows ``conversion`` (40026), so the sandbox checks its type when it is present.
RETIRED_FIELDS: Final[frozenset[str]] = frozenset(
    {"conversion", "user_name", "password", "domain_name"}
)

# Documented fields of the body, in the order the page lists them.
BODY_FIELDS: Final[tuple[str, ...]] = (
    "name", "location", "checksum", "id", "min_ram", "min_disk", "os_type", "kms",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a request, as the service would report it."""

    code: str  # the detailed error code of Table 5
    field: Field
    message: str  # the service's detailed message, verbatim from Table 5
    detail: str  # what exactly is wrong, in plain words, for the user

    def __str__(self) -> str:
        return f"{self.code} {self.message} {self.detail}".strip()


# Table 5 messages, verbatim, for the codes that validation can produce.
MESSAGES: Final[dict[str, str]] = {
    "40001": "Required parameter 'name' is not specified.",
    "40002": "Required parameter 'location' is not specified.",
    "40005": "Required parameter 'os_type' is not specified.",
    "40006": "Parameter 'os_type' has invalid value.",
    "40014": "Request body is not a json format.",
    "40025": "Parameter 'location' has invalid value.",
    "40026": "Parameter 'conversion' has invalid value.",
    "40027": "Parameter 'id' has invalid value.",
    "40028": "Parameter 'name' has invalid value.",
    "40031": "Parameter 'checksum' has invalid value.",
    "40032": "Parameter 'min_ram' has invalid value.",
    "40033": "Parameter 'min_disk' has invalid value.",
    "40034": "Parameter 'kms' has invalid value.",
}


def _problem(code: str, field: Field, detail: str) -> Problem:
    return Problem(code, field, MESSAGES[code], detail)


# --- single-field checks: each returns None when the value is fine, else what is wrong ------


def name_error(value: object) -> str | None:
    """Why ``value`` cannot be an image name, or None."""
    if not isinstance(value, str):
        return Text("The image name must be text.")
    if not value.strip():
        return Text("The image name is empty.")
    if len(value) > NAME_MAX_CHARS:
        return Text("The image name has {count} characters; at most {limit} are allowed.",
                    count=len(value), limit=NAME_MAX_CHARS)
    if value != value.strip():
        return Text("The image name starts or ends with a space.")
    bad = [c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]
    if bad:
        return Text("The image name contains control characters or line breaks.")
    return None


def container_error(value: str) -> str | None:
    """Why ``value`` cannot be a container name in a location, or None."""
    if not value:
        return Text("The container name is empty.")
    if len(value.encode()) > CONTAINER_MAX_BYTES:
        return Text("The container name is longer than {limit} bytes.", limit=CONTAINER_MAX_BYTES)
    if not _CONTAINER_RE.fullmatch(value):
        return (
            Text("The container name may only contain letters A-Z a-z, digits and . _ ~ ( ) + -.")
        )
    return None


def object_error(value: str) -> str | None:
    """Why ``value`` cannot be the object name of an importable image, or None."""
    if not value:
        return Text("The object name is empty.")
    if len(value.encode()) > OBJECT_MAX_BYTES:
        return Text("The object name is longer than {limit} bytes.", limit=OBJECT_MAX_BYTES)
    if not value.endswith(VMDK_SUFFIX):
        return Text("The object name must end with {suffix} (lower case).", suffix=VMDK_SUFFIX)
    if value == VMDK_SUFFIX or value.endswith("/" + VMDK_SUFFIX):
        return Text("The object name needs a name before {suffix}.", suffix=VMDK_SUFFIX)
    if not _OBJECT_RE.fullmatch(value):
        return (
            Text("The object name may only contain letters A-Z a-z, digits, . _ ~ ( ) + - and "
                 "single / between parts (no spaces, no leading or trailing /).")
        )
    return None


@dataclass(frozen=True)
class Location:
    """The parts of a ``location``: ``/v1/AUTH_<project_id>/<container>/<object>``."""

    project_id: str
    container: str
    object_name: str

    @property
    def path(self) -> str:
        return f"/v1/AUTH_{self.project_id}/{self.container}/{self.object_name}"

    def __str__(self) -> str:
        return self.path


def parse_location(value: object) -> tuple[Location | None, str | None]:
    """Split a location into its parts, or say why it is not one."""
    if not isinstance(value, str):
        return None, Text("The location must be text.")
    prefix = "/v1/AUTH_"
    if not value.startswith(prefix):
        return None, Text("The location must start with /v1/AUTH_<project id>/.")
    project, _, rest = value[len(prefix):].partition("/")
    if not project or not _PROJECT_RE.fullmatch(project):
        return None, Text("The location has no valid project id after /v1/AUTH_.")
    container, _, obj = rest.partition("/")
    error = container_error(container) or object_error(obj)
    if error:
        return None, error
    return Location(project, container, obj), None


def location_for(project_id: str, container: str, object_name: str) -> str:
    """The location string for an object, as the register call wants it."""
    return Location(project_id, container, object_name).path


def checksum_error(value: object) -> str | None:
    if not isinstance(value, str) or not _SHA1_RE.fullmatch(value):
        return Text("The checksum must be a SHA1 value: exactly 40 hexadecimal digits.")
    return None


def image_id_error(value: object) -> str | None:
    if not isinstance(value, str) or not _UUID_RE.fullmatch(value):
        return (
            Text("The image id must be a UUID such as 6bf65660-70ee-4a75-b61a-36ac040c289c.")
        )
    return None


def import_id_error(value: object) -> str | None:
    """Why ``value`` cannot be an import id, or None.

    The service's import ids are UUIDs (its sample answer, and every one seen). An id is put into
    a URL path and printed on a terminal, so one from the user or from an answer is checked first:
    "../../v3/auth/tokens" must never become a request, nor an escape sequence a screen.
    """
    if not isinstance(value, str) or not _UUID_RE.fullmatch(value):
        return Text("An import_id is a UUID such as 6bf65660-70ee-4a75-b61a-36ac040c289c.")
    return None


def _int_error(value: object, what: Text, unit: str) -> str | None:
    # bool is an int in Python but not in JSON: "true" is no number of megabytes.
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return Text("{what} must be a whole number of {unit} written without a decimal "
                        "point.", what=what, unit=unit)
        return Text("{what} must be a whole number of {unit}.", what=what, unit=unit)
    if value < 0:
        return Text("{what} cannot be negative.", what=what)
    if value > INT32_MAX:
        return Text("{what} is too large (at most {limit} {unit}).", what=what, limit=INT32_MAX,
                    unit=unit)
    return None


def min_ram_error(value: object) -> str | None:
    return _int_error(value, Text("Minimum RAM"), "MB")


def min_disk_error(value: object) -> str | None:
    return _int_error(value, Text("Minimum disk"), "GB")


def os_type_error(value: object) -> str | None:
    if not isinstance(value, str) or value not in OS_TYPE_KEYWORDS:
        return Text("The OS type must be one of: {types}.",
                    types=", ".join(t.keyword for t in OS_TYPES))
    return None


def normalize_server_info(value: str) -> str:
    """``"kms.example.com : 1688"`` -> ``"kms.example.com:1688"``; unchanged when unparsable."""
    match = _SERVER_INFO_RE.fullmatch(value.strip())
    if not match:
        return value
    return f"{match['host']}:{int(match['port'])}"


def _ip_address_in(value: str) -> str | None:
    """The IP address ``value`` gives as its host, or None.

    Written every way an administrator may paste one: ``10.0.0.5``, ``10.0.0.5:1688``,
    ``[2001:db8::1]:1688``, ``2001:db8::1`` (two or more colons can only be IPv6, with or without
    a port after the last one).
    """
    # here, not at import: only a typed KMS server needs it, and the wizard's start does not
    import ipaddress

    text = value.strip()
    if text.startswith("["):
        candidates = [text[1:].partition("]")[0]]
    elif text.count(":") >= 2:
        candidates = [text, text.rpartition(":")[0]]
    else:
        candidates = [text.partition(":")[0].strip()]
    for candidate in candidates:
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            continue
        return candidate
    return None


def server_info_error(value: object) -> str | None:
    """Why ``value`` is not "FQDN:port", or None."""
    if not isinstance(value, str):
        return Text("The KMS server must be text in the form FQDN:port.")
    address = _ip_address_in(value)
    if address is not None:
        return Text("{address} is an IP address, but the KMS server must be given by its name "
                    "(FQDN), for example kms.example.com:1688.", address=address)
    match = _SERVER_INFO_RE.fullmatch(value.strip())
    if not match:
        return Text("The KMS server must be written as FQDN:port, for example "
                    "kms.example.com:1688.")
    host, port = match["host"], int(match["port"])
    labels = host.rstrip(".").split(".")
    if (len(host) > 253 or len(labels) < 2 or not all(_LABEL_RE.fullmatch(x) for x in labels)
            or labels[-1].isdigit()):
        return Text("{host!r} is not a fully qualified domain name (like kms.example.com).",
                    host=host)
    if not 1 <= port <= 65535:
        return Text("The KMS port {port} is out of range (1-65535; the usual port is 1688).",
                    port=port)
    return None


def kms_error(value: object) -> tuple[Field, str] | None:
    """Why ``value`` is not a valid ``kms`` object, with the sub-field, or None."""
    if not isinstance(value, Mapping):
        return Field.KMS, (
            Text('kms must be an object such as {"server_info": "FQDN:1688", "activate": true}.')
        )
    unknown = sorted(set(value) - {"server_info", "activate"})
    if unknown:
        return Field.KMS, Text("kms has unknown keys: {keys}.", keys=", ".join(map(str, unknown)))
    if not value:
        # Documented: "When specifying neither server_info nor activate, this item cannot be
        # specified."
        return Field.KMS, Text('kms needs "activate": true (and server_info if not the '
                               "region's default); otherwise leave kms out.")
    if "server_info" in value:
        error = server_info_error(value["server_info"])
        if error:
            return Field.KMS_SERVER, error
    if "activate" not in value:
        # Documented: the page marks server_info "(optional)" and activate not, and writes kms
        # as {"server_info": ..., "activate": true}. CHOSEN: so activate is required.
        return Field.KMS_ACTIVATE, Text('kms needs "activate": true; only server_info may be '
                                        "left out.")
    if value["activate"] is not True:
        # Documented: 'Specify "true"', as a JSON boolean.
        return Field.KMS_ACTIVATE, Text("kms.activate can only be true (a JSON boolean).")
    return None


_ENTER: Final = {"name": Text("Enter the name."), "location": Text("Enter the location."),
                  "os_type": Text("Enter the os type.")}


def check_body(body: object, *, project_id: str | None = None) -> list[Problem]:
    """Every problem in a register body, in the order the service reports them.

    The service answers with the first problem; the client shows them all. ``project_id`` is the
    token's project: the location must be in it (40025 otherwise). Existence of the object and the
    image size are server-side checks (40025, 40037) and are not done here.
    """
    if not isinstance(body, Mapping):
        return [_problem("40014", Field.NONE, Text("The request body must be a JSON object."))]
    problems: list[Problem] = []
    # Missing required parameters first, then invalid values, in the page's field order.
    for key, code, field in (
        ("name", "40001", Field.NAME),
        ("location", "40002", Field.LOCATION),
        ("os_type", "40005", Field.OS_TYPE),
    ):
        if key not in body or body[key] is None or body[key] == "":
            problems.append(_problem(code, field, _ENTER[key]))

    present = {k: v for k, v in body.items() if v is not None}
    if "name" in present and present["name"] != "":
        err = name_error(present["name"])
        if err:
            problems.append(_problem("40028", Field.NAME, err))
    if "location" in present and present["location"] != "":
        loc, err = parse_location(present["location"])
        if err:
            problems.append(_problem("40025", Field.LOCATION, err))
        elif loc is not None and project_id is not None and loc.project_id != project_id:
            problems.append(_problem(
                "40025", Field.LOCATION,
                Text("The location is in project {location_project}, but you are signed in to "
                     "project {project}. Upload to the project you import into.",
                     location_project=loc.project_id, project=project_id),
            ))
    if "os_type" in present and present["os_type"] != "":
        err = os_type_error(present["os_type"])
        if err:
            problems.append(_problem("40006", Field.OS_TYPE, err))
    if "checksum" in present:
        err = checksum_error(present["checksum"])
        if err:
            problems.append(_problem("40031", Field.CHECKSUM, err))
    if "id" in present:
        err = image_id_error(present["id"])
        if err:
            problems.append(_problem("40027", Field.IMAGE_ID, err))
    if "min_ram" in present:
        err = min_ram_error(present["min_ram"])
        if err:
            problems.append(_problem("40032", Field.MIN_RAM, err))
    if "min_disk" in present:
        err = min_disk_error(present["min_disk"])
        if err:
            problems.append(_problem("40033", Field.MIN_DISK, err))
    # Documented: kms is ignored for a non-Windows os_type, so it cannot be wrong there.
    if "kms" in present and is_windows(present.get("os_type")):
        kms_problem = kms_error(present["kms"])
        if kms_problem:
            problems.append(_problem("40034", kms_problem[0], kms_problem[1]))
    if "conversion" in present and not isinstance(present["conversion"], bool):
        problems.append(_problem(
            "40026", Field.NONE,
            Text("conversion is a retired field; if sent it must be true or false.")))
    return problems


# --- suggestions: turn a local file name into names that pass the rules above ----------------

_UNSAFE_RUN = re.compile(rf"[^{_NAME_CHARS}]+")


def suggest_object_name(file_name: str) -> str:
    """An object name for ``file_name`` that passes :func:`object_error`.

    Spaces and other characters outside the safe set become ``-``; the ``.vmdk`` suffix is
    lower-cased or added.
    """
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base[: -len(VMDK_SUFFIX)] if base.lower().endswith(VMDK_SUFFIX) else base
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = _UNSAFE_RUN.sub("-", stem).strip("-.") or "image"
    max_stem = OBJECT_MAX_BYTES - len(VMDK_SUFFIX)
    return stem[:max_stem] + VMDK_SUFFIX


def suggest_image_name(file_name: str) -> str:
    """An image name for ``file_name`` that passes :func:`name_error`."""
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base[: -len(VMDK_SUFFIX)] if base.lower().endswith(VMDK_SUFFIX) else base
    stem = "".join(c for c in stem if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp"))
    stem = " ".join(stem.split())[:NAME_MAX_CHARS].strip()
    return stem or "imported-image"


def new_image_id() -> str:
    """A fresh image id in the form the service accepts."""
    import uuid  # here, not at import: it is needed only when the user asks for an id

    return str(uuid.uuid4())


def is_windows(os_type: object) -> bool:
    return isinstance(os_type, str) and os_type in WINDOWS_OS_TYPES


def describe_rules() -> dict[str, Any]:
    """The chosen limits, for the README and ``vmdkimport rules``."""
    return {
        "name_max_chars": NAME_MAX_CHARS,
        "container_max_bytes": CONTAINER_MAX_BYTES,
        "object_max_bytes": OBJECT_MAX_BYTES,
        "name_characters": "A-Z a-z 0-9 . _ ~ ( ) + - (and / between object name parts)",
        "object_suffix": VMDK_SUFFIX,
        "min_ram_min_disk_range": [0, INT32_MAX],
        "kms_default_port": KMS_DEFAULT_PORT,
        "os_types": [t.keyword for t in OS_TYPES],
    }
