#!/usr/bin/env python3
"""The benchmark driver: the same workloads against webio-core (every installed backend, thread
and coroutine sessions), PyWebIO 1.8.4 (in a venv of its own under .bench/, created on first
use) and raw WebSocket servers (the floor), interleaved, printing a table per workload.

    python benchmarks/run.py [--quick] [--runs N] [--only WORKLOAD,...]
        [--targets SUBSTRING,...] [--pywebio-python PATH] [--no-pywebio] [--json PATH]

See docs/performance.md for what each workload measures and how to read the tables.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import signal
import sys
import time
from pathlib import Path
from typing import Any, Optional

if __package__ in (None, ""):  # run as a script: import the benchmark as a package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "benchmarks"

from benchmarks import machine, pywebio_env
from benchmarks.runner import Result, run_workload
from benchmarks.targets import QUICK, Target, all_targets, core_backends
from benchmarks.workloads import ORDER, WORKLOADS, Settings


def parse(argv: Optional[list[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts, one run, few targets")
    parser.add_argument("--runs", type=int, help="repetitions (default 3; 1 with --quick)")
    parser.add_argument("--only", help=f"comma-separated workloads among: {', '.join(ORDER)}")
    parser.add_argument("--targets", help="comma-separated substrings of target names to keep")
    parser.add_argument("--pywebio-python", help="a Python with pywebio==1.8.4 (and frameworks)")
    parser.add_argument("--no-pywebio", action="store_true", help="measure no PyWebIO target")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    args.runs = args.runs or (1 if args.quick else 3)
    args.only = _names(args.only, parser) if args.only else list(ORDER)
    return args


def _names(text: str, parser: argparse.ArgumentParser) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in WORKLOADS]
    if unknown or not names:
        parser.error(f"--only: unknown workload {unknown or text!r}; known: {', '.join(ORDER)}")
    return [name for name in ORDER if name in names]


def select_targets(args: argparse.Namespace) -> list[Target]:
    pywebio: Optional[str] = None
    if not args.no_pywebio:
        pywebio = (
            pywebio_env.check(args.pywebio_python)
            if args.pywebio_python
            else pywebio_env.pywebio_python()
        )
    targets = all_targets(sys.executable, core_backends(), pywebio)
    if args.quick:
        targets = [t for t in targets if (t.implementation, t.backend, t.mode) in QUICK]
    if args.targets:
        wanted = [part.strip() for part in args.targets.split(",") if part.strip()]
        targets = [t for t in targets if any(w in t.name for w in wanted)]
        if not targets:
            raise SystemExit(f"--targets {args.targets!r} matches no target")
    return targets


def raise_file_limit() -> None:
    """Thousands of sockets: the client's (and the servers', inherited) soft limit goes up to
    the hard one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def complete(results: dict[str, Result]) -> bool:
    """Whether every target has figures, all positive and finite, and no run failed."""
    return all(
        result.runs
        and not result.errors
        and all(math.isfinite(v) and v > 0 for run in result.runs for v in _figures(run))
        for result in results.values()
    )


def _figures(run: dict[str, float]) -> list[float]:
    return [value for key, value in run.items() if key not in ("threads",)]


def main(argv: Optional[list[str]] = None) -> int:
    args = parse(argv)
    # A terminated run still stops the servers it started (their context managers exit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    raise_file_limit()
    settings = Settings(quick=args.quick, runs=args.runs)
    targets = select_targets(args)
    about = machine.describe()
    print("webio-core benchmark" + (" (--quick)" if args.quick else ""))
    for key, value in about.items():
        print(f"  {key:<7}{value}")
    print(f"  runs   {settings.runs} (figures are medians, [min-max] over the runs)\n", flush=True)

    report: dict[str, Any] = {"machine": about, "quick": args.quick, "runs": args.runs}
    report["workloads"] = {}
    ok = True
    for name in args.only:
        workload = WORKLOADS[name]
        covered = [t for t in targets if workload.applies(t, settings)]
        if not covered:
            print(f"{workload.describe(settings)}\n  (no target selected)\n")
            continue
        results = run_workload(workload, covered, settings)
        ok = ok and complete(results)
        print(workload.table(settings, covered, results) + "\n")
        sys.stdout.flush()
        report["workloads"][name] = {
            "title": workload.describe(settings),
            "columns": [column.key for column in workload.columns],
            "targets": {target.name: results[target.name].as_json() for target in covered},
        }
    seconds = time.perf_counter() - started
    report["seconds"] = seconds
    print(f"total time {seconds:.0f} s" + ("" if ok else "; some measurements FAILED (see above)"))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
