"""``config()``: page title, description and injected JS/CSS, for one app or for all of them."""

from __future__ import annotations

import inspect
import os
import warnings
from dataclasses import dataclass, field, fields, replace
from typing import Any, Callable, Optional, Union

from .protocol.constants import THEMES

#: Environment variables naming the theme of every app, ahead of ``config(theme=...)``
#: (PyWebIO's ``PYWEBIO_THEME`` too, so deployments keep working).
THEME_VARIABLES = ("WEBIO_THEME", "PYWEBIO_THEME")

_APP_CONFIG_ATTR = "_webio_config"


@dataclass(frozen=True)
class AppConfig:
    title: Optional[str] = None
    description: Optional[str] = None
    js_code: Optional[str] = None
    js_file: tuple[str, ...] = ()
    css_style: Optional[str] = None
    css_file: tuple[str, ...] = ()
    theme: Optional[str] = field(default=None)
    #: True: a default web app manifest; False: none; a dict: manifest keys (``icon`` names
    #: the icon's URL).
    manifest: Union[bool, dict[str, Any], None] = None

    def merged(self, override: AppConfig) -> AppConfig:
        changes = {
            f.name: getattr(override, f.name)
            for f in fields(self)
            if getattr(override, f.name) is not None and getattr(override, f.name) != ()
        }
        return replace(self, **changes)


# PyWebIO's config() called directly sets defaults for every app of the process; this is that
# process-wide default, and the only global setting webio_core keeps.
_global_config = AppConfig()


def _as_tuple(files: Union[str, list[str], tuple[str, ...], None]) -> tuple[str, ...]:
    if not files:
        return ()
    return (files,) if isinstance(files, str) else tuple(files)


def config(
    *,
    title: Optional[str] = None,
    description: Optional[str] = None,
    js_code: Optional[str] = None,
    js_file: Union[str, list[str]] = (),  # type: ignore[assignment]
    css_style: Optional[str] = None,
    css_file: Union[str, list[str]] = (),  # type: ignore[assignment]
    theme: Optional[str] = None,
    manifest: Union[bool, dict[str, Any]] = True,
) -> Any:
    """Configure the page: ``config(title=...)`` for every app, ``@config(title=...)`` for one.

    ``theme`` is one of default (light or dark as the system prefers), dark, sketchy, minty,
    yeti; the ``WEBIO_THEME`` (or ``PYWEBIO_THEME``) environment variable overrides it.
    ``manifest`` adds a web app manifest (True), none (False), or the given keys (a dict).
    A call whose result is never used as a decorator sets the defaults of every app.
    """
    check_theme(theme)
    return _ConfigCall(
        AppConfig(
            title=title,
            description=description,
            js_code=js_code,
            js_file=_as_tuple(js_file),
            css_style=css_style,
            css_file=_as_tuple(css_file),
            theme=theme,
            # True is the default: kept unset so that it does not override another config().
            manifest=None if manifest is True else manifest,
        )
    )


def check_theme(theme: Optional[str]) -> None:
    if theme is not None and theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; the themes are {', '.join(THEMES)}")


class _ConfigCall:
    """The result of ``config()``: a decorator, or global settings once dropped unused."""

    def __init__(self, settings: AppConfig) -> None:
        self._settings = settings
        self._used_as_decorator = False

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        self._used_as_decorator = True
        own = getattr(func, _APP_CONFIG_ATTR, AppConfig())
        setattr(func, _APP_CONFIG_ATTR, own.merged(self._settings))
        return func

    def __del__(self) -> None:
        # A plain ``config(...)`` statement drops its result at once (reference counting), so
        # the global settings apply from the next line on, as in PyWebIO.
        global _global_config
        if not self._used_as_decorator:
            _global_config = _global_config.merged(self._settings)


def app_config(func: Callable[..., Any]) -> AppConfig:
    """The effective configuration of an app: global defaults, docstring, then its decorator."""
    title, description = _docstring_title(func)
    from_doc = AppConfig(title=title, description=description)
    own = getattr(func, _APP_CONFIG_ATTR, AppConfig())
    settings = _global_config.merged(from_doc).merged(own)
    for variable in THEME_VARIABLES:
        theme = os.environ.get(variable)
        if theme:
            try:
                check_theme(theme)
            except ValueError as exc:
                raise ValueError(f"{variable}: {exc}") from None
            return replace(settings, theme=theme)
    return settings


def _docstring_title(func: Callable[..., Any]) -> tuple[Optional[str], Optional[str]]:
    doc = inspect.getdoc(func)
    if not doc:
        return None, None
    title, _, description = doc.partition("\n\n")
    return title.strip() or None, description.strip() or None


def seo(title: str, description: Optional[str] = None, app: Any = None) -> Any:
    """Deprecated (as in PyWebIO since 1.4): the page's title and description, as
    ``config(title=..., description=...)``; given ``app``, that app's only."""
    warnings.warn(
        "webio_core.platform.seo() is deprecated; use webio_core.config(title=..., "
        "description=...)",
        DeprecationWarning,
        stacklevel=2,
    )
    configured = config(title=title, description=description)
    return configured if app is None else configured(app)
