"""The plugin manager: entry points are loaded once, lazily, and backends looked up by name."""

from __future__ import annotations

import importlib.metadata
import logging
import sys
import threading
from typing import TYPE_CHECKING, Any, Optional

import pluggy

from . import hookspecs
from .hookspecs import hookimpl  # noqa: F401 - re-exported
from .server.backend import Backend

if TYPE_CHECKING:
    from .server.origin import OriginPolicy
    from .server.registry import SessionRegistry
    from .session.base import Session

logger = logging.getLogger("webio_core.plugins")

ENTRY_POINT_GROUP = "webio_core"
PREFERRED_BACKEND = "tornado"

#: The core's own policies, registered through the same hooks as third-party plugins.
DEFAULT_PLUGINS = ("webio_core.server.origin", "webio_core.server.static")

CORE_DISTRIBUTION = "webio-core"


class BackendNotFoundError(ImportError, LookupError):
    """The requested backend is not installed (the message says how to install it)."""


class RegistryNotFoundError(ImportError, LookupError):
    """No installed plugin keeps sessions at the configured URL (the message says what to
    install)."""


def known_extras() -> list[str]:
    """The extras of the installed webio-core distribution (one per backend plugin it knows)."""
    try:
        metadata = importlib.metadata.metadata(CORE_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return []
    return list(metadata.get_all("Provides-Extra") or [])


def install_hint(name: str) -> str:
    extras = known_extras()
    # A variant of a backend comes with its plugin: tornado_http with webio-core[tornado].
    extra = name if name in extras else name.partition("_")[0]
    if extra in extras:
        return f"pip install {CORE_DISTRIBUTION}[{extra}]"
    return f"install the distribution that provides the {name!r} backend"


class Plugins:
    """Typed access to the hooks, and the registry of backends."""

    def __init__(self, load_entry_points: bool = True) -> None:
        self.pm = pluggy.PluginManager("webio_core")
        self.pm.add_hookspecs(hookspecs)
        for module_name in DEFAULT_PLUGINS:
            self.pm.register(importlib.import_module(module_name), name=module_name)
        if load_entry_points:
            self._load_entry_points()
        self.backends: dict[str, Backend] = {}
        self.pm.hook.webio_register_backends.call_historic(
            kwargs={"register": self._register_backend}
        )

    def _load_entry_points(self) -> None:
        for entry_point in _entry_points():
            if self.pm.get_plugin(entry_point.name) is not None:
                continue
            try:
                plugin = entry_point.load()
            except Exception:
                # A broken third-party plugin must not take the others down with it.
                logger.exception("webio_core plugin %r could not be loaded", entry_point.name)
                continue
            self.pm.register(plugin, name=entry_point.name)

    def _register_backend(self, backend: Backend) -> None:
        if backend.name in self.backends:
            raise ValueError(f"two plugins register a backend named {backend.name!r}")
        self.backends[backend.name] = backend

    def backend(self, name: Optional[str] = None) -> Backend:
        """The backend called ``name``; None picks tornado, else the only one installed."""
        installed = sorted(self.backends)
        if name is None:
            if PREFERRED_BACKEND in self.backends:
                return self.backends[PREFERRED_BACKEND]
            if len(installed) == 1:
                return self.backends[installed[0]]
            if not installed:
                raise BackendNotFoundError(
                    "No webio_core backend is installed. Install one, for example: "
                    f"{install_hint(PREFERRED_BACKEND)}"
                )
            raise BackendNotFoundError(
                f"Several backends are installed ({', '.join(installed)}) and none is tornado; "
                "choose one with backend='<name>'."
            )
        if name not in self.backends:
            listing = ", ".join(installed) if installed else "none"
            raise BackendNotFoundError(
                f"Unknown backend {name!r}. Installed backends: {listing}. "
                f"To add it: {install_hint(name)}"
            )
        return self.backends[name]

    # ---- typed hook calls -------------------------------------------------------------------

    def static_dirs(self) -> list[str]:
        return [d for dirs in self.pm.hook.webio_static_dirs() for d in dirs]

    def page_head(self, app_name: str) -> str:
        return "\n".join(self.pm.hook.webio_page_head(app_name=app_name))

    def origin_allowed(self, origin: str, host: str, policy: OriginPolicy) -> bool:
        votes = self.pm.hook.webio_check_origin(origin=origin, host=host, policy=policy)
        return all(vote is not False for vote in votes)

    def session_registry(self, url: str) -> SessionRegistry:
        """The cross-process registry at ``url``, from the plugin that handles its scheme."""
        registry = self.pm.hook.webio_session_registry(url=url)
        if registry is None:
            scheme = url.partition("://")[0]
            known = scheme in known_extras()
            hint = f"pip install {CORE_DISTRIBUTION}[{scheme}]" if known else f"a {scheme} plugin"
            raise RegistryNotFoundError(
                f"No installed plugin keeps sessions at {scheme}:// URLs (registry_url or "
                f"WEBIO_REDIS_URL). Install one: {hint}"
            )
        return registry  # type: ignore[no-any-return]

    def session_created(self, session: Session) -> None:
        self._notify(self.pm.hook.webio_session_created, session=session)

    def session_closed(self, session: Session) -> None:
        self._notify(self.pm.hook.webio_session_closed, session=session)

    def task_error(self, session: Session, error: BaseException) -> None:
        self._notify(self.pm.hook.webio_task_error, session=session, error=error)

    @staticmethod
    def _notify(hook: Any, **kwargs: Any) -> None:
        # An observer plugin that fails must not break the session it observes.
        try:
            hook(**kwargs)
        except Exception:
            logger.exception("a webio_core plugin failed in %s", hook.name)


def _entry_points() -> list[importlib.metadata.EntryPoint]:
    if sys.version_info >= (3, 10):
        return list(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP))
    return list(importlib.metadata.entry_points().get(ENTRY_POINT_GROUP, ()))


_plugins: Optional[Plugins] = None
_plugins_lock = threading.Lock()


def get_plugins() -> Plugins:
    """The process-wide plugin manager, built on first use."""
    global _plugins
    with _plugins_lock:
        if _plugins is None:
            _plugins = Plugins()
        return _plugins


def reset_plugins() -> None:
    """Forget the plugin manager, so that the next use loads the entry points again (tests)."""
    global _plugins
    with _plugins_lock:
        _plugins = None
