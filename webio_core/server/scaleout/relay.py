"""The process a page's request or socket landed on, for a session another process owns: it
carries the page's frames to the owner and the owner's answers back, and keeps nothing else."""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import secrets
import threading
import time
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
#: How long a page's process keeps trying to reach the owner of a session before it tells the
#: page its session is gone: after a broker restart, the owner may take a moment to subscribe
#: to its sessions again (a publish nobody hears cannot tell that from a session that ended).
OWNER_GRACE_SECONDS = 3.0
#: Pause between two tries.
OWNER_RETRY_SECONDS = 0.2
#: How long a session found without an owner is remembered as such (then a request for it
#: starts the grace anew).
FORGET_SECONDS = 60.0
#: How long a request whose owner stopped listening may still get its answer: an owner that
#: ends the session stops listening before that answer, its last, reaches this process.
LAST_ANSWER_SECONDS = 1.0
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
        # Until the owner heard the page's reconnect, its frames wait here, in order.
        self._lock = threading.Lock()
        self._early: Optional[list[bytes]] = []
        self._open_message = b""
        self._deadline = 0.0

    @property
    def opened(self) -> bool:
        """Whether the owner heard the page's reconnect."""
        return self._early is None

    def start(self, ack: str) -> None:
        try:
            self._open_message = pack(SOCKET_OPEN, b"", **self._ids(), ack=ack)
        except BusUnavailable as exc:  # the bus could not start
            logger.warning("session %s: cannot relay: %s", self.session_id[:8], exc)
            self.hang_up(CLOSE_RECONNECT, "cannot reach the session's process, reconnect")
            return
        self._deadline = time.monotonic() + OWNER_GRACE_SECONDS
        self._try_open()

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
        with self._lock:
            if self._early is not None:
                self._early.append(data)
                return
        self.bus.publish(self._channel, data).add_done_callback(self._sent)

    def _try_open(self) -> None:
        self.bus.publish(self._channel, self._open_message).add_done_callback(self._open_sent)

    def _open_sent(self, future: concurrent.futures.Future[int]) -> None:
        if future.exception() is not None:
            self._sent(future)
        elif future.result() > 0:
            with self._lock:
                early, self._early = self._early or [], None
            for data in early:
                self.bus.publish(self._channel, data).add_done_callback(self._sent)
        elif not self.open:
            pass  # the page left while the owner was being looked for
        elif time.monotonic() < self._deadline:
            self.bus.loop.call_later(OWNER_RETRY_SECONDS, self._try_open)
        else:
            logger.info("refused a reconnect to a session no process owns")
            self.hang_up(CLOSE_SESSION_NOT_FOUND, "session not found")

    def _sent(self, future: concurrent.futures.Future[int]) -> None:
        error = future.exception()
        if error is not None:
            logger.warning("session %s: relay failed: %s", self.session_id[:8], error)
            self.hang_up(CLOSE_RECONNECT, "relay failed, reconnect")
        elif future.result() == 0:
            # The owner stopped listening: it ended, or it is reconnecting to the broker. The
            # page's reconnect finds out which.
            self.hang_up(CLOSE_RECONNECT, "lost the session's process, reconnect")

    def _on_socket_loop(self, action: Callable[[], Any]) -> None:
        try:
            self.loop.call_soon_threadsafe(lambda: run_soon(action(), self.loop))
        except RuntimeError:
            pass  # the backend's loop has closed: the socket went with it


class PendingRequests:
    """HTTP requests forwarded to owners, awaiting their responses."""

    def __init__(self, bus: Bus) -> None:
        self.bus = bus
        self._waiting: dict[str, concurrent.futures.Future[Response]] = {}
        #: The session of each request its owner got (and has yet to answer), by request id.
        self._asked: dict[str, str] = {}
        #: When a request first found no process listening for the session, by session id.
        self._unheard: dict[str, float] = {}

    def forward(self, session_id: str, request: Request) -> Optional[Response]:
        if request.header(FORWARDED_HEADER):
            return None  # the owner let go of the session since: it is gone
        try:
            reply = self.bus.process_id
        except BusUnavailable as exc:  # the bus could not start
            return self._unanswered(session_id, exc)
        request_id = secrets.token_hex(8)
        answer: concurrent.futures.Future[Response] = concurrent.futures.Future()
        self._waiting[request_id] = answer
        fields = {
            "id": request_id,
            "reply": reply,
            "method": request.method,
            "path": request.path,
            "query": dict(request.query),
            "headers": dict(request.headers),
            "remote_ip": request.remote_ip,
        }
        message = pack(HTTP_REQUEST, request.body, **fields)
        try:
            published = self.bus.publish(session_channel(session_id), message)
            if published.result(timeout=FORWARD_TIMEOUT_SECONDS) == 0:
                return self._no_owner(session_id)
            self._unheard.pop(session_id, None)
            self._asked[request_id] = session_id
            return answer.result(timeout=FORWARD_TIMEOUT_SECONDS)
        except (concurrent.futures.TimeoutError, BusUnavailable) as exc:
            return self._unanswered(session_id, exc)
        finally:
            self._waiting.pop(request_id, None)
            self._asked.pop(request_id, None)

    def _no_owner(self, session_id: str) -> Optional[Response]:
        """No process listens for the session: it is gone, unless its owner is reconnecting
        to the broker. The page is told to retry until OWNER_GRACE_SECONDS after the first
        request that found no owner, then that its session is gone (None). The request is not
        held meanwhile: a sync worker would serve nothing else."""
        now = time.monotonic()
        since = self._unheard.setdefault(session_id, now)
        for stale in [s for s, t in list(self._unheard.items()) if now - t > FORGET_SECONDS]:
            self._unheard.pop(stale, None)
        if now - since >= OWNER_GRACE_SECONDS:
            logger.info("session %s: no process owns it", session_id[:8])
            return None
        if since == now:  # once per session: a page retries several times a second
            logger.warning("session %s: no process listens for it; retry", session_id[:8])
        return text_response(503, "The process running this session is not reachable; retry.")

    @staticmethod
    def _unanswered(session_id: str, error: Exception) -> Response:
        reason = str(error) or "timeout"
        logger.warning("session %s: forwarding failed: %s", session_id[:8], reason)
        return text_response(503, "The process running this session did not answer; retry.")

    def answered(self, header: dict[str, Any], body: bytes) -> None:
        answer = self._waiting.get(str(header.get("id")))
        if answer is not None and not answer.done():
            response = Response(
                int(header["status"]), body, str(header["type"]), dict(header["headers"])
            )
            answer.set_result(response)

    def sessions(self) -> set[str]:
        """The sessions whose owners got a request they have yet to answer."""
        return set(list(self._asked.values()))

    def owner_gone(self, session_id: str) -> None:
        """No process listens for ``session_id`` any more (on the bus loop): its owner died
        with the requests it was answering, is reconnecting to the broker, or ended the session
        while answering. Those still unanswered after LAST_ANSWER_SECONDS are answered "retry"
        then rather than at the timeout, and the retry tells which."""
        answers = [
            answer
            for request_id, asked in list(self._asked.items())
            if asked == session_id and (answer := self._waiting.get(request_id)) is not None
        ]
        self.bus.loop.call_later(LAST_ANSWER_SECONDS, _fail_unanswered, answers)

    def fail_all(self) -> None:
        for answer in list(self._waiting.values()):
            if not answer.done():
                answer.set_exception(BusUnavailable("lost the broker"))


def _fail_unanswered(answers: list[concurrent.futures.Future[Response]]) -> None:
    for answer in answers:
        if not answer.done():
            answer.set_exception(BusUnavailable("the session's process stopped listening"))
