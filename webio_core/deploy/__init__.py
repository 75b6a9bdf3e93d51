"""Directory deployment: every app of a directory tree served at its path.

- :func:`path_deploy` / :func:`path_deploy_http`: PyWebIO's functions, on any backend;
- :class:`DirectoryApps`: the app resolver they serve, for an endpoint made by hand (an
  integration, a test).
"""

from __future__ import annotations

from .api import path_deploy, path_deploy_http
from .resolver import DirectoryApps

__all__ = ["DirectoryApps", "path_deploy", "path_deploy_http"]
