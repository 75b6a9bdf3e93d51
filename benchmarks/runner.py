"""The measurement loop: for each repetition, every target of a workload in turn (round
robin), so that noise on this shared machine hits them all alike. Servers of a workload start
once, together, and serve all its repetitions, unless the workload wants a new one each time."""

from __future__ import annotations

import statistics
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from typing import Any

from .targets import Target
from .workloads import Settings, Workload


@dataclass
class Result:
    """The measurements of one workload on one target."""

    runs: list[dict[str, float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self, statistic: Any) -> dict[str, float]:
        if not self.runs:
            return {}
        return {key: statistic([run[key] for run in self.runs]) for key in self.runs[0]}

    def as_json(self) -> dict[str, Any]:
        return {
            "runs": self.runs,
            "median": self.summary(statistics.median),
            "min": self.summary(min),
            "max": self.summary(max),
            "errors": self.errors,
        }


def _short(error: BaseException) -> str:
    return "".join(traceback.format_exception_only(error)).strip().splitlines()[-1][:300]


def _measure(
    workload: Workload, target: Target, running: tuple[str, int], settings: Settings, result: Result
) -> None:
    url, pid = running
    try:
        result.runs.append(workload.measure(target, url, pid, settings))
    except Exception as error:
        result.errors.append(_short(error))
        print(f"  {target.name}: {_short(error)}", file=sys.stderr, flush=True)


def _start(workload: Workload, target: Target, settings: Settings) -> AbstractContextManager[Any]:
    app, options = workload.app(target, settings)
    return target.serve(app, **options)


def run_workload(
    workload: Workload, targets: list[Target], settings: Settings
) -> dict[str, Result]:
    results = {target.name: Result() for target in targets}
    started = time.perf_counter()
    workload.setup(settings)
    try:
        if workload.fresh_server:
            for _ in range(settings.runs):
                for target in targets:
                    try:
                        with _start(workload, target, settings) as running:
                            _measure(workload, target, running, settings, results[target.name])
                    except RuntimeError as error:  # the server did not start
                        results[target.name].errors.append(_short(error))
        else:
            with ExitStack() as stack:
                servers = _start_all(workload, targets, settings, stack, results)
                for _ in range(settings.runs):
                    for target in targets:
                        if target.name in servers:
                            running = servers[target.name]
                            _measure(workload, target, running, settings, results[target.name])
    finally:
        workload.teardown()
    print(
        f"  ({workload.name}: {time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True
    )
    return results


def _start_all(
    workload: Workload,
    targets: list[Target],
    settings: Settings,
    stack: ExitStack,
    results: dict[str, Result],
) -> dict[str, tuple[str, int]]:
    """Every target's server, started side by side (each takes a second or two to import)."""

    def start(target: Target) -> tuple[AbstractContextManager[Any], tuple[str, int]]:
        manager = _start(workload, target, settings)
        return manager, manager.__enter__()

    servers: dict[str, tuple[str, int]] = {}
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = {target.name: pool.submit(start, target) for target in targets}
        for name, future in futures.items():
            try:
                manager, running = future.result()
            except Exception as error:
                results[name].errors.append(_short(error))
                print(f"  {name}: {_short(error)}", file=sys.stderr, flush=True)
                continue
            stack.push(manager.__exit__)
            servers[name] = running
    return servers
