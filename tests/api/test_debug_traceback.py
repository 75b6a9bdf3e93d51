"""What the page shows of an app's exception: the generic message, and with debug mode the
traceback too, always as text (an exception message is data, never markup)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable

import pytest

from webio_core import environ
from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.session.tracebacks import APP_ERROR_MESSAGE
from webio_core.testing import LoopbackServer, eventually, loopback

HOSTILE = "<img src=x onerror=alert(1)> & </code><b>"


@pytest.fixture(autouse=True)
def _no_debug_from_the_environment(monkeypatch):
    for name in environ.DEBUG:
        monkeypatch.delenv(name, raising=False)


@contextmanager
def serving(app: Callable[[], Any], **options: Any) -> Iterator[LoopbackServer]:
    with loopback(app, **options) as server:
        yield server
        eventually(lambda: not server.sessions, "the sessions of the test's app to close")


def failing_app():
    put_text("before")
    yield input("go")
    raise ValueError(HOSTILE)


def failing_callback():
    put_buttons(["Fail"], onclick=lambda _: {}["missing " + HOSTILE])
    yield input("keep the page open")


def shown_traceback(user: Any) -> dict[str, Any]:
    user.wait_until(lambda page: page.popup is not None, "the traceback popup")
    return user.page.popup_spec


def test_debug_shows_the_traceback_of_the_app_as_text(make_app, caplog):
    with serving(make_app(failing_app), debug=True) as server, server.client() as user:
        user.submit("x")
        spec = shown_traceback(user)
        assert user.page.toasts[0]["content"] == APP_ERROR_MESSAGE
    assert spec["title"] == APP_ERROR_MESSAGE
    alert, code = spec["contents"]
    assert alert["type"] == "alert" and alert["color"] == "danger"
    assert [(c["type"], c["content"]) for c in alert["contents"]] == [
        ("text", f"ValueError: {HOSTILE}")
    ]
    # A code block without a language: the client shows it as plain text.
    assert code["type"] == "code" and code["language"] == ""
    assert code["content"].startswith("Traceback (most recent call last):")
    assert "in failing_app" in code["content"]
    assert code["content"].rstrip().endswith(f"ValueError: {HOSTILE}")
    # The log has it too, as without debug.
    assert any(r.exc_info and r.exc_info[0] is ValueError for r in caplog.records)


def test_debug_shows_the_traceback_of_a_callback(make_app):
    with serving(make_app(failing_callback), debug=True) as server, server.client() as user:
        user.click("Fail")
        spec = shown_traceback(user)
        code = spec["contents"][1]["content"]
        assert "KeyError" in code and HOSTILE in code and "<lambda>" in code
        user.form()  # the app goes on


def test_without_debug_only_the_generic_message_reaches_the_page(make_app, caplog):
    caplog.set_level(logging.ERROR, logger="webio_core.session")
    with serving(make_app(failing_app)) as server, server.client() as user:
        user.submit("x")
        user.wait_until(lambda page: page.toasts, "the error toast")
        user.wait_closed()
        assert [t["content"] for t in user.page.toasts] == [APP_ERROR_MESSAGE]
        assert user.page.popup is None
        assert not any("ValueError" in text or HOSTILE in text for text in user.page.texts())
    (record,) = [r for r in caplog.records if r.exc_info]
    assert record.exc_info[0] is ValueError and str(record.exc_info[1]) == HOSTILE


@pytest.mark.parametrize("variable", environ.DEBUG)
def test_debug_environment_variable_shows_the_traceback(make_app, monkeypatch, variable):
    monkeypatch.setenv(variable, "1")
    with serving(make_app(failing_app)) as server, server.client() as user:
        user.submit("x")
        assert "ValueError" in shown_traceback(user)["contents"][1]["content"]
