"""Putting content on the page, as PyWebIO's ``pywebio.output``.

Each ``put_*`` function returns an :class:`Output`, sent when it is no longer referenced (at
once for a plain ``put_text(...)`` statement), so that ``put_text(...).style(...)`` still sends
one styled output.
"""

from __future__ import annotations

from ._base import Output, OutputPosition
from .buttons import put_button, put_buttons
from .popup import toast
from .scope import Position, clear, put_scope, remove, scroll_to, use_scope
from .text import put_code, put_html, put_link, put_markdown, put_text

__all__ = [
    "Output",
    "OutputPosition",
    "Position",
    "clear",
    "put_button",
    "put_buttons",
    "put_code",
    "put_html",
    "put_link",
    "put_markdown",
    "put_scope",
    "put_text",
    "remove",
    "scroll_to",
    "toast",
    "use_scope",
]
