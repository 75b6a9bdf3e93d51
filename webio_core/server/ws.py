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
from typing import Any, Callable, Optional, Union

from ..protocol import ProtocolError, encode_frame, frame_batches
from ..protocol.constants import CLOSE_SESSION_NOT_FOUND, QUERY_ACK, QUERY_SESSION
from ..protocol.frames import is_binary_frame, parse_count
from ..session.base import Session
from ..session.coroutinebased import on_loop
from .endpoint import Endpoint
from .registry import Connection
from .request import Request, Response, text_response

logger = logging.getLogger("webio_core.server.ws")

#: After its session closed, how long a socket waits for the page to acknowledge the last
#: commands before hanging up.
CLOSE_GRACE_SECONDS = 5.0
#: A flush another thread queued on a socket's loop.
FROM_THREAD = object()
#: What a framework's message size limit adds to max_payload_size (see
#: :attr:`WebSocketTransport.max_message_size`).
FRAME_MARGIN = 64 * 1024
#: How long the acknowledgement of a client's events may wait for the app's answer, to leave
#: with it in one frame instead of in a frame of its own just before (a write, and a wake-up
#: of the page, saved per event; the page only needs it to forget the events it keeps).
EVENT_ACK_DELAY_SECONDS = 0.002


#: Sends a text frame on the backend's socket; may return an awaitable, which the core awaits.
Send = Callable[[str], Any]
#: Closes the backend's socket with a code and a reason; may return an awaitable.
Close = Callable[[int, str], Any]


class WebSocketPeer:
    """The backend's socket, as the core sees it: called on the backend's loop. A socket that
    fails (it closed under us) is logged and left alone; its close reaches the core anyway."""

    __slots__ = ("_close", "_send")

    def __init__(self, send: Send, close: Close) -> None:
        self._send = send
        self._close = close

    def send_text(self, text: str) -> Any:
        """Send ``text`` on the socket; returns what the backend's send returned (an awaitable
        for the core to await, or None), and None if it raised."""
        try:
            return self._send(text)
        except Exception as exc:
            logger.debug("websocket send failed: %s", exc)
            return None

    def close(self, code: int = 1000, reason: str = "") -> Any:
        """Close the socket with ``code`` and ``reason``; returns what the backend's close
        returned, and None if it raised."""
        try:
            return self._close(code, reason)
        except Exception as exc:
            logger.debug("websocket close failed: %s", exc)
            return None


class WebSocketTransport:
    """The WebSocket side of one :class:`Endpoint`."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        endpoint.registry.serve(self)

    @property
    def max_message_size(self) -> int:
        """The limit to give the framework's WebSocket messages: max_payload_size and some room.
        The core drops a frame a little over max_payload_size and the page keeps its socket (a
        frame of exactly max_payload_size gets in); the framework closes a socket whose
        message is far larger, before reading all of it."""
        return self.endpoint.options.max_payload_bytes + FRAME_MARGIN

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
    ) -> Connection:
        """Call once the socket is open: starts a new session or re-attaches an old one.
        ``send(text)`` and ``close(code, reason)`` act on the socket, on ``loop``."""
        peer = WebSocketPeer(send, close)
        session_id = request.query.get(QUERY_SESSION)
        ack = request.query.get(QUERY_ACK, "0")
        registry = self.endpoint.registry
        if session_id is not None and registry.get(session_id) is None:
            relay = registry.relay(session_id, ack, peer, loop)
            if relay is not None:  # the session may live in another process
                return relay
        connection = WebSocketConnection(self, peer, loop)
        if session_id is None:
            connection.start(request)
        else:
            connection.resume(session_id, ack)
        return connection


class WebSocketConnection:
    """One open socket serving one session; the session's link while it is attached.

    Lifetime: a session outlives its socket for ``reconnect_timeout`` (the page may come back
    with ``session=ID&ack=N``); a closed session outlives it until the page acknowledged its
    last commands (``close_session`` included), or ``reconnect_timeout`` passed.
    """

    # One per open page: slots keep an idle session's share small.
    __slots__ = (
        "_ack_timer",
        "_active",
        "_flush_queued",
        "_sent_event_ack",
        "_sent_seq",
        "_timer",
        "loop",
        "peer",
        "session",
        "transport",
    )

    def __init__(
        self, transport: WebSocketTransport, peer: WebSocketPeer, loop: asyncio.AbstractEventLoop
    ) -> None:
        self.transport = transport
        self.peer = peer
        self.loop = loop
        self.session: Optional[Session] = None
        self._sent_seq = 0
        self._sent_event_ack = 0
        #: The flush wake() queued: None, the handle of one queued on the loop (a flush before
        #: its turn cancels it), or FROM_THREAD (set before the call is queued, so that other
        #: wakes coalesce into it; the loop may run it before its handle could be kept).
        self._flush_queued: Union[asyncio.Handle, object, None] = None
        self._active = True
        self._timer: Optional[asyncio.TimerHandle] = None
        self._ack_timer: Optional[asyncio.TimerHandle] = None

    def start(self, request: Request) -> None:
        """Open a new session for the app ``request`` resolves to, with this socket as its link,
        and run the app."""
        endpoint = self.transport.endpoint
        session = endpoint.create_session(request, loop=self.loop)
        self.session = session
        session.add_close_listener(self._on_session_closed)
        endpoint.start_session(session, self, endpoint.options.reconnect_timeout)

    def resume(self, session_id: str, ack_text: str) -> None:
        """Attach this socket to session ``session_id`` after a reconnect and resend the
        commands after ``ack_text`` (the last one the page acknowledged). An unknown session,
        or one that no longer holds those commands, gets the socket closed as "session not
        found"."""
        session = self.transport.endpoint.session(session_id)
        try:
            ack = parse_count(ack_text, QUERY_ACK)
        except ProtocolError:
            ack = -1
        if session is None or not session.outbox.can_replay_after(ack):
            logger.info("refused a reconnect to an unknown session")
            self._active = False
            self._schedule(self.peer.close(CLOSE_SESSION_NOT_FOUND, "session not found"))
            return
        self.session = session
        session.outbox.acknowledge(ack)
        self._sent_seq = ack
        session.attach(self)
        self._flush()
        if session.closed:
            self._after_close()

    # ---- the session's link -------------------------------------------------------------------

    def wake(self) -> None:
        """New commands are waiting. Called from any thread; coalesces into one flush per turn."""
        if self._flush_queued is not None:
            return
        if on_loop(self.loop):
            self._flush_queued = self.loop.call_soon(self._flush)
            return
        self._flush_queued = FROM_THREAD
        try:
            self.loop.call_soon_threadsafe(self._flush)
        except RuntimeError:  # the loop has closed: the server is gone
            self._flush_queued = None

    def waiting(self) -> None:
        """The app waits for the page: send its commands now rather than at the loop's next
        turn (which runs the socket's other work first, on the way of the answer)."""
        if self._flush_queued is not None and on_loop(self.loop):
            self._flush()

    def replaced(self) -> None:
        """The page reconnected on another socket: hang this one up, forget its timer. The new
        one may be on another loop (scale-out's bus): this socket is only touched on its own."""
        if not on_loop(self.loop):
            self._on_loop(self.replaced)
            return
        self._cancel_timer()
        if self._active:
            self._active = False
            self._schedule(self.peer.close(1000, "replaced by a newer connection"))

    def _on_session_closed(self, session: Session) -> None:
        # Sessions may close from any thread; socket work belongs on the loop.
        self._on_loop(self._session_closed, session)

    def _on_loop(self, action: Callable[..., None], *args: Any) -> None:
        try:
            self.loop.call_soon_threadsafe(action, *args)
        except RuntimeError:
            pass  # the loop is closed: the server has stopped and took the socket with it

    def _session_closed(self, session: Session) -> None:
        link = session.link
        if isinstance(link, WebSocketConnection) and link.loop is not self.loop:
            link._on_session_closed(session)  # a socket of another loop serves it now
        elif isinstance(link, WebSocketConnection) and link._active:
            link._flush()
            link._after_close()
        elif not isinstance(link, WebSocketConnection) or link._timer is None:
            self._forget()  # no page can come back for it

    def _after_close(self) -> None:
        """The session is over: give the page a moment to acknowledge its last commands, then
        hang up (the session lingers, resumable, for reconnect_timeout after that)."""
        assert self.session is not None
        if self.session.outbox.fully_acked:
            self._hang_up()
        else:
            self._set_timer(CLOSE_GRACE_SECONDS, self._hang_up)

    def _hang_up(self) -> None:
        if self._active:
            self._schedule(self.peer.close(1000, "session closed"))
            self.on_close()

    # ---- outgoing ---------------------------------------------------------------------------

    def _flush(self) -> None:
        queued, self._flush_queued = self._flush_queued, None
        if isinstance(queued, asyncio.Handle):
            queued.cancel()  # flushed before its turn came (or in it: then a no-op)
        if self._ack_timer is not None:
            self._ack_timer.cancel()  # the acknowledgement leaves now, with the commands
            self._ack_timer = None
        session = self.session
        if not self._active or session is None:
            return
        outbox = session.outbox
        # Never more than a send window on the wire: the socket's own buffer has no bound.
        room = outbox.acked + outbox.window - self._sent_seq
        commands = outbox.after(self._sent_seq, room)
        event_ack = session.events_received
        for batch in frame_batches(commands):
            self._schedule(self.peer.send_text(encode_frame(batch, event_ack)))
        if not commands and event_ack > self._sent_event_ack:
            self._schedule(self.peer.send_text(encode_frame([], event_ack)))
        self._sent_event_ack = event_ack
        if commands:
            self._sent_seq = commands[-1].seq

    def _schedule(self, result: Any) -> None:
        run_soon(result, self.loop)

    # ---- incoming ---------------------------------------------------------------------------

    def on_message(self, message: Any) -> None:
        """A frame from the client; anything malformed is logged and dropped."""
        session = self.session
        if session is None or not self._active:
            return
        try:
            applied = session.receive(self.transport.endpoint.decode_frame(message))
        except ProtocolError as exc:
            logger.warning("session %s: dropped client frame: %s", session.short_id, exc)
            return
        if applied and not is_binary_frame(message) and session.outbox.last_seq <= self._sent_seq:
            # Events, and nothing to send yet: the app's answer will most likely carry the
            # acknowledgement. Bytes (upload chunks) are acknowledged at once: the page's
            # upload window waits for it.
            if self._ack_timer is None and self._flush_queued is None:
                self._ack_timer = self.loop.call_later(EVENT_ACK_DELAY_SECONDS, self._flush)
        else:
            # Acknowledge its events, and send what the acknowledgement made room for.
            self._flush()
        if session.closed and session.outbox.fully_acked:
            self._cancel_timer()
            self._hang_up()

    def on_close(self) -> None:
        """The socket closed (by the browser, the network or us)."""
        was_active, self._active = self._active, False
        session = self.session
        if session is None or not was_active or session.link is not self:
            return
        self._cancel_timer()
        timeout = self.transport.endpoint.options.reconnect_timeout
        if session.closed and session.outbox.fully_acked:
            self._forget()
        elif timeout > 0:
            self._set_timer(timeout, self._give_up)
        else:
            session.close()
            self._forget()

    def _give_up(self) -> None:
        """No reconnect within reconnect_timeout."""
        session = self.session
        if session is not None and session.link is self:
            logger.info("session %s: no reconnect within reconnect_timeout", session.short_id)
            session.close()
            self._forget()

    def _forget(self) -> None:
        if self.session is not None:
            self.transport.endpoint.registry.discard(self.session.id)

    def _set_timer(self, delay: float, action: Callable[[], None]) -> None:
        self._cancel_timer()
        self._timer = self.loop.call_later(delay, action)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


def run_soon(result: Any, loop: asyncio.AbstractEventLoop) -> None:
    """Run what a peer function returned, when it is awaitable, as a task on ``loop`` (the
    socket's); a failure is logged. Call on ``loop``."""
    if inspect.isawaitable(result):
        task = asyncio.ensure_future(result, loop=loop)
        if task.done():  # a write that went out at once (Tornado's): no callback to queue
            _log_send_failure(task)
        else:
            task.add_done_callback(_log_send_failure)


def _log_send_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.debug("websocket send failed: %s", task.exception())
