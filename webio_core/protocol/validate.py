"""Checks a decoded JSON value against a declared type: what clients send is validated by the
same declarations that type the server's code and the client's, so the check cannot drift.

Understood: ``str``, ``int`` (not ``bool``), ``float``, ``bool``, ``None``, ``Any``, ``Literal``,
``Union`` / ``Optional``, ``list[X]``, ``dict[str, X]``, TypedDicts (exactly their keys; the
``NotRequired`` ones may be absent) and ``Annotated[X, Length(...) | Range(...)]``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Optional, Union, get_args, get_origin

from typing_extensions import NotRequired, Required, get_type_hints, is_typeddict

from .errors import ProtocolError


@dataclass(frozen=True)
class Length:
    """Bounds on the length of a string, list or object."""

    min: int = 0
    max: Optional[int] = None

    def check(self, value: Any, where: str) -> None:
        if not self.min <= len(value) <= (self.max if self.max is not None else len(value)):
            bound = f"{self.min} to {self.max}" if self.max is not None else f"at least {self.min}"
            raise ProtocolError(f"{where}: length must be {bound}")


@dataclass(frozen=True)
class Range:
    """Bounds on a number."""

    min: Optional[float] = None
    max: Optional[float] = None

    def check(self, value: Any, where: str) -> None:
        if (self.min is not None and value < self.min) or (
            self.max is not None and value > self.max
        ):
            raise ProtocolError(f"{where}: {value!r} is out of range")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _fields(typed_dict: Any) -> tuple[dict[str, Any], frozenset[str]]:
    hints = get_type_hints(typed_dict, include_extras=True)
    required = set(typed_dict.__required_keys__)
    for key, hint in list(hints.items()):
        origin = get_origin(hint)
        if origin in (NotRequired, Required):
            hints[key] = get_args(hint)[0]
            (required.add if origin is Required else required.discard)(key)
    return hints, frozenset(required)


_FIELDS_CACHE: dict[Any, tuple[dict[str, Any], frozenset[str]]] = {}


def typed_dict_fields(typed_dict: Any) -> tuple[dict[str, Any], frozenset[str]]:
    """The key types of a TypedDict (``NotRequired`` unwrapped) and its required keys."""
    if typed_dict not in _FIELDS_CACHE:
        _FIELDS_CACHE[typed_dict] = _fields(typed_dict)
    return _FIELDS_CACHE[typed_dict]


def check(value: Any, declared: Any, where: str = "value") -> None:
    """Raise :class:`ProtocolError` unless ``value`` is of the ``declared`` type."""
    origin = get_origin(declared)
    if declared is Any:
        return
    if origin is Annotated:
        inner, *constraints = get_args(declared)
        check(value, inner, where)
        for constraint in constraints:
            if isinstance(constraint, (Length, Range)):
                constraint.check(value, where)
        return
    if declared is None or declared is type(None):
        if value is not None:
            raise ProtocolError(f"{where}: expected null")
        return
    if origin is Union:
        for option in get_args(declared):
            try:
                check(value, option, where)
                return
            except ProtocolError:
                continue
        raise ProtocolError(f"{where}: {_describe(value)} is none of the accepted types")
    if origin is Literal:
        if not any(
            type(value) is type(allowed) and value == allowed for allowed in get_args(declared)
        ):
            raise ProtocolError(f"{where}: {value!r} is not one of {list(get_args(declared))}")
        return
    if origin is list:
        if not isinstance(value, list):
            raise ProtocolError(f"{where}: expected a list")
        (item_type,) = get_args(declared)
        for index, item in enumerate(value):
            check(item, item_type, f"{where}[{index}]")
        return
    if origin is dict:
        if not isinstance(value, dict):
            raise ProtocolError(f"{where}: expected an object")
        key_type, value_type = get_args(declared)
        for key, item in value.items():
            check(key, key_type, f"{where} key")
            check(item, value_type, f"{where}[{key!r}]")
        return
    if is_typeddict(declared):
        _check_typed_dict(value, declared, where)
        return
    _check_scalar(value, declared, where)


def _check_typed_dict(value: Any, declared: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise ProtocolError(f"{where}: expected an object")
    hints, required = typed_dict_fields(declared)
    unknown = set(value) - set(hints)
    if unknown:
        raise ProtocolError(f"{where}: unknown keys {sorted(map(str, unknown))}")
    missing = required - set(value)
    if missing:
        raise ProtocolError(f"{where}: missing keys {sorted(missing)}")
    for key, item in value.items():
        check(item, hints[key], f"{where}.{key}")


def _check_scalar(value: Any, declared: Any, where: str) -> None:
    if declared is bool:
        ok = isinstance(value, bool)
    elif declared is int:
        ok = _is_int(value)
    elif declared is float:
        ok = _is_int(value) or (isinstance(value, float) and math.isfinite(value))
    elif declared is str:
        ok = isinstance(value, str)
    else:
        raise TypeError(f"the protocol cannot declare {declared!r}")
    if not ok:
        raise ProtocolError(f"{where}: expected {declared.__name__}, got {_describe(value)}")


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", str: "a string", list: "a list", dict: "an object"}.get(
        type(value), f"a {type(value).__name__}"
    )
