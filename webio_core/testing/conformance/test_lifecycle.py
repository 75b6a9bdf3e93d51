"""Session lifetime over a real server: pages that close, a server that stops, and nothing
left running afterwards."""

from __future__ import annotations

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.session import defer_call
from webio_core.testing import eventually, serve

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")


def test_closing_the_page_ends_the_session(webio_host, make_app):
    calls: list[str] = []

    def scenario():
        defer_call(lambda: calls.append("deferred"))
        put_text("ready")
        yield input("never answered")

    with webio_host(make_app(scenario)) as server:
        with server.client() as user:
            user.should_see("ready")
            assert len(server.sessions) == 1
        eventually(lambda: calls == ["deferred"], "the deferred call after the page closed")
        eventually(lambda: not server.sessions, "the session to close")


def test_a_finished_app_closes_its_page(webio_host, make_app):
    def scenario():
        name = yield input("name?")
        put_text(f"bye {name}")

    with webio_host(make_app(scenario)) as server, server.client() as user:
        user.submit("Ada")
        user.should_see("bye Ada")
        user.wait_closed()


def test_server_stop_closes_sessions(webio_backend, make_app):
    calls: list[str] = []

    def scenario():
        defer_call(lambda: calls.append("deferred"))
        yield input("pending")

    with serve(make_app(scenario), backend=webio_backend) as server:
        user = server.client().connect()
        user.form()
    try:
        eventually(lambda: calls == ["deferred"], "the deferred call at server stop")
        user.wait_closed()
    finally:
        user.close()
