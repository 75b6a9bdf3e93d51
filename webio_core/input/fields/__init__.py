"""Form field kinds, one module each, registered by their wire type.

A kind is a :class:`~.base.Field` subclass decorated with :func:`register`; every module of
this package is imported on first use, so a new kind is a new module. ``input()`` and the pin
widgets find kinds here by wire name instead of switching on it.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TypeVar

from .base import Field, FieldError, Validator

__all__ = ["Field", "FieldError", "Validator", "field_kind", "field_kinds", "register"]

F = TypeVar("F", bound=type[Field])

_KINDS: dict[str, type[Field]] = {}


def register(cls: F) -> F:
    """Class decorator: make ``cls`` the field kind of its wire type."""
    name = cls.kind.name
    if name in _KINDS:
        raise ValueError(f"two field kinds for the wire type {name!r}")
    _KINDS[name] = cls
    return cls


def field_kinds() -> dict[str, type[Field]]:
    """Every registered kind, by wire type."""
    return dict(_KINDS)


def field_kind(name: str) -> type[Field]:
    """The kind of wire type ``name``; a clear error lists the known ones."""
    try:
        return _KINDS[name]
    except KeyError:
        raise ValueError(f"unknown field type {name!r}; known: {sorted(_KINDS)}") from None


def _import_kinds() -> None:
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base":
            importlib.import_module(f"{__name__}.{module.name}")


_import_kinds()
