"""The hooks of a session's life: created, closed, task errors, and the registry that keeps
sessions (scale-out). The other hooks are tested in test_hooks.py."""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable, Optional

import pytest

from webio_core import hookimpl
from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.plugins import RegistryNotFoundError
from webio_core.server import LocalSessions
from webio_core.session import Session, defer_call
from webio_core.testing import serve

from .conftest import BACKEND, backend_for, plugins_with, wait_for, waiting_app

# ---- session lifecycle ------------------------------------------------------------------------


class LifecycleRecorder:
    """Records the session lifecycle hooks, with what each hook saw when it was called."""

    def __init__(self, log: list[str]) -> None:
        self.log = log
        self.created: list[Session] = []
        self.closed: list[Session] = []
        self.errors: list[tuple[Session, BaseException]] = []
        self.closed_event = threading.Event()
        self.error_event = threading.Event()

    @hookimpl
    def webio_session_created(self, session: Session) -> None:
        self.log.append("created")
        self.created.append(session)

    @hookimpl
    def webio_session_closed(self, session: Session) -> None:
        self.log.append(f"closed (closed={session.closed})")
        self.closed.append(session)
        self.closed_event.set()

    @hookimpl
    def webio_task_error(self, session: Session, error: BaseException) -> None:
        self.log.append(f"error {error}")
        self.errors.append((session, error))
        self.error_event.set()


@pytest.fixture
def recorder() -> LifecycleRecorder:
    return LifecycleRecorder([])


def _sync_app(log: list[str]) -> Callable[[], None]:
    def app() -> None:
        log.append("app started")
        defer_call(lambda: log.append("deferred"))
        put_text("running")
        input("Anything?")

    return app


def _async_app(log: list[str]) -> Callable[[], Any]:
    async def app() -> None:
        log.append("app started")
        defer_call(lambda: log.append("deferred"))
        put_text("running")
        await input("Anything?")

    return app


APP_KINDS = pytest.mark.parametrize("make_app", [_sync_app, _async_app], ids=["thread", "coro"])


@APP_KINDS
def test_hook_webio_session_created(
    recorder: LifecycleRecorder, make_app: Callable[[list[str]], Any]
) -> None:
    app, plugins = make_app(recorder.log), plugins_with(recorder)
    with serve(app, backend=BACKEND, plugins=plugins) as server, server.client() as user:
        user.should_see("running")
        (session,) = recorder.created
        assert session is server.app.sessions[0]
        assert session.app_name == "index"
        assert session.info.backend == BACKEND
        assert session.info.user_ip == "127.0.0.1"
    assert recorder.log[:2] == ["created", "app started"]  # just before the app starts


@APP_KINDS
def test_hook_webio_session_closed(
    recorder: LifecycleRecorder, make_app: Callable[[list[str]], Any]
) -> None:
    plugins = plugins_with(recorder)
    with serve(make_app(recorder.log), backend=BACKEND, plugins=plugins) as server:
        with server.client() as user:
            user.should_see("running")
            assert recorder.closed == []
        wait_for(recorder.closed_event, "webio_session_closed")  # the page was closed
        assert recorder.closed == recorder.created
    # After the session's deferred functions, and once only.
    assert recorder.log == ["created", "app started", "deferred", "closed (closed=True)"]


def test_session_closed_hook_runs_when_the_server_stops(recorder: LifecycleRecorder) -> None:
    plugins = plugins_with(recorder)
    with serve(_sync_app(recorder.log), backend=BACKEND, plugins=plugins) as server:
        user = server.client().connect()
        user.should_see("running")
    try:
        wait_for(recorder.closed_event, "webio_session_closed")
        assert recorder.log[-2:] == ["deferred", "closed (closed=True)"]
    finally:
        user.close()


def _failing_sync_app() -> None:
    put_buttons(["explode"], onclick=lambda _: _explode(RuntimeError("callback boom")))
    raise ValueError("app boom")


async def _failing_async_app() -> None:
    put_buttons(["explode"], onclick=lambda _: _explode(RuntimeError("callback boom")))
    raise ValueError("app boom")


def _explode(error: Exception) -> None:
    raise error


@pytest.mark.parametrize("app", [_failing_sync_app, _failing_async_app], ids=["thread", "coro"])
def test_hook_webio_task_error(recorder: LifecycleRecorder, app: Callable[[], Any]) -> None:
    plugins = plugins_with(recorder)
    with serve(app, backend=BACKEND, plugins=plugins) as server, server.client() as user:
        wait_for(recorder.error_event, "webio_task_error for the app")
        user.wait_until(lambda page: page.toasts or None, "the error toast")
        assert "internal error" in user.page.toasts[0]["content"]

        recorder.error_event.clear()
        user.click("explode")  # a callback that raises is reported too
        wait_for(recorder.error_event, "webio_task_error for the callback")

    (session,) = recorder.created
    assert [(s, type(e), str(e)) for s, e in recorder.errors] == [
        (session, ValueError, "app boom"),
        (session, RuntimeError, "callback boom"),
    ]


def test_failing_observer_plugin_does_not_break_the_session(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class BrokenObserver:
        @hookimpl
        def webio_session_created(self, session: Session) -> None:
            raise RuntimeError("observer bug")

    def app() -> None:
        name = input("Name?")
        put_text(f"Hello, {name}")

    caplog.set_level(logging.ERROR, logger="webio_core.plugins")
    plugins = plugins_with(BrokenObserver())
    with serve(app, backend=BACKEND, plugins=plugins) as server, server.client() as user:
        user.submit("Ada")
        user.should_see("Hello, Ada")
    assert any("webio_session_created" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("protocol", ["websocket", "http"])
def test_hook_webio_session_registry(protocol: str) -> None:
    """The plugin that takes the URL's scheme keeps the sessions; the others answer None."""
    asked: list[str] = []

    class KeptSessions(LocalSessions):
        def __init__(self) -> None:
            super().__init__()
            self.added: list[Session] = []
            self.closed = False

        def add(self, session: Session) -> None:
            self.added.append(session)
            super().add(session)

        def close(self) -> None:
            self.closed = True

    kept = KeptSessions()

    class MemoPlugin:
        @hookimpl
        def webio_session_registry(self, url: str) -> Optional[LocalSessions]:
            asked.append(url)
            return kept if url.startswith("memo://") else None

    plugins = plugins_with(MemoPlugin())
    backend = backend_for(protocol)
    with serve(waiting_app, backend=backend, plugins=plugins, registry_url="memo://here") as server:
        assert server.endpoint.registry is kept
        with server.client() as page:
            page.form()
            assert [s.id for s in kept.added] == [s.id for s in server.app.sessions]
    assert asked == ["memo://here"] and kept.closed
    refused = serve(waiting_app, backend=backend, plugins=plugins, registry_url="other://x")
    with pytest.raises(RegistryNotFoundError, match="other://"), refused:
        pass
