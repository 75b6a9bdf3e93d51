"""Every Python block of README.md and docs/ runs, and does what its page says.

How a block runs is declared next to it (see code_blocks.py): as a module, as an app or a whole
program served on a real loopback server and driven by a page, as pytest tests, or inside a web
framework's own server. A page shows nothing the tests have not run.
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional

import pytest

import webio_core
import webio_core.platform
from webio_core.plugins import get_plugins
from webio_core.testing import WebIOClient, serve
from webio_core.testing.programs import (
    PROGRAM_TIMEOUT,
    free_port,
    program,
    program_env,
    wait_until_serving,
)

from .code_blocks import CodeBlock, documentation_files, python_blocks

HOST_RUNNER = Path(__file__).with_name("host_runner.py")
#: Options of start_server that say where and how to listen, which the test decides instead.
LISTENING = ("port", "host", "auto_open_webbrowser", "debug")
#: The transport a page uses in each framework's host example.
HOST_TRANSPORTS = {
    "flask": "http",
    "django": "http",
    "fastapi": "websocket",
    "aiohttp": "websocket",
    "tornado": "websocket",
}

BLOCKS = [block for path in documentation_files() for block in python_blocks(path)]


def test_the_documentation_has_examples_to_run() -> None:
    assert len(BLOCKS) >= 10, [block.id for block in BLOCKS]


@pytest.mark.parametrize("block", BLOCKS, ids=[block.id for block in BLOCKS])
def test_code_example(block: CodeBlock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    # A block that starts a server stops there, whatever its kind: only "program" serves it.
    for target, backend in start_server_functions():
        monkeypatch.setattr(target, "start_server", stopping_start_server(target, backend))
    RUNS[block.run](block)


def run_module(block: CodeBlock) -> None:
    try:
        namespace = execute(block, "docs_example")
    except ServerStarted:
        pytest.fail(f"{block.id} starts a server: declare it a program, with steps")
    tests = [name for name in namespace if name.startswith("test_")]
    assert not tests, f"{block.id} defines tests {tests} that only a pytest example runs"


def run_pytest(block: CodeBlock) -> None:
    """pytest itself runs the block as a test file, with webio_core's plugin and fixtures."""
    (Path.cwd() / "test_example.py").write_text(block.code)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_example.py"],
        capture_output=True,
        text=True,
        timeout=PROGRAM_TIMEOUT * 4,
        env=program_env(webio_core, *plugin_packages()),
    )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.fullmatch(r"\d+ passed in .*", summary), summary  # nothing skipped or failed


def run_script(block: CodeBlock) -> None:
    """A script in script mode, in a process of its own as a user runs it: its first call
    serves its page on the port the test gives."""
    port = free_port()
    source = f"import os; os.environ['WEBIO_SCRIPT_MODE_PORT'] = '{port}'\n" + block.code
    with program(source, webio_core, *plugin_packages()) as process:
        url = f"http://127.0.0.1:{port}/"
        wait_until_serving(process, url)
        with WebIOClient(url) as page:
            play(page, block)


def run_app(block: CodeBlock) -> None:
    code = compile(block.code, block.id, "exec")

    def app() -> None:
        exec(code, {"__name__": "docs_example_app"})

    with serve(app) as server, server.client() as page:
        play(page, block)


def run_program(block: CodeBlock) -> None:
    with pytest.raises(ServerStarted) as stopped:
        execute(block, "__main__")
    applications, backend, options = stopped.value.args
    app = block.spec.get("app", "index")
    with serve(applications, backend=backend, **options) as server, server.client(app=app) as page:
        play(page, block)


def run_host(block: CodeBlock) -> None:
    framework = block.spec["framework"]
    source = Path.cwd() / "example.py"
    source.write_text(block.code)
    port = free_port()
    args = [framework, str(source), block.spec.get("object", "app"), str(port)]
    runner = f"import sys, runpy; sys.argv = {[str(HOST_RUNNER), *args]!r}; "
    runner += f"runpy.run_path({str(HOST_RUNNER)!r}, run_name='__main__')"
    url = f"http://127.0.0.1:{port}{block.spec.get('path', '/')}"
    with program(runner, webio_core, *plugin_packages()) as process:
        wait_until_serving(process, url)
        with WebIOClient(url, transport=HOST_TRANSPORTS[framework]) as page:
            play(page, block)


RUNS = {
    "module": run_module,
    "pytest": run_pytest,
    "app": run_app,
    "program": run_program,
    "script": run_script,
    "host": run_host,
}


def execute(block: CodeBlock, name: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": name, "__file__": str(block.path)}
    exec(compile(block.code, block.id, "exec"), namespace)
    return namespace


def play(page: WebIOClient, block: CodeBlock) -> None:
    """Run the block's steps on the page, in order."""
    for step in block.steps:
        action, *args = step
        if action == "see":
            page.should_see(args[0])
        elif action == "not_see":
            page.should_not_see(args[0])
        elif action == "submit":
            # Waits for the outcome (the form goes or is refused): the next step sees it.
            if isinstance(args[0], dict):
                page.submit(**args[0], settle=True)
            else:
                page.submit(args[0], settle=True)
        elif action == "click":
            page.click(args[0])
        elif action == "pin":
            assert page.pin(args[0]) == args[1], f"{block.id}: pin {args[0]}"
        elif action == "set_pin":
            page.set_pin(args[0], args[1])
        elif action == "closed":
            page.wait_closed()


class ServerStarted(Exception):
    """Stops a program where its start_server call would serve forever. Its args are what the
    call serves, the backend (``None``: the default) and the call's other options."""


def start_server_functions() -> Iterator[tuple[Any, Optional[str]]]:
    """Every module a program may take start_server from, with the backend it implies."""
    yield webio_core, None
    yield webio_core.platform, None
    for name, backend in get_plugins().backends.items():
        if backend.api_module:
            yield __import__(backend.api_module, fromlist=["start_server"]), name


def stopping_start_server(module: Any, backend: Optional[str]) -> Any:
    """A stand-in for ``module.start_server``: it takes the same arguments and raises
    :class:`ServerStarted` with them, less those of :data:`LISTENING`."""
    real = module.start_server
    signature = inspect.signature(real)

    def start_server(*args: Any, **kwargs: Any) -> None:
        bound = signature.bind(*args, **kwargs)
        options = dict(bound.arguments)
        options.update(options.pop(_var_keyword(signature), None) or {})
        applications = options.pop("applications")
        chosen = options.pop("backend", None) or backend
        for name in LISTENING:
            options.pop(name, None)
        raise ServerStarted(applications, chosen, options)

    return start_server


def _var_keyword(signature: inspect.Signature) -> str:
    for parameter in signature.parameters.values():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            return parameter.name
    return ""


def plugin_packages() -> list[Any]:
    """The packages of the installed backend plugins, for the host's process to import."""
    modules = {b.api_module.split(".")[0] for b in get_plugins().backends.values() if b.api_module}
    return [sys.modules.get(name) or __import__(name) for name in sorted(modules)]
