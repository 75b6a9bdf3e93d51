"""The process a page's request or socket landed on, for a session another process owns: it
carries the page's frames to the owner and the owner's answers back, and keeps nothing else."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import secrets
from typing import Any, Callable, Optional

from ...protocol.constants import CLOSE_SESSION_NOT_FOUND
from ..request import Request, Response, text_response
from ..ws import WebSocketPeer, run_soon
from .bus import Bus, BusUnavailable
from .wire import (
    HTTP_REQUEST,
    SOCKET_CLOSED,
    SOCKET_MESSAGE,
    SOCKET_OPEN,
    pack,
    session_channel,
)

logger = logging.getLogger("webio_core.server.scaleout")

#: Longest wait for the owner's answer to a forwarded HTTP request (it may hold the request for
#: the app's reply, half a second at most).
FORWARD_TIMEOUT_SECONDS = 10.0
#: The close code that makes the page reconnect at once (the bus lost a message, or the
#: connection between two processes broke): the reconnect replays what was lost.
CLOSE_RECONNECT = 1012
#: Marks a request carried from another process: its owner answers it or no one does.
FORWARDED_HEADER = "x-webio-forwarded"


class RelayedSocket:
    """A page's socket whose session another process owns; the backend feeds it the page's
    messages and close, the owner's frames come back through :meth:`deliver`."""

    def __init__(
        self,
        bus: Bus,
        session_id: str,
        peer: WebSocketPeer,
        loop: asyncio.AbstractEventLoop,
        forget: Callable[[RelayedSocket], None],
    ) -> None:
        self.bus = bus
        self.session_id = session_id
        self.peer = peer
        self.loop = loop
        self.conn = secrets.token_hex(8)
        self.open = True
        self._forget = forget
        self._channel = session_channel(session_id)

    def start(self, ack: str) -> None:
        self._send(pack(SOCKET_OPEN, b"", **self._ids(), ack=ack))

    def on_message(self, message: Any) -> None:
        if not self.open:
            return
        binary = isinstance(message, (bytes, bytearray, memoryview))
        payload = bytes(message) if binary else str(message).encode()
        self._send(pack(SOCKET_MESSAGE, payload, **self._ids(), binary=binary))

    def on_close(self) -> None:
        if self.open:
            self.open = False
            self._forget(self)
            self._send(pack(SOCKET_CLOSED, b"", **self._ids()))

    # ---- from the bus loop --------------------------------------------------------------------

    def deliver(self, text: str) -> None:
        self._on_socket_loop(lambda: self.peer.send_text(text))

    def hang_up(self, code: int, reason: str) -> None:
        """Close the page's socket (it learns why from the code) and forget it."""
        if self.open:
            self.open = False
            self._forget(self)
            self._on_socket_loop(lambda: self.peer.close(code, reason))

    # ---- helpers ------------------------------------------------------------------------------

    def _ids(self) -> dict[str, str]:
        return {"conn": self.conn, "reply": self.bus.process_id}

    def _send(self, data: bytes) -> None:
        self.bus.publish(self._channel, data).add_done_callback(self._sent)

    def _sent(self, future: concurrent.futures.Future[int]) -> None:
        error = future.exception()
        if error is not None:
            logger.warning("session %s: relay failed: %s", self.session_id[:8], error)
            self.hang_up(CLOSE_RECONNECT, "relay failed, reconnect")
        elif future.result() == 0:
            logger.info("refused a reconnect to a session no process owns")
            self.hang_up(CLOSE_SESSION_NOT_FOUND, "session not found")

    def _on_socket_loop(self, action: Callable[[], Any]) -> None:
        try:
            self.loop.call_soon_threadsafe(lambda: run_soon(action(), self.loop))
        except RuntimeError:
            pass  # the backend's loop has closed: the socket went with it


class PendingRequests:
    """HTTP requests forwarded to owners, awaiting their responses."""

    def __init__(self, bus: Bus) -> None:
        self.bus = bus
        #: By request id: the session asked for, and its owner's answer (None: no owner).
        self._waiting: dict[str, tuple[str, concurrent.futures.Future[Optional[Response]]]] = {}

    def forward(self, session_id: str, request: Request) -> Optional[Response]:
        if request.header(FORWARDED_HEADER):
            return None  # the owner let go of the session since: it is gone
        request_id = secrets.token_hex(8)
        answer: concurrent.futures.Future[Optional[Response]] = concurrent.futures.Future()
        self._waiting[request_id] = (session_id, answer)
        fields = {
            "id": request_id,
            "reply": self.bus.process_id,
            "method": request.method,
            "path": request.path,
            "query": dict(request.query),
            "headers": dict(request.headers),
            "remote_ip": request.remote_ip,
        }
        try:
            message = pack(HTTP_REQUEST, request.body, **fields)
            published = self.bus.publish(session_channel(session_id), message)
            if published.result(timeout=FORWARD_TIMEOUT_SECONDS) == 0:
                return None
            return answer.result(timeout=FORWARD_TIMEOUT_SECONDS)
        except (concurrent.futures.TimeoutError, BusUnavailable) as exc:
            logger.warning(
                "session %s: forwarding failed: %s", session_id[:8], str(exc) or "timeout"
            )
            return text_response(503, "The process running this session did not answer; retry.")
        finally:
            self._waiting.pop(request_id, None)

    def answered(self, header: dict[str, Any], body: bytes) -> None:
        _, answer = self._waiting.get(str(header.get("id")), ("", None))
        if answer is not None and not answer.done():
            response = Response(
                int(header["status"]), body, str(header["type"]), dict(header["headers"])
            )
            answer.set_result(response)

    def sessions(self) -> set[str]:
        """The sessions whose owners are asked something now."""
        return {session_id for session_id, _ in list(self._waiting.values())}

    def owner_gone(self, session_id: str) -> None:
        """No process listens for ``session_id`` any more: its owner died with the requests it
        was answering, which find the session gone (rather than waiting for the timeout)."""
        for waited, answer in list(self._waiting.values()):
            if waited == session_id and not answer.done():
                answer.set_result(None)

    def fail_all(self) -> None:
        for _, answer in list(self._waiting.values()):
            if not answer.done():
                answer.set_exception(BusUnavailable("lost the broker"))
