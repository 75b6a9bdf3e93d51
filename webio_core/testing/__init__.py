"""Testing webio_core apps and backends without a browser.

- :func:`loopback` serves apps in-process: the fastest way to test what an app does.
- :func:`serve` runs apps on a chosen backend on a free loopback port; :class:`WebIOClient`
  opens a page on it over the real connection (WebSocket or HTTP polling).
- :func:`app_variant` writes a test scenario once for thread- and coroutine-based apps.
- The pytest plugin (``webio_core.testing.pytest_plugin``) adds fixtures and
  ``pytest --webio-backend=NAME``, which runs the conformance suite against a backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Optional

from ..plugins import get_plugins
from ..protocol.constants import DEFAULT_APP
from ..server.endpoint import Endpoint
from ..server.resolvers import Applications
from ..server.start import serve_endpoint, serve_in_thread
from ..session.base import Session
from .client import WaitTimeout, WebIOClient
from .helpers import (
    RecordingPage,
    eventually,
    http_request,
    only_session,
    raw_get,
    recording_client,
    task_finished,
)
from .loopback import LoopbackServer, loopback
from .page import FormState, PageModel
from .scenarios import app_variant, coroutine_app, thread_app
from .scripts import NO_ANSWER, JsFailure

__all__ = [
    "NO_ANSWER",
    "FormState",
    "JsFailure",
    "LoopbackServer",
    "PageModel",
    "RecordingPage",
    "RunningApp",
    "WaitTimeout",
    "WebIOClient",
    "app_variant",
    "coroutine_app",
    "eventually",
    "http_request",
    "installed_backends",
    "loopback",
    "only_session",
    "raw_get",
    "recording_client",
    "serve",
    "serve_endpoint",
    "task_finished",
    "thread_app",
]


class RunningApp:
    """A server started by :func:`serve`."""

    def __init__(self, url: str, endpoint: Endpoint) -> None:
        #: The server's address, ``http://127.0.0.1:PORT/``.
        self.url = url
        #: What serves the apps: its sessions, options and backend.
        self.endpoint = endpoint

    @property
    def app(self) -> Endpoint:
        """The endpoint (its sessions, options...); an older name of :attr:`endpoint`."""
        return self.endpoint

    @property
    def sessions(self) -> list[Session]:
        """The open sessions of this server."""
        return self.endpoint.sessions

    @property
    def transport(self) -> str:
        """The connection the backend's pages use: ``"websocket"`` or ``"http"`` (polling)."""
        return self.endpoint.backend.transport

    def client(self, app: str = DEFAULT_APP, **kwargs: Any) -> WebIOClient:
        """A new page on this server (use it in a ``with`` block, or call ``connect()``)."""
        return WebIOClient(self.url, app=app, transport=self.transport, **kwargs)


@contextmanager
def serve(
    applications: Applications, backend: Optional[str] = None, **options: Any
) -> Iterator[RunningApp]:
    """Serve ``applications`` on 127.0.0.1 on a free port for the duration of the block."""
    with serve_in_thread(applications, backend=backend, **options) as (url, endpoint):
        yield RunningApp(url, endpoint)


def installed_backends() -> list[str]:
    """The names of the installed backends, sorted."""
    return sorted(get_plugins().backends)
