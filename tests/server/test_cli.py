"""The ``webio`` command as a user runs it, in subprocesses (``python -m webio_core``, which is
what the ``webio`` console script calls): ``run`` (with ``--reload``), ``path-deploy``,
``webio-path-deploy`` and ``backends``; and clear errors for mistakes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from webio_core.plugins import get_plugins
from webio_core.testing import WebIOClient, eventually, http_request, installed_backends

ROOT = Path(__file__).resolve().parents[2]
SERVING = re.compile(r"webio_core: serving on (http://127\.0\.0\.1:\d+/) with the (\w+) backend")
MODULE = Path("-m")  # start_program(MODULE, "webio_core", ...) runs ``python -u -m webio_core``
#: The code of the ``webio-path-deploy`` console script, for ``python -c``.
PATH_DEPLOY_SCRIPT = (
    "import sys; from webio_core.cli import path_deploy_main; sys.exit(path_deploy_main())"
)


def first_installed(*names: str) -> str:
    found = [name for name in names if name in installed_backends()]
    if not found:
        pytest.skip(f"none of {names} is installed")
    return found[0]


def websocket_backend() -> str:
    return first_installed("tornado", "aiohttp", "fastapi")


def http_backend() -> str:
    return first_installed("tornado_http", "flask", "django")


APP = """
    from webio_core.output import put_text

    from words import WORD  # a module beside the app: its changes reload too


    def main():
        put_text("main says " + WORD)


    def second():
        put_text("the second app")


    if __name__ == "__main__":
        raise SystemExit("webio run must not run this block")
"""


@pytest.fixture
def app_file(tmp_path: Path) -> Path:
    (tmp_path / "words.py").write_text('WORD = "one"\n')
    app = tmp_path / "app.py"
    app.write_text(textwrap.dedent(APP))
    return app


def serving(program) -> tuple[str, str]:
    """(url, backend) of the serving line of ``program``."""
    match = SERVING.search(program.wait_for_line(SERVING.search, "the serving line"))
    assert match is not None
    return match.group(1), match.group(2)


def transport(backend: str) -> str:
    return get_plugins().backend(backend).transport


def shows(url: str, backend: str, text: str, app: str = "index") -> str:
    with WebIOClient(url, app=app, transport=transport(backend), timeout=5) as user:
        return user.should_see(text)


def webio(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m webio_core ARGS`` to its end (for commands that do not serve)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "webio_core", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


# ---- webio run -------------------------------------------------------------------------------


def test_run_serves_the_main_of_a_file(app_file, start_program):
    backend = websocket_backend()
    program = start_program(
        MODULE, "webio_core", "run", "app.py", "--port", "0", "--backend", backend,
        cwd=app_file.parent,
    )  # fmt: skip
    url, served_by = serving(program)
    assert served_by == backend
    assert shows(url, backend, "main says") == "main says one"


def test_run_serves_the_functions_named_with_app(app_file, start_program):
    backend = http_backend()
    program = start_program(
        MODULE, "webio_core", "run", str(app_file), "--app", "main", "second",
        "--port", "0", "--backend", backend, cwd=app_file.parent,
    )  # fmt: skip
    url, _ = serving(program)
    assert shows(url, backend, "second", app="second") == "the second app"
    assert shows(url, backend, "main", app="main") == "main says one"
    status, _, page = http_request(url)
    assert status == 200 and b'"app": "index"' in page  # the generated index of the two apps


def test_run_reload_restarts_after_an_edit(app_file, start_program):
    backend = websocket_backend()
    program = start_program(
        MODULE, "webio_core", "run", "app.py", "--reload", "--port", "0", "--backend", backend,
        cwd=app_file.parent,
    )  # fmt: skip
    program.wait_for_line(lambda line: "reload mode" in line, "the reload banner")
    url, _ = serving(program)
    assert shows(url, backend, "main says") == "main says one"
    (app_file.parent / "words.py").write_text('WORD = "two"\n')
    program.wait_for_line(lambda line: "words.py changed; reloading" in line, "the reload")

    def new_version() -> bool:
        try:
            return shows(url, backend, "main says") == "main says two"
        except Exception:  # refused or cut while the child restarts
            return False

    eventually(new_version, "the edited app", timeout=30)
    assert len([line for line in program.lines if SERVING.search(line)]) == 1, program.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "missing.py"], "missing.py: no such file"),
        (["run", "app.py", "--app", "third"], "app.py defines no third()"),
        (["run", "app.py", "--backend", "nope"], "Unknown backend 'nope'"),
        (["path-deploy", "missing_dir"], "needs a directory"),
    ],
)
def test_mistakes_are_one_line_errors(app_file, args, message):
    done = webio(*args, cwd=app_file.parent)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("webio "), done.stderr


def test_a_syntax_error_is_reported_before_serving(tmp_path):
    (tmp_path / "bad.py").write_text("def main(:\n")
    done = webio("run", "bad.py", cwd=tmp_path)
    assert done.returncode == 2 and "bad.py does not parse" in done.stderr


# ---- webio path-deploy and webio-path-deploy -----------------------------------------------


@pytest.fixture
def apps_dir(tmp_path: Path) -> Path:
    base = tmp_path / "apps"
    (base / "tools").mkdir(parents=True)
    (base / "hello.py").write_text(
        'from webio_core.output import put_text\n\ndef main():\n    put_text("hello there")\n'
    )
    (base / "tools" / "broken.py").write_text("def main(:\n")
    (base / "_hidden.py").write_text("def main(): pass\n")
    return base


def test_path_deploy_serves_a_directory(apps_dir, start_program):
    backend = websocket_backend()
    program = start_program(
        MODULE, "webio_core", "path-deploy", str(apps_dir), "-p", "0", "-h", "127.0.0.1",
        "--backend", backend, cwd=apps_dir.parent,
    )  # fmt: skip
    url, served_by = serving(program)
    assert served_by == backend
    listing = http_request(url)[2].decode()
    assert 'href="hello"' in listing and 'href="tools/"' in listing and "_hidden" not in listing
    assert shows(url + "hello", backend, "hello") == "hello there"
    assert http_request(url + "tools/broken")[0] == 500
    assert http_request(url + "_hidden")[0] == 403


def test_webio_path_deploy_takes_pywebio_options(apps_dir, start_program):
    backend = http_backend()
    program = start_program(
        Path("-c"), PATH_DEPLOY_SCRIPT, str(apps_dir), "--http", "--backend", backend,
        "-p", "0", "-h", "127.0.0.1", "--no-index", "--session-expire-seconds", "60",
        "--websocket-ping-interval", "10", cwd=apps_dir.parent,
    )  # fmt: skip
    program.wait_for_line(
        lambda line: "--websocket-ping-interval applies without --http only: ignored" in line,
        "the warning about an option of the other transport",
    )
    url, served_by = serving(program)
    assert served_by == backend
    assert http_request(url)[0] == 403  # --no-index
    assert shows(url + "hello", backend, "hello") == "hello there"


def test_path_deploy_uses_tornado_by_default_and_tornado_http_with_http(apps_dir, start_program):
    if not {"tornado", "tornado_http"} <= set(installed_backends()):
        pytest.skip("webio-tornado is not installed")
    for flags, expected in (([], "tornado"), (["--http"], "tornado_http")):
        program = start_program(
            MODULE, "webio_core", "path-deploy", str(apps_dir), "-p", "0", "-h", "127.0.0.1",
            *flags, cwd=apps_dir.parent,
        )  # fmt: skip
        url, served_by = serving(program)
        assert served_by == expected
        assert shows(url + "hello", expected, "hello") == "hello there"
        program.stop()


def test_path_deploy_help_keeps_h_for_host():
    done = webio("path-deploy", "--help")
    assert done.returncode == 0
    assert "-h HOST, --host HOST" in done.stdout and "--session-expire-seconds" in done.stdout
    assert "--websocket-ping-interval" in done.stdout and "--backend" in done.stdout


# ---- webio backends, and the console scripts ------------------------------------------------


def test_backends_lists_every_installed_backend():
    done = webio("backends", "--json")
    assert done.returncode == 0, done.stderr
    rows = {row["name"]: row for row in json.loads(done.stdout)}
    assert sorted(rows) == installed_backends()
    for name, backend in get_plugins().backends.items():
        assert rows[name]["transport"] == backend.transport
        package = backend.server_factory.partition(".")[0]  # webio_tornado -> webio-tornado
        assert rows[name]["distribution"].split()[0] == package.replace("_", "-"), rows[name]
    if "tornado" in rows:
        assert rows["tornado"]["default"] is True
    table = webio("backends")
    assert table.returncode == 0 and table.stdout.splitlines()[0].split() == [
        "BACKEND",
        "TRANSPORT",
        "DISTRIBUTION",
    ]
    assert len(table.stdout.strip().splitlines()) >= len(rows) + 1


def test_webio_without_a_command_shows_its_commands():
    done = webio()
    assert done.returncode == 2
    for command in ("run", "path-deploy", "backends"):
        assert command in done.stdout


def test_the_console_scripts_are_declared():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {
        "webio": "webio_core.cli:main",
        "webio-path-deploy": "webio_core.cli:path_deploy_main",
    }
    import webio_core.cli

    assert callable(webio_core.cli.main) and callable(webio_core.cli.path_deploy_main)
