"""WebSocket transport: everything between a socket and a session except the socket itself.

A backend answers every request of its route with :meth:`WebSocketTransport.handle_http` (a
page, a file, or the refusal of an upgrade), then for each accepted socket calls
:meth:`WebSocketTransport.connect` with functions that send text and close, and feeds the
connection the socket's messages and its close. Reconnects, batching,
acknowledgements, validation and session lifetime are handled here, once for all backends.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any, Callable, Optional

from ..protocol import MAX_COMMANDS_PER_FRAME, ProtocolError, encode_commands
from ..protocol.constants import CLOSE_SESSION_NOT_FOUND, QUERY_ACK, QUERY_SESSION
from ..session.base import Session
from .endpoint import Endpoint
from .request import Request, Response, text_response

logger = logging.getLogger("webio_core.server.ws")


#: Sends a text frame on the backend's socket; may return an awaitable, which the core awaits.
Send = Callable[[str], Any]
#: Closes the backend's socket with a code and a reason; may return an awaitable.
Close = Callable[[int, str], Any]


class WebSocketPeer:
    """The backend's socket, as the core sees it: called on the backend's loop. A socket that
    fails (it closed under us) is logged and left alone; its close reaches the core anyway."""

    def __init__(self, send: Send, close: Close) -> None:
        self._send = send
        self._close = close

    def send_text(self, text: str) -> Any:
        try:
            return self._send(text)
        except Exception as exc:
            logger.debug("websocket send failed: %s", exc)
            return None

    def close(self, code: int = 1000, reason: str = "") -> Any:
        try:
            return self._close(code, reason)
        except Exception as exc:
            logger.debug("websocket close failed: %s", exc)
            return None


class WebSocketTransport:
    """The WebSocket side of one :class:`Endpoint`."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint

    def handle_http(self, request: Request) -> Optional[Response]:
        """What to answer a request on the endpoint's route: :meth:`respond` to a plain request,
        :meth:`refuse` an upgrade (None: accept it)."""
        return self.refuse(request) if request.is_upgrade else self.respond(request)

    def respond(self, request: Request) -> Response:
        """A plain request: the page or a file for a GET."""
        if request.method in ("GET", "HEAD"):
            return self.endpoint.handle_get(request)
        return text_response(405, "This endpoint takes GET requests and WebSocket upgrades.")

    def refuse(self, request: Request) -> Optional[Response]:
        """The response refusing this upgrade (403 origin, 404 app), or None to accept it."""
        if not self.endpoint.origin_allowed(request):
            return text_response(403, "Cross-origin WebSocket connections are not allowed.")
        if self.endpoint.resolve(request) is None:
            return text_response(404, "No such application.")
        return None

    def connect(
        self, request: Request, loop: asyncio.AbstractEventLoop, send: Send, close: Close
    ) -> WebSocketConnection:
        """Call once the socket is open: starts a new session or re-attaches an old one.
        ``send(text)`` and ``close(code, reason)`` act on the socket, on ``loop``."""
        connection = WebSocketConnection(self, WebSocketPeer(send, close), loop)
        session_id = request.query.get(QUERY_SESSION)
        if session_id is None:
            connection.start(request)
        else:
            connection.resume(session_id, request.query.get(QUERY_ACK, "0"))
        return connection


class WebSocketConnection:
    """One open socket serving one session; the session's link while it is attached."""

    def __init__(
        self, transport: WebSocketTransport, peer: WebSocketPeer, loop: asyncio.AbstractEventLoop
    ) -> None:
        self.transport = transport
        self.peer = peer
        self.loop = loop
        self.session: Optional[Session] = None
        self._sent_seq = 0
        self._flush_scheduled = False
        self._active = True
        self._expiry: Optional[asyncio.TimerHandle] = None

    def start(self, request: Request) -> None:
        endpoint = self.transport.endpoint
        session = endpoint.create_session(request, loop=self.loop)
        self.session = session
        session.add_close_listener(self._on_session_closed)
        endpoint.start_session(session, self, endpoint.options.reconnect_timeout)

    def resume(self, session_id: str, ack_text: str) -> None:
        session = self.transport.endpoint.session(session_id)
        ack = int(ack_text) if ack_text.isdigit() else -1
        if session is None or session.closed or not session.outbox.can_replay_after(ack):
            logger.info("refused a reconnect to an unknown or closed session")
            self._active = False
            self._schedule(self.peer.close(CLOSE_SESSION_NOT_FOUND, "session not found"))
            return
        self.session = session
        session.outbox.acknowledge(ack)
        self._sent_seq = ack
        session.attach(self)
        self._flush()

    # ---- the session's link -------------------------------------------------------------------

    def wake(self) -> None:
        """New commands are waiting. Called from any thread; coalesces into one flush per turn."""
        if self._flush_scheduled:
            return
        self._flush_scheduled = True
        try:
            self.loop.call_soon_threadsafe(self._flush)
        except RuntimeError:  # the loop has closed: the server is gone
            self._flush_scheduled = False

    def replaced(self) -> None:
        """The page reconnected on another socket: hang this one up, forget its expiry."""
        self._cancel_expiry()
        if self._active:
            self._active = False
            self._schedule(self.peer.close(1000, "replaced by a newer connection"))

    def _on_session_closed(self, session: Session) -> None:
        # Sessions may close from any thread; socket work belongs on the loop.
        try:
            self.loop.call_soon_threadsafe(self._finish, session)
        except RuntimeError:
            pass  # the loop is closed: the server has stopped and took the socket with it

    def _finish(self, session: Session) -> None:
        """The session closed: its current socket sends what is left and hangs up."""
        self.transport.endpoint.registry.discard(session.id)
        link = session.link
        if isinstance(link, WebSocketConnection):
            link._cancel_expiry()
            link._flush()
            if link._active:
                link._active = False
                link._schedule(link.peer.close(1000, "session closed"))

    # ---- outgoing ---------------------------------------------------------------------------

    def _flush(self) -> None:
        self._flush_scheduled = False
        if not self._active or self.session is None:
            return
        commands = self.session.outbox.after(self._sent_seq)
        for start in range(0, len(commands), MAX_COMMANDS_PER_FRAME):
            frame = encode_commands(commands[start : start + MAX_COMMANDS_PER_FRAME])
            self._schedule(self.peer.send_text(frame))
        if commands:
            self._sent_seq = commands[-1].seq
            self.session.outbox.delivered(self._sent_seq)

    def _schedule(self, result: Any) -> None:
        if inspect.isawaitable(result):
            task = asyncio.ensure_future(result, loop=self.loop)
            task.add_done_callback(_log_send_failure)

    # ---- incoming ---------------------------------------------------------------------------

    def on_message(self, message: Any) -> None:
        """A frame from the client; anything malformed is logged and dropped."""
        if self.session is None or not self._active:
            return
        try:
            frame = self.transport.endpoint.decode_frame(message)
            self.session.receive(frame)
        except ProtocolError as exc:
            logger.warning("session %s: dropped client frame: %s", self.session.short_id, exc)

    def on_close(self) -> None:
        """The socket closed (by the browser, the network or us)."""
        was_active, self._active = self._active, False
        session = self.session
        if session is None or not was_active or session.closed or session.link is not self:
            return
        timeout = self.transport.endpoint.options.reconnect_timeout
        if timeout > 0:
            self._expiry = self.loop.call_later(timeout, self._expire)
        else:
            session.close()

    def _expire(self) -> None:
        self._expiry = None
        if self.session is not None and self.session.link is self:
            logger.info("session %s: no reconnect within reconnect_timeout", self.session.short_id)
            self.session.close()

    def _cancel_expiry(self) -> None:
        if self._expiry is not None:
            self._expiry.cancel()
            self._expiry = None


def _log_send_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.debug("websocket send failed: %s", task.exception())
