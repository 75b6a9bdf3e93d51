"""Exceptions a user's app meets when its session is gone, and when the page's JavaScript
fails."""

from __future__ import annotations


class SessionException(Exception):
    """Base class of the session exceptions."""


class SessionClosedException(SessionException):
    """The session was closed (page closed, expired, server stopped) while the app still ran."""


class SessionNotFoundException(SessionException):
    """A webio_core function was called where no session is active."""


class JSError(RuntimeError):
    """``eval_js()`` got no value from the page: the JavaScript threw, its Promise was
    rejected, or its value cannot travel to Python as JSON (a DOM node, a function, a cyclic
    object, a value over the server's ``max_payload_size``...).

    ``reason`` says which ("thrown", "rejected" or "unserializable"); ``name`` and ``message``
    are the JavaScript error's (``name`` is "" when what was thrown is not an Error).
    """

    def __init__(self, reason: str, name: str, message: str) -> None:
        self.reason = reason
        self.name = name
        self.message = message
        super().__init__(self._describe())

    def __reduce__(self) -> tuple[type[JSError], tuple[str, str, str]]:
        return type(self), (self.reason, self.name, self.message)

    def _describe(self) -> str:
        error = f"{self.name}: {self.message}" if self.name else self.message
        if self.reason == "rejected":
            return f"the Promise of eval_js() was rejected: {error}"
        if self.reason == "unserializable":
            return f"the value of eval_js() cannot be sent to Python: {error}"
        return f"the JavaScript code of eval_js() threw {error}"
