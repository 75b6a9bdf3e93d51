"""Errors of the wire protocol."""


class ProtocolError(ValueError):
    """A client frame or event that breaks the protocol; it is logged and dropped."""
