"""``subscribe`` and ``broadcast``: messages for every session that subscribed to a topic, run in
each subscriber's own session, for both session kinds (across processes: webio-redis's tests)."""

from __future__ import annotations

import asyncio
import gc
import math
import weakref
from typing import Any

import pytest

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.session import (
    SessionNotFoundException,
    Subscription,
    broadcast,
    defer_call,
    get_current_session,
    local,
    subscribe,
)
from webio_core.session.broadcast import MAX_MESSAGE_BYTES, MAX_TOPIC_LENGTH
from webio_core.testing import eventually, loopback, only_session, task_finished


def chat():
    name = yield input("name")
    local.name = name  # the callback sees its own session's local
    subscribe(
        "room", lambda message: put_text(f"{local.name} got {message['from']}: {message['text']}")
    )
    broadcast("room", {"from": name, "text": "joined"})
    defer_call(lambda: broadcast("room", {"from": name, "text": "left"}))
    while True:
        said = yield input("say")
        broadcast("room", {"from": name, "text": said})


def test_every_subscriber_gets_each_message_in_its_own_session(serve_app, make_app):
    with serve_app(make_app(chat)) as server, server.client() as ann, server.client() as bob:
        ann.submit("ann")
        ann.should_see("ann got ann: joined")  # the sender's own session hears it too
        bob.submit("bob")
        ann.should_see("ann got bob: joined")
        bob.should_see("bob got bob: joined")
        ann.submit("hello")
        bob.submit("hi")
        for page, name in ((ann, "ann"), (bob, "bob")):
            page.should_see(f"{name} got bob: hi")
            page.should_see(f"{name} got ann: hello")
        bob.should_not_see("bob got ann: joined")  # it was said before bob subscribed
        # Two senders at once: each page gets both, in either order (one broker orders them
        # for every page alike; in one process each sender's own messages keep their order).
        texts = ann.texts()
        assert texts[:2] == ["ann got ann: joined", "ann got bob: joined"]
        assert sorted(texts[2:]) == ["ann got ann: hello", "ann got bob: hi"]


def test_messages_arrive_in_the_order_they_were_broadcast(serve_app, make_app):
    def listener():
        subscribe("count", lambda n: put_text(f"n{n}"))
        yield input("listening")

    with serve_app(make_app(listener)) as server, server.client() as page:
        page.form()
        for n in range(20):
            broadcast("count", n)  # from outside any session: this test's thread
        page.wait_until(lambda p: len(p.texts()) == 20, "twenty messages")
        assert page.texts() == [f"n{n}" for n in range(20)]


def test_a_closed_session_is_unsubscribed_and_its_deferred_broadcast_reaches_the_others(
    serve_app, make_app
):
    with serve_app(make_app(chat)) as server:
        topics = server.endpoint.registry.topics
        with server.client() as bob:
            with server.client() as ann:
                ann.submit("ann")
                ann.should_see("ann got ann: joined")
                bob.submit("bob")
                bob.should_see("bob got bob: joined")
            bob.should_see("bob got ann: left")
            bob.submit("anyone?")
            bob.should_see("bob got bob: anyone?")
            assert topics.subscribed("room")
        eventually(lambda: not topics.subscribed("room"), "the last subscription to end")


def test_a_closed_session_is_freed(serve_app, make_app):
    def app():
        subscribe("room", put_text)
        yield input("wait")

    def visit(server: Any) -> weakref.ref[Any]:
        with server.client() as page:
            page.form()
            return weakref.ref(only_session(server))

    with serve_app(make_app(app)) as server:
        session = visit(server)
        eventually(lambda: not server.sessions, "the session to close")

        def freed() -> bool:
            gc.collect()
            return session() is None

        eventually(freed, "nothing to hold the closed session")


def test_a_subscription_keeps_a_finished_app_open_until_it_ends(serve_app, make_app):
    subscriptions: list[Subscription] = []

    def feed():
        def show(message):
            put_text(message)
            if message == "last":
                subscriptions[0].unsubscribe()

        subscriptions.append(subscribe("feed", show))
        put_text("subscribed")

    with serve_app(make_app(feed)) as server, server.client() as page:
        page.should_see("subscribed")
        session = only_session(server)
        eventually(lambda: task_finished(session), "the app function to return")
        assert subscriptions[0].active and not session.closed
        broadcast("feed", "news")
        page.should_see("news")
        broadcast("feed", "last")
        page.should_see("last")
        page.wait_closed(timeout=5)
        assert not subscriptions[0].active
        assert "active" not in repr(subscriptions[0])


def test_unsubscribe_stops_the_messages_and_may_be_called_twice(serve_app, make_app):
    def app():
        show = lambda message: put_text(f"got {message}")  # noqa: E731
        subscription = subscribe("news", show)
        subscribe("marker", show)
        yield input("first")
        subscription.unsubscribe()
        subscription.unsubscribe()
        put_text(f"active: {subscription.active}")
        yield input("second")

    with serve_app(make_app(app)) as server, server.client() as page:
        page.form()
        broadcast("news", "one")
        page.should_see("got one")
        page.submit("go")
        page.should_see("active: False")
        broadcast("news", "two")
        broadcast("marker", "after two")  # a session runs its messages in order
        page.should_see("got after two")
        assert page.texts() == ["got one", "active: False", "got after two"]
        assert not server.endpoint.registry.topics.subscribed("news")


def test_a_callback_of_a_subscriber_may_broadcast_to_itself(serve_app, make_app):
    def app():
        subscribe("room", lambda message: put_text(f"got {message}"))
        put_buttons(["wave"], onclick=lambda _: broadcast("room", "a wave"))
        yield input("wait")

    with serve_app(make_app(app)) as server, server.client() as page:
        page.form()
        page.click("wave")
        page.should_see("got a wave")


def test_the_callback_runs_in_the_subscriber_session(serve_app, make_app):
    seen: list[Any] = []

    def app():
        me = get_current_session()
        subscribe("who", lambda _: seen.append(get_current_session() is me))
        yield input("wait")

    with serve_app(make_app(app)) as server, server.client() as one, server.client() as two:
        one.form()
        two.form()
        broadcast("who", None)
        eventually(lambda: len(seen) == 2, "both callbacks")
        assert seen == [True, True]


def test_an_async_callback_runs_as_a_task_of_a_coroutine_session():
    async def app():
        async def show(message):
            await asyncio.sleep(0)
            put_text(f"async {message}")

        subscribe("a", show)
        await input("wait")

    with loopback(app) as server, server.client() as page:
        page.form()
        broadcast("a", [1, 2])
        page.should_see("async [1, 2]")


def test_the_page_cannot_call_a_subscription(serve_app, make_app, caplog):
    subscriptions: list[Subscription] = []

    def app():
        subscriptions.append(subscribe("real", lambda message: put_text(f"got {message}")))
        yield input("wait")

    with serve_app(make_app(app)) as server, server.client() as page:
        page.form()
        callback_id = subscriptions[0]._callback_id
        page.send_event("callback", callback_id, 0)  # what a click may carry
        page.send_event("callback", callback_id, None)
        broadcast("real", "genuine")
        page.should_see("got genuine")
        assert page.texts() == ["got genuine"]
    dropped = [r for r in caplog.records if "a subscription takes no events" in r.getMessage()]
    assert len(dropped) == 2 and not [r for r in caplog.records if r.levelname == "ERROR"]


def test_messages_travel_as_json_a_copy_for_each_subscriber(serve_app, make_app):
    got: list[Any] = []

    def app():
        subscribe("data", got.append)
        yield input("wait")

    with serve_app(make_app(app)) as server, server.client() as one, server.client() as two:
        one.form()
        two.form()
        message = {"tuple": (1, 2), 3: "int key", "text": "é", "nested": [{"ok": True}]}
        broadcast("data", message)
        eventually(lambda: len(got) == 2, "both copies")
        expected = {"tuple": [1, 2], "3": "int key", "text": "é", "nested": [{"ok": True}]}
        assert got == [expected, expected] and got[0] is not got[1]


@pytest.mark.parametrize(
    ("message", "error", "says"),
    [
        (object(), TypeError, "JSON-serialisable"),
        ({1, 2}, TypeError, "JSON-serialisable"),
        ({"x": math.nan}, ValueError, "JSON-serialisable"),
        ("x" * (MAX_MESSAGE_BYTES + 1), ValueError, "MAX_MESSAGE_BYTES"),
    ],
)
def test_a_message_that_cannot_travel_is_a_clear_error(message, error, says):
    with pytest.raises(error, match=says) as raised:
        broadcast("room", message)
    assert "broadcast('room', ...)" in str(raised.value)


def test_a_cyclic_message_is_a_clear_error():
    cycle: list[Any] = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="JSON-serialisable"):
        broadcast("room", cycle)


@pytest.mark.parametrize(
    ("topic", "error", "says"),
    [
        (None, TypeError, "must be a str, not NoneType"),
        ("", ValueError, "1 to 256 characters, not 0"),
        ("t" * (MAX_TOPIC_LENGTH + 1), ValueError, "1 to 256 characters"),
    ],
)
def test_a_bad_topic_is_a_clear_error(topic, error, says):
    with pytest.raises(error, match=says):
        broadcast(topic, "x")


def test_subscribe_checks_its_arguments_in_the_session(serve_app, make_app):
    async def coroutine_callback(message):
        pass

    def app():
        for topic, callback in (("t", "not callable"), (7, print), ("t", coroutine_callback)):
            try:
                subscribe(topic, callback)
            except TypeError as exc:
                put_text(str(exc))
        yield input("wait")

    with serve_app(make_app(app)) as server, server.client() as page:
        page.form()
        texts = page.texts()
        assert texts[0] == "subscribe() needs a callback function, not str"
        assert texts[1] == "subscribe(): the topic must be a str, not int"
        is_coroutine = only_session(server).is_coroutine
        assert len(texts) == (2 if is_coroutine else 3)
        if not is_coroutine:
            assert "async def callback needs a coroutine-based session" in texts[2]


def test_subscribe_outside_a_session_is_an_error():
    # While a server exists, a call outside any session starts no script.
    with loopback(lambda: None), pytest.raises(SessionNotFoundException):
        subscribe("room", print)
