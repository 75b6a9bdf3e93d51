"""The floor: a raw WebSocket echo server of each server library, a few lines each, that
answers ``GET /`` (so the driver sees it is up) and echoes every text message on ``/ws``.
What webio-core does above it is what the ratios against the floor show."""

from __future__ import annotations

TORNADO = """
    import asyncio, sys
    import tornado.web, tornado.websocket

    class Echo(tornado.websocket.WebSocketHandler):
        def check_origin(self, origin):
            return True

        def on_message(self, message):
            self.write_message(message)

    class Page(tornado.web.RequestHandler):
        def get(self):
            self.write("ok")

    async def main():
        app = tornado.web.Application([("/", Page), ("/ws", Echo)])
        app.listen(int(sys.argv[1]), "127.0.0.1")
        await asyncio.Event().wait()

    asyncio.run(main())
"""

AIOHTTP = """
    import sys
    from aiohttp import web

    async def echo(request):
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for message in ws:
            await ws.send_str(message.data)
        return ws

    async def page(request):
        return web.Response(text="ok")

    app = web.Application()
    app.add_routes([web.get("/", page), web.get("/ws", echo)])
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)
"""

STARLETTE = """
    import sys
    import uvicorn
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route, WebSocketRoute
    from starlette.websockets import WebSocketDisconnect

    async def page(request):
        return PlainTextResponse("ok")

    async def echo(ws):
        await ws.accept()
        try:
            while True:
                await ws.send_text(await ws.receive_text())
        except WebSocketDisconnect:
            pass

    app = Starlette(routes=[Route("/", page), WebSocketRoute("/ws", echo)])
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""

#: Echo servers by server library.
FLOORS = {"tornado": TORNADO, "aiohttp": AIOHTTP, "starlette": STARLETTE}
#: The server library under each WebSocket backend, whose floor its ratios are taken against.
LIBRARY_OF_BACKEND = {"tornado": "tornado", "aiohttp": "aiohttp", "fastapi": "starlette"}
