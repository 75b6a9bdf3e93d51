"""Broadcasts between servers sharing one Redis (in this test process, as two registries, each
with a bus of its own, as two processes have): a message reaches the subscribers of both, in
the broker's one order, and a process hears a topic only while it has subscribers to it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
import redis

from webio_core.input import input
from webio_core.output import put_text
from webio_core.server.scaleout import SharedSessions
from webio_core.server.scaleout.wire import BROADCAST, pack, topic_channel
from webio_core.session import broadcast, subscribe
from webio_core.testing import RunningApp, WebIOClient, eventually, serve
from webio_core.testing.redis import RedisServer

TIMEOUT = 10


def chat() -> None:
    name = input("name")
    subscribe("room", lambda message: put_text(f"{name} got {message}"))
    while True:
        said = input("say")
        broadcast("room", f"{name}: {said}")


def announce() -> None:
    """Broadcasts without subscribing."""
    while True:
        broadcast("room", f"announced {input('announce')}")


APPS = {"chat": chat, "announce": announce}


@contextmanager
def two_servers(redis_server: RedisServer, backend: str) -> Iterator[tuple[RunningApp, ...]]:
    with ExitStack() as stack:
        yield tuple(
            stack.enter_context(serve(APPS, backend=backend, registry_url=redis_server.url))
            for _ in range(2)
        )


def say(page: WebIOClient, text: str) -> None:
    """Submit the newest input, and wait for the app's next one."""
    answered = page.form().task_id
    page.submit(text)

    def next_input(model: Any) -> bool:
        return bool(model.forms) and list(model.forms.values())[-1].task_id != answered

    page.wait_until(next_input, "the next input", TIMEOUT)


def join(server: RunningApp, name: str, transport: str) -> WebIOClient:
    # No Origin header: the page is the site's, behind one load balancer, in real life.
    page = WebIOClient(server.url, app="chat", transport=transport, origin="").connect()
    say(page, name)  # then it subscribed
    return page


def said(page: WebIOClient) -> list[str]:
    return [text.split(" got ", 1)[1] for text in page.texts() if " got " in text]


@pytest.mark.parametrize(("backend", "transport"), [("tornado", "websocket"), ("flask", "http")])
def test_a_message_reaches_the_subscribers_of_every_server_in_one_order(
    redis_server: RedisServer, backend: str, transport: str
) -> None:
    with two_servers(redis_server, backend) as (first, second):
        ann, cid = join(first, "ann", transport), join(first, "cid", transport)
        bob = join(second, "bob", transport)
        pages = (ann, bob, cid)
        try:
            say(ann, "hello")
            for page in pages:
                page.should_see("got ann: hello", timeout=TIMEOUT)
            # Two senders on two servers at once: every page gets the broker's one order.
            for turn in range(3):
                say(ann, f"a{turn}")
                say(bob, f"b{turn}")
            for page in pages:
                page.wait_until(lambda p: len([t for t in p.texts() if " got " in t]) == 7, "all")
            assert said(ann) == said(bob) == said(cid)
            expected = [f"ann: a{turn}" for turn in range(3)] + [
                f"bob: b{turn}" for turn in range(3)
            ]
            assert sorted(said(ann)[1:]) == expected

            with WebIOClient(second.url, app="announce", transport=transport, origin="") as herald:
                say(herald, "news")  # a session that does not subscribe
                for page in pages:
                    page.should_see("got announced news", timeout=TIMEOUT)
        finally:
            for page in pages:
                page.close()


def test_a_broadcast_from_outside_any_session_reaches_each_subscriber_once(
    redis_server: RedisServer,
) -> None:
    with two_servers(redis_server, "tornado") as (first, second):
        ann, bob = join(first, "ann", "websocket"), join(second, "bob", "websocket")
        try:
            # From this test's thread: through both servers of this process, which both reach
            # both; each delivers it once.
            broadcast("room", "from a thread")
            say(ann, "after")
            for page in (ann, bob):
                page.should_see("got ann: after", timeout=TIMEOUT)
                assert said(page).count("from a thread") == 1
        finally:
            ann.close()
            bob.close()


def test_a_process_that_gets_a_message_twice_delivers_it_once(redis_server: RedisServer) -> None:
    with serve(APPS, registry_url=redis_server.url) as server:
        page = join(server, "ann", "websocket")
        try:
            registry = server.endpoint.registry
            assert isinstance(registry, SharedSessions)
            client = redis.Redis.from_url(redis_server.url)
            message = pack(BROADCAST, b'"twice"', topic="room", id="same-id")
            for _ in range(2):
                assert client.publish(topic_channel("room"), message) == 1
            end = pack(BROADCAST, b'"end"', topic="room", id="another-id")
            assert client.publish(topic_channel("room"), end) == 1
            client.close()
            page.should_see("ann got end", timeout=TIMEOUT)
            assert said(page) == ["twice", "end"]
        finally:
            page.close()


def listeners(redis_server: RedisServer, topic: str) -> int:
    client = redis.Redis.from_url(redis_server.url)
    try:
        return int(dict(client.pubsub_numsub(topic_channel(topic)))[topic_channel(topic).encode()])
    finally:
        client.close()


def test_a_server_hears_a_topic_while_it_has_subscribers(redis_server: RedisServer) -> None:
    with two_servers(redis_server, "tornado") as (first, second):
        assert listeners(redis_server, "room") == 0
        ann = join(first, "ann", "websocket")
        cid = join(first, "cid", "websocket")
        bob = join(second, "bob", "websocket")
        assert listeners(redis_server, "room") == 2  # one per server, not per session
        bob.close()
        eventually(lambda: listeners(redis_server, "room") == 1, "the second to stop", TIMEOUT)
        ann.close()
        assert listeners(redis_server, "room") == 1
        say(cid, "still here")
        cid.should_see("cid got cid: still here", timeout=TIMEOUT)
        cid.close()
        eventually(lambda: listeners(redis_server, "room") == 0, "the first to stop", TIMEOUT)


def test_a_lost_broadcast_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with RedisServer(tmp_path) as own_redis, serve(APPS, registry_url=own_redis.url):
        own_redis.stop()
        with caplog.at_level(logging.ERROR, logger="webio_core.server.scaleout"):
            broadcast("room", "into the void")

            def logged() -> bool:
                return any(
                    "a broadcast on 'room' was lost" in r.getMessage() for r in caplog.records
                )

            eventually(logged, "the loss to be logged", TIMEOUT)
