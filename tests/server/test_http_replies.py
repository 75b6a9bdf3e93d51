"""When the HTTP transport answers a POST of events: as soon as the app has reacted and waits
again (for the user, or for the browser), with everything it sent meanwhile; not after a fixed
settle delay. The settle window is made very long here, so a reply that waited for it fails."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.protocol.constants import NEW_SESSION, SESSION_HEADER
from webio_core.server import Backend, Endpoint, HttpTransport, http
from webio_core.server.request import Request
from webio_core.session import eval_js

BACKEND = Backend("http-replies-test", "http", "unused:unused", "unused")
#: Long enough that no reply in these tests can be explained by the settle window ending.
LONG_SETTLE = 5.0


class Page:
    """A page polling ``transport`` by hand: one request at a time, as the tests order them."""

    def __init__(self, transport: HttpTransport) -> None:
        self.transport = transport
        self.session_id = NEW_SESSION
        self.last_seq = 0
        self.event_seq = 0
        self.commands: list[dict[str, Any]] = []

    def request(self, method: str, body: bytes = b"") -> list[dict[str, Any]]:
        request = Request.build(
            method,
            [("app", "index"), ("ack", str(self.last_seq))],
            [(SESSION_HEADER, self.session_id), ("host", "example.test")],
        )
        request.body = body
        response = self.transport.handle(request)
        assert response.status == 200, response.body
        self.session_id = response.headers[SESSION_HEADER]
        frame = json.loads(response.body)
        self.commands += frame["commands"]
        self.last_seq = max([c["seq"] for c in frame["commands"]] or [self.last_seq])
        return list(frame["commands"])

    def poll_until(self, command: str) -> dict[str, Any]:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            for sent in self.request("GET"):
                if sent["command"] == command:
                    return sent
        raise AssertionError(f"no {command} command within 5 s: {self.commands}")

    def post(self, event: str, task_id: str, data: Any) -> tuple[list[dict[str, Any]], float]:
        """Sends one event; the commands of the POST's own reply and how long it took."""
        self.event_seq += 1
        body = {
            "ack": self.last_seq,
            "events": [{"seq": self.event_seq, "event": event, "task_id": task_id, "data": data}],
        }
        started = time.monotonic()
        commands = self.request("POST", json.dumps(body).encode())
        return commands, time.monotonic() - started


def texts(commands: list[dict[str, Any]]) -> list[str]:
    return [
        c["spec"]["output"]["content"]
        for c in commands
        if c["command"] == "output" and c["spec"]["output"]["type"] == "text"
    ]


def answer(page: Page, form: dict[str, Any], value: str) -> tuple[list[dict[str, Any]], float]:
    field = form["spec"]["inputs"][0]["name"]
    return page.post("from_submit", form["task_id"], {field: value})


@pytest.fixture
def serve(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(http, "REPLY_SETTLE_SECONDS", LONG_SETTLE)
    transports: list[HttpTransport] = []

    def start(app: Any) -> Page:
        transport = HttpTransport(Endpoint.for_server(app, BACKEND))
        transports.append(transport)
        return Page(transport)

    yield start
    for transport in transports:
        transport.stop()


def thread_app() -> None:
    while True:
        name = input("Name")
        time.sleep(0.05)  # work before the first output: the reply must not leave without it
        put_text(f"hello {name}")
        time.sleep(0.05)  # and between outputs: nor without the rest
        put_text("next")


async def coroutine_app() -> None:
    while True:
        name = await input("Name")
        await asyncio.sleep(0.05)
        put_text(f"hello {name}")
        await asyncio.sleep(0.05)
        put_text("next")


@pytest.mark.parametrize("app", [thread_app, coroutine_app], ids=["thread", "coroutine"])
def test_the_reply_carries_everything_up_to_the_next_input_and_no_more_wait(serve, app):
    page = serve(app)
    form = page.poll_until("input_group")
    for name in ("Ada", "Bob", "Cy"):
        commands, took = answer(page, form, name)
        assert texts(commands) == [f"hello {name}", "next"]
        assert [c["command"] for c in commands][-1] == "input_group"
        assert took < LONG_SETTLE / 2, "the reply waited for the settle window"
        form = commands[-1]


def test_a_callback_is_waited_for_from_the_moment_it_is_dispatched(serve):
    def app() -> None:
        def clicked(_: str) -> None:
            time.sleep(0.05)
            put_text("clicked")

        put_buttons(["Go"], onclick=clicked)
        input("keep the page")

    page = serve(app)
    page.poll_until("input_group")
    buttons = next(
        c
        for c in page.commands
        if c["command"] == "output" and c["spec"]["output"]["type"] == "buttons"
    )
    callback_id = buttons["spec"]["output"]["callback_id"]
    commands, took = page.post("callback", callback_id, 0)
    assert texts(commands) == ["clicked"]
    assert took < LONG_SETTLE / 2


def test_an_app_waiting_for_the_browser_is_answered_at_once(serve):
    """eval_js waits for the browser, not the user: its command must go out with the reply."""

    def app() -> None:
        input("Go")
        put_text(f"sum {eval_js('1 + 1')}")
        input("done")

    page = serve(app)
    form = page.poll_until("input_group")
    commands, took = answer(page, form, "")
    assert "run_script" in [c["command"] for c in commands]
    assert took < LONG_SETTLE / 2


def first_page_thread_app() -> None:
    time.sleep(0.05)  # work before the first output: the first page must not leave without it
    put_text("welcome")
    time.sleep(0.05)
    put_buttons(["Go"], onclick=lambda _: None)
    input("Name")


async def first_page_coroutine_app() -> None:
    await asyncio.sleep(0.05)
    put_text("welcome")
    await asyncio.sleep(0.05)
    put_buttons(["Go"], onclick=lambda _: None)
    await input("Name")


@pytest.mark.parametrize(
    "app", [first_page_thread_app, first_page_coroutine_app], ids=["thread", "coroutine"]
)
def test_the_first_page_comes_whole_once_the_app_waits(serve, app):
    """The page polls every second by default: a first reply with half the page would show
    the rest a second later."""
    page = serve(app)
    started = time.monotonic()
    commands = page.request("GET")
    assert texts(commands) == ["welcome"]
    assert [c["command"] for c in commands][-1] == "input_group"
    assert time.monotonic() - started < LONG_SETTLE / 2, "the reply waited for the settle window"
