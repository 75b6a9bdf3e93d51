"""What processes say to each other on the bus: a JSON header, a newline, then the payload
bytes as they are (a client frame, a server frame, an HTTP body).

Channels: each session has one, which only its owner listens to (so a publish that reaches
no one means no process has the session); each process has one for the answers it awaits; each
broadcast topic has one, which the processes with subscribers to the topic listen to.
"""

from __future__ import annotations

import json
from typing import Any

PREFIX = "webio:"

# Kinds, from a connection's process to the owner (on the session's channel).
SOCKET_OPEN = "open"  # a page reconnected here: {conn, reply, ack}
SOCKET_MESSAGE = "msg"  # a frame from that page: {conn, reply, binary}
SOCKET_CLOSED = "closed"  # that page's socket closed: {conn, reply}
HTTP_REQUEST = "http"  # {id, reply, method, path, query, headers, remote_ip}

# Kinds, from the owner back to a connection's process (on that process's channel).
SOCKET_SEND = "send"  # a frame for the page: {conn}
SOCKET_CLOSE = "close"  # hang the page up: {conn, code, reason}
HTTP_RESPONSE = "response"  # {id, status, content_type, headers}

# Kind, from any process to those with subscribers (on the topic's channel); the payload is
# the message as JSON text.
BROADCAST = "broadcast"  # {topic, id}


def session_channel(session_id: str) -> str:
    return f"{PREFIX}s:{session_id}"


def process_channel(process_id: str) -> str:
    return f"{PREFIX}p:{process_id}"


def topic_channel(topic: str) -> str:
    return f"{PREFIX}t:{topic}"


def pack(kind: str, payload: bytes = b"", **fields: Any) -> bytes:
    return json.dumps({"k": kind, **fields}, separators=(",", ":")).encode() + b"\n" + payload


def unpack(data: bytes) -> tuple[dict[str, Any], bytes]:
    """The header (its kind under ``"k"``) and the payload; ValueError when malformed."""
    head, newline, payload = data.partition(b"\n")
    header = json.loads(head) if newline else None
    if not isinstance(header, dict) or not isinstance(header.get("k"), str):
        raise ValueError("not a webio bus message")
    return header, payload
