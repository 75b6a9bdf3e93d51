"""How a session takes a client frame: the acknowledgement first, then each new event once,
in the order of its seq."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ..protocol import ClientEvent, ClientFrame, ProtocolError
from ..protocol.events import EVENTS
from .tasks import StaleEvent

if TYPE_CHECKING:
    from .base import Session

logger = logging.getLogger("webio_core.session")


def receive_frame(session: Session, frame: ClientFrame) -> int:
    """:meth:`Session.receive`: apply ``frame`` to ``session``; the number of events applied."""
    session.outbox.acknowledge(frame.ack)
    applied = 0
    with session._receiving:  # a retried request may overlap the original one
        for event in frame.events:
            if event.seq <= session.events_received:
                continue
            if event.seq != session.events_received + 1:
                logger.warning(
                    "session %s: dropped event %d, expected %d",
                    session.short_id,
                    event.seq,
                    session.events_received + 1,
                )
                continue
            session.events_received = event.seq
            applied += _apply_event(session, event)
    if frame.close:
        session.close()
    return applied


def _apply_event(session: Session, event: ClientEvent) -> int:
    """Route ``event``; its task or callback marks it taken up, a dropped one is taken here."""
    try:
        getattr(session, session._ROUTES[EVENTS[event.event].target])(event)
        return 1
    except StaleEvent as exc:
        # Normal in a race: e.g. a field's blur arriving after its form was submitted.
        logger.info("session %s: dropped event: %s", session.short_id, exc)
    except ProtocolError as exc:
        logger.warning("session %s: dropped event: %s", session.short_id, exc)
    session.activity.taken(event.seq)
    return 0
