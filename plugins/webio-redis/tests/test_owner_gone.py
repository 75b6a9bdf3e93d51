"""A session's owner that dies (a killed worker), seen from the other processes: a request
carried to it that it had no time to answer is told to retry once the owner's channel has no
listener (the next liveness tick), not held until the forwarding times out; a request for a
session no process listens for is told to retry at once. Once the grace for an owner that is
only reconnecting to the broker has passed, the page learns that its session is gone."""

from __future__ import annotations

import functools
import threading
import urllib.error
import urllib.request
from typing import Any

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.protocol.constants import QUERY_ACK, SESSION_HEADER, STATUS_SESSION_GONE
from webio_core.server.scaleout import SharedSessions, relay
from webio_core.server.scaleout.wire import HTTP_REQUEST, session_channel
from webio_core.testing import WebIOClient, eventually, serve
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
            session_id = spec["session_id"]
            assert status_of_poll(other.url, session_id) == STATUS_RETRY

            # As the browser does, the page tries again, and learns that its session is gone
            # once the grace for an owner reconnecting to the broker has passed.
            monkeypatch.setattr(relay, "OWNER_GRACE_SECONDS", 0.5)
            poll = functools.partial(status_of_poll, other.url, session_id)
            eventually(lambda: poll() == STATUS_SESSION_GONE, "the session to be gone", timeout=10)


def test_a_request_for_a_session_no_process_listens_for_is_told_to_retry_at_once(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its owner may be reconnecting to the broker, or dead (a killed worker): the request is
    told to retry until the grace for a reconnecting owner has passed, then that its session is
    gone. It is not held meanwhile: a sync worker (gunicorn's default) serves nothing else while
    it holds a request."""
    monkeypatch.setattr(relay, "OWNER_GRACE_SECONDS", LONG_FORWARD_TIMEOUT)
    options = {"backend": "flask", "registry_url": redis_server.url}
    with serve(echo, **options) as owner, serve(echo, **options) as other:
        registry = owner.endpoint.registry
        assert isinstance(registry, SharedSessions)
        with WebIOClient(owner.url, transport="http", origin="") as page:
            page.form()
            spec = page.page.session_spec
            assert spec is not None
            registry.bus.stop()  # the owner no longer listens (its page polls it directly)
            assert status_of_poll(other.url, spec["session_id"]) == STATUS_RETRY

            monkeypatch.setattr(relay, "OWNER_GRACE_SECONDS", 0.5)
            poll = functools.partial(status_of_poll, other.url, spec["session_id"])
            eventually(lambda: poll() == STATUS_SESSION_GONE, "the grace to pass", timeout=10)


def test_an_answer_sent_as_the_owner_stops_listening_still_arrives(
    redis_server: RedisServer,
) -> None:
    """An owner ends a session (its page said goodbye) while answering the request that ended
    it: it stops listening before its answer arrives, and the liveness tick of the page's
    process may see that in between. The answer still wins."""
    options = {"backend": "flask", "registry_url": redis_server.url}
    with serve(echo, **options) as owner, serve(echo, **options) as other:
        registry, elsewhere = owner.endpoint.registry, other.endpoint.registry
        assert isinstance(registry, SharedSessions) and isinstance(elsewhere, SharedSessions)
        pending = elsewhere.pending
        found_gone = threading.Event()
        owner_gone = pending.owner_gone

        def seen_gone(session_id: str) -> None:
            owner_gone(session_id)
            found_gone.set()

        pending.owner_gone = seen_gone  # type: ignore[method-assign]
        answer_request = registry.owner.handlers[HTTP_REQUEST]

        def answer_late(session_id: str, header: dict[str, Any], body: bytes) -> None:
            registry.bus.unsubscribe(session_channel(session_id))

            def answer() -> None:
                assert found_gone.wait(CLIENT_TIMEOUT), "the tick did not find the owner gone"
                answer_request(session_id, header, body)

            threading.Thread(target=answer, daemon=True).start()

        with WebIOClient(owner.url, transport="http", origin="") as page:
            page.form()
            spec = page.page.session_spec
            assert spec is not None
            registry.owner.handlers[HTTP_REQUEST] = answer_late
            assert status_of_poll(other.url, spec["session_id"]) == 200
            assert found_gone.is_set()
