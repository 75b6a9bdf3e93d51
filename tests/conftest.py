"""Fixtures and helpers shared by the unit, conformance and security suites.

Conformance scenarios are written once and run both as a plain ``def app()`` (thread-based
session) and as an ``async def app()`` (coroutine-based session). A scenario is a function
whose blocking calls are written ``value = yield input(...)``:

    def scenario():
        name = yield input("Name")
        put_text(f"Hello, {name}")

    app = make_app(scenario)   # def or async def, following the ``session_kind`` fixture

In the thread variant ``input()`` has already blocked and returned the value, which the
``yield`` hands straight back; in the coroutine variant ``input()`` returns a coroutine that
the driver awaits before sending its result back. An exception raised by an input (e.g.
``SessionClosedException``) surfaces at the ``yield`` in both variants. A scenario without any
``yield`` is a plain function and runs as it is.

``with serve_app(app) as server:`` runs ``app`` on a server of the ``backend`` under test that
is shared with other tests (starting a server per test is slow on some backends); tests that
need server options use ``webio_core.testing.serve`` directly. ``no_leaked_threads`` (autouse in
the conformance and security suites) fails a test whose sessions leave a thread behind.

Test modules cannot import this file (``conftest`` is not a unique module name once other
directories have their own), so every helper is also offered as a fixture of the same name:
``app_variant``, ``eventually``, ``recording_client``, ``only_session``, ``task_finished``,
``http_request``, ``raw_get``.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import inspect
import itertools
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any, Callable, Optional

import pytest

from webio_core.plugins import get_plugins
from webio_core.testing import PageModel, RunningApp, WebIOClient, installed_backends, serve

BACKENDS = installed_backends()
SESSION_KINDS = ["thread", "coroutine"]

#: Names of the threads a thread-based session starts (see webio_core.session.threadbased).
SESSION_THREAD_PREFIXES = ("webio-task-", "webio-callbacks-")


# ---- parametrisation ---------------------------------------------------------------------------


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``backend``: each installed backend in turn, or only those of the transport named by
    ``@pytest.mark.transport("http")`` / ``("websocket")`` on the test."""
    if "backend" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("transport")
    names = BACKENDS
    if marker is not None:
        names = [n for n in BACKENDS if get_plugins().backends[n].transport == marker.args[0]]
    metafunc.parametrize("backend", names, ids=names)


@pytest.fixture(params=SESSION_KINDS, ids=SESSION_KINDS)
def session_kind(request: pytest.FixtureRequest) -> str:
    """``"thread"`` (apps are plain functions) or ``"coroutine"`` (apps are ``async def``)."""
    return str(request.param)


# ---- one scenario, two kinds of app --------------------------------------------------------------

Scenario = Callable[[], Any]


def thread_app(scenario: Scenario) -> Callable[[], Any]:
    """The scenario as a plain function (thread-based session)."""

    @functools.wraps(scenario)
    def app() -> Any:
        gen = scenario()
        if not inspect.isgenerator(gen):
            return gen
        value: Any = None
        while True:
            try:
                # input() already returned in this thread: hand its value straight back.
                value = gen.send(value)
            except StopIteration as stop:
                return stop.value

    return app


def coroutine_app(scenario: Scenario) -> Callable[[], Any]:
    """The scenario as an ``async def`` (coroutine-based session)."""

    @functools.wraps(scenario)
    async def app() -> Any:
        gen = scenario()
        if not inspect.isgenerator(gen):
            return gen
        resume: Callable[[Any], Any] = gen.send
        value: Any = None
        while True:
            try:
                item = resume(value)
            except StopIteration as stop:
                return stop.value
            try:
                value = (await item) if inspect.isawaitable(item) else item
                resume = gen.send
            except BaseException as exc:
                value, resume = exc, gen.throw

    return app


def app_variant(scenario: Scenario, kind: str) -> Callable[[], Any]:
    if kind == "thread":
        return thread_app(scenario)
    if kind == "coroutine":
        return coroutine_app(scenario)
    raise ValueError(kind)


@pytest.fixture
def make_app(session_kind: str) -> Callable[[Scenario], Callable[[], Any]]:
    """``make_app(scenario)``: the app of the current ``session_kind``."""
    return lambda scenario: app_variant(scenario, session_kind)


# ---- waiting -------------------------------------------------------------------------------------


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


# ---- sessions and threads ------------------------------------------------------------------------


def session_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith(SESSION_THREAD_PREFIXES)}


@pytest.fixture
def no_leaked_threads() -> Iterator[None]:
    """Fail the test if a thread started by a session outlives it (after the test's servers
    and sessions closed)."""
    before = session_threads()
    yield
    leaked: set[threading.Thread] = set()

    def none_left() -> bool:
        nonlocal leaked
        leaked = {t for t in session_threads() - before if t.is_alive()}
        return not leaked

    try:
        eventually(none_left, "session threads to end", timeout=5.0)
    except AssertionError:
        pytest.fail(f"session threads still alive: {sorted(t.name for t in leaked)}")


def only_session(server: Any, timeout: float = 5.0) -> Any:
    """The single live session of ``server`` (a RunningApp or a HostedApp; waits for it)."""

    def one() -> Any:
        sessions = server.sessions if isinstance(server, HostedApp) else server.app.sessions
        return sessions[0] if len(sessions) == 1 else None

    return eventually(one, "exactly one live session", timeout)


def task_finished(session: Any) -> bool:
    """Whether the app function of ``session`` has returned (thread or coroutine session)."""
    if session.is_coroutine:
        return not session.tasks
    return not session.threads[0].is_alive()


# ---- shared servers -----------------------------------------------------------------------------
#
# Starting and stopping a server per test costs up to half a second on some backends (Werkzeug
# polls for shutdown twice a second). Tests whose app needs no server options use instead one
# long-running server per backend, on which each test hosts its app under a name of its own
# (``?app=<name>``) for the duration of the test.


class HostedApp:
    """One test's app on a shared server; looks like the ``RunningApp`` of ``serve()``."""

    def __init__(self, running: RunningApp, name: str) -> None:
        self.running = running
        self.name = name

    @property
    def url(self) -> str:
        return self.running.url

    @property
    def transport(self) -> str:
        return self.running.transport

    @property
    def sessions(self) -> list[Any]:
        """The live sessions of this app only."""
        return [s for s in self.running.app.sessions if s.app_name == self.name]

    def client(self, **kwargs: Any) -> WebIOClient:
        """A page of this app (``app=`` names another app of the shared server)."""
        kwargs.setdefault("app", self.name)
        return self.running.client(**kwargs)


class SharedServer:
    def __init__(self, running: RunningApp) -> None:
        self.running = running
        self._names = itertools.count(1)

    def host(self, app: Callable[[], Any]) -> HostedApp:
        name = f"test-app-{next(self._names)}"
        self.running.endpoint.resolver.apps[name] = app
        return HostedApp(self.running, name)

    def unhost(self, hosted: HostedApp) -> None:
        del self.running.endpoint.resolver.apps[hosted.name]


def _placeholder_index() -> None:
    """The shared server's own index app; tests never open it."""


@pytest.fixture(scope="session")
def _shared_servers() -> Iterator[Callable[[str], SharedServer]]:
    servers: dict[str, SharedServer] = {}
    with contextlib.ExitStack() as stack:

        def get(backend: str) -> SharedServer:
            if backend not in servers:
                running = stack.enter_context(serve({"index": _placeholder_index}, backend=backend))
                servers[backend] = SharedServer(running)
            return servers[backend]

        yield get


@pytest.fixture
def serve_app(
    backend: str, _shared_servers: Callable[[str], SharedServer]
) -> Callable[[Callable[[], Any]], Any]:
    """``with serve_app(app) as server:`` hosts ``app`` on the shared server of ``backend``.

    At the end of the block the app is taken off the server, and every session of it must have
    closed (its pages were closed): a session that outlives its page fails the test.
    """

    @contextlib.contextmanager
    def serve_app(app: Callable[[], Any]) -> Iterator[HostedApp]:
        shared = _shared_servers(backend)
        hosted = shared.host(app)
        try:
            yield hosted
        finally:
            shared.unhost(hosted)
        try:
            eventually(lambda: not hosted.sessions, "the sessions of the test's app to close")
        except AssertionError:
            pytest.fail(f"sessions of {hosted.name} still open after their pages closed")

    return serve_app


# ---- a page that keeps every command -------------------------------------------------------------


class RecordingPage(PageModel):
    """A :class:`PageModel` that also keeps every command it applied, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.commands: list[dict[str, Any]] = []

    def apply(self, command: dict[str, Any]) -> None:
        if command["seq"] > self.last_seq:
            self.commands.append(command)
        super().apply(command)

    def named(self, name: str) -> list[dict[str, Any]]:
        return [c for c in self.commands if c["command"] == name]


def recording_client(server: Any, **kwargs: Any) -> WebIOClient:
    """A client (not connected yet: use it in ``with``) whose page is a :class:`RecordingPage`."""
    client = server.client(**kwargs)
    client.page = RecordingPage()
    return client


# ---- raw HTTP ------------------------------------------------------------------------------------


def http_request(
    url: str,
    *,
    method: str = "GET",
    query: Optional[dict[str, str]] = None,
    headers: Optional[dict[str, str]] = None,
    body: Optional[bytes] = None,
) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of one request; HTTP errors are returned, not raised."""
    if query:
        url = f"{url}?{urllib.parse.urlencode(query)}"
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def raw_get(url: str, target: str) -> tuple[int, bytes]:
    """GET ``target`` (sent verbatim, no normalisation of ``..``) on the server at ``url``."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", target)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# ---- the helpers as fixtures ---------------------------------------------------------------------


@pytest.fixture(scope="session", name="app_variant")
def _app_variant_fixture() -> Callable[[Scenario, str], Callable[[], Any]]:
    """``app_variant(scenario, "thread" | "coroutine")``, for fixtures wider than a function."""
    return app_variant


@pytest.fixture(name="eventually")
def _eventually_fixture() -> Callable[..., Any]:
    return eventually


@pytest.fixture(name="recording_client")
def _recording_client_fixture() -> Callable[..., WebIOClient]:
    return recording_client


@pytest.fixture(name="only_session")
def _only_session_fixture() -> Callable[..., Any]:
    return only_session


@pytest.fixture(name="task_finished")
def _task_finished_fixture() -> Callable[[Any], bool]:
    return task_finished


@pytest.fixture(name="http_request")
def _http_request_fixture() -> Callable[..., tuple[int, dict[str, str], bytes]]:
    return http_request


@pytest.fixture(name="raw_get")
def _raw_get_fixture() -> Callable[[str, str], tuple[int, bytes]]:
    return raw_get
