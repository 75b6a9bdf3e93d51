"""The ``pin`` object and the functions that read, wait for and change pins."""

from __future__ import annotations

from typing import Any, Callable, Optional

from ..output.buttons import check_callback_options
from ..protocol import ProtocolError
from ..protocol.pins import PIN_ONCHANGE, PIN_UPDATE, PinOnChangeSpec, PinUpdateSpec
from ..session.context import get_current_session
from .reading import PinRead, PinWait
from .state import Pins, pins_of, then, value_of


def get_pin_value(name: str, strict: Optional[bool] = None) -> Any:
    """The value of pin ``name`` as the page holds it now (None when there is no such pin, an
    AssertionError in strict mode); awaitable in coroutine-based sessions."""
    session = get_current_session()
    if strict is None:
        strict = pins_of(session).strict

    def found(values: dict[str, Any]) -> Any:
        if name not in values:
            assert not strict, f'pin widget "{name}" does not exist'
            return None
        return values[name]

    return then(session, session.run_task(PinRead([name])), found)


def get_pin_values(names: list[str]) -> Any:
    """The values of several pins at once, ``{name: value}``, without the pins the page does
    not have; awaitable in coroutine-based sessions."""
    if isinstance(names, str):
        raise TypeError("get_pin_values() takes a list of pin names")
    return get_current_session().run_task(PinRead([str(name) for name in names]))


def pin_update(name: str, **spec: Any) -> None:
    """Change pin ``name``'s parameters, e.g. ``pin_update('city', options=cities)`` or
    ``value=``; ``type``, ``name``, ``code`` and ``multiple`` cannot change."""
    target = pins_of().fields.get(name)
    if target is None:
        raise ValueError(f"pin_update(): there is no pin {name!r}; put it on the page first")
    attributes = target.update({k: v for k, v in spec.items() if v is not None})
    update = PinUpdateSpec(name=name, attributes=attributes)  # type: ignore[typeddict-item]
    get_current_session().send(PIN_UPDATE(update))


def pin_wait_change(*names: Any, timeout: Optional[float] = None) -> Any:
    """Wait until the user changes one of the pins ``names``; returns
    ``{"name": name, "value": value}``, or None when ``timeout`` seconds pass first.
    Changes made by the app (``pin.x = ...``, ``pin_update``) do not count."""
    if len(names) == 1 and isinstance(names[0], (list, tuple)):
        names = tuple(names[0])
    if not names:
        raise ValueError("pin_wait_change() needs the name of at least one pin")
    if timeout is not None and not timeout > 0:
        timeout = None  # as PyWebIO: only a positive timeout is one
    session = get_current_session()

    def changed(result: Any) -> Any:
        if result is None:
            return None
        name, raw = result
        pins = pins_of(session)
        target = pins.fields.get(name)
        if target is not None and target.receives_files:
            # The change named the files; their content comes with a read of the pin.
            return then(session, get_pin_value(name, strict=False), _named(name))
        return {"name": name, "value": value_of(pins, name, raw)}

    wait = PinWait([str(n) for n in names], timeout)
    return then(session, session.run_task(wait), changed)


def _named(name: str) -> Callable[[Any], dict[str, Any]]:
    return lambda value: {"name": name, "value": value}


def pin_on_change(
    name: str,
    onchange: Optional[Callable[[Any], Any]] = None,
    clear: bool = False,
    init_run: bool = False,
    **callback_options: Any,
) -> None:
    """Call ``onchange(value)`` whenever the user changes pin ``name`` (callbacks add up unless
    ``clear``; ``pin_on_change(name, clear=True)`` only removes them). ``init_run`` calls it
    once now with the current value. ``callback_options`` are ``put_buttons``'s."""
    if onchange is None and not clear:
        raise ValueError("pin_on_change(): with no onchange callback, clear must be True")
    check_callback_options("pin_on_change", callback_options)
    session = get_current_session()
    pins = pins_of(session)
    if clear:
        for earlier in pins.callbacks.pop(name, []):
            session.unregister_callback(earlier)
    callback_id: Optional[str] = None
    if onchange is not None:
        callback_id = session.register_callback(
            _on_change(name, onchange), _change_decoder(name, pins), **callback_options
        )
        pins.callbacks.setdefault(name, []).append(callback_id)
    session.send(PIN_ONCHANGE(PinOnChangeSpec(name=name, callback_id=callback_id, clear=clear)))
    if onchange is not None and init_run:
        initial = _run_now(name, onchange)
        if session.is_coroutine:
            session.run_async(initial)  # type: ignore[attr-defined]


_FILES = object()


def _change_decoder(name: str, pins: Pins) -> Callable[[Any], tuple[Any, ...]]:
    # Runs on the transport's thread: the session's pins are bound here, not looked up.
    def decode(data: Any) -> tuple[Any, ...]:
        if not isinstance(data, dict) or data.get("name") != name:
            raise ProtocolError(f"a change of another pin than {name!r}")
        target = pins.fields.get(name)
        if target is not None and target.receives_files:
            return (_FILES,)
        return (value_of(pins, name, data["value"]),)

    return decode


def _on_change(name: str, onchange: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def call(value: Any) -> Any:
        if value is _FILES:
            return _run_now(name, onchange)
        return onchange(value)

    return call


def _run_now(name: str, onchange: Callable[[Any], Any]) -> Any:
    """``onchange`` with the pin's current value: blocking in a thread-based session; in a
    coroutine-based one a coroutine, run in the background when called from app code."""
    session = get_current_session()
    read = get_pin_value(name, strict=False)
    if not session.is_coroutine:
        return onchange(read)

    async def with_value() -> None:
        result = onchange(await read)
        if hasattr(result, "__await__"):
            await result

    return with_value()


class Pin:
    """``pin.name`` / ``pin["name"]`` read a pin (``await`` them in coroutine-based sessions);
    ``pin.name = value`` sets its value. A missing pin reads as None, unless strict."""

    def use_strict(self) -> None:
        """From now on, reading a pin the page does not have raises AssertionError."""
        pins_of().strict = True

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return get_pin_value(name)

    def __getitem__(self, name: str) -> Any:
        return get_pin_value(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "use_strict":
            raise ValueError("'use_strict' is reserved and cannot name a pin")
        pin_update(name, value=value)

    def __setitem__(self, name: str, value: Any) -> None:
        pin_update(name, value=value)


pin = Pin()
