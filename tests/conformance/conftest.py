"""Every conformance test runs on every installed backend and must leave no session thread."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_leaked_session_threads(no_leaked_threads: None) -> None:
    """Checked after each test, once its server and sessions have closed."""
