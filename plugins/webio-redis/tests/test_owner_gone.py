"""A request carried to a session's owner that dies before it answers (a worker killed while it
handled it): the page learns that its session is gone, as it does when the owner was already
gone, rather than waiting for the forwarding to time out and being told to retry."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request

from webio_core.input import input
from webio_core.output import put_text
from webio_core.protocol.constants import QUERY_ACK, SESSION_HEADER, STATUS_SESSION_GONE
from webio_core.server.scaleout import SharedSessions
from webio_core.server.scaleout.relay import FORWARD_TIMEOUT_SECONDS
from webio_core.server.scaleout.wire import HTTP_REQUEST
from webio_core.testing import WebIOClient, serve
from webio_core.testing.redis import RedisServer


def echo() -> None:
    while True:
        put_text(f"echo {input('say')}")


def status_of_poll(url: str, session_id: str) -> int:
    headers = {SESSION_HEADER: session_id}
    request = urllib.request.Request(f"{url}?{QUERY_ACK}=0", headers=headers)
    try:
        # Longer than the forwarding may wait: the server answers, whatever it answers.
        with urllib.request.urlopen(request, timeout=FORWARD_TIMEOUT_SECONDS + 5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        with error:
            return error.code


def test_a_request_whose_owner_dies_before_answering_finds_the_session_gone(
    redis_server: RedisServer,
) -> None:
    options = {"backend": "flask", "registry_url": redis_server.url}
    with serve(echo, **options) as owner, serve(echo, **options) as other:
        registry = owner.endpoint.registry
        assert isinstance(registry, SharedSessions)

        def die(*_: object) -> None:
            # The request reached the owner, which goes away without a word: its connection
            # to Redis closes (from another thread: stopping waits for the bus loop).
            threading.Thread(target=registry.bus.stop, daemon=True).start()

        with WebIOClient(owner.url, transport="http", origin="") as page:
            page.form()
            spec = page.page.session_spec
            assert spec is not None
            session_id = spec["session_id"]
            registry.owner.handlers[HTTP_REQUEST] = die
            assert status_of_poll(other.url, session_id) == STATUS_SESSION_GONE
