"""run_js, eval_js, go_app and download outside a session fail with the session error; the
deprecated data() and get_info() warn and give local and info; JSError describes the JS error."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest

from webio_core.session import (
    JSError,
    SessionNotFoundException,
    data,
    download,
    eval_js,
    get_info,
    go_app,
    info,
    local,
    run_js,
)


@pytest.mark.parametrize(
    "call",
    [
        lambda: run_js("alert(1)"),
        lambda: eval_js("1 + 1"),
        lambda: go_app("index"),
        lambda: download("a.txt", b"a"),
    ],
    ids=["run_js", "eval_js", "go_app", "download"],
)
def test_outside_a_session(call):
    with pytest.raises(SessionNotFoundException, match="No webio_core session in this context"):
        call()


def test_data_is_the_deprecated_name_of_local():
    with pytest.warns(DeprecationWarning, match=r"use webio_core\.session\.local") as caught:
        assert data() is local
    # The warning points at the caller, as PyWebIO's does.
    assert caught[0].filename == __file__


def test_get_info_is_the_deprecated_name_of_info():
    with pytest.warns(DeprecationWarning, match=r"use webio_core\.session\.info") as caught:
        assert get_info() is info
    assert caught[0].filename == __file__


def test_js_error_keeps_the_javascript_error_and_pickles():
    error = JSError("thrown", "TypeError", "x is not a function")
    assert (error.reason, error.name, error.message) == (
        "thrown",
        "TypeError",
        "x is not a function",
    )
    assert str(error) == "the JavaScript code of eval_js() threw TypeError: x is not a function"
    assert isinstance(error, RuntimeError)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.reason) == (JSError, str(error), "thrown")
    assert str(JSError("rejected", "", "no")) == "the Promise of eval_js() was rejected: no"


def test_probing_info_and_local_for_dunders_starts_nothing():
    # A script (where a session lookup would start script mode's server) that inspects the
    # proxies the way doc generators and debuggers do.
    probe = (
        "from webio_core.session import info, local\n"
        "print(hasattr(info, '__wrapped__'), hasattr(local, '__sphinx_mock__'))\n"
        "print(repr(local))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "WEBIO_NO_BROWSER": "1"},
    )
    assert done.returncode == 0, done.stderr
    probed, shown = done.stdout.splitlines()
    assert probed.split() == ["False", "False"]
    assert "no session here" in shown
    assert "script mode" not in done.stderr
