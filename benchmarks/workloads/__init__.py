"""The workloads, registered by name (importing a module registers its workloads)."""

from __future__ import annotations

from . import burst, idle, page, round_trip, scale_out, upload  # noqa: F401 - registers the workloads
from .base import WORKLOADS, Column, Settings, Workload

#: The order the driver runs and prints them.
ORDER = (
    "burst",
    "input_round_trip",
    "idle",
    "idle_many",
    "http_round_trip",
    "page",
    "upload",
    "scale_out",
)
assert set(ORDER) == set(WORKLOADS), "every registered workload has a place in ORDER"

__all__ = ["ORDER", "WORKLOADS", "Column", "Settings", "Workload"]
