"""A page that resumes its session through another server while its old socket to the owner is
still open (the network dropped it and the owner did not notice yet): the owner hangs the old
socket up, as it does when the page comes back to it directly. The owner serves the relayed
socket on its bus's loop and the old one lives on the backend's: the hang-up must happen on the
old socket's loop (aiohttp's loop was not woken to do it; tests/unit/server/test_ws_loops.py
checks the threads)."""

from __future__ import annotations

from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from webio_core.input import input
from webio_core.output import put_text
from webio_core.testing import serve
from webio_core.testing.raw import answer, receive_until, submit, texts, ws_url
from webio_core.testing.redis import RedisServer

#: Longest the old socket may stay open after the page resumed elsewhere.
HANG_UP_TIMEOUT = 5


def echo() -> None:
    while True:
        put_text(f"echo {input('say')}")


@pytest.mark.parametrize("backend", ["tornado", "aiohttp", "fastapi"])
def test_the_old_socket_is_hung_up_when_the_page_resumes_through_another_server(
    redis_server: RedisServer, backend: str
) -> None:
    options: dict[str, Any] = {
        "backend": backend,
        "reconnect_timeout": 30,
        "registry_url": redis_server.url,
    }
    with serve(echo, **options) as owner, serve(echo, **options) as other:
        origin: Any = owner.url.rstrip("/")
        with connect(ws_url(owner.url), origin=origin) as old:
            commands = receive_until(old, "input_group")
            session_id = commands[0]["spec"]["session_id"]
            url = ws_url(other.url, session=session_id, ack=str(commands[-1]["seq"]))
            origin = other.url.rstrip("/")
            with connect(url, origin=origin) as new:
                with pytest.raises(ConnectionClosed) as closed:
                    old.recv(timeout=HANG_UP_TIMEOUT)
                assert closed.value.rcvd is not None and closed.value.rcvd.code == 1000
                form = [c for c in commands if c["command"] == "input_group"][-1]
                submit(new, form["seq"], answer(1, form["task_id"], "still here"))
                assert texts(receive_until(new, "input_group")) == ["echo still here"]
