"""Fuzzing the frame decoder: whatever a client sends, decoding gives a frame or a
ProtocolError (which the transports log and drop), and never any other exception."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from webio_core.protocol import EVENTS, ClientFrame, ProtocolError, decode_client_frame

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
event_like = st.dictionaries(
    st.sampled_from(["seq", "event", "task_id", "data", "extra"]),
    st.one_of(json_values, st.sampled_from(EVENTS.names())),
)
frame_like = st.dictionaries(
    st.sampled_from(["ack", "events", "close", "extra"]),
    st.one_of(json_values, st.lists(event_like, max_size=3) | st.just([{}] * 65)),
)
raw = st.one_of(
    st.text(),
    st.binary(),
    json_values.map(lambda v: json.dumps(v, allow_nan=True)),
    frame_like.map(json.dumps),
    st.sampled_from([10, 990, 1100, 5000, 100_000]).map(lambda n: "[" * n + "]" * n),
)


@settings(max_examples=1000, deadline=None, database=None, derandomize=True)
@given(raw)
def test_decoding_gives_a_frame_or_a_protocol_error(text):
    try:
        frame = decode_client_frame(text, max_size=10**6)
    except ProtocolError:
        return
    assert isinstance(frame, ClientFrame)
    assert all(event.seq >= 1 and event.event in EVENTS for event in frame.events)
