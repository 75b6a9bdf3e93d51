"""Frames on the wire: numbered commands out, numbered and validated events in.

Both directions are numbered so that nothing is lost or applied twice across reconnects and
retried requests: commands by ``seq`` (the client acknowledges the highest it processed),
events by their own ``seq`` (every server frame acknowledges the highest the server received).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any, Optional, Union

from typing_extensions import NotRequired, TypedDict

from .constants import MAX_EVENTS_PER_FRAME, MAX_TASK_ID_LENGTH
from .errors import ProtocolError
from .events import EVENTS
from .registry import Message, Ref
from .validate import Length, Range, check

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
            f'{{"seq":{seq},"command":"{message.command}","task_id":{json.dumps(message.task_id)}'
            f',"spec":{json.dumps(message.spec, separators=(",", ":"), default=str)}}}'
        )

    @property
    def spec(self) -> Any:
        """The spec, decoded again (for tests and logs)."""
        return json.loads(self.text)["spec"]

    def __repr__(self) -> str:
        return f"<Command {self.seq} {self.command}>"


@dataclass(frozen=True)
class ClientEvent:
    seq: int
    event: str
    task_id: str
    data: Any


@dataclass(frozen=True)
class ClientFrame:
    ack: int
    events: tuple[ClientEvent, ...]
    close: bool = False


def encode_frame(commands: list[Command], event_ack: int) -> str:
    """A server frame: ``commands`` and the acknowledgement of events up to ``event_ack``."""
    return f'{{"ack":{event_ack},"commands":[{",".join(c.text for c in commands)}]}}'


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


def decode_client_frame(raw: Union[str, bytes], max_size: Optional[int] = None) -> ClientFrame:
    """Parse and validate one client frame; raise :class:`ProtocolError` when anything is off."""
    # Counting characters would let multi-byte text through; encoding costs a copy, so only
    # when the text could be over the limit at all (a character is at most 4 bytes).
    if max_size is not None and len(raw) * (1 if isinstance(raw, bytes) else 4) > max_size:
        size = payload_size(raw)
        if size > max_size:
            raise ProtocolError(f"frame of {size} bytes exceeds max_payload_size {max_size}")
    try:
        obj = json.loads(raw, parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"frame is not JSON: {exc}") from None
    except RecursionError:
        raise ProtocolError("frame is nested too deeply") from None
    check(obj, ClientFrameWire, "frame")
    events = []
    for index, event in enumerate(obj.get("events", ())):
        kind = EVENTS.get(event["event"])
        if kind is None:
            raise ProtocolError(f"unknown event {event['event']!r}")
        check(event["data"], kind.spec, f"events[{index}].data")
        events.append(ClientEvent(event["seq"], event["event"], event["task_id"], event["data"]))
    return ClientFrame(obj.get("ack", 0), tuple(events), obj.get("close", False))
