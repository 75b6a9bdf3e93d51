"""Pages over the raw protocol on connections that fail on purpose, to prove that nothing is
lost or applied twice in either direction.

A :class:`RawPage` keeps what a browser keeps (the highest command seq it processed, the events
the server has not acknowledged) and sends events the way the browser does. Its connection
fails at random when told to: a WebSocket is cut without a close frame and resumed with
``session=ID&ack=N``; an HTTP reply is lost after the server handled the request, or a POST
fails before it leaves. Used by tests/reliability and benchmarks/reliability.py.
"""

from __future__ import annotations

import json
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Optional

from ..protocol import ACK_EVERY, MAX_EVENTS_PER_FRAME
from ..protocol.constants import (
    CLOSE_SESSION_NOT_FOUND,
    NEW_SESSION,
    QUERY_ACK,
    QUERY_APP,
    QUERY_SESSION,
    SESSION_HEADER,
    STATUS_SESSION_GONE,
)

TIMEOUT = 10.0


class SessionGone(AssertionError):
    """The server no longer knows the page's session."""


class RawPage:
    """What a page keeps, whatever its connection: commands by seq (each applied once, in
    order), and its own events until the server acknowledges them."""

    def __init__(self, keep: bool = True) -> None:
        #: Keep every command (False: only count outputs and remember the last ones).
        self.keep = keep
        self.output_count = 0
        self.last_output = ""
        self.last_seq = 0
        self.commands: list[dict[str, Any]] = []
        self.unacked: list[dict[str, Any]] = []
        self.next_event_seq = 1
        self.sent_ack = 0
        self.session_id: Optional[str] = None

    def apply(self, frame: dict[str, Any]) -> None:
        for command in frame["commands"]:
            if command["seq"] > self.last_seq:
                self.last_seq = command["seq"]
                if command["command"] == "output":
                    self.output_count += 1
                    self.last_output = command["spec"]["output"].get("content", "")
                if self.keep or command["command"] != "output":
                    self.commands.append(command)
                if command["command"] == "session":
                    self.session_id = command["spec"]["session_id"]
        self.unacked = [e for e in self.unacked if e["seq"] > frame["ack"]]

    def event(self, event: str, task_id: str, data: Any) -> dict[str, Any]:
        numbered = {"seq": self.next_event_seq, "event": event, "task_id": task_id, "data": data}
        self.next_event_seq += 1
        self.unacked.append(numbered)
        return numbered

    def outputs(self) -> list[str]:
        """The text of every ``text`` output, in page order."""
        return [
            c["spec"]["output"]["content"]
            for c in self.commands
            if c["command"] == "output" and c["spec"]["output"]["type"] == "text"
        ]

    def find(self, command: str) -> Optional[dict[str, Any]]:
        return next((c for c in reversed(self.commands) if c["command"] == command), None)

    @property
    def closed(self) -> bool:
        return any(c["command"] == "close_session" for c in self.commands)


class FlakyWebSocket:
    """A page on a WebSocket that is cut (no close frame) with probability ``cut`` before each
    send, and resumed at once. The server must run with ``reconnect_timeout`` > 0."""

    def __init__(
        self, url: str, app: str = "index", cut: float = 0.0, seed: int = 0, keep: bool = True
    ) -> None:
        self.page = RawPage(keep)
        self.url = url
        self.app = app
        self.cut = cut
        self.cuts = 0
        #: Sockets opened: the first, and one per resume.
        self.connects = 0
        self._random = random.Random(seed)
        self._socket: Any = None
        self._connect()

    def _connect(self) -> None:
        from websockets.sync.client import connect

        query = {QUERY_APP: self.app}
        if self.page.session_id is not None:
            query.update({QUERY_SESSION: self.page.session_id, QUERY_ACK: str(self.page.last_seq)})
        parts = urllib.parse.urlsplit(self.url)
        url = f"ws://{parts.netloc}{parts.path or '/'}?{urllib.parse.urlencode(query)}"
        origin: Any = f"http://{parts.netloc}"
        # Entered as a context manager: websockets deprecates plain connect() calls.
        self._socket = connect(url, origin=origin, open_timeout=TIMEOUT, max_size=None).__enter__()
        self.connects += 1
        self.page.sent_ack = self.page.last_seq
        pending = self.page.unacked
        for start in range(0, len(pending), MAX_EVENTS_PER_FRAME):
            chunk = pending[start : start + MAX_EVENTS_PER_FRAME]
            self._send({"ack": self.page.last_seq, "events": chunk})

    def _send(self, frame: dict[str, Any]) -> None:
        self._socket.send(json.dumps(frame))
        self.page.sent_ack = max(self.page.sent_ack, frame["ack"])

    def _cut(self) -> None:
        """Drop the connection the way a network does: no close handshake."""
        self.cuts += 1
        try:
            self._socket.socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._socket.close_socket()
        self._connect()

    def resume(self) -> None:
        """Open a new socket for the session, as the browser does when its socket closed under
        it (a proxy restarted): ``session=ID&ack=N``, then every unacknowledged event again."""
        self._socket.close_socket()  # no closing handshake: the old one is gone, or as good
        self._connect()

    def send_event(self, event: str, task_id: str, data: Any) -> None:
        from websockets.exceptions import ConnectionClosed

        numbered = self.page.event(event, task_id, data)
        if self._random.random() < self.cut:
            self._cut()  # the resumed socket sends every unacknowledged event, this one too
            return
        try:
            self._send({"ack": self.page.last_seq, "events": [numbered]})
        except ConnectionClosed as closed:
            # The socket closed under the page: the browser opens another at once, which sends
            # this event with the others the server has not acknowledged.
            if closed.rcvd is not None and closed.rcvd.code == CLOSE_SESSION_NOT_FOUND:
                raise SessionGone(str(closed)) from None
            self._connect()

    def receive(self, until: Callable[[RawPage], bool], timeout: float = TIMEOUT) -> None:
        from websockets.exceptions import ConnectionClosed

        deadline = time.monotonic() + timeout
        while not until(self.page):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; {len(self.page.commands)} commands seen")
            try:
                self.page.apply(json.loads(self._socket.recv(timeout=0.5)))
            except TimeoutError:
                continue
            except ConnectionClosed as closed:
                if closed.rcvd is not None and closed.rcvd.code == CLOSE_SESSION_NOT_FOUND:
                    raise SessionGone(str(closed)) from None
                if self.page.closed:
                    return
                self._connect()
                continue
            if self.page.last_seq - self.page.sent_ack >= ACK_EVERY or self.page.closed:
                self._send({"ack": self.page.last_seq, "events": []})

    def close(self) -> None:
        self._socket.close()


class FlakyHttp:
    """A page polling over HTTP whose replies are lost with probability ``lose`` (after the
    server handled the request) and whose POSTs fail before leaving with probability ``fail``;
    each is retried, as the browser does."""

    def __init__(
        self,
        url: str,
        app: str = "index",
        lose: float = 0.0,
        fail: float = 0.0,
        seed: int = 0,
        keep: bool = True,
    ) -> None:
        self.page = RawPage(keep)
        self.url = url
        self.app = app
        self.lose = lose
        self.fail = fail
        self.lost_replies = 0
        self.failed_posts = 0
        self._random = random.Random(seed)
        self._request("GET")

    def _request(self, method: str) -> int:
        """One request, retried until a reply reaches the page; the commands it brought."""
        while True:
            query = {QUERY_APP: self.app}
            body = None
            if method == "GET":
                query[QUERY_ACK] = str(self.page.last_seq)
            else:
                if self._random.random() < self.fail:
                    self.failed_posts += 1
                    continue  # it never left: send the same events again
                events = self.page.unacked[:MAX_EVENTS_PER_FRAME]
                frame = {"ack": self.page.last_seq, "events": events}
                body = json.dumps(frame).encode()
            headers = {SESSION_HEADER: self.page.session_id or NEW_SESSION}
            url = f"{self.url}?{urllib.parse.urlencode(query)}"
            request = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                    reply = json.loads(response.read())
            except urllib.error.HTTPError as error:
                if error.code == STATUS_SESSION_GONE:
                    raise SessionGone(f"HTTP {error.code}") from None
                raise
            if self.page.session_id is not None and self._random.random() < self.lose:
                self.lost_replies += 1
                continue  # handled by the server, never seen by the page: ask again
            was_closed = self.page.closed
            self.page.apply(reply)
            if self.page.closed and not was_closed:
                self._request("GET")  # acknowledge the end, as the browser does
            return len(reply["commands"])

    def send_event(self, event: str, task_id: str, data: Any) -> None:
        self.page.event(event, task_id, data)
        while self.page.unacked:
            self._request("POST")

    def receive(self, until: Callable[[RawPage], bool], timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not until(self.page):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; {len(self.page.commands)} commands seen")
            if not self._request("GET"):
                time.sleep(0.005)  # nothing new yet: let the app run

    def close(self) -> None:
        pass


def open_page(url: str, transport: str, app: str = "index", **faults: Any) -> Any:
    """A flaky page of ``transport``: FlakyWebSocket(cut=) or FlakyHttp(lose=, fail=)."""
    if transport == "websocket":
        return FlakyWebSocket(url, app, **faults)
    return FlakyHttp(url, app, **faults)
