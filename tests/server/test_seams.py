"""The seams of the endpoint, on every installed backend: an app resolver of another kind (URL
paths to apps, as path_deploy needs) and a session registry that keeps sessions elsewhere (as a
cross-process registry does) plug in without any change to the HTTP or WebSocket transport."""

from __future__ import annotations

import json
from typing import Any, Callable, Optional

import pytest
from websockets.sync.client import connect

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.plugins import get_plugins
from webio_core.server import AppTarget, Endpoint, NamedApps, Request, ServerOptions
from webio_core.session import Session, broadcast, subscribe
from webio_core.session.topics import Topics
from webio_core.testing import WebIOClient, eventually, http_request, serve_endpoint


def greeter() -> None:
    name = input("name?")
    put_text(f"Hello {name}")
    put_buttons(["again"], onclick=lambda _: put_text(f"again, {name}"))


def counter() -> None:
    put_text("counting")
    input("never answered")


class PathApps:
    """Apps by URL path, the way a directory of scripts would be served."""

    def __init__(self, apps: dict[str, Callable[[], Any]]) -> None:
        self.apps = apps
        self.resolved: list[str] = []

    def resolve(self, request: Request) -> Optional[AppTarget]:
        function = self.apps.get(request.path)
        if function is None:
            return None
        self.resolved.append(request.path)
        return AppTarget(request.path, function)


class SessionHandle:
    """What another process's registry would return: a new object per lookup, standing for a
    session it does not hold itself (here it forwards to the session kept in the broker)."""

    def __init__(self, session: Session) -> None:
        object.__setattr__(self, "_session", session)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._session, name, value)


class BrokeredSessions:
    """A registry that keeps sessions in a broker (a dict standing for Redis) and answers every
    lookup with a fresh handle."""

    def __init__(self) -> None:
        self.broker: dict[str, Session] = {}
        self.lookups = 0
        self.topics = Topics()

    def add(self, session: Session) -> None:
        self.broker[session.id] = session

    def get(self, session_id: str) -> Optional[Session]:
        self.lookups += 1
        session = self.broker.get(session_id)
        return None if session is None else SessionHandle(session)  # type: ignore[return-value]

    def discard(self, session_id: str) -> None:
        self.broker.pop(session_id, None)

    def all(self) -> list[Session]:
        return [SessionHandle(s) for s in self.broker.values()]  # type: ignore[misc]

    # What a registry also answers (see SessionRegistry): no other process, no broker to leave,
    # broadcasts among this process's sessions.

    def serve(self, transport: Any) -> None:
        pass

    def close(self) -> None:
        pass

    def forward(self, session_id: str, request: Request) -> None:
        return None

    def relay(self, *args: Any) -> None:
        return None

    def broadcast(self, topic: str, data: str, message_id: str) -> None:
        self.topics.deliver(topic, data)


def test_a_path_resolver_serves_apps_by_url_path(webio_backend):
    backend = get_plugins().backend(webio_backend)
    resolver = PathApps({"/tools/greeter": greeter, "/tools/counter": counter})
    endpoint = Endpoint(resolver, backend=backend)
    with serve_endpoint(endpoint) as url:
        base = url.rstrip("/")
        status, _, page = http_request(base + "/tools/greeter")
        assert status == 200 and b'"app": "/tools/greeter"' in page
        assert http_request(base + "/tools/missing")[0] == 404
        with WebIOClient(base + "/tools/greeter", transport=backend.transport) as user:
            user.submit("Ada")
            user.should_see("Hello Ada")
        with WebIOClient(base + "/tools/counter", transport=backend.transport) as user:
            user.should_see("counting")
        assert set(resolver.resolved) >= {"/tools/greeter", "/tools/counter"}
        eventually(lambda: not endpoint.sessions, "the sessions to close")


def test_a_registry_that_keeps_sessions_elsewhere(webio_backend):
    backend = get_plugins().backend(webio_backend)
    registry = BrokeredSessions()
    endpoint = Endpoint(NamedApps(greeter), backend=backend, registry=registry)
    with serve_endpoint(endpoint) as url:
        with WebIOClient(url, transport=backend.transport) as user:
            user.submit("Ada")
            user.should_see("Hello Ada")
            user.click("again")
            user.should_see("again, Ada")
            assert len(registry.broker) == 1
        eventually(lambda: not registry.broker, "the closed session to leave the broker")
    if backend.transport == "http":
        # Every poll and post of an HTTP page finds its session through the registry.
        assert registry.lookups >= 3


@pytest.mark.webio_transport("websocket")
def test_a_reconnect_finds_its_session_through_the_registry(webio_backend):
    backend = get_plugins().backend(webio_backend)
    registry = BrokeredSessions()
    options = ServerOptions(reconnect_timeout=10)
    endpoint = Endpoint(NamedApps(greeter), backend=backend, options=options, registry=registry)
    with serve_endpoint(endpoint) as url:
        ws = url.replace("http://", "ws://")
        origin: Any = url.rstrip("/")
        with connect(ws + "?app=index", origin=origin) as socket:
            first = json.loads(socket.recv(timeout=10))["commands"]
        session_id = first[0]["spec"]["session_id"]
        with connect(f"{ws}?app=index&session={session_id}&ack=1", origin=origin) as socket:
            commands = []
            while not any(c["command"] == "input_group" for c in commands):
                commands.extend(json.loads(socket.recv(timeout=10))["commands"])
            form = next(c for c in commands if c["command"] == "input_group")
            event = {
                "seq": 1,
                "event": "from_submit",
                "task_id": form["task_id"],
                "data": {"data": "Ada"},
            }
            socket.send(json.dumps({"ack": commands[-1]["seq"], "events": [event]}))
            replies = []
            while not any(
                c["spec"].get("output", {}).get("content") == "Hello Ada" for c in replies
            ):
                replies.extend(json.loads(socket.recv(timeout=10))["commands"])
        assert registry.lookups >= 1


def listener() -> None:
    subscribe("news", lambda message: put_text(f"news: {message}"))
    input("listening")


def test_broadcasts_go_through_the_registry_of_the_session(webio_backend):
    backend = get_plugins().backend(webio_backend)
    registry = BrokeredSessions()
    endpoint = Endpoint(NamedApps(listener), backend=backend, registry=registry)
    with serve_endpoint(endpoint) as url:
        with WebIOClient(url, transport=backend.transport) as user:
            user.form()
            assert registry.topics.subscribed("news")  # found by id: it hands out proxies
            broadcast("news", "for every page")
            user.should_see("news: for every page")
        eventually(lambda: not registry.topics.subscribed("news"), "the subscription to end")
