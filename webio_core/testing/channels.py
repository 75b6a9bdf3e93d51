"""The connections a test page can use: a real WebSocket, real HTTP polling, or the
in-process loopback of :mod:`webio_core.testing.loopback`."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

from ..protocol.constants import (
    NEW_SESSION,
    QUERY_ACK,
    QUERY_APP,
    SESSION_HEADER,
    STATUS_SESSION_GONE,
)

if TYPE_CHECKING:
    from .client import WebIOClient

#: Browsers take frames of any size; the websockets library's default cap is 1 MiB.
MAX_FRAME_BYTES = 64 * 1024 * 1024


class Channel:
    """How a test page reaches its server: connect, send a client frame, close the page."""

    def __init__(self, client: WebIOClient) -> None:
        self.client = client

    def connect(self) -> None:
        raise NotImplementedError

    def send(self, frame: Union[str, bytes]) -> None:
        """Send a client frame: JSON text, or a binary frame (events carrying bytes)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class WebSocketChannel(Channel):
    """A real WebSocket, as the browser opens it."""

    def connect(self) -> None:
        from websockets.sync.client import connect

        parts = urllib.parse.urlsplit(self.client.url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        query = urllib.parse.urlencode({QUERY_APP: self.client.app})
        url = urllib.parse.urlunsplit((scheme, parts.netloc, parts.path or "/", query, ""))
        origin: Any = self.client.origin or None
        # Entered as a context manager: websockets deprecates plain connect() calls.
        self._socket = connect(
            url,
            origin=origin,
            additional_headers=self.client.headers,
            open_timeout=self.client.timeout,
            max_size=MAX_FRAME_BYTES,
        ).__enter__()
        self._reader = threading.Thread(target=self._read, name="webio-test-client", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            for message in self._socket:
                self.client._receive(json.loads(message))
        except ConnectionClosed:
            pass
        finally:
            self.client._connection_lost()

    def send(self, frame: Union[str, bytes]) -> None:
        self._socket.send(frame)

    def close(self) -> None:
        self._socket.close()
        self._reader.join(timeout=self.client.timeout)


class HttpChannel(Channel):
    """HTTP polling and POSTed events, as the browser does it."""

    POLL_INTERVAL = 0.05
    #: How many times a request is sent before its failure (a 5xx answer, a broken connection)
    #: ends the page. The browser tries 4 times (frontend/src/transport/http.ts); once is
    #: enough for most tests, and shows a failure at once.
    TRIES = 1
    #: The pause before the second try, doubled before each next one (as in the browser), up
    #: to the longest pause.
    RETRY_PAUSE = 0.25
    MAX_RETRY_PAUSE = 1.0

    def connect(self) -> None:
        self._session_id = NEW_SESSION
        #: The server said that the session is gone, or the page closed: it sends nothing more.
        self._gone = False
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._request("GET")
        self._poller = threading.Thread(target=self._poll, name="webio-test-poller", daemon=True)
        self._poller.start()

    def _request(self, method: str, body: Optional[bytes] = None, *, last: bool = False) -> None:
        """Send one request (``last``: the page's goodbye, after which it sends nothing)."""
        query = {QUERY_APP: self.client.app}
        if method == "GET":
            query[QUERY_ACK] = str(self.client.page.last_seq)
        url = f"{self.client.url}?{urllib.parse.urlencode(query)}"
        headers = {
            **self.client.headers,
            SESSION_HEADER: self._session_id,
            "Content-Type": "application/json",
        }
        if self.client.origin:
            headers["Origin"] = self.client.origin
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        with self._lock:
            for attempt in range(1, self.TRIES + 1):
                if self._gone or (method == "GET" and self._stop.is_set()):
                    return  # another request learnt meanwhile that the page is done
                try:
                    frame = self._send(request)
                    # After the goodbye, an acknowledgement that an earlier reply prompted
                    # would reach a session that has ended.
                    self._gone = self._gone or last
                    break
                except urllib.error.HTTPError as error:
                    if error.code == STATUS_SESSION_GONE:
                        self._gone = True
                        self._stop.set()
                        self.client._connection_lost()
                        return
                    if error.code < 500 or attempt == self.TRIES:
                        raise
                    error.close()
                except (OSError, http.client.HTTPException):
                    if attempt == self.TRIES:
                        raise
                # Sent again as it was: the server applies each numbered event once.
                time.sleep(min(self.RETRY_PAUSE * 2 ** (attempt - 1), self.MAX_RETRY_PAUSE))
        self.client._receive(frame)
        if self.client.page.closed:
            self._stop.set()

    def _send(self, request: urllib.request.Request) -> Any:
        with urllib.request.urlopen(request, timeout=self.client.timeout) as response:
            self._session_id = response.headers.get(SESSION_HEADER, self._session_id)
            return json.loads(response.read())

    def _poll(self) -> None:
        while not self._stop.wait(self.POLL_INTERVAL):
            try:
                self._request("GET")
            except (OSError, ValueError, http.client.HTTPException):
                self._stop.set()
                self.client._connection_lost()

    def send(self, frame: Union[str, bytes]) -> None:
        self._request("POST", frame.encode() if isinstance(frame, str) else frame)

    def close(self) -> None:
        if not self._stop.is_set():
            self._stop.set()
            frame = json.dumps({"ack": self.client.page.last_seq, "events": [], "close": True})
            try:
                self._request("POST", frame.encode(), last=True)
            except (OSError, http.client.HTTPException):
                pass
        self._poller.join(timeout=self.client.timeout)


#: Channels by transport name (a loopback page is given its channel by its server).
CHANNELS: dict[str, Callable[[WebIOClient], Channel]] = {
    "websocket": WebSocketChannel,
    "http": HttpChannel,
}
