"""Tests of the plugin boundary, run against a third-party backend installed from a fixture
distribution (``webio-stdlib-backend``, in this directory).

That distribution is found only through its ``webio_core`` entry point, never imported by name.
"""

from __future__ import annotations

import importlib.metadata
import threading

import pytest

from webio_core.input import input
from webio_core.output import put_text
from webio_core.plugins import Plugins, get_plugins

INSTALL_COMMAND = "pip install -e tests/plugin/webio-stdlib-backend"


@pytest.fixture(autouse=True, scope="session")
def _stdlib_backend_installed() -> None:
    names = {ep.name for ep in importlib.metadata.entry_points(group="webio_core")}
    if "stdlib" not in names:
        pytest.fail(
            f"the fixture backend 'stdlib' is not installed; run: {INSTALL_COMMAND}",
            pytrace=False,
        )


# ---- shared by the hook tests -------------------------------------------------------------------

#: The fixture backend (HTTP polling).
BACKEND = "stdlib"
WAIT = 10.0


def plugins_with(*plugins: object) -> Plugins:
    """A fresh plugin manager (entry points loaded) with ``plugins`` registered last."""
    manager = Plugins()
    for plugin in plugins:
        manager.pm.register(plugin)
    return manager


def wait_for(event: threading.Event, what: str) -> None:
    assert event.wait(WAIT), f"timed out waiting for {what}"


def waiting_app() -> None:
    put_text("running")
    input("Anything?")


def backend_for(protocol: str) -> str:
    if protocol == "http":
        return BACKEND
    names = sorted(n for n, b in get_plugins().backends.items() if b.transport == protocol)
    if not names:
        pytest.skip(f"no {protocol} backend is installed")
    return names[0]
