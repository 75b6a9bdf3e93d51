"""Deployment: ``webio_core.platform.<backend>`` re-exports each backend plugin's API
(``start_server``, ``webio_handler``, ``webio_view``, ``wsgi_app``...); ``path_deploy`` and
``path_deploy_http`` serve the apps of a directory."""

from ..config import config, seo
from ..server.start import start_server
from ..session.coroutinebased import run_event_loop
from . import path_deploy as _path_deploy_module

# Importing the submodule set ``platform.path_deploy`` to the module: the name is the function
# again, as in PyWebIO, where both ``platform.path_deploy(...)`` and
# ``from webio_core.platform.path_deploy import path_deploy`` work.
path_deploy = _path_deploy_module.path_deploy
path_deploy_http = _path_deploy_module.path_deploy_http

__all__ = ["config", "path_deploy", "path_deploy_http", "run_event_loop", "seo", "start_server"]
