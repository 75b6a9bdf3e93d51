"""Reliability: every guarantee of the protocol, on every installed backend, under faults."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_leaked_session_threads(webio_no_leaked_threads: None) -> None:
    """Checked after each test, once its server and sessions have closed."""
