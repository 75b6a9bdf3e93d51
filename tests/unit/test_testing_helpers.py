"""Helpers of the public test kit (webio_core.testing)."""

from __future__ import annotations

import time
from typing import Optional

from webio_core.input import input
from webio_core.output import put_text
from webio_core.testing import loopback
from webio_core.testing.helpers import ResponseHeaders


def test_response_header_names_are_looked_up_whatever_their_case():
    headers = ResponseHeaders({"Webio-Session-Id": "abc", "content-type": "text/plain"})
    assert headers["webio-session-id"] == headers["WEBIO-SESSION-ID"] == "abc"
    assert headers.get("Content-Type") == "text/plain"
    assert "webio-session-id" in headers and "webio-more" not in headers
    assert headers.get("webio-more", "none") == "none"
    assert list(headers) == ["Webio-Session-Id", "content-type"], "names are kept as sent"
    assert isinstance(headers, dict)


def _slow_to_judge(value: str) -> Optional[str]:
    time.sleep(0.2)  # the server takes its time: a submit that did not wait would see nothing
    return "too short" if len(value) < 2 else None


def _ask() -> None:
    put_text("got " + input("Name", validate=_slow_to_judge))


def test_submit_settle_returns_once_the_server_refused_or_took_the_answer():
    with loopback(_ask) as server, server.client() as user:
        form = user.form()
        user.submit("a", settle=True)
        assert form.error() == "too short" and form.ready == 1
        assert form.task_id in user.page.forms, "a refused form stays"
        user.submit("ab", form=form, settle=True)
        assert form.task_id not in user.page.forms
        user.should_see("got ab")
