""":class:`DirectoryApps`: the app resolver of path_deploy, serving the scripts of a directory
at their paths (``base/tools/chart.py`` at ``/tools/chart``).

It plugs into the endpoint like any resolver (see :mod:`webio_core.server.resolvers`), so every
backend and both transports serve it unchanged. ``resolve`` names the app of a page, a new
session or a WebSocket upgrade; ``respond`` answers the page requests that open no app:

- a directory (``/tools/``): its ``index.py`` app if it has one, else the ``index`` option's
  page (the generated listing by default);
- a directory without its slash (``/tools``, no ``tools.py``): a redirect to ``tools/``;
- a script that failed to load: its error, as plain text, with status 500;
- a hidden name, ``..`` or anything outside the base: 403; nothing there: 404.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Optional, Union
from urllib.parse import quote

from ..debugging import debug_enabled
from ..protocol.constants import DEFAULT_APP, QUERY_APP
from ..server.delivery import deliver_page
from ..server.request import Request, Response
from ..server.resolvers import AppTarget
from .listing import IndexOption, directory_listing
from .paths import BaseDirectory, UrlPath, parse_url_path
from .scripts import ScriptLoader, app_function

#: The query argument asking to load a changed script again (``/tools/chart?reload``).
QUERY_RELOAD = "reload"

#: What a directory without index.py shows: (request, directory, its URL) -> response.
IndexPage = Callable[[Request, Path, UrlPath], Response]


def plain(status: int, message: str, headers: Optional[dict[str, str]] = None) -> Response:
    """A plain-text response the browser must not read as anything else (it may quote a file
    name or an app name taken from the URL)."""
    return Response(
        status, message, headers={"X-Content-Type-Options": "nosniff", **(headers or {})}
    )


class DirectoryApps:
    """The apps of the scripts under ``base``; see the module's docstring."""

    def __init__(
        self,
        base: Union[str, os.PathLike[str]],
        index: IndexOption = True,
        debug: bool = False,
    ) -> None:
        if not os.path.isdir(base):
            raise NotADirectoryError(f"path_deploy needs a directory, and {str(base)!r} is not one")
        self.base = BaseDirectory(base)
        self.scripts = ScriptLoader(self.base, debug=debug or debug_enabled())
        self.index_page = index_page_of(index, self.base)

    def resolve(self, request: Request) -> Optional[AppTarget]:
        found = self._find(request)
        return found if isinstance(found, AppTarget) else None

    def respond(self, request: Request) -> Optional[Response]:
        found = self._find(request)
        return found if isinstance(found, Response) else None

    def _find(self, request: Request) -> Union[AppTarget, Response]:
        url = parse_url_path(request.path)
        if url is None:
            return plain(403, "Forbidden.")
        script = self.base.script(url)
        if script is not None:
            return self._app(request, script)
        folder = self.base.folder(url)
        if folder is None:
            return plain(404, "No application here.")
        if not url.directory:
            # Relative, so that it also works below a reverse proxy's sub-path.
            return plain(302, "", headers={"Location": quote(url.names[-1]) + "/"})
        return self.index_page(request, folder, url)

    def _app(self, request: Request, script: Path) -> Union[AppTarget, Response]:
        loaded = self.scripts.load(script, reload=QUERY_RELOAD in request.query)
        if loaded.error is not None:
            return plain(500, loaded.error)
        if loaded.module is None:
            return plain(404, "No application here: this script has no main() function.")
        name = request.query.get(QUERY_APP, DEFAULT_APP)
        function = app_function(loaded.module, name)
        if function is None:
            return plain(404, f"This script has no app called {name!r}.")
        return AppTarget(name, function)


def index_page_of(option: IndexOption, base: BaseDirectory) -> IndexPage:
    """The page of directories without ``index.py``, for path_deploy's ``index`` option."""
    if option is True:
        return lambda request, folder, url: deliver_page(
            request, directory_listing(folder, url, base)
        )
    if option is False:
        return lambda request, folder, url: plain(403, "This directory has no index.")
    if callable(option):
        custom = option
        return lambda request, folder, url: deliver_page(request, str(custom(str(folder))))
    raise TypeError("index must be True, False or a function returning a directory's HTML page")
