"""The configuration the server writes into every page, for the client to read at start-up."""

from __future__ import annotations

from typing import Literal

from typing_extensions import TypedDict

#: How sessions talk to the page: one WebSocket each, or HTTP polling.
Transport = Literal["websocket", "http"]
#: One of ``THEMES``.
Theme = Literal["default", "dark", "sketchy", "minty", "yeti"]


class PageConfig(TypedDict):
    """The JSON of the page's configuration element (``CONFIG_ELEMENT_ID``)."""

    #: The protocol version of the server.
    protocol: str
    transport: Transport
    #: The app of this page (an app name, or a path for apps served by path).
    app: str
    #: Where the client's files are: a URL prefix to which a file name is appended.
    static: str
    theme: Theme
    #: The largest message the server takes, in bytes (``max_payload_size``): the page does not
    #: send a larger answer, and tells the user so, instead of sending one the server drops.
    max_payload: int
