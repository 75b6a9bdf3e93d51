"""Frames on the wire: numbered commands out, numbered and validated events in.

A client frame is JSON text, or binary when events carry bytes (file uploads): the length of a
JSON header, the header, then the bytes. Either way it has the same header and the same checks.

Both directions are numbered so that nothing is lost or applied twice across reconnects and
retried requests: commands by ``seq`` (the client acknowledges the highest it processed),
events by their own ``seq`` (every server frame acknowledges the highest the server received).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any, Optional, Union

from typing_extensions import NotRequired, TypedDict

from .constants import (
    BINARY_FRAME_PREFIX,
    FRAME_TEXT_LIMIT,
    MAX_COMMANDS_PER_FRAME,
    MAX_EVENTS_PER_FRAME,
    MAX_TASK_ID_LENGTH,
)
from .errors import ProtocolError
from .events import EVENTS
from .registry import EventKind, Message, Ref
from .validate import Length, Range, Validator, validator

TaskId = Annotated[str, Length(1, MAX_TASK_ID_LENGTH)]


class EventWire(TypedDict):
    """One client event; ``data`` is checked against the declaration of ``event``."""

    #: 1, 2, 3... per page: an event resent after a lost request keeps its number.
    seq: Annotated[int, Range(min=1)]
    event: str
    task_id: TaskId
    data: Any


class ClientFrameWire(TypedDict):
    """What the client sends: the highest ``seq`` it processed, events, and (HTTP) close."""

    ack: NotRequired[Annotated[int, Range(min=0)]]
    events: NotRequired[
        Annotated[list[Annotated[EventWire, Ref("ClientEvent")]], Length(0, MAX_EVENTS_PER_FRAME)]
    ]
    close: NotRequired[bool]


class ServerFrameWire(TypedDict):
    """What the server sends: the highest event ``seq`` it received, and commands."""

    ack: int
    commands: list[Annotated[dict[str, Any], Ref("Command")]]


class Command:
    """A numbered command of a session's outbox, encoded once, when it is numbered: a resend
    costs nothing, and a waiting command holds a string rather than its objects."""

    __slots__ = ("command", "seq", "task_id", "text")

    def __init__(self, seq: int, message: Message) -> None:
        self.seq = seq
        self.command = message.command
        self.task_id = message.task_id
        self.text = (
            f'{{"seq":{seq},"command":"{message.command}","task_id":{_quoted(message.task_id)}'
            f',"spec":{_encode(message.spec)}}}'
        )

    @property
    def spec(self) -> Any:
        """The spec, decoded again (for tests and logs)."""
        return json.loads(self.text)["spec"]

    def __repr__(self) -> str:
        return f"<Command {self.seq} {self.command}>"


# One encoder for every command: json.dumps with options builds a new one at each call. Specs
# are trees the framework builds, so the check for cycles is skipped (a cycle would still
# fail, with RecursionError).
_encode = json.JSONEncoder(separators=(",", ":"), default=str, check_circular=False).encode


def _quoted(text: str) -> str:
    # The server's own task ids ("t12", "c3") need no escaping; json.dumps for anything else.
    return f'"{text}"' if text.isalnum() or not text else json.dumps(text)


@dataclass(frozen=True)
class ClientEvent:
    seq: int
    event: str
    task_id: str
    data: Any
    #: The event's bytes from the binary part of its frame (events with a ``payload`` key).
    payload: bytes = b""


@dataclass(frozen=True)
class ClientFrame:
    ack: int
    events: tuple[ClientEvent, ...]
    close: bool = False


def encode_frame(commands: list[Command], event_ack: int) -> str:
    """A server frame: ``commands`` and the acknowledgement of events up to ``event_ack``."""
    return f'{{"ack":{event_ack},"commands":[{",".join(c.text for c in commands)}]}}'


def frame_batches(
    commands: list[Command],
    max_commands: int = MAX_COMMANDS_PER_FRAME,
    max_text: int = FRAME_TEXT_LIMIT,
) -> list[list[Command]]:
    """``commands`` split, in order, into the contents of successive frames: each of at most
    ``max_commands`` commands and ``max_text`` characters of them, or of one larger command."""
    batches: list[list[Command]] = []
    batch: list[Command] = []
    size = 0
    for command in commands:
        if batch and (len(batch) >= max_commands or size + len(command.text) > max_text):
            batches.append(batch)
            batch, size = [], 0
        batch.append(command)
        size += len(command.text)
    if batch:
        batches.append(batch)
    return batches


#: Digits a count read from a query string or header may have (int64 has 19).
MAX_COUNT_DIGITS = 18


def parse_count(text: str, what: str) -> int:
    """A non-negative integer written in ASCII digits (an ``ack``, a Content-Length...).

    ``str.isdigit`` accepts "²" and other digits ``int`` refuses, and ``int`` refuses numbers of
    thousands of digits: every count of the protocol is read here, so none of that reaches it.
    """
    if not (text.isascii() and text.isdigit() and len(text) <= MAX_COUNT_DIGITS):
        raise ProtocolError(f"{what} must be a non-negative integer, not {text[:40]!r}")
    return int(text)


def payload_size(raw: Union[str, bytes]) -> int:
    """The size of a frame in bytes as it travelled (UTF-8 for text)."""
    if isinstance(raw, bytes):
        return len(raw)
    return len(raw.encode("utf-8", "surrogatepass"))


def _refuse_constant(name: str) -> Any:
    raise ProtocolError(f"{name} is not a JSON number")


def split_binary_frame(raw: bytes) -> tuple[bytes, memoryview]:
    """The JSON header and the binary part of a binary frame: ``BINARY_FRAME_PREFIX`` bytes of
    big-endian header length, the header, then the bytes of its events in their order."""
    if len(raw) < BINARY_FRAME_PREFIX:
        raise ProtocolError("binary frame too short")
    length = int.from_bytes(raw[:BINARY_FRAME_PREFIX], "big")
    end = BINARY_FRAME_PREFIX + length
    if end > len(raw):
        raise ProtocolError("binary frame shorter than its header says")
    return bytes(raw[BINARY_FRAME_PREFIX:end]), memoryview(raw)[end:]


def binary_frame(header: str, payload: bytes) -> bytes:
    """A binary client frame: ``header`` (a client frame's JSON) followed by ``payload``."""
    encoded = header.encode("utf-8")
    return len(encoded).to_bytes(BINARY_FRAME_PREFIX, "big") + encoded + payload


def is_binary_frame(raw: Union[str, bytes]) -> bool:
    # A JSON text starts with "{" or white space; a binary frame's length starts with 0.
    return isinstance(raw, (bytes, bytearray)) and raw[:1] == b"\x00"


# One decoder for every frame: json.loads with an option builds a new one at each call.
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)
_check_frame = validator(ClientFrameWire)
_data_validators: dict[str, Validator] = {}


def _check_data(kind: EventKind[Any], data: Any, where: str) -> None:
    check_data = _data_validators.get(kind.name)
    if check_data is None:
        check_data = _data_validators[kind.name] = validator(kind.spec)
    check_data(data, where)


def decode_client_frame(raw: Union[str, bytes], max_size: Optional[int] = None) -> ClientFrame:
    """Parse and validate one client frame, text (JSON) or binary (JSON header and bytes);
    raise :class:`ProtocolError` when anything is off."""
    # Counting characters would let multi-byte text through; encoding costs a copy, so only
    # when the text could be over the limit at all (a character is at most 4 bytes).
    if max_size is not None and len(raw) * (1 if isinstance(raw, bytes) else 4) > max_size:
        size = payload_size(raw)
        if size > max_size:
            raise ProtocolError(f"frame of {size} bytes exceeds max_payload_size {max_size}")
    payload = memoryview(b"")
    if is_binary_frame(raw):
        raw, payload = split_binary_frame(raw)  # type: ignore[arg-type]
    try:
        obj = _DECODER.decode(raw if isinstance(raw, str) else raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"frame is not JSON: {exc}") from None
    except RecursionError:
        raise ProtocolError("frame is nested too deeply") from None
    _check_frame(obj, "frame")
    events = []
    for index, event in enumerate(obj.get("events", ())):
        kind = EVENTS.get(event["event"])
        if kind is None:
            raise ProtocolError(f"unknown event {event['event']!r}")
        data = event["data"]
        _check_data(kind, data, f"events[{index}].data")
        own = b""
        if kind.payload is not None:
            size = data[kind.payload]
            if size > len(payload):
                raise ProtocolError(f"events[{index}]: {size} bytes announced, fewer sent")
            own, payload = bytes(payload[:size]), payload[size:]
        events.append(ClientEvent(event["seq"], event["event"], event["task_id"], data, own))
    if len(payload):
        raise ProtocolError(f"{len(payload)} bytes of the frame belong to no event")
    return ClientFrame(obj.get("ack", 0), tuple(events), obj.get("close", False))
