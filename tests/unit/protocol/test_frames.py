"""webio_core.protocol.frames: every client frame is validated before the server acts on it."""

from __future__ import annotations

import json

import pytest

from webio_core.protocol import (
    COMMANDS,
    EVENTS,
    MAX_EVENTS_PER_FRAME,
    PROTOCOL_VERSION,
    ClientEvent,
    ClientFrame,
    ProtocolError,
    decode_client_frame,
)
from webio_core.protocol.frames import binary_frame, parse_count


def _frame(*events, **fields):
    return json.dumps({"ack": 0, "events": list(events), **fields})


def _event(event="from_submit", task_id="f1", data=None, seq=1):
    return {"seq": seq, "event": event, "task_id": task_id, "data": data}


# ---- decode_client_frame: accepted ---------------------------------------------------------------


def test_version():
    major, minor = PROTOCOL_VERSION.split(".")
    assert major.isdigit() and minor.isdigit()


def test_full_frame_accepted():
    frame = decode_client_frame(
        json.dumps(
            {
                "ack": 7,
                "events": [
                    _event("from_submit", "f3", {"name": "Ada", "age": "36", "choice": 1}, 1),
                    _event(
                        "input_event", "f3", {"event_name": "blur", "name": "a", "value": ""}, 2
                    ),
                    _event("callback", "c1", 2, 3),
                    _event("callback", "c2", None, 4),
                    _event("from_submit", "f4", None, 5),
                ],
                "close": False,
            }
        )
    )
    assert frame == ClientFrame(
        ack=7,
        events=(
            ClientEvent(1, "from_submit", "f3", {"name": "Ada", "age": "36", "choice": 1}),
            ClientEvent(2, "input_event", "f3", {"event_name": "blur", "name": "a", "value": ""}),
            ClientEvent(3, "callback", "c1", 2),
            ClientEvent(4, "callback", "c2", None),
            ClientEvent(5, "from_submit", "f4", None),
        ),
        close=False,
    )


def test_defaults_and_bytes():
    assert decode_client_frame(b"{}") == ClientFrame(ack=0, events=(), close=False)
    assert decode_client_frame('{"ack": 3, "close": true}') == ClientFrame(3, (), True)


def test_limits_are_inclusive():
    events = [_event("callback", "c" + "x" * 63, 0)] * MAX_EVENTS_PER_FRAME
    frame = decode_client_frame(_frame(*events))
    assert len(frame.events) == MAX_EVENTS_PER_FRAME
    fields = {f"field{i}": "v" for i in range(256)}
    assert decode_client_frame(_frame(_event(data=fields))).events[0].data == fields
    assert decode_client_frame(_frame(_event(data={"n" * 256: "v"})))


def test_max_size():
    raw = _frame(_event(data={"x": "y" * 100}))
    assert decode_client_frame(raw, max_size=len(raw))
    with pytest.raises(ProtocolError, match="max_payload_size"):
        decode_client_frame(raw, max_size=len(raw) - 1)


# ---- decode_client_frame: rejected ---------------------------------------------------------------

REJECTED = {
    "not json": "{nope",
    "empty": "",
    "invalid utf-8": b"\xff\xfe{}",
    "array": "[]",
    "number": "42",
    "null": "null",
    "unknown field": '{"ack": 0, "events": [], "admin": true}',
    "ack string": '{"ack": "1"}',
    "ack negative": '{"ack": -1}',
    "ack bool": '{"ack": true}',
    "ack float": '{"ack": 1.0}',
    "close not bool": '{"close": 1}',
    "events object": '{"events": {}}',
    "too many events": _frame(*[_event("callback", "c1", 0)] * (MAX_EVENTS_PER_FRAME + 1)),
    "event not object": _frame("callback"),
    "event missing data": json.dumps({"events": [{"event": "callback", "task_id": "c1"}]}),
    "event extra key": json.dumps(
        {"events": [{"event": "callback", "task_id": "c1", "data": 0, "x": 1}]}
    ),
    "unknown event": _frame(_event("eval", "f1", "1+1")),
    "task id empty": _frame(_event(task_id="")),
    "task id too long": _frame(_event(task_id="f" * 65)),
    "task id not string": _frame(_event(task_id=1)),
    "event seq zero": _frame(_event(seq=0)),
    "event seq missing": _frame({"event": "callback", "task_id": "c1", "data": 0}),
    "event seq string": _frame(_event(seq="1")),
    "submit data list": _frame(_event(data=["x"])),
    "submit value list of text": _frame(_event(data={"x": ["a"]})),
    "submit value negative index": _frame(_event(data={"x": [-1]})),
    "submit value file without size": _frame(
        _event(data={"x": [{"filename": "a", "mime_type": "", "last_modified": 0}]})
    ),
    "submit value bool": _frame(_event(data={"x": True})),
    "submit value nested": _frame(_event(data={"x": {"y": "z"}})),
    "submit empty field name": _frame(_event(data={"": "z"})),
    "submit field name too long": _frame(_event(data={"n" * 257: "z"})),
    "submit too many fields": _frame(_event(data={f"f{i}": "v" for i in range(257)})),
    "blur other event name": _frame(
        _event("input_event", data={"event_name": "focus", "name": "x", "value": ""})
    ),
    "blur missing key": _frame(_event("input_event", data={"event_name": "blur", "name": "x"})),
    "blur value object": _frame(
        _event("input_event", data={"event_name": "blur", "name": "x", "value": {"a": 1}})
    ),
    "chunk offset negative": _frame(
        _event("upload_chunk", data={"name": "f", "file": 0, "offset": -1, "data": ""})
    ),
    "chunk without its bytes": _frame(
        _event("upload_chunk", data={"name": "f", "file": 0, "offset": 0, "size": 3})
    ),
    "chunk too large": _frame(
        _event("upload_chunk", data={"name": "f", "file": 0, "offset": 0, "size": 600_000})
    ),
    "pin change without name": _frame(_event("pin_change", data={"value": "x"})),
    "blur data null": _frame(_event("input_event", data=None)),
    "callback negative": _frame(_event("callback", "c1", -1)),
    "callback string": _frame(_event("callback", "c1", "0")),
    "callback bool": _frame(_event("callback", "c1", True)),
    "callback float": _frame(_event("callback", "c1", 0.0)),
    "deeply nested": '{"ack": 0, "events": [' + "[" * 100_000 + "]" * 100_000 + "]}",
    "NaN": '{"ack": NaN}',
    "Infinity in data": _frame(_event("callback", "c1", float("inf"))),
}


@pytest.mark.parametrize("raw", REJECTED.values(), ids=REJECTED.keys())
def test_rejected(raw):
    with pytest.raises(ProtocolError):
        decode_client_frame(raw)


def test_protocol_error_is_a_value_error():
    # Callers that only know "bad input" catch ValueError.
    assert issubclass(ProtocolError, ValueError)


def test_event_and_command_names():
    assert {"from_submit", "input_event", "callback", "upload_chunk"} <= set(EVENTS.names())
    assert "session" in COMMANDS and "close_session" in COMMANDS


# ---- sizes and counts ------------------------------------------------------------------------


def test_max_size_counts_bytes_not_characters():
    text = "é" * 600  # 600 characters, 1,200 bytes of UTF-8
    raw = json.dumps({"events": [_event(data={"x": text})]}, ensure_ascii=False)
    assert len(raw) < 1024 < len(raw.encode())
    with pytest.raises(ProtocolError, match="bytes exceeds max_payload_size"):
        decode_client_frame(raw, max_size=1024)
    assert decode_client_frame(raw, max_size=len(raw.encode()))


@pytest.mark.parametrize("text", ["0", "7", "123456789012345678"])
def test_counts_accepted(text):
    assert parse_count(text, "ack") == int(text)


@pytest.mark.parametrize("text", ["", "-1", "1.0", " 1", "²", "١٢", "1" * 19, "9" * 5000, "0x10"])
def test_counts_refused(text):
    with pytest.raises(ProtocolError, match="ack must be a non-negative integer"):
        parse_count(text, "ack")


# ---- binary frames ----------------------------------------------------------------------------


def _chunk_event(seq, size, offset=0):
    data = {"name": "f", "file": 0, "offset": offset, "size": size}
    return _event("upload_chunk", "t1", data, seq=seq)


def test_binary_frame_gives_each_event_its_bytes():
    header = _frame(_chunk_event(1, 3), _event(seq=2, data={"x": "y"}), _chunk_event(3, 2, 3))
    frame = decode_client_frame(binary_frame(header, b"abcde"))
    assert [e.payload for e in frame.events] == [b"abc", b"", b"de"]
    assert frame.events[1].data == {"x": "y"}


def test_binary_frame_of_no_bytes_is_a_frame():
    assert decode_client_frame(binary_frame(_frame(_event()), b"")).events[0].seq == 1


BINARY_REJECTED = {
    "too short": b"\x00\x00",
    "header longer than frame": b"\x00\x00\x00\x50{}",
    "bytes that belong to no event": binary_frame(_frame(_chunk_event(1, 1)), b"ab"),
    "fewer bytes than announced": binary_frame(_frame(_chunk_event(1, 3)), b"ab"),
    "header not JSON": binary_frame("{nope", b""),
    "header not UTF-8": b"\x00\x00\x00\x02\xff\xfe",
}


@pytest.mark.parametrize("raw", BINARY_REJECTED.values(), ids=BINARY_REJECTED.keys())
def test_binary_rejected(raw):
    with pytest.raises(ProtocolError):
        decode_client_frame(raw)


def test_binary_frames_count_against_max_payload_size():
    raw = binary_frame(_frame(_chunk_event(1, 2000)), b"x" * 2000)
    with pytest.raises(ProtocolError, match="exceeds max_payload_size"):
        decode_client_frame(raw, max_size=1024)
