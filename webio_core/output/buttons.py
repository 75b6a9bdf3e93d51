"""Buttons on the page: ``put_buttons`` and ``put_button``. A click sends the button's index;
the server maps it to the value, so a client cannot forge values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable, Optional, Union

from ..choices import Choice, normalize_buttons
from ..protocol import ProtocolError
from ..protocol.outputs import BUTTONS, ButtonsOutput, ButtonSpec
from ..session.callbacks import Decoder
from ..session.context import get_current_session
from ._base import Output, ScopeArg

_CALLBACK_OPTIONS = frozenset({"mutex_mode", "serial_mode"})


def check_callback_options(function: str, options: dict[str, Any]) -> None:
    """Refuse keyword arguments that are not callback options (``serial_mode``,
    ``mutex_mode``)."""
    unknown = set(options) - _CALLBACK_OPTIONS
    if unknown:
        raise TypeError(f"{function}() got unexpected arguments {sorted(unknown)}")


def index_decoder(choices: list[Choice]) -> Decoder:
    """Turns a clicked index into the callback's argument, refusing made-up or disabled ones."""

    def decode(index: Any) -> tuple[Any, ...]:
        if not isinstance(index, int) or not 0 <= index < len(choices):
            raise ProtocolError(f"no button {index!r} here")
        if choices[index].disabled:
            raise ProtocolError(f"button {index} is disabled")
        return (index,)

    return decode


def put_buttons(
    buttons: Sequence[Any],
    onclick: Union[Callable[[Any], Any], Sequence[Callable[[], Any]]],
    small: Optional[bool] = None,
    link_style: bool = False,
    outline: bool = False,
    group: bool = False,
    scope: ScopeArg = None,
    position: int = -1,
    **callback_options: Any,
) -> Output:
    """Show a row of buttons.

    ``buttons`` items are labels, ``(label, value)`` pairs or dicts with ``label``, ``value``,
    ``color`` and ``disabled``. ``onclick`` is either one function called with the clicked
    button's value, or a list of functions, one per button, called without arguments.
    In thread-based sessions each click runs in a new thread, or one after another in the
    session's callback thread with ``serial_mode=True``; in coroutine-based sessions
    ``mutex_mode=True`` ignores clicks while the previous coroutine callback still runs.
    """
    check_callback_options("put_buttons", callback_options)
    choices = normalize_buttons(buttons)
    if callable(onclick):
        handler = onclick

        def on_index(index: int) -> Any:
            return handler(choices[index].value)

    else:
        handlers = list(onclick)
        if len(handlers) != len(choices):
            raise ValueError("onclick must be one function, or one function per button")

        def on_index(index: int) -> Any:
            return handlers[index]()

    callback_id = get_current_session().register_callback(
        on_index,
        index_decoder(choices),
        serial_mode=bool(callback_options.get("serial_mode", False)),
        mutex_mode=bool(callback_options.get("mutex_mode", False)),
    )
    spec = ButtonsOutput(
        buttons=[ButtonSpec(label=c.label, color=c.color, disabled=c.disabled) for c in choices],
        callback_id=callback_id,
        small=bool(small),
        link_style=bool(link_style),
        outline=bool(outline),
        group=bool(group),
    )
    return Output(BUTTONS, spec, scope, position)


def put_button(
    label: str,
    onclick: Callable[[], Any],
    color: Optional[str] = None,
    small: Optional[bool] = None,
    link_style: bool = False,
    outline: bool = False,
    disabled: bool = False,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Show one button; ``onclick()`` is called without arguments when it is clicked."""
    button = {"label": label, "value": label, "color": color, "disabled": disabled}
    return put_buttons(
        [button],
        [onclick],
        small=small,
        link_style=link_style,
        outline=outline,
        scope=scope,
        position=position,
    )
