"""The top-level names of ``webio_core`` are PyWebIO 1.8's (``pywebio/__init__.py``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import webio_core
from webio_core import session

ROOT = Path(__file__).resolve().parents[2]

#: Every public name ``import pywebio`` gives, in PyWebIO 1.8.
PYWEBIO_TOP_LEVEL = [
    "input",
    "output",
    "platform",
    "session",
    "pin",
    "__author__",
    "__author_email__",
    "__license__",
    "__description__",
    "__url__",
    "__version__",
    "SessionException",
    "SessionClosedException",
    "SessionNotFoundException",
    "start_server",
    "config",
    "STATIC_PATH",
    "enable_debug",
]


def test_pywebio_names_are_all_there():
    missing = [name for name in PYWEBIO_TOP_LEVEL if not hasattr(webio_core, name)]
    assert missing == []
    assert set(PYWEBIO_TOP_LEVEL) <= set(webio_core.__all__)


def test_exceptions_are_the_session_modules():
    assert webio_core.SessionException is session.SessionException
    assert webio_core.SessionClosedException is session.SessionClosedException
    assert webio_core.SessionNotFoundException is session.SessionNotFoundException
    assert issubclass(webio_core.SessionClosedException, webio_core.SessionException)


def test_metadata_matches_the_distribution():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert webio_core.__version__ == project["version"]
    assert webio_core.__description__ == project["description"]
    assert webio_core.__license__ == project["license"]["text"]


def test_submodules_come_with_a_bare_import():
    code = (
        "import webio_core as w; "
        "print(w.input.input, w.output.put_text, w.pin.pin, w.session.info, "
        "w.platform.start_server, w.enable_debug)"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(webio_core.__file__).parents[1]))
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
