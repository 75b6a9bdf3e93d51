"""``SerialWriter``: an asyncio socket's sends and closes, one at a time in call order, and
``WebSocketTransport.max_message_size``."""

from __future__ import annotations

import asyncio
import logging
import random

from webio_core.server import Backend, Endpoint, SerialWriter, WebSocketTransport


class SlowSocket:
    """Writes that take a random while (like a large compressed message): run concurrently,
    they would finish out of order."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.running = 0
        self.most_running = 0

    async def _write(self, item: str) -> None:
        self.running += 1
        self.most_running = max(self.most_running, self.running)
        await asyncio.sleep(random.uniform(0, 0.005))
        self.written.append(item)
        self.running -= 1

    async def send(self, text: str) -> None:
        await self._write(text)

    async def close(self, code: int, reason: str) -> None:
        await self._write(f"close {code} {reason}")


async def finished(writer: SerialWriter) -> None:
    async def poll() -> None:
        while not writer.done:
            await asyncio.sleep(0.001)

    await asyncio.wait_for(poll(), 5)


def test_writes_in_call_order_one_at_a_time() -> None:
    async def main() -> SlowSocket:
        socket = SlowSocket()
        writer = SerialWriter(socket.send, socket.close)
        for n in range(30):
            writer.send_text(str(n))
        writer.close(4404, "gone")
        writer.finish()
        await finished(writer)
        return socket

    socket = asyncio.run(main())
    assert socket.written == [*map(str, range(30)), "close 4404 gone"]
    assert socket.most_running == 1


def test_a_failed_write_is_logged_and_the_next_ones_still_run(caplog) -> None:
    written: list[str] = []

    async def send(text: str) -> None:
        if text == "bad":
            raise ConnectionResetError("the socket is closing")
        written.append(text)

    async def close(code: int, reason: str) -> None:
        written.append(f"close {code}")

    async def main() -> bool:
        writer = SerialWriter(send, close)
        for text in ("a", "bad", "b"):
            writer.send_text(text)
        writer.close()
        writer.finish()
        await finished(writer)
        return writer.done

    with caplog.at_level(logging.DEBUG, logger="webio_core.server.ws"):
        assert asyncio.run(main())
    assert written == ["a", "b", "close 1000"]
    assert "the socket is closing" in caplog.text


def test_without_finish_the_task_waits_and_nothing_is_written_after_finish() -> None:
    written: list[str] = []

    async def send(text: str) -> None:
        written.append(text)

    async def close(code: int, reason: str) -> None:
        written.append("close")

    async def main() -> None:
        writer = SerialWriter(send, close)
        writer.send_text("before")
        await asyncio.sleep(0.01)
        assert not writer.done and written == ["before"]
        writer.finish()
        writer.send_text("after")
        await asyncio.sleep(0.01)
        assert writer.done

    asyncio.run(main())
    assert written == ["before"]


def test_max_message_size_leaves_room_over_max_payload_size() -> None:
    backend = Backend("unused", "websocket", "unused:unused", "unused")
    endpoint = Endpoint.for_route(lambda: None, backend, max_payload_size="1K")
    size = WebSocketTransport(endpoint).max_message_size
    assert 1024 < size <= 1024 + 64 * 1024
