"""Writes for an asyncio framework's WebSocket, one after the other, in call order."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any, Callable, Union

logger = logging.getLogger("webio_core.server.ws")


class SerialWriter:
    """Sends and closes on an asyncio framework's socket one after the other, in call order.

    The core schedules each awaitable a peer function returns as a task of its own, and some
    frameworks reorder concurrent writes (aiohttp writes a small compressed message before a
    large one still compressing in a thread). Give :meth:`send_text` and :meth:`close` to
    :meth:`WebSocketTransport.connect` instead: one task awaits ``send`` and ``close`` in turn.
    Create it on the socket's loop, and call :meth:`finish` once the socket has closed: the
    task ends after what was already asked (which fails fast on a closed socket).
    """

    def __init__(
        self, send: Callable[[str], Awaitable[Any]], close: Callable[[int, str], Awaitable[Any]]
    ) -> None:
        self._send = send
        self._close = close
        self._queue: asyncio.Queue[Union[str, tuple[int, str], None]] = asyncio.Queue()
        self._task = asyncio.ensure_future(self._write())

    def send_text(self, text: str) -> None:
        """Queue ``text`` to be sent after everything asked before it."""
        self._queue.put_nowait(text)

    def close(self, code: int = 1000, reason: str = "") -> None:
        """Queue a close of the socket with ``code`` and ``reason``, after the sends asked
        before it."""
        self._queue.put_nowait((code, reason))

    def finish(self) -> None:
        """Let the writing task end once it has done what is already queued; call it when the
        socket has closed."""
        self._queue.put_nowait(None)

    @property
    def done(self) -> bool:
        """Whether the task has ended (after :meth:`finish`)."""
        return self._task.done()

    async def _write(self) -> None:
        while True:
            item = await self._queue.get()
            if item is None:
                return
            try:
                await (self._send(item) if isinstance(item, str) else self._close(*item))
            except Exception as exc:
                logger.debug("websocket write failed: %s", exc)
