"""HTTP polling transport: sessions driven by plain requests, for WSGI backends.

A backend passes every request of its endpoint to :meth:`HttpTransport.handle` and writes back
the :class:`~webio_core.server.request.Response`. Session creation, polling, event delivery,
acknowledgements, expiry and cleanup live here, once for all HTTP backends.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Optional

from ..protocol import MAX_COMMANDS_PER_FRAME, PROTOCOL_VERSION, ProtocolError, encode_commands
from ..session.base import Session
from .app import UnknownApp, WebIOApp
from .origin import is_same_origin
from .request import Request, Response, text_response

logger = logging.getLogger("webio_core.server.http")

SESSION_HEADER = "webio-session-id"
#: Set on a reply that could not hold every waiting command: the client polls again at once.
MORE_HEADER = "webio-more"
NEW_SESSION = "new"
DEFAULT_EXPIRE_SECONDS = 600.0
DEFAULT_CLEANUP_INTERVAL = 300.0
#: How long an event request waits for the app's first reply, so that the answer to a click
#: arrives with the click's response instead of on the next poll.
REPLY_WAIT_SECONDS = 0.5
#: After the first reply, how long to wait for the rest of the same burst of commands.
REPLY_SETTLE_SECONDS = 0.02


class _HttpSession:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.last_seen = time.monotonic()
        self.changed = threading.Condition()
        #: The highest ``ack`` received so far. A poll and a POST of the same page overlap, so a
        #: request may carry an older ack than one already applied.
        self.acked = 0

    def highest_ack(self, ack: int) -> int:
        with self.changed:
            self.acked = max(self.acked, ack)
            return self.acked

    def notify(self) -> None:
        with self.changed:
            self.changed.notify_all()

    def wait_for_reply(self, after_seq: int) -> None:
        deadline = time.monotonic() + REPLY_WAIT_SECONDS
        with self.changed:
            self.changed.wait_for(
                lambda: self.session.outbox.last_seq > after_seq or self.session.closed,
                timeout=max(0.0, deadline - time.monotonic()),
            )
        time.sleep(REPLY_SETTLE_SECONDS)


class HttpTransport:
    """The HTTP side of one :class:`WebIOApp`."""

    def __init__(self, app: WebIOApp) -> None:
        self.app = app
        options = app.options
        self.expire_seconds = options.session_expire_seconds or DEFAULT_EXPIRE_SECONDS
        self.cleanup_interval = options.session_cleanup_interval or DEFAULT_CLEANUP_INTERVAL
        self._sessions: dict[str, _HttpSession] = {}
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._cleanup_thread: Optional[threading.Thread] = None
        app.on_shutdown(self.stop)

    def handle(self, request: Request) -> Response:
        session_id = request.header(SESSION_HEADER)
        if request.method == "OPTIONS":
            return self._preflight(request)
        if not session_id:
            if request.method == "GET":
                return self.app.handle_get(request)
            return text_response(400, f"Session requests need a {SESSION_HEADER} header.")
        if not self.app.origin_allowed(request):
            return text_response(403, "Cross-origin requests are not allowed.")
        response = self._session_request(request, session_id)
        response.headers.update(self._cors_headers(request))
        return response

    def _preflight(self, request: Request) -> Response:
        if not self.app.origin_allowed(request):
            return text_response(403, "Cross-origin requests are not allowed.")
        headers = {
            "Access-Control-Allow-Methods": "GET, POST",
            "Access-Control-Allow-Headers": f"{SESSION_HEADER}, content-type",
            "Access-Control-Max-Age": "600",
            **self._cors_headers(request),
        }
        return Response(204, b"", headers=headers)

    @staticmethod
    def _cors_headers(request: Request) -> dict[str, str]:
        # Only reached for origins the policy allowed; same-origin requests need no headers.
        if not request.origin or is_same_origin(request.origin, request.host):
            return {}
        return {
            "Access-Control-Allow-Origin": request.origin,
            "Access-Control-Expose-Headers": f"{SESSION_HEADER}, {MORE_HEADER}",
            "Vary": "Origin",
        }

    def _session_request(self, request: Request, session_id: str) -> Response:
        body = request.read_body(self.app.options.max_payload_bytes)
        if body is None:
            return text_response(413, "The request is larger than max_payload_size.")
        request.body = body
        if request.method not in ("GET", "POST"):
            return text_response(405, "Use GET to poll and POST to send events.")
        if session_id == NEW_SESSION:
            return self._new_session(request)
        with self._lock:
            entry = self._sessions.get(session_id)
        if entry is None:
            return text_response(410, "This session has expired. Reload the page.")
        entry.last_seen = time.monotonic()
        if request.method == "POST":
            return self._events(entry, request)
        return self._poll(entry, request)

    def _new_session(self, request: Request) -> Response:
        if request.method != "GET":
            return text_response(400, "Start a session with a GET request.")
        try:
            session = self.app.create_session(request)
        except UnknownApp:
            return text_response(404, "No such application.")
        entry = _HttpSession(session)
        session.set_output_listener(entry.notify)
        with self._lock:
            self._sessions[session.id] = entry
        self._start_cleanup()
        session.send(
            "session",
            {"protocol": PROTOCOL_VERSION, "session_id": session.id, "reconnect_timeout": 0},
        )
        session.start()
        return self._reply(entry, 0)

    def _poll(self, entry: _HttpSession, request: Request) -> Response:
        ack_text = request.query.get("ack", "0")
        if not ack_text.isdigit():
            return text_response(400, "ack must be a non-negative integer.")
        ack = int(ack_text)
        try:
            entry.session.outbox.acknowledge(ack)
        except ProtocolError as exc:
            logger.warning("session %s: bad poll: %s", entry.session.short_id, exc)
            return text_response(400, str(exc))
        return self._reply(entry, ack)

    def _events(self, entry: _HttpSession, request: Request) -> Response:
        session = entry.session
        before = session.outbox.last_seq
        try:
            frame = self.app.decode_frame(request.body)
            accepted = session.receive(frame)
        except ProtocolError as exc:
            logger.warning("session %s: dropped client frame: %s", session.short_id, exc)
            return text_response(400, f"Malformed frame: {exc}")
        if accepted and not session.closed:
            entry.wait_for_reply(before)
        return self._reply(entry, frame.ack)

    def _reply(self, entry: _HttpSession, ack: int) -> Response:
        session = entry.session
        # Commands up to an ack received earlier are gone, rightly: the page has them.
        ack = entry.highest_ack(ack)
        if not session.outbox.can_replay_after(ack):
            logger.warning("session %s: commands after %d are gone; closing", session.short_id, ack)
            session.close()
            self._forget(session.id)
            return text_response(410, "This session lost track of the page. Reload the page.")
        commands = session.outbox.after(ack, MAX_COMMANDS_PER_FRAME)
        headers = {SESSION_HEADER: session.id, "Cache-Control": "no-store"}
        last_seq = session.outbox.last_seq
        if commands:
            session.outbox.delivered(commands[-1].seq)
            if commands[-1].seq < last_seq:
                headers[MORE_HEADER] = "1"
        if session.closed and (not commands or commands[-1].seq == last_seq):
            # Everything the closed session had to say is in this answer: forget it.
            self._forget(session.id)
        return Response(200, encode_commands(commands), "application/json", headers)

    def _forget(self, session_id: str) -> None:
        with self._lock:
            self._sessions.pop(session_id, None)

    # ---- expiry -----------------------------------------------------------------------------

    def _start_cleanup(self) -> None:
        with self._lock:
            if self._cleanup_thread is not None or self._stopped.is_set():
                return
            self._cleanup_thread = threading.Thread(
                target=self._cleanup_loop, name="webio-http-cleanup", daemon=True
            )
            self._cleanup_thread.start()

    def _cleanup_loop(self) -> None:
        while not self._stopped.wait(self.cleanup_interval):
            self.remove_expired()

    def remove_expired(self) -> None:
        """Close the sessions that sent no request for ``session_expire_seconds``."""
        deadline = time.monotonic() - self.expire_seconds
        with self._lock:
            expired = [e for e in self._sessions.values() if e.last_seen < deadline]
        for entry in expired:
            logger.info("session %s expired", entry.session.short_id)
            entry.session.close()
            self._forget(entry.session.id)

    def stop(self) -> None:
        """Server shutdown: stop the cleanup thread and close every session."""
        self._stopped.set()
        thread = self._cleanup_thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)
        with self._lock:
            entries = list(self._sessions.values())
            self._sessions.clear()
        for entry in entries:
            entry.session.close()
