"""Deployment: ``webio_core.platform.<backend>`` re-exports each backend plugin's API
(``start_server``, ``webio_handler``, ``webio_view``, ``wsgi_app``...); ``path_deploy`` and
``path_deploy_http`` serve the apps of a directory."""

from ..config import config
from ..deploy import path_deploy, path_deploy_http
from ..server.start import start_server
from ..session.coroutinebased import run_event_loop

__all__ = ["config", "path_deploy", "path_deploy_http", "run_event_loop", "start_server"]
