"""Output types that hold other outputs: tables, grids (rows, columns), tabs, collapsible
sections, scrollable boxes, alert boxes, and widgets rendered from an app's template.

Nested outputs are full output specs (``AnyOutput``); a string where a PyWebIO app may put one
is sent as a ``text`` output.
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from typing_extensions import TypedDict

from .outputs import OUTPUTS, AnyOutput
from .registry import TypedKind


class TableSpan(TypedDict):
    """The cell at index ``col`` of row ``row`` spans ``rows`` rows and ``cols`` columns (the
    cells it covers are absent from the rows' lists)."""

    row: int
    col: int
    rows: int
    cols: int


class TableOutput(TypedDict):
    """A table; with ``header``, the first row is its header (``<th>`` cells)."""

    rows: list[list[AnyOutput]]
    header: bool
    spans: list[TableSpan]


class GridOutput(TypedDict):
    """A CSS grid (``put_row``, ``put_column``, ``put_grid``): ``flow`` is
    ``grid-auto-flow``; ``columns`` / ``rows`` are ``grid-template-columns`` / ``-rows``."""

    contents: list[AnyOutput]
    flow: Literal["row", "column"]
    columns: Optional[str]
    rows: Optional[str]


class Tab(TypedDict):
    """One tab: its title and what it shows."""

    title: str
    contents: list[AnyOutput]


class TabsOutput(TypedDict):
    """Tabs; the first is shown."""

    tabs: list[Tab]


class CollapseOutput(TypedDict):
    """A section that opens and closes when its title is clicked."""

    title: str
    contents: list[AnyOutput]
    open: bool


class ScrollableOutput(TypedDict):
    """A box of at least ``min_height`` and at most ``max_height`` pixels that scrolls; with
    ``keep_bottom`` it follows new content at its bottom (unless the user scrolled up)."""

    contents: list[AnyOutput]
    min_height: int
    max_height: int
    keep_bottom: bool
    border: bool


AlertColor = Literal["info", "success", "warning", "danger"]


class AlertOutput(TypedDict):
    """A coloured message box (``put_info``, ``put_success``, ``put_warning``, ``put_error``);
    ``closable`` adds a close button."""

    color: AlertColor
    contents: list[AnyOutput]
    closable: bool


class WidgetOutput(TypedDict):
    """HTML rendered from a Mustache ``template`` with ``data``; the template's
    ``pywebio_output_parse`` lambda renders the output spec (or the text) it is given. The
    result is sanitised as ``put_html(sanitize=True)`` is."""

    template: str
    data: Any


TABLE = OUTPUTS.add(TypedKind[TableOutput]("table", TableOutput))
GRID = OUTPUTS.add(TypedKind[GridOutput]("grid", GridOutput))
TABS = OUTPUTS.add(TypedKind[TabsOutput]("tabs", TabsOutput))
COLLAPSE = OUTPUTS.add(TypedKind[CollapseOutput]("collapse", CollapseOutput))
SCROLLABLE = OUTPUTS.add(TypedKind[ScrollableOutput]("scrollable", ScrollableOutput))
ALERT = OUTPUTS.add(TypedKind[AlertOutput]("alert", AlertOutput))
WIDGET = OUTPUTS.add(TypedKind[WidgetOutput]("widget", WidgetOutput))
