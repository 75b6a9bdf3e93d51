"""Who listens to which topic: the subscriptions of one server's sessions (the public side is
:mod:`.broadcast`).

A subscription is a callback of its session that the page cannot call: registered with the
session like a button's ``onclick``, it runs where the session runs callbacks (the callback
thread of a thread-based session, the loop of a coroutine-based one), keeps a finished app's
page open while it lasts, and ends with the session.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import TYPE_CHECKING, Any, Callable

from ..protocol import ProtocolError
from .coroutinebased import CoroutineSession
from .tasks import StaleEvent

if TYPE_CHECKING:
    from .base import Session

logger = logging.getLogger("webio_core.session")

#: Where a session keeps its subscriptions, in ``session.internal``, from its first one (a
#: session that never subscribes holds nothing for them).
SUBSCRIPTIONS = __name__


class Subscription:
    """A session's subscription to a topic, as :func:`~webio_core.session.subscribe` returns
    it. :meth:`unsubscribe` ends it, from any thread; the end of the session ends it too."""

    __slots__ = ("_callback_id", "_topics", "session", "topic")

    def __init__(self, session: Session, topic: str, callback_id: str, topics: Topics) -> None:
        self.session = session
        self.topic = topic
        self._callback_id = callback_id
        self._topics = topics

    def start(self) -> None:
        """Hear the topic from now on, until :meth:`unsubscribe` or the end of the session."""
        self._topics.add(self)
        created: set[Subscription] = set()
        subscriptions = self.session.internal.setdefault(SUBSCRIPTIONS, created)
        if subscriptions is created:
            self.session.add_close_listener(_end_subscriptions)
        subscriptions.add(self)
        if self.session.closed:  # it closed meanwhile: its close listeners may have run
            self.unsubscribe()

    @property
    def active(self) -> bool:
        """Whether messages still reach the callback."""
        return not self.session.closed and self._topics.holds(self)

    def unsubscribe(self) -> None:
        """No message reaches the callback after this (one already handed over may still run).
        A finished app's page closes once nothing can call back into it any more, as after
        its last button's callback is gone. Calling it again does nothing."""
        subscriptions = self.session.internal.get(SUBSCRIPTIONS)
        if subscriptions is not None:
            subscriptions.discard(self)
        if self._topics.remove(self):
            self.session.unregister_callback(self._callback_id)

    def deliver(self, data: str) -> None:
        """Run the callback in its session's context with the message of JSON text ``data``."""
        session = self.session
        if session.closed:
            return
        try:
            entry = session.callbacks.get(self._callback_id)
        except StaleEvent:
            return  # unsubscribed meanwhile
        if not isinstance(session, CoroutineSession):
            session.run_callback(entry, (data,))
            return
        # Always in a turn of the loop of its own: the broadcast may come from a callback of
        # this very session, running in the context the callback would enter again.
        try:
            session.loop.call_soon_threadsafe(session.run_callback, entry, (data,))
        except RuntimeError:
            pass  # the loop has closed, and its sessions with it

    def __repr__(self) -> str:
        state = "active" if self.active else "ended"
        return f"<Subscription {self.topic!r} of session {self.session.short_id} ({state})>"


def _end_subscriptions(session: Session) -> None:
    for subscription in list(session.internal.get(SUBSCRIPTIONS, ())):
        subscription.unsubscribe()


class JsonReceiver:
    """The registered callback of a subscription: decodes the message in the session's own
    thread or loop (each session gets its own copy) and calls the app's callback with it."""

    __slots__ = ("callback",)

    def __init__(self, callback: Callable[[Any], Any]) -> None:
        self.callback = callback

    def __call__(self, data: str) -> Any:
        return self.callback(json.loads(data))


def refuse_client_events(data: Any) -> tuple[Any, ...]:
    """The decoder of a subscription's callback: the page must not fake a broadcast."""
    raise ProtocolError("a subscription takes no events from the page")


class Topics:
    """The subscriptions of one registry's sessions, by topic, in the order they were made.
    Thread-safe.

    A registry that spans processes overrides :meth:`first_subscribed` and
    :meth:`last_unsubscribed` to hear a topic from its broker while this process has
    subscribers to it.
    """

    def __init__(self) -> None:
        self._subscribers: dict[str, dict[Subscription, None]] = {}
        self._lock = threading.Lock()

    def add(self, subscription: Subscription) -> None:
        topic = subscription.topic
        with self._lock:
            subscribers = self._subscribers.setdefault(topic, {})
            first = not subscribers
            subscribers[subscription] = None
        if first:
            try:
                self.first_subscribed(topic)
            except BaseException:
                self.remove(subscription)
                raise

    def remove(self, subscription: Subscription) -> bool:
        """Forget ``subscription``; False if it was not here (any more)."""
        topic = subscription.topic
        with self._lock:
            subscribers = self._subscribers.get(topic)
            if subscribers is None or subscription not in subscribers:
                return False
            del subscribers[subscription]
            emptied = not subscribers
            if emptied:
                del self._subscribers[topic]
        if emptied:
            self.last_unsubscribed(topic)
        return True

    def holds(self, subscription: Subscription) -> bool:
        with self._lock:
            return subscription in self._subscribers.get(subscription.topic, ())

    def subscribed(self, topic: str) -> bool:
        """Whether a session here subscribes to ``topic``."""
        with self._lock:
            return topic in self._subscribers

    def deliver(self, topic: str, data: str) -> int:
        """Hand the message (JSON text) to every subscriber of ``topic`` here; returns how many."""
        with self._lock:
            subscribers = list(self._subscribers.get(topic, ()))
        for subscription in subscribers:
            try:
                subscription.deliver(data)
            except Exception:  # e.g. the loop of a coroutine session has stopped
                logger.exception("a broadcast on %r could not reach %r", topic, subscription)
        return len(subscribers)

    def first_subscribed(self, topic: str) -> None:
        """A session here subscribed to ``topic``, which none here did before. May raise: the
        subscription fails."""

    def last_unsubscribed(self, topic: str) -> None:
        """The last subscription to ``topic`` here ended (from any thread; must not block)."""
