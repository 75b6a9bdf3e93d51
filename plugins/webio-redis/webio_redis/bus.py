"""The bus of webio_core's shared registry, on Redis publish/subscribe.

Pub/sub rather than streams: the owner of a session already keeps every command the page has
not acknowledged, and the page every event the server has not, because a socket can drop any
time; a message the bus loses is recovered by the same replay as a dropped socket, so the bus
only carries and never stores.
"""

from __future__ import annotations

from typing import Any, Optional

import redis
import redis.asyncio
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff, NoBackoff

from webio_core.server.scaleout import CONNECT_TIMEOUT_SECONDS, BusUnavailable, ThreadedBus

ERRORS = (redis.RedisError, OSError)
#: How many times a command is retried on a new connection.
RETRIES = 3


class RedisUnavailable(BusUnavailable):
    """Redis cannot be reached (at start, or to register a new session)."""


def safe_url(url: str) -> str:
    """``url`` without its password, for messages."""
    scheme, sep, rest = url.partition("://")
    _credentials, at, host = rest.rpartition("@")
    return f"{scheme}{sep}{'***@' if at else ''}{host}"


class RedisBus(ThreadedBus):
    """A bus on the Redis at ``url``: one connection subscribed to this process's channels, a
    pool for publishing."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.where = f"Redis at {safe_url(url)}"
        self._client: Any = None
        self._subscriber: Any = None
        self._pubsub: Optional[Any] = None

    def check(self) -> None:
        """Raise :class:`RedisUnavailable` with a clear message unless Redis answers a PING."""
        client = redis.Redis.from_url(self.url, socket_connect_timeout=CONNECT_TIMEOUT_SECONDS)
        try:
            client.ping()
        except ERRORS as exc:
            message = f"Cannot reach {self.where} (registry_url / WEBIO_REDIS_URL): {exc}"
            raise RedisUnavailable(message) from None
        finally:
            client.close()

    async def open(self) -> None:
        # Pooled connections go stale when Redis restarts: a command retries on a new one. Not
        # the subscriber: its loss must be seen (messages were lost, on_lost tells the pages).
        self._client = redis.asyncio.Redis.from_url(
            self.url,
            socket_connect_timeout=CONNECT_TIMEOUT_SECONDS,
            retry=Retry(ExponentialBackoff(cap=0.5, base=0.05), RETRIES),
            retry_on_error=[redis.ConnectionError, redis.TimeoutError],
        )
        self._subscriber = redis.asyncio.Redis.from_url(
            self.url, socket_connect_timeout=CONNECT_TIMEOUT_SECONDS, retry=Retry(NoBackoff(), 0)
        )

    async def read(self, channels: set[str]) -> None:
        pubsub = self._subscriber.pubsub()
        try:
            await pubsub.subscribe(*channels)
            self._pubsub = pubsub
            self.reading(channels)
            while True:
                message = await pubsub.get_message(timeout=None)
                if message is None:
                    continue
                channel = _text(message["channel"])
                if message["type"] == "subscribe":
                    self.confirmed(channel)
                elif message["type"] == "message":
                    self.received(channel, message["data"])
        except redis.RedisError as exc:
            raise RedisUnavailable(str(exc)) from None
        finally:
            self._pubsub = None
            try:
                await pubsub.aclose()
            except ERRORS:
                pass  # already broken

    async def send(self, batch: list[tuple[str, bytes]]) -> list[int]:
        pipeline = self._client.pipeline(transaction=False)
        for channel, data in batch:
            pipeline.publish(channel, data)
        try:
            return [int(count) for count in await pipeline.execute()]
        except redis.RedisError as exc:
            raise RedisUnavailable(str(exc)) from None

    async def add_channel(self, channel: str) -> None:
        if self._pubsub is not None:
            await self._pubsub.subscribe(channel)

    async def remove_channel(self, channel: str) -> None:
        if self._pubsub is not None:
            await self._pubsub.unsubscribe(channel)

    async def listeners(self, channels: list[str]) -> dict[str, int]:
        counts = await self._client.pubsub_numsub(*channels)
        return {_text(name): int(count) for name, count in counts}

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            await self._subscriber.aclose()


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
