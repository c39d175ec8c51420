"""When plain ``http://`` may carry a secret: to this machine, or when the user opted in.

Every call we make carries a secret (the password at sign-in, the token after it), so plain http
to another host puts it on the wire in clear: an https identity whose catalog lists ``http://``
endpoints, or a typed ``http://`` address. Loopback (127.0.0.0/8, ::1, ``localhost``) never
leaves the machine, which is what the sandbox and local test clouds use. Anything else needs the
explicit opt-in (the wizard's setting, ``--allow-http``).

Standard library only and no ``requests``: the endpoints and the first page use it at start.
The loopback test is a parameter, so tests (which stay on 127.0.0.1) can ask "what if this host
were not loopback".
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from urllib.parse import urlsplit

from vmdkimport.core.errors import ConfigError, url_origin
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text

#: the CLI option that opts in; named in the refusal so the user knows the way
OPT_IN_OPTION = "--allow-http"


def is_loopback_host(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 (also IPv4-mapped) and ``localhost``: never on a network."""
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def cleartext_refusal(url: str, *, allowed: bool,
                      is_loopback: Callable[[str], bool] = is_loopback_host,
                      what: str = "") -> ConfigError | None:
    """The error to raise before sending a secret to ``url``, or None when it may go.

    ``what`` names the endpoint for the message ("object storage"); empty for any request.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "http" or allowed or is_loopback(parts.hostname or ""):
        return None
    message = (
        Text("The {what} endpoint {endpoint} uses plain http: your token would travel "
             "unencrypted to another computer.", what=what, endpoint=url_origin(url)) if what else
        Text("{endpoint} uses plain http: your password or token would travel unencrypted to "
             "another computer.", endpoint=url_origin(url)))
    return ConfigError(
        message,
        Text("Use the https:// address. Only on a network you trust, allow plain http in the "
             "settings (Allow plain http) or with {option}.", option=OPT_IN_OPTION),
        Field.ENDPOINTS,
    )
