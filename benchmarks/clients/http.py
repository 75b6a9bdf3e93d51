"""HTTP polling clients, both on aiohttp's client (one keep-alive connection per page):
webio-core's protocol and PyWebIO 1.8.4's. Like the browser, a page POSTs its answer, takes
the commands of the reply, and polls again at once while the app's next form has not come
(the browser waits ``http_pull_interval`` between polls; here nothing waits, so the figure is
the server's)."""

from __future__ import annotations

import json
import secrets
from typing import Any, Optional

import aiohttp

from webio_core.protocol.constants import (
    MORE_HEADER,
    NEW_SESSION,
    QUERY_ACK,
    QUERY_APP,
    SESSION_HEADER,
)

from .base import TIMEOUT, Page


class _HttpPage(Page):
    session_id = ""

    async def connect(self) -> None:
        self.http = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=TIMEOUT),
            connector=aiohttp.TCPConnector(limit=1),
            headers={"Origin": self.url.rstrip("/")},
        )

    async def request(self, method: str, query: dict[str, Any], body: Optional[str]) -> Any:
        headers = {SESSION_HEADER: self.session_id, "Content-Type": "application/json"}
        async with self.http.request(
            method, self.url, params=query, data=body, headers=headers
        ) as response:
            response.raise_for_status()
            self.session_id = response.headers.get(SESSION_HEADER, self.session_id)
            self.more = response.headers.get(MORE_HEADER) is not None
            return await response.json(content_type=None)

    async def close(self) -> None:
        await self.http.close()


class CoreHttpPage(_HttpPage):
    """webio-core's HTTP transport: ``GET ?ack=N`` polls, ``POST`` carries a client frame."""

    async def connect(self) -> None:
        await super().connect()
        self.session_id = NEW_SESSION
        self.last_seq = self.event_seq = 0

    def take(self, frame: dict[str, Any]) -> None:
        for command in frame["commands"]:
            if command["seq"] > self.last_seq:
                self.last_seq = command["seq"]
                self.pending.append(command)

    async def fetch(self) -> None:
        query = {QUERY_APP: "index", QUERY_ACK: str(self.last_seq)}
        self.take(await self.request("GET", query, None))

    async def send_submit(self, task_id: str, data: dict[str, Any]) -> None:
        self.event_seq += 1
        event = {"seq": self.event_seq, "event": "from_submit", "task_id": task_id, "data": data}
        frame = json.dumps({"ack": self.last_seq, "events": [event]})
        self.take(await self.request("POST", {QUERY_APP: "index"}, frame))


class PyWebIOHttpPage(_HttpPage):
    """PyWebIO 1.8.4's HTTP transport: replies hold a window of numbered messages (lists of
    commands); ``ack`` names the last message received, ``seq`` the first event of a POST."""

    async def connect(self) -> None:
        await super().connect()
        self.session_id = "NEW-" + secrets.token_urlsafe(16)
        self.last_message = -1
        self.event_id = 0

    def take(self, reply: dict[str, Any]) -> None:
        for number, commands in enumerate(reply["commands"], start=reply["seq"]):
            if number > self.last_message:
                self.last_message = number
                self.pending.extend(commands)
        self.session_id = self.session_id.removeprefix("NEW-")

    async def fetch(self) -> None:
        self.take(await self.request("GET", {"ack": str(self.last_message)}, None))

    async def send_submit(self, task_id: str, data: dict[str, Any]) -> None:
        event = {"event": "from_submit", "task_id": task_id, "data": data}
        query = {"ack": str(self.last_message), "seq": str(self.event_id)}
        self.event_id += 1
        self.take(await self.request("POST", query, json.dumps([event])))
