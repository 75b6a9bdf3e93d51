"""What shows over the page: ``toast``, ``popup`` and ``close_popup``."""

from __future__ import annotations

from typing import Any, Callable, Optional, get_args

from ..protocol.commands import TOAST, EmptySpec, ToastPosition, toast_spec
from ..protocol.feedback import CLOSE_POPUP, POPUP, PopupSpec
from ..session.context import get_current_session
from ._base import embed_all, new_scope_name, no_data, text_of
from .scope import use_scope

_TOAST_POSITIONS: tuple[str, ...] = get_args(ToastPosition)


def toast(
    content: Any,
    duration: float = 2,
    position: ToastPosition = "center",
    color: str = "info",
    onclick: Optional[Callable[[], Any]] = None,
) -> None:
    """Show a short notification; ``duration`` 0 keeps it until clicked."""
    if position not in _TOAST_POSITIONS:
        raise ValueError("position must be 'center', 'left' or 'right'")
    session = get_current_session()
    callback_id = None if onclick is None else session.register_callback(onclick, no_data)
    session.send(TOAST(toast_spec(text_of(content), duration, position, color, callback_id)))


class PopupSize:
    """``popup(size=...)``."""

    LARGE = "large"
    NORMAL = "normal"
    SMALL = "small"


_POPUP_SIZES = (PopupSize.SMALL, PopupSize.NORMAL, PopupSize.LARGE)


def popup(
    title: str,
    content: Any = None,
    size: str = PopupSize.NORMAL,
    implicit_close: bool = True,
    closable: bool = True,
) -> use_scope:
    """Show a popup over the page holding ``content`` (outputs or strings); a new popup
    replaces an open one. ``implicit_close``: a click outside or Esc closes it; ``closable``:
    it has a close button (otherwise only ``close_popup()`` closes it).

    Also a context manager: ``with popup("Title"):`` sends the block's outputs into it.
    """
    if size not in _POPUP_SIZES:
        raise ValueError(f"size must be one of {', '.join(_POPUP_SIZES)}")
    name = new_scope_name()
    spec = PopupSpec(
        title=text_of(title),
        contents=embed_all([] if content is None else content),
        size=size,  # type: ignore[typeddict-item]
        implicit_close=bool(implicit_close),
        closable=bool(closable),
        scope=name,
    )
    get_current_session().send(POPUP(spec))
    # The popup's body is a scope of its own: entering it needs no scope command.
    return use_scope(name, create_scope=False)


def close_popup() -> None:
    """Close the open popup, if any."""
    get_current_session().send(CLOSE_POPUP(EmptySpec()))
