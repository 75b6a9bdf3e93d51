"""The endpoint: one URL that serves an app's page, the client's files and its sessions.

Backends create one :class:`Endpoint` per server (or per integration helper) and hand it the
requests of their framework, translated into :class:`~webio_core.server.request.Request`; the
WebSocket or HTTP transport of the core does the session part.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Collection
from pathlib import Path
from typing import Any, Callable, Optional, Union

from .._version import __version__
from ..config import app_config
from ..plugins import Plugins, get_plugins
from ..protocol import PROTOCOL_VERSION, ClientFrame, decode_client_frame
from ..protocol.commands import SESSION, SessionSpec
from ..protocol.constants import QUERY_STATIC, QUERY_VERSION
from ..session.base import Link, Session
from ..session.broadcast import add_broadcaster, remove_broadcaster
from ..session.coroutinebased import CoroutineSession, session_event_loop
from ..session.info import SessionInfo
from ..session.script import note_server
from ..session.threadbased import ThreadSession
from .backend import Backend
from .delivery import deliver, deliver_page, prepared_file
from .forwarded import FORWARDED_FOR
from .options import ServerOptions
from .page import render_page
from .registry import LocalSessions, SessionRegistry
from .request import Request, Response, text_response
from .resolvers import Applications, AppResolver, AppTarget, NamedApps, RespondingResolver
from .static import content_type, find_static_file

logger = logging.getLogger("webio_core.server")

#: The environment variable with the default ``registry_url``.
REDIS_URL_VARIABLE = "WEBIO_REDIS_URL"
#: Longest pause of the watch for silent clients, in seconds.
MAX_WATCH_INTERVAL = 5.0
#: Where a server of its own serves the files of its ``static_dir`` option.
USER_STATIC_PREFIX = "/static/"
#: The only URL path with apps on a server of its own (a route mounted in a host framework
#: takes whatever path the framework routes to it).
SERVER_APP_PATHS = ("/",)


class UnknownApp(LookupError):
    """A request names no app of this endpoint."""


class Endpoint:
    """Apps, options, sessions and the page of one endpoint."""

    #: Whether this endpoint serves the page of a script (script mode), rather than apps.
    serves_script = False

    def __init__(
        self,
        applications: Union[Applications, AppResolver],
        *,
        backend: Backend,
        options: Optional[ServerOptions] = None,
        plugins: Optional[Plugins] = None,
        registry: Optional[SessionRegistry] = None,
    ) -> None:
        if not self.serves_script:
            note_server()  # from now on, a call outside any session is an error, not a script
        self.resolver = (
            applications if isinstance(applications, AppResolver) else NamedApps(applications)
        )
        self.backend = backend
        self.options = options or ServerOptions()
        self.plugins = plugins or get_plugins()
        self.registry: SessionRegistry = registry or self._registry_from_options()
        add_broadcaster(self.registry)
        self._static_dirs = self.plugins.static_dirs()
        self._shutdown_callbacks: list[Callable[[], None]] = []
        self._closing = False
        self._watch: Optional[SilenceWatch] = None
        # What sessions call for go_app's names: one bound method for all (64 bytes each).
        self._names_for_sessions = self.app_names

    def _registry_from_options(self) -> SessionRegistry:
        url = self.options.registry_url or os.environ.get(REDIS_URL_VARIABLE)
        return self.plugins.session_registry(url) if url else LocalSessions()

    @classmethod
    def for_server(
        cls,
        applications: Union[Applications, AppResolver],
        backend: Backend,
        *,
        plugins: Optional[Plugins] = None,
        **options: Any,
    ) -> Endpoint:
        """The endpoint of a server of its own (``start_server``, ``wsgi_app``,
        ``path_deploy``...): apps at ``/`` (or wherever a resolver given instead of apps puts
        them), ``static_dir`` files under ``/static/``; ``options`` are ServerOptions."""
        resolver = (
            applications
            if isinstance(applications, AppResolver)
            else NamedApps(applications, paths=SERVER_APP_PATHS)
        )
        return cls(resolver, backend=backend, options=ServerOptions(**options), plugins=plugins)

    @classmethod
    def for_route(cls, applications: Applications, backend: Backend, **options: Any) -> Endpoint:
        """The endpoint of an integration helper (``webio_handler``, ``webio_view``...),
        mounted by the host framework on a route of its choosing."""
        return cls(NamedApps(applications), backend=backend, options=ServerOptions(**options))

    # ---- pages and files --------------------------------------------------------------------

    def handle_get(self, request: Request) -> Response:
        """A GET that is not part of a session: a client file, a static_dir file or a page."""
        if QUERY_STATIC in request.query:
            return self._client_file(request)
        if self.options.static_dir and request.path.startswith(USER_STATIC_PREFIX):
            return self._user_file(request, request.path[len(USER_STATIC_PREFIX) :])
        if isinstance(self.resolver, RespondingResolver):
            response = self.resolver.respond(request)
            if response is not None:
                return response
        target = self.resolver.resolve(request)
        if target is None:
            return text_response(404, "No application here.")
        page = render_page(
            app_name=target.name,
            transport=self.backend.transport,
            config=app_config(target.function),
            cdn=self.options.cdn,
            max_payload=self.options.max_payload_bytes,
            extra_head=self.plugins.page_head(target.name),
        )
        return deliver_page(request, page)

    def _client_file(self, request: Request) -> Response:
        path = find_static_file(request.query[QUERY_STATIC], self._static_dirs)
        if path is None:
            return text_response(404, "No such file.")
        # The page asks for the client's files with the version in the URL (``&v=``).
        versioned = request.query.get(QUERY_VERSION) == __version__
        return deliver(request, prepared_file(path, content_type(path)), versioned)

    def _user_file(self, request: Request, relative_path: str) -> Response:
        assert self.options.static_dir
        root = os.path.realpath(self.options.static_dir)
        path = os.path.realpath(os.path.join(root, relative_path))
        # realpath resolves "..", symlinks included: what is left must still be under root.
        if os.path.commonpath([root, path]) != root or not os.path.isfile(path):
            return text_response(404, "No such file.")
        return deliver(request, prepared_file(Path(path), content_type(Path(path))), False)

    # ---- security ---------------------------------------------------------------------------

    def origin_allowed(self, request: Request) -> bool:
        """Whether a browser request may open or use a session (same origin unless allowed)."""
        origin = request.origin
        if not origin:
            # Browsers always send Origin on WebSocket upgrades and cross-origin requests;
            # its absence means a non-browser client, which the same-origin rule cannot cover.
            return True
        allowed = self.plugins.origin_allowed(origin, request.host, self.options.origin_policy)
        if not allowed:
            logger.warning("refused a request from origin %r to host %r", origin, request.host)
        return allowed

    def decode_frame(self, raw: Any) -> ClientFrame:
        """Parse and validate one client frame (JSON text, or a binary frame carrying bytes)
        within the endpoint's ``max_payload_size``; raises ``ProtocolError`` when anything is
        off."""
        return decode_client_frame(raw, self.options.max_payload_bytes)

    # ---- sessions ---------------------------------------------------------------------------

    def app_names(self) -> Optional[Collection[str]]:
        """The names of this endpoint's apps, when its resolver knows them by name."""
        names = getattr(self.resolver, "app_names", None)
        return names() if callable(names) else None

    def resolve(self, request: Request) -> Optional[AppTarget]:
        """The app ``request`` is for, as the resolver says; None once the endpoint is shutting
        down, so that no new session starts then."""
        return None if self._closing else self.resolver.resolve(request)

    def create_session(
        self, request: Request, loop: Optional[asyncio.AbstractEventLoop] = None
    ) -> Session:
        """A new, registered, not yet started session of the app the request resolves to.

        Coroutine apps run on ``loop`` (the backend's own loop), or on the shared session loop
        of :func:`~webio_core.platform.run_event_loop` for backends without one.
        """
        target = self.resolve(request)
        if target is None:
            raise UnknownApp(request.path)
        session = self.new_session(target, self.session_info(request), loop)
        session.app_names = self._names_for_sessions
        session.ack_timeout = self.options.ack_timeout
        session.max_payload_size = self.options.max_payload_bytes
        session.debug = self.options.debug
        self.registry.add(session)
        if self._watch is None:
            self._watch = SilenceWatch(self)
        return session

    def new_session(
        self, target: AppTarget, info: SessionInfo, loop: Optional[asyncio.AbstractEventLoop]
    ) -> Session:
        """The session that runs ``target`` (a thread- or coroutine-based one, after the app)."""
        if target.is_coroutine:
            return CoroutineSession(
                target.name, target.function, info, self.plugins, loop=loop or session_event_loop()
            )
        return ThreadSession(target.name, target.function, info, self.plugins)

    def session_info(self, request: Request) -> SessionInfo:
        """What ``session.info`` tells an app about the browser behind ``request``."""
        return SessionInfo(
            user_agent_string=request.header("user-agent"),
            user_language=request.header("accept-language").split(",")[0].strip(),
            server_host=request.host,
            origin=request.origin,
            user_ip=self.options.proxies.client_ip(
                request.remote_ip, request.header(FORWARDED_FOR)
            ),
            backend=self.backend.name,
            protocol=self.backend.transport,
            request=request.raw,
        )

    def start_session(self, session: Session, link: Link, reconnect_timeout: float) -> None:
        """Attach the transport's link, tell the client who it is, and run the app."""
        session.attach(link)
        spec = SessionSpec(
            protocol=PROTOCOL_VERSION, session_id=session.id, reconnect_timeout=reconnect_timeout
        )
        session.send(SESSION(spec))
        session.start()

    def session(self, session_id: str) -> Optional[Session]:
        """The session called ``session_id`` if this process runs it (open or closed), else
        None."""
        return self.registry.get(session_id)

    @property
    def sessions(self) -> list[Session]:
        """The open sessions."""
        return [s for s in self.registry.all() if not s.closed]

    def on_shutdown(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` when the server stops (transports stop their timers and threads)."""
        self._shutdown_callbacks.append(callback)

    def shutdown(self) -> None:
        """Server stop: refuse new sessions, stop the transports, close every session.
        Idempotent."""
        self._closing = True
        if self._watch is not None:
            self._watch.stop()
        callbacks, self._shutdown_callbacks = self._shutdown_callbacks, []
        for callback in callbacks:
            callback()
        for session in self.sessions:
            session.close(notify_client=True)
        remove_broadcaster(self.registry)
        self.registry.close()


class SilenceWatch:
    """Closes the sessions whose client stopped acknowledging (connected, but not reading):
    an app that waits for room gives up by itself, this covers the apps that never wait."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.interval = min(endpoint.options.ack_timeout / 4, MAX_WATCH_INTERVAL)
        self._stopped = threading.Event()
        thread = threading.Thread(target=self._run, name="webio-silence-watch", daemon=True)
        thread.start()

    def _run(self) -> None:
        while not self._stopped.wait(self.interval):
            self._sweep()

    def _sweep(self) -> None:
        # A function of its own: its locals (the last session looked at) must not outlive the
        # sweep while the thread sleeps, or that session could never be freed.
        for session in self.endpoint.registry.all():
            session.close_silent()

    def stop(self) -> None:
        self._stopped.set()
