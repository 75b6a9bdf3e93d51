"""Two servers sharing one Redis: a page's requests and sockets may land on either, the session
stays with the server that runs its app (in this test process, as two registries, each with a
bus of its own, as two processes have)."""

from __future__ import annotations

from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from webio_core.input import input
from webio_core.output import put_text
from webio_core.protocol.constants import CLOSE_SESSION_NOT_FOUND
from webio_core.testing import WebIOClient, eventually, serve
from webio_core.testing.raw import answer, receive_until, submit, texts, ws_url
from webio_core.testing.redis import RedisServer

TIMEOUT = 10


def echo() -> None:
    while True:
        said = input("say")
        put_text(f"echo {said}")


@pytest.mark.parametrize("backend", ["tornado", "aiohttp", "fastapi"])
def test_a_socket_reconnecting_to_another_server_resumes_its_session(
    redis_server: RedisServer, backend: str
) -> None:
    options = {"backend": backend, "reconnect_timeout": 30, "registry_url": redis_server.url}
    with serve(echo, **options) as owner, serve(echo, **options) as other:
        origin: Any = owner.url.rstrip("/")
        with connect(ws_url(owner.url), origin=origin) as socket:
            commands = receive_until(socket, "input_group")
        session_id = commands[0]["spec"]["session_id"]
        form = [c for c in commands if c["command"] == "input_group"][-1]

        # Both are one site behind a load balancer: the page's origin is that of each.
        origin = other.url.rstrip("/")
        with connect(ws_url(other.url, session=session_id, ack="1"), origin=origin) as socket:
            resent = receive_until(socket, "input_group")
            assert [c["seq"] for c in resent] == [c["seq"] for c in commands[1:]]
            submit(socket, form["seq"], answer(1, form["task_id"], "over there"))
            after = receive_until(socket, "input_group")
            assert texts(after) == ["echo over there"]

        assert len(owner.app.sessions) == 1 and other.app.sessions == []


def test_a_socket_for_a_session_no_server_has_is_refused(redis_server: RedisServer) -> None:
    with serve(echo, registry_url=redis_server.url) as server:
        origin: Any = server.url.rstrip("/")
        url = ws_url(server.url, session="no-such-session", ack="0")
        with connect(url, origin=origin) as socket, pytest.raises(ConnectionClosed) as closed:
            socket.recv(timeout=TIMEOUT)
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == CLOSE_SESSION_NOT_FOUND


@pytest.mark.parametrize("backend", ["flask", "django", "tornado_http"])
def test_http_requests_alternating_between_servers_reach_the_session(
    redis_server: RedisServer, backend: str
) -> None:
    options = {"backend": backend, "registry_url": redis_server.url}
    with serve(echo, **options) as first, serve(echo, **options) as second:
        # No Origin header: the page is the site's, behind one load balancer, in real life.
        with WebIOClient(first.url, transport="http", origin="") as page:
            for turn in range(6):
                page.url = (first, second)[turn % 2].url  # plain round-robin
                page.submit(f"turn {turn}")
                page.should_see(f"echo turn {turn}")
            assert len(first.app.sessions) == 1 and second.app.sessions == []
        eventually(lambda: first.app.sessions == [], "the session to close")
