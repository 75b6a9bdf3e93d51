"""A request carried to a session's owner that dies before it answers (a worker killed while it
handled it): the request is answered "retry" once the owner's channel has no listener (the next
liveness tick), not held until the forwarding times out; the retry finds the session gone."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.protocol.constants import QUERY_ACK, SESSION_HEADER, STATUS_SESSION_GONE
from webio_core.server.scaleout import SharedSessions, relay
from webio_core.server.scaleout.wire import HTTP_REQUEST
from webio_core.testing import WebIOClient, serve
from webio_core.testing.redis import RedisServer

#: The forwarding's timeout in this test: far longer than the client waits, so that a request
#: held until it cannot pass for one answered when the owner went away.
LONG_FORWARD_TIMEOUT = 120.0
CLIENT_TIMEOUT = 30.0
#: What a request for a session whose owner did not answer gets: try again.
STATUS_RETRY = 503


def echo() -> None:
    while True:
        put_text(f"echo {input('say')}")


def status_of_poll(url: str, session_id: str) -> int:
    headers = {SESSION_HEADER: session_id}
    request = urllib.request.Request(f"{url}?{QUERY_ACK}=0", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=CLIENT_TIMEOUT) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        with error:
            return error.code


def test_a_request_whose_owner_dies_before_answering_is_told_to_retry(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(relay, "FORWARD_TIMEOUT_SECONDS", LONG_FORWARD_TIMEOUT)
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
            registry.owner.handlers[HTTP_REQUEST] = die
            assert status_of_poll(other.url, spec["session_id"]) == STATUS_RETRY
            # As the browser does: the retry learns that the session is gone.
            assert status_of_poll(other.url, spec["session_id"]) == STATUS_SESSION_GONE
