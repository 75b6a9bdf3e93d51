"""Script mode's rules, each in a program of its own (a test process never enters script mode):
when it starts, what keeps the script's page alive, and what it rules out."""

from __future__ import annotations

import sys
import textwrap
import time

import pytest

from webio_core.testing import WebIOClient, eventually, installed_backends
from webio_core.testing.programs import free_port

BACKEND = "tornado" if "tornado" in installed_backends() else installed_backends()[0]
TRANSPORT = "websocket" if BACKEND == "tornado" else "http"


@pytest.fixture
def run_script(tmp_path, start_program):
    def run(source: str):
        script = tmp_path / "script.py"
        script.write_text(textwrap.dedent(source))
        port = free_port()
        env = {"PYWEBIO_SCRIPT_MODE_PORT": str(port), "WEBIO_SCRIPT_MODE_BACKEND": BACKEND}
        return start_program(script, cwd=tmp_path, env=env), f"http://127.0.0.1:{port}/"

    return run


def test_a_server_thread_outside_any_session_gets_the_usual_error(run_script):
    program, _ = run_script(
        """
        import threading
        from webio_core.output import put_text
        from webio_core.session import SessionNotFoundException
        from webio_core.testing import serve

        with serve(lambda: None):
            errors = []

            def outside():
                try:
                    put_text("from a thread of no session")
                except SessionNotFoundException as exc:
                    errors.append(str(exc))

            thread = threading.Thread(target=outside)
            thread.start()
            thread.join(10)
            print("error:", errors[0])
        """
    )
    assert program.wait() == 0, program.output
    assert "error: No webio_core session in this context" in program.output
    assert "script mode" not in program.output


def test_callbacks_keep_the_page_until_it_closes_and_other_threads_share_it(run_script):
    program, url = run_script(
        """
        import threading
        from webio_core.output import put_buttons, put_text

        put_buttons(["Again"], onclick=lambda _: put_text("clicked"))
        worker = threading.Thread(target=put_text, args=("from another thread",))
        worker.start()
        worker.join()
        print("end of the script", flush=True)
        """
    )
    program.wait_for_line(lambda line: url in line, "the script mode line")
    with WebIOClient(url, transport=TRANSPORT) as user:
        user.should_see("from another thread")
        program.wait_for_line(lambda line: line == "end of the script", "the end of the script")
        user.click("Again")
        user.should_see("clicked")
        assert program.process.poll() is None, "the page's callbacks keep the script alive"
    assert program.wait() == 0, program.output


def test_a_script_cannot_start_a_server_too(run_script):
    program, url = run_script(
        """
        from webio_core import start_server
        from webio_core.output import put_text

        put_text("script mode first")
        start_server(lambda: None, port=0)
        """
    )
    program.wait_for_line(lambda line: url in line, "the script mode line")
    with WebIOClient(url, transport=TRANSPORT) as user:
        user.should_see("script mode first")
        program.wait_for_line(lambda line: "RuntimeError" in line, "the error")
        user.wait_closed()
    assert program.wait() == 1
    assert "cannot start a server too" in program.output


OPENER = """
    import pathlib, sys
    pathlib.Path(sys.argv[1]).write_text(sys.argv[2])
"""


@pytest.mark.parametrize("port_variable", [False, True])
def test_the_browser_opens_the_page_unless_the_port_is_set(tmp_path, start_program, port_variable):
    """``webbrowser`` runs the command of the BROWSER variable: here one that notes the URL."""
    opener, opened = tmp_path / "opener.py", tmp_path / "opened.txt"
    opener.write_text(textwrap.dedent(OPENER))
    script = tmp_path / "script.py"
    script.write_text("from webio_core.output import put_text\nput_text('opened for me')\n")
    env = {
        "BROWSER": f"{sys.executable} {opener} {opened} %s",
        "WEBIO_NO_BROWSER": "0",
        "WEBIO_SCRIPT_MODE_BACKEND": BACKEND,
    }
    if port_variable:
        env["PYWEBIO_SCRIPT_MODE_PORT"] = ""  # set, even empty: PyWebIO's tests' switch
    program = start_program(script, cwd=tmp_path, env=env)
    line = program.wait_for_line(lambda line: "script mode" in line, "the script mode line")
    url = line.split()[-1]
    if port_variable:
        time.sleep(1)  # time enough for a browser that should not come
        assert not opened.exists()
    else:
        eventually(opened.exists, "the browser command", timeout=10)
        assert opened.read_text() == url
    with WebIOClient(url, transport=TRANSPORT) as user:
        user.should_see("opened for me")
        user.wait_closed()
    assert program.wait() == 0, program.output
