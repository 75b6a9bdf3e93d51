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
import urllib.parse
from typing import Any, Callable, Optional, TypeVar, Union

from typing_extensions import Self

from ..protocol import ACK_EVERY, fields, outputs
from ..protocol.constants import DEFAULT_APP
from ..protocol.events import CALLBACK, FROM_SUBMIT, INPUT_EVENT
from ..protocol.frames import binary_frame
from .channels import CHANNELS, Channel
from .files import Picked
from .page import PIN_FILES, FormState, PageModel
from .scripts import JsAnswers

T = TypeVar("T")

DEFAULT_TIMEOUT = 10.0


class WaitTimeout(AssertionError):
    """What a test waited for did not happen in time (the message shows the page)."""


class WebIOClient:
    """One simulated browser page of app ``app`` on the server at ``url``; ``js`` gives the
    page's answers to ``eval_js`` (see ``webio_core.testing.scripts``)."""

    def __init__(
        self,
        url: str,
        *,
        app: str = DEFAULT_APP,
        transport: str = "websocket",
        origin: Optional[str] = None,
        timeout: float = DEFAULT_TIMEOUT,
        channel: Optional[Callable[[WebIOClient], Channel]] = None,
        js: Optional[JsAnswers] = None,
        headers: Optional[dict[str, str]] = None,
    ) -> None:
        self.url = url
        #: Extra HTTP headers of every request of the page (e.g. a forged X-Forwarded-For).
        self.headers = dict(headers or {})
        self.app = app
        self.transport = transport
        self.timeout = timeout
        self.page = PageModel(send_later=lambda event: self.send_event(*event), js=js)
        self.origin = origin if origin is not None else _origin_of(url)
        #: Events sent and not yet acknowledged by the server, and the highest it acknowledged.
        self.unacked_events: list[dict[str, Any]] = []
        self.event_ack = 0
        #: Server frames received (a large download must come in several).
        self.frames_received = 0
        self._event_seq = 0
        self._sent_ack = 0
        self._changed = threading.Condition()
        self._channel: Channel = (channel or CHANNELS[transport])(self)

    # ---- connection ---------------------------------------------------------------------------

    def connect(self) -> Self:
        """Open the session over the channel of the client's transport and return the client;
        prefer a ``with`` block, which also closes it."""
        self._channel.connect()
        return self

    def close(self) -> None:
        """Close the page, as a user closing the tab would."""
        self._channel.close()

    def __enter__(self) -> Self:
        return self.connect()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _receive(self, frame: dict[str, Any]) -> None:
        """A server frame: apply its commands, forget the events it acknowledges, and
        acknowledge commands the way the browser does (every ACK_EVERY, and the last ones)."""
        with self._changed:
            self.frames_received += 1
            was_closed = self.page.closed
            for command in frame["commands"]:
                self.page.apply(command)
            self.unacked_events = [e for e in self.unacked_events if e["seq"] > frame["ack"]]
            self.event_ack = max(self.event_ack, frame["ack"])
            last_seq = self.page.last_seq
            ack_now = last_seq - self._sent_ack >= ACK_EVERY or (
                self.page.closed and not was_closed
            )
            answers, self.page.outgoing[:] = list(self.page.outgoing), []
            self._changed.notify_all()
        if ack_now:
            self._send_frame([], last_seq)
        for answer in answers:
            self.send_event(*answer)

    def _send_frame(self, events: list[dict[str, Any]], ack: int) -> None:
        self._sent_ack = max(self._sent_ack, ack)
        payload = b"".join(e.get(PAYLOAD, b"") for e in events)
        header = json.dumps({"ack": ack, "events": [_without_payload(e) for e in events]})
        try:
            self._channel.send(binary_frame(header, payload) if payload else header)
        except Exception:
            # An acknowledgement is a courtesy: the next frame carries it again.
            if events:
                raise

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
        """Assert that no output on the page contains ``text`` right now (it does not wait)."""
        assert not any(text in t for t in self.page.texts()), f"{text!r} is on the page"

    def texts(self) -> list[str]:
        """The visible text of each output on the page now, popup included."""
        with self._changed:
            return self.page.texts()

    def form(self, timeout: Optional[float] = None) -> FormState:
        """The newest pending input form (waits for one)."""
        return self.wait_until(
            lambda page: list(page.forms.values())[-1] if page.forms else None, "a form", timeout
        )

    def wait_closed(self, timeout: Optional[float] = None) -> None:
        """Wait until the server closes the session or the connection is lost; raises
        :class:`WaitTimeout` after ``timeout`` seconds (the client's default if not given)."""
        self.wait_until(lambda page: page.closed, "the session to close", timeout)

    # ---- acting ------------------------------------------------------------------------------

    def submit(
        self,
        value: Any = None,
        *,
        form: Optional[FormState] = None,
        settle: bool = False,
        **fields: Any,
    ) -> None:
        """Submit the newest form: ``submit("Ada")`` for one field, or ``submit(name=...)``.

        It returns once the answer is sent. With ``settle=True`` it returns only once the server
        has taken the answer (the form goes) or refused it (the form is ready again, its errors
        shown), so that what the test checks next sees the outcome; :class:`WaitTimeout` after
        the client's timeout."""
        form = form or self.form()
        data = dict(fields)
        if value is not None:
            data[form.field()["name"]] = value
        task_id = form.task_id
        with self._changed:
            refused = form.ready
        self.send_event(FROM_SUBMIT.name, task_id, {k: _wire(v) for k, v in data.items()})
        if settle:

            def settled(page: PageModel) -> bool:
                now = page.forms.get(task_id)
                return now is None or now.ready > refused

            self.wait_until(settled, "the server to take or refuse the answer")

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

    def change(self, name: str, value: Any, form: Optional[FormState] = None) -> None:
        """Change field ``name`` to ``value`` (wire form), for its ``onchange``."""
        form = form or self.form()
        data = {"event_name": "change", "name": name, "value": value}
        self.send_event(INPUT_EVENT.name, form.task_id, data)

    def upload(
        self, files: dict[str, Picked], *, form: Optional[FormState] = None, **fields: Any
    ) -> None:
        """Submit the newest form with ``files`` picked ({field: {filename: content}}); the
        content is sent when the server asks for it."""
        form = form or self.form()
        with self._changed:
            metas: dict[str, Any] = {
                name: self.page.pins.files.pick(form.task_id, name, picked)
                for name, picked in files.items()
            }
        self.submit(form=form, **fields, **metas)

    def press_action(self, name: str, form: Optional[FormState] = None) -> None:
        """Click the action button of input ``name`` (``input(action=...)``)."""
        form = form or self.form()
        self.send_event(CALLBACK.name, form.field(name)["action"]["callback_id"], None)

    def pin(self, name: str) -> Any:
        """The value pin ``name`` holds (wire form), as the page would send it."""
        with self._changed:
            return self.page.pins.pins[name].value

    def set_pin(self, name: str, value: Any = None, *, files: Optional[Picked] = None) -> None:
        """The user changes pin ``name`` to ``value`` (wire form), or picks ``files``."""
        self.wait_until(lambda page: name in page.pins.pins, f"a pin {name!r}")
        with self._changed:
            if files is not None:
                value = self.page.pins.files.pick(PIN_FILES, name, files)
            answers = self.page.pins.change(name, value)
        for answer in answers:
            self.send_event(*answer)

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

    def send_event(self, event: str, task_id: str, data: Any, payload: bytes = b"") -> None:
        """Send one event, numbered (with ``payload``, in a binary frame); it is kept until the
        server acknowledges it."""
        item = {"event": event, "task_id": task_id, "data": data}
        if payload:
            item[PAYLOAD] = payload
        (numbered,) = self.numbered(item)
        with self._changed:
            self.unacked_events.append(numbered)
        self._send_frame([numbered], self.page.last_seq)

    def numbered(self, *events: dict[str, Any], consume: bool = True) -> list[dict[str, Any]]:
        """``events`` with the next event numbers. ``consume=False`` for a frame the server will
        refuse as a whole: its numbers are used again by the next events."""
        with self._changed:
            first = self._event_seq + 1
            if consume:
                self._event_seq += len(events)
        return [{"seq": first + i, **event} for i, event in enumerate(events)]

    def send_raw(self, frame: Union[str, bytes]) -> None:
        """Send an arbitrary frame (for tests of malformed input)."""
        self._channel.send(frame)


#: Key of an unacknowledged event's bytes (sent in the binary part of its frame).
PAYLOAD = "payload"


def _without_payload(event: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in event.items() if key != PAYLOAD}


def _wire(value: Any) -> Any:
    """A test's value as JSON would carry it (other objects as their text)."""
    if value is None or isinstance(value, (str, int, float, list)):
        return value if not isinstance(value, bool) else str(value)
    return str(value)


def _origin_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
