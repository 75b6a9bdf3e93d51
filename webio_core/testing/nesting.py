"""Where outputs hold other outputs, read from the declarations: every key typed with the
``OutputSpec`` reference (in a list, a list of lists, or a nested TypedDict) holds outputs; a
widget's ``data`` may hold them anywhere."""

from __future__ import annotations

from typing import Annotated, Any, Callable, Union, get_args, get_origin

from typing_extensions import is_typeddict

from ..protocol import OUTPUTS
from ..protocol.layouts import WIDGET
from ..protocol.registry import Ref
from ..protocol.validate import typed_dict_fields

OUTPUT_REF = "OutputSpec"


def _is_output(declared: Any) -> bool:
    return get_origin(declared) is Annotated and any(
        isinstance(extra, Ref) and extra.name == OUTPUT_REF for extra in get_args(declared)[1:]
    )


def _map(value: Any, declared: Any, f: Callable[[Any], Any]) -> Any:
    if _is_output(declared):
        return f(value)
    origin = get_origin(declared)
    if origin is Annotated:
        return _map(value, get_args(declared)[0], f)
    if origin is list and isinstance(value, list):
        (item,) = get_args(declared)
        return [_map(v, item, f) for v in value]
    if origin is Union:
        return value  # no output is declared inside a union
    if is_typeddict(declared) and isinstance(value, dict):
        hints, _ = typed_dict_fields(declared)
        return {k: _map(v, hints[k], f) if k in hints else v for k, v in value.items()}
    return value


def _map_anywhere(value: Any, f: Callable[[Any], Any]) -> Any:
    if isinstance(value, dict) and value.get("type") in OUTPUTS:
        return f(value)
    if isinstance(value, dict):
        return {k: _map_anywhere(v, f) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_anywhere(v, f) for v in value]
    return value


def map_nested(spec: dict[str, Any], f: Callable[[Any], Any]) -> dict[str, Any]:
    """A copy of output ``spec`` with each output it holds replaced by ``f(output)``."""
    kind = OUTPUTS.get(spec["type"])
    if kind is None:
        return spec
    if kind is WIDGET:
        return {**spec, "data": _map_anywhere(spec["data"], f)}
    return _map(spec, kind.spec, f)  # type: ignore[no-any-return]
