"""Public API of the ``stdlib`` backend: ``start_server`` with the options an HTTP backend
takes (its framework takes no settings of its own)."""

from __future__ import annotations

from webio_core.server import start_server_for

from .plugin import BACKEND

__all__ = ["start_server"]

start_server = start_server_for(
    BACKEND,
    "port host cdn static_dir allowed_origins check_origin session_expire_seconds "
    "session_cleanup_interval debug max_payload_size",
    port=8080,
)
