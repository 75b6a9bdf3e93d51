"""Hostile or broken client frames are dropped without harming their session or any other.

Every test opens two pages of the same server: the *victim* sends the bad frame, the
*bystander* is another user. Afterwards both must still complete an input round trip.
"""

from __future__ import annotations

import json
import urllib.error
from dataclasses import dataclass
from typing import Callable, Optional

import pytest

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.testing import (
    WebIOClient,
    app_variant,
    eventually,
    http_request,
    serve,
)

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")

SESSION_KINDS = ["thread", "coroutine"]


def echo():
    """Echo every answer, forever; a button whose clicks are echoed too."""
    put_buttons(["only"], onclick=lambda value: put_text(f"clicked {value}"))
    while True:
        said = yield input("say")
        put_text(f"echo {said}")


def round_trip(user: WebIOClient, word: str) -> None:
    form = user.form()
    user.submit(word, form=form)
    user.should_see(f"echo {word}")
    # The next form replaces the answered one.
    user.wait_until(lambda page: form.task_id not in page.forms, "the answered form to go")


def send(user: WebIOClient, text: str) -> Optional[int]:
    """Send ``text`` as a client frame; the HTTP status for HTTP transports, None otherwise."""
    try:
        user.send_raw(text)
    except urllib.error.HTTPError as error:
        with error:
            return error.code
    return None if user.transport == "websocket" else 200


def frame(user: WebIOClient, *events: dict, ack: Optional[int] = None, refused: bool) -> str:
    """A frame of ``events``, numbered as the client's next events. A frame the server refuses
    as a whole leaves those numbers to the client's next events; an accepted one uses them."""
    numbered = user.numbered(*events, consume=not refused)
    return json.dumps({"ack": user.page.last_seq if ack is None else ack, "events": numbered})


def refused(user: WebIOClient, *events: dict, ack: Optional[int] = None) -> str:
    return frame(user, *events, ack=ack, refused=True)


def accepted(user: WebIOClient, *events: dict) -> str:
    return frame(user, *events, refused=False)


def submit_event(task_id: str, data) -> dict:
    return {"event": "from_submit", "task_id": task_id, "data": data}


def callback_id(user: WebIOClient) -> str:
    return user.wait_until(
        lambda page: next(
            (s["callback_id"] for s in page.outputs() if s["type"] == "buttons"), None
        ),
        "the button",
    )


@dataclass
class BadFrame:
    id: str
    build: Callable[[WebIOClient], str]
    #: What an HTTP transport answers: 400 for a frame refused as a whole, 200 when only an event
    #: inside a valid frame was dropped.
    http_status: int
    #: Whether the bad event reaches a pending input (then thread and coroutine sessions, whose
    #: inputs wait differently, are both tested); others are dropped before any app code.
    reaches_input: bool = False


BAD_FRAMES = [
    BadFrame("not-json", lambda u: "{this is not json", 400),
    BadFrame("empty", lambda u: "", 400),
    BadFrame("json-array", lambda u: "[1, 2, 3]", 400),
    BadFrame("json-string", lambda u: '"hello"', 400),
    BadFrame("ack-not-int", lambda u: '{"ack": "0", "events": []}', 400),
    BadFrame("ack-negative", lambda u: '{"ack": -1, "events": []}', 400),
    BadFrame("events-not-list", lambda u: '{"ack": 0, "events": {"event": "callback"}}', 400),
    BadFrame("unknown-frame-field", lambda u: '{"ack": 0, "events": [], "admin": true}', 400),
    BadFrame(
        "deeply-nested", lambda u: '{"ack": 0, "events": ' + "[" * 5000 + "]" * 5000 + "}", 400
    ),
    BadFrame("nan", lambda u: '{"ack": NaN, "events": []}', 400),
    BadFrame(
        "event-without-seq",
        lambda u: json.dumps(
            {"ack": 0, "events": [submit_event(u.form().task_id, {"data": "hijack"})]}
        ),
        400,
    ),
    BadFrame(
        "event-skipping-seq-numbers",
        # A valid frame, so HTTP answers 200; the event is dropped and takes no number.
        lambda u: json.dumps(
            {
                "ack": u.page.last_seq,
                "events": [{"seq": 10**6, **submit_event(u.form().task_id, {"data": "hijack"})}],
            }
        ),
        200,
    ),
    BadFrame(
        "event-missing-fields",
        lambda u: json.dumps({"ack": 0, "events": [{"event": "from_submit"}]}),
        400,
    ),
    BadFrame(
        "unknown-event",
        lambda u: refused(u, {"event": "exec", "task_id": u.form().task_id, "data": "hijack"}),
        400,
    ),
    BadFrame(
        "task-id-too-long",
        lambda u: refused(u, submit_event("f" * 65, {"data": "hijack"})),
        400,
    ),
    BadFrame(
        "value-of-wrong-type",
        lambda u: refused(u, submit_event(u.form().task_id, {"data": ["hijack"]})),
        400,
    ),
    BadFrame(
        "too-many-events",
        lambda u: refused(u, *[submit_event(u.form().task_id, {"data": "hijack"})] * 65),
        400,
    ),
    BadFrame(
        "ack-beyond-last-seq",
        # Nothing of a frame with an impossible ack is applied, not even its valid events.
        lambda u: refused(u, submit_event(u.form().task_id, {"data": "hijack"}), ack=10**6),
        400,
    ),
    BadFrame(
        "form-that-does-not-exist",
        lambda u: accepted(u, submit_event("f999", {"data": "hijack"})),
        200,
    ),
    BadFrame(
        "callback-that-does-not-exist",
        lambda u: accepted(u, {"event": "callback", "task_id": "c999", "data": 0}),
        200,
    ),
    BadFrame(
        "callback-index-out-of-range",
        lambda u: accepted(u, {"event": "callback", "task_id": callback_id(u), "data": 99}),
        200,
    ),
    BadFrame(
        "callback-index-negative",
        lambda u: refused(u, {"event": "callback", "task_id": callback_id(u), "data": -1}),
        400,
    ),
    BadFrame(
        "form-id-used-as-callback",
        lambda u: accepted(u, {"event": "callback", "task_id": u.form().task_id, "data": 0}),
        200,
    ),
    BadFrame(
        "unknown-field-of-real-form",
        lambda u: accepted(u, submit_event(u.form().task_id, {"nope": "hijack"})),
        200,
        reaches_input=True,
    ),
    BadFrame(
        "cancel-of-non-cancelable-form",
        lambda u: accepted(u, submit_event(u.form().task_id, None)),
        200,
        reaches_input=True,
    ),
    BadFrame(
        "blur-of-unknown-field",
        lambda u: accepted(
            u,
            {
                "event": "input_event",
                "task_id": u.form().task_id,
                "data": {"event_name": "blur", "name": "nope", "value": "x"},
            },
        ),
        200,
        reaches_input=True,
    ),
]


@pytest.fixture(scope="module", params=SESSION_KINDS)
def session_kind_of_module(request):
    return request.param


@pytest.fixture(scope="module")
def echo_server(webio_backend, session_kind_of_module):
    """One echo server per backend and session kind, shared by the tests of this module (each
    test opens and closes its own pages, so each has sessions of its own)."""
    app = app_variant(echo, session_kind_of_module)
    with serve(app, backend=webio_backend) as server:
        yield server


def _kinds(kinds):
    return pytest.mark.parametrize("session_kind_of_module", kinds, indirect=True, scope="module")


def _cases(reaching_input):
    cases = [b for b in BAD_FRAMES if b.reaches_input == reaching_input]
    return pytest.mark.parametrize("bad", cases, ids=[b.id for b in cases])


@_kinds(["thread"])
@_cases(reaching_input=False)
def test_bad_frame_is_dropped(echo_server, bad):
    check_dropped(echo_server, bad)


@_kinds(SESSION_KINDS)
@_cases(reaching_input=True)
def test_bad_form_event_is_dropped(echo_server, bad):
    check_dropped(echo_server, bad)


def check_dropped(server, bad):
    with server.client() as victim, server.client() as bystander:
        round_trip(victim, "before")
        status = send(victim, bad.build(victim))
        if server.transport == "http":
            assert status == bad.http_status
        round_trip(victim, "victim-after")
        round_trip(bystander, "bystander-after")
        victim.should_not_see("hijack")
        assert not victim.page.toasts, "a bad frame is not an application error"
        victim.click("only")
        victim.should_see("clicked only")
        assert not victim.page.closed and not bystander.page.closed
        assert len(server.app.sessions) == 2
    # Pages closed: their sessions end, the shared server stays for the next test.
    eventually(lambda: server.app.sessions == [], "the sessions to close")


def test_disabled_button_cannot_be_clicked(webio_host, make_app):
    def scenario():
        put_buttons(
            [{"label": "on", "value": 1}, {"label": "off", "value": 2, "disabled": True}],
            onclick=lambda value: put_text(f"clicked {value}"),
        )
        yield input("wait")

    with webio_host(make_app(scenario)) as server, server.client() as user:
        cid = callback_id(user)
        send(user, accepted(user, {"event": "callback", "task_id": cid, "data": 1}))
        user.click("on")
        user.should_see("clicked 1")
        user.should_not_see("clicked 2")


OVERSIZED = "1K"


@pytest.fixture(scope="module")
def small_server(webio_backend):
    """A server per backend with a small max_payload_size. The limit applies to frames before
    any session sees them, so the kind of session does not matter: thread sessions here."""
    app = app_variant(echo, "thread")
    with serve(app, backend=webio_backend, max_payload_size=OVERSIZED) as server:
        yield server


def test_oversized_frame(small_server):
    server = small_server
    with server.client() as victim, server.client() as bystander:
        task_id = victim.form().task_id
        big = refused(victim, submit_event(task_id, {"data": "hijack" + "x" * 2048}))
        assert len(big) > 1024
        status = send(victim, big)
        if server.transport == "http":
            assert status == 413
        round_trip(victim, "victim-after")
        round_trip(bystander, "bystander-after")
        victim.should_not_see("hijack")
        # A frame just under the limit is fine.
        fits = accepted(victim, submit_event(victim.form().task_id, {"data": "y" * 900}))
        assert len(fits) < 1024
        assert send(victim, fits) in (None, 200)
        victim.should_see("echo " + "y" * 900)


def test_huge_frame_harms_no_other_session(small_server):
    server = small_server
    with server.client() as victim, server.client() as bystander:
        task_id = victim.form().task_id
        status = send(victim, refused(victim, submit_event(task_id, {"data": "z" * 500_000})))
        if server.transport == "http":
            assert status == 413
            round_trip(victim, "victim-after")
        # A WebSocket server may close a socket whose message exceeds its limit; that page's
        # session may end, but nothing else may.
        round_trip(bystander, "bystander-after")
        victim.should_not_see("z" * 100)


@pytest.mark.webio_transport("http")
def test_large_body_on_new_session_request_refused(webio_backend):
    app = app_variant(echo, "thread")
    with serve(app, backend=webio_backend, max_payload_size=OVERSIZED) as server:
        before = len(server.app.sessions)
        status, _, _ = http_request(
            server.url,
            method="POST",
            headers={"webio-session-id": "new", "Content-Type": "application/json"},
            body=b"x" * 4096,
        )
        assert status == 413
        assert len(server.app.sessions) == before


def test_max_payload_size_counts_bytes_not_characters(small_server):
    server = small_server
    with server.client() as victim, server.client() as bystander:
        task_id = victim.form().task_id
        text = "é" * 600  # fewer than 1,024 characters, more than 1,024 bytes of UTF-8
        big = json.dumps(
            {
                "ack": victim.page.last_seq,
                "events": victim.numbered(submit_event(task_id, {"data": text}), consume=False),
            },
            ensure_ascii=False,
        )
        assert len(big) < 1024 < len(big.encode())
        status = send(victim, big)
        if server.transport == "http":
            assert status == 413
        victim.should_not_see(text)
        round_trip(victim, "victim-after")
        round_trip(bystander, "bystander-after")
