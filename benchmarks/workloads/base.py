"""What a workload is: the app its servers run, the targets it applies to, how one
measurement goes, and the columns of its table. Workloads register themselves by name."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..targets import Target

if TYPE_CHECKING:
    from ..runner import Result

#: Every workload, by name, in the order the driver runs them.
WORKLOADS: dict[str, Workload] = {}


@dataclass(frozen=True)
class Settings:
    quick: bool
    runs: int


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    digits: int = 1
    #: Whether the table shows this figure's ratio to PyWebIO's and to the floor's.
    ratios: bool = False


class Workload:
    name = ""
    title = ""
    columns: tuple[Column, ...] = ()
    #: A new server for every measurement (memory figures must not inherit freed memory).
    fresh_server = False

    def applies(self, target: Target, settings: Settings) -> bool:
        raise NotImplementedError

    def app(self, target: Target, settings: Settings) -> tuple[str, dict[str, Any]]:
        """The app template (see :meth:`Target.source`) and the server's options."""
        raise NotImplementedError

    def measure(self, target: Target, url: str, pid: int, settings: Settings) -> dict[str, float]:
        """One measurement against the running server: the figures, by column key."""
        raise NotImplementedError

    def describe(self, settings: Settings) -> str:
        """The title of the table, with the counts it used."""
        return self.title

    def table(self, settings: Settings, targets: list[Target], results: dict[str, Result]) -> str:
        """The printed table: by default a row per target, with its ratios to PyWebIO's and to
        the floor's."""
        from ..table import render  # the table module imports this package

        return render(self.describe(settings), self.columns, targets, results)

    def setup(self, settings: Settings) -> None:
        """Before the first measurement (e.g. write the file to upload)."""

    def teardown(self) -> None:
        """After the last measurement."""


def register(workload: type[Workload]) -> type[Workload]:
    WORKLOADS[workload.name] = workload()
    return workload


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def latency_figures(seconds: list[float], prefix: str = "") -> dict[str, float]:
    """Median and p99 in milliseconds, and the count."""
    return {
        f"{prefix}p50_ms": statistics.median(seconds) * 1000,
        f"{prefix}p99_ms": percentile(seconds, 0.99) * 1000,
        f"{prefix}n": float(len(seconds)),
    }
