"""Public API of the ``stdlib`` backend.

``start_server(app, port=8080)`` is ``webio_core.start_server`` with ``backend="stdlib"``.
"""

from __future__ import annotations

import functools

import webio_core

__all__ = ["start_server"]

start_server = functools.partial(webio_core.start_server, backend="stdlib")
