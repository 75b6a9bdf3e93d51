"""webio_core.environ: flags and ports from the environment, PyWebIO's names included."""

from __future__ import annotations

import pytest

from webio_core import environ


@pytest.fixture(autouse=True)
def _clean(monkeypatch):
    for name in (*environ.DEBUG, *environ.SCRIPT_MODE_PORT, *environ.NO_BROWSER):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("value", ["1", "true", "yes", "on", "anything"])
def test_true_values(monkeypatch, value):
    monkeypatch.setenv("PYWEBIO_DEBUG", value)
    assert environ.flag(environ.DEBUG)


@pytest.mark.parametrize("value", ["", "0", "false", "No", "OFF", " 0 "])
def test_false_values(monkeypatch, value):
    monkeypatch.setenv("PYWEBIO_DEBUG", value)
    assert not environ.flag(environ.DEBUG)


def test_unset_is_false_and_the_webio_name_wins(monkeypatch):
    assert not environ.flag(environ.DEBUG)
    monkeypatch.setenv("PYWEBIO_DEBUG", "1")
    monkeypatch.setenv("WEBIO_DEBUG", "0")
    assert not environ.flag(environ.DEBUG)


def test_port(monkeypatch):
    assert environ.port(environ.SCRIPT_MODE_PORT) is None
    monkeypatch.setenv("PYWEBIO_SCRIPT_MODE_PORT", "8123")
    assert environ.port(environ.SCRIPT_MODE_PORT) == 8123
    monkeypatch.setenv("PYWEBIO_SCRIPT_MODE_PORT", "")
    assert environ.port(environ.SCRIPT_MODE_PORT) == 0
    for bad in ("http", "70000", "-1"):
        monkeypatch.setenv("PYWEBIO_SCRIPT_MODE_PORT", bad)
        with pytest.raises(ValueError, match="PYWEBIO_SCRIPT_MODE_PORT"):
            environ.port(environ.SCRIPT_MODE_PORT)
