"""Script mode: ``put_text()`` or ``input()`` in a plain script, with no ``start_server``.

As in PyWebIO, the first webio_core call made outside any session, in a process that has
created no server, starts a server in a background thread (see
:mod:`webio_core.server.script`), opens the browser on it and waits for the first page to
connect. That page's session is then the session of the whole script: every later call, from
any thread of the process, acts on it. When the script ends, the session ends the way an app's
does when its function returns: the page says so, unless buttons on it still have callbacks,
in which case the process waits until the page is closed.

A process is in one mode for good: creating a server (``start_server``, an integration
helper, a test's loopback server) rules script mode out, so a thread of a server that calls
webio_core outside any session gets the usual :class:`SessionNotFoundException`; and a process
in script mode cannot create servers. The script's session is the one session webio_core keeps
in a global: every thread of a script shares it, so no context variable could carry it.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Optional, Protocol

from ..protocol.constants import DEFAULT_APP
from .base import SessionObserver
from .info import SessionInfo
from .threadbased import ThreadSession

_UNDECIDED, _SERVER, _SCRIPT, _OFF = "undecided", "server", "script", "off"

_lock = threading.Lock()
_start_lock = threading.Lock()
_mode = _UNDECIDED
_run: Optional[ScriptRun] = None


class ScriptRun(Protocol):
    """The server of script mode, as this module sees it (see webio_core.server.script)."""

    def wait_session(self) -> ScriptSession:
        """The script's session, once the first page has connected (waits for it)."""


class ScriptSession(ThreadSession):
    """The session of a script: its "app" is the script itself, already running in its own
    threads, so starting the session starts nothing; it only lets the script go on."""

    def __init__(
        self, info: SessionInfo, observer: SessionObserver, on_start: Callable[[], None]
    ) -> None:
        super().__init__(DEFAULT_APP, _never_called, info, observer)
        self._on_start = on_start

    def _start_task(self) -> None:
        self._on_start()

    def script_finished(self) -> None:
        """The script has ended: from here on the session ends as an app's does when its
        function returns (at once, or when the page's last callback is gone)."""
        self._on_task_finished()


def _never_called() -> Any:
    raise AssertionError("a script session runs no app function")


def note_server() -> None:
    """A server is being created in this process: script mode can no longer start.

    Raises RuntimeError in a process already in script mode."""
    global _mode
    with _lock:
        if _mode == _SCRIPT:
            raise RuntimeError(
                "This process is in script mode (a webio_core function was called outside any "
                "app, which opened a page for the script), so it cannot start a server too. "
                "Call start_server() before any other webio_core function."
            )
        if _mode == _UNDECIDED:
            _mode = _SERVER


def disable_script_mode() -> None:
    """Never start script mode in this process (the pytest plugin calls this: a test that calls
    webio_core outside a session wants the error, not a server waiting for a browser)."""
    global _mode
    with _lock:
        if _mode == _UNDECIDED:
            _mode = _OFF


def script_session() -> Optional[ScriptSession]:
    """The script's session, starting script mode on the first call (this waits for a page to
    connect); None when script mode cannot apply in this process."""
    global _mode, _run
    with _lock:
        if _mode == _UNDECIDED:
            _mode = _SCRIPT
        elif _mode != _SCRIPT:
            return None
    with _start_lock:
        if _run is None:
            from ..server.script import ScriptServer

            try:
                _run = ScriptServer.start()
            except BaseException:
                with _lock:
                    _mode = _UNDECIDED
                raise
        run = _run
    return run.wait_session()
