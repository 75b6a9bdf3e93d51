"""What a backend plugin contributes: a :class:`Backend` and the servers it creates."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Protocol

from ..protocol.page import Transport
from .framework_options import FrameworkOptions

if TYPE_CHECKING:
    from .endpoint import Endpoint


class RunningServer(Protocol):
    """A server bound to its port, not serving yet."""

    #: The port actually bound (useful when 0 was asked for).
    port: int

    def serve_forever(self) -> None:
        """Serve requests in this thread until :meth:`stop` is called."""

    def stop(self) -> None:
        """Make :meth:`serve_forever` return. Safe to call from any thread, more than once."""


@dataclass(frozen=True)
class Backend:
    """A web server that can run webio_core apps.

    Both module references are import strings, imported only when used, so that registering a
    backend costs nothing and ``start_server(backend="flask")`` never imports Tornado:

    - ``server_factory`` (``"package.module:function"``): ``function(endpoint, host, port,
      settings)`` binds a server that hands every request to ``endpoint`` (an
      :class:`~webio_core.server.endpoint.Endpoint`), whatever its path, and returns a
      :class:`RunningServer` without serving; ``settings`` are the framework-specific keyword
      arguments the user passed to ``start_server``.
    - ``api_module``: the module whose public names ``webio_core.platform.<name>`` re-exports
      (``start_server``, ``webio_handler``, ``webio_view``, ``wsgi_app``...).

    ``framework_options`` declares which of those settings the framework takes: any other
    option is refused before the server starts, naming the nearest known one. By default the
    backend takes none.
    """

    name: str
    #: How sessions talk to the page: one WebSocket each, or HTTP polling.
    transport: Transport
    server_factory: str
    api_module: str
    framework_options: FrameworkOptions = field(default_factory=FrameworkOptions)

    def create_server(
        self, endpoint: Endpoint, host: str, port: int, settings: dict[str, Any]
    ) -> RunningServer:
        """Import ``server_factory`` and call it: a server bound to ``host``:``port`` that hands
        every request to ``endpoint``, not serving yet."""
        module_name, _, function_name = self.server_factory.partition(":")
        factory: Callable[..., RunningServer] = getattr(
            importlib.import_module(module_name), function_name
        )
        return factory(endpoint, host, port, settings)
