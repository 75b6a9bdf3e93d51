"""Fixtures shared by the test directories: programs run in a subprocess, as a user runs them."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Optional

import pytest

import webio_core
from webio_core import environ
from webio_core.plugins import get_plugins

#: Longest wait for a program's line, its exit, or its stop (seconds).
PROGRAM_TIMEOUT = 30.0


def import_roots() -> list[str]:
    """The directories the test process imports webio_core and the backend plugins from, so a
    program run by a test uses the same code (a worktree's, not the one installed)."""
    import importlib

    roots = {str(Path(webio_core.__file__).resolve().parents[1])}
    for backend in get_plugins().backends.values():
        module: ModuleType = importlib.import_module(backend.api_module.partition(".")[0])
        roots.add(str(Path(str(module.__file__)).resolve().parents[1]))
    return sorted(roots)


class Program:
    """A Python program running in a subprocess of its own session (process group); its
    output (stdout and stderr together) is read line by line."""

    def __init__(self, args: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-u", *args],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []
        self._new: queue.Queue[Optional[str]] = queue.Queue()
        self._reader = threading.Thread(target=self._read, name="test-program-output", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            self._new.put(line)
        self._new.put(None)

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for_line(self, check: Callable[[str], Any], what: str) -> str:
        """The first line (already read or to come) for which ``check`` is truthy."""
        deadline = time.monotonic() + PROGRAM_TIMEOUT
        seen = 0
        while True:
            for line in self.lines[seen:]:
                if check(line):
                    return line
            seen = len(self.lines)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out waiting for {what}; output:\n{self.output}")
            try:
                if self._new.get(timeout=min(remaining, 0.2)) is None and seen == len(self.lines):
                    raise AssertionError(f"the program ended before {what}; output:\n{self.output}")
            except queue.Empty:
                pass

    def wait(self) -> int:
        """The exit code, once the program has ended by itself."""
        try:
            return self.process.wait(timeout=PROGRAM_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the program did not end; output:\n{self.output}") from None

    def stop(self) -> None:
        """Ctrl+C's signal to the program (SIGINT), then SIGKILL to its process group (itself
        and the children it started) if it has not ended in time."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=PROGRAM_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass
        try:
            # The group is the program's own session: nothing else lives in it.
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=PROGRAM_TIMEOUT)
        self._reader.join(timeout=PROGRAM_TIMEOUT)
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture
def start_program() -> Iterator[Callable[..., Program]]:
    """``start_program(script, *args, cwd=dir, env={...})`` runs ``python -u script args`` with
    this test process's webio_core and plugins; every program is stopped after the test."""
    programs: list[Program] = []
    base = {k: v for k, v in os.environ.items() if not k.startswith(("WEBIO_", "PYWEBIO_"))}
    base["PYTHONPATH"] = os.pathsep.join(import_roots())
    base[environ.NO_BROWSER[0]] = "1"

    def start(script: Path, *args: str, cwd: Path, env: Optional[dict[str, str]] = None) -> Program:
        program = Program([str(script), *args], cwd, {**base, **(env or {})})
        programs.append(program)
        return program

    yield start
    for program in programs:
        program.stop()
