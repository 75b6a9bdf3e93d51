"""Helpers for tests of apps and backends: waiting, reading sessions, raw HTTP, a page that
records every command."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Optional

from ..session.threads import (
    CALLBACK_THREAD_PREFIX,
    TASK_THREAD_PREFIX,
    SessionThread,
    running_session_threads,
)
from .client import WebIOClient
from .page import PageModel

#: Names of the threads a thread-based session starts (see webio_core.session.threads).
SESSION_THREAD_PREFIXES = (TASK_THREAD_PREFIX, CALLBACK_THREAD_PREFIX)


def eventually(check: Callable[[], Any], what: str, timeout: float = 5.0) -> Any:
    """Poll ``check()`` until it returns something truthy; fail with ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.01)


def session_threads() -> set[SessionThread]:
    """The threads of thread-based sessions that are running now."""
    return running_session_threads()


def only_session(server: Any, timeout: float = 5.0) -> Any:
    """The single live session of ``server`` (anything with ``sessions``; waits for it)."""

    def one() -> Any:
        sessions = server.sessions
        return sessions[0] if len(sessions) == 1 else None

    return eventually(one, "exactly one live session", timeout)


def task_finished(session: Any) -> bool:
    """Whether the app function of ``session`` has returned (thread or coroutine session)."""
    if session.is_coroutine:
        return not session.tasks
    return not session.threads[0].is_alive()


class RecordingPage(PageModel):
    """A :class:`PageModel` that also keeps every command it applied, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.commands: list[dict[str, Any]] = []

    def apply(self, command: dict[str, Any]) -> None:
        """Record ``command`` unless it is a resend, then apply it like :meth:`PageModel.apply`."""
        if command["seq"] > self.last_seq:
            self.commands.append(command)
        super().apply(command)

    def named(self, name: str) -> list[dict[str, Any]]:
        """The recorded commands whose name is ``name`` (``"output"``, ``"toast"``, …), in the
        order they arrived."""
        return [c for c in self.commands if c["command"] == name]


def recording_client(server: Any, **kwargs: Any) -> WebIOClient:
    """A client (not connected yet: use it in ``with``) whose page is a :class:`RecordingPage`."""
    client = server.client(**kwargs)
    client.page = RecordingPage()
    return client


class ResponseHeaders(dict[str, str]):
    """The headers of a response: a dict whose lookups ignore the case of names, as HTTP does
    (Tornado sends ``Webio-Session-Id`` for ``webio-session-id``)."""

    def _name(self, name: object) -> object:
        if isinstance(name, str):
            for key in self:
                if key.lower() == name.lower():
                    return key
        return name

    def __getitem__(self, name: str) -> str:
        return super().__getitem__(self._name(name))  # type: ignore[index]

    def __contains__(self, name: object) -> bool:
        return super().__contains__(self._name(name))

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return super().get(self._name(name), default)  # type: ignore[call-overload]


def http_request(
    url: str,
    *,
    method: str = "GET",
    query: Optional[dict[str, str]] = None,
    headers: Optional[dict[str, str]] = None,
    body: Optional[bytes] = None,
) -> tuple[int, ResponseHeaders, bytes]:
    """(status, headers, body) of one request; HTTP errors are returned, not raised. Header
    names are looked up whatever their case."""
    if query:
        url = f"{url}?{urllib.parse.urlencode(query)}"
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, ResponseHeaders(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, ResponseHeaders(error.headers), error.read()


def raw_get(url: str, target: str) -> tuple[int, bytes]:
    """GET ``target`` (sent verbatim, no normalisation of ``..``) on the server at ``url``."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("GET", target)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()
