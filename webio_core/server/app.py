"""One server's webio_core state: its apps, options, live sessions, page and static handling.

Backends create one :class:`WebIOApp` per server (or per integration helper) and hand it the
requests of their framework, translated into :class:`~webio_core.server.request.Request`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from pathlib import Path
from typing import Any, Callable, Optional

from ..backend import Backend
from ..config import app_config
from ..plugins import Plugins, get_plugins
from ..protocol import ClientFrame, decode_client_frame
from ..session.base import Session
from ..session.coroutinebased import CoroutineSession, session_event_loop
from ..session.info import SessionInfo
from ..session.threadbased import ThreadSession
from .apps import Applications, is_coroutine_app, normalize_applications
from .options import ServerOptions
from .page import render_page
from .request import Request, Response, text_response
from .static import content_type, find_static_file

logger = logging.getLogger("webio_core.server")

STATIC_QUERY = "webio_static"


class UnknownApp(LookupError):
    pass


class WebIOApp:
    def __init__(
        self,
        applications: Applications,
        *,
        backend: Backend,
        options: Optional[ServerOptions] = None,
        plugins: Optional[Plugins] = None,
    ) -> None:
        self.apps = normalize_applications(applications)
        self.backend = backend
        self.options = options or ServerOptions()
        self.plugins = plugins or get_plugins()
        self._static_dirs = self.plugins.static_dirs()
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        self._shutdown_callbacks: list[Callable[[], None]] = []

    # ---- pages and files --------------------------------------------------------------------

    def handle_get(self, request: Request) -> Response:
        """A GET that is not part of a session: a client file or an app's page."""
        if STATIC_QUERY in request.query:
            return self._static(request.query[STATIC_QUERY])
        app_name = request.query.get("app", "index")
        if app_name not in self.apps:
            return text_response(404, f"No application called {app_name!r} on this server.")
        page = render_page(
            app_name=app_name,
            transport=self.backend.protocol,
            config=app_config(self.apps[app_name]),
            cdn=self.options.cdn,
            extra_head=self.plugins.page_head(app_name),
        )
        return Response(200, page, "text/html; charset=utf-8", {"Cache-Control": "no-cache"})

    def _static(self, name: str) -> Response:
        path = find_static_file(name, self._static_dirs)
        if path is None:
            return text_response(404, "No such file.")
        return Response(
            200, path.read_bytes(), content_type(path), {"Cache-Control": "max-age=3600"}
        )

    def user_static_file(self, relative_path: str) -> Optional[Path]:
        """A file of the ``static_dir`` option, or None (also for paths that leave it)."""
        if not self.options.static_dir:
            return None
        root = os.path.realpath(self.options.static_dir)
        path = os.path.realpath(os.path.join(root, relative_path))
        if os.path.commonpath([root, path]) != root or not os.path.isfile(path):
            return None
        return Path(path)

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
        return decode_client_frame(raw, self.options.max_payload_bytes)

    # ---- sessions ---------------------------------------------------------------------------

    def create_session(
        self, request: Request, loop: Optional[asyncio.AbstractEventLoop] = None
    ) -> Session:
        """A new, not yet started, session of the app named in the request's ``app`` argument.

        Coroutine apps run on ``loop`` (the backend's own loop), or on the shared session loop
        of :func:`~webio_core.platform.run_event_loop` for backends without one.
        """
        app_name = request.query.get("app", "index")
        func = self.apps.get(app_name)
        if func is None:
            raise UnknownApp(app_name)
        info = SessionInfo(
            user_agent_string=request.header("user-agent"),
            user_language=request.header("accept-language").split(",")[0].strip(),
            server_host=request.host,
            origin=request.origin,
            user_ip=request.remote_ip,
            backend=self.backend.name,
            protocol=self.backend.protocol,
            request=request.raw,
        )
        session: Session
        if is_coroutine_app(func):
            session = CoroutineSession(
                app_name, func, info, self.plugins, loop=loop or session_event_loop()
            )
        else:
            session = ThreadSession(app_name, func, info, self.plugins)
        with self._lock:
            self._sessions[session.id] = session
        session.add_close_listener(self._forget)
        return session

    def _forget(self, session: Session) -> None:
        with self._lock:
            self._sessions.pop(session.id, None)

    def session(self, session_id: str) -> Optional[Session]:
        with self._lock:
            return self._sessions.get(session_id)

    @property
    def sessions(self) -> list[Session]:
        with self._lock:
            return list(self._sessions.values())

    def on_shutdown(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` when the server stops (transports stop their timers and threads)."""
        self._shutdown_callbacks.append(callback)

    def shutdown(self) -> None:
        """Server stop: stop the transports and close every live session. Idempotent."""
        callbacks, self._shutdown_callbacks = self._shutdown_callbacks, []
        for callback in callbacks:
            callback()
        for session in self.sessions:
            session.close(notify_client=True)
