"""Layouts: ``put_row``, ``put_column`` and ``put_grid``, as CSS grids."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

from ..protocol.layouts import GRID, GridOutput
from ._base import Output, ScopeArg, embed_all
from .table import span
from .text import put_html, put_text


def _empty() -> Output:
    return put_html("<div></div>")


def _row_or_column(
    content: Any, flow: str, size: Optional[str], scope: ScopeArg, position: int
) -> Output:
    items = list(content) if isinstance(content, (list, tuple)) else [content]
    if not size:
        # An absent item is a narrow gap, as in PyWebIO.
        size = " ".join("10px" if item is None else "1fr" for item in items)
    spec = GridOutput(
        contents=embed_all(items, empty=_empty),
        flow="column" if flow == "column" else "row",
        columns=size if flow == "column" else None,
        rows=size if flow == "row" else None,
    )
    return Output(GRID, spec, scope, position, contents_key="contents")


def put_row(
    content: Sequence[Optional[Output]] = (),
    size: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Put outputs side by side. ``size`` is a CSS ``grid-template-columns`` value (e.g.
    ``"60% 40%"``, ``"2fr 1fr"``); None items leave a 10 px gap. Usable as a context manager."""
    return _row_or_column(content, "column", size, scope, position)


def put_column(
    content: Sequence[Optional[Output]] = (),
    size: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Put outputs one under the other; ``size`` is a ``grid-template-rows`` value."""
    return _row_or_column(content, "row", size, scope, position)


def put_grid(
    content: Sequence[Sequence[Any]],
    cell_width: str = "auto",
    cell_height: str = "auto",
    cell_widths: Optional[str] = None,
    cell_heights: Optional[str] = None,
    direction: str = "row",
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Lay outputs out in a grid of rows (``direction="column"``: of columns). Cells are
    outputs, None, or ``span(output, row, col)``; short rows are padded. ``cell_width`` /
    ``cell_height`` size every cell, ``cell_widths`` / ``cell_heights`` each one (CSS)."""
    if direction not in ("row", "column"):
        raise ValueError('direction must be "row" or "column"')
    rows = [list(row) for row in content]
    lengths = [0] * len(rows)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, span):
                for covered in range(r, min(r + cell.row, len(rows))):
                    lengths[covered] += cell.col
                item = cell.content
                if item is None:
                    item = _empty()
                elif isinstance(item, str):
                    item = put_text(item)
                row[c] = item.style(
                    f"grid-row-start: span {cell.row}; grid-column-start: span {cell.col}"
                )
            else:
                lengths[r] += 1
    width = max(lengths, default=0)
    for r, row in enumerate(rows):
        row.extend(None for _ in range(width - lengths[r]))
    lines, per_line = len(rows), width
    if direction == "column":
        lines, per_line = per_line, lines
    spec = GridOutput(
        contents=embed_all([cell for row in rows for cell in row], empty=_empty),
        flow="row" if direction == "row" else "column",
        columns=cell_widths or f"repeat({per_line}, {cell_width})",
        rows=cell_heights or f"repeat({lines}, {cell_height})",
    )
    return Output(GRID, spec, scope, position)
