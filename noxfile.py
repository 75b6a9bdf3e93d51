"""Developer sessions: ``nox -l`` lists them. CI runs ``scripts/test.sh`` instead (one
environment, everything installed), which is faster on a 2-core machine.

Backends are the directories under ``plugins/``; every test folder runs in some session:
``tests`` (unit, api, server, and the conformance suite over one backend at a time, with that
plugin's own tests), ``plugin`` (tests/plugin with the fixture backend), ``e2e``, ``docs`` (the
site's build and tests/docs, which runs every code example of the pages).
"""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.sessions = ["lint", "typecheck", "protocol", "tests", "plugin", "e2e", "docs"]

ROOT = Path(__file__).parent
PLUGINS = sorted(p for p in (ROOT / "plugins").glob("webio-*") if (p / "pyproject.toml").exists())
BACKENDS = [p.name.removeprefix("webio-") for p in PLUGINS]
FIXTURE_BACKEND = "tests/plugin/webio-stdlib-backend"
TEST_TOOLS = ["-r", "requirements-test.txt"]
#: -E: read every page again, as the API pages depend on the code, not only on their sources.
SPHINX_BUILD = ["python", "-m", "sphinx", "-E", "-W", "--keep-going", "-n", "-q"]
SPHINX_BUILD += ["-b", "html", "docs", "build/docs"]


def _editable(*paths: object) -> list[str]:
    return [arg for path in paths for arg in ("-e", str(path))]


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff==0.17.5")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy over the core, every plugin and the fixture backend (see pyproject's files)."""
    session.install("mypy==2.4.1", *_editable(".", *PLUGINS, FIXTURE_BACKEND))
    session.run("mypy")


@nox.session
def protocol(session: nox.Session) -> None:
    """The generated client types and protocol tables match the declarations."""
    session.install("-e", ".")
    session.run("python", "scripts/gen_protocol.py", "--check")


@nox.session
@nox.parametrize("backend", BACKENDS)
def tests(session: nox.Session, backend: str) -> None:
    """Everything but the browser, with a single backend plugin installed; the conformance
    suite runs over every backend it registers (webio-tornado: tornado and tornado_http)."""
    session.install(*TEST_TOOLS, *_editable(".", f"plugins/webio-{backend}"))
    session.run(
        "pytest",
        "tests/unit",
        "tests/api",
        "tests/server",
        f"plugins/webio-{backend}",
        "--webio-backend=all",
        *session.posargs,
    )


@nox.session
def plugin(session: nox.Session) -> None:
    """The plugin boundary, through a third-party backend installed from tests/plugin."""
    session.install(*TEST_TOOLS, *_editable(".", FIXTURE_BACKEND))
    session.run("pytest", "tests/plugin", "--webio-backend=stdlib", *session.posargs)


@nox.session
def e2e(session: nox.Session) -> None:
    """End-to-end tests in Debian's Chromium (apt-get install chromium), every backend."""
    session.install(*TEST_TOOLS, *_editable(".", *PLUGINS))
    session.run("pytest", "tests/e2e", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site with warnings as errors (a broken link or reference fails),
    then run every code example of README.md and docs/ (tests/docs). The site is build/docs."""
    session.install(*TEST_TOOLS, "-r", "requirements-docs.txt", *_editable(".", *PLUGINS))
    session.run(*SPHINX_BUILD)
    session.run("pytest", "tests/docs", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """The benchmark driver (docs/performance.md): ``nox -s bench -- --quick`` for a smoke run.
    PyWebIO 1.8.4 gets a venv of its own under .bench/, made by the driver."""
    session.install(*_editable(".", *PLUGINS), "websockets==17.4", "playwright==1.65.2")
    session.install("uvicorn==0.54.0")
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def all_tests(session: nox.Session) -> None:
    """Everything, as CI runs it."""
    session.run("bash", "scripts/test.sh", *session.posargs, external=True)
