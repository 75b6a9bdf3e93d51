"""Outputs that hold others: ``put_tabs``, ``put_collapse``, ``put_scrollable`` and the alert
boxes ``put_info``, ``put_success``, ``put_warning``, ``put_error``."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any, Union

from ..protocol.layouts import (
    ALERT,
    COLLAPSE,
    SCROLLABLE,
    TABS,
    AlertColor,
    AlertOutput,
    CollapseOutput,
    ScrollableOutput,
    Tab,
    TabsOutput,
)
from ._base import Output, ScopeArg, embed_all, text_of

Contents = Union[str, Output, Sequence[Union[str, Output]]]


def put_tabs(
    tabs: Sequence[Mapping[str, Any]], scope: ScopeArg = None, position: int = -1
) -> Output:
    """Show tabs: each item is ``{"title": str, "content": output, text or list of them}``."""
    specs = []
    for tab in tabs:
        if "title" not in tab or "content" not in tab:
            raise ValueError("each tab needs a 'title' and a 'content'")
        specs.append(Tab(title=text_of(tab["title"]), contents=embed_all(tab["content"])))
    return Output(TABS, TabsOutput(tabs=specs), scope, position)


def put_collapse(
    title: str,
    content: Contents = (),
    open: bool = False,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """A section that opens when its title is clicked (``open``: open at first). Usable as a
    context manager: ``with put_collapse("Details"):``."""
    spec = CollapseOutput(title=text_of(title), contents=embed_all(content), open=bool(open))
    return Output(COLLAPSE, spec, scope, position, contents_key="contents")


def put_scrollable(
    content: Contents = (),
    height: Union[int, tuple[int, int]] = 400,
    keep_bottom: bool = False,
    border: bool = True,
    scope: ScopeArg = None,
    position: int = -1,
    **kwargs: Any,
) -> Output:
    """A box that scrolls: ``height`` in pixels, or ``(min_height, max_height)``.
    ``keep_bottom`` keeps the newest content at the bottom in view. Usable as a context
    manager."""
    if "max_height" in kwargs:
        warnings.warn(
            "put_scrollable(max_height=...) is deprecated, use height=",
            DeprecationWarning,
            stacklevel=2,
        )
        height = kwargs.pop("max_height")
    if kwargs:
        raise TypeError(f"put_scrollable() got unexpected arguments {sorted(kwargs)}")
    low, high = (height, height) if isinstance(height, int) else height
    spec = ScrollableOutput(
        contents=embed_all(content),
        min_height=int(low),
        max_height=int(high),
        keep_bottom=bool(keep_bottom),
        border=bool(border),
    )
    return Output(SCROLLABLE, spec, scope, position, contents_key="contents")


def _alert(
    color: AlertColor, contents: tuple[Any, ...], closable: bool, scope: ScopeArg, position: int
) -> Output:
    items = [c if isinstance(c, Output) else text_of(c) for c in contents]
    spec = AlertOutput(color=color, contents=embed_all(items), closable=bool(closable))
    return Output(ALERT, spec, scope, position, contents_key="contents")


def put_info(
    *contents: Any, closable: bool = False, scope: ScopeArg = None, position: int = -1
) -> Output:
    """An information box holding ``contents`` (outputs or values shown as text); with
    ``closable`` the user can dismiss it. Usable as a context manager."""
    return _alert("info", contents, closable, scope, position)


def put_success(
    *contents: Any, closable: bool = False, scope: ScopeArg = None, position: int = -1
) -> Output:
    """A success box; see ``put_info``."""
    return _alert("success", contents, closable, scope, position)


def put_warning(
    *contents: Any, closable: bool = False, scope: ScopeArg = None, position: int = -1
) -> Output:
    """A warning box; see ``put_info``."""
    return _alert("warning", contents, closable, scope, position)


def put_error(
    *contents: Any, closable: bool = False, scope: ScopeArg = None, position: int = -1
) -> Output:
    """An error box; see ``put_info``."""
    return _alert("danger", contents, closable, scope, position)
