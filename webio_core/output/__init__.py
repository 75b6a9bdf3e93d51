"""Putting content on the page, as PyWebIO's ``pywebio.output``.

Each ``put_*`` function returns an :class:`Output`, sent when it is no longer referenced (at
once for a plain ``put_text(...)`` statement), so that ``put_text(...).style(...)`` still sends
one styled output. Outputs that hold others can be context managers
(``with put_collapse("More"):``).
"""

from __future__ import annotations

from ._base import Output, OutputPosition
from .buttons import put_button, put_buttons
from .containers import (
    put_collapse,
    put_error,
    put_info,
    put_scrollable,
    put_success,
    put_tabs,
    put_warning,
)
from .datatable import (
    JSFunction,
    datatable_insert,
    datatable_remove,
    datatable_update,
    put_datatable,
)
from .layout import put_column, put_grid, put_row
from .legacy import output, style
from .media import (
    put_file,
    put_image,
    put_loading,
    put_processbar,
    put_progressbar,
    set_processbar,
    set_progressbar,
)
from .popup import PopupSize, close_popup, popup, toast
from .scope import (
    Position,
    clear,
    get_scope,
    put_scope,
    remove,
    scroll_to,
    set_scope,
    use_scope,
)
from .table import put_table, span
from .text import put_code, put_html, put_link, put_markdown, put_text
from .widget import put_widget

__all__ = [
    "JSFunction",
    "Output",
    "OutputPosition",
    "PopupSize",
    "Position",
    "clear",
    "close_popup",
    "datatable_insert",
    "datatable_remove",
    "datatable_update",
    "get_scope",
    "output",
    "popup",
    "put_button",
    "put_buttons",
    "put_code",
    "put_collapse",
    "put_column",
    "put_datatable",
    "put_error",
    "put_file",
    "put_grid",
    "put_html",
    "put_image",
    "put_info",
    "put_link",
    "put_loading",
    "put_markdown",
    "put_processbar",
    "put_progressbar",
    "put_row",
    "put_scope",
    "put_scrollable",
    "put_success",
    "put_table",
    "put_tabs",
    "put_text",
    "put_warning",
    "put_widget",
    "remove",
    "scroll_to",
    "set_processbar",
    "set_progressbar",
    "set_scope",
    "span",
    "style",
    "toast",
    "use_scope",
]
