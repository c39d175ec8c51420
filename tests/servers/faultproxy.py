"""A fault-injecting TCP proxy on 127.0.0.1, for tests of upload retries against real servers.

Why: a real network drops connections in the middle of a request body (Wi-Fi roaming, a NAT
timeout, a proxy restart). The uploader must see that as a retryable connection error and
resend the segment, and the server must not keep a half object. A mock cannot show what a
real Swift does with a truncated body; this proxy sits between a real client and a real server
and cuts the TCP connection after an exact number of request bytes.

It forwards bytes, it does not parse HTTP: keep-alive, pipelining and chunked bodies pass
through unchanged. One thread per connection (plus the accept thread); standard library only.

Typical use::

    with FaultProxy("127.0.0.1", swift.ports["proxy"]) as proxy:
        url = proxy.url_for(storage_url)
        proxy.cut_after(300_000)  # the next request dies 300 kB into its body
        ...
"""

from __future__ import annotations

import contextlib
import fcntl
import selectors
import socket
import struct
import termios
import threading
from types import TracebackType
from urllib.parse import urlsplit, urlunsplit

from helpers.waiting import WaitTimeout, wait_until

#: Bytes read per recv(): large enough for bodies, small enough to cut precisely.
_CHUNK = 64 * 1024
#: How long a cut waits for the kernel to hand the forwarded bytes to the server (see _drain).
_DRAIN_TIMEOUT_S = 2.0
#: stop() waits this long for each thread; they exit within milliseconds once woken.
_JOIN_TIMEOUT_S = 5.0


class FaultProxy:
    """Forwards TCP connections from ``127.0.0.1:port`` to ``target_host:target_port``.

    Counters (read them any time): ``connections`` accepted so far, ``cuts_done`` connections
    cut by :meth:`cut_after`, ``bytes_upstream`` forwarded client → server.
    """

    def __init__(self, target_host: str, target_port: int, *, listen_port: int = 0) -> None:
        self.target_host = target_host
        self.target_port = target_port
        self._listen_port = listen_port
        self._lock = threading.Lock()
        self._pending_cuts: list[tuple[int, bool]] = []
        self._connections = 0
        self._cuts_done = 0
        self._bytes_upstream = 0
        self._listener: socket.socket | None = None
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        self._threads: set[threading.Thread] = set()
        self._sockets: set[socket.socket] = set()
        self._accept_thread: threading.Thread | None = None

    # --- public -------------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._listener is None:
            raise RuntimeError("FaultProxy is not started")
        return int(self._listener.getsockname()[1])

    @property
    def connections(self) -> int:
        with self._lock:
            return self._connections

    @property
    def cuts_done(self) -> int:
        with self._lock:
            return self._cuts_done

    @property
    def bytes_upstream(self) -> int:
        with self._lock:
            return self._bytes_upstream

    def url_for(self, url: str) -> str:
        """``url`` with its host and port replaced by this proxy's (path and query kept)."""
        parts = urlsplit(url)
        if parts.scheme != "http":
            raise ValueError(f"FaultProxy forwards plain TCP; cannot rewrite {url!r}")
        return urlunsplit(parts._replace(netloc=f"127.0.0.1:{self.port}"))

    def cut_after(self, nbytes_upstream: int, times: int = 1, *, reset: bool = True) -> None:
        """Cut the next ``times`` requests after ``nbytes_upstream`` request bytes went upstream.

        A cut is claimed by the first connection that sends request bytes after this call: a
        new connection, or a kept-alive one starting its next request. Counting starts at
        that first byte (headers included), so with ``nbytes_upstream`` larger than the headers
        the connection dies in the middle of the body. Exactly that many bytes are forwarded;
        then both sides are closed, with an RST (``reset=True``: the client sees "connection
        reset") or a FIN (the server sees a short body, the client a closed connection).
        A request shorter than ``nbytes_upstream`` passes, and the count goes on into the next
        request on the same connection.
        """
        if nbytes_upstream < 0 or times < 0:
            raise ValueError("nbytes_upstream and times must not be negative")
        with self._lock:
            self._pending_cuts.extend([(nbytes_upstream, reset)] * times)

    def start(self) -> FaultProxy:
        if self._listener is not None:
            raise RuntimeError("FaultProxy is already started")
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", self._listen_port))
            listener.listen(64)
            listener.setblocking(False)
        except BaseException:
            listener.close()
            raise
        self._listener = listener
        self._wake_r, self._wake_w = socket.socketpair()
        self._accept_thread = threading.Thread(
            target=self._accept_loop,
            args=(listener, self._wake_r),
            name=f"faultproxy-accept-{self.port}",
            daemon=True,
        )
        self._accept_thread.start()
        return self

    def stop(self) -> None:
        """Close every socket and join every thread. Safe to call twice.

        Open connections are cut (the clients see a reset); nothing is left behind, so a test
        can check for leaked threads or file descriptors.
        """
        listener, wake_r, wake_w = self._listener, self._wake_r, self._wake_w
        if listener is None or wake_r is None or wake_w is None:
            return
        # Readable from now on, for every selector that watches it: all loops end.
        with contextlib.suppress(OSError):
            wake_w.send(b"x")
        if self._accept_thread is not None:
            self._accept_thread.join(_JOIN_TIMEOUT_S)
        with self._lock:
            sockets = list(self._sockets)
            threads = list(self._threads)
        for sock in sockets:  # a thread blocked in sendall() is woken by this
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(_JOIN_TIMEOUT_S)
        alive = [t.name for t in [self._accept_thread, *threads] if t is not None and t.is_alive()]
        for sock in (listener, wake_r, wake_w):
            sock.close()
        self._listener = self._wake_r = self._wake_w = None
        self._accept_thread = None
        if alive:
            raise RuntimeError(f"FaultProxy threads did not stop: {alive}")

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- internals ----------------------------------------------------------------------------

    def _accept_loop(self, listener: socket.socket, wake_r: socket.socket) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(listener, selectors.EVENT_READ)
            selector.register(wake_r, selectors.EVENT_READ)
            while True:
                ready = {key.fileobj for key, _ in selector.select()}
                if wake_r in ready:
                    return
                try:
                    client, _addr = listener.accept()
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    return
                client.setblocking(True)
                with self._lock:
                    self._connections += 1
                    number = self._connections
                    self._sockets.add(client)
                    thread = threading.Thread(
                        target=self._serve,
                        args=(client, wake_r),
                        name=f"faultproxy-{self.port}-conn-{number}",
                        daemon=True,
                    )
                    self._threads.add(thread)
                thread.start()

    def _claim_cut(self) -> tuple[int, bool] | None:
        with self._lock:
            return self._pending_cuts.pop(0) if self._pending_cuts else None

    def _serve(self, client: socket.socket, wake_r: socket.socket) -> None:
        """Pump bytes both ways until both directions are closed, a cut, or stop()."""
        upstream: socket.socket | None = None
        cut: tuple[int, bool] | None = None  # (bytes left before the cut, reset)
        cut_now = False
        try:
            try:
                upstream = socket.create_connection((self.target_host, self.target_port), 10)
                upstream.settimeout(None)
            except OSError:
                return  # the client sees its connection closed, as with a dead server
            with self._lock:
                self._sockets.add(upstream)
            peers = {client: upstream, upstream: client}
            with selectors.DefaultSelector() as selector:
                selector.register(client, selectors.EVENT_READ)
                selector.register(upstream, selectors.EVENT_READ)
                selector.register(wake_r, selectors.EVENT_READ)
                open_reads = 2
                while open_reads:
                    for key, _ in selector.select():
                        source = key.fileobj
                        if source is wake_r:
                            return
                        assert isinstance(source, socket.socket)
                        data = source.recv(_CHUNK)
                        if not data:  # half-close: pass the FIN on, keep the other way open
                            selector.unregister(source)
                            open_reads -= 1
                            with contextlib.suppress(OSError):
                                peers[source].shutdown(socket.SHUT_WR)
                            continue
                        if source is upstream:
                            client.sendall(data)
                            continue
                        if cut is None:
                            cut = self._claim_cut()
                        if cut is not None and len(data) >= cut[0]:
                            data, cut_now = data[: cut[0]], True
                        elif cut is not None:
                            cut = (cut[0] - len(data), cut[1])
                        upstream.sendall(data)
                        with self._lock:
                            self._bytes_upstream += len(data)
                        if cut_now:
                            assert cut is not None
                            self._cut(client, upstream, reset=cut[1])
                            return
        except OSError:
            return  # a peer reset or stop() shut the sockets: the connection is over
        finally:
            for sock in (client, upstream):
                if sock is not None:
                    sock.close()
                    with self._lock:
                        self._sockets.discard(sock)
            with self._lock:
                self._threads.discard(threading.current_thread())

    def _cut(self, client: socket.socket, upstream: socket.socket, *, reset: bool) -> None:
        _drain(upstream, _DRAIN_TIMEOUT_S)
        if reset:
            # SO_LINGER with a zero timeout: close() sends an RST instead of a FIN.
            linger = struct.pack("ii", 1, 0)
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
        else:
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        with self._lock:
            self._cuts_done += 1


def _drain(sock: socket.socket, timeout: float) -> None:
    """Wait until the kernel's send queue of ``sock`` is empty (bounded by ``timeout``).

    An RST discards whatever is still queued, so without this the server would get fewer
    bytes than :meth:`FaultProxy.cut_after` promised. TIOCOUTQ (Linux: bytes not yet
    acknowledged by the peer) is 0 once the server's kernel has them.
    """
    buffer = bytearray(4)

    def sent() -> bool:
        try:
            fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, buffer)
        except OSError:
            return True  # the socket is gone: nothing of it is left to send
        return bool(struct.unpack("i", buffer)[0] == 0)

    # The cut goes ahead after the timeout either way: a peer that stopped reading must not
    # hang the proxy.
    with contextlib.suppress(WaitTimeout):
        wait_until(sent, timeout=timeout, interval=0.001, what="the send queue to empty")
