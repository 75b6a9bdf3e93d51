"""The wire protocol, version 1.0 (see docs/protocol.md).

This module owns the shape of every frame: it numbers outgoing commands, keeps them until the
client acknowledges them, and validates every field of every client frame before anything else
in the server looks at it.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any, Optional, Union

logger = logging.getLogger("webio_core.protocol")

PROTOCOL_VERSION = "1.0"

#: Commands the server may send; docs/protocol.md documents each one.
SERVER_COMMANDS = frozenset(
    {
        "session",
        "output",
        "output_ctl",
        "input_group",
        "update_input",
        "destroy_form",
        "toast",
        "set_env",
        "close_session",
    }
)

#: Events the client may send.
CLIENT_EVENTS = frozenset({"from_submit", "input_event", "callback"})

MAX_EVENTS_PER_FRAME = 64
MAX_TASK_ID_LENGTH = 64
MAX_FIELD_NAME_LENGTH = 256
MAX_FORM_FIELDS = 256
#: A WebSocket frame or an HTTP reply holds at most this many commands. A reply never carries
#: more than the replay window, so a lost reply can always be sent again.
MAX_COMMANDS_PER_FRAME = 1000
#: Commands not yet delivered to the client; past this the client is taken as not reading.
OUTBOX_LIMIT = 100_000
#: Delivered but unacknowledged commands kept for a reconnect or a retried poll.
REPLAY_LIMIT = 10_000


class ProtocolError(ValueError):
    """A client frame that breaks the protocol; it is logged and dropped."""


class OutboxOverflow(RuntimeError):
    """The client stopped acknowledging commands; its session cannot keep buffering them."""


@dataclass(frozen=True)
class Command:
    seq: int
    command: str
    task_id: str
    spec: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "command": self.command,
            "task_id": self.task_id,
            "spec": self.spec,
        }


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


class Outbox:
    """Numbered commands waiting for the client's acknowledgement. Thread-safe.

    Two bounds keep memory finite without punishing a client that reads: at most
    ``limit`` commands not yet delivered (more means the client is gone or stuck), and at most
    ``replay_limit`` delivered but unacknowledged ones (older ones are dropped; a reconnect that
    would need them is refused, see :meth:`can_replay_after`).
    """

    def __init__(self, limit: int = OUTBOX_LIMIT, replay_limit: int = REPLAY_LIMIT) -> None:
        self._lock = threading.Lock()
        # Always the contiguous run of seq numbers (_dropped_seq, _last_seq].
        self._commands: deque[Command] = deque()
        self._last_seq = 0
        self._delivered_seq = 0
        self._dropped_seq = 0
        self._limit = limit
        self._replay_limit = replay_limit

    @property
    def last_seq(self) -> int:
        return self._last_seq

    def append(self, command: str, spec: dict[str, Any], task_id: str = "") -> Command:
        if command not in SERVER_COMMANDS:
            raise ValueError(f"unknown server command {command!r}")
        with self._lock:
            undelivered = self._last_seq - self._delivered_seq
            if undelivered >= self._limit:
                raise OutboxOverflow(
                    f"{undelivered} commands are waiting for delivery; the client is not reading"
                )
            self._last_seq += 1
            cmd = Command(self._last_seq, command, task_id, spec)
            self._commands.append(cmd)
            return cmd

    def acknowledge(self, ack: int) -> None:
        with self._lock:
            if ack > self._last_seq:
                # A client cannot have seen commands that were never sent.
                raise ProtocolError(f"ack {ack} is beyond the last sent command {self._last_seq}")
            self._delivered_seq = max(self._delivered_seq, ack)
            self._drop_through(ack)

    def delivered(self, seq: int) -> None:
        """The transport handed the commands up to ``seq`` to the client."""
        with self._lock:
            self._delivered_seq = max(self._delivered_seq, min(seq, self._last_seq))
            self._drop_through(self._delivered_seq - self._replay_limit)

    def _drop_through(self, seq: int) -> None:
        while self._commands and self._commands[0].seq <= seq:
            self._dropped_seq = self._commands.popleft().seq

    def can_replay_after(self, seq: int) -> bool:
        """Whether every command after ``seq`` is still here to be sent again."""
        return self._dropped_seq <= seq <= self._last_seq

    def after(self, seq: int, limit: Optional[int] = None) -> list[Command]:
        """The commands numbered above ``seq`` that are still kept (the first ``limit``)."""
        with self._lock:
            start = max(0, seq - self._dropped_seq)
            stop = None if limit is None else start + limit
            return list(itertools.islice(self._commands, start, stop))


def encode_commands(commands: list[Command]) -> str:
    return json.dumps([c.to_json() for c in commands], separators=(",", ":"), default=str)


def decode_client_frame(raw: Union[str, bytes], max_size: Optional[int] = None) -> ClientFrame:
    """Parse and validate one client frame; raise :class:`ProtocolError` when anything is off."""
    if max_size is not None and len(raw) > max_size:
        raise ProtocolError(f"frame of {len(raw)} bytes exceeds max_payload_size {max_size}")
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"frame is not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise ProtocolError("frame must be a JSON object")
    unknown = set(obj) - {"ack", "events", "close"}
    if unknown:
        raise ProtocolError(f"unknown frame fields {sorted(unknown)}")
    ack = obj.get("ack", 0)
    if not _is_int(ack) or ack < 0:
        raise ProtocolError("ack must be a non-negative integer")
    close = obj.get("close", False)
    if not isinstance(close, bool):
        raise ProtocolError("close must be a boolean")
    events = obj.get("events", [])
    if not isinstance(events, list):
        raise ProtocolError("events must be a list")
    if len(events) > MAX_EVENTS_PER_FRAME:
        raise ProtocolError(f"more than {MAX_EVENTS_PER_FRAME} events in one frame")
    return ClientFrame(ack=ack, events=tuple(_decode_event(e) for e in events), close=close)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _decode_event(obj: Any) -> ClientEvent:
    if not isinstance(obj, dict) or set(obj) != {"event", "task_id", "data"}:
        raise ProtocolError("an event must be an object with exactly event, task_id and data")
    event, task_id, data = obj["event"], obj["task_id"], obj["data"]
    if event not in CLIENT_EVENTS:
        raise ProtocolError(f"unknown event {event!r}")
    if not isinstance(task_id, str) or not 0 < len(task_id) <= MAX_TASK_ID_LENGTH:
        raise ProtocolError("task_id must be a string of 1 to 64 characters")
    _EVENT_DATA_CHECKS[event](data)
    return ClientEvent(event, task_id, data)


def _check_submit(data: Any) -> None:
    if data is None:
        return  # a cancelled form
    if not isinstance(data, dict) or len(data) > MAX_FORM_FIELDS:
        raise ProtocolError("from_submit data must be null or an object of at most 256 fields")
    for name, value in data.items():
        _check_field_name(name)
        if not (isinstance(value, str) or _is_int(value)):
            raise ProtocolError(f"value of field {name!r} must be a string or an integer")


def _check_input_event(data: Any) -> None:
    if not isinstance(data, dict) or set(data) != {"event_name", "name", "value"}:
        raise ProtocolError("input_event data must be {event_name, name, value}")
    if data["event_name"] != "blur":
        raise ProtocolError(f"unknown input_event {data['event_name']!r}")
    _check_field_name(data["name"])
    if not isinstance(data["value"], str):
        raise ProtocolError("input_event value must be a string")


def _check_callback(data: Any) -> None:
    if data is not None and not (_is_int(data) and data >= 0):
        raise ProtocolError("callback data must be null or a button index")


def _check_field_name(name: Any) -> None:
    if not isinstance(name, str) or not 0 < len(name) <= MAX_FIELD_NAME_LENGTH:
        raise ProtocolError("field names must be strings of 1 to 256 characters")


_EVENT_DATA_CHECKS = {
    "from_submit": _check_submit,
    "input_event": _check_input_event,
    "callback": _check_callback,
}
