"""Messages for every session that asked for them, in every process: a chat room, a live feed.

    def chat():
        name = input("Your name")
        subscribe("chat", lambda message: put_text(message))
        broadcast("chat", f"{name} joined")
        defer_call(lambda: broadcast("chat", f"{name} left"))
        while True:
            broadcast("chat", f"{name}: {input('Say something')}")

A session subscribes to a topic with a callback; :func:`broadcast` sends a message on a topic
to all its subscribers, the sender's own session included when it subscribed (so each page
shows its own messages where the others see them). Each callback runs in its subscriber's
session, as a button's ``onclick`` does, so it can use ``put_*``, ``toast`` and the like:

* thread-based sessions run the messages one after another, in order, in the session's
  callback thread (the one that also runs ``serial_mode`` button callbacks);
* coroutine-based sessions run them on their loop, in order; an ``async def`` callback is
  started as a task of the session.

Messages travel as JSON: a subscriber gets its own copy, as ``json.loads`` gives it back
(tuples become lists, dictionary keys strings). Delivery is at most once and nothing is
stored: a session gets what is broadcast while it subscribes.

In one process, each sender's messages reach every subscriber in the order they were sent.
Across processes: with a shared registry (``registry_url``, see webio-redis) a message reaches
the subscribers of every process using the same broker, and every process, the sender's
included, gets it from the broker, so all subscribers see the messages of a topic in one order.
A process cut off from the broker misses what is broadcast meanwhile (the bus logs the loss).
"""

from __future__ import annotations

import inspect
import json
import logging
import secrets
import threading
import weakref
from typing import Any, Callable, Optional, Protocol

from .base import Session
from .context import bound_session, get_current_session
from .topics import JsonReceiver, Subscription, Topics, refuse_client_events

logger = logging.getLogger("webio_core.session")

#: The longest topic name, in characters.
MAX_TOPIC_LENGTH = 256
#: The largest message, in bytes of JSON text (the broker carries each one whole).
MAX_MESSAGE_BYTES = 1 << 20


class Broadcaster(Protocol):
    """Where the broadcasts of a server's sessions go: its session registry (see
    :class:`~webio_core.server.SessionRegistry`)."""

    #: The subscriptions of the sessions of this registry in this process.
    topics: Topics

    def get(self, session_id: str) -> Optional[Session]: ...

    def broadcast(self, topic: str, data: str, message_id: str) -> None: ...


class Unserved:
    """The broadcaster of sessions no server's registry holds (made by hand, in tests): the
    sessions of this process only."""

    def __init__(self) -> None:
        self.topics = Topics()

    def get(self, session_id: str) -> Optional[Session]:
        return None

    def broadcast(self, topic: str, data: str, message_id: str) -> None:
        self.topics.deliver(topic, data)


_UNSERVED = Unserved()
_broadcasters: weakref.WeakSet[Broadcaster] = weakref.WeakSet()
_broadcasters_lock = threading.Lock()


def add_broadcaster(broadcaster: Broadcaster) -> None:
    """A server of this process starts: broadcasts from outside any session go through it too."""
    with _broadcasters_lock:
        _broadcasters.add(broadcaster)


def remove_broadcaster(broadcaster: Broadcaster) -> None:
    with _broadcasters_lock:
        _broadcasters.discard(broadcaster)


def _all_broadcasters() -> list[Broadcaster]:
    with _broadcasters_lock:
        return [*_broadcasters, _UNSERVED]


def _broadcaster_of(session: Session) -> Optional[Broadcaster]:
    # By id, not identity: a registry may hand out proxies of its sessions.
    for broadcaster in _all_broadcasters():
        if broadcaster.get(session.id) is not None:
            return broadcaster
    return None


def subscribe(topic: str, callback: Callable[[Any], Any]) -> Subscription:
    """Call ``callback(message)`` in this session for each message broadcast on ``topic``
    from now on, until ``unsubscribe()`` of the returned :class:`Subscription` or the end of
    the session. Like a button's ``onclick``, a subscription keeps the page open after the app
    function has returned.

    With a shared registry, the first subscription of a process to a topic waits until the
    broker confirms it (a few milliseconds) and raises ``BusUnavailable`` if the broker cannot
    be reached.
    """
    _check_topic("subscribe", topic)
    if not callable(callback):
        raise TypeError(f"subscribe() needs a callback function, not {type(callback).__name__}")
    session = get_current_session()
    if inspect.iscoroutinefunction(callback) and not session.is_coroutine:
        raise TypeError(
            "subscribe(): an async def callback needs a coroutine-based session (an async def "
            "app); a thread-based session calls plain functions"
        )
    broadcaster = _broadcaster_of(session) or _UNSERVED
    callback_id = session.register_callback(
        JsonReceiver(callback), refuse_client_events, serial_mode=True
    )
    subscription = Subscription(session, topic, callback_id, broadcaster.topics)
    try:
        subscription.start()
    except BaseException:
        session.unregister_callback(callback_id)
        raise
    return subscription


def broadcast(topic: str, message: Any) -> None:
    """Send ``message`` to every session subscribed to ``topic``, in every process, this
    session included if it subscribed. Callable from a session, from a thread of the app's
    own (outside any session: then through every server of this process), or from a
    function deferred with ``defer_call``.

    ``message`` must be JSON-serialisable: None, bool, int, float (not NaN or infinity), str,
    and lists and dictionaries (with str keys) of those, at most ``MAX_MESSAGE_BYTES`` as JSON.
    It is sent without waiting for the subscribers: their callbacks may run before or after
    this returns.
    """
    _check_topic("broadcast", topic)
    data = _json_text(topic, message)
    session = bound_session()
    broadcaster = None if session is None else _broadcaster_of(session)
    # The same id for each server: a process that two of them reach delivers it once.
    message_id = secrets.token_hex(8)
    if broadcaster is not None:
        broadcaster.broadcast(topic, data, message_id)
        return
    for target in _all_broadcasters():
        try:
            target.broadcast(topic, data, message_id)
        except Exception:  # one server's failure must not keep the message from the others
            logger.exception("a broadcast on %r could not go through %r", topic, target)


def _json_text(topic: str, message: Any) -> str:
    try:
        data = json.dumps(message, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise type(exc)(
            f"broadcast({topic!r}, ...): the message must be JSON-serialisable (None, bool, "
            f"int, float, str, and lists and dicts with str keys of those): {exc}"
        ) from None
    size = len(data.encode())
    if size > MAX_MESSAGE_BYTES:
        raise ValueError(
            f"broadcast({topic!r}, ...): the message is {size} bytes as JSON, more than "
            f"MAX_MESSAGE_BYTES ({MAX_MESSAGE_BYTES})"
        )
    return data


def _check_topic(function: str, topic: Any) -> None:
    if not isinstance(topic, str):
        raise TypeError(f"{function}(): the topic must be a str, not {type(topic).__name__}")
    if not 0 < len(topic) <= MAX_TOPIC_LENGTH:
        raise ValueError(
            f"{function}(): the topic must have 1 to {MAX_TOPIC_LENGTH} characters, "
            f"not {len(topic)}"
        )
