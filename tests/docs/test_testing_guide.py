"""docs/testing-your-app.md: its example that uses the pytest plugin's fixtures is run by
pytest itself (the block runner calls only tests without arguments)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from webio_core.testing import installed_backends

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "testing-your-app.md"
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def test_the_fixture_example_runs_once_per_kind_and_backend(tmp_path: Path) -> None:
    (block,) = [b for b in PYTHON_BLOCK.findall(PAGE.read_text()) if "def test_greeting(" in b]
    (tmp_path / "test_example.py").write_text(block)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_example.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        # This checkout's webio_core, not whichever one is installed.
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        },
    )
    expected = 2 * len(installed_backends())
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{expected} passed" in result.stdout, result.stdout
