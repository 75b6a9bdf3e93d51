"""A chat room: everyone sees what everyone says, whichever server process their page reached.

    python examples/chat_room.py                    # one process, http://localhost:8080/

Several processes share the room through one Redis (``pip install webio-core[redis]``); start
each with the same ``WEBIO_REDIS_URL``, here on two ports to try it without a load balancer:

    WEBIO_REDIS_URL=redis://127.0.0.1:6379/0 python examples/chat_room.py --port 8081
    WEBIO_REDIS_URL=redis://127.0.0.1:6379/0 python examples/chat_room.py --port 8082

A page on 8081 and a page on 8082 are in the same room.
"""

from __future__ import annotations

import argparse
from typing import Any, Optional

from webio_core import start_server
from webio_core.input import actions, input, input_group
from webio_core.output import put_markdown, put_scope, put_scrollable, put_text
from webio_core.session import broadcast, defer_call, subscribe

ROOM = "chat-room"
MAX_NICKNAME_LENGTH = 20


def check_nickname(nickname: str) -> Optional[str]:
    if not nickname.strip():
        return "Please choose a nickname."
    if len(nickname) > MAX_NICKNAME_LENGTH:
        return f"At most {MAX_NICKNAME_LENGTH} characters, please."
    return None


def check_message(data: dict[str, Any]) -> Optional[tuple[str, str]]:
    if not data["text"].strip():
        return ("text", "Type a message first.")
    return None


def chat_room() -> None:
    put_markdown("## Chat room")
    put_scrollable(put_scope("messages"), height=300, keep_bottom=True)
    nickname = input("Your nickname", validate=check_nickname).strip()

    def show(message: dict[str, str]) -> None:
        # Runs in this page's session for every message of the room, this page's own included.
        sender = message.get("from")
        line = f"{sender}: {message['text']}" if sender else f"* {message['text']}"
        put_text(line, scope="messages")

    subscription = subscribe(ROOM, show)
    broadcast(ROOM, {"text": f"{nickname} joined the room"})
    # When the session ends, however it ends: Leave, or the page closed.
    defer_call(lambda: broadcast(ROOM, {"text": f"{nickname} left the room"}))
    while True:
        said = input_group(
            "Say something",
            [
                input(name="text", placeholder="Your message"),
                actions(name="action", buttons=["Send", {"label": "Leave", "type": "cancel"}]),
            ],
            validate=check_message,
        )
        if said is None:  # Leave
            break
        broadcast(ROOM, {"from": nickname, "text": said["text"]})
    put_text("You left the room.")
    # Nothing can call back into the page any more: its session ends (and says so).
    subscription.unsubscribe()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default=None, help="tornado (default), flask, ...")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    start_server(chat_room, port=args.port, host=args.host, backend=args.backend)


if __name__ == "__main__":
    main()
