"""How a session meets the rest of the server: the transport that carries its commands, and
whoever watches sessions come and go."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .base import Session


class SessionObserver(Protocol):
    """Lifecycle notifications; the endpoint forwards them to the plugin hooks."""

    def session_created(self, session: Session) -> None: ...
    def session_closed(self, session: Session) -> None: ...
    def task_error(self, session: Session, error: BaseException) -> None: ...


class Link(Protocol):
    """The transport side of a session: whatever currently carries its commands to the page."""

    def wake(self) -> None:
        """New commands wait in the outbox. Called from any thread, once per command."""

    def replaced(self) -> None:
        """Another link took the session over (e.g. the page reconnected on a new socket)."""

    def waiting(self) -> None:
        """The app now waits for the page (a form, a reply): what it queued is all there is to
        send for now. Called by coroutine sessions on their loop."""
