"""``start_server``: pick a backend by name, bind it, serve until interrupted."""

from __future__ import annotations

import logging
import threading
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Optional

from ..backend import RunningServer
from ..plugins import Plugins, get_plugins
from .app import WebIOApp
from .apps import Applications
from .options import ServerOptions

logger = logging.getLogger("webio_core.server")


def create_server(
    applications: Applications,
    *,
    port: int = 0,
    host: str = "",
    backend: Optional[str] = None,
    plugins: Optional[Plugins] = None,
    **options: Any,
) -> tuple[RunningServer, WebIOApp]:
    """Bind a server for ``applications`` on the chosen backend, without serving yet."""
    plugins = plugins or get_plugins()
    chosen = plugins.backend(backend)
    common, settings = ServerOptions.split(options)
    app = WebIOApp(applications, backend=chosen, options=common, plugins=plugins)
    return chosen.create_server(app, host or "", port, settings), app


def start_server(
    applications: Applications,
    port: int = 0,
    host: str = "",
    backend: Optional[str] = None,
    **options: Any,
) -> None:
    """Serve ``applications`` until interrupted.

    ``applications`` is an app function, a list of them (named by their function names) or a
    dict ``{name: function}``; ``?app=name`` selects one, and an index page lists them when
    there is no ``index`` app. ``backend`` names the web server plugin (``"tornado"``,
    ``"flask"``, ...); by default tornado if installed, else the only installed backend.
    ``port=0`` picks a free port. The other options are those of PyWebIO's ``start_server``
    for that backend (``cdn``, ``static_dir``, ``allowed_origins``, ``check_origin``,
    ``max_payload_size``, ``reconnect_timeout``, ``session_expire_seconds``, ...); options
    the core does not know go to the web framework.
    """
    server, app = create_server(applications, port=port, host=host, backend=backend, **options)
    url = f"http://{host or 'localhost'}:{server.port}/"
    print(f"webio_core: serving on {url} with the {app.backend.name} backend", flush=True)
    if app.options.auto_open_webbrowser:
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        app.shutdown()


@contextmanager
def serve_in_thread(
    applications: Applications, *, backend: Optional[str] = None, **options: Any
) -> Iterator[tuple[str, WebIOApp]]:
    """Run a server on a free loopback port in a background thread; yields (url, app)."""
    options.setdefault("host", "127.0.0.1")
    server, app = create_server(applications, backend=backend, **options)
    thread = threading.Thread(target=server.serve_forever, name="webio-test-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}/", app
    finally:
        server.stop()
        thread.join(timeout=10)
        app.shutdown()
