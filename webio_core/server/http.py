"""HTTP polling transport: sessions driven by plain requests, for WSGI-style backends.

A backend passes every request of its endpoint to :meth:`HttpTransport.handle` and writes back
the :class:`~webio_core.server.request.Response`. Session creation, polling, event delivery,
acknowledgements, expiry and cleanup live here, once for all HTTP backends.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any, Callable, Optional, TypeVar

from ..protocol import MAX_COMMANDS_PER_FRAME, ProtocolError, encode_frame, frame_batches
from ..protocol.constants import (
    MORE_HEADER,
    MORE_VALUE,
    NEW_SESSION,
    QUERY_ACK,
    SESSION_HEADER,
    STATUS_SESSION_GONE,
)
from ..protocol.frames import parse_count
from ..session.base import Session
from .endpoint import Endpoint, UnknownApp
from .origin import is_same_origin
from .request import Request, Response, text_response

logger = logging.getLogger("webio_core.server.http")

T = TypeVar("T")

DEFAULT_EXPIRE_SECONDS = 600.0
DEFAULT_CLEANUP_INTERVAL = 300.0
#: How long an event request waits at most for the app to react, so that the answer to a
#: click arrives with the click's response instead of on the next poll.
REPLY_WAIT_SECONDS = 0.5
#: An app still working once it has replied (a loop of outputs with sleeps between) gets this
#: much longer to finish the burst; an app that waits again is answered at once.
REPLY_SETTLE_SECONDS = 0.02


class HttpLink:
    """The HTTP side of one session: when the page was last heard from, and a condition that
    wakes a request waiting for the app's reply (on new commands and on the app's activity).

    The session wakes the link while holding its activity lock, so the condition is never held
    while asking the session anything: that order would deadlock the request and the app."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.last_seen = time.monotonic()
        self.changed = threading.Condition()
        self._wakes = 0
        session.activity.add_listener(self.wake)

    def wake(self) -> None:
        with self.changed:
            self._wakes += 1
            self.changed.notify_all()

    def replaced(self) -> None:
        """Nothing to hand over: every request finds its session through the registry."""

    def waiting(self) -> None:
        """Nothing to do: the activity's listener already woke the request waiting for it."""

    def wait_for_reply(self, after_seq: int, event_seq: int) -> None:
        """Return once the app has reacted to the events up to ``event_seq`` and waits again
        (or has ended); an app that keeps working is given until :data:`REPLY_SETTLE_SECONDS`
        after its first new command, and :data:`REPLY_WAIT_SECONDS` in all."""
        session = self.session
        deadline = time.monotonic() + REPLY_WAIT_SECONDS
        replied = False
        while True:
            with self.changed:
                wakes = self._wakes
            if session.closed or session.activity.settled(event_seq):
                return
            now = time.monotonic()
            if not replied and session.outbox.last_seq > after_seq:
                replied = True
                deadline = min(deadline, now + REPLY_SETTLE_SECONDS)
            if now >= deadline:
                return
            with self.changed:
                if self._wakes == wakes:  # else a change came while we looked: look again
                    self.changed.wait(deadline - now)


class HttpTransport:
    """The HTTP side of one :class:`Endpoint`."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        options = endpoint.options
        self.expire_seconds = options.session_expire_seconds or DEFAULT_EXPIRE_SECONDS
        self.cleanup_interval = options.session_cleanup_interval or DEFAULT_CLEANUP_INTERVAL
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._cleanup_thread: Optional[threading.Thread] = None
        endpoint.on_shutdown(self.stop)
        endpoint.registry.serve(self)

    def handle(self, request: Request) -> Response:
        """Answer one request: a page GET (no session header), a CORS preflight, or a poll or
        POST of events for the session the header names, which blocks for a while until the
        app has something to send. Backends on an asyncio loop call :meth:`handle_async`
        instead."""
        session_id = request.header(SESSION_HEADER)
        if request.method == "OPTIONS":
            return self._preflight(request)
        if not session_id:
            if request.method == "GET":
                return self.endpoint.handle_get(request)
            return text_response(400, f"Session requests need a {SESSION_HEADER} header.")
        if not self.endpoint.origin_allowed(request):
            return text_response(403, "Cross-origin requests are not allowed.")
        response = self._session_request(request, session_id)
        response.headers.update(self._cors_headers(request))
        return response

    async def handle_async(self, request: Request) -> Response:
        """:meth:`handle` for a backend on an asyncio loop: a request may wait for the app's
        reply, so it is answered in a thread of its own (see ``run_in_thread``)."""
        return await run_in_thread(self.handle, request)

    def _preflight(self, request: Request) -> Response:
        if not self.endpoint.origin_allowed(request):
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
        body = request.read_body(self.endpoint.options.max_payload_bytes)
        if body is None:
            return text_response(413, "The request is larger than max_payload_size.")
        request.body = body
        if request.method not in ("GET", "POST"):
            return text_response(405, "Use GET to poll and POST to send events.")
        if session_id == NEW_SESSION:
            return self._new_session(request)
        session = self.endpoint.session(session_id)
        if session is None:
            forwarded = self.endpoint.registry.forward(session_id, request)
            if forwarded is not None:  # another process owns the session and answered
                return forwarded
            return text_response(STATUS_SESSION_GONE, "This session has expired. Reload the page.")
        link = self._link(session)
        link.last_seen = time.monotonic()
        if request.method == "POST":
            return self._events(link, request)
        return self._poll(link, request)

    @staticmethod
    def _link(session: Session) -> HttpLink:
        link = session.link
        if not isinstance(link, HttpLink):
            # A session registered elsewhere (another process) gets its HTTP side here.
            link = HttpLink(session)
            session.attach(link)
        return link

    def _new_session(self, request: Request) -> Response:
        if request.method != "GET":
            return text_response(400, "Start a session with a GET request.")
        try:
            session = self.endpoint.create_session(request)
        except UnknownApp:
            return text_response(404, "No such application.")
        link = HttpLink(session)
        self._start_cleanup()
        # The page may keep trying for as long as this server keeps a session without requests.
        self.endpoint.start_session(session, link, reconnect_timeout=self.expire_seconds)
        # The first page comes whole, as an answer does: not what the app had made by the time
        # the request looked, with the rest a poll interval later.
        link.wait_for_reply(0, 0)
        return self._reply(link)

    def _poll(self, link: HttpLink, request: Request) -> Response:
        try:
            ack = parse_count(request.query.get(QUERY_ACK, "0"), QUERY_ACK)
            link.session.outbox.acknowledge(ack)
        except ProtocolError as exc:
            logger.warning("session %s: bad poll: %s", link.session.short_id, exc)
            return text_response(400, str(exc))
        return self._reply(link)

    def _events(self, link: HttpLink, request: Request) -> Response:
        session = link.session
        before = session.outbox.last_seq
        try:
            frame = self.endpoint.decode_frame(request.body)
            accepted = session.receive(frame)
        except ProtocolError as exc:
            logger.warning("session %s: dropped client frame: %s", session.short_id, exc)
            return text_response(400, f"Malformed frame: {exc}")
        if accepted and not session.closed:
            link.wait_for_reply(before, session.events_received)
        return self._reply(link)

    def _reply(self, link: HttpLink) -> Response:
        """The commands after the highest acknowledgement, and the events received so far.

        A poll and a POST of the same page overlap, so a request may carry an older ack than
        one already applied: the reply starts after the highest. Nothing unacknowledged was
        dropped, so a reply lost on its way is simply sent again to the next request.
        """
        session = link.session
        outbox = session.outbox
        waiting = outbox.after(outbox.acked, MAX_COMMANDS_PER_FRAME)
        commands = frame_batches(waiting)[0] if waiting else []
        headers = {SESSION_HEADER: session.id, "Cache-Control": "no-store"}
        if commands and commands[-1].seq < outbox.last_seq:
            headers[MORE_HEADER] = MORE_VALUE
        if session.closed and outbox.fully_acked:
            # The page has everything the closed session had to say: forget it.
            self.endpoint.registry.discard(session.id)
        frame = encode_frame(commands, session.events_received)
        return Response(200, frame, "application/json", headers)

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
        for session in self.endpoint.registry.all():
            link = session.link
            if isinstance(link, HttpLink) and link.last_seen < deadline:
                logger.info("session %s expired", session.short_id)
                session.close()
                self.endpoint.registry.discard(session.id)

    def stop(self) -> None:
        """Server shutdown: stop the cleanup thread and close every session."""
        self._stopped.set()
        thread = self._cleanup_thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)
        for session in self.endpoint.registry.all():
            session.close()
            self.endpoint.registry.discard(session.id)


async def run_in_thread(function: Callable[..., T], *args: Any) -> T:
    """Await ``function(*args)`` run in a new daemon thread. Not in an executor: executors
    refuse work once the interpreter is exiting, and script mode's page still polls for the
    end of its session then (from an ``atexit`` handler); nor does a call wait for a worker."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: Any, error: Optional[BaseException]) -> None:
        if future.done():
            return  # the awaiting request was cancelled (its client went away)
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def run() -> None:
        try:
            outcome: tuple[Any, Optional[BaseException]] = (function(*args), None)
        except BaseException as error:  # handed to the awaiting coroutine
            outcome = (None, error)
        try:
            loop.call_soon_threadsafe(settle, *outcome)
        except RuntimeError:
            pass  # the loop has closed: no one is waiting any more

    threading.Thread(target=run, name="webio-http-request", daemon=True).start()
    return await future
