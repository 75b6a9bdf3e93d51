"""PyWebIO's platform functions (``start_server``, ``webio_handler``, ``wsgi_app``...) for a
backend, declared by the names of their parameters.

PyWebIO gives each backend's functions their own parameter lists (which options, in which
order), but every option means the same everywhere and has one default, declared once in
:class:`ServerOptions`. A plugin names the parameters in PyWebIO's order and gets a function
with exactly PyWebIO's signature (``help()`` and ``inspect.signature`` show it)::

    start_server = start_server_for(BACKEND, "port host debug cdn ...", port=0)

    @route_helper(BACKEND, "cdn reconnect_timeout allowed_origins check_origin")
    def webio_handler(endpoint):
        \"\"\"A RequestHandler class serving the apps on the route it is mounted at.\"\"\"
        return make_handler(WebSocketTransport(endpoint))
"""

from __future__ import annotations

import functools
import inspect
from dataclasses import MISSING, fields
from typing import Any, Callable, TypeVar

from .backend import Backend
from .endpoint import Endpoint
from .options import ServerOptions

T = TypeVar("T")

#: Defaults of the parameters that are not server options.
_START_DEFAULTS = {"port": 0, "host": ""}


def _option_defaults() -> dict[str, Any]:
    defaults = {}
    for option in fields(ServerOptions):
        if option.init:
            assert option.default is not MISSING, f"{option.name} needs a default"
            defaults[option.name] = option.default
    return defaults


def signature_of(names: str, extra: dict[str, Any], var_keyword: str = "") -> inspect.Signature:
    """``(applications, <names with their defaults>, **var_keyword)``; a name that is no server
    option takes its default from ``extra``."""
    known = {**_option_defaults(), **_START_DEFAULTS, **extra}
    unknown = [name for name in names.split() if name not in known]
    if unknown:
        raise TypeError(f"no default for parameters {unknown}: pass them as keyword arguments")
    keyword = inspect.Parameter.POSITIONAL_OR_KEYWORD
    parameters = [
        inspect.Parameter("applications", keyword),
        *(inspect.Parameter(name, keyword, default=known[name]) for name in names.split()),
    ]
    if var_keyword:
        parameters.append(inspect.Parameter(var_keyword, inspect.Parameter.VAR_KEYWORD))
    return inspect.Signature(parameters)


def _bind(signature: inspect.Signature, args: Any, kwargs: Any) -> dict[str, Any]:
    bound = signature.bind(*args, **kwargs)
    bound.apply_defaults()
    return dict(bound.arguments)


def start_server_for(
    backend: Backend, parameters: str, *, settings: str = "settings", **defaults: Any
) -> Callable[..., None]:
    """The ``start_server`` of ``backend``: its ``parameters`` (PyWebIO's names, in PyWebIO's
    order) and ``**settings``, which go to the framework."""
    from .start import start_server

    signature = signature_of(parameters, defaults, settings)

    def start_backend_server(*args: Any, **kwargs: Any) -> None:
        arguments = _bind(signature, args, kwargs)
        framework_settings = arguments.pop(settings)
        start_server(backend=backend.name, **arguments, **framework_settings)

    start_backend_server.__signature__ = signature  # type: ignore[attr-defined]
    start_backend_server.__name__ = start_backend_server.__qualname__ = "start_server"
    start_backend_server.__doc__ = (
        f"Serve ``applications`` with the {backend.name} backend until interrupted (see "
        f"``webio_core.start_server``); ``**{settings}`` go to the framework."
    )
    return start_backend_server


def _helper(
    make_endpoint: Callable[..., Endpoint],
    backend: Backend,
    parameters: str,
    defaults: Any,
    settings: str = "",
) -> Callable[[Callable[..., T]], Callable[..., T]]:
    signature = signature_of(parameters, defaults, settings)
    option_names = set(_option_defaults())

    def decorate(build: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(build)
        def helper(*args: Any, **kwargs: Any) -> T:
            arguments = _bind(signature, args, kwargs)
            applications = arguments.pop("applications")
            # ``**settings`` reach ``build`` as one dict, under their own name.
            framework = {settings: arguments.pop(settings)} if settings else {}
            options = {k: v for k, v in arguments.items() if k in option_names}
            extra = {k: v for k, v in arguments.items() if k not in option_names}
            return build(make_endpoint(applications, backend, **options), **extra, **framework)

        helper.__signature__ = signature  # type: ignore[attr-defined]
        return helper

    return decorate


def route_helper(
    backend: Backend, parameters: str, **defaults: Any
) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorates ``build(endpoint, **extra)`` into an integration helper (``webio_handler``,
    ``webio_view``...) for a route of the host framework: PyWebIO's ``parameters`` become the
    endpoint's options; the others (declared in ``defaults``) are passed to ``build``."""
    return _helper(Endpoint.for_route, backend, parameters, defaults)


def server_helper(
    backend: Backend, parameters: str, *, settings: str = "", **defaults: Any
) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Like :func:`route_helper`, for an application of its own (``wsgi_app``,
    ``asgi_app``...): apps at ``/`` and ``static_dir`` files under ``/static/``. With
    ``settings`` (PyWebIO's ``**django_options``...), the helper also takes any other keyword
    argument, and ``build`` gets them as one dict under that name."""
    return _helper(Endpoint.for_server, backend, parameters, defaults, settings)
