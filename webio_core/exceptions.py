"""The exceptions of webio_core, where PyWebIO programs import them from
(``from webio_core.exceptions import SessionClosedException``)."""

from __future__ import annotations

from .session.errors import SessionClosedException, SessionException, SessionNotFoundException

__all__ = [
    "PyWebIOWarning",
    "SessionClosedException",
    "SessionException",
    "SessionNotFoundException",
]


class PyWebIOWarning(UserWarning):
    """The category of webio_core's warnings about how the API is used; PyWebIO's name, kept so
    that programs filtering it keep working."""
