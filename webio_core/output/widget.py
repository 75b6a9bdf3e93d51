"""``put_widget``: an app's own HTML template, rendered in the browser with Mustache."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ..protocol.layouts import WIDGET, WidgetOutput
from ._base import Output, ScopeArg, text_of


def widget_data(value: Any) -> Any:
    """``data`` as JSON: outputs become their specs (the template's ``pywebio_output_parse``
    renders them), containers are walked, other values that JSON cannot carry become text."""
    if isinstance(value, Output):
        return value.embed()
    if isinstance(value, Mapping):
        return {text_of(key): widget_data(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [widget_data(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return text_of(value)  # JSON has no NaN or infinity
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return text_of(value)


def put_widget(
    template: str, data: Mapping[str, Any], scope: ScopeArg = None, position: int = -1
) -> Output:
    """Show ``template`` (Mustache syntax) rendered with ``data``. Outputs in ``data`` are shown
    where the template says ``{{& pywebio_output_parse}}`` in a section over them; the result
    is sanitised (no scripts, event handlers or ``javascript:`` links)."""
    spec = WidgetOutput(template=text_of(template), data=widget_data(data))
    return Output(WIDGET, spec, scope, position)
