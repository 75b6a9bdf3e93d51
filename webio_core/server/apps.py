"""The applications a server runs: a function, a list or a dict, plus the default index."""

from __future__ import annotations

import inspect
from typing import Any, Callable, Union

from ..config import app_config

AppFunction = Callable[[], Any]
Applications = Union[AppFunction, list[AppFunction], dict[str, AppFunction]]


def normalize_applications(applications: Applications) -> dict[str, AppFunction]:
    """``{name: function}``; a single function is the ``index`` app, a list uses function names."""
    if callable(applications):
        apps = {"index": applications}
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
    if "index" not in apps:
        apps["index"] = make_index_app(dict(apps))
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


def is_coroutine_app(func: AppFunction) -> bool:
    return inspect.iscoroutinefunction(func)
