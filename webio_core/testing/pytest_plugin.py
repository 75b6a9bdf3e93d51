"""pytest plugin of webio_core (entry point ``pytest11``): fixtures for testing apps, and the
conformance suite for testing backends.

``pytest --webio-backend=NAME`` runs the conformance suite (``webio_core.testing.conformance``)
against the installed backend NAME, on top of whatever else pytest collects; repeat the option
for several backends, or give ``all``. The same option chooses the backends of any test that
takes the ``webio_backend`` argument (all installed ones without the option).

Fixtures: ``webio_backend`` (a backend name, parametrised), ``session_kind`` ("thread" or
"coroutine", parametrised), ``make_app`` (a scenario as an app of that kind), ``webio_host``
(host an app on a shared server of the backend), ``webio_serve`` (:func:`~webio_core.testing.serve`)
and ``webio_no_leaked_threads``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import pytest

from ..plugins import get_plugins
from ..server.reload import disallow_reloading
from ..session.script import disable_script_mode
from . import installed_backends, serve
from .helpers import eventually, session_threads
from .scenarios import SESSION_KINDS, Scenario, app_variant
from .shared import HostedApp, SharedServers

CONFORMANCE_SUITE = Path(__file__).resolve().parent / "conformance"
ALL = "all"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("webio", "webio_core")
    group.addoption(
        "--webio-backend",
        action="append",
        default=[],
        metavar="NAME",
        help="run webio_core's conformance suite against the installed backend NAME "
        f"(repeatable; '{ALL}' for every installed backend)",
    )


def pytest_configure(config: pytest.Config) -> None:
    # In a test process, a webio_core call outside any session is a mistake to report, not a
    # script to serve; and start_server(debug=True) must not re-run the test runner to reload.
    disable_script_mode()
    disallow_reloading()
    config.addinivalue_line(
        "markers",
        "webio_transport(name): run the test only over backends of this transport "
        "(http or websocket)",
    )
    if config.getoption("webio_backend") and str(CONFORMANCE_SUITE) not in config.args:
        config.args.append(str(CONFORMANCE_SUITE))


#: The parameter of a backend test that no selected backend can run.
_NO_BACKEND = object()


def selected_backends(config: pytest.Config) -> list[str]:
    """The backends named by ``--webio-backend`` (all installed ones by default)."""
    names: list[str] = config.getoption("webio_backend")
    installed = installed_backends()
    if not names or ALL in names:
        return installed
    unknown = sorted(set(names) - set(installed))
    if unknown:
        raise pytest.UsageError(
            f"--webio-backend names backends that are not installed: {unknown}; "
            f"installed: {installed or 'none'}"
        )
    return list(dict.fromkeys(names))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "webio_backend" not in metafunc.fixturenames:
        return
    names = selected_backends(metafunc.config)
    marker = metafunc.definition.get_closest_marker("webio_transport")
    if marker is not None:
        backends = get_plugins().backends
        names = [n for n in names if backends[n].transport == marker.args[0]]
    if not names:
        # pytest would report a test with no parameter set as skipped: mark it for deselection.
        metafunc.parametrize("webio_backend", [_NO_BACKEND], ids=["no-backend"], scope="module")
        return
    # Module scope: a module may start one server per backend and share it among its tests.
    metafunc.parametrize("webio_backend", names, ids=names, scope="module")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A test of one transport has no backend when no selected backend has that transport: it
    # is deselected (and counted as such), not reported as a skip or a pass.
    unrunnable = [
        item
        for item in items
        if "webio_backend" in getattr(item, "fixturenames", ())
        and getattr(getattr(item, "callspec", None), "params", {}).get("webio_backend", _NO_BACKEND)
        is _NO_BACKEND
    ]
    if unrunnable:
        config.hook.pytest_deselected(items=unrunnable)
        items[:] = [item for item in items if item not in unrunnable]


@pytest.fixture(params=SESSION_KINDS)
def session_kind(request: pytest.FixtureRequest) -> str:
    """``"thread"`` (apps are plain functions) or ``"coroutine"`` (apps are ``async def``)."""
    return str(request.param)


@pytest.fixture
def make_app(session_kind: str) -> Callable[[Scenario], Callable[[], Any]]:
    """``make_app(scenario)``: the scenario as an app of the current ``session_kind``."""
    return lambda scenario: app_variant(scenario, session_kind)


@pytest.fixture
def webio_serve() -> Callable[..., Any]:
    """``with webio_serve(app, backend="flask") as server:`` runs ``app`` for one test."""
    return serve


@pytest.fixture(scope="session")
def _webio_shared_servers() -> Iterator[SharedServers]:
    servers = SharedServers()
    yield servers
    servers.close()


@pytest.fixture
def webio_host(
    webio_backend: str, _webio_shared_servers: SharedServers
) -> Callable[[Callable[[], Any]], Any]:
    """``with webio_host(app) as server:`` hosts ``app`` on the shared server of
    ``webio_backend``; every session of it must close with its page."""
    return lambda app: _webio_shared_servers.host(webio_backend, app)


@pytest.fixture
def webio_no_leaked_threads() -> Iterator[None]:
    """Fail the test if a thread started by a session outlives it."""
    before = session_threads()
    yield
    leaked: set[Any] = set()

    def none_left() -> bool:
        nonlocal leaked
        leaked = {t for t in session_threads() - before if t.is_alive()}
        return not leaked

    try:
        eventually(none_left, "session threads to end", timeout=5.0)
    except AssertionError:
        pytest.fail(f"session threads still alive: {sorted(t.name for t in leaked)}")


__all__ = ["CONFORMANCE_SUITE", "HostedApp", "selected_backends"]
