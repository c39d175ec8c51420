"""The HTTP plumbing the three services share: bodies, answers, request ids, faults, the log.

Each service is a plain object with ``handle(exchange)``; this module turns raw HTTP/1.1 (with
keep-alive, Content-Length or chunked bodies) into an :class:`Exchange` and back. Bodies are read
in pieces through :class:`BodyReader`, so a multi-gigabyte upload never sits in memory. Only the
method, the path and the status of a request are ever logged: headers carry tokens and bodies may
carry passwords.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
from collections.abc import Iterable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Final, Protocol
from urllib.parse import parse_qs, urlsplit

from vmdkimport.sandbox.state import SharedState

logger = logging.getLogger(__name__)

CHUNK: Final = 1024 * 1024  # bodies move in 1 MiB pieces
# An error answer is sent after reading the rest of the body (so the client, which sends the whole
# body before it reads, sees the answer). Beyond this many unread bytes the connection is closed.
DRAIN_LIMIT: Final = 64 * 1024 * 1024
_MAX_LINE: Final = 65536


class BodyError(Exception):
    """The request body is malformed (bad chunking, short read): answer 400 and close."""


class HttpError(Exception):
    """An answer a service raises instead of returning; the body is the service's own format."""

    def __init__(self, status: int, body: bytes = b"", content_type: str = "text/plain",
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.content_type = content_type
        self.headers = dict(headers or {})


class _Stream(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...

    def readline(self, size: int = ..., /) -> bytes: ...


class _Headers(Protocol):
    def get(self, name: str, /) -> str | None: ...


class BodyReader:
    """Reads a request body of known length or in ``Transfer-Encoding: chunked``, piece by piece."""

    def __init__(self, rfile: _Stream, headers: _Headers) -> None:
        self._rfile = rfile
        self.consumed = 0
        self._chunk_left = 0
        self._done = False
        encoding = (headers.get("Transfer-Encoding") or "").strip().lower()
        length = headers.get("Content-Length")
        self.declared = bool(encoding) or length is not None
        if encoding:
            if encoding != "chunked":
                raise HttpError(501, b"Only chunked transfer encoding is supported.\n")
            self.chunked = True
            self.length: int | None = None
        else:
            self.chunked = False
            if length is not None and not length.strip().isdigit():
                raise BodyError("invalid Content-Length")
            self.length = int(length) if length is not None else 0
            self._done = self.length == 0

    @property
    def done(self) -> bool:
        return self._done

    def read(self, size: int = CHUNK) -> bytes:
        """Up to ``size`` bytes; b"" at the end of the body."""
        if self._done or size <= 0:
            return b""
        if self.chunked:
            data = self._read_chunked(size)
        else:
            assert self.length is not None
            want = min(size, self.length - self.consumed)
            data = self._rfile.read(want)
            if len(data) < want:
                raise BodyError("the client closed the connection before the body was complete")
            if self.consumed + len(data) >= self.length:
                self._done = True
        self.consumed += len(data)
        return data

    def _read_chunked(self, size: int) -> bytes:
        if self._chunk_left == 0:
            line = self._rfile.readline(_MAX_LINE)
            if not line.endswith(b"\n"):
                raise BodyError("truncated chunk header")
            try:
                self._chunk_left = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError as exc:
                raise BodyError("invalid chunk size") from exc
            if self._chunk_left < 0:
                raise BodyError("invalid chunk size")
            if self._chunk_left == 0:
                while True:  # trailers, up to the empty line
                    line = self._rfile.readline(_MAX_LINE)
                    if not line:
                        raise BodyError("truncated chunked body")
                    if line in (b"\r\n", b"\n"):
                        break
                self._done = True
                return b""
        data = self._rfile.read(min(size, self._chunk_left))
        if not data:
            raise BodyError("truncated chunk")
        self._chunk_left -= len(data)
        if self._chunk_left == 0 and self._rfile.readline(_MAX_LINE) not in (b"\r\n", b"\n"):
            raise BodyError("chunk not followed by CRLF")
        return data

    def read_all(self, limit: int) -> bytes | None:
        """The whole body, or None when it is longer than ``limit`` (then it is partly read)."""
        if self.length is not None and self.length > limit:
            return None
        parts: list[bytes] = []
        total = 0
        while chunk := self.read():
            total += len(chunk)
            if total > limit:
                return None
            parts.append(chunk)
        return b"".join(parts)

    def drain(self, limit: int | None = DRAIN_LIMIT) -> bool:
        """Read and drop the rest of the body; False when more than ``limit`` bytes are left."""
        dropped = 0
        while not self._done:
            if limit is not None and dropped > limit:
                return False
            if (
                limit is not None and self.length is not None
                and self.length - self.consumed > limit - dropped
            ):
                return False
            dropped += len(self.read())
        return True


class Exchange:
    """One request and its answer, as a service sees them."""

    def __init__(self, handler: SandboxHandler, method: str) -> None:
        self._handler = handler
        self.method = method
        target = urlsplit(handler.path)
        self.path = target.path  # still percent-encoded; Swift decodes it itself
        self.query: dict[str, list[str]] = parse_qs(target.query, keep_blank_values=True)
        self.headers = handler.headers
        self.body = BodyReader(handler.rfile, handler.headers)
        self.status = 0  # 0 until answered; stays 0 when the connection is cut on purpose
        self.log = True  # control endpoints switch this off
        self.logged = False
        self.request_headers: dict[str, str] = {}  # request-id headers, set by the service

    @property
    def server(self) -> SandboxServer:
        return self._handler.server

    @property
    def answered(self) -> bool:
        return self.status != 0

    def arg(self, name: str) -> str | None:
        """The first value of a query parameter, or None."""
        values = self.query.get(name)
        return values[0] if values else None

    def record(self) -> None:
        """Add this request to the request log, once (before the client can see the answer)."""
        if self.log and not self.logged:
            self.logged = True
            service = self.server.service.name
            self.server.state.log.add(service, self.method, self.path, self.status)
            logger.debug("%s %s %s -> %d", service, self.method, self.path, self.status)

    def _finish_body(self) -> None:
        """Read what is left of the body so the answer reaches the client; else close after."""
        try:
            if not self.body.drain():
                self._handler.close_connection = True
        except BodyError:
            self._handler.close_connection = True

    def start(self, status: int, *, length: int, content_type: str | None = None,
              headers: Mapping[str, str] | None = None) -> None:
        """Send the status line and headers of an answer of ``length`` body bytes."""
        self._finish_body()
        h = self._handler
        self.status = status
        self.record()
        h.send_response(status)
        for name, value in {**self.request_headers, **(headers or {})}.items():
            h.send_header(name, value)
        if content_type is not None:
            h.send_header("Content-Type", content_type)
        if status not in (204, 304) or length:
            h.send_header("Content-Length", str(length))
        if h.close_connection:
            h.send_header("Connection", "close")
        h.end_headers()

    def write(self, data: bytes) -> None:
        """Part of the body announced by :meth:`start` (dropped for HEAD)."""
        if self.method != "HEAD" and data:
            self._handler.wfile.write(data)

    def send(self, status: int, body: bytes = b"", *, content_type: str | None = None,
             headers: Mapping[str, str] | None = None) -> None:
        """A complete answer (for HEAD, the headers only, with the body's length)."""
        self.start(status, length=len(body), content_type=content_type, headers=headers)
        self.write(body)

    def send_json(self, status: int, data: Any, *, headers: Mapping[str, str] | None = None
                  ) -> None:
        body = json.dumps(data, ensure_ascii=False).encode()
        self.send(status, body, content_type="application/json", headers=headers)

    def stream(self, status: int, chunks: Iterable[bytes], *, length: int,
               content_type: str | None, headers: Mapping[str, str] | None = None) -> None:
        """An answer whose body comes from ``chunks`` (not even read for HEAD)."""
        self.start(status, length=length, content_type=content_type, headers=headers)
        if self.method == "HEAD":
            return
        for chunk in chunks:
            self.write(chunk)

    def apply_fault(self, service: str) -> bool:
        """Answer with an injected fault when one matches; True when it did."""
        fault = self.server.state.faults.take(service, self.method, self.path)
        if fault is None:
            return False
        try:
            self.body.drain(None)  # documented: the body is consumed first, whatever its size
        except BodyError:
            self._handler.close_connection = True
        if fault.status == 0:
            self._handler.close_connection = True  # the connection is cut without an answer
            return True
        body, content_type = fault.payload()
        self.send(fault.status, body, content_type=content_type)
        return True


class Service(Protocol):
    """What a server needs from a service: its name, request-id headers and a request handler."""

    name: str

    def request_id_headers(self) -> dict[str, str]: ...

    def handle(self, exchange: Exchange) -> None: ...

    def internal_error(self, exchange: Exchange) -> None: ...


class SandboxServer(ThreadingHTTPServer):
    """A threaded HTTP/1.1 server that can also cut its idle keep-alive connections on stop."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], service: Service, state: SharedState,
                 *, family: socket.AddressFamily = socket.AF_INET) -> None:
        self.address_family = family
        self.service = service
        self.state = state
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, SandboxHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Wake every handler thread that is waiting on a keep-alive connection."""
        with self._connections_lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        logger.debug("connection from %s ended with an error", client_address)


class SandboxHandler(BaseHTTPRequestHandler):
    """Turns each HTTP request into an :class:`Exchange` for the server's service."""

    protocol_version = "HTTP/1.1"
    server_version = "vmdkimport-sandbox"
    timeout = 300  # an idle keep-alive connection is dropped after this many seconds
    # Headers and body go out in separate writes; with Nagle's algorithm on, the body would wait
    # for the client's delayed ACK (40 ms per request on Linux).
    disable_nagle_algorithm = True
    server: SandboxServer

    def _dispatch(self) -> None:
        service = self.server.service
        method = self.command
        try:
            exchange = Exchange(self, method)
        except (BodyError, HttpError) as exc:
            self.close_connection = True
            status = exc.status if isinstance(exc, HttpError) else 400
            self.send_response(status)
            for name, value in service.request_id_headers().items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.send_header("Connection", "close")
            self.end_headers()
            self.server.state.log.add(service.name, method, urlsplit(self.path).path, status)
            return
        exchange.request_headers = service.request_id_headers()
        try:
            service.handle(exchange)
        except HttpError as exc:
            if exchange.answered:
                self.close_connection = True
            else:
                exchange.send(exc.status, exc.body, content_type=exc.content_type,
                              headers=exc.headers)
        except BodyError:
            self.close_connection = True
            if not exchange.answered:
                exchange.send(400, b"Malformed request body.\n", content_type="text/plain")
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True
            logger.debug("%s %s: the client went away", method, exchange.path)
        except Exception:
            self.close_connection = True
            logger.exception("%s: %s %s failed", service.name, method, exchange.path)
            if not exchange.answered:
                with contextlib.suppress(OSError):
                    service.internal_error(exchange)
        exchange.record()  # when nothing was answered: logged with status 0

    do_GET = do_HEAD = do_PUT = do_POST = do_DELETE = do_PATCH = do_COPY = _dispatch
    do_OPTIONS = _dispatch

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The ``Date`` header, on the sandbox's clock like every other time it gives out."""
        if timestamp is None:
            timestamp = self.server.state.config.clock.time()
        return super().date_time_string(timestamp)

    def log_message(self, format: str, *args: Any) -> None:
        # The base class writes the request line to stderr; the dispatcher logs instead.
        message = format % args
        logger.debug("%s: %s", self.server.service.name, message)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Already logged by the dispatcher, without the query string."""


def json_body(body: BodyReader, limit: int) -> tuple[bool, Any]:
    """Parse a small JSON body: (True, value) or (False, None) when it is not JSON."""
    raw = body.read_all(limit)
    if raw is None:
        return False, None
    try:
        return True, json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False, None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")

