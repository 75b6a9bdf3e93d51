"""WebSocket clients, all on the same library (``websockets``, asyncio) so that targets and
floors are measured alike: webio-core's protocol, PyWebIO 1.8.4's, and a raw echo."""

from __future__ import annotations

import json
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from webio_core.protocol.commands import CLOSE_SESSION, SESSION
from webio_core.protocol.constants import ACK_EVERY, QUERY_ACK, QUERY_APP, QUERY_SESSION

from .base import TIMEOUT, Page


def _ws_url(url: str, path: str = "") -> str:
    return "ws" + url.removeprefix("http") + path


async def _open(url: str, origin: str) -> ClientConnection:
    # No compression, no frame size cap: lean, so that the client is not what is measured.
    return await connect(
        url,
        origin=origin,  # type: ignore[arg-type]
        compression=None,
        max_size=None,
        open_timeout=TIMEOUT,
        ping_interval=None,
    )


class CorePage(Page):
    """webio-core's WebSocket protocol: numbered commands in frames, acknowledged as the
    browser does (at once every ACK_EVERY commands, with every event, and once idle)."""

    session_id = ""

    async def connect(self) -> None:
        self.ws = await _open(_ws_url(self.url, f"?{QUERY_APP}=index"), self.url.rstrip("/"))
        self.last_seq = self.sent_ack = self.event_seq = 0

    async def reattach(self, url: str) -> None:
        """Reconnect to this page's session through the server at ``url`` (maybe another
        process than the one that has it), as the browser does after losing its socket."""
        await self.ws.close()
        query = f"?{QUERY_APP}=index&{QUERY_SESSION}={self.session_id}&{QUERY_ACK}={self.last_seq}"
        self.url = url
        self.ws = await _open(_ws_url(url, query), url.rstrip("/"))
        self.sent_ack = self.last_seq

    async def fetch(self) -> None:
        frame = json.loads(await self.ws.recv())
        for command in frame["commands"]:
            if command["seq"] > self.last_seq:
                self.last_seq = command["seq"]
                self.pending.append(command)
                if command["command"] == SESSION.name:
                    self.session_id = command["spec"]["session_id"]
        if self.last_seq - self.sent_ack >= ACK_EVERY:
            self.sent_ack = self.last_seq
            await self.ws.send(json.dumps({"ack": self.last_seq, "events": []}))

    async def send_submit(self, task_id: str, data: dict[str, Any]) -> None:
        self.event_seq += 1
        event = {"seq": self.event_seq, "event": "from_submit", "task_id": task_id, "data": data}
        self.sent_ack = self.last_seq
        await self.ws.send(json.dumps({"ack": self.last_seq, "events": [event]}))

    async def settle(self) -> None:
        """Acknowledge what came, as the browser does half a second after the last command
        (frontend/src/transport/websocket.ts): the server then forgets those commands."""
        if self.last_seq > self.sent_ack:
            self.sent_ack = self.last_seq
            await self.ws.send(json.dumps({"ack": self.last_seq, "events": []}))

    async def until_closed(self) -> None:
        """Read until the app's session ends, and acknowledge its end as the browser does (so
        that the server need not keep it for a reconnect)."""
        while True:
            while not self.pending:
                await self.fetch()
            if self.pending.popleft()["command"] == CLOSE_SESSION.name:
                break
        await self.ws.send(json.dumps({"ack": self.last_seq, "events": []}))

    async def close(self) -> None:
        await self.ws.close()


class PyWebIOPage(Page):
    """PyWebIO 1.8.4's WebSocket protocol: one command per message, one event per message."""

    async def connect(self) -> None:
        self.ws = await _open(_ws_url(self.url), self.url.rstrip("/"))

    async def fetch(self) -> None:
        self.pending.append(json.loads(await self.ws.recv()))

    async def send_submit(self, task_id: str, data: dict[str, Any]) -> None:
        await self.ws.send(json.dumps({"event": "from_submit", "task_id": task_id, "data": data}))

    async def close(self) -> None:
        await self.ws.close()


class EchoPage:
    """A raw echo connection to a floor: the least any WebSocket round trip can cost."""

    #: About the size of a form submission and of the form that answers it.
    MESSAGE = "x" * 200

    def __init__(self, url: str) -> None:
        self.url = url

    async def connect(self) -> None:
        self.ws = await _open(_ws_url(self.url, "ws"), self.url.rstrip("/"))

    async def send(self) -> None:
        await self.ws.send(self.MESSAGE)

    async def receive(self) -> None:
        await self.ws.recv()

    async def close(self) -> None:
        await self.ws.close()
