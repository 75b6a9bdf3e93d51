"""Tests of the plugin boundary, run against a third-party backend installed from a fixture
distribution (``webio-stdlib-backend``, in this directory).

That distribution is found only through its ``webio_core`` entry point, never imported by name.
"""

from __future__ import annotations

import importlib.metadata

import pytest

INSTALL_COMMAND = "pip install -e tests/plugin/webio-stdlib-backend"


@pytest.fixture(autouse=True, scope="session")
def _stdlib_backend_installed() -> None:
    names = {ep.name for ep in importlib.metadata.entry_points(group="webio_core")}
    if "stdlib" not in names:
        pytest.fail(
            f"the fixture backend 'stdlib' is not installed; run: {INSTALL_COMMAND}",
            pytrace=False,
        )
