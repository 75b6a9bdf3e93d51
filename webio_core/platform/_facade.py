"""Shared machinery of the ``webio_core.platform.<backend>`` compatibility modules."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any, Callable

from ..plugins import BackendNotFoundError, get_plugins, install_hint


def backend_api(name: str) -> ModuleType:
    """The integration API module of backend ``name``, or an error naming the pip command."""
    backend = get_plugins().backends.get(name)
    if backend is None:
        raise BackendNotFoundError(
            f"The {name!r} backend of webio_core is not installed. Install it with: "
            f"{install_hint(name)}"
        )
    return importlib.import_module(backend.api_module)


def module_getattr(name: str) -> Callable[[str], Any]:
    """A module ``__getattr__`` that forwards public names to the backend's API module."""

    def __getattr__(attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(backend_api(name), attr)

    return __getattr__
