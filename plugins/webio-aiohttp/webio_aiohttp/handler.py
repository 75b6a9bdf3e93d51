"""aiohttp handlers: one endpoint on one route (page, client files and WebSocket), and the
client's files on routes of their own."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable
from typing import Any, Callable

from aiohttp import WSMsgType, web

from webio_core.server import CLIENT_DIR, Request, Response, SerialWriter, WebSocketTransport

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def to_request(request: web.Request) -> Request:
    return Request.build(
        request.method,
        request.query_string,
        request.headers.items(),
        path=request.path,
        remote_ip=request.remote or "",  # the peer (unless a middleware replaced it)
        raw=request,
    )


def to_response(response: Response) -> web.Response:
    headers = {"Content-Type": response.content_type, **response.headers}
    return web.Response(status=response.status, body=response.body_bytes, headers=headers)


def make_handler(transport: WebSocketTransport, websocket_settings: Any = None) -> Handler:
    """The handler of a route; ``websocket_settings`` go to ``web.WebSocketResponse``."""
    settings = {"max_msg_size": transport.max_message_size, **(websocket_settings or {})}

    async def webio_handler(request: web.Request) -> web.StreamResponse:
        core_request = to_request(request)
        refusal = transport.handle_http(core_request)
        if refusal is not None:
            return to_response(refusal)
        socket = web.WebSocketResponse(**settings)
        await socket.prepare(request)
        # aiohttp may reorder concurrent sends: the writer makes them one at a time.
        writer = SerialWriter(
            socket.send_str, lambda code, reason: socket.close(code=code, message=reason.encode())
        )
        loop = asyncio.get_running_loop()
        connection = transport.connect(core_request, loop, writer.send_text, writer.close)
        try:
            async for message in socket:
                if message.type in (WSMsgType.TEXT, WSMsgType.BINARY):
                    connection.on_message(message.data)
        finally:
            connection.on_close()
            writer.finish()
        return socket

    return webio_handler


def static_routes(prefix: str = "/") -> list[web.RouteDef]:
    """Routes serving the browser client's files (``webio_core.STATIC_PATH``) under
    ``prefix``, as PyWebIO's ``static_routes`` serve PyWebIO's.

    No page needs them: the route of ``webio_handler`` serves the client itself, whatever
    ``cdn`` is. They remain so that PyWebIO programs adding them keep working, and match the
    client's file names only, so they hide no route of the host application, wherever added."""
    names = "|".join(re.escape(path.name) for path in sorted(CLIENT_DIR.iterdir()))

    async def client_file(request: web.Request) -> web.FileResponse:
        return web.FileResponse(CLIENT_DIR / request.match_info["name"])

    return [web.get(prefix.rstrip("/") + "/{name:" + names + "}", client_file)]
