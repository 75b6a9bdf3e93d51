"""Output functions called where no session is current fail cleanly."""

from __future__ import annotations

import gc
import sys

import pytest

from webio_core.output import put_code, put_markdown, put_text
from webio_core.session import SessionNotFoundException


@pytest.mark.parametrize("put", [put_text, put_markdown, put_code])
def test_no_session(monkeypatch, put):
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    try:
        put("hello")
    except SessionNotFoundException as exc:
        assert "No webio_core session" in str(exc)
    else:
        pytest.fail("an output outside a session must raise SessionNotFoundException")
    gc.collect()
    # The half-built output is collected without an error from its __del__.
    assert unraisable == []
