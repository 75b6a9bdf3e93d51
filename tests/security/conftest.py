"""Security tests must not leave session threads behind either."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_leaked_session_threads(no_leaked_threads: None) -> None:
    """Checked after each test, once its server and sessions have closed."""
