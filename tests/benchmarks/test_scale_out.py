"""The scale-out workload's smoke test: ``benchmarks/run.py --quick --only scale_out`` starts
real redis-server, four server processes and nginx, measures every setup, prints a row for each
and the Redis hop's ratio, writes positive, finite figures, and leaves none of its processes
behind. Nothing here asserts how fast anything is: the figures belong to the benchmark."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from benchmarks.workloads.scale_table import SETUPS

ROOT = Path(__file__).resolve().parents[2]
TARGET = "webio-core tornado thread"
#: What the driver printed, its JSON report, and what tells its processes.
Run = tuple[str, dict, str, Path]


#: An environment variable the driver's run passes on to every process it starts.
MARKER = "SCALE_OUT_SMOKE_RUN"


def started_by(marker: str, directory: Path) -> list[int]:
    """The processes of a run: those whose environment holds ``MARKER=marker`` (the servers),
    or that work in ``directory`` (redis-server, whose process title hides its environment) or
    name it (nginx's master process, likewise)."""
    needle, place = f"{MARKER}={marker}".encode(), str(directory)
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            command = (entry / "cmdline").read_bytes().decode(errors="replace")
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue  # ended meanwhile, or another user's
        if needle in environ or place in command or cwd.startswith(place):
            found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    path = tmp_path_factory.mktemp("bench") / "scale.json"
    marker, directory = uuid.uuid4().hex, tmp_path_factory.mktemp("files")
    # The core and the Redis plugin of this checkout, in the driver and in every server.
    paths = [str(ROOT), str(ROOT / "plugins" / "webio-redis")]
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEBIO_")}
    # TMPDIR: where the cluster's files go (redis-server's, nginx's).
    env.update(PYTHONPATH=os.pathsep.join(paths), TMPDIR=str(directory), **{MARKER: marker})
    command = [sys.executable, "benchmarks/run.py", "--quick", "--only", "scale_out"]
    result = subprocess.run(
        [*command, "--no-pywebio", "--json", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(path.read_text(encoding="utf-8"))
    return result.stdout, report, marker, directory


@pytest.mark.timeout(300)
def test_every_setup_has_a_row(run: Run) -> None:
    printed, _, _, _ = run
    lines = printed.splitlines()
    for setup in SETUPS:
        (row,) = [line for line in lines if line.strip().startswith(setup.label)]
        cells = row[len(f"  {setup.label}") :].split()
        # sessions/s (and its ratio, and the client's CPU) only where sessions were opened
        assert len(cells) == (7 if setup.sessions else 6), row
        assert cells[-1] != "-" and int(cells[-1]) > 0, row  # round trips
    assert any(line.startswith(f"  {TARGET}: Redis hop / straight to the owner") for line in lines)


@pytest.mark.timeout(300)
def test_every_figure_is_positive_and_finite(run: Run) -> None:
    _, report, _, _ = run
    measured = report["workloads"]["scale_out"]
    assert list(measured["targets"]) == [TARGET]
    figures = measured["targets"][TARGET]
    assert figures["errors"] == []
    assert len(figures["runs"]) == 1
    assert len(measured["columns"]) == sum(len(setup.columns()) for setup in SETUPS)
    for column in measured["columns"]:
        value = figures["median"][column]
        assert math.isfinite(value) and value > 0, (column, value)


@pytest.mark.timeout(300)
def test_no_process_is_left_behind(run: Run) -> None:
    _, _, marker, directory = run
    assert started_by(marker, directory) == []
    assert list(directory.iterdir()) == []  # the cluster's files went with it
