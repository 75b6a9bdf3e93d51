"""The pins of a test page: their values as the browser would hold them, and the answers the
browser gives to the pin commands."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from ..protocol.fields import FILE
from ..protocol.pins import PIN_CALLBACK, PIN_CHANGE, PIN_VALUE_EVENT
from .files import Outgoing, PickedFiles


@dataclass
class PinState:
    spec: dict[str, Any]
    value: Any
    #: pin_onchange callback ids.
    listeners: list[str] = field(default_factory=list)


def initial_value(spec: dict[str, Any]) -> Any:
    """What a freshly shown field holds, in the form the client sends it."""
    options = spec.get("options")
    if options is not None:
        chosen = [i for i, option in enumerate(options) if option["selected"]]
        if spec["type"] == "checkbox" or spec.get("multiple"):
            return chosen
        return chosen[-1] if chosen else (0 if spec["type"] == "select" and options else None)
    if spec["type"] == FILE.name:
        return []
    if spec["type"] == "actions":
        return None
    return spec.get("value", "")


class PinModel:
    """Pins by name (the newest of a name is the live one) and the pending waits."""

    def __init__(self, send_later: Callable[[Outgoing], None]) -> None:
        self.pins: dict[str, PinState] = {}
        self.files = PickedFiles()
        #: pin_wait task ids and the names each waits for.
        self._waits: dict[str, list[str]] = {}
        #: Pins the user changed while no wait was pending, as the browser remembers them.
        self._unheard: set[str] = set()
        self._send_later = send_later

    def show(self, field_spec: dict[str, Any]) -> None:
        self.pins[field_spec["name"]] = PinState(field_spec, initial_value(field_spec))
        self._unheard.discard(field_spec["name"])

    def value_of(self, spec: dict[str, Any], task_id: str) -> list[Outgoing]:
        self._unheard.discard(spec["name"])
        pin = self.pins.get(spec["name"])
        data = None if pin is None else {"value": pin.value}
        return [(PIN_VALUE_EVENT.name, task_id, data)]

    def wait(self, spec: dict[str, Any], task_id: str) -> list[Outgoing]:
        for name in spec["names"]:
            if name in self._unheard and name in self.pins:
                self._unheard.discard(name)
                data = {"name": name, "value": self.pins[name].value}
                return [(PIN_CHANGE.name, task_id, data)]
        self._waits[task_id] = list(spec["names"])
        if spec.get("timeout"):
            timer = threading.Timer(spec["timeout"], self._time_out, (task_id,))
            timer.daemon = True
            timer.start()
        return []

    def _time_out(self, task_id: str) -> None:
        if self._waits.pop(task_id, None) is not None:
            self._send_later((PIN_CHANGE.name, task_id, None))

    def update(self, spec: dict[str, Any]) -> list[Outgoing]:
        pin = self.pins.get(spec["name"])
        if pin is not None:
            attributes = spec["attributes"]
            pin.spec.update({k: v for k, v in attributes.items() if k != "value"})
            if "options" in attributes:
                pin.value = initial_value(pin.spec)
            if "value" in attributes:
                pin.value = attributes["value"]
                self._unheard.discard(spec["name"])
        return []

    def on_change(self, spec: dict[str, Any]) -> list[Outgoing]:
        pin = self.pins.get(spec["name"])
        if pin is not None:
            if spec["clear"]:
                pin.listeners.clear()
            if spec["callback_id"] is not None:
                pin.listeners.append(spec["callback_id"])
        return []

    def change(self, name: str, value: Any) -> list[Outgoing]:
        """The user changed pin ``name``: the waits and listeners hear of it."""
        pin = self.pins[name]
        pin.value = value
        data = {"name": name, "value": value}
        answers: list[Outgoing] = []
        for task_id, names in list(self._waits.items()):
            if name in names:
                del self._waits[task_id]
                answers.append((PIN_CHANGE.name, task_id, data))
        if not answers:
            self._unheard.add(name)
        answers += [(PIN_CALLBACK.name, callback_id, data) for callback_id in pin.listeners]
        return answers

    def chunk_size(self, name: str) -> Optional[int]:
        pin = self.pins.get(name)
        return None if pin is None else pin.spec.get("chunk_size")
