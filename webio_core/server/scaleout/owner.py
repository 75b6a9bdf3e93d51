"""The owner's side: what other processes carry to this process's sessions is answered by this
process's own transport, as if the page had come here."""

from __future__ import annotations

import concurrent.futures
import logging
import threading
from typing import Any, Callable, Optional

from ...protocol.constants import CLOSE_SESSION_NOT_FOUND
from ..http import HttpTransport
from ..request import Request, text_response
from ..ws import WebSocketConnection, WebSocketPeer, WebSocketTransport
from .bus import Bus
from .relay import CLOSE_RECONNECT, FORWARDED_HEADER
from .wire import (
    HTTP_REQUEST,
    HTTP_RESPONSE,
    SOCKET_CLOSE,
    SOCKET_CLOSED,
    SOCKET_MESSAGE,
    SOCKET_OPEN,
    SOCKET_SEND,
    pack,
    process_channel,
)

logger = logging.getLogger("webio_core.server.scaleout")

Handler = Callable[[str, dict[str, Any], bytes], None]


class Owner:
    """Answers the requests and socket frames other processes forward to the sessions here;
    each relayed socket is a :class:`WebSocketConnection` of this process's transport, run on
    the bus loop, whose peer publishes back to the page's process."""

    def __init__(self, bus: Bus) -> None:
        self.bus = bus
        self.http: Optional[HttpTransport] = None
        self.websocket: Optional[WebSocketTransport] = None
        #: Relayed sockets by (the page's process, connection id).
        self.sockets: dict[tuple[str, str], WebSocketConnection] = {}
        self.handlers: dict[str, Handler] = {
            HTTP_REQUEST: self._http_request,
            SOCKET_OPEN: self._socket_open,
            SOCKET_MESSAGE: self._socket_message,
            SOCKET_CLOSED: self._socket_closed,
        }

    def serve(self, transport: Any) -> None:
        if isinstance(transport, HttpTransport):
            self.http = transport
        elif isinstance(transport, WebSocketTransport):
            self.websocket = transport

    def handle(self, session_id: str, header: dict[str, Any], payload: bytes) -> None:
        handler = self.handlers.get(header["k"])
        if handler is None:
            logger.warning("dropped a bus message of unknown kind %r", header["k"])
        else:
            handler(session_id, header, payload)

    def processes_gone(self, processes: set[str]) -> None:
        """Those processes stopped listening: their pages' sockets are as good as closed."""
        for key in [key for key in self.sockets if key[0] in processes]:
            self.sockets.pop(key).on_close()

    def lost_bus(self) -> None:
        self.processes_gone({process for process, _ in self.sockets})

    # ---- sockets ------------------------------------------------------------------------------

    def _socket_open(self, session_id: str, header: dict[str, Any], payload: bytes) -> None:
        key = (str(header["reply"]), str(header["conn"]))
        reply = process_channel(key[0])

        def send(text: str) -> None:
            sent = self.bus.publish(reply, pack(SOCKET_SEND, text.encode(), conn=key[1]))
            sent.add_done_callback(lost_if_failed)

        def lost_if_failed(sent: concurrent.futures.Future[int]) -> None:
            # A frame that did not leave, or reached no one, is lost: the page must reconnect
            # (and be replayed what it missed), as after a dropped socket.
            if sent.exception() is not None or sent.result() == 0:
                connection = self.sockets.pop(key, None)
                if connection is not None:
                    connection.on_close()
                    close(CLOSE_RECONNECT, "lost a frame on its way, reconnect")

        def close(code: int, reason: str) -> None:
            self.sockets.pop(key, None)
            self.bus.publish(reply, pack(SOCKET_CLOSE, conn=key[1], code=code, reason=reason))

        if self.websocket is None:  # this process serves its sessions over HTTP
            close(CLOSE_SESSION_NOT_FOUND, "session not found")
            return
        connection = WebSocketConnection(self.websocket, WebSocketPeer(send, close), self.bus.loop)
        self.sockets[key] = connection
        connection.resume(session_id, str(header.get("ack", "0")))

    def _socket_message(self, session_id: str, header: dict[str, Any], payload: bytes) -> None:
        connection = self.sockets.get((str(header["reply"]), str(header["conn"])))
        if connection is not None:
            connection.on_message(payload if header.get("binary") else payload.decode())

    def _socket_closed(self, session_id: str, header: dict[str, Any], payload: bytes) -> None:
        connection = self.sockets.pop((str(header["reply"]), str(header["conn"])), None)
        if connection is not None:
            connection.on_close()

    # ---- HTTP ---------------------------------------------------------------------------------

    def _http_request(self, session_id: str, header: dict[str, Any], body: bytes) -> None:
        request = Request(
            method=str(header["method"]),
            query=dict(header["query"]),
            headers={**dict(header["headers"]), FORWARDED_HEADER: "1"},
            path=str(header["path"]),
            remote_ip=str(header.get("remote_ip", "")),
            body=body,
        )
        reply = process_channel(str(header["reply"]))
        request_id = str(header["id"])

        def answer() -> None:
            if self.http is None:  # this process serves its sessions over WebSocket
                response = text_response(400, "This session is not served over HTTP.")
            else:
                response = self.http.handle(request)
            fields = {"id": request_id, "status": response.status, "headers": response.headers}
            body = response.body_bytes
            self.bus.publish(reply, pack(HTTP_RESPONSE, body, **fields, type=response.content_type))

        # The transport may hold the request for the app's reply: not on the bus loop.
        threading.Thread(target=answer, name="webio-forwarded-request", daemon=True).start()
