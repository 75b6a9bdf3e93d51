"""Notifications over the page: ``toast``."""

from __future__ import annotations

from typing import Any, Callable, Optional, get_args

from ..protocol import ProtocolError
from ..protocol.commands import TOAST, ToastPosition, toast_spec
from ..session.context import get_current_session
from ._base import text_of

_TOAST_POSITIONS: tuple[str, ...] = get_args(ToastPosition)


def _no_data(data: Any) -> tuple[Any, ...]:
    if data is not None:
        raise ProtocolError("a toast click carries no data")
    return ()


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
    callback_id = None if onclick is None else session.register_callback(onclick, _no_data)
    session.send(TOAST(toast_spec(text_of(content), duration, position, color, callback_id)))
