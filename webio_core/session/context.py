"""Which session is current: a context variable, so that each thread and each asyncio task
sees its own session and nothing is global."""

from __future__ import annotations

import contextvars
from typing import TYPE_CHECKING, Optional

from .errors import SessionClosedException, SessionNotFoundException

if TYPE_CHECKING:
    from .base import Session

_current_session: contextvars.ContextVar[Optional[Session]] = contextvars.ContextVar(
    "webio_core_session", default=None
)


def bind_session(session: Session) -> None:
    """Make ``session`` current in this thread, or in the asyncio task created from this context."""
    _current_session.set(session)


def bound_session() -> Optional[Session]:
    """The session this thread or task runs for, open or closed; None outside any (no script
    mode is started)."""
    return _current_session.get()


def get_current_session() -> Session:
    """The session of the running app; raise if there is none or if it has closed.

    Outside any session, in a process that has created no server, this starts script mode
    (see ``webio_core.session.script``) and returns the script's session.
    """
    session: Optional[Session] = _current_session.get()
    if session is None:
        from .script import script_session

        session = script_session()
    if session is None:
        raise SessionNotFoundException(
            "No webio_core session in this context. Call this function from an app started with "
            "start_server(), from one of its callbacks, or from a thread passed to "
            "register_thread()."
        )
    if session.closed:
        raise SessionClosedException("the session of this app has been closed")
    return session
