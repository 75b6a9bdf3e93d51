"""The django plugin inside a real Django project (``tests/project``, served by Django's
``runserver``), as a WSGI app on another WSGI server, and its ``start_server`` with PyWebIO's
parameters.

The project and the ``start_server`` programs run in processes of their own, because Django's
settings are per process: this one configures Django itself for ``wsgi_app``, as the
conformance suite does for its servers.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import socketserver
import subprocess
import sys
import textwrap
import threading
import urllib.error
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIServer, make_server

import pytest

import webio_core
from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform import django as platform_django
from webio_core.testing import WebIOClient, http_request

PROJECT = Path(__file__).resolve().parent / "project"
#: The core this test process imports, so that the server processes import the same one.
CORE_ROOT = str(Path(webio_core.__file__).resolve().parents[1])
#: Longest wait for a server process to start, or to stop (seconds).
PROCESS_TIMEOUT = 30
EVIL = "http://evil.example"
NEW_SESSION = {"webio-session-id": "new"}


def greeter() -> None:
    name = input("name?")
    put_text(f"Hello {name}")


@contextmanager
def server_process(args: list[str], ready: str, cwd: Path, **env: str) -> Iterator[str]:
    """Run ``args`` until it prints a line matching ``ready`` (whose group 1 is the URL)."""
    environ = {**os.environ, "PYTHONUNBUFFERED": "1", **env}
    paths = [str(cwd), CORE_ROOT, environ.get("PYTHONPATH", "")]
    environ["PYTHONPATH"] = os.pathsep.join(path for path in paths if path)
    process = subprocess.Popen(
        args, cwd=cwd, env=environ, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output: list[str] = []
    reader = None
    # A server that never prints its address is killed, which ends the loop below.
    deadline = threading.Timer(PROCESS_TIMEOUT, process.kill)
    deadline.start()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line)
            match = re.search(ready, line)
            if match:
                break
        else:
            raise AssertionError("the server did not start:\n" + "".join(output))
        deadline.cancel()
        # Keep reading its log, so that a full pipe never blocks the server.
        reader = threading.Thread(target=output.extend, args=(process.stdout,), daemon=True)
        reader.start()
        yield match.group(1)
    finally:
        deadline.cancel()
        process.terminate()
        try:
            process.wait(timeout=PROCESS_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            if reader is not None:
                reader.join(timeout=PROCESS_TIMEOUT)
            process.stdout.close()


@pytest.fixture(scope="module")
def project() -> Iterator[str]:
    """The test project on Django's development server (``manage.py runserver``)."""
    command = [sys.executable, "manage.py", "runserver", "127.0.0.1:0", "--noreload"]
    ready = r"Starting development server at (http://127\.0\.0\.1:[1-9]\d*)/"
    with server_process(command, ready, PROJECT) as url:
        yield url


def session_id(url: str, origin: str) -> str:
    status, headers, _ = http_request(url, headers={**NEW_SESSION, "Origin": origin})
    assert status == 200
    return headers["webio-session-id"]


def post_events(url: str, session: str, origin: str, body: bytes) -> int:
    headers = {"webio-session-id": session, "Origin": origin, "Content-Type": "application/json"}
    return http_request(url, method="POST", headers=headers, body=body)[0]


CLOSE = json.dumps({"ack": 0, "events": [], "close": True}).encode()


# ---- inside a Django project ------------------------------------------------------------------


def test_webio_view_on_a_route_of_the_project(project: str) -> None:
    assert http_request(project + "/")[::2] == (200, b"the project's own page")
    with WebIOClient(project + "/tool", transport="http") as user:
        user.submit("Ada")  # a POST through CsrfViewMiddleware, with no CSRF token
        user.should_see("Hello Ada")
        # session.info.request is Django's request, with what the middleware added to it.
        user.should_see("WSGIRequest, anonymous=True")
    status, headers, script = http_request(project + "/tool", query={"webio_static": "webio.js"})
    assert status == 200 and len(script) > 1000
    assert headers["X-Content-Type-Options"] == "nosniff"  # the project's middleware ran


def test_coroutine_app_in_the_project(project: str) -> None:
    with WebIOClient(project + "/async-tool", transport="http") as user:
        user.submit("Ada")
        user.should_see("Hello Ada from a coroutine")


def test_body_already_read_by_a_middleware(project: str) -> None:
    with WebIOClient(project + "/prefetched", transport="http") as user:
        user.submit("Ada")
        user.should_see("Hello Ada")


def test_foreign_origin_refused_even_though_csrf_exempt(project: str) -> None:
    url = project + "/tool"
    assert http_request(url, headers={**NEW_SESSION, "Origin": EVIL})[0] == 403
    own = session_id(url, project)
    assert post_events(url, own, EVIL, CLOSE) == 403  # a foreign page cannot drive it
    assert post_events(url, own, project, CLOSE) == 200


def test_allowed_origins_in_the_project(project: str) -> None:
    url = project + "/partners"
    partner = "https://app.partner.example"
    own = session_id(url, partner)
    assert post_events(url, own, partner, CLOSE) == 200
    assert http_request(url, headers={**NEW_SESSION, "Origin": EVIL})[0] == 403


def test_bad_frames_in_the_project(project: str) -> None:
    url = project + "/tool"
    with WebIOClient(url, transport="http") as user:
        user.form()  # the session is up
        with pytest.raises(urllib.error.HTTPError) as refused:
            user.send_raw(b"{not json")
        assert refused.value.code == 400
        refused.value.close()
        assert post_events(url, "no-such-session", project, CLOSE) == 410
        user.submit("Ada")  # the session was not harmed
        user.should_see("Hello Ada")


# ---- a server of its own ----------------------------------------------------------------------


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


@contextmanager
def wsgi_host(application: Any) -> Iterator[str]:
    """``application`` on the standard library's WSGI server (not Django's)."""
    server = make_server("127.0.0.1", 0, application, server_class=ThreadingWSGIServer)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def assert_greets(url: str, name: str = "Ada") -> None:
    with WebIOClient(url, transport="http") as user:
        user.submit(name)
        user.should_see(f"Hello {name}")


def test_wsgi_app_serves_at_the_root_only(tmp_path: Path) -> None:
    (tmp_path / "logo.txt").write_text("a logo")
    with wsgi_host(platform_django.wsgi_app(greeter, static_dir=str(tmp_path))) as base:
        assert_greets(base + "/")
        assert http_request(base + "/static/logo.txt")[::2] == (200, b"a logo")
        assert http_request(base + "/static/../test_integration.py")[0] == 404
        assert http_request(base + "/elsewhere")[0] == 404
        assert http_request(base + "/", headers={**NEW_SESSION, "Origin": EVIL})[0] == 403


def test_several_wsgi_apps_in_one_process() -> None:
    """Django is configured once per process; each app keeps its own apps all the same."""

    def other() -> None:
        put_text("the other app")

    first_app, second_app = platform_django.wsgi_app(greeter), platform_django.wsgi_app(other)
    with wsgi_host(first_app) as first, wsgi_host(second_app) as second:
        with WebIOClient(second + "/", transport="http") as user:
            user.should_see("the other app")
        assert_greets(first + "/")


def test_django_options_cannot_change_a_configured_django() -> None:
    from django.conf import settings

    platform_django.wsgi_app(greeter)  # configures Django if nothing did yet
    platform_django.wsgi_app(greeter, USE_I18N=settings.USE_I18N)  # agrees: fine
    with pytest.raises(RuntimeError, match=r"already configured.*USE_I18N"):
        platform_django.wsgi_app(greeter, USE_I18N=not settings.USE_I18N)


def test_start_server_with_pywebio_parameters(tmp_path: Path) -> None:
    (tmp_path / "logo.txt").write_text("a logo")
    program = textwrap.dedent(
        f"""
        from django.conf import settings
        from webio_core.input import input
        from webio_core.output import put_text
        from webio_core.platform.django import start_server

        def main():
            name = input("name?")
            put_text(f"{{settings.GREETING}} {{name}}, debug={{settings.DEBUG}}")

        start_server(main, port=0, host="127.0.0.1", static_dir={str(tmp_path)!r},
                     max_payload_size="1M", session_expire_seconds=60, GREETING="Bonjour")
        """
    )
    ready = r"webio_core: serving on (http://[^/\s]+)/"
    with server_process([sys.executable, "-c", program], ready, tmp_path) as url:
        url = url.replace("localhost", "127.0.0.1")
        with WebIOClient(url + "/", transport="http") as user:
            user.submit("Ada")
            user.should_see("Bonjour Ada, debug=False")  # django_options became settings
        assert http_request(url + "/static/logo.txt")[::2] == (200, b"a logo")
        oversized = b"x" * (1024 * 1024 + 1)
        own = session_id(url + "/", url)
        assert post_events(url + "/", own, url, oversized) == 413


def test_start_server_with_the_settings_module_of_a_project() -> None:
    """With ``DJANGO_SETTINGS_MODULE`` set, the project's settings and middleware apply."""
    program = textwrap.dedent(
        """
        from webio_core.output import put_text
        from webio_core.platform.django import start_server
        from webio_core.session import info

        def main():
            put_text(type(info.request).__name__, info.request.user.is_anonymous)

        start_server(main, port=0, host="127.0.0.1")
        """
    )
    ready = r"webio_core: serving on (http://[^/\s]+)/"
    env = {"DJANGO_SETTINGS_MODULE": "mysite.settings"}
    with server_process([sys.executable, "-c", program], ready, PROJECT, **env) as url:
        url = url.replace("localhost", "127.0.0.1")
        with WebIOClient(url + "/", transport="http") as user:
            user.should_see("WSGIRequest True")  # the project's auth middleware ran
        assert http_request(url + "/")[1]["X-Frame-Options"] == "DENY"


def test_signatures_are_pywebio_s() -> None:
    expiry = "session_expire_seconds=None, session_cleanup_interval=None"
    origins = "allowed_origins=None, check_origin=None"
    signatures = {
        platform_django.webio_view: f"(applications, cdn=True, {expiry}, {origins})",
        platform_django.wsgi_app: f"(applications, cdn=True, static_dir=None, {origins}, "
        f"{expiry}, debug=False, max_payload_size='200M', **django_options)",
        platform_django.start_server: "(applications, port=8080, host='', cdn=True, "
        f"static_dir=None, remote_access=False, {origins}, {expiry}, debug=False, "
        "max_payload_size='200M', **django_options)",
    }
    for function, signature in signatures.items():
        assert str(inspect.signature(function)) == signature


@pytest.mark.e2e
def test_in_chromium_through_the_project_middleware(project: str) -> None:
    """The browser client itself (its POSTs, its Origin header) with Django's CSRF, security
    and X-Frame-Options middleware in the way."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from webio_core.testing.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(project + "/tool")
            field = page.locator("form.webio-form input").last
            field.fill("Ada")
            field.press("Enter")
            sync_api.expect(page.get_by_text("Hello Ada")).to_be_visible(timeout=10_000)
            assert not errors
        finally:
            browser.close()
