"""``start_server``: pick a backend by name, bind it, serve until interrupted.

Every backend plugin's own ``start_server`` (``webio_core.platform.tornado.start_server``...)
comes here through :func:`~webio_core.server.helpers.start_server_for`, so the way servers start
and stop is written once.
"""

from __future__ import annotations

import logging
import threading
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional, Union

from .. import environ
from ..debugging import debug_enabled
from ..plugins import Plugins, get_plugins
from . import reload
from .addresses import ServingUrls, serving_urls
from .backend import RunningServer
from .endpoint import Endpoint
from .framework_options import framework_settings
from .listening import ServerStartError, listen, start_error
from .options import ServerOptions
from .resolvers import Applications, AppResolver

logger = logging.getLogger("webio_core.server")


def create_server(
    applications: Union[Applications, AppResolver],
    *,
    port: int = 0,
    host: str = "",
    backend: Optional[str] = None,
    plugins: Optional[Plugins] = None,
    **options: Any,
) -> tuple[RunningServer, Endpoint]:
    """Bind a server for ``applications`` (or a resolver of any kind, such as path_deploy's)
    on the chosen backend, without serving yet.

    Raises :class:`~webio_core.server.framework_options.UnknownOptionError` (a TypeError) for
    an option neither webio_core nor the backend's framework knows, and
    :class:`~webio_core.server.listening.ServerStartError` (an OSError) when the server cannot
    listen on ``host``:``port``."""
    plugins = plugins or get_plugins()
    chosen = plugins.backend(backend)
    common, settings = ServerOptions.split(options)
    settings = framework_settings(chosen, settings)
    endpoint = Endpoint.for_server(applications, chosen, plugins=plugins, **common)
    try:
        return chosen.create_server(endpoint, host or "", port, settings), endpoint
    except OSError as error:
        endpoint.shutdown()
        raise start_error(error, host, port) or error from error


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

    With ``debug=True`` (or ``enable_debug()``, or ``WEBIO_DEBUG`` / ``PYWEBIO_DEBUG`` set), a
    failing app shows its traceback on the page, and the server runs in a child process that
    restarts when a ``.py`` file beside the main script changes (see
    ``webio_core.server.reload``); ``port=0`` then keeps the port it first picked.
    """
    serve(applications, port=port, host=host, backend=backend, **options)


def serve(
    applications: Union[Applications, AppResolver],
    *,
    port: int = 0,
    host: str = "",
    backend: Optional[str] = None,
    watch: Optional[Path] = None,
    restart: Optional[bool] = None,
    **options: Any,
) -> None:
    """What :func:`start_server` does, for apps or any resolver: ``watch`` is the directory
    whose changes restart the server (the main script's by default), ``restart`` whether to
    (None: in debug mode only)."""
    if supervise_if_asked(
        port=port, host=host, backend=backend, watch=watch, restart=restart, options=options
    ):
        return
    serving_port = reload.child_port()
    with one_line_start_errors():
        server, endpoint = create_server(
            applications,
            port=port if serving_port is None else serving_port,
            host=host,
            backend=backend,
            **options,
        )
    first_start = reload.restart_count() == 0
    urls = serving_urls(host, server.port)
    if first_start:
        print(banner(urls, endpoint.backend.name), flush=True)
    if (
        endpoint.options.auto_open_webbrowser
        and first_start
        and not environ.flag(environ.NO_BROWSER)
    ):
        threading.Thread(target=webbrowser.open, args=(urls.local,), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.shutdown()


def banner(urls: ServingUrls, backend: str) -> str:
    """What a server prints when it starts: where to point a browser."""
    lines = [f"webio_core: serving on {urls.local} with the {backend} backend"]
    if urls.every_interface:
        if urls.network:
            lines.append(f"webio_core: from other machines: {', '.join(urls.network)}")
        else:
            lines.append("webio_core: from other machines: none (no network address found)")
    return "\n".join(lines)


@contextmanager
def one_line_start_errors() -> Iterator[None]:
    """In the main thread, a server that cannot start ends the program with its one-line
    reason instead of a traceback (elsewhere SystemExit would end the thread silently)."""
    try:
        yield
    except ServerStartError as error:
        if threading.current_thread() is not threading.main_thread():
            raise
        raise SystemExit(f"webio_core: {error}") from None


def supervise_if_asked(
    *,
    port: int,
    host: str,
    backend: Optional[str],
    watch: Optional[Path],
    restart: Optional[bool],
    options: dict[str, Any],
) -> bool:
    """In the process the user started, when restarting on changes is asked for (``restart``,
    or debug mode when it is None): supervise a serving child until Ctrl+C, then return True.
    False when this process must serve itself (no restarting, or it is that child)."""
    if reload.child_port() is not None:
        reload.obey_supervisor()
        return False
    debug = bool(options.get("debug")) or debug_enabled()
    if not (debug if restart is None else restart):
        return False
    reason = reload.why_not_reload()
    if reason is not None:
        logger.warning("%s without reloading: %s", "debug mode" if debug else "serving", reason)
        return False
    # Wrong options, an unknown backend or a taken port fail here, once, rather than in every
    # child.
    chosen = get_plugins().backend(backend)
    common, settings = ServerOptions.split(options)
    ServerOptions(**common)
    framework_settings(chosen, settings)
    if port:
        with one_line_start_errors():
            listen(host, port).close()
    reload.supervise(host, port, watch, "debug mode" if debug else "reload mode")
    return True


@contextmanager
def serve_in_thread(
    applications: Applications, *, backend: Optional[str] = None, **options: Any
) -> Iterator[tuple[str, Endpoint]]:
    """Run a server on a free loopback port in a background thread; yields (url, endpoint)."""
    options.setdefault("host", "127.0.0.1")
    server, endpoint = create_server(applications, backend=backend, **options)
    with running_in_thread(server, endpoint) as url:
        yield url, endpoint


@contextmanager
def serve_endpoint(endpoint: Endpoint, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve an endpoint made by hand (its own resolver or registry) on its backend, on a free
    port of ``host``, in a background thread; yields the server's URL."""
    server = endpoint.backend.create_server(endpoint, host, 0, {})
    with running_in_thread(server, endpoint, host) as url:
        yield url


@contextmanager
def running_in_thread(
    server: RunningServer, endpoint: Endpoint, host: str = "127.0.0.1"
) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, name="webio-test-server", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.port}/"
    finally:
        server.stop()
        thread.join(timeout=10)
        endpoint.shutdown()
