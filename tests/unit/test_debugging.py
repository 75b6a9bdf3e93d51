"""Debug mode switches: ``enable_debug()``, ``PYWEBIO_DEBUG`` / ``WEBIO_DEBUG``, ``debug=``."""

from __future__ import annotations

import logging

import pytest

from webio_core import debugging, enable_debug, environ
from webio_core.server.options import ServerOptions


@pytest.fixture(autouse=True)
def _restore(monkeypatch):
    for name in environ.DEBUG:
        monkeypatch.delenv(name, raising=False)
    names = debugging._framework_loggers()
    saved = {}
    for name in names:
        logger = logging.getLogger(name)
        saved[name] = (list(logger.handlers), logger.level, logger.propagate)
    yield
    debugging.disable_debug()
    for name, (handlers, level, propagate) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers, logger.level, logger.propagate = handlers, level, propagate


def test_off_by_default():
    assert not debugging.debug_enabled()
    assert ServerOptions().debug is False
    assert ServerOptions(debug=True).debug is True


@pytest.mark.parametrize("variable", environ.DEBUG)
def test_environment_turns_it_on(monkeypatch, variable):
    monkeypatch.setenv(variable, "1")
    assert debugging.debug_enabled()
    assert ServerOptions().debug is True
    monkeypatch.setenv(variable, "0")
    assert ServerOptions().debug is False


def test_enable_debug_logs_to_stderr_and_turns_debug_on(capsys):
    enable_debug()
    assert debugging.debug_enabled() and ServerOptions().debug is True
    logging.getLogger("webio_core.server").debug("a debug line")
    logging.getLogger("webio_tornado").info("a backend line")
    err = capsys.readouterr().err
    assert "[DEBUG" in err and "webio_core.server" in err and "a debug line" in err
    assert "a backend line" in err


def test_enable_debug_twice_prints_once_and_takes_a_level(capsys):
    enable_debug()
    enable_debug(logging.WARNING)
    logging.getLogger("webio_core").info("not shown")
    logging.getLogger("webio_core").warning("shown once")
    err = capsys.readouterr().err
    assert "not shown" not in err
    assert err.count("shown once") == 1
