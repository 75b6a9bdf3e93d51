"""What the shared registry needs of a broker: named channels, publish and subscribe."""

from __future__ import annotations

import asyncio
import concurrent.futures
from typing import Protocol


class BusUnavailable(ConnectionError):
    """The broker cannot be reached (at start, or to register a new session)."""


class BusListener(Protocol):
    """Called on the bus's loop."""

    def on_message(self, channel: str, data: bytes) -> None:
        """``data`` was published on ``channel``, which this process listens to."""

    def on_lost(self) -> None:
        """The connection to the broker broke: messages may have been lost both ways."""

    async def on_tick(self) -> None:
        """Every few seconds while connected (liveness checks)."""


class Bus(Protocol):
    """One process's line to the broker, with an asyncio loop of its own. A bus starts on
    first use in each process (so a server forked after the app was imported gets its own),
    and listens on this process's channel from the start."""

    def listen(self, listener: BusListener) -> None:
        """Who hears the messages (set once, before the first use)."""

    @property
    def process_id(self) -> str:
        """This process's name on the bus, unique among the processes using the broker."""

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The loop the listener runs on, and the connections this process serves for sockets
        relayed from other processes."""

    def on_bus(self) -> bool:
        """Whether the caller runs on the bus's loop."""

    def publish(self, channel: str, data: bytes) -> concurrent.futures.Future[int]:
        """Send ``data`` after everything published before it (from any thread); the future
        gives how many processes listen on ``channel``, or fails with BusUnavailable."""

    def subscribe(self, channel: str) -> None:
        """Listen on ``channel``; returns once the broker confirmed it (BusUnavailable else)."""

    def unsubscribe(self, channel: str) -> None:
        """Stop listening on ``channel`` (without waiting)."""

    async def listeners(self, channels: list[str]) -> dict[str, int]:
        """How many processes listen on each channel (on the bus loop)."""

    def stop(self) -> None:
        """Send what is queued (briefly), close the connections, end the loop."""
