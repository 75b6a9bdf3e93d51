"""Developer sessions: ``nox -l`` lists them. CI runs ``scripts/test.sh`` instead (one
environment, everything installed), which is faster on a 2-core machine."""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "typecheck", "tests"]

BACKENDS = ["tornado", "flask"]
TEST_TOOLS = ["-r", "requirements-test.txt"]


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff==0.17.5")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.install("mypy==2.4.1", "-e", ".")
    session.run("mypy")


@nox.session
@nox.parametrize("backend", BACKENDS)
def tests(session: nox.Session, backend: str) -> None:
    """The suite with a single backend installed: conformance runs over that backend alone."""
    session.install(*TEST_TOOLS, "-e", ".", "-e", f"plugins/webio-{backend}")
    session.run("pytest", "tests/unit", "tests/conformance", "tests/security", *session.posargs)


@nox.session
def e2e(session: nox.Session) -> None:
    """End-to-end tests in Debian's Chromium (apt-get install chromium)."""
    plugins = [arg for backend in BACKENDS for arg in ("-e", f"plugins/webio-{backend}")]
    session.install(*TEST_TOOLS, "-e", ".", *plugins)
    session.run("pytest", "tests/e2e", *session.posargs)


@nox.session
def all_tests(session: nox.Session) -> None:
    """Everything, as CI runs it."""
    session.run("bash", "scripts/test.sh", *session.posargs, external=True)
