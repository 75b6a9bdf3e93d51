"""Where an endpoint keeps its sessions, by id, and how it reaches those other processes own.

Transports look sessions up here and nowhere else. A session lives in the process that runs its
app; with several processes behind a load balancer, a request or socket for a session may land
on another one. A registry that spans processes (a scale-out plugin, through the
``webio_session_registry`` hook) then carries that request or socket to the owner, where the
owner's own transport answers it: every guarantee of the transports (acknowledgements, replay,
back-pressure) stays in one place. :class:`LocalSessions` knows no other process.
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING, Any, Optional, Protocol, Union

from ..session.base import Session
from ..session.topics import Topics

if TYPE_CHECKING:
    from .http import HttpTransport
    from .request import Request, Response
    from .ws import WebSocketPeer, WebSocketTransport

    Transport = Union[HttpTransport, WebSocketTransport]


class Connection(Protocol):
    """What a backend feeds an open socket's messages and its close to."""

    def on_message(self, message: Any) -> None:
        """Handle one message the socket received: text, or bytes for a binary frame."""

    def on_close(self) -> None:
        """The socket closed, from either side; no message follows."""


class SessionRegistry(Protocol):
    """The sessions of one endpoint."""

    #: The broadcast subscriptions of this process's sessions (see webio_core.session.subscribe).
    topics: Topics

    def add(self, session: Session) -> None:
        """Register a new session (before it starts, and before its id reaches the client)."""

    def get(self, session_id: str) -> Optional[Session]:
        """The session called ``session_id`` when this process runs it, else None."""

    def discard(self, session_id: str) -> None:
        """Forget a session (no error when it is not there)."""

    def all(self) -> list[Session]:
        """Every session of this process, open or closed."""

    def serve(self, transport: Transport) -> None:
        """``transport`` answers, here, what other processes carry to the sessions of this one."""

    def close(self) -> None:
        """The endpoint stopped, its sessions are closed: let go of what connects the processes."""

    def broadcast(self, topic: str, data: str, message_id: str) -> None:
        """Hand ``data`` (a message as JSON text) to the subscribers of ``topic`` in every
        process this registry reaches, this one included; a process that gets the same
        ``message_id`` twice (through two servers) delivers it once."""

    def forward(self, session_id: str, request: Request) -> Optional[Response]:
        """An HTTP request for a session another process owns, answered by that process's
        transport; None when no process has a session of that id."""

    def relay(
        self, session_id: str, ack: str, peer: WebSocketPeer, loop: asyncio.AbstractEventLoop
    ) -> Optional[Connection]:
        """A socket reconnecting (``ack`` as the page sent it) to a session another process may
        own: the connection that carries its frames there and the owner's back to ``peer`` (on
        ``loop``), which the relay closes as "session not found" when no process owns it.
        None: sessions live in this process only."""


class LocalSessions:
    """The sessions of this process, in a dict. Thread-safe."""

    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        self.topics = Topics()

    def add(self, session: Session) -> None:
        """Keep ``session`` under its id."""
        with self._lock:
            self._sessions[session.id] = session

    def get(self, session_id: str) -> Optional[Session]:
        """The session called ``session_id``, or None when this process has none of that id."""
        with self._lock:
            return self._sessions.get(session_id)

    def discard(self, session_id: str) -> None:
        """Forget the session called ``session_id``, if it is here."""
        with self._lock:
            self._sessions.pop(session_id, None)

    def all(self) -> list[Session]:
        """A snapshot of every session kept here, open or closed."""
        with self._lock:
            return list(self._sessions.values())

    def serve(self, transport: Transport) -> None:
        """No other process sends anything here."""

    def close(self) -> None:
        """Nothing to let go of."""

    def broadcast(self, topic: str, data: str, message_id: str) -> None:
        """Only this process's sessions hear it, from this registry."""
        self.topics.deliver(topic, data)

    def forward(self, session_id: str, request: Request) -> Optional[Response]:
        """Always None: with one process, a session that is not here exists nowhere."""
        return None

    def relay(
        self, session_id: str, ack: str, peer: WebSocketPeer, loop: asyncio.AbstractEventLoop
    ) -> Optional[Connection]:
        """Always None: a socket for a session that is not here has nowhere to go."""
        return None
