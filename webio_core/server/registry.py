"""Where an endpoint keeps its sessions, by id.

Transports look sessions up here and nowhere else, so a registry that keeps them elsewhere (in
another process, behind a broker) replaces :class:`LocalSessions` without touching them. A
session stays registered after it closed until its transport has delivered its last commands.
"""

from __future__ import annotations

import threading
from typing import Optional, Protocol

from ..session.base import Session


class SessionRegistry(Protocol):
    """The sessions of one endpoint."""

    def add(self, session: Session) -> None:
        """Register a new session (before it starts)."""

    def get(self, session_id: str) -> Optional[Session]:
        """The session called ``session_id``, or None."""

    def discard(self, session_id: str) -> None:
        """Forget a session (no error when it is not there)."""

    def all(self) -> list[Session]:
        """Every registered session, open or closed."""


class LocalSessions:
    """The sessions of this process, in a dict. Thread-safe."""

    def __init__(self) -> None:
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def add(self, session: Session) -> None:
        with self._lock:
            self._sessions[session.id] = session

    def get(self, session_id: str) -> Optional[Session]:
        with self._lock:
            return self._sessions.get(session_id)

    def discard(self, session_id: str) -> None:
        with self._lock:
            self._sessions.pop(session_id, None)

    def all(self) -> list[Session]:
        with self._lock:
            return list(self._sessions.values())
