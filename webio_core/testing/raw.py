"""The protocol by hand, for tests that drive a socket themselves (reconnects with
``session=ID&ack=N``, frames a page would not send): URLs, frames and what they carry."""

from __future__ import annotations

import json
from typing import Any

from websockets.sync.client import ClientConnection

#: How long a test waits for a frame.
RAW_TIMEOUT = 10


def ws_url(http_url: str, **query: str) -> str:
    """The socket URL of the ``index`` app (or ``app=...``) at ``http_url``, with ``query``."""
    params = "&".join(f"{k}={v}" for k, v in {"app": "index", **query}.items())
    return http_url.replace("http://", "ws://") + "?" + params


def receive_until(socket: ClientConnection, wanted: str) -> list[dict[str, Any]]:
    """Commands received until one of them is ``wanted``."""
    seen: list[dict[str, Any]] = []
    while not any(c["command"] == wanted for c in seen):
        seen.extend(json.loads(socket.recv(timeout=RAW_TIMEOUT))["commands"])
    return seen


def answer(seq: int, task_id: str, value: str) -> dict[str, Any]:
    """The event submitting ``value`` to the one-field form ``task_id``, numbered ``seq``."""
    return {"seq": seq, "event": "from_submit", "task_id": task_id, "data": {"data": value}}


def submit(socket: ClientConnection, ack: int, event: dict[str, Any]) -> None:
    socket.send(json.dumps({"ack": ack, "events": [event]}))


def texts(commands: list[dict[str, Any]]) -> list[str]:
    """The texts the ``output`` commands among ``commands`` put on the page."""
    return [c["spec"]["output"]["content"] for c in commands if c["command"] == "output"]
