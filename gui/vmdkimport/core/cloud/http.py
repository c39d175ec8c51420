"""HTTP plumbing shared by the clients: one configured ``requests`` session and error mapping.

Why a thin layer of our own over requests: each service call needs the same timeouts, TLS and
proxy settings, request-id capture, secret-free logging and translation of failures into
:mod:`vmdkimport.core.errors`. Retries of idempotent reads on connection errors use urllib3's
``Retry`` (a solved problem); a POST is never retried here, because a lost answer to a register
call may hide an import that exists.

No redirect is ever followed, by requests or by urllib3: every call carries the password or a
token (and a segment PUT 256 MiB of disk), and a redirect would re-send them to any host the
answer names, https to http included. A 3xx is :class:`~vmdkimport.core.errors.Redirected`.
Before anything is sent, plain http to a host other than this machine is refused unless the user
opted in (:mod:`vmdkimport.core.cloud.cleartext`).
"""

from __future__ import annotations

import hashlib
import logging
import ssl
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import truststore
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from vmdkimport import __version__
from vmdkimport.core.cloud.cleartext import cleartext_refusal, is_loopback_host
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.errors import (
    ApiError,
    Redirected,
    TransportError,
    request_id_of,
    url_origin,
    url_without_query,
)
from vmdkimport.core.text import Text

log = logging.getLogger(__name__)

USER_AGENT = f"vmdk-import-wizard/{__version__}"
#: headers whose values are secrets; they are never logged, only their SHA256 prefix
SECRET_HEADERS = frozenset({"x-auth-token", "x-subject-token", "authorization",
                            "x-auth-key", "proxy-authorization"})


def hash_secret(value: str) -> str:
    """How a secret may appear in a log: a short hash that tells two tokens apart, nothing more."""
    return "{SHA256}" + hashlib.sha256(value.encode()).hexdigest()[:16]


class _NoRedirectSession(requests.Session):
    """A session that finds no redirect in any answer, so even a direct ``session.get`` (whose
    default is ``allow_redirects=True``) never re-sends a token elsewhere."""

    def get_redirect_target(self, resp: requests.Response) -> str | None:
        del resp
        return None


class _HeaderParsingFilter(logging.Filter):
    """urllib3 logs an answer whose header block is malformed (cut short, folded lines) as a
    warning with a traceback and the unparsed header bytes, which may hold an
    ``X-Subject-Token``. Keep the warning, without the traceback and without the bytes."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Failed to parse headers"):
            url = record.args[0] if isinstance(record.args, tuple) and record.args else ""
            record.msg = "ignored malformed headers in an answer from %s"
            record.args = (url_origin(str(url)),)
            record.exc_info = None
            record.exc_text = None
        return True


class _RetryNoticeFilter(logging.Filter):
    """urllib3 logs each retry of a failed connection as a WARNING ("Retrying (Retry(total=2,
    ...)) after connection broken by 'NewConnectionError(...)'"). A retry is routine: the
    failure that matters reaches the user once, as a :class:`TransportError` in plain words,
    after the last one. So retries are INFO: in the log file, for support, and on the console
    only when the user asks for more (``-v``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if (record.levelno == logging.WARNING and isinstance(record.msg, str)
                and record.msg.startswith("Retrying")):
            record.levelno = logging.INFO
            record.levelname = logging.getLevelName(logging.INFO)
        return True


_HEADER_FILTER = _HeaderParsingFilter()
_RETRY_FILTER = _RetryNoticeFilter()
for _name in ("urllib3.connection", "urllib3.connectionpool"):  # urllib3 2.x, 1.x
    logging.getLogger(_name).addFilter(_HEADER_FILTER)
    logging.getLogger(_name).addFilter(_RETRY_FILTER)


class HttpClient:
    """A ``requests.Session`` with our defaults, shared by all API clients of one sign-in.

    ``is_loopback`` decides which hosts plain http may reach without the opt-in; a parameter so
    that tests, which stay on 127.0.0.1, can play a remote host.
    """

    def __init__(self, settings: HttpSettings | None = None, *,
                 is_loopback: Callable[[str], bool] = is_loopback_host) -> None:
        self.settings = settings or HttpSettings()
        self.is_loopback = is_loopback
        self.session = _NoRedirectSession()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers.update(self.settings.extra_headers)
        self.session.verify = self.settings.verify
        if self.settings.proxies is not None:
            # Explicit settings win over HTTP(S)_PROXY from the environment, never mix with it.
            self.session.trust_env = False
            self.session.proxies.update(self.settings.proxies)
        retry = Retry(
            total=self.settings.read_retries,
            connect=self.settings.read_retries,
            read=self.settings.read_retries,
            status=self.settings.read_retries,
            backoff_factor=self.settings.backoff,
            backoff_max=30,
            status_forcelist=(502, 503, 504),
            allowed_methods=frozenset({"GET", "HEAD"}),
            raise_on_status=False,
            respect_retry_after_header=True,
            redirect=False,  # a 3xx comes back to us as it is: never followed (see above)
        )
        # urllib3 retries connection failures for every method (nothing was sent), but read
        # errors and bad statuses only for GET/HEAD: see allowed_methods.
        use_system = self.settings.verify is True and self.settings.system_trust
        adapter = (_SystemTrustAdapter(max_retries=retry, pool_maxsize=16) if use_system
                   else HTTPAdapter(max_retries=retry, pool_maxsize=16))
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)

    def close(self) -> None:
        self.session.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        service: str,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        data: bytes | Iterable[bytes] | Any = None,
        ok: Iterable[int] = (),
        stream: bool = False,
        timeout: tuple[float, float] | None = None,
    ) -> requests.Response:
        """Send one request; return the response when 2xx (or in ``ok``), else raise.

        Raises :class:`ApiError` (or the subclass the caller maps) for error statuses,
        :class:`Redirected` for a 3xx, :class:`TransportError` when nothing usable came back,
        and :class:`ConfigError` before sending anything over plain http to another host.
        """
        refusal = cleartext_refusal(url, allowed=self.settings.allow_insecure_http,
                                    is_loopback=self.is_loopback)
        if refusal is not None:
            raise refusal
        started = time.monotonic()
        try:
            # verify is passed on every call: requests lets REQUESTS_CA_BUNDLE in the
            # environment override a session's own setting (psf/requests#3829), which would
            # silently ignore the CA bundle the user chose.
            response = self.session.request(
                method, url, headers=dict(headers or {}), params=params, json=json, data=data,
                timeout=timeout or self.settings.timeout, stream=stream,
                verify=self.settings.verify, allow_redirects=False,
            )
        except requests.exceptions.SSLError as exc:
            raise TransportError(
                Text("The TLS certificate of {host} could not be verified ({reason}). If your "
                     "company inspects TLS traffic, set its CA bundle in the settings.",
                     host=_host(url), reason=_reason(exc)),
                url=url_without_query(url),
            ) from None
        except requests.exceptions.ProxyError as exc:
            raise TransportError(
                Text("The proxy refused or failed the connection to {host} ({reason}).",
                     host=_host(url), reason=_reason(exc)),
                url=url_without_query(url),
            ) from None
        except requests.exceptions.ConnectTimeout as exc:
            raise TransportError(
                Text("Connecting to {host} timed out ({reason}).", host=_host(url),
                     reason=_reason(exc)),
                url=url_without_query(url),
            ) from None
        except requests.exceptions.ConnectionError as exc:
            # A connection that broke after the request was sent may have been carried out.
            sent = method not in ("GET", "HEAD") and not _is_connect_failure(exc)
            raise TransportError(
                Text("The connection to {host} failed ({reason}).", host=_host(url),
                     reason=_reason(exc)),
                url=url_without_query(url), outcome_unknown=sent,
            ) from None
        except requests.exceptions.Timeout as exc:
            raise TransportError(
                Text("{host} did not answer in time ({reason}).", host=_host(url),
                     reason=_reason(exc)),
                url=url_without_query(url), outcome_unknown=method not in ("GET", "HEAD"),
            ) from None
        except requests.exceptions.RequestException as exc:
            raise TransportError(
                Text("The request to {host} failed ({reason}).", host=_host(url),
                     reason=_reason(exc)), url=url_without_query(url),
                outcome_unknown=method not in ("GET", "HEAD"),
            ) from None
        elapsed = time.monotonic() - started
        rid = request_id_of(response)
        log.debug("%s %s -> %s in %.2f s%s", method, url_without_query(url), response.status_code,
                  elapsed, f" [{rid}]" if rid else "")
        status = response.status_code
        if status in set(ok) or 200 <= status < 300 or status < 200:
            return response
        if 300 <= status < 400:
            location = response.headers.get("Location") or ""
            response.close()
            raise Redirected(status=status, service=service, url=url_without_query(url),
                             location=url_origin(urljoin(url, location)) if location else "",
                             request_id=rid)
        raise ApiError.from_response(response, service=service)


class _SystemTrustAdapter(HTTPAdapter):
    """HTTPS verified against the OS trust store (truststore), for this session only."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = _system_context()
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = _system_context()
        return super().proxy_manager_for(proxy, **kwargs)


def _system_context() -> ssl.SSLContext:
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _is_connect_failure(exc: BaseException) -> bool:
    text = repr(exc)
    return any(s in text for s in ("NewConnectionError", "NameResolutionError",
                                   "Failed to establish", "Connection refused"))


def _reason(exc: BaseException) -> str:
    """A short, secret-free reason: the innermost exception's class and message head."""
    inner: BaseException = exc
    while inner.__context__ is not None and inner.__context__ is not inner:
        inner = inner.__context__
    text = str(inner).split("\n", 1)[0]
    # urllib3 messages embed the URL path; keep only the gist.
    if "(Caused by " in text:
        text = text.split("(Caused by ", 1)[1].rstrip(")")
    return text[:160] or type(inner).__name__


def _host(url: str) -> str:
    return urlsplit(url).netloc or url
