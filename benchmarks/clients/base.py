"""What every benchmark client does, over any protocol: read commands until the app asks for
input (counting the outputs on the way), and answer that input. A protocol's client only says
how to fetch the next commands and how to send an answer, so the timing code is shared."""

from __future__ import annotations

import time
from collections import deque
from typing import Any

#: How long a client waits for anything before it gives up on the server.
TIMEOUT = 60.0


class Page:
    """One simulated page of the app at ``url``; commands are dicts with ``command``,
    ``task_id`` and ``spec`` (webio-core's and PyWebIO's agree on these keys)."""

    #: The command that shows a form, and the one that puts something on screen.
    INPUT = "input_group"
    OUTPUT = "output"

    def __init__(self, url: str) -> None:
        self.url = url
        self.pending: deque[dict[str, Any]] = deque()
        self.form: dict[str, Any] = {}
        #: Outputs seen since the page opened, and the perf_counter() of the last one.
        self.outputs = 0
        self.last_output = 0.0

    async def connect(self) -> None:
        raise NotImplementedError

    async def fetch(self) -> None:
        """Wait for the server's next commands and append them to ``pending``."""
        raise NotImplementedError

    async def send_submit(self, task_id: str, data: dict[str, Any]) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError

    async def settle(self) -> None:
        """What a page left idle sends of its own accord (nothing, unless its protocol says)."""

    async def until_input(self) -> dict[str, Any]:
        """Read until the app shows a form; returns its command."""
        while True:
            while not self.pending:
                await self.fetch()
            command = self.pending.popleft()
            kind = command["command"]
            if kind == self.OUTPUT:
                self.outputs += 1
                self.last_output = time.perf_counter()
            elif kind == self.INPUT:
                self.form = command
                return command

    async def submit(self, value: Any) -> None:
        """Answer the form last shown with ``value`` in its first field."""
        field = self.form["spec"]["inputs"][0]["name"]
        await self.send_submit(self.form["task_id"], {field: value})
