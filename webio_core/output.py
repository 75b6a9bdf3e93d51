"""Putting content on the page: ``put_text``, ``put_markdown``, ``put_buttons``, scopes, ``toast``.

Each ``put_*`` function returns an :class:`Output`. It is sent when it is no longer referenced
(at once for a plain ``put_text(...)`` statement), so that ``put_text(...).style(...)`` still
sends one styled output, as in PyWebIO.
"""

from __future__ import annotations

import functools
import inspect
import textwrap
import uuid
from collections.abc import Sequence
from typing import Any, Callable, Optional, Union

from .protocol import ProtocolError
from .scopes import ROOT, current_scope, pop_scope, push_scope, resolve_scope
from .session.base import Session
from .session.context import get_current_session

__all__ = [
    "Output",
    "OutputPosition",
    "clear",
    "put_button",
    "put_buttons",
    "put_code",
    "put_html",
    "put_link",
    "put_markdown",
    "put_scope",
    "put_text",
    "remove",
    "scroll_to",
    "toast",
    "use_scope",
]

ScopeArg = Union[str, int, None]


class OutputPosition:
    TOP = 0
    MIDDLE = 1
    BOTTOM = -1


class Position:
    """Where ``scroll_to`` puts the scope in the window."""

    TOP = "top"
    MIDDLE = "middle"
    BOTTOM = "bottom"


class Output:
    """Something to show on the page; sent once, when released or embedded in another output."""

    def __init__(self, spec: dict[str, Any], scope: ScopeArg = None, position: int = -1) -> None:
        # Set first: when a check below raises (no session, closed session, bad scope), the
        # half-built object must have nothing to send from __del__.
        self._processed = True
        self._session: Session = get_current_session()
        self.spec = spec
        self._scope = resolve_scope(scope)
        self._position = int(position)
        self._processed = False

    def style(self, css_style: str) -> Output:
        """Add CSS declarations (``"color: red; margin: 0"``) to the output's element."""
        previous = self.spec.get("style", "")
        self.spec["style"] = f"{previous};{css_style}" if previous else css_style
        return self

    def send(self) -> None:
        if self._processed:
            return
        self._processed = True
        self._session.send(
            "output", {**self.spec, "scope": self._scope, "position": self._position}
        )

    def embed(self) -> dict[str, Any]:
        """The spec, for a container output that shows this one inside itself."""
        self._processed = True
        return dict(self.spec)

    show = send

    def __del__(self) -> None:
        if self._processed or self._session.closed:
            return
        try:
            self.send()
        except Exception:
            # An exception raised from __del__ reaches nobody; the session logs send failures.
            pass


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def put_text(
    *texts: Any, sep: str = " ", inline: bool = False, scope: ScopeArg = None, position: int = -1
) -> Output:
    """Show plain text (never interpreted as HTML). ``inline`` keeps it on the current line."""
    content = sep.join(_text(t) for t in texts)
    return Output({"type": "text", "content": content, "inline": bool(inline)}, scope, position)


def put_markdown(
    mdcontent: str,
    lstrip: bool = True,
    options: Optional[dict[str, Any]] = None,
    sanitize: bool = True,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Show Markdown. ``lstrip`` removes the indentation common to all lines (handy for
    triple-quoted strings); ``sanitize`` strips scripts and event handlers from embedded HTML."""
    content = textwrap.dedent(mdcontent) if lstrip else mdcontent
    spec = {"type": "markdown", "content": content, "sanitize": bool(sanitize)}
    if options:
        spec["options"] = dict(options)
    return Output(spec, scope, position)


def put_html(
    html: Any, sanitize: bool = False, scope: ScopeArg = None, position: int = -1
) -> Output:
    """Show HTML as given. Objects with ``_repr_html_`` or ``__html__`` are rendered through it."""
    if hasattr(html, "__html__"):
        html = html.__html__()
    elif hasattr(html, "_repr_html_"):
        html = html._repr_html_()
    return Output(
        {"type": "html", "content": _text(html), "sanitize": bool(sanitize)}, scope, position
    )


def put_code(
    content: Any,
    language: str = "",
    rows: Optional[int] = None,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Show source code with syntax highlighting; ``rows`` limits the visible height in lines."""
    spec = {"type": "code", "content": _text(content), "language": language, "rows": rows}
    return Output(spec, scope, position)


def put_link(
    name: str,
    url: Optional[str] = None,
    app: Optional[str] = None,
    new_window: bool = False,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Show a link to ``url``, or to another app of the same server with ``app=``."""
    if (url is None) == (app is None):
        raise ValueError("put_link() needs exactly one of url and app")
    spec = {
        "type": "link",
        "name": _text(name),
        "url": url,
        "app": app,
        "new_window": bool(new_window),
    }
    return Output(spec, scope, position)


def _button_specs(buttons: Sequence[Any]) -> tuple[list[dict[str, Any]], list[Any]]:
    specs, values = [], []
    for button in buttons:
        if isinstance(button, dict):
            label = button["label"]
            values.append(button.get("value", label))
            specs.append(
                {
                    "label": _text(label),
                    "color": button.get("color"),
                    "disabled": bool(button.get("disabled", False)),
                }
            )
        elif isinstance(button, (tuple, list)):
            label, value = button
            values.append(value)
            specs.append({"label": _text(label), "color": None, "disabled": False})
        else:
            values.append(button)
            specs.append({"label": _text(button), "color": None, "disabled": False})
    return specs, values


def _index_decoder(specs: list[dict[str, Any]]) -> Callable[[Any], tuple[Any, ...]]:
    def decode(index: Any) -> tuple[Any, ...]:
        if not isinstance(index, int) or not 0 <= index < len(specs):
            raise ProtocolError(f"no button {index!r} here")
        if specs[index]["disabled"]:
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
    unknown = set(callback_options) - {"mutex_mode", "serial_mode"}
    if unknown:
        raise TypeError(f"put_buttons() got unexpected arguments {sorted(unknown)}")
    specs, values = _button_specs(buttons)
    if callable(onclick):
        handler = onclick

        def on_index(index: int) -> Any:
            return handler(values[index])

    else:
        handlers = list(onclick)
        if len(handlers) != len(specs):
            raise ValueError("onclick must be one function, or one function per button")

        def on_index(index: int) -> Any:
            return handlers[index]()

    session = get_current_session()
    callback_id = session.register_callback(
        on_index,
        _index_decoder(specs),
        serial_mode=bool(callback_options.get("serial_mode", False)),
        mutex_mode=bool(callback_options.get("mutex_mode", False)),
    )
    spec = {
        "type": "buttons",
        "buttons": specs,
        "callback_id": callback_id,
        "small": bool(small),
        "link_style": bool(link_style),
        "outline": bool(outline),
        "group": bool(group),
    }
    return Output(spec, scope, position)


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


def put_scope(
    name: str,
    content: Union[Output, Sequence[Output]] = (),
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Create a named scope holding ``content``."""
    items = [content] if isinstance(content, Output) else list(content)
    spec = {"type": "scope", "name": _text(name), "contents": [item.embed() for item in items]}
    return Output(spec, scope, position)


def _scope_ctl(**spec: Any) -> None:
    get_current_session().send("output_ctl", spec)


def clear(scope: ScopeArg = None) -> None:
    """Remove everything inside ``scope`` (default: the current scope)."""
    _scope_ctl(clear=resolve_scope(scope))


def remove(scope: ScopeArg = None) -> None:
    """Remove ``scope`` and its content (default: the current scope)."""
    name = resolve_scope(scope)
    if name == ROOT:
        raise ValueError("the ROOT scope cannot be removed")
    _scope_ctl(remove=name)


def scroll_to(scope: ScopeArg = None, position: str = Position.TOP) -> None:
    """Scroll the page so that ``scope`` is at the top, middle or bottom of the window."""
    if position not in (Position.TOP, Position.MIDDLE, Position.BOTTOM):
        raise ValueError("position must be 'top', 'middle' or 'bottom'")
    _scope_ctl(scroll_to=resolve_scope(scope), position=position)


def toast(
    content: Any,
    duration: float = 2,
    position: str = "center",
    color: str = "info",
    onclick: Optional[Callable[[], Any]] = None,
) -> None:
    """Show a short notification; ``duration`` 0 keeps it until clicked."""
    if position not in ("center", "left", "right"):
        raise ValueError("position must be 'center', 'left' or 'right'")
    session = get_current_session()
    callback_id = None
    if onclick is not None:
        callback_id = session.register_callback(onclick, _no_data)
    session.send(
        "toast",
        {
            "content": _text(content),
            "duration": duration,
            "position": position,
            "color": color,
            "callback_id": callback_id,
        },
    )


def _no_data(data: Any) -> tuple[Any, ...]:
    if data is not None:
        raise ProtocolError("a toast click carries no data")
    return ()


class use_scope:
    """Enter a scope: ``with use_scope('name', clear=True):`` or ``@use_scope('name')``.

    The scope is created at the end of the enclosing scope if it does not exist yet; outputs
    without an explicit ``scope=`` go into it. ``clear`` empties it on entry. Without a name a
    unique one is made, and ``with`` returns it.
    """

    def __init__(
        self, name: Optional[str] = None, clear: bool = False, **scope_params: Any
    ) -> None:
        unknown = set(scope_params) - {"create_scope", "container_scope", "position", "if_exist"}
        if unknown:
            raise TypeError(f"use_scope() got unexpected arguments {sorted(unknown)}")
        self.name = name if name is not None else f"webio-auto-{uuid.uuid4().hex[:12]}"
        if not isinstance(self.name, str) or not self.name:
            raise TypeError("scope names must be non-empty strings")
        self.clear = clear
        self._params = scope_params
        self.create_scope = scope_params.get("create_scope", True)
        self.container = scope_params.get("container_scope")
        self.position = scope_params.get("position", OutputPosition.BOTTOM)
        self.if_exist = scope_params.get("if_exist")
        self._tokens: list[Any] = []

    def __enter__(self) -> str:
        if self.create_scope:
            if_exist = "clear" if self.clear else self.if_exist
            _scope_ctl(
                set_scope=self.name,
                container=resolve_scope(self.container) if self.container else current_scope(),
                position=self.position,
                if_exist=if_exist,
            )
        elif self.clear:
            clear(self.name)
        self._tokens.append(push_scope(self.name))
        return self.name

    def __exit__(self, *exc: Any) -> None:
        pop_scope(self._tokens.pop())

    def _fresh(self) -> use_scope:
        # Each call of a decorated function enters on its own, so concurrent calls from
        # several threads or tasks never share a context token.
        return use_scope(self.name, self.clear, **self._params)

    def __call__(self, func: Callable[..., Any]) -> Callable[..., Any]:
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                with self._fresh():
                    return await func(*args, **kwargs)

            return run_async

        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            with self._fresh():
                return func(*args, **kwargs)

        return run
