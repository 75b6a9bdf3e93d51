"""ASGI: an endpoint as an ASGI application, for backends on ASGI servers and frameworks.

HTTP requests get the page and the client's files (and, for an HTTP-polling backend, the
sessions, answered in a worker thread since polls wait); WebSocket connections get sessions.
The application can be mounted under a sub-path by the host framework.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, MutableMapping
from typing import Any, Callable, Optional
from urllib.parse import parse_qsl

from .endpoint import Endpoint
from .http import HttpTransport
from .request import Request, Response, text_response
from .ws import WebSocketTransport
from .wsgi import response_headers

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApplication = Callable[[Scope, Receive, Send], Awaitable[None]]

_CLOSE = object()


def route_path(scope: Scope) -> str:
    """The path of ``scope`` below the point the application is mounted at: ASGI's ``path``
    includes ``root_path`` (Starlette's ``Mount``, uvicorn's ``--root-path``), so a server of
    its own mounted on ``/tool`` serves its apps at ``/tool/`` and ``static_dir`` under
    ``/tool/static/``. A ``path`` outside ``root_path`` (older frameworks strip it) is kept."""
    path: str = scope.get("path") or "/"
    root = str(scope.get("root_path") or "").rstrip("/")
    if root and (path == root or path.startswith(root + "/")):
        path = path[len(root) :]
    return path or "/"


def request_from_scope(scope: Scope, body: bytes = b"") -> Request:
    """The core's view of an ASGI HTTP or WebSocket scope (its path is ``route_path(scope)``)."""
    client = scope.get("client") or ("", 0)
    return Request.build(
        scope.get("method", "GET"),
        parse_qsl(
            scope.get("query_string", b"").decode("utf-8", "replace"), keep_blank_values=True
        ),
        [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope.get("headers", [])],
        path=route_path(scope),
        remote_ip=client[0] or "",
        body=body,
        raw=scope,
    )


class _Peer:
    """The socket as the core's WebSocketPeer: one writer task keeps frames in order."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self._queue: asyncio.Queue[Any] = asyncio.Queue()
        self._writer = asyncio.ensure_future(self._write())

    def send_text(self, text: str) -> None:
        self._queue.put_nowait(text)

    def close(self, code: int = 1000, reason: str = "") -> None:
        self._queue.put_nowait((_CLOSE, code, reason))

    async def _write(self) -> None:
        try:
            while True:
                item = await self._queue.get()
                if isinstance(item, str):
                    await self._send({"type": "websocket.send", "text": item})
                    continue
                _, code, reason = item
                await self._send({"type": "websocket.close", "code": code, "reason": reason})
                return
        except Exception:
            return  # the socket is gone: nothing more can be written to it

    def stop(self) -> None:
        self._writer.cancel()


def asgi_app(endpoint: Endpoint) -> ASGIApplication:
    """An ASGI application serving ``endpoint`` over the transport of its backend."""
    limit = endpoint.options.max_payload_bytes
    websocket: Optional[WebSocketTransport] = None
    if endpoint.backend.transport == "websocket":
        websocket = WebSocketTransport(endpoint)
        # An ASGI server hands upgrades over as websocket scopes: what is left is plain.
        answer: Callable[[Request], Awaitable[Response]] = _now(websocket.respond)
    else:
        answer = HttpTransport(endpoint).handle_async

    async def application(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            body = await _read_body(receive, limit)
            if body is None:
                response = text_response(413, "The request is larger than max_payload_size.")
            else:
                response = await answer(request_from_scope(scope, body))
            await _respond(send, response)
        elif scope["type"] == "websocket" and websocket is not None:
            await _serve_socket(websocket, scope, receive, send)
        elif scope["type"] == "lifespan":
            await _lifespan(receive, send, endpoint)

    return application


def _now(handle: Callable[[Request], Response]) -> Callable[[Request], Awaitable[Response]]:
    async def answer(request: Request) -> Response:
        return handle(request)

    return answer


async def _read_body(receive: Receive, limit: int) -> Optional[bytes]:
    chunks, size, more = [], 0, True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


async def _respond(send: Send, response: Response) -> None:
    body = response.body_bytes
    headers = [
        (k.encode("latin-1"), v.encode("latin-1")) for k, v in response_headers(response, body)
    ]
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _serve_socket(
    transport: WebSocketTransport, scope: Scope, receive: Receive, send: Send
) -> None:
    request = request_from_scope(scope)
    if (await receive())["type"] != "websocket.connect":
        return
    refusal = transport.refuse(request)
    if refusal is not None:
        if "websocket.http.response" in scope.get("extensions", {}):
            await _respond(_as_denial(send), refusal)
        else:
            await send({"type": "websocket.close", "code": 1008})
        return
    await send({"type": "websocket.accept"})
    peer = _Peer(send)
    loop = asyncio.get_running_loop()
    connection = transport.connect(request, loop, peer.send_text, peer.close)
    try:
        while True:
            message = await receive()
            if message["type"] == "websocket.receive":
                text = message.get("text")
                connection.on_message(text if text is not None else message.get("bytes"))
            elif message["type"] == "websocket.disconnect":
                return
    finally:
        connection.on_close()
        peer.stop()


def _as_denial(send: Send) -> Send:
    """``send`` with HTTP response messages renamed for the websocket.http.response extension."""

    async def deny(message: MutableMapping[str, Any]) -> None:
        await send({**message, "type": "websocket." + message["type"]})

    return deny


async def _lifespan(receive: Receive, send: Send, endpoint: Endpoint) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            endpoint.shutdown()
            await send({"type": "lifespan.shutdown.complete"})
            return
