"""A :class:`~webio_core.backend.RunningServer` for backends built on ``socketserver`` servers
(Werkzeug's, ``http.server``'s), so none of them writes its own start/stop handshake."""

from __future__ import annotations

import socketserver
import threading

from .app import WebIOApp

#: How often serve_forever() looks for stop(); the standard 0.5 s makes stopping slow.
STOP_POLL_SECONDS = 0.1


class SocketServerRunner:
    """Serves ``server`` (already bound) for ``app``; ``stop()`` is safe from any thread."""

    def __init__(self, app: WebIOApp, server: socketserver.BaseServer) -> None:
        self.app = app
        self._server = server
        self.port: int = int(server.server_address[1])  # type: ignore[index]
        # serving/stopped change together under the lock, so stop() and serve_forever() agree
        # on whether the loop runs: shutdown() would wait forever for a loop that never started.
        self._lock = threading.Lock()
        self._serving = False
        self._stopped = False

    def serve_forever(self) -> None:
        with self._lock:
            run = not self._stopped
            self._serving = run
        try:
            if run:
                self._server.serve_forever(poll_interval=STOP_POLL_SECONDS)
        finally:
            self._server.server_close()
            self.app.shutdown()

    def stop(self) -> None:
        with self._lock:
            serving, self._stopped = self._serving, True
        if serving:
            self._server.shutdown()
        else:
            self._server.server_close()
