"""Every error the provider documents, mapped to what the user must do and where.

One table for Table 5 (detailed codes) and Table 6 (status codes) of the "Register image" page,
plus the list call's codes and the identity and object-storage failures a user meets on the way.
Each entry says, in plain words, what happened and what to do, which field to fix, and whether
trying again can help. The provider's own texts are kept verbatim beside ours, so a support
ticket can quote them.

What to do is said once, for every front end: where a value is given and which control does
what are placeholders (a :class:`Where` or a :class:`Place`), and each front end names them in
its own words (the wizard its pages and buttons, the CLI its options; :func:`worded`). So the
core never tells a CLI user to press a button, nor a wizard user to pass an option.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Final

from vmdkimport.core.rules import MESSAGES, Field
from vmdkimport.core.text import Text


class Step(StrEnum):
    """The wizard's steps, in order: where an error sends the user back to.

    Each is shown by one wizard page: :class:`vmdkimport.core.plan.PageId` says which (this
    vocabulary module cannot import the plan above it).
    """

    CONNECTION = "connection"
    DISK = "disk"
    DESTINATION = "destination"
    IMAGE = "image"
    REVIEW = "review"
    SUBMIT = "submit"


#: the step whose page holds each field: where an error about the field sends the user back to
FIELD_STEP: Final[dict[Field, Step]] = {
    Field.NAME: Step.IMAGE,
    Field.LOCATION: Step.DESTINATION,
    Field.CONTAINER: Step.DESTINATION,
    Field.OBJECT: Step.DESTINATION,
    Field.OS_TYPE: Step.IMAGE,
    Field.CHECKSUM: Step.IMAGE,
    Field.IMAGE_ID: Step.IMAGE,
    Field.MIN_RAM: Step.IMAGE,
    Field.MIN_DISK: Step.IMAGE,
    Field.KMS: Step.IMAGE,
    Field.KMS_SERVER: Step.IMAGE,
    Field.KMS_ACTIVATE: Step.IMAGE,
    Field.DISK: Step.DISK,
    Field.CREDENTIALS: Step.CONNECTION,
    Field.PROJECT: Step.CONNECTION,
    Field.ENDPOINTS: Step.CONNECTION,
    Field.NONE: Step.SUBMIT,
}


@dataclass(frozen=True)
class Where:
    """Where the value of ``field`` is given, as each front end says it: "on the Image
    settings page" in the wizard, "(--name)" on the command line.

    A :class:`~vmdkimport.core.text.Text` argument: ``Text("Enter an image name {where}.",
    where=Where(Field.NAME))``. Its plain English, for logs and stored rows, names the field.
    """

    field: Field

    def __format__(self, spec: str) -> str:
        return f"({self.field.value})"


class Place(Enum):
    """A control or a view that a fix names, which each front end has its own words for: the
    wizard's Generate button is the CLI's ``--generate-id``, its History the CLI's
    ``vmdkimport list --remote``. A :class:`~vmdkimport.core.text.Text` argument, like
    :class:`Where`; the values are the plain English for logs and stored rows, written to read
    well in the sentences that use them."""

    IMPORT_LIST = "the import list"  # "Check {import_list} before you try again."
    GENERATE_ID = "a generated id"  # "...; {generate_id} is always new."
    KMS_ACTIVATE = "turn activation on"  # "..., and {kms_activate}."
    REQUEST = "of the request"  # "Check the values {request} and ..."
    LIST_START = "the start position"  # "Use a whole number of 0 or more for {list_start}."
    LIST_LIMIT = "the number of entries"

    def __format__(self, spec: str) -> str:
        return str(self.value)


#: what a front end says for a placeholder: its own words, or (the wizard) a translated phrase
Words = Callable[["Where | Place"], str]


def worded(value: object, words: Words) -> object:
    """``value`` with every :class:`Where` and :class:`Place` in it named by ``words``.

    A :class:`Text` is rebuilt from its template, so the wizard can still translate it (its
    ``words`` answer already translated phrases); nested ``Text`` arguments and tuples are
    worded too. Anything else is returned as it is.
    """
    if isinstance(value, (Where, Place)):
        return words(value)
    if isinstance(value, Text):
        if not value.args:
            return value
        return type(value)(value.template, **{k: worded(v, words) for k, v in value.args.items()})
    if isinstance(value, tuple):
        return tuple(worded(v, words) for v in value)
    return value


def places_of(template: str) -> list[str]:
    """The placeholder names of a catalog action: ``where``, or a :class:`Place` in lower
    case (``{import_list}``)."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


@dataclass(frozen=True)
class CatalogEntry:
    """What one error means to the user."""

    key: str  # the detailed code ("40001") or a synthetic key ("http-401", "identity-401")
    status: int | None
    message: str  # what happened, in plain words
    action: str  # what to do about it
    field: Field  # where to fix it
    retryable: bool  # whether the same request may succeed later without any change
    provider_message: str | None = None  # Table 5 "Detailed error message", verbatim
    provider_action: str | None = None  # Table 5 "Action", verbatim

    @property
    def step(self) -> Step:
        return FIELD_STEP[self.field]

    @property
    def fix(self) -> Text:
        """The action with its places, for a front end to word (:func:`worded`).

        ``action`` is the template (what the wizard's translators see): ``{where}`` is where
        this entry's field is given, any other placeholder names a :class:`Place`.
        """
        places: dict[str, Where | Place] = {
            name: Where(self.field) if name == "where" else Place[name.upper()]
            for name in places_of(self.action)}
        return _from_data(self.action, **places)


#: ``Text`` for a template held in data: build.py finds ``Text("...")`` calls by their literal
#: first argument, and lists the catalog's templates from the entries themselves
_from_data = Text

_MODIFY = "Modify the request content."
_SUPPORT = "Contact support."
# Table 5's action for 50001-50003 is "Contact support." and nothing else; the error already
# carries the request id, which is what support needs to find the failed request.
_SUPPORT_WITH_ID = ("Contact support. Quote the request id shown with this error, so that "
                    "support can find the request.")

#: Table 5, 50301: the number of running imports per contract up to which waiting is the answer
BUSY_LIMIT: Final = 100
# 50301 when the number of running imports could not be had: both halves of the page's action,
# the page's way round.
_BUSY_EITHER = ("Count the imports of your contract that are still queued or processing "
                "({import_list} shows them). If there are 100 or fewer, try again after some of "
                "them have finished. If there are more than 100, contact support.")


def _row(
    code: str, status: int, field: Field, message: str, action: str, *,
    provider_message: str | None = None, provider_action: str = _MODIFY, retryable: bool = False,
) -> CatalogEntry:
    return CatalogEntry(
        key=code, status=status, message=message, action=action, field=field,
        retryable=retryable, provider_message=provider_message or MESSAGES[code],
        provider_action=provider_action,
    )


# Table 5 of the seed, every row, in its order.
TABLE5: Final[dict[str, CatalogEntry]] = {e.key: e for e in (
    _row("40001", 400, Field.NAME, "The image has no name.",
         "Enter an image name {where}."),
    _row("40002", 400, Field.LOCATION, "No object storage location was given for the image.",
         "Choose the container and object {where}."),
    _row("40005", 400, Field.OS_TYPE, "No OS type was chosen.",
         "Choose the OS that is installed on the disk {where}."),
    _row("40006", 400, Field.OS_TYPE, "The OS type is not one the service knows.",
         "Choose one of the listed OS types {where}."),
    _row("40011", 400, Field.PROJECT,
         "Your sign-in token is not tied to a project, so the service cannot tell where to "
         "import.",
         "Give a project id or name {where} and sign in again.",
         provider_message="Project_id does not exist. No project can be retrieved from the "
                          "authentication token.",
         provider_action="Review the authentication token."),
    _row("40014", 400, Field.NONE,
         "The service could not read the request as JSON. This tool always sends JSON, so a "
         "proxy or gateway between you and the service probably changed the request.",
         "Try again. If it happens again, check your proxy settings and send the log file to "
         "support."),
    _row("40025", 400, Field.LOCATION,
         "The location is not valid, or there is no object at that location.",
         "Check that the container and the object {where} exist in the project you are "
         "signed in to, and that the object name ends in .vmdk; upload the disk if it is not "
         "there."),
    _row("40026", 400, Field.NONE,
         "The service rejected the retired 'conversion' parameter. This tool does not send it, "
         "so something between you and the service changed the request.",
         "Try again. If it happens again, send the log file to support."),
    _row("40027", 400, Field.IMAGE_ID,
         "The image id is not a valid UUID, or it is already used by another image.",
         "Give another image id {where}, or none; {generate_id} is always new."),
    _row("40028", 400, Field.NAME, "The image name is not accepted.",
         "Use a shorter name without line breaks or leading/trailing spaces {where}."),
    _row("40031", 400, Field.CHECKSUM, "The checksum is not a valid SHA1 value.",
         "Let the tool compute the SHA1 during the upload, or give exactly 40 hexadecimal "
         "digits {where}."),
    _row("40032", 400, Field.MIN_RAM, "The minimum RAM value is not accepted.",
         "Enter a whole number of megabytes (0 or more) {where}."),
    _row("40033", 400, Field.MIN_DISK, "The minimum disk value is not accepted.",
         "Enter a whole number of gigabytes (0 or more) {where}."),
    _row("40034", 400, Field.KMS, "The KMS settings are not accepted.",
         "Give the KMS server {where} by its name as FQDN:port, not an IP address (or none, for "
         "the region's default), and {kms_activate}."),
    _row("40037", 400, Field.DISK, "The disk image is too large for the import service.",
         "Make the disk smaller (shrink the guest's partitions and the virtual disk, or remove "
         "unused space), export it again and start over with the new file.",
         provider_message="The size of the import image is too large.",
         provider_action="Create the import target image again in a smaller size."),
    _row("40301", 403, Field.CREDENTIALS, "Your account is not allowed to import images.",
         "Ask your contract administrator to give your user the image import privilege in this "
         "project, or sign in as a user who has it.",
         provider_message="You cannot execute this API.",
         provider_action="Check with the Administrator about your account privileges."),
    _row("50001", 500, Field.NONE, "The import service failed with an internal error.",
         _SUPPORT_WITH_ID, provider_message="Internal server error.", provider_action=_SUPPORT,
         retryable=True),
    _row("50002", 500, Field.NONE, "The import service failed with an internal error.",
         _SUPPORT_WITH_ID, provider_message="Internal server error.", provider_action=_SUPPORT,
         retryable=True),
    _row("50003", 500, Field.NONE, "The import service failed with an internal error.",
         _SUPPORT_WITH_ID, provider_message="Internal server error.", provider_action=_SUPPORT,
         retryable=True),
    _row("50301", 503, Field.NONE,
         "Too many imports are running for your contract at the moment.", _BUSY_EITHER,
         provider_message="Too many requests.",
         provider_action="Check the number of executions of import requests. When the count is "
                         "100 or less per contract, re-execute after completing other import "
                         "requests. Otherwise, contact support.",
         retryable=True),
)}

# The list call's own codes (reference §1.3); the wizard builds these queries itself.
LIST_CODES: Final[dict[str, CatalogEntry]] = {e.key: e for e in (
    CatalogEntry("40035", 400, "The start position for the import list was not accepted.",
                 "Use a whole number of 0 or more for {list_start}.", Field.NONE, False,
                 "Query parameter 'start' has invalid value.", _MODIFY),
    CatalogEntry("40036", 400, "The number of entries asked for was not accepted.",
                 "Use a whole number of 1 or more for {list_limit}.", Field.NONE, False,
                 "Query parameter 'limit' has invalid value.", _MODIFY),
    # CHOSEN: status of an id the service does not know. Undocumented for import; modelled on
    # the export API's 40401 "Invalid export_id".
    CatalogEntry("40401", 404, "The import service does not know this import id.",
                 "Check the id (see {import_list}). Imports are visible only from the project "
                 "that started them.", Field.PROJECT, False, "Invalid import_id.", None),
)}

# Table 6: what each status means when the body carries no code we know.
STATUS: Final[dict[int, CatalogEntry]] = {e.status or 0: e for e in (
    CatalogEntry("http-400", 400, "The import service rejected the request as invalid.",
                 "Check the values {request} and correct the one the details name.",
                 Field.NONE, False),
    CatalogEntry("http-401", 401, "Your sign-in token was not accepted or has expired.",
                 "Sign in again {where}. (The tool renews tokens by itself; if you see this, "
                 "signing in again is needed.)", Field.CREDENTIALS, False),
    CatalogEntry("http-403", 403, "Your account is not allowed to do this.",
                 "Ask your contract administrator for the needed privileges.",
                 Field.CREDENTIALS, False),
    CatalogEntry("http-404", 404, "The service address answered 'not found'.",
                 "Check the endpoint URLs {where}: the region, or the custom endpoints.",
                 Field.ENDPOINTS, False),
    CatalogEntry("http-413", 413, "The object is larger than object storage accepts in one "
                 "piece.", "Upload it in segments (the uploader does this for large files).",
                 Field.DISK, False),
    CatalogEntry("http-429", 429, "The service is receiving too many requests.",
                 "Wait a minute and try again.", Field.NONE, True),
    CatalogEntry("http-500", 500, "The service failed with an internal error.",
                 "Try again later. If it keeps failing, contact support and quote the request "
                 "id.", Field.NONE, True),
    CatalogEntry("http-502", 502, "A gateway between you and the service failed.",
                 "Try again later; check your proxy if it keeps happening.", Field.NONE, True),
    CatalogEntry("http-503", 503, "The service is busy or unavailable.",
                 "Wait, then try again.", Field.NONE, True),
    CatalogEntry("http-504", 504, "A gateway between you and the service timed out.",
                 "Try again later; check your proxy if it keeps happening.", Field.NONE, True),
)}

GENERIC_4XX: Final = CatalogEntry(
    "http-4xx", None, "The service rejected the request.",
    "Check the values you entered; the details below give the service's answer.", Field.NONE,
    False,
)
GENERIC_5XX: Final = CatalogEntry(
    "http-5xx", None, "The service failed.",
    "Try again later. If it keeps failing, contact support and quote the request id.",
    Field.NONE, True,
)

# Identity (Keystone) failures: the sign-in step.
IDENTITY: Final[dict[int, CatalogEntry]] = {e.status or 0: e for e in (
    CatalogEntry("identity-401", 401,
                 "Sign-in failed: the contract number, user name, password or project is wrong.",
                 "Check them {where} and try once more. The tool never retries a rejected "
                 "password by itself: 5 failed sign-ins within 15 minutes lock the account for "
                 "15 minutes.", Field.CREDENTIALS, False),
    CatalogEntry("identity-403", 403, "Sign-in was refused for this project.",
                 "Check the project id or name, and that your user belongs to that project.",
                 Field.PROJECT, False),
    CatalogEntry("identity-404", 404, "The identity service address is wrong.",
                 "Check the region or the identity URL {where}; the URL ends in /v3.",
                 Field.ENDPOINTS, False),
)}

# Object storage (Swift) failures seen before and around registration.
OBJECT_STORAGE: Final[dict[int, CatalogEntry]] = {e.status or 0: e for e in (
    CatalogEntry("storage-401", 401, "Object storage did not accept your sign-in token.",
                 "Sign in again {where}.", Field.CREDENTIALS, False),
    CatalogEntry("storage-403", 403, "Object storage refused access to this container.",
                 "Choose a container you may write to, or ask your administrator for access.",
                 Field.CONTAINER, False),
    CatalogEntry("storage-404", 404, "The container or object does not exist.",
                 "Check the container and object names {where}.",
                 Field.OBJECT, False),
    CatalogEntry("storage-413", 413, "The object is larger than object storage accepts in one "
                 "piece (5 GB on K5).", "Upload it in segments; the uploader does this when the "
                 "file is larger than the limit.", Field.DISK, False),
    CatalogEntry("storage-507", 507, "Object storage is out of space for your account.",
                 "Delete unneeded objects or ask for a larger quota.", Field.CONTAINER, False),
)}


def lookup(status: int, error_code: str | None = None, *, service: str = "image-import"
           ) -> CatalogEntry:
    """The entry for an HTTP answer: the detailed code first, then the status, then generic."""
    if error_code:
        entry = TABLE5.get(error_code) or LIST_CODES.get(error_code)
        if entry is not None:
            return entry
    if service == "identity" and status in IDENTITY:
        return IDENTITY[status]
    if service == "object-storage" and status in OBJECT_STORAGE:
        return OBJECT_STORAGE[status]
    if status in STATUS:
        return STATUS[status]
    return GENERIC_5XX if status >= 500 else GENERIC_4XX


def busy_action(running: int | None) -> Text:
    """What to do about 50301, given how many imports are queued or processing, if known.

    Table 5: "When the count is 100 or less per contract, re-execute after completing other
    import requests. Otherwise, contact support." The answer does not carry the count, so the
    register flow asks the list for it (:mod:`vmdkimport.core.register.submit`). The list shows
    one project's imports, while the limit is per contract: a count above 100 settles it, one of
    100 or fewer is this project's share, and the other projects are named for what they are.
    """
    if running is None:
        return TABLE5["50301"].fix
    if running > BUSY_LIMIT:
        return Text("Imports still queued or processing in this project: {count}. That is more "
                    "than 100 per contract, so contact support and quote the request id shown "
                    "with this error.", count=running)
    return Text("Imports still queued or processing in this project: {count}. That is 100 or "
                "fewer, so try again after some of them have finished (see {import_list}). "
                "Imports in your contract's other projects count too: only if all together are "
                "more than 100, contact support.", count=running, import_list=Place.IMPORT_LIST)


def all_entries() -> list[CatalogEntry]:
    """Every entry, for documentation and tests."""
    return [
        *TABLE5.values(), *LIST_CODES.values(), *STATUS.values(), GENERIC_4XX, GENERIC_5XX,
        *IDENTITY.values(), *OBJECT_STORAGE.values(),
    ]
