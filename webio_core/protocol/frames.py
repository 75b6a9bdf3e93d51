"""Frames on the wire: numbered commands out, validated events in."""

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


class CommandWire(TypedDict):
    """One server command, as sent."""

    seq: int
    command: str
    task_id: str
    spec: Any


@dataclass(frozen=True)
class Command:
    """A numbered command of a session's outbox."""

    seq: int
    message: Message

    @property
    def command(self) -> str:
        return self.message.command

    @property
    def task_id(self) -> str:
        return self.message.task_id

    @property
    def spec(self) -> Any:
        return self.message.spec

    def to_json(self) -> CommandWire:
        command, spec, task_id = self.message
        return {"seq": self.seq, "command": command, "task_id": task_id, "spec": spec}


@dataclass(frozen=True)
class ClientEvent:
    event: str
    task_id: str
    data: Any


@dataclass(frozen=True)
class ClientFrame:
    ack: int
    events: tuple[ClientEvent, ...]
    close: bool = False


def encode_commands(commands: list[Command]) -> str:
    return json.dumps([c.to_json() for c in commands], separators=(",", ":"), default=str)


def _refuse_constant(name: str) -> Any:
    raise ProtocolError(f"{name} is not a JSON number")


def decode_client_frame(raw: Union[str, bytes], max_size: Optional[int] = None) -> ClientFrame:
    """Parse and validate one client frame; raise :class:`ProtocolError` when anything is off."""
    if max_size is not None and len(raw) > max_size:
        raise ProtocolError(f"frame of {len(raw)} bytes exceeds max_payload_size {max_size}")
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
        events.append(ClientEvent(event["event"], event["task_id"], event["data"]))
    return ClientFrame(obj.get("ack", 0), tuple(events), obj.get("close", False))
