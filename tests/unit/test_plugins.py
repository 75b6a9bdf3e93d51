"""The plugin manager's backend registry and the webio_core.platform facades."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest

import webio_core
from webio_core import hookimpl
from webio_core.plugins import BackendNotFoundError, Plugins, get_plugins
from webio_core.server import Backend
from webio_core.testing import installed_backends


class _BackendPlugin:
    """A plugin contributing backends that are never started."""

    def __init__(self, *names):
        self.names = names

    @hookimpl
    def webio_register_backends(self, register):
        for name in self.names:
            register(
                Backend(
                    name=name,
                    transport="websocket",
                    server_factory="nowhere:create_server",
                    api_module="nowhere",
                )
            )


def _with_backends(*names):
    plugins = Plugins(load_entry_points=False)
    plugins.pm.register(_BackendPlugin(*names))
    return plugins


def test_no_backend_installed_names_the_pip_command():
    plugins = Plugins(load_entry_points=False)
    assert plugins.backends == {}
    with pytest.raises(BackendNotFoundError, match=r"pip install webio-core\[tornado\]"):
        plugins.backend()


def test_backend_not_found_is_an_import_and_lookup_error():
    # `except ImportError` (optional dependency) and `except LookupError` both catch it.
    assert issubclass(BackendNotFoundError, ImportError)
    assert issubclass(BackendNotFoundError, LookupError)


def test_unknown_backend_lists_installed_ones():
    installed = installed_backends()
    assert installed, "the test environment has at least one backend"
    with pytest.raises(BackendNotFoundError) as error:
        get_plugins().backend("no-such-server")
    message = str(error.value)
    assert "'no-such-server'" in message
    assert f"Installed backends: {', '.join(installed)}." in message


def test_missing_known_backend_names_its_extra():
    plugins = _with_backends("flask")
    with pytest.raises(BackendNotFoundError, match=r"pip install webio-core\[django\]") as error:
        plugins.backend("django")
    assert "Installed backends: flask." in str(error.value)


def test_default_backend_choice():
    plugins = _with_backends("solo")
    assert plugins.backend().name == "solo", "the only installed backend is the default"
    plugins.pm.register(_BackendPlugin("other"))
    with pytest.raises(BackendNotFoundError, match="choose one"):
        plugins.backend()
    plugins.pm.register(_BackendPlugin("tornado"))
    assert plugins.backend().name == "tornado", "tornado is preferred when installed"
    assert sorted(plugins.backends) == ["other", "solo", "tornado"]


def test_two_backends_with_one_name_refused():
    plugins = _with_backends("twin")
    with pytest.raises(ValueError, match="twin"):
        plugins.pm.register(_BackendPlugin("twin"))


def test_installed_backends_are_registered_by_entry_point():
    plugins = get_plugins()
    assert sorted(plugins.backends) == installed_backends()
    for name, backend in plugins.backends.items():
        assert backend.name == name
        assert backend.transport in ("websocket", "http")


def test_start_server_with_unknown_backend():
    with pytest.raises(BackendNotFoundError, match="Installed backends"):
        webio_core.start_server(lambda: None, backend="no-such-server")


# ---- platform facades --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("django", "django"),
        ("aiohttp", "aiohttp"),
        ("fastapi", "fastapi"),
        ("tornado_http", "tornado"),
    ],
)
@pytest.mark.parametrize("attribute", ["start_server", "webio_view", "webio_handler"])
def test_facade_of_a_backend_that_is_not_installed(name, extra, attribute, monkeypatch):
    # Every backend is installed here: the facade is shown a registry without this one.
    from webio_core.platform import _facade

    backends = {k: v for k, v in get_plugins().backends.items() if k != name}
    monkeypatch.setattr(_facade, "get_plugins", lambda: SimpleNamespace(backends=backends))
    facade = importlib.import_module(f"webio_core.platform.{name}")
    with pytest.raises(ImportError, match=rf"pip install webio-core\[{extra}\]"):
        getattr(facade, attribute)
    with pytest.raises(ImportError, match=rf"pip install webio-core\[{extra}\]"):
        exec(f"from webio_core.platform.{name} import {attribute}", {})


def test_install_hint_of_a_backend_variant_names_its_plugins_extra(monkeypatch):
    import webio_core.plugins

    monkeypatch.setattr(webio_core.plugins, "known_extras", lambda: ["tornado", "flask"])
    assert webio_core.plugins.install_hint("tornado_http") == "pip install webio-core[tornado]"
    assert webio_core.plugins.install_hint("flask") == "pip install webio-core[flask]"
    assert "'mine_http'" in webio_core.plugins.install_hint("mine_http")


@pytest.mark.parametrize(
    "name", ["tornado", "tornado_http", "flask", "django", "aiohttp", "fastapi"]
)
def test_facade_of_installed_backend(name):
    if name not in installed_backends():
        pytest.skip(f"the {name} backend is not installed")
    facade = importlib.import_module(f"webio_core.platform.{name}")
    api = importlib.import_module(get_plugins().backends[name].api_module)
    assert facade.start_server is api.start_server
    with pytest.raises(AttributeError):
        facade.__wrapped__  # noqa: B018 - dunders are not forwarded
    with pytest.raises(AttributeError):
        facade.no_such_function  # noqa: B018


def test_tornado_flask_and_fastapi_helpers():
    installed = installed_backends()
    if "tornado" in installed:
        from webio_core.platform.tornado import webio_handler

        assert callable(webio_handler)
    if "tornado_http" in installed:
        from webio_core.platform.tornado_http import webio_handler as http_handler

        assert callable(http_handler)
    if "flask" in installed:
        from webio_core.platform.flask import webio_view, wsgi_app

        assert callable(webio_view) and callable(wsgi_app)
    if "fastapi" in installed:
        from webio_core.platform.fastapi import asgi_app, webio_routes

        assert callable(webio_routes) and callable(asgi_app)


def test_the_tornado_plugin_registers_a_websocket_and_an_http_backend():
    """One plugin may register several backends: webio-tornado gives tornado (WebSocket) and
    tornado_http (HTTP polling), as PyWebIO has both."""
    backends = get_plugins().backends
    if "tornado" not in backends:
        pytest.skip("the tornado backend is not installed")
    assert backends["tornado"].transport == "websocket"
    assert backends["tornado_http"].transport == "http"
    packages = {backends[name].api_module.split(".")[0] for name in ("tornado", "tornado_http")}
    assert packages == {"webio_tornado"}


def test_every_plugin_of_the_repository_is_installed():
    """CI installs every distribution under plugins/; each registers the backend it is named
    after (so lists of backends can be derived from what is installed), or it is a broker
    plugin that keeps sessions at URLs of its name (webio-redis: redis://)."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    names = {p.name.removeprefix("webio-") for p in (root / "plugins").glob("webio-*")}
    assert names, "no plugin directories found"
    brokers = {name for name in names if name not in installed_backends()}
    assert brokers == {"redis"}
    hook = get_plugins().pm.hook.webio_session_registry
    assert [impl.plugin_name for impl in hook.get_hookimpls()] == ["redis"]


def test_backend_plugins_import_only_the_sdk_from_the_core():
    """webio_core.server is the backend SDK (webio_core.server.scaleout that of broker
    plugins): a plugin imports from it and nothing else of the core (webio_core itself only for
    hookimpl)."""
    import ast
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    sources = [*root.glob("plugins/*/webio_*/*.py"), *root.glob("tests/plugin/*/webio_*/*.py")]
    assert sources
    # A broker plugin's SDK is webio_core.server.scaleout.
    allowed = {"webio_core": {"hookimpl"}, "webio_core.server": None}
    allowed["webio_core.server.scaleout"] = None
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("webio_core"):
                assert node.module in allowed, f"{path.name} imports {node.module}"
                names = allowed[node.module]
                if names is not None:
                    assert {a.name for a in node.names} <= names, f"{path.name}: {node.module}"
            if isinstance(node, ast.Import):
                modules = {a.name for a in node.names if a.name.startswith("webio_core")}
                assert not modules, f"{path.name} imports {modules}"
