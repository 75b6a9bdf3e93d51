"""Broadcasts between processes: a message goes to the broker on its topic's channel, which
each process listens to while sessions of its own subscribe to the topic; every such process,
the sender's included, hands it to its subscribers as the broker delivers it, so they all see
a topic's messages in the broker's one order."""

from __future__ import annotations

import concurrent.futures
import logging
from collections import deque
from typing import Any

from ...session.topics import Topics
from .bus import Bus, BusUnavailable
from .wire import BROADCAST, pack, topic_channel

logger = logging.getLogger("webio_core.server.scaleout")

#: How many message ids a process remembers to deliver a message once when it came twice (a
#: broadcast from outside any session goes through every server of its process).
REMEMBERED_IDS = 1024


class SharedTopics(Topics):
    """The subscriptions of this process's sessions, heard from the broker through ``bus``."""

    def __init__(self, bus: Bus) -> None:
        super().__init__()
        self.bus = bus
        self._recent: deque[str] = deque(maxlen=REMEMBERED_IDS)
        self._recent_set: set[str] = set()

    def publish(self, topic: str, data: str, message_id: str) -> None:
        message = pack(BROADCAST, data.encode(), topic=topic, id=message_id)
        sent = self.bus.publish(topic_channel(topic), message)

        def report(future: concurrent.futures.Future[int]) -> None:
            error = future.exception()
            if error is not None:
                logger.error("a broadcast on %r was lost: %s", topic, error)

        sent.add_done_callback(report)

    def first_subscribed(self, topic: str) -> None:
        # Waits for the broker: a message broadcast just after subscribe() returned is heard.
        self.bus.subscribe(topic_channel(topic))

    def last_unsubscribed(self, topic: str) -> None:
        try:
            self.bus.loop.call_soon_threadsafe(self._stop_hearing_if_unheard, topic)
        except (BusUnavailable, RuntimeError):
            pass  # the bus has stopped: the broker forgot its channels with its connection

    def _stop_hearing_if_unheard(self, topic: str) -> None:
        # On the bus loop, in order with subscriptions: a session that subscribed since keeps
        # the channel (its subscribe() queued after this, or it is counted here already).
        if not self.subscribed(topic):
            self.bus.unsubscribe(topic_channel(topic))

    def received(self, header: dict[str, Any], payload: bytes) -> None:
        """A message from the broker (on the bus loop)."""
        topic, message_id = header.get("topic"), str(header.get("id"))
        if not isinstance(topic, str) or message_id in self._recent_set:
            return
        if len(self._recent) == self._recent.maxlen:
            self._recent_set.discard(self._recent[0])
        self._recent.append(message_id)
        self._recent_set.add(message_id)
        self.deliver(topic, payload.decode())
