"""The public names of webio_core that the reference documents: the modules the issue lists,
and the plugin SDKs, each name as a user imports it."""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

from webio_reference import constant_doc, is_constant, public_names  # noqa: E402

PLATFORMS = ["tornado", "tornado_http", "flask", "django", "aiohttp", "fastapi"]
PUBLIC_MODULES = [
    "webio_core",
    "webio_core.input",
    "webio_core.output",
    "webio_core.pin",
    "webio_core.session",
    "webio_core.platform",
    *(f"webio_core.platform.{name}" for name in PLATFORMS),
    "webio_core.testing",
    "webio_core.server",
    "webio_core.server.scaleout",
]


__all__ = ["DOCS", "PUBLIC_MODULES", "constant_doc", "is_constant", "ours", "public_objects"]


def public_constants() -> Iterator[tuple[str, str]]:
    """``(module, name)`` of every public constant (text, numbers, paths, markers)."""
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in public_names(module_name):
            if is_constant(getattr(module, name)):
                yield module_name, name


def ours(obj: object) -> bool:
    """Defined by webio-core or one of its plugins (not a re-exported third-party object)."""
    module = getattr(obj, "__module__", None) or ""
    return module.split(".")[0].startswith("webio_")


def public_objects() -> Iterator[tuple[str, object]]:
    """``(dotted name, object)`` for every public name, and for every public method and
    property of the public classes."""
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in public_names(module_name):
            obj = getattr(module, name)
            yield f"{module_name}.{name}", obj
            if inspect.isclass(obj) and ours(obj):
                yield from _members(f"{module_name}.{name}", obj)


def _members(path: str, cls: type) -> Iterator[tuple[str, object]]:
    for name, member in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(member, (staticmethod, classmethod)):
            member = member.__func__
        if inspect.isfunction(member):
            # Through the class, so that an override inherits the docstring it implements.
            yield f"{path}.{name}", getattr(cls, name)
        elif isinstance(member, property):
            yield f"{path}.{name}", member
