"""End-to-end fixtures: Debian's Chromium driven by Playwright, and real servers on loopback."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable

import pytest

from webio_core.plugins import get_plugins
from webio_core.testing import serve
from webio_core.testing.browser import CHROMIUM, CHROMIUM_ARGS
from webio_core.testing.shared import SharedServers

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
#: The backends the project ships: those registered by a plugin under plugins/ (a plugin may
#: register several, as webio-tornado does tornado and tornado_http), not the fixture backend of
#: the plugin tests; tests/unit/test_plugins.py checks that every plugin is installed.
E2E_BACKENDS = sorted(
    backend.name
    for backend in get_plugins().backends.values()
    if any((ROOT / "plugins").glob(f"webio-*/{backend.api_module.split('.')[0]}/__init__.py"))
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # Per module, not per session: while Playwright's sync API is started, its event loop
    # counts as running in the main thread, and asyncio.run() in any later test would fail.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture(scope="module")
def demo_apps() -> dict[str, Any]:
    sys.path.insert(0, str(EXAMPLES))
    try:
        from demo import APPS
    finally:
        sys.path.remove(str(EXAMPLES))
    return APPS


@pytest.fixture(params=E2E_BACKENDS)
def e2e_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def demo_url(e2e_backend: str, demo_apps: dict[str, Any]) -> Iterator[str]:
    with serve(demo_apps, backend=e2e_backend) as server:
        yield server.url


#: Where what a person sees does not depend on the transport, one backend is enough.
WIDGET_BACKEND = "tornado" if "tornado" in E2E_BACKENDS else E2E_BACKENDS[0]


@pytest.fixture(scope="session")
def _e2e_servers() -> Iterator[SharedServers]:
    servers = SharedServers()
    yield servers
    servers.close()


@pytest.fixture
def open_app(page: Any, _e2e_servers: SharedServers) -> Callable[..., Any]:
    """``with open_app(app) as page:`` hosts ``app`` on a shared server (``backend=`` picks
    one; the widget backend by default) and opens it in ``page``. Leaving the block leaves the
    page, and the app's sessions must then close."""

    @contextmanager
    def open_app(app: Callable[[], Any], backend: str = WIDGET_BACKEND) -> Iterator[Any]:
        with _e2e_servers.host(backend, app) as hosted:
            page.goto(f"{hosted.url}?app={hosted.name}")
            try:
                yield page
            finally:
                page.goto("about:blank")

    return open_app
