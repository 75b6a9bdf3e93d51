"""One long-running server per backend, on which each test hosts its app under a name of its
own (``?app=<name>``) for the duration of the test.

Starting and stopping a server per test costs up to half a second on some backends (Werkzeug
polls for shutdown twice a second), so tests whose app needs no server options share one.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from typing import Any, Callable

from ..server import NamedApps
from ..session.base import Session
from . import RunningApp, serve
from .client import WebIOClient
from .helpers import eventually


class HostedApp:
    """One test's app on a shared server; used like the ``RunningApp`` of ``serve()``."""

    def __init__(self, running: RunningApp, name: str) -> None:
        self.running = running
        self.name = name

    @property
    def url(self) -> str:
        return self.running.url

    @property
    def transport(self) -> str:
        return self.running.transport

    @property
    def sessions(self) -> list[Session]:
        """The live sessions of this app only."""
        return [s for s in self.running.sessions if s.app_name == self.name]

    def client(self, **kwargs: Any) -> WebIOClient:
        """A page of this app (``app=`` names another app of the shared server)."""
        kwargs.setdefault("app", self.name)
        return self.running.client(**kwargs)


def _placeholder_index() -> None:
    """The shared server's own index app; tests never open it."""


class SharedServers:
    """Shared servers by backend name, started on first use, stopped by :meth:`close`."""

    def __init__(self) -> None:
        self._stack = contextlib.ExitStack()
        self._servers: dict[str, tuple[RunningApp, NamedApps]] = {}
        self._names = itertools.count(1)

    def _server(self, backend: str) -> tuple[RunningApp, NamedApps]:
        if backend not in self._servers:
            running = self._stack.enter_context(
                serve({"index": _placeholder_index}, backend=backend)
            )
            resolver = running.endpoint.resolver
            assert isinstance(resolver, NamedApps)
            self._servers[backend] = (running, resolver)
        return self._servers[backend]

    @contextlib.contextmanager
    def host(self, backend: str, app: Callable[[], Any]) -> Iterator[HostedApp]:
        """Host ``app`` on the shared server of ``backend`` for the duration of the block.

        At the end the app is taken off the server, and every session of it must have closed
        (its pages were closed): a session that outlives its page fails the test.
        """
        running, resolver = self._server(backend)
        hosted = HostedApp(running, f"test-app-{next(self._names)}")
        resolver.apps[hosted.name] = app
        try:
            yield hosted
        finally:
            del resolver.apps[hosted.name]
        eventually(lambda: not hosted.sessions, f"the sessions of {hosted.name} to close")

    def close(self) -> None:
        self._stack.close()
