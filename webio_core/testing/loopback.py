"""An in-process server for testing what apps do, without sockets or a web framework.

``loopback(app)`` gives an :class:`~webio_core.server.Endpoint` whose pages connect straight to
their sessions: commands go from the outbox to the page model as JSON, events come back as JSON
through the same frame validation as on a real server. The API's semantics (what ``put_*`` and
``input`` send and return) do not depend on the backend, so they are tested here, once per
session kind; what a backend adds (its transport) is tested by the conformance suite.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Optional, Union

from ..protocol import ProtocolError, encode_frame
from ..protocol.constants import DEFAULT_APP, QUERY_APP
from ..server import Applications, Backend, Endpoint, Request, UnknownApp
from ..session.base import Session
from .channels import Channel

if TYPE_CHECKING:
    from .client import WebIOClient

logger = logging.getLogger("webio_core.testing.loopback")

#: A page connected in-process behaves as a WebSocket page that does not reconnect.
LOOPBACK_BACKEND = Backend(
    name="loopback",
    transport="websocket",
    server_factory="webio_core.testing.loopback:no_server",
    api_module="webio_core.testing.loopback",
)
LOOPBACK_URL = "loopback://webio/"


def no_server(*args: Any) -> Any:
    raise TypeError("the loopback backend serves no network; use webio_core.testing.loopback()")


class _Link:
    """Delivers a session's commands to its test page as they are sent, in order."""

    def __init__(self, session: Session, client: WebIOClient) -> None:
        self.session = session
        self.client = client
        self._lock = threading.RLock()
        self._sent_seq = 0
        self._sent_event_ack = 0

    def wake(self) -> None:
        """Deliver what the page has not got: new commands, and the acknowledgement of events.

        Delivery happens under the lock, so frames arrive in order; the lock is reentrant
        because the page may acknowledge (and so wake this link) while it receives."""
        with self._lock:
            commands = self.session.outbox.after(self._sent_seq)
            event_ack = self.session.events_received
            if not commands and event_ack == self._sent_event_ack:
                return
            if commands:
                self._sent_seq = commands[-1].seq
            self._sent_event_ack = event_ack
            self.client._receive(json.loads(encode_frame(commands, event_ack)))

    def replaced(self) -> None:
        """A loopback page never reconnects."""

    def waiting(self) -> None:
        """Nothing waits here: every command was delivered as it was sent."""


class LoopbackChannel(Channel):
    """The page side of an in-process connection to ``endpoint``."""

    def __init__(self, client: WebIOClient, endpoint: Endpoint) -> None:
        super().__init__(client)
        self.endpoint = endpoint
        self.session: Optional[Session] = None

    def connect(self) -> None:
        request = Request.build(
            "GET",
            [(QUERY_APP, self.client.app)],
            [
                ("host", "loopback"),
                ("origin", self.client.origin),
                ("user-agent", "loopback"),
                *self.client.headers.items(),
            ],
            remote_ip="127.0.0.1",
        )
        try:
            session = self.endpoint.create_session(request)
        except UnknownApp:
            raise LookupError(f"no app {self.client.app!r} on this loopback server") from None
        self.session = session
        session.add_close_listener(lambda s: self.endpoint.registry.discard(s.id))
        self.link = _Link(session, self.client)
        self.endpoint.start_session(session, self.link, reconnect_timeout=0)

    def send(self, frame: Union[str, bytes]) -> None:
        assert self.session is not None, "connect() first"
        try:
            self.session.receive(self.endpoint.decode_frame(frame))
        except ProtocolError as exc:
            logger.warning("dropped client frame: %s", exc)
            return
        self.link.wake()  # acknowledge the events

    def close(self) -> None:
        if self.session is not None:
            self.session.close()


class LoopbackServer:
    """Apps served in-process; ``client()`` opens a page."""

    def __init__(self, applications: Applications, **options: Any) -> None:
        self.url = LOOPBACK_URL
        self.transport = LOOPBACK_BACKEND.transport
        self.endpoint = Endpoint.for_route(applications, LOOPBACK_BACKEND, **options)

    @property
    def sessions(self) -> list[Session]:
        """The open sessions."""
        return self.endpoint.sessions

    def client(self, app: str = DEFAULT_APP, **kwargs: Any) -> WebIOClient:
        """A new page of app ``app`` connected in-process to this server's endpoint (use it in a
        ``with`` block, or call ``connect()``); ``kwargs`` go to :class:`WebIOClient`."""
        from .client import WebIOClient

        return WebIOClient(
            self.url,
            app=app,
            transport=self.transport,
            channel=lambda client: LoopbackChannel(client, self.endpoint),
            **kwargs,
        )


@contextmanager
def loopback(applications: Applications, **options: Any) -> Iterator[LoopbackServer]:
    """Serve ``applications`` in-process for the duration of the block; sessions still open at
    the end are closed."""
    server = LoopbackServer(applications, **options)
    try:
        yield server
    finally:
        server.endpoint.shutdown()
