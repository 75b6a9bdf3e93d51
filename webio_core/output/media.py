"""Images, files to download, progress bars and loading signs: ``put_image``, ``put_file``,
``put_progressbar`` / ``set_progressbar`` (and PyWebIO's ``processbar`` spellings),
``put_loading``."""

from __future__ import annotations

import base64
import io
from typing import Any, Optional, Union, get_args

from ..protocol.feedback import (
    IMAGE,
    LOADING,
    PROGRESSBAR,
    SET_PROGRESSBAR,
    ImageOutput,
    LoadingColor,
    LoadingOutput,
    ProgressbarOutput,
    SetProgressbarSpec,
)
from ..protocol.outputs import SCOPE, ScopeOutput
from ..session.context import get_current_session
from ._base import Output, ScopeArg, new_scope_name, text_of
from ._context import pop_scope, push_scope
from .buttons import put_buttons

_LOADING_COLORS: tuple[str, ...] = get_args(LoadingColor)


def _image_bytes(src: Any, format: Optional[str]) -> tuple[bytes, Optional[str]]:
    """The bytes of a PIL image (when Pillow is installed) in its format, or JPEG."""
    save = getattr(src, "save", None)
    if save is None:
        raise TypeError("put_image() takes bytes, a URL or a PIL image")
    chosen = format or getattr(src, "format", None) or "JPEG"
    buffer = io.BytesIO()
    save(buffer, format=chosen)
    return buffer.getvalue(), chosen


def put_image(
    src: Union[str, bytes, Any],
    format: Optional[str] = None,
    title: str = "",
    width: Optional[str] = None,
    height: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Show an image: bytes (``format`` such as ``"png"`` names their type), a PIL image, or a
    URL. ``title`` is its alternative text; ``width`` / ``height`` are HTML sizes."""
    if not isinstance(src, (str, bytes, bytearray)):
        src, format = _image_bytes(src, format)
    if isinstance(src, (bytes, bytearray)):
        kind = f"image/{format.lower()}" if format else "image/*"
        src = f"data:{kind};base64,{base64.b64encode(bytes(src)).decode('ascii')}"
    spec = ImageOutput(
        src=src,
        alt=text_of(title),
        width=None if width is None else text_of(width),
        height=None if height is None else text_of(height),
    )
    return Output(IMAGE, spec, scope, position)


def put_file(
    name: str,
    content: bytes,
    label: Optional[str] = None,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """A link that saves ``content`` as file ``name`` when clicked (``label`` defaults to the
    name). The bytes stay on the server until the click."""
    from ..session.page import download

    data = bytes(content)
    return put_buttons(
        [text_of(name if label is None else label)],
        onclick=[lambda: download(name, data)],
        link_style=True,
        scope=scope,
        position=position,
    )


def _label(label: Optional[str]) -> Optional[str]:
    return None if label is None else text_of(label)


def put_progressbar(
    name: str,
    init: float = 0,
    label: Optional[str] = None,
    auto_close: bool = False,
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """A progress bar at ``init`` (0 to 1), moved with ``set_progressbar(name, value)``.
    ``label`` replaces the percentage; ``auto_close`` removes the bar when it reaches 1."""
    spec = ProgressbarOutput(
        name=text_of(name),
        value=float(init),
        label=_label(label),
        auto_close=bool(auto_close),
    )
    return Output(PROGRESSBAR, spec, scope, position)


def set_progressbar(name: str, value: float, label: Optional[str] = None) -> None:
    """Move progress bar ``name`` to ``value`` (0 to 1)."""
    spec = SetProgressbarSpec(name=text_of(name), value=float(value), label=_label(label))
    get_current_session().send(SET_PROGRESSBAR(spec))


put_processbar = put_progressbar
set_processbar = set_progressbar


class Loading(Output):
    """``put_loading()``; as a context manager, the sign and what the block shows go away when
    the block ends (PyWebIO 1.8)."""

    def __enter__(self) -> str:
        name = new_scope_name()
        holder = Output(
            SCOPE, ScopeOutput(name=name, contents=[self.embed()]), self._scope, self._position
        )
        holder.send()
        self._tokens.append((push_scope(name), name))
        return name

    def __exit__(self, *exc: Any) -> None:
        from .scope import remove

        token, name = self._tokens.pop()
        pop_scope(token)
        remove(name)


def put_loading(
    shape: str = "border", color: str = "dark", scope: ScopeArg = None, position: int = -1
) -> Output:
    """A loading sign: ``shape`` ``"border"`` (spinning) or ``"grow"``, a Bootstrap colour.
    ``with put_loading():`` shows it (and the block's outputs) until the block ends."""
    if shape not in ("border", "grow"):
        raise ValueError("shape must be 'border' or 'grow'")
    if color not in _LOADING_COLORS:
        raise ValueError(f"color must be one of {', '.join(_LOADING_COLORS)}")
    spec = LoadingOutput(shape=shape, color=color)  # type: ignore[typeddict-item]
    return Loading(LOADING, spec, scope, position)
