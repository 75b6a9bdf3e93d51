"""PyWebIO's import paths and positional calls that the migration report found missing:
``webio_core.exceptions``, ``webio_core.platform.path_deploy`` (a module whose name is also the
function), ``platform.seo`` (deprecated) and ``start_server``'s positional parameters."""

from __future__ import annotations

import inspect
import warnings
from typing import Any

import pytest

import webio_core
import webio_core.server.start as start
from webio_core.session import SessionClosedException


def test_the_exceptions_module_has_pywebios_names() -> None:
    from webio_core.exceptions import (
        PyWebIOWarning,
        SessionException,
        SessionNotFoundException,
    )
    from webio_core.exceptions import (
        SessionClosedException as Closed,
    )

    assert Closed is SessionClosedException and issubclass(Closed, SessionException)
    assert issubclass(SessionNotFoundException, SessionException)
    assert issubclass(PyWebIOWarning, UserWarning)
    assert webio_core.exceptions.SessionException is SessionException


def test_path_deploy_is_a_module_and_a_function_of_platform() -> None:
    from webio_core.platform.path_deploy import path_deploy, path_deploy_http

    assert path_deploy is webio_core.path_deploy and path_deploy_http is webio_core.path_deploy_http
    assert inspect.isfunction(webio_core.platform.path_deploy)


def test_seo_is_config_with_a_deprecation_warning() -> None:
    from webio_core.platform import seo

    def app() -> None:
        pass

    with pytest.warns(DeprecationWarning, match="use webio_core.config"):
        configured = seo("Sums", "Adds numbers", app)
    assert configured is app
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        decorated = seo("Sums")(app)
    assert decorated is app


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(start, "serve", lambda applications, **options: calls.append(options))
    return calls


def app() -> None:
    pass


def test_start_server_takes_pywebios_parameters_by_position(served: list[dict[str, Any]]) -> None:
    webio_core.start_server(app, 8080, "127.0.0.1", True, False, None, False, 30)
    assert served == [
        {
            "port": 8080,
            "host": "127.0.0.1",
            "debug": True,
            "cdn": False,
            "static_dir": None,
            "remote_access": False,
            "reconnect_timeout": 30,
        }
    ]


def test_start_server_passes_only_what_was_given(served: list[dict[str, Any]]) -> None:
    webio_core.start_server(app, port=0, backend="flask", session_expire_seconds=5)
    assert served == [{"port": 0, "backend": "flask", "session_expire_seconds": 5}]


def test_start_server_refuses_a_backend_by_position_and_a_parameter_twice() -> None:
    parameters = list(inspect.signature(webio_core.start_server).parameters)
    assert parameters[:4] == ["applications", "port", "host", "debug"]
    with pytest.raises(TypeError, match="too many positional"):
        webio_core.start_server(app, *range(12))
    with pytest.raises(TypeError, match="multiple values"):
        webio_core.start_server(app, 8080, port=8081)
