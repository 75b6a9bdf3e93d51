"""Every hook of ``webio_core.hookspecs``, each shown to be called by the core.

Each ``test_hook_<name>`` registers a small plugin on a fresh plugin manager, runs a real server
(the ``stdlib`` backend of the fixture distribution) and observes what the hook changed.
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
import inspect
import logging
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable, Optional

import pytest

from webio_core import hookimpl, hookspecs
from webio_core.plugins import ENTRY_POINT_GROUP, Plugins, get_plugins
from webio_core.server import Backend
from webio_core.server.origin import OriginPolicy
from webio_core.testing import WebIOClient, serve

from .conftest import BACKEND, backend_for, plugins_with, waiting_app

#: The modules where each hook's test_hook_<name> lives.
HOOK_TEST_MODULES = ("test_hooks.py", "test_session_hooks.py")


class FakeEntryPoint:
    """Stands for an entry point of another installed distribution."""

    def __init__(self, name: str, plugin: object = None, error: Optional[Exception] = None):
        self.name = name
        self.group = ENTRY_POINT_GROUP
        self._plugin = plugin
        self._error = error

    def load(self) -> object:
        if self._error is not None:
            raise self._error
        return self._plugin


@pytest.fixture
def install_entry_points(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """``install_entry_points(FakeEntryPoint(...), ...)``: add them to the installed ones."""

    def install(*fakes: FakeEntryPoint) -> None:
        real = importlib.metadata.entry_points

        def entry_points(**selection: Any) -> list[Any]:
            found: list[Any] = list(real(**selection))
            if selection.get("group") == ENTRY_POINT_GROUP:
                found.extend(fakes)
            return found

        monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)

    return install


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read()


# ---- registration ----------------------------------------------------------------------------


def test_register_backends_reaches_a_plugin_registered_later() -> None:
    stdlib = get_plugins().backend(BACKEND)

    class LatePlugin:
        @hookimpl
        def webio_register_backends(self, register: Callable[[Backend], None]) -> None:
            register(dataclasses.replace(stdlib, name="late"))

    plugins = Plugins()
    assert "late" not in plugins.backends
    plugins.pm.register(LatePlugin())
    assert plugins.backend("late").server_factory == stdlib.server_factory


def test_hook_webio_register_backends(install_entry_points: Callable[..., None]) -> None:
    stdlib = get_plugins().backend(BACKEND)
    calls: list[Callable[[Backend], None]] = []

    class MirrorPlugin:
        """A second distribution offering the stdlib server under another name."""

        @hookimpl
        def webio_register_backends(self, register: Callable[[Backend], None]) -> None:
            calls.append(register)
            register(dataclasses.replace(stdlib, name="mirror"))

    install_entry_points(FakeEntryPoint("mirror", MirrorPlugin()))
    plugins = Plugins()

    assert len(calls) == 1  # once, when the plugin manager is built
    assert plugins.backend("mirror").server_factory == stdlib.server_factory
    assert {"mirror", BACKEND} <= set(plugins.backends)
    with serve(waiting_app, backend="mirror", plugins=plugins) as server, server.client() as user:
        user.should_see("running")
        assert server.app.backend.name == "mirror"
        (session,) = server.app.sessions
        assert session.info.backend == "mirror"


def test_two_backends_with_one_name_are_an_error(
    install_entry_points: Callable[..., None],
) -> None:
    stdlib = get_plugins().backend(BACKEND)

    class ImpostorPlugin:
        @hookimpl
        def webio_register_backends(self, register: Callable[[Backend], None]) -> None:
            register(dataclasses.replace(stdlib, api_module="impostor.api"))

    install_entry_points(FakeEntryPoint("impostor", ImpostorPlugin()))
    with pytest.raises(ValueError, match="two plugins register a backend named 'stdlib'"):
        Plugins()


def test_plugin_that_fails_to_import_is_logged_and_skipped(
    install_entry_points: Callable[..., None], caplog: pytest.LogCaptureFixture
) -> None:
    registered: list[str] = []

    class LaterPlugin:
        @hookimpl
        def webio_register_backends(self, register: Callable[[Backend], None]) -> None:
            registered.append("later")

    install_entry_points(
        FakeEntryPoint("broken", error=ImportError("No module named 'webio_broken'")),
        FakeEntryPoint("later", LaterPlugin()),
    )
    with caplog.at_level(logging.ERROR, logger="webio_core.plugins"):
        plugins = Plugins()

    (record,) = [r for r in caplog.records if r.name == "webio_core.plugins"]
    assert "'broken'" in record.getMessage()
    assert record.exc_info is not None and "webio_broken" in str(record.exc_info[1])
    assert plugins.pm.get_plugin("broken") is None
    # The entry points after the broken one, and the real backends, still load.
    assert registered == ["later"]
    assert plugins.backend(BACKEND).name == BACKEND
    with serve(waiting_app, backend=BACKEND, plugins=plugins) as server, server.client() as user:
        user.should_see("running")


# ---- static hosting ---------------------------------------------------------------------------


def test_hook_webio_static_dirs(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "vendor-widget.js").write_text("window.vendorWidget = 1;")
    (first / "shared.txt").write_text("from first")
    (second / "shared.txt").write_text("from second")
    (second / "only-second.txt").write_text("second's own")
    (tmp_path / "secret.txt").write_text("outside every static dir")

    class StaticPlugin:
        @hookimpl
        def webio_static_dirs(self) -> list[str]:
            return [str(first), str(second)]

    with serve(waiting_app, backend=BACKEND, plugins=plugins_with(StaticPlugin())) as server:
        status, body = fetch(server.url + "?webio_static=vendor-widget.js")
        assert (status, body) == (200, b"window.vendorWidget = 1;")
        # A plugin's directories are searched in the order it returns them.
        assert fetch(server.url + "?webio_static=shared.txt") == (200, b"from first")
        assert fetch(server.url + "?webio_static=only-second.txt") == (200, b"second's own")
        # The core's own directory (the browser client) is still there.
        assert fetch(server.url + "?webio_static=webio.js")[0] == 200
        assert fetch(server.url + "?webio_static=missing.js")[0] == 404
        for escape in ("../secret.txt", "..%2Fsecret.txt", "first/../secret.txt"):
            assert fetch(server.url + "?webio_static=" + escape)[0] == 404, escape


def test_static_dir_of_a_later_plugin_wins_over_the_core(tmp_path: Path) -> None:
    """Later-registered plugins are searched first (pluggy's call order), so a plugin can
    replace a file of the core's own client, such as its stylesheet."""
    (tmp_path / "webio.css").write_text("/* vendor theme */")

    class ThemePlugin:
        @hookimpl
        def webio_static_dirs(self) -> list[str]:
            return [str(tmp_path)]

    with serve(waiting_app, backend=BACKEND) as plain:
        core_css = fetch(plain.url + "?webio_static=webio.css")
    assert core_css[0] == 200 and core_css[1] != b"/* vendor theme */"
    with serve(waiting_app, backend=BACKEND, plugins=plugins_with(ThemePlugin())) as themed:
        assert fetch(themed.url + "?webio_static=webio.css") == (200, b"/* vendor theme */")


def test_hook_webio_page_head() -> None:
    asked: list[str] = []

    class HeadPlugin:
        @hookimpl
        def webio_page_head(self, app_name: str) -> str:
            asked.append(app_name)
            return f'<meta name="vendor-check" content="app={app_name}">'

    class SilentPlugin:
        @hookimpl
        def webio_page_head(self, app_name: str) -> None:
            return None

    apps = {"index": waiting_app, "other": waiting_app}
    plugins = plugins_with(HeadPlugin(), SilentPlugin())
    with serve(apps, backend=BACKEND, plugins=plugins) as server:
        status, page = fetch(server.url)
        assert status == 200
        head = page.decode().split("</head>")[0]
        assert '<meta name="vendor-check" content="app=index">' in head
        assert "None" not in head
        _, other = fetch(server.url + "?app=other")
        assert '<meta name="vendor-check" content="app=other">' in other.decode()
    assert asked == ["index", "other"]


# ---- origin checks ----------------------------------------------------------------------------


def _refused_status(client: WebIOClient) -> int:
    """Connect ``client``, expecting a refusal; the HTTP status of the refusal."""
    if client.transport == "http":
        with pytest.raises(urllib.error.HTTPError) as failure:
            client.connect()
        with failure.value as error:
            return error.code
    from websockets.exceptions import InvalidStatus

    with pytest.raises(InvalidStatus) as refused:
        client.connect()
    return refused.value.response.status_code


@pytest.mark.parametrize("protocol", ["http", "websocket"])
def test_hook_webio_check_origin(protocol: str) -> None:
    """A veto refuses even a same-origin request, which the default policy allows."""
    votes: list[tuple[str, str, OriginPolicy]] = []

    class VetoPlugin:
        @hookimpl
        def webio_check_origin(self, origin: str, host: str, policy: OriginPolicy) -> bool:
            votes.append((origin, host, policy))
            return False

    started = threading.Event()

    def app() -> None:
        started.set()
        waiting_app()

    backend = backend_for(protocol)
    with serve(
        app,
        backend=backend,
        plugins=plugins_with(VetoPlugin()),
        allowed_origins=["https://trusted.example"],
    ) as server:
        client = server.client()
        assert client.origin == server.url.rstrip("/")  # same origin
        assert _refused_status(client) == 403
        assert server.app.sessions == []
        assert not started.is_set()
    ((origin, host, policy),) = votes
    assert origin == client.origin
    assert host == urllib.parse.urlsplit(server.url).netloc
    assert policy.allowed_origins == ("https://trusted.example",)


@pytest.mark.parametrize("vote", [None, True])
def test_origin_hook_that_does_not_veto_lets_the_default_policy_decide(
    vote: Optional[bool],
) -> None:
    class Voter:
        @hookimpl
        def webio_check_origin(self, origin: str, host: str, policy: OriginPolicy) -> Any:
            return vote

    with serve(waiting_app, backend=BACKEND, plugins=plugins_with(Voter())) as server:
        with server.client() as user:
            user.should_see("running")
        # True is not a permission: the default policy still vetoes another origin.
        assert _refused_status(server.client(origin="https://elsewhere.example")) == 403


# ---- every hook is documented and tested (here or in test_session_hooks.py) ---------------


def _hookspecs() -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, function in vars(hookspecs).items():
        if name.startswith("webio_") and inspect.isfunction(function):
            yield name, function


def test_every_hook_is_documented_and_tested() -> None:
    specs = dict(_hookspecs())
    assert specs, "no hooks found in webio_core.hookspecs"
    # Everything the plugin manager knows as a hook is declared (and named) in hookspecs.
    assert set(specs) == {name for name in vars(Plugins().pm.hook) if not name.startswith("_")}
    here = Path(__file__)
    sources = "".join(here.with_name(name).read_text() for name in HOOK_TEST_MODULES)
    tests = set(re.findall(r"^def (test_hook_\w+)", sources, re.MULTILINE))
    for name, function in specs.items():
        assert hasattr(function, "webio_core_spec"), f"{name} is not marked @hookspec"
        doc = inspect.getdoc(function) or ""
        assert len(doc.split()) >= 10, f"{name} needs a docstring saying when it is called"
        signature = inspect.signature(function)
        assert all(p.annotation is not p.empty for p in signature.parameters.values()), name
        assert signature.return_annotation is not signature.empty, name
        assert f"test_hook_{name}" in tests, f"no test_hook_{name} in {HOOK_TEST_MODULES}"
