"""Formatting: one table per workload, a row per target with the median of its runs (and
the spread min-max when there were several), then ratios to PyWebIO 1.8.4 with the same backend
and mode, and to the raw floor of the same server library."""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING, Optional

from .targets import FLOOR, PYWEBIO, Target
from .workloads.base import Column

if TYPE_CHECKING:  # the runner imports the workloads, and a workload may print with this module
    from .runner import Result


def _number(value: float, digits: int) -> str:
    return f"{value:,.{digits}f}"


def cell(result: Result, column: Column) -> str:
    """The median of ``column`` over the runs, and their spread when there were several."""
    median = result.summary(_median).get(column.key)
    if median is None:
        return "-"
    text = _number(median, column.digits)
    if len(result.runs) > 1:
        low, high = result.summary(min)[column.key], result.summary(max)[column.key]
        text += f" [{_number(low, column.digits)}-{_number(high, column.digits)}]"
    return text


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _ratio(ours: Result, theirs: Optional[Result], column: Column) -> str:
    if theirs is None:
        return ""
    mine, other = ours.summary(_median).get(column.key), theirs.summary(_median).get(column.key)
    if mine is None or not other:
        return "-"
    return f"{mine / other:.2f}x"


def pywebio_of(target: Target, targets: list[Target]) -> Optional[Target]:
    if target.implementation in (PYWEBIO, FLOOR):
        return None
    for other in targets:
        if (other.implementation, other.backend, other.mode) == (
            PYWEBIO,
            target.backend,
            target.mode,
        ):
            return other
    return None


def floor_of(target: Target, targets: list[Target]) -> Optional[Target]:
    if target.implementation == FLOOR or target.library is None:
        return None
    for other in targets:
        if other.implementation == FLOOR and other.backend == target.library:
            return other
    return None


def render(
    title: str, columns: tuple[Column, ...], targets: list[Target], results: dict[str, Result]
) -> str:
    """The table of one workload, as text."""
    header = ["target", *(c.header for c in columns)]
    ratio_columns = [c for c in columns if c.ratios]
    header += [f"{c.header} vs PyWebIO" for c in ratio_columns]
    header += [f"{c.header} vs floor" for c in ratio_columns]
    rows = []
    for target in targets:
        result = results[target.name]
        pywebio, floor = pywebio_of(target, targets), floor_of(target, targets)
        row = [target.name, *(cell(result, c) for c in columns)]
        theirs = results[pywebio.name] if pywebio else None
        floors = results[floor.name] if floor else None
        row += [_ratio(result, theirs, c) for c in ratio_columns]
        row += [_ratio(result, floors, c) for c in ratio_columns]
        rows.append(row)
    keep = [i for i in range(len(header)) if i == 0 or any(row[i] for row in rows)]
    table = [[line[i] for i in keep] for line in [header, *rows]]
    return "\n".join([title, *aligned(table), *failures(targets, results)])


def aligned(table: list[list[str]]) -> list[str]:
    """The rows of ``table`` as lines: the first column left-aligned, the others right."""
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    lines = []
    for line in table:
        cells = [line[0].ljust(widths[0])] + [line[i].rjust(widths[i]) for i in range(1, len(line))]
        lines.append("  ".join(cells).rstrip())
    return lines


def failures(targets: list[Target], results: dict[str, Result]) -> list[str]:
    """A line for each distinct failure of each target."""
    return [
        f"  ! {target.name} failed: {error}"
        for target in targets
        for error in dict.fromkeys(results[target.name].errors)
    ]
