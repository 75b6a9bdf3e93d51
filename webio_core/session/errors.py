"""Exceptions a user's app meets when its session is gone."""


class SessionException(Exception):
    """Base class of the session exceptions."""


class SessionClosedException(SessionException):
    """The session was closed (page closed, expired, server stopped) while the app still ran."""


class SessionNotFoundException(SessionException):
    """A webio_core function was called where no session is active."""
