"""Every hook of webio_core. Plugins implement them with :data:`webio_core.hookimpl`.

Hooks are grouped by phase: registration, static hosting, origin checks, session lifecycle,
scale-out.
Plugins are found through the ``webio_core`` entry-point group; the entry-point name of a
backend plugin is the backend's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

import pluggy

if TYPE_CHECKING:
    from .server.backend import Backend
    from .server.origin import OriginPolicy
    from .server.registry import SessionRegistry
    from .session.base import Session

hookspec = pluggy.HookspecMarker("webio_core")
#: Marks a plugin's implementation of a hook (``webio_core.hookimpl``).
hookimpl = pluggy.HookimplMarker("webio_core")


# ---- registration -----------------------------------------------------------------------------


@hookspec(historic=True)
def webio_register_backends(register: Callable[[Backend], None]) -> None:
    """Register web-server backends.

    Called once per plugin: for the plugins found through entry points when the plugin manager
    is built, and at once for a plugin registered later (``plugins.pm.register(plugin)``).
    Call ``register(backend)`` for each :class:`~webio_core.server.Backend` the plugin
    provides; registering two backends under one name is an error. Example::

        @hookimpl
        def webio_register_backends(register):
            register(Backend(name="mine", transport="websocket",
                             server_factory="webio_mine.server:create_server",
                             api_module="webio_mine.api"))
    """


# ---- static hosting ---------------------------------------------------------------------------


@hookspec
def webio_static_dirs() -> list[str]:
    """Directories whose files the page may load.

    Called when an app's server is created. Return a list of directory paths; a file is looked up
    in every plugin's directories (later-registered plugins first), and served at
    ``<endpoint>?webio_static=<file name>``. The core contributes the built browser client.
    """
    return []


@hookspec
def webio_page_head(app_name: str) -> Optional[str]:
    """Extra HTML for the ``<head>`` of the page of app ``app_name`` (e.g. a stylesheet link).

    Called for every page rendered. Return an HTML string, or None to add nothing. The string is
    inserted verbatim: it comes from the plugin, never from a request.
    """


# ---- origin checks ----------------------------------------------------------------------------


@hookspec
def webio_check_origin(origin: str, host: str, policy: OriginPolicy) -> Optional[bool]:
    """Decide whether a browser on ``origin`` may open a session on this server.

    Called for each WebSocket upgrade and each HTTP session request that carries an ``Origin``
    header. ``origin`` is that header (``scheme://host[:port]``), ``host`` the ``Host`` the request
    was sent to, ``policy`` the server's :class:`~webio_core.server.origin.OriginPolicy`
    (``allowed_origins`` and ``check_origin`` from ``start_server``). Return False to refuse;
    True or None mean no objection. Any False refuses (a veto), so no plugin can admit an origin
    another one refuses. The core's default plugin refuses other origins unless the policy
    allows them.
    """


# ---- session lifecycle ------------------------------------------------------------------------


@hookspec
def webio_session_created(session: Session) -> None:
    """A session was created, just before its app starts. ``session.info`` describes the browser."""


@hookspec
def webio_session_closed(session: Session) -> None:
    """A session closed (page closed, expired, app finished, server stopped), after its deferred
    functions ran."""


@hookspec
def webio_task_error(session: Session, error: BaseException) -> None:
    """The app, or one of its callbacks, raised ``error``. The core has already logged it and
    shown the user a generic message."""


# ---- scale-out ------------------------------------------------------------------------------


@hookspec(firstresult=True)
def webio_session_registry(url: str) -> Optional[SessionRegistry]:
    """The registry that keeps an endpoint's sessions at ``url`` (the ``registry_url`` option or
    ``WEBIO_REDIS_URL``), shared by the processes serving the same apps; None when this plugin
    does not handle that URL's scheme. Called once per endpoint, in the process that serves it."""
