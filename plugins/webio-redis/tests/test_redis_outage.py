"""Redis restarting under running servers: pages served by their own process do not notice,
pages relayed through another process are told to reconnect and resume, forwarded requests
fail with a status the page retries on, and nothing hangs."""

from __future__ import annotations

from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from webio_core.input import input
from webio_core.output import put_text
from webio_core.protocol.constants import SESSION_HEADER
from webio_core.server.scaleout.relay import CLOSE_RECONNECT
from webio_core.testing import WebIOClient, eventually, http_request, serve
from webio_core.testing.raw import RAW_TIMEOUT, answer, receive_until, submit, texts, ws_url
from webio_core.testing.redis import RedisServer


def echo() -> None:
    while True:
        said = input("say")
        put_text(f"echo {said}")


def test_relayed_sockets_reconnect_and_resume_after_a_redis_restart(
    redis_server: RedisServer,
) -> None:
    options = {"backend": "tornado", "reconnect_timeout": 30, "registry_url": redis_server.url}
    with serve(echo, **options) as owner, serve(echo, **options) as other:
        owner_origin: Any = owner.url.rstrip("/")
        other_origin: Any = other.url.rstrip("/")
        direct = connect(ws_url(owner.url), origin=owner_origin)
        with direct:
            first = receive_until(direct, "input_group")
            with connect(ws_url(owner.url), origin=owner_origin) as socket:
                commands = receive_until(socket, "input_group")
            session_id = commands[0]["spec"]["session_id"]
            relayed = connect(ws_url(other.url, session=session_id, ack="1"), origin=other_origin)
            with relayed:
                form = receive_until(relayed, "input_group")[-1]
                redis_server.restart()
                try:
                    while True:  # the relay hangs up: messages may have been lost
                        relayed.recv(timeout=RAW_TIMEOUT)
                except ConnectionClosed as closed:
                    assert closed.rcvd is not None and closed.rcvd.code == CLOSE_RECONNECT

            # The page served by its owner never noticed.
            submit(direct, first[-1]["seq"], answer(1, first[-1]["task_id"], "direct"))
            assert texts(receive_until(direct, "input_group")) == ["echo direct"]

        def resumed() -> list[dict[str, Any]]:
            url = ws_url(other.url, session=session_id, ack=str(form["seq"]))
            with connect(url, origin=other_origin) as socket:
                submit(socket, form["seq"], answer(1, form["task_id"], "after the restart"))
                try:
                    return receive_until(socket, "input_group")
                except ConnectionClosed:
                    return []  # the bus was not back yet: the page tries again

        after = eventually(resumed, "the relayed session to resume", timeout=15)
        assert texts(after) == ["echo after the restart"]


def test_forwarded_requests_fail_visibly_during_an_outage_and_work_after(
    redis_server: RedisServer,
) -> None:
    options = {"backend": "flask", "registry_url": redis_server.url}
    with serve(echo, **options) as owner, serve(echo, **options) as other:
        page = WebIOClient(owner.url, transport="http", origin="")
        with page:
            page.submit("before")
            page.should_see("echo before")
            redis_server.stop()
            # A poll landing on the other server meanwhile is told to retry, not that the
            # session is gone.
            session_id = page.page.session_spec["session_id"]
            status, _, body = http_request(
                other.url, query={"app": "index", "ack": "0"}, headers={SESSION_HEADER: session_id}
            )
            assert (status, b"retry" in body) == (503, True)
            redis_server.start()

            def poll_through_other() -> int:
                return http_request(
                    other.url,
                    query={"app": "index", "ack": "0"},
                    headers={SESSION_HEADER: session_id},
                )[0]

            eventually(lambda: poll_through_other() == 200, "forwarding to work again", 15)
            page.url = other.url
            page.submit("after")
            page.should_see("echo after")
            assert page.texts().count("echo after") == 1
