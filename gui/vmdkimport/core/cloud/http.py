"""HTTP plumbing shared by the clients: one configured ``requests`` session and error mapping.

Why a thin layer of our own over requests: each service call needs the same timeouts, TLS and
proxy settings, request-id capture, secret-free logging and translation of failures into
:mod:`vmdkimport.core.errors`. Retries of idempotent reads on connection errors use urllib3's
``Retry`` (a solved problem); a POST is never retried here, because a lost answer to a register
call may hide an import that exists.
"""

from __future__ import annotations

import hashlib
import logging
import ssl
import time
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

import requests
import truststore
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from vmdkimport import __version__
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.errors import ApiError, TransportError, request_id_of, url_without_query
from vmdkimport.core.text import Text

log = logging.getLogger(__name__)

USER_AGENT = f"vmdk-import-wizard/{__version__}"
#: headers whose values are secrets; they are never logged, only their SHA256 prefix
SECRET_HEADERS = frozenset({"x-auth-token", "x-subject-token", "authorization",
                            "x-auth-key", "proxy-authorization"})


def hash_secret(value: str) -> str:
    """How a secret may appear in a log: a short hash that tells two tokens apart, nothing more."""
    return "{SHA256}" + hashlib.sha256(value.encode()).hexdigest()[:16]


class HttpClient:
    """A ``requests.Session`` with our defaults, shared by all API clients of one sign-in."""

    def __init__(self, settings: HttpSettings | None = None) -> None:
        self.settings = settings or HttpSettings()
        self.session = requests.Session()
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

        Raises :class:`ApiError` (or the subclass the caller maps) for error statuses and
        :class:`TransportError` when nothing usable came back.
        """
        started = time.monotonic()
        try:
            # verify is passed on every call: requests lets REQUESTS_CA_BUNDLE in the
            # environment override a session's own setting (psf/requests#3829), which would
            # silently ignore the CA bundle the user chose.
            response = self.session.request(
                method, url, headers=dict(headers or {}), params=params, json=json, data=data,
                timeout=timeout or self.settings.timeout, stream=stream,
                verify=self.settings.verify,
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
        if response.status_code < 400 or response.status_code in set(ok):
            return response
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
