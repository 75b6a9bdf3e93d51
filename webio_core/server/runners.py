"""Runners: the :class:`~webio_core.server.backend.RunningServer` of a backend, so that no
plugin writes its own start/stop handshake.

- :class:`SocketServerRunner` serves a bound ``socketserver`` server (Werkzeug's,
  ``http.server``'s, ``wsgiref``'s) in the calling thread.
- :class:`AsyncioRunner` runs an asyncio server (Tornado, aiohttp, uvicorn) on a loop of its
  own in the calling thread.

Both close every session of the endpoint when they stop, and ``stop()`` is safe from any
thread, before or after ``serve_forever()`` started.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import socketserver
import threading
from collections.abc import Awaitable
from typing import Callable, Optional

from .endpoint import Endpoint

#: How often serve_forever() looks for stop(); the standard 0.5 s makes stopping slow.
STOP_POLL_SECONDS = 0.1
#: After sessions closed, how long their last frames (close_session) get to leave the sockets.
GOODBYE_SECONDS = 0.05

#: Closes what :data:`Serve` opened: called on the runner's loop when the server stops.
StopServing = Callable[[], Awaitable[None]]
#: Starts serving on the running loop (the sockets are already bound) and returns how to stop.
Serve = Callable[[], Awaitable[StopServing]]


class SocketServerRunner:
    """Serves ``server`` (already bound) for ``endpoint``."""

    def __init__(self, endpoint: Endpoint, server: socketserver.BaseServer) -> None:
        self.endpoint = endpoint
        self._server = server
        _accept_without_delay(server)
        self.port: int = int(server.server_address[1])  # type: ignore[index]
        # serving/stopped change together under the lock, so stop() and serve_forever() agree
        # on whether the loop runs: shutdown() would wait forever for a loop that never started.
        self._lock = threading.Lock()
        self._serving = False
        self._stopped = False

    def serve_forever(self) -> None:
        """Serve requests in this thread until :meth:`stop`, then close the socket and shut the
        endpoint down. Returns at once if :meth:`stop` came first."""
        with self._lock:
            run = not self._stopped
            self._serving = run
        try:
            if run:
                self._server.serve_forever(poll_interval=STOP_POLL_SECONDS)
        finally:
            self._server.server_close()
            self.endpoint.shutdown()

    def stop(self) -> None:
        """Make :meth:`serve_forever` return; before it started serving, just close the socket.
        Safe from any thread."""
        with self._lock:
            serving, self._stopped = self._serving, True
        if serving:
            self._server.shutdown()
        else:
            self._server.server_close()


def _accept_without_delay(server: socketserver.BaseServer) -> None:
    """Turn Nagle's algorithm off on every connection ``server`` accepts. Servers such as
    wsgiref's write a reply's headers and body separately; with the algorithm on, the body
    waits for the client to acknowledge the headers, which clients delay by up to 40 ms, so
    each polling request would take that long."""
    accept = server.get_request  # type: ignore[attr-defined]  # BaseServer does not declare it

    def get_request() -> tuple[socket.socket, object]:
        connection, address = accept()
        with contextlib.suppress(OSError, AttributeError):  # AF_UNIX sockets have no Nagle
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection, address

    server.get_request = get_request  # type: ignore[attr-defined,method-assign]


class AsyncioRunner:
    """Runs ``serve`` for ``endpoint`` on a new event loop; ``port`` is the port already bound."""

    def __init__(self, endpoint: Endpoint, port: int, serve: Serve) -> None:
        self.endpoint = endpoint
        self.port = port
        self._serve_on_loop = serve
        self._stop_requested = threading.Event()
        self._lock = threading.Lock()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._wake: Optional[asyncio.Event] = None

    def serve_forever(self) -> None:
        """Run the server on a new event loop in this thread until :meth:`stop`; on the way out,
        close the endpoint's sessions on that loop, give their sockets a moment to say
        goodbye, then stop serving."""
        if not self._stop_requested.is_set():
            asyncio.run(self._serve())

    async def _serve(self) -> None:
        stop_serving = await self._serve_on_loop()
        with self._lock:
            self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        try:
            if not self._stop_requested.is_set():
                await self._wake.wait()
        finally:
            # Sessions close on this loop, so their sockets get close_session and a clean close.
            self.endpoint.shutdown()
            await asyncio.sleep(GOODBYE_SECONDS)
            await stop_serving()

    def stop(self) -> None:
        """Make :meth:`serve_forever` return (or never start serving, if called first). Safe
        from any thread, more than once."""
        self._stop_requested.set()
        with self._lock:
            loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(wake.set)
            except RuntimeError:
                pass  # the loop finished between the check and the call
