"""WebSocket transport: everything between a socket and a session except the socket itself.

A backend checks an upgrade with :meth:`WebSocketTransport.refuse`, then for each accepted
socket creates a :class:`WebSocketConnection` with a peer object that can send text and close,
and feeds it the socket's messages and its close. Reconnects, batching, acknowledgements,
validation and session lifetime are handled here, once for all backends.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any, Optional, Protocol

from ..protocol import MAX_COMMANDS_PER_FRAME, PROTOCOL_VERSION, ProtocolError, encode_commands
from ..session.base import Session
from .app import WebIOApp
from .request import Request, Response, text_response

logger = logging.getLogger("webio_core.server.ws")

#: Close code for a reconnect to a session that no longer exists.
CLOSE_SESSION_NOT_FOUND = 4404


class WebSocketPeer(Protocol):
    """The backend's socket, as the core sees it. Methods are called on the backend's loop and
    may return an awaitable, which the core schedules."""

    def send_text(self, text: str) -> Any: ...

    def close(self, code: int = 1000, reason: str = "") -> Any: ...


class WebSocketTransport:
    """The WebSocket side of one :class:`WebIOApp`; tracks which socket serves which session."""

    def __init__(self, app: WebIOApp) -> None:
        self.app = app
        self._connections: dict[str, WebSocketConnection] = {}
        self._expiry: dict[str, asyncio.TimerHandle] = {}

    def refuse(self, request: Request) -> Optional[Response]:
        """The response refusing this upgrade (403 origin, 404 app), or None to accept it."""
        if not self.app.origin_allowed(request):
            return text_response(403, "Cross-origin WebSocket connections are not allowed.")
        if request.query.get("app", "index") not in self.app.apps:
            return text_response(404, "No such application.")
        return None

    def connect(
        self, request: Request, peer: WebSocketPeer, loop: asyncio.AbstractEventLoop
    ) -> WebSocketConnection:
        """Call once the socket is open: starts a new session or re-attaches an old one."""
        connection = WebSocketConnection(self, peer, loop)
        connection.open(request)
        return connection

    # ---- bookkeeping of sessions between sockets --------------------------------------------

    def _attach(self, session: Session, connection: WebSocketConnection) -> None:
        timer = self._expiry.pop(session.id, None)
        if timer is not None:
            timer.cancel()
        previous = self._connections.get(session.id)
        self._connections[session.id] = connection
        if previous is not None and previous is not connection:
            previous.detach_quietly()

    def _detached(self, session: Session, connection: WebSocketConnection) -> None:
        if self._connections.get(session.id) is not connection:
            return  # a newer socket took over this session
        del self._connections[session.id]
        timeout = self.app.options.reconnect_timeout
        if session.closed:
            return
        if timeout > 0:
            self._expiry[session.id] = connection.loop.call_later(timeout, self._expire, session)
        else:
            session.close()

    def _expire(self, session: Session) -> None:
        self._expiry.pop(session.id, None)
        if session.id not in self._connections:
            logger.info("session %s: no reconnect within reconnect_timeout", session.short_id)
            session.close()

    def _session_closed(self, session: Session) -> None:
        timer = self._expiry.pop(session.id, None)
        if timer is not None:
            timer.cancel()
        connection = self._connections.pop(session.id, None)
        if connection is not None:
            connection.finish()


class WebSocketConnection:
    """One open socket serving one session."""

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

    def open(self, request: Request) -> None:
        app = self.transport.app
        session_id = request.query.get("session")
        if session_id is not None:
            self._reattach(session_id, request.query.get("ack", "0"))
            return
        session = app.create_session(request, loop=self.loop)
        self.session = session
        self.transport._attach(session, self)
        session.set_output_listener(self._wake)
        session.add_close_listener(self._on_close_listener)
        session.send(
            "session",
            {
                "protocol": PROTOCOL_VERSION,
                "session_id": session.id,
                "reconnect_timeout": app.options.reconnect_timeout,
            },
        )
        session.start()

    def _on_close_listener(self, session: Session) -> None:
        # Sessions may close from any thread; socket work belongs on the loop.
        try:
            self.loop.call_soon_threadsafe(self.transport._session_closed, session)
        except RuntimeError:
            pass  # the loop is closed: the server has stopped and took the socket with it

    def _reattach(self, session_id: str, ack_text: str) -> None:
        session = self.transport.app.session(session_id)
        ack = int(ack_text) if ack_text.isdigit() else -1
        if session is None or session.closed or not session.outbox.can_replay_after(ack):
            logger.info("refused a reconnect to an unknown or closed session")
            self._active = False
            self._schedule(self.peer.close(CLOSE_SESSION_NOT_FOUND, "session not found"))
            return
        self.session = session
        session.outbox.acknowledge(ack)
        self._sent_seq = ack
        self.transport._attach(session, self)
        session.set_output_listener(self._wake)
        self._flush()

    # ---- outgoing ---------------------------------------------------------------------------

    def _wake(self) -> None:
        """New commands are waiting. Called from any thread; coalesces into one flush per turn."""
        if self._flush_scheduled:
            return
        self._flush_scheduled = True
        try:
            self.loop.call_soon_threadsafe(self._flush)
        except RuntimeError:  # the loop has closed: the server is gone
            self._flush_scheduled = False

    def _flush(self) -> None:
        self._flush_scheduled = False
        if not self._active or self.session is None:
            return
        commands = self.session.outbox.after(self._sent_seq)
        for start in range(0, len(commands), MAX_COMMANDS_PER_FRAME):
            self._schedule(
                self.peer.send_text(
                    encode_commands(commands[start : start + MAX_COMMANDS_PER_FRAME])
                )
            )
        if commands:
            self._sent_seq = commands[-1].seq
            self.session.outbox.delivered(self._sent_seq)

    def finish(self) -> None:
        """The session closed: send what is left (``close_session`` included), then hang up."""
        self._flush()
        if self._active:
            self._active = False
            self._schedule(self.peer.close(1000, "session closed"))

    def detach_quietly(self) -> None:
        self._active = False
        self._schedule(self.peer.close(1000, "replaced by a newer connection"))

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
            frame = self.transport.app.decode_frame(message)
            self.session.receive(frame)
        except ProtocolError as exc:
            logger.warning("session %s: dropped client frame: %s", self.session.short_id, exc)

    def on_close(self) -> None:
        """The socket closed (by the browser, the network or us)."""
        was_active, self._active = self._active, False
        if self.session is not None and was_active:
            self.transport._detached(self.session, self)


def _log_send_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.debug("websocket send failed: %s", task.exception())
