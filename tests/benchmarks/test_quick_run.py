"""The benchmark driver's smoke test: ``benchmarks/run.py --quick`` runs every workload against
every kind of target and writes positive, finite figures for each. Nothing here asserts how
fast anything is: the figures belong to the benchmark, not to the tests."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Every workload, and the kinds of target (webio-core, PyWebIO, floor) it must have measured.
EXPECTED = {
    "burst": {"webio-core", "PyWebIO"},
    "input_round_trip": {"webio-core", "PyWebIO", "floor"},
    "idle": {"webio-core", "PyWebIO", "floor"},
    "idle_many": {"webio-core", "floor"},
    "http_round_trip": {"webio-core", "PyWebIO"},
    "page": {"webio-core", "PyWebIO"},
    "upload": {"webio-core", "PyWebIO"},
    "scale_out": {"webio-core"},
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("bench") / "quick.json"
    # The core and the Redis plugin (scale_out) of this checkout, in the driver and its servers.
    paths = [str(ROOT), str(ROOT / "plugins" / "webio-redis")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    result = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", "--json", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=400,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.timeout(450)
def test_every_workload_ran(report: dict) -> None:
    assert set(report["workloads"]) == set(EXPECTED)
    assert report["quick"] is True and report["runs"] == 1
    assert report["machine"]["cores"].isdigit()


@pytest.mark.timeout(450)
@pytest.mark.parametrize("workload", sorted(EXPECTED))
def test_workload_covers_every_kind_of_target(report: dict, workload: str) -> None:
    measured = report["workloads"][workload]
    kinds = {name.split()[0] for name in measured["targets"]}
    assert kinds == EXPECTED[workload]
    if workload in ("burst", "input_round_trip", "idle"):
        modes = {name.split()[-1] for name in measured["targets"] if name.startswith("webio-core")}
        assert modes == {"thread", "coroutine"}


@pytest.mark.timeout(450)
@pytest.mark.parametrize("workload", sorted(EXPECTED))
def test_every_figure_is_positive_and_finite(report: dict, workload: str) -> None:
    measured = report["workloads"][workload]
    for name, figures in measured["targets"].items():
        assert figures["errors"] == [], name
        assert len(figures["runs"]) == 1, name
        for column in measured["columns"]:
            value = figures["median"][column]
            assert math.isfinite(value) and value > 0, (name, column, value)
