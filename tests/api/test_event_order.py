"""Client events are numbered: each is applied once, in order, however often it is sent."""

from __future__ import annotations

import json

from webio_core.input import input
from webio_core.output import put_buttons, put_text


def answers():
    while True:
        said = yield input("say")
        put_text(f"got {said}")


def submit_event(user, value):
    return {"event": "from_submit", "task_id": user.form().task_id, "data": {"data": value}}


def test_an_event_sent_twice_is_applied_once(serve_app, make_app):
    with serve_app(make_app(answers)) as server, server.client() as user:
        form = user.form()
        (event,) = user.numbered(submit_event(user, "once"))
        frame = json.dumps({"ack": user.page.last_seq, "events": [event]})
        user.send_raw(frame)
        user.send_raw(frame)  # a retry after a lost reply
        user.wait_until(lambda page: form.task_id not in page.forms, "the answered form to go")
        user.submit("next")
        user.should_see("got next")
        assert user.texts() == ["got once", "got next"]


def test_an_event_that_skips_a_number_waits_for_the_missing_one(serve_app, make_app):
    with serve_app(make_app(answers)) as server, server.client() as user:
        first, second = user.numbered(submit_event(user, "first"), submit_event(user, "second"))
        user.send_raw(json.dumps({"ack": 0, "events": [second]}))
        user.send_raw(json.dumps({"ack": 0, "events": [first, second]}))
        user.should_see("got first")
        # "second" answered the first form's task id: the form was gone when it came.
        user.submit("third")
        user.should_see("got third")
        assert user.texts() == ["got first", "got third"]


def test_the_server_acknowledges_events_and_the_client_forgets_them(serve_app, make_app):
    clicks = []

    def app():
        put_buttons(["a"], onclick=lambda value: clicks.append(value))
        yield input("keep the page")

    with serve_app(make_app(app)) as server, server.client() as user:
        user.click("a")
        user.click("a")
        user.wait_until(lambda page: len(clicks) == 2, "two clicks")
        user.wait_until(lambda page: user.event_ack == 2 and not user.unacked_events, "acks")
