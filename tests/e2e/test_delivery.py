"""What the browser does when requests fail: events are sent again until the server has them,
and the server applies each once; a finished session is acknowledged and forgotten."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import expect

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.plugins import get_plugins
from webio_core.testing import eventually, serve

from .conftest import E2E_BACKENDS

HTTP = [b for b in E2E_BACKENDS if get_plugins().backend(b).transport == "http"]
WEBSOCKET = [b for b in E2E_BACKENDS if get_plugins().backend(b).transport == "websocket"]


def clicks_app(clicks: list[int]):
    def app() -> None:
        def on_click(value: int) -> None:
            clicks.append(value)
            put_text(f"clicked {len(clicks)}")

        put_buttons([("Press", 1)], onclick=on_click)
        input("keep the page")

    return app


@pytest.mark.parametrize("backend", HTTP)
@pytest.mark.parametrize("failure", ["before-sending", "reply-lost"])
def test_a_failed_post_is_sent_again_and_applied_once(page: Any, backend: str, failure: str):
    clicks: list[int] = []
    failed: list[str] = []
    posts_of_event_1: list[str] = []

    def fail_the_first_event_post(route: Any) -> None:
        request = route.request
        body = request.post_data or ""
        if request.method == "POST" and '"seq":1,' in body:
            posts_of_event_1.append(body)
        if request.method == "POST" and '"events":[{' in body and not failed:
            failed.append(body)
            if failure == "reply-lost":
                route.fetch()  # the server handles it; the page never hears back
            route.abort()
            return
        route.continue_()

    with serve(clicks_app(clicks), backend=backend) as server:
        page.route("**/*", fail_the_first_event_post)
        page.goto(server.url)
        page.get_by_role("button", name="Press").click()
        expect(page.get_by_text("clicked 1")).to_be_visible()
        page.wait_for_timeout(500)  # a second copy of the click would have arrived by now
        assert failed, "the POST was never failed"
        assert len(posts_of_event_1) >= 2, "the page did not send the event again"
        assert clicks == [1]
        expect(page.get_by_text("clicked")).to_have_count(1)


@pytest.mark.parametrize("backend", WEBSOCKET)
def test_an_event_lost_with_its_socket_is_sent_again_and_applied_once(page: Any, backend: str):
    clicks: list[int] = []
    dropped: list[str] = []

    def cut_after_the_first_event(ws: Any) -> None:
        server = ws.connect_to_server()

        def from_page(message: Any) -> None:
            if not dropped and '"events":[{' in str(message):
                dropped.append(str(message))
                ws.close(code=4000, reason="cut")  # the event never reaches the server
                return
            server.send(message)

        ws.on_message(from_page)

    with serve(clicks_app(clicks), backend=backend, reconnect_timeout=30) as server:
        page.route_web_socket("**/*", cut_after_the_first_event)
        page.goto(server.url)
        page.get_by_role("button", name="Press").click()
        expect(page.get_by_text("clicked 1")).to_be_visible()
        assert dropped, "the socket was never cut"
        assert json.loads(dropped[0])["events"][0]["seq"] == 1
        assert clicks == [1]


@pytest.mark.parametrize("backend", E2E_BACKENDS)
def test_a_finished_session_is_forgotten_once_the_page_has_its_end(page: Any, backend: str):
    def app() -> None:
        name = input("name?")
        put_text(f"bye {name}")

    with serve(app, backend=backend, reconnect_timeout=30) as server:
        page.goto(server.url)
        field = page.locator("form.webio-form input").last
        field.fill("Ada")
        field.press("Enter")
        expect(page.get_by_text("bye Ada")).to_be_visible()
        # Kept for a page that might come back, until the page acknowledged the end.
        eventually(lambda: not server.endpoint.registry.all(), "the session to be forgotten", 3)
