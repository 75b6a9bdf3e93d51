"""The server of script mode (see :mod:`webio_core.session.script`): one page, on loopback.

It runs on the default backend (tornado when installed; ``WEBIO_SCRIPT_MODE_BACKEND`` names
another), in a daemon thread, on 127.0.0.1 and the port of ``WEBIO_SCRIPT_MODE_PORT`` /
``PYWEBIO_SCRIPT_MODE_PORT`` (a free port when unset). As in PyWebIO, the browser is opened
unless that variable is set (tests set it), or ``WEBIO_NO_BROWSER`` is. The first page to
connect gets the script's session; later pages are turned away, since a script has one page.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import sys
import threading
import time
import webbrowser
from typing import Optional

from .. import environ
from ..plugins import Plugins, get_plugins
from ..protocol.constants import DEFAULT_APP, QUERY_STATIC
from ..session.base import Session
from ..session.info import SessionInfo
from ..session.script import ScriptSession
from .backend import Backend
from .endpoint import SERVER_APP_PATHS, Endpoint, UnknownApp
from .request import Request, Response, text_response
from .resolvers import AppTarget, NamedApps

logger = logging.getLogger("webio_core.server.script")

#: Script mode serves this machine only: the script runs for the person sitting at it.
SCRIPT_HOST = "127.0.0.1"
#: At exit, how long the page gets to acknowledge that the session ended.
GOODBYE_SECONDS = 5.0
#: How often the wait for the first page checks that the server still runs.
WAIT_STEP_SECONDS = 0.5
ONE_PAGE_ONLY = "This script already has its page open: a script has one page."


def _script_page() -> None:
    """The script's page (never called: the script itself is the app)."""


class ScriptEndpoint(Endpoint):
    """The endpoint of a script: its one app is the script, and one page may connect."""

    serves_script = True

    def __init__(self, backend: Backend, plugins: Plugins) -> None:
        resolver = NamedApps({DEFAULT_APP: _script_page}, paths=SERVER_APP_PATHS)
        super().__init__(resolver, backend=backend, plugins=plugins)
        self.script_session: Optional[ScriptSession] = None
        self.connected = threading.Event()
        self._claim = threading.Lock()

    def handle_get(self, request: Request) -> Response:
        if self.script_session is not None and QUERY_STATIC not in request.query:
            return text_response(409, ONE_PAGE_ONLY)
        return super().handle_get(request)

    def resolve(self, request: Request) -> Optional[AppTarget]:
        return None if self.script_session is not None else super().resolve(request)

    def new_session(
        self, target: AppTarget, info: SessionInfo, loop: Optional[asyncio.AbstractEventLoop]
    ) -> Session:
        with self._claim:
            if self.script_session is not None:  # two pages raced for the script
                raise UnknownApp(ONE_PAGE_ONLY)
            self.script_session = ScriptSession(info, self.plugins, on_start=self.connected.set)
        return self.script_session


class ScriptServer:
    """The running server of script mode; it stops when the interpreter exits."""

    def __init__(self, port: int, open_browser: bool, backend_name: Optional[str]) -> None:
        plugins = get_plugins()
        backend = plugins.backend(backend_name)
        self.endpoint = ScriptEndpoint(backend, plugins)
        self.server = backend.create_server(self.endpoint, SCRIPT_HOST, port, {})
        self.url = f"http://{SCRIPT_HOST}:{self.server.port}/"
        self.thread = threading.Thread(
            target=self.server.serve_forever, name="webio-script-server", daemon=True
        )
        self.thread.start()
        # Runs once the script's threads have ended (atexit comes after they are joined).
        atexit.register(self.finish)
        print(f"webio_core: script mode: the page of this script is {self.url}", file=sys.stderr)
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(self.url,), daemon=True).start()

    @classmethod
    def start(cls) -> ScriptServer:
        port = environ.port(environ.SCRIPT_MODE_PORT)
        open_browser = port is None and not environ.flag(environ.NO_BROWSER)
        chosen = environ.value(environ.SCRIPT_MODE_BACKEND)
        return cls(port or 0, open_browser, chosen[1] if chosen else None)

    def wait_session(self) -> ScriptSession:
        while not self.connected.wait(WAIT_STEP_SECONDS):
            if not self.thread.is_alive():
                raise RuntimeError("the server of script mode has stopped")
        session = self.endpoint.script_session
        assert session is not None
        return session

    @property
    def connected(self) -> threading.Event:
        return self.endpoint.connected

    def finish(self) -> None:
        """The script has ended: end its session (or wait for the page to close, if callbacks
        keep it alive), let the page learn it, then stop the server."""
        session = self.endpoint.script_session
        try:
            if session is not None and not session.closed:
                session.script_finished()
                session.wait_closed()
            if session is not None:
                deadline = time.monotonic() + GOODBYE_SECONDS
                while not session.outbox.fully_acked and time.monotonic() < deadline:
                    time.sleep(0.05)
        except KeyboardInterrupt:
            pass
        finally:
            self.server.stop()
            self.thread.join(timeout=GOODBYE_SECONDS)
