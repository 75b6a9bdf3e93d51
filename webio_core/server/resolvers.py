"""Which app a request is for: the endpoint asks its :class:`AppResolver`.

:class:`NamedApps` is what ``start_server`` and the integration helpers use: apps by name,
chosen with ``?app=NAME``, and a generated index when none is called ``index``. A resolver that
maps URL paths to the scripts of a directory (path_deploy) plugs in the same way. Two methods
are optional:

- ``app_names()``, as :class:`NamedApps` has: the names ``go_app`` accepts; without it
  ``go_app`` cannot check its target;
- ``respond(request)`` (see :class:`RespondingResolver`): a response of the resolver's own to a
  page request that opens no app (a directory listing, a redirect, an error page). The endpoint
  asks it before :meth:`AppResolver.resolve`, for page requests only: sessions and WebSocket
  upgrades still go by ``resolve`` alone.
"""

from __future__ import annotations

import inspect
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Callable, Optional, Protocol, Union, runtime_checkable

from ..config import app_config
from ..protocol.constants import DEFAULT_APP, QUERY_APP
from .request import Request, Response

AppFunction = Callable[[], Any]
Applications = Union[AppFunction, list[AppFunction], dict[str, AppFunction]]


@dataclass(frozen=True)
class AppTarget:
    """An app a request resolved to: ``name`` is its session's ``app_name``."""

    name: str
    function: AppFunction

    @property
    def is_coroutine(self) -> bool:
        """Whether the app is a coroutine function, so that its session runs on an event loop
        rather than in a thread."""
        return inspect.iscoroutinefunction(self.function)


@runtime_checkable
class AppResolver(Protocol):
    """Finds the app of a page request, a new session or a WebSocket upgrade."""

    def resolve(self, request: Request) -> Optional[AppTarget]:
        """The app ``request`` is for, or None when there is none (the endpoint answers 404)."""


@runtime_checkable
class RespondingResolver(AppResolver, Protocol):
    """A resolver that answers some page requests itself instead of naming an app."""

    def respond(self, request: Request) -> Optional[Response]:
        """The response to a page request, or None to let :meth:`AppResolver.resolve` find its
        app."""


class NamedApps:
    """Apps by name (``?app=NAME``, default ``index``).

    ``paths`` limits the URL paths that have apps: a server of its own serves them at ``/``
    only; an integration helper mounted by the host framework takes whatever path it is given.
    """

    def __init__(self, applications: Applications, paths: Optional[Collection[str]] = None) -> None:
        self.apps = normalize_applications(applications)
        self.paths = paths

    def resolve(self, request: Request) -> Optional[AppTarget]:
        """The app named by ``?app=`` (``index`` when absent), or None for an unknown name or a
        path outside ``paths``."""
        if self.paths is not None and request.path not in self.paths:
            return None
        name = request.query.get(QUERY_APP, DEFAULT_APP)
        function = self.apps.get(name)
        return None if function is None else AppTarget(name, function)

    def app_names(self) -> list[str]:
        """The names ``?app=`` accepts now (``go_app`` checks its target against them)."""
        return list(self.apps)


def normalize_applications(applications: Applications) -> dict[str, AppFunction]:
    """``{name: function}``; a single function is the ``index`` app, a list uses function names."""
    if callable(applications):
        apps = {DEFAULT_APP: applications}
    elif isinstance(applications, dict):
        apps = dict(applications)
    elif isinstance(applications, (list, tuple)):
        apps = {}
        for func in applications:
            name = getattr(func, "__name__", None)
            if not name or name == "<lambda>":
                raise ValueError("apps in a list need names; pass a dict {name: function} instead")
            apps[name] = func
    else:
        raise TypeError("applications must be a function, a list of functions or a dict of them")
    if not apps:
        raise ValueError("no application given")
    for name, func in apps.items():
        if not isinstance(name, str) or not name:
            raise TypeError("application names must be non-empty strings")
        if not callable(func):
            raise TypeError(f"application {name!r} is not callable")
    if DEFAULT_APP not in apps:
        apps[DEFAULT_APP] = make_index_app(dict(apps))
    return apps


def make_index_app(apps: dict[str, AppFunction]) -> AppFunction:
    """An app listing the others, for servers without an ``index`` app of their own."""

    def index() -> None:
        from ..output import put_link, put_markdown, put_text

        put_markdown("# Applications")
        for name, func in apps.items():
            settings = app_config(func)
            put_link(settings.title or name, app=name)
            if settings.description:
                put_text(settings.description)

    index.__doc__ = "Applications"
    return index
