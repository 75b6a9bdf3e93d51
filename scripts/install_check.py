#!/usr/bin/env python3
"""Installs webio-core as a user would, and serves a page on every backend it brings.

    python scripts/install_check.py [--extras flask,all] [--keep DIR]

Builds wheels of the core and of every plugin under plugins/ into a local wheelhouse, then for
each extra of the core (``webio-core[flask]``, ..., ``[all]``) creates a fresh venv, installs
the extra from the wheelhouse (``pip install --find-links``; the frameworks come from the
package index) and, in that venv, starts a hello-world app on every backend the extra should
bring and fetches its page. Fails when an extra names a distribution that does not exist here,
when an install fails, or when a backend does not serve its page.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
SERVE = textwrap.dedent(
    """
    import sys
    import webio_core
    from webio_core.output import put_text

    def main():
        put_text("hello")

    webio_core.start_server(main, port=0, host="127.0.0.1", backend=sys.argv[1])
    """
)
SERVING = re.compile(r"serving on (http://\S+)")


def run(*command: str | Path, cwd: Path = ROOT) -> None:
    subprocess.run([str(part) for part in command], cwd=cwd, check=True)


def project(path: Path) -> dict:
    with open(path / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]


def plugins() -> dict[str, Path]:
    """Distribution name -> directory, for every plugin of the repository."""
    found = {}
    for directory in sorted((ROOT / "plugins").iterdir()):
        if (directory / "pyproject.toml").exists():
            found[project(directory)["name"]] = directory
    return found


def entry_points_of(distribution: Path) -> list[str]:
    """The plugin names a distribution declares in the webio_core entry-point group."""
    entry_points = project(distribution).get("entry-points", {}).get("webio_core", {})
    return sorted(entry_points)


def installed(python: Path) -> tuple[list[str], list[str]]:
    """The backends webio_core finds in the venv of ``python``, and the plugins it loaded."""
    listing = (
        "from webio_core.plugins import get_plugins; plugins = get_plugins(); "
        "print(*sorted(plugins.backends)); "
        "print(*sorted(name for name, _ in plugins.pm.list_name_plugin()))"
    )
    result = subprocess.run([str(python), "-c", listing], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"webio_core does not load in {python}:\n{result.stderr}")
    backends, loaded = (result.stdout + "\n").split("\n")[:2]
    return backends.split(), loaded.split()


def check_registry(python: Path) -> None:
    """The registry plugin takes redis:// URLs: a Redis that is not there is a clear error."""
    probe = "from webio_core.plugins import get_plugins; get_plugins().session_registry(URL)"
    url = "redis://127.0.0.1:1/0"
    result = subprocess.run(
        [str(python), "-c", probe.replace("URL", repr(url))], capture_output=True, text=True
    )
    if "Cannot reach Redis at redis://127.0.0.1:1/0" not in result.stderr:
        sys.exit(f"the redis registry plugin did not answer for {url}:\n{result.stderr}")
    print("  redis: registry plugin loaded, a missing Redis is reported")


def check_extras(extras: dict[str, list[str]], known: dict[str, Path]) -> None:
    for extra, requirements in extras.items():
        missing = [r for r in requirements if re.split(r"[<>=!~ \[]", r)[0] not in known]
        if missing:
            sys.exit(f"webio-core[{extra}] names distributions that do not exist: {missing}")


def serve_page(python: Path, backend: str) -> None:
    process = subprocess.Popen(
        [str(python), "-c", SERVE, backend],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = []
        deadline = time.monotonic() + 60
        for line in process.stdout:
            lines.append(line)
            match = SERVING.search(line)
            if match or time.monotonic() > deadline:
                break
        if not match:
            sys.exit(f"the {backend} backend did not start:\n" + "".join(lines))
        url = match.group(1).replace("localhost", "127.0.0.1")
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode()
        if response.status != 200 or "webio-config" not in page:
            sys.exit(f"the {backend} backend served no webio page at {url}")
        print(f"  {backend}: page served at {url}")
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extras", help="comma-separated extras (default: every one)")
    parser.add_argument("--keep", type=Path, help="build the wheelhouse and venvs here")
    args = parser.parse_args()

    core = project(ROOT)
    known = plugins()
    extras = {k: v for k, v in core["optional-dependencies"].items() if k != "testing"}
    chosen = args.extras.split(",") if args.extras else sorted(extras)
    check_extras({extra: extras[extra] for extra in chosen}, known)

    work = args.keep or Path(tempfile.mkdtemp(prefix="webio-install-"))
    wheelhouse = work / "wheelhouse"
    print(f"wheels of webio-core and {len(known)} plugins into {wheelhouse}")
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "-w",
        wheelhouse,
        ROOT,
        *known.values(),
    )
    for extra in chosen:
        venv = work / f"venv-{extra}"
        print(f"webio-core[{extra}] in a fresh venv")
        run(sys.executable, "-m", "venv", "--clear", venv)
        python = venv / "bin" / "python"
        # Pinned to the version built here, so that no index could supply another one.
        requirement = f"webio-core[{extra}]=={core['version']}"
        env_pip = [python, "-m", "pip", "install", "-q", "--find-links", wheelhouse, requirement]
        subprocess.run([str(p) for p in env_pip], check=True, env={**os.environ})
        names = {re.split(r"[<>=!~ \[]", r)[0] for r in extras[extra]}
        backends, loaded = installed(python)
        expected = {name for d in names for name in entry_points_of(known[d])}
        if not expected <= set(loaded):
            sys.exit(f"webio-core[{extra}] brought plugins {loaded}, not {sorted(expected)}")
        for backend in backends:
            serve_page(python, backend)
        if "redis" in expected:
            check_registry(python)
    return 0


if __name__ == "__main__":
    sys.exit(main())
