"""pytest plugin of webio_core (entry point ``pytest11``): fixtures for testing apps.

``webio_serve`` is :func:`webio_core.testing.serve`; parametrise a test over
``webio_core.testing.installed_backends()`` to run it on every installed backend.
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from . import serve


@pytest.fixture
def webio_serve() -> Callable[..., Any]:
    """``with webio_serve(app, backend="flask") as server:`` runs ``app`` for one test."""
    return serve
