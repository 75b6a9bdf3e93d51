"""A throwaway venv with PyWebIO 1.8.4 and the web frameworks its backends need, created once
under ``.bench/`` at the repository root (gitignored). PyWebIO is never a dependency of this
project: only the benchmark's servers run in this venv."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench"
#: PyWebIO itself and the frameworks of the backends the benchmark compares (tornado comes
#: with pywebio; fastapi brings starlette).
REQUIREMENTS = (
    "pywebio==1.8.4",
    "flask",
    "django",
    "aiohttp",
    "fastapi",
    "uvicorn",
    "websockets",  # uvicorn's WebSocket protocol, which PyWebIO's fastapi backend needs
)


def pywebio_python(cache: Path = CACHE) -> str:
    """The Python of the PyWebIO venv, creating and filling the venv first if needed. A marker
    written last names what was installed, so an interrupted install is done again."""
    home = cache / "pywebio-1.8.4"
    python = home / "bin" / "python"
    marker = home / "installed.txt"
    wanted = "\n".join(REQUIREMENTS)
    if marker.exists() and marker.read_text(encoding="utf-8") == wanted and python.exists():
        return str(python)
    print(f"creating the PyWebIO venv in {home} (once) ...", file=sys.stderr, flush=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(home)
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *REQUIREMENTS],
        check=True,
    )
    marker.write_text(wanted, encoding="utf-8")
    return str(python)


def check(python: str) -> str:
    """``python`` if it imports pywebio 1.8.4, else a clear error."""
    try:
        result = subprocess.run(
            [python, "-c", "import pywebio; print(pywebio.__version__)"],
            capture_output=True,
            text=True,
        )
    except OSError as exc:
        raise SystemExit(f"--pywebio-python {python}: cannot run it ({exc.strerror})") from None
    if result.returncode != 0:
        raise SystemExit(f"--pywebio-python {python}: cannot import pywebio\n{result.stderr}")
    if result.stdout.strip() != "1.8.4":
        raise SystemExit(f"--pywebio-python {python}: pywebio {result.stdout.strip()}, not 1.8.4")
    return python
