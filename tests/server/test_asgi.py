"""The core's ASGI adapter under a real ASGI server (uvicorn), for WebSocket and HTTP-polling
endpoints, at the root and mounted under a sub-path of a host application."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import uvicorn
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from webio_core.input import input
from webio_core.output import put_text
from webio_core.server import Backend, Endpoint, asgi_app
from webio_core.server.asgi import route_path
from webio_core.testing import WebIOClient, eventually, http_request


def greeter() -> None:
    name = input("name?")
    put_text(f"Hello {name}")


def backend(transport: Any) -> Backend:
    # Served by uvicorn below, so the factory is never called.
    return Backend("asgi-test", transport, "unused:unused", "unused")


@contextmanager
def uvicorn_serving(app: Any) -> Iterator[str]:
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def mounted(prefix: str, app: Any) -> Any:
    """A host application with ``app`` on ``prefix`` and a page of its own elsewhere."""

    async def host(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan" or scope.get("path", "").startswith(prefix):
            await app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"host app"})

    return host


def mounted_with_root_path(prefix: str, app: Any) -> Any:
    """Like :func:`mounted`, setting ``root_path`` as ASGI frameworks do (Starlette's Mount):
    ``path`` keeps the prefix."""

    async def host(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "lifespan":
            scope = {**scope, "root_path": scope.get("root_path", "") + prefix}
        await mounted(prefix, app)(scope, receive, send)

    return host


@pytest.mark.parametrize(
    ("path", "root_path", "expected"),
    [
        ("/tool/", "/tool", "/"),
        ("/tool", "/tool", "/"),
        ("/tool/static/a.css", "/tool", "/static/a.css"),
        ("/toolbox/", "/tool", "/toolbox/"),
        ("/static/a.css", "/tool", "/static/a.css"),  # a framework that strips the prefix
        ("/", "", "/"),
    ],
)
def test_route_path_is_below_the_mount_point(path, root_path, expected):
    assert route_path({"type": "http", "path": path, "root_path": root_path}) == expected


@pytest.mark.parametrize("transport", ["websocket", "http"])
def test_round_trip_page_and_client_files(transport):
    endpoint = Endpoint.for_server(greeter, backend(transport))
    with uvicorn_serving(asgi_app(endpoint)) as base:
        with WebIOClient(base + "/", transport=transport) as user:
            user.submit("Ada")
            user.should_see("Hello Ada")
        status, _, page = http_request(base + "/")
        assert status == 200 and b'id="webio-config"' in page
        status, _, script = http_request(base + "/", query={"webio_static": "webio.js"})
        assert status == 200 and len(script) > 1000
        assert http_request(base + "/elsewhere")[0] == 404
        eventually(lambda: not endpoint.sessions, "the session to close")


def test_mounted_under_a_sub_path():
    endpoint = Endpoint.for_route(greeter, backend("websocket"))
    with uvicorn_serving(mounted("/tool", asgi_app(endpoint))) as base:
        assert http_request(base + "/")[::2] == (200, b"host app")
        with WebIOClient(base + "/tool", transport="websocket") as user:
            user.submit("Ada")
            user.should_see("Hello Ada")


@pytest.mark.parametrize("transport", ["websocket", "http"])
def test_server_of_its_own_mounted_with_a_root_path(transport, tmp_path):
    (tmp_path / "logo.txt").write_text("a logo")
    endpoint = Endpoint.for_server(greeter, backend(transport), static_dir=str(tmp_path))
    with uvicorn_serving(mounted_with_root_path("/tool", asgi_app(endpoint))) as base:
        assert http_request(base + "/")[::2] == (200, b"host app")
        with WebIOClient(base + "/tool/", transport=transport) as user:
            user.submit("Ada")
            user.should_see("Hello Ada")
        assert http_request(base + "/tool/static/logo.txt")[::2] == (200, b"a logo")
        status, _, script = http_request(base + "/tool/", query={"webio_static": "webio.js"})
        assert status == 200 and len(script) > 1000
        assert http_request(base + "/tool/elsewhere")[0] == 404


def test_foreign_origin_upgrade_refused_with_403():
    endpoint = Endpoint.for_route(greeter, backend("websocket"))
    with uvicorn_serving(asgi_app(endpoint)) as base:
        url = base.replace("http://", "ws://") + "/?app=index"
        with pytest.raises(InvalidStatus) as refusal:
            connect(url, origin="http://evil.example", open_timeout=10)  # type: ignore[arg-type]
        assert refusal.value.response.status_code == 403
        assert endpoint.sessions == []


def test_unknown_app_upgrade_refused_with_404():
    endpoint = Endpoint.for_route(greeter, backend("websocket"))
    with uvicorn_serving(asgi_app(endpoint)) as base:
        url = base.replace("http://", "ws://") + "/?app=missing"
        with pytest.raises(InvalidStatus) as refusal:
            connect(url, open_timeout=10)
        assert refusal.value.response.status_code == 404


def test_large_bodies_are_refused():
    endpoint = Endpoint.for_server(greeter, backend("http"), max_payload_size="1K")
    with uvicorn_serving(asgi_app(endpoint)) as base:
        status, _, _ = http_request(
            base + "/", method="POST", headers={"webio-session-id": "new"}, body=b"x" * 4096
        )
        assert status == 413


def test_websocket_endpoint_takes_only_get_requests():
    endpoint = Endpoint.for_server(greeter, backend("websocket"))
    with uvicorn_serving(asgi_app(endpoint)) as base:
        assert http_request(base + "/", method="POST", body=b"{}")[0] == 405
