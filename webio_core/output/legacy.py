"""PyWebIO's deprecated output API, kept so that older programs run: ``style()`` and the
``output()`` handle."""

from __future__ import annotations

import warnings
from typing import Any, Union

from ..protocol.outputs import SCOPE, ScopeOutput
from ._base import Output, embed_all, new_scope_name
from .scope import clear
from .text import put_text


def style(outputs: Union[Output, list[Output]], css_style: str) -> Union[Output, list[Output]]:
    """Add CSS declarations to outputs (deprecated: use ``put_xxx(...).style(css)``)."""
    warnings.warn(
        "style() is deprecated, use put_xxx(...).style(...)", DeprecationWarning, stacklevel=2
    )
    items = outputs if isinstance(outputs, (list, tuple)) else [outputs]
    for item in items:
        if not isinstance(item, Output):
            raise TypeError("style() takes put_xxx() outputs")
        item.style(css_style)
    return outputs


class OutputHandler(Output):
    """What ``output()`` returns: place it (in a table, a row, or with ``.show()``), then change
    what it holds with ``reset``, ``append`` and ``insert``."""

    def __init__(self, name: str, contents: list[Any]) -> None:
        super().__init__(SCOPE, ScopeOutput(name=name, contents=contents))
        self.name = name

    def __del__(self) -> None:
        # Shown only where it is placed, as in PyWebIO: dropping it sends nothing.
        pass

    def reset(self, *outputs: Any) -> None:
        """Replace the content with ``outputs``."""
        clear(self.name)
        self.append(*outputs)

    def append(self, *outputs: Any) -> None:
        """Add ``outputs`` at the end."""
        for item in outputs:
            self._place(item, -1)

    def insert(self, idx: int, *outputs: Any) -> None:
        """Insert ``outputs`` at position ``idx`` (negative: from the end)."""
        step = 1 if idx >= 0 else -1
        for offset, item in enumerate(outputs):
            self._place(item, idx + step * offset)

    def _place(self, item: Any, position: int) -> None:
        output = item if isinstance(item, Output) else put_text(item)
        output._scope, output._position = self.name, position
        output.send()


def output(*contents: Any) -> OutputHandler:
    """A placeholder whose content can change later (deprecated: use ``put_scope``)."""
    warnings.warn("output() is deprecated, use put_scope()", DeprecationWarning, stacklevel=2)
    return OutputHandler(new_scope_name(), embed_all(list(contents)))
