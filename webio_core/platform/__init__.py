"""Deployment: ``webio_core.platform.<backend>`` re-exports each backend plugin's API
(``start_server``, ``webio_handler``, ``webio_view``, ``wsgi_app``...)."""

from ..config import config
from ..server.start import start_server
from ..session.coroutinebased import run_event_loop

__all__ = ["config", "run_event_loop", "start_server"]
