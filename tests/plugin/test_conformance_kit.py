"""The plugin author's kit as its author uses it: ``pytest --webio-backend=NAME`` in a project
of their own (here an empty directory) runs the conformance suite shipped with webio-core
against their installed backend, with nothing of this repository's test set-up."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from webio_core.testing import conformance

BACKEND = "stdlib"


def test_the_shipped_suite_runs_against_an_installed_third_party_backend(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", f"--webio-backend={BACKEND}", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    counts = {word: int(number) for number, word in re.findall(r"(\d+) (\w+)", summary)}
    # Every test module of the suite ran here, none was skipped and none failed.
    modules = {p.stem for p in Path(conformance.__file__).parent.glob("test_*.py")}
    ran = set(re.findall(r"^(?:.*/)?(test_\w+)\.py ", result.stdout, re.MULTILINE))
    assert counts.get("passed", 0) >= 100, summary
    assert not counts.get("skipped") and not counts.get("failed"), summary
    assert ran == modules
