"""The wire contract between the server and the browser client, and nothing else.

Each command, event, output type and form field type is declared once, in
:mod:`.commands`, :mod:`.events`, :mod:`.outputs` and :mod:`.fields`, as a kind (its wire
name) with a TypedDict for its spec. ``scripts/gen_protocol.py`` turns the declarations into the
client's TypeScript types and the tables of docs/protocol.md.
"""

from __future__ import annotations

from . import datatable, feedback, layouts, pins, script, uploads  # noqa: F401  (they declare kinds)
from .commands import COMMANDS
from .constants import (
    ACK_EVERY,
    MAX_COMMANDS_PER_FRAME,
    MAX_EVENTS_PER_FRAME,
    OUTBOX_LIMIT,
    PROTOCOL_VERSION,
    SEND_WINDOW,
)
from .errors import ProtocolError
from .events import EVENTS
from .fields import FIELDS
from .frames import (
    ClientEvent,
    ClientFrame,
    Command,
    decode_client_frame,
    encode_frame,
    frame_batches,
)
from .outputs import OUTPUTS
from .registry import CommandKind, EventKind, Message, Registry, TypedKind

__all__ = [
    "ACK_EVERY",
    "COMMANDS",
    "EVENTS",
    "FIELDS",
    "MAX_COMMANDS_PER_FRAME",
    "MAX_EVENTS_PER_FRAME",
    "OUTBOX_LIMIT",
    "OUTPUTS",
    "PROTOCOL_VERSION",
    "SEND_WINDOW",
    "ClientEvent",
    "ClientFrame",
    "Command",
    "CommandKind",
    "EventKind",
    "Message",
    "ProtocolError",
    "Registry",
    "TypedKind",
    "decode_client_frame",
    "encode_frame",
    "frame_batches",
]
