"""The setups of the scale-out workload and its table: a row per setup (not per target), with
ratios to the single process without Redis, and the Redis hop's cost as a ratio of its own."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from ..table import aligned, cell, failures
from ..targets import Target
from .base import Column, latency_figures

if TYPE_CHECKING:
    from ..runner import Result

#: The column groups of a setup: what sessions per second gives, then what round trips give.
SESSION_FIGURES = (Column("sessions_per_s", "sessions/s", 0), Column("client_cpu_pct", "", 0))
LATENCY_FIGURES = (Column("p50_ms", "", 3), Column("p99_ms", "", 3), Column("n", "", 0))


@dataclass(frozen=True)
class Setup:
    """One way of serving the app: ``url`` names where the page opens its session, ``via``
    (if any) the server it then reconnects through."""

    key: str
    label: str
    sessions: bool = True
    url: str = ""
    via: Optional[str] = None

    @property
    def opens_at(self) -> str:
        return self.url or self.key

    def columns(self) -> list[Column]:
        kept = [*SESSION_FIGURES, *LATENCY_FIGURES] if self.sessions else [*LATENCY_FIGURES]
        return [Column(f"{self.key}.{c.key}", c.header, c.digits) for c in kept]

    def figures(self, rate: dict[str, float], times: list[float]) -> dict[str, float]:
        both = {**rate, **latency_figures(times)}
        return {f"{self.key}.{name}": value for name, value in both.items()}


BASELINE, OWNER, HOP = "baseline", "owner", "hop"
#: The setups, in the order they are measured and printed.
SETUPS = (
    Setup(BASELINE, "1 process, no Redis (baseline)"),
    Setup("nginx", "1 process, no Redis, via nginx"),
    Setup("p1", "1 process + Redis, via nginx"),
    Setup("p2", "2 processes + Redis, via nginx"),
    Setup("p4", "4 processes + Redis, via nginx"),
    Setup(OWNER, "session on its owner (Redis, direct)", sessions=False),
    Setup(HOP, "same, page on another process (Redis hop)", False, url=OWNER, via="other"),
)
HEADER = [
    "setup",
    "sessions/s",
    "vs baseline",
    "client CPU %",
    "median ms",
    "p99 ms",
    "median vs baseline",
    "round trips",
]


def columns() -> tuple[Column, ...]:
    """Every figure of a measurement (for the JSON report and the completeness check)."""
    return tuple(column for setup in SETUPS for column in setup.columns())


def _median(result: Result, key: str) -> Optional[float]:
    values = [run[key] for run in result.runs if key in run]
    return statistics.median(values) if values else None


def _ratio(result: Result, key: str, other: str) -> str:
    mine, theirs = _median(result, key), _median(result, other)
    return "-" if mine is None or not theirs else f"{mine / theirs:.2f}x"


def _row(setup: Setup, result: Result) -> list[str]:
    def figure(name: str, digits: int) -> str:
        return cell(result, Column(f"{setup.key}.{name}", "", digits))

    def ratio(name: str) -> str:
        return _ratio(result, f"{setup.key}.{name}", f"{BASELINE}.{name}")

    sessions = ["-", "", "-"]
    if setup.sessions:
        sessions = [
            figure("sessions_per_s", 0),
            ratio("sessions_per_s"),
            figure("client_cpu_pct", 0),
        ]
    latency = [figure("p50_ms", 3), figure("p99_ms", 3), ratio("p50_ms"), figure("n", 0)]
    return [f"  {setup.label}", *sessions, *latency]


def _hop(target: Target, result: Result) -> str:
    median = _ratio(result, f"{HOP}.p50_ms", f"{OWNER}.p50_ms")
    p99 = _ratio(result, f"{HOP}.p99_ms", f"{OWNER}.p99_ms")
    hop, owner = _median(result, f"{HOP}.p50_ms"), _median(result, f"{OWNER}.p50_ms")
    extra = f" (+{hop - owner:.3f} ms)" if hop is not None and owner is not None else ""
    return f"  {target.name}: Redis hop / straight to the owner: median {median}{extra}, p99 {p99}"


def scale_table(title: str, targets: list[Target], results: dict[str, Result]) -> str:
    """A block of rows per target (a row per setup), then each target's Redis hop."""
    table = [HEADER]
    for target in targets:
        table.append([target.name, *([""] * (len(HEADER) - 1))])
        table += [_row(setup, results[target.name]) for setup in SETUPS]
    hops = [_hop(target, results[target.name]) for target in targets]
    return "\n".join([title, *aligned(table), *hops, *failures(targets, results)])
