"""Fuzzing every event shape over a real connection: whatever events a page sends, its own
session and another page's keep working, and an HTTP server never answers 5xx.

The frames are well formed, so that the events reach the session (the decoder alone is fuzzed
in tests/unit/protocol/test_frames_fuzz.py): events of every declared kind with data of their
declared type or of any shape, aimed at the page's real tasks and callbacks or at none, with
the next number, an old one or any value."""

from __future__ import annotations

import json
import time
import urllib.error
from functools import partial
from typing import Any, Union, get_args, get_origin

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typing_extensions import is_typeddict

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.protocol import EVENTS, ProtocolError
from webio_core.protocol.frames import binary_frame
from webio_core.protocol.validate import check, typed_dict_fields
from webio_core.testing import WebIOClient, app_variant, serve

EXAMPLES = 150

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
#: Data shaped like what the events carry, so that frames get past the first checks.
event_data = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(["data", "nope", ""]), json_values, max_size=3),
    st.fixed_dictionaries(
        {
            "event_name": st.sampled_from(["blur", "focus"]),
            "name": st.text(max_size=5),
            "value": json_values,
        }
    ),
    st.integers(-2, 5),
)


def events(ids: st.SearchStrategy[str]) -> tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]:
    """Events aimed at the page's real tasks and callbacks or at made-up ones: some with data
    built from the event's declared type (they reach the app), some of any shape; "next"
    stands for the number the server expects."""
    seqs = st.one_of(st.just("next"), st.just("next"), st.integers(-2, 10**12), json_values)
    task_ids = st.one_of(ids, ids, st.text(max_size=70))
    declared = [
        st.fixed_dictionaries(
            {
                "seq": seqs,
                "event": st.just(kind.name),
                "task_id": st.one_of(ids, ids, st.text(min_size=1, max_size=64)),
                "data": declared_data(kind.spec).filter(partial(conforms, declared=kind.spec)),
            }
        )
        for kind in EVENTS
    ]
    anything = st.fixed_dictionaries(
        {
            "seq": seqs,
            "event": st.sampled_from([*EVENTS.names(), "exec", ""]),
            "task_id": task_ids,
            "data": event_data,
        },
        optional={"extra": json_values},
    )
    return st.one_of(*declared), anything


def declared_data(declared: Any) -> st.SearchStrategy[Any]:
    """``st.from_type(declared)``, except that ``Any`` (of which hypothesis can build nothing)
    is any JSON value, e.g. the value of a ``js_result``."""
    if declared is Any:
        return json_values
    if get_origin(declared) is Union:
        return st.one_of([declared_data(option) for option in get_args(declared)])
    if is_typeddict(declared):
        hints, required = typed_dict_fields(declared)
        if Any in hints.values():
            return st.fixed_dictionaries(
                {key: declared_data(hints[key]) for key in required},
                optional={key: declared_data(hints[key]) for key in set(hints) - required},
            )
    return st.from_type(declared)


def conforms(value: Any, declared: Any) -> bool:
    """Whether ``value`` passes the protocol's check of ``declared`` (hypothesis builds values
    from the types but does not know their length and range constraints)."""
    try:
        check(value, declared)
    except ProtocolError:
        return False
    return True


def frames(ids: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Frames of declared events (one malformed event refuses its whole frame, so these carry
    several), and frames of one event of any shape."""
    declared, anything = events(ids)
    return st.fixed_dictionaries(
        {
            "ack": st.just("last"),
            # Declared events three times in four: they are the ones that get past the checks.
            "events": st.integers(0, 3).flatmap(
                lambda i: (
                    st.tuples(anything) if i == 0 else st.lists(declared, min_size=1, max_size=4)
                )
            ),
        }
    ).map(lambda frame: {**frame, "events": list(frame["events"])})


def echo():
    put_buttons(["only"], onclick=lambda value: put_text(f"clicked {value}"))
    while True:
        said = yield input("say")
        put_text(f"echo {said}")


def round_trip(user: WebIOClient, word: str) -> None:
    form = user.form()
    user.submit(word, form=form)
    user.should_see(f"echo {word}")


def test_fuzzed_frames_harm_no_session(webio_backend, session_kind):
    app = app_variant(echo, session_kind)
    with serve(app, backend=webio_backend) as server, server.client() as victim:  # noqa: SIM117
        with server.client() as bystander:
            round_trip(victim, "before")
            session = server.endpoint.session(victim.page.session_spec["session_id"])
            statuses: list[int] = []

            def current_ids() -> list[str]:
                ids = [f.task_id for f in victim.page.forms.values()]
                ids += [o["callback_id"] for o in victim.page.outputs() if o["type"] == "buttons"]
                return ids or ["t1"]

            ids = st.integers(0, 3).map(lambda i: current_ids()[i % len(current_ids())])

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(frame=frames(ids))
            def send_one(frame: Any) -> None:
                before = session.events_received
                statuses.append(send(victim, fill_in(frame, session, victim)))
                if server.transport == "websocket":
                    # Sent is not yet received: give the session a moment to take the frame in,
                    # so that the next "next" is the number it expects.
                    deadline = time.monotonic() + 0.02
                    while session.events_received == before and time.monotonic() < deadline:
                        time.sleep(0.001)

            send_one()
            assert all(status < 500 for status in statuses), sorted(set(statuses))
            # The fuzz reached the session: many events were taken in, and some refused.
            assert session.events_received > EXAMPLES // 4, session.events_received
            if server.transport == "http":
                assert {200, 400} <= set(statuses), sorted(set(statuses))
            # The page's own numbering follows what the server took of the fuzzed events.
            victim._event_seq = session.events_received
            assert not victim.page.closed, "a malformed frame closed the connection"
            round_trip(victim, "victim after")
            round_trip(bystander, "bystander after")


def fill_in(frame: dict[str, Any], session: Any, victim: WebIOClient) -> Union[str, bytes]:
    """Put real numbers where the strategy asked for them, and encode: events that declare a
    byte count get that many bytes, in a binary frame."""
    frame["ack"] = victim.page.last_seq
    expected = session.events_received + 1
    payload = b""
    for event in frame["events"]:
        if event["seq"] == "next":
            event["seq"] = expected
            expected += 1
        kind = EVENTS.get(event["event"])
        data = event["data"]
        if kind is not None and kind.payload is not None and isinstance(data, dict):
            size = data.get(kind.payload)
            if isinstance(size, int) and 0 < size <= 1 << 20:
                payload += bytes(size)
    header = json.dumps(frame)
    return binary_frame(header, payload) if payload else header


def send(user: WebIOClient, frame: Union[str, bytes]) -> int:
    """Send ``frame`` as a client frame; the HTTP status (200 for a WebSocket)."""
    try:
        user.send_raw(frame)
    except urllib.error.HTTPError as error:
        with error:
            return error.code
    return 200
