"""How the WebSocket transport acknowledges a page's events: with the app's answer, in the same
frame, when the answer comes at once; in a frame of its own when it does not; and at once for
frames carrying bytes, which the page's upload window waits on. Driven in-process through a
stand-in socket, so every frame the server writes is seen."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest

from webio_core.input import file_upload, input
from webio_core.protocol.frames import binary_frame
from webio_core.server import Backend, Endpoint
from webio_core.server.request import Request
from webio_core.server.ws import EVENT_ACK_DELAY_SECONDS, WebSocketTransport

BACKEND = Backend("ws-acks-test", "websocket", "unused:unused", "unused")


class Socket:
    """The page's side: every frame the server sent, and events to send it."""

    def __init__(self, app: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.endpoint = Endpoint.for_server(app, BACKEND)
        self.frames: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        request = Request.build(
            "GET", [("app", "index")], [("host", "t"), ("upgrade", "websocket")]
        )
        self.connection = WebSocketTransport(self.endpoint).connect(
            request, loop, lambda text: self.frames.put_nowait(json.loads(text)), lambda *_: None
        )
        self.last_seq = 0
        self.event_seq = 0
        self.seen: list[dict[str, Any]] = []

    async def frame(self, timeout: float = 5) -> dict[str, Any]:
        frame = await asyncio.wait_for(self.frames.get(), timeout)
        self.seen += frame["commands"]
        self.last_seq = max([c["seq"] for c in frame["commands"]] or [self.last_seq])
        return frame

    async def command(self, name: str) -> dict[str, Any]:
        while True:
            for sent in (await self.frame())["commands"]:
                if sent["command"] == name:
                    return sent

    def send(self, event: str, task_id: str, data: Any, payload: bytes = b"") -> None:
        self.event_seq += 1
        sent = {"seq": self.event_seq, "event": event, "task_id": task_id, "data": data}
        text = json.dumps({"ack": self.last_seq, "events": [sent]})
        self.connection.on_message(binary_frame(text, payload) if payload else text)


def run(scenario: Any) -> None:
    async def main() -> None:
        await scenario(asyncio.get_running_loop())

    asyncio.run(main())


async def coroutine_app() -> None:
    while True:
        await input("Name")


def thread_app() -> None:
    while True:
        input("Name")


@pytest.mark.parametrize("app", [coroutine_app, thread_app], ids=["coroutine", "thread"])
def test_the_answer_carries_the_acknowledgement(app):
    async def scenario(loop: asyncio.AbstractEventLoop) -> None:
        page = Socket(app, loop)
        form = await page.command("input_group")
        for _ in range(20):
            field = form["spec"]["inputs"][0]["name"]
            page.send("from_submit", form["task_id"], {field: "x"})
            frame = await page.frame()
            assert frame["ack"] == page.event_seq
            forms = [c for c in frame["commands"] if c["command"] == "input_group"]
            if app is coroutine_app:
                # One frame: the answer, with the acknowledgement, and nothing before it.
                (form,) = forms
            else:
                # Thread apps answer from another thread, in as many frames as the loop's
                # turns cut their answer into; the first frame acknowledges, whatever it holds.
                form = forms[0] if forms else await page.command("input_group")
        if app is coroutine_app:
            assert page.frames.empty()
        page.endpoint.shutdown()

    run(scenario)


def test_a_coroutine_app_answer_leaves_in_the_loop_turn_that_computed_it():
    """The answer is written when the app starts waiting again, not at the loop's next turn
    (which would first run the socket's other work, on the way of the answer)."""

    async def scenario(loop: asyncio.AbstractEventLoop) -> None:
        page = Socket(coroutine_app, loop)
        form = await page.command("input_group")
        field = form["spec"]["inputs"][0]["name"]
        page.send("from_submit", form["task_id"], {field: "x"})
        # One turn: the app's task step runs in it, before this coroutine resumes; a flush
        # it had only scheduled would come after.
        await asyncio.sleep(0)
        frame = page.frames.get_nowait()
        assert [c["command"] for c in frame["commands"]] == ["destroy_form", "input_group"]
        assert frame["ack"] == page.event_seq
        page.endpoint.shutdown()

    run(scenario)


def test_events_with_no_answer_are_acknowledged_after_the_short_wait():
    async def scenario(loop: asyncio.AbstractEventLoop) -> None:
        page = Socket(coroutine_app, loop)
        form = await page.command("input_group")
        field = form["spec"]["inputs"][0]["name"]
        started = time.monotonic()
        # A field losing focus, with no validation to run: the app has nothing to say.
        page.send(
            "input_event", form["task_id"], {"event_name": "blur", "name": field, "value": "A"}
        )
        frame = await page.frame()
        assert frame == {"ack": 1, "commands": []}
        assert time.monotonic() - started >= EVENT_ACK_DELAY_SECONDS * 0.9
        page.endpoint.shutdown()

    run(scenario)


async def upload_app() -> None:
    await file_upload("File")


def test_frames_with_bytes_are_acknowledged_at_once():
    """The page keeps a few upload chunks in flight and sends more as they are acknowledged."""

    async def scenario(loop: asyncio.AbstractEventLoop) -> None:
        page = Socket(upload_app, loop)
        form = await page.command("input_group")
        field = form["spec"]["inputs"][0]["name"]
        meta = {"filename": "a.txt", "size": 6, "mime_type": "text/plain", "last_modified": 0.0}
        page.send("from_submit", form["task_id"], {field: [meta]})
        await page.command("upload_files")
        page.send("upload_chunk", form["task_id"], _chunk(field, 0, 3), payload=b"abc")
        # No wait at all: the acknowledgement was written before on_message returned.
        assert page.frames.get_nowait()["ack"] == page.event_seq
        page.endpoint.shutdown()

    run(scenario)


def _chunk(field: str, offset: int, size: int) -> dict[str, Any]:
    return {"name": field, "file": 0, "offset": offset, "size": size}
