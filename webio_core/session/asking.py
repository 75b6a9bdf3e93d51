"""How a session asks its page something (a client task: a form, a pin read, a script's
result) and waits for the answer, whatever runs the app; each execution model's ``run_task``
strings these steps together in its own way of waiting."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from ..protocol import ClientEvent, ProtocolError
from .activity import Waiting
from .tasks import ClientTask

if TYPE_CHECKING:
    from .base import Session

logger = logging.getLogger("webio_core.session")


def waiting_for(session: Session, task: ClientTask) -> Waiting:
    """The context of a wait for ``task``: not busy while the user is asked."""
    return session.activity.waiting_for_client(by_user=task.waits_for_user)


def open_task(session: Session, task: ClientTask) -> tuple[str, Any]:
    """Give ``task`` an id and an inbox for its events, then send it; the id and the inbox."""
    task_id = session.new_id("t")
    inbox = session._new_inbox()
    session.pending.open(task_id, inbox)
    if task.waits_for_user:
        # The wait has begun: the page hears the state it leaves the app in (not busy, unless
        # a callback runs) before the question, not after it at the transport's next read.
        session.outbox.number_states()
    try:
        task.open(session, task_id)
    except BaseException:
        close_task(session, task, task_id)
        raise
    return task_id, inbox


def close_task(session: Session, task: ClientTask, task_id: str) -> None:
    """Route no more events to ``task`` and let it release what it holds."""
    session.pending.close(task_id)
    try:
        task.close(session)
    except Exception:
        logger.exception("session %s: closing task %s failed", session.short_id, task_id)


def apply_event(
    session: Session, task: ClientTask, task_id: str, event: ClientEvent, waiting: Waiting
) -> tuple[bool, Any]:
    """Hand ``event`` to ``task``. The event counts as taken up at once if the wait goes
    on, else when ``waiting`` ends (the app runs on from there)."""
    waiting.last_event = event.seq
    try:
        done, result = task.handle(session, task_id, event)
    except ProtocolError as exc:
        logger.warning("session %s: dropped event of %s: %s", session.short_id, task_id, exc)
        done, result = False, None
    if not done:
        session.activity.taken(event.seq)
    return done, result
