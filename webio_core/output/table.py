"""Tables: ``put_table`` and ``span``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union

from ..protocol.layouts import TABLE, TableOutput, TableSpan
from ._base import Output, ScopeArg, embed_all, text_of


class span:  # lower case: PyWebIO calls it as a function
    """A table or grid cell that spans ``row`` rows and ``col`` columns."""

    def __init__(self, content: Any, row: int = 1, col: int = 1) -> None:
        if row < 1 or col < 1:
            raise ValueError("span() takes at least one row and one column")
        self.content, self.row, self.col = content, int(row), int(col)


HeaderCell = Union[str, tuple[Any, str]]


def _dict_rows(
    tdata: Sequence[Mapping[str, Any]], header: Optional[Sequence[Any]]
) -> tuple[list[list[Any]], list[Any]]:
    """Dict rows as list rows, and the header: the keys (capitalised) when there is none,
    or ``(cell, key)`` pairs that name each column's key."""
    if header is None:
        order = list(tdata[0].keys())
        shown: list[Any] = [str(key).capitalize() for key in order]
    elif header and isinstance(header[0], (list, tuple)):
        shown, order = [h[0] for h in header], [h[-1] for h in header]
    else:
        shown, order = list(header), list(header)
    return [[row.get(key, "") for key in order] for row in tdata], shown


def _cell(value: Any) -> Any:
    # Outputs stay outputs; anything else is shown as its text, as in PyWebIO.
    return value if isinstance(value, Output) else text_of(value)


def put_table(
    tdata: Sequence[Union[Sequence[Any], Mapping[str, Any]]],
    header: Optional[Sequence[HeaderCell]] = None,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Show a table. Rows are lists, or dicts (then ``header`` lists the keys, or is made of
    ``(cell, key)`` pairs, or is left out to use the first row's keys). Cells are values
    (shown as text), ``put_xxx()`` outputs, or ``span(cell, row, col)``."""
    rows: list[list[Any]]
    if tdata and isinstance(tdata[0], Mapping):
        rows, shown = _dict_rows(tdata, header)  # type: ignore[arg-type]
        header_row: Optional[list[Any]] = shown
    else:
        rows = [list(row) for row in tdata]  # type: ignore[arg-type]
        if header and isinstance(header[0], (list, tuple)):
            header_row = [h[0] for h in header]
        else:
            header_row = list(header) if header else None
    if header_row:
        rows.insert(0, header_row)
    spans: list[TableSpan] = []
    cells: list[list[Any]] = []
    for r, row in enumerate(rows):
        out = []
        for c, value in enumerate(row):
            if isinstance(value, span):
                spans.append(TableSpan(row=r, col=c, rows=value.row, cols=value.col))
                value = value.content
            out.append(_cell(value))
        cells.append(out)
    # As in PyWebIO, the first row is the header row whether or not ``header`` was given.
    spec = TableOutput(rows=[embed_all(row) for row in cells], header=bool(cells), spans=spans)
    return Output(TABLE, spec, scope, position)
