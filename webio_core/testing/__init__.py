"""Testing webio_core apps and backends without a browser.

:func:`serve` runs apps on a chosen backend on a free loopback port; :class:`WebIOClient`
opens a page on it over the real connection. Also a pytest plugin (fixtures ``webio_serve``
and ``webio_backends``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Optional

from ..plugins import get_plugins
from ..server.endpoint import Endpoint
from ..server.resolvers import Applications
from ..server.start import serve_in_thread
from .client import WaitTimeout, WebIOClient
from .page import FormState, PageModel

__all__ = [
    "FormState",
    "PageModel",
    "RunningApp",
    "WaitTimeout",
    "WebIOClient",
    "installed_backends",
    "serve",
]


class RunningApp:
    """A server started by :func:`serve`."""

    def __init__(self, url: str, endpoint: Endpoint) -> None:
        self.url = url
        self.endpoint = endpoint

    @property
    def app(self) -> Endpoint:
        """The endpoint (its sessions, options...); an older name of :attr:`endpoint`."""
        return self.endpoint

    @property
    def transport(self) -> str:
        return self.endpoint.backend.transport

    def client(self, app: str = "index", **kwargs: Any) -> WebIOClient:
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
