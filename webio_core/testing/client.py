"""A headless client that speaks the real protocol over the real connection.

It opens a session the way the browser client does (WebSocket, or HTTP polling for HTTP
backends), keeps a :class:`~webio_core.testing.page.PageModel` of what the page would show,
and lets a test answer inputs and click buttons::

    with serve(app, backend="tornado") as server, server.client() as user:
        user.should_see("What is your name?")
        user.submit("Ada")
        user.should_see("Hello, Ada")
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Optional, TypeVar

from ..protocol import fields, outputs
from ..protocol.constants import NEW_SESSION, QUERY_ACK, QUERY_APP, SESSION_HEADER
from ..protocol.events import CALLBACK, FROM_SUBMIT, INPUT_EVENT
from .page import FormState, PageModel

T = TypeVar("T")

DEFAULT_TIMEOUT = 10.0
#: Browsers take frames of any size; the websockets library's default cap is 1 MiB.
MAX_FRAME_BYTES = 64 * 1024 * 1024


class WaitTimeout(AssertionError):
    """What a test waited for did not happen in time (the message shows the page)."""


class WebIOClient:
    """One simulated browser page of app ``app`` on the server at ``url``."""

    def __init__(
        self,
        url: str,
        *,
        app: str = "index",
        transport: str = "websocket",
        origin: Optional[str] = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.url = url
        self.app = app
        self.transport = transport
        self.timeout = timeout
        self.page = PageModel()
        self.origin = origin if origin is not None else _origin_of(url)
        self._changed = threading.Condition()
        self._transport: _Transport = (
            _WebSocketTransport(self) if transport == "websocket" else _HttpTransport(self)
        )

    # ---- connection ---------------------------------------------------------------------------

    def connect(self) -> WebIOClient:
        self._transport.connect()
        return self

    def close(self) -> None:
        """Close the page, as a user closing the tab would."""
        self._transport.close()

    def __enter__(self) -> WebIOClient:
        return self.connect()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _receive(self, commands: list[dict[str, Any]]) -> None:
        with self._changed:
            for command in commands:
                self.page.apply(command)
            self._changed.notify_all()

    def _connection_lost(self) -> None:
        with self._changed:
            self.page.closed = True
            self._changed.notify_all()

    # ---- waiting ----------------------------------------------------------------------------

    def wait_until(
        self, check: Callable[[PageModel], Optional[T]], what: str, timeout: Optional[float] = None
    ) -> T:
        """Wait until ``check(page)`` returns something truthy, and return it."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        with self._changed:
            while True:
                result = check(self.page)
                if result:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise WaitTimeout(
                        f"timed out waiting for {what}; page texts: {self.page.texts()}"
                    )
                self._changed.wait(min(remaining, 0.1))

    def should_see(self, text: str, timeout: Optional[float] = None) -> str:
        """Wait until some output on the page contains ``text``; returns that output's text."""
        return self.wait_until(
            lambda page: next((t for t in page.texts() if text in t), None), repr(text), timeout
        )

    def should_not_see(self, text: str) -> None:
        assert not any(text in t for t in self.page.texts()), f"{text!r} is on the page"

    def texts(self) -> list[str]:
        with self._changed:
            return self.page.texts()

    def form(self, timeout: Optional[float] = None) -> FormState:
        """The newest pending input form (waits for one)."""
        return self.wait_until(
            lambda page: list(page.forms.values())[-1] if page.forms else None, "a form", timeout
        )

    def wait_closed(self, timeout: Optional[float] = None) -> None:
        self.wait_until(lambda page: page.closed, "the session to close", timeout)

    # ---- acting ------------------------------------------------------------------------------

    def submit(self, value: Any = None, *, form: Optional[FormState] = None, **fields: Any) -> None:
        """Submit the newest form: ``submit("Ada")`` for one field, or ``submit(name=...)``."""
        form = form or self.form()
        data = dict(fields)
        if value is not None:
            data[form.field()["name"]] = value
        self.send_event(FROM_SUBMIT.name, form.task_id, {k: _wire(v) for k, v in data.items()})

    def click_action(self, label: str, form: Optional[FormState] = None) -> None:
        """Press the button labelled ``label`` of an ``actions()`` form."""
        form = form or self.form()
        for f in form.fields:
            if f["type"] != fields.ACTIONS.name:
                continue
            for index, button in enumerate(f["buttons"]):
                if button["label"] == label:
                    if button["type"] == "cancel":
                        self.send_event(FROM_SUBMIT.name, form.task_id, None)
                    else:
                        self.send_event(FROM_SUBMIT.name, form.task_id, {f["name"]: index})
                    return
        raise LookupError(f"no action button {label!r} in the form")

    def blur(self, name: str, value: str, form: Optional[FormState] = None) -> None:
        """Leave field ``name`` holding ``value`` (the server validates it)."""
        form = form or self.form()
        data = {"event_name": "blur", "name": name, "value": value}
        self.send_event(INPUT_EVENT.name, form.task_id, data)

    def click(self, label: str, timeout: Optional[float] = None) -> None:
        """Click the (first) button labelled ``label`` on the page (waits for it)."""

        def find(page: PageModel) -> Optional[tuple[str, int]]:
            for spec in page.outputs():
                if spec["type"] != outputs.BUTTONS.name:
                    continue
                for index, button in enumerate(spec["buttons"]):
                    if button["label"] == label:
                        return spec["callback_id"], index
            return None

        callback_id, index = self.wait_until(find, f"a button {label!r}", timeout)
        self.send_event(CALLBACK.name, callback_id, index)

    def send_event(self, event: str, task_id: str, data: Any) -> None:
        frame = {
            "ack": self.page.last_seq,
            "events": [{"event": event, "task_id": task_id, "data": data}],
        }
        self._transport.send(json.dumps(frame))

    def send_raw(self, text: str) -> None:
        """Send an arbitrary frame (for tests of malformed input)."""
        self._transport.send(text)


def _wire(value: Any) -> Any:
    return value if isinstance(value, (str, int)) and not isinstance(value, bool) else str(value)


def _origin_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class _Transport:
    def __init__(self, client: WebIOClient) -> None:
        self.client = client

    def connect(self) -> None:
        raise NotImplementedError

    def send(self, text: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class _WebSocketTransport(_Transport):
    def connect(self) -> None:
        from websockets.sync.client import connect

        parts = urllib.parse.urlsplit(self.client.url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        query = urllib.parse.urlencode({QUERY_APP: self.client.app})
        url = urllib.parse.urlunsplit((scheme, parts.netloc, parts.path or "/", query, ""))
        origin: Any = self.client.origin or None
        # Entered as a context manager: websockets deprecates plain connect() calls.
        self._socket = connect(
            url, origin=origin, open_timeout=self.client.timeout, max_size=MAX_FRAME_BYTES
        ).__enter__()
        self._reader = threading.Thread(target=self._read, name="webio-test-client", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            for message in self._socket:
                self.client._receive(json.loads(message))
        except ConnectionClosed:
            pass
        finally:
            self.client._connection_lost()

    def send(self, text: str) -> None:
        self._socket.send(text)

    def close(self) -> None:
        self._socket.close()
        self._reader.join(timeout=self.client.timeout)


class _HttpTransport(_Transport):
    POLL_INTERVAL = 0.05

    def connect(self) -> None:
        self._session_id = NEW_SESSION
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._request("GET")
        self._poller = threading.Thread(target=self._poll, name="webio-test-poller", daemon=True)
        self._poller.start()

    def _request(self, method: str, body: Optional[bytes] = None) -> None:
        query = {QUERY_APP: self.client.app}
        if method == "GET":
            query[QUERY_ACK] = str(self.client.page.last_seq)
        url = f"{self.client.url}?{urllib.parse.urlencode(query)}"
        headers = {SESSION_HEADER: self._session_id, "Content-Type": "application/json"}
        if self.client.origin:
            headers["Origin"] = self.client.origin
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        with self._lock:
            try:
                with urllib.request.urlopen(request, timeout=self.client.timeout) as response:
                    self._session_id = response.headers.get(SESSION_HEADER, self._session_id)
                    commands = json.loads(response.read())
            except urllib.error.HTTPError as error:
                if error.code == 410:
                    self._stop.set()
                    self.client._connection_lost()
                    return
                raise
        self.client._receive(commands)
        if self.client.page.closed:
            self._stop.set()

    def _poll(self) -> None:
        while not self._stop.wait(self.POLL_INTERVAL):
            try:
                self._request("GET")
            except (OSError, ValueError):
                self._stop.set()
                self.client._connection_lost()

    def send(self, text: str) -> None:
        self._request("POST", text.encode())

    def close(self) -> None:
        if not self._stop.is_set():
            self._stop.set()
            frame = json.dumps({"ack": self.client.page.last_seq, "events": [], "close": True})
            try:
                self._request("POST", frame.encode())
            except (OSError, urllib.error.HTTPError):
                pass
        self._poller.join(timeout=self.client.timeout)
