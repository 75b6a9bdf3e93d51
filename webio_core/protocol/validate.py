"""Checks a decoded JSON value against a declared type: what clients send is validated by the
same declarations that type the server's code and the client's, so the check cannot drift.

Understood: ``str``, ``int`` (not ``bool``), ``float``, ``bool``, ``None``, ``Any``, ``Literal``,
``Union`` / ``Optional``, ``list[X]``, ``dict[str, X]``, TypedDicts (exactly their keys; the
``NotRequired`` ones may be absent) and ``Annotated[X, Length(...) | Range(...)]``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, Any, Callable, Literal, Optional, Union, get_args, get_origin

from typing_extensions import NotRequired, Required, get_type_hints, is_typeddict

from .errors import ProtocolError


class _Invalid(Exception):
    """A value failed a check; the path to it is added on the way out (innermost first), so
    that checking a valid value builds no path at all."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.path: list[str] = []

    def at(self, segment: str) -> _Invalid:
        self.path.append(segment)
        return self

    def error(self, where: str) -> ProtocolError:
        return ProtocolError(f"{where}{''.join(reversed(self.path))}: {self.message}")


@dataclass(frozen=True)
class Length:
    """Bounds on the length of a string, list or object."""

    min: int = 0
    max: Optional[int] = None

    def check(self, value: Any) -> None:
        if not self.min <= len(value) <= (self.max if self.max is not None else len(value)):
            bound = f"{self.min} to {self.max}" if self.max is not None else f"at least {self.min}"
            raise _Invalid(f"length must be {bound}")


@dataclass(frozen=True)
class Range:
    """Bounds on a number."""

    min: Optional[float] = None
    max: Optional[float] = None

    def check(self, value: Any) -> None:
        if (self.min is not None and value < self.min) or (
            self.max is not None and value > self.max
        ):
            raise _Invalid(f"{value!r} is out of range")


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


#: Checks a value, naming it ``where`` in the error.
Validator = Callable[[Any, str], None]
#: A compiled check: raises _Invalid.
_Check = Callable[[Any], None]

_CHECKS: dict[Any, _Check] = {}


def check(value: Any, declared: Any, where: str = "value") -> None:
    """Raise :class:`ProtocolError` unless ``value`` is of the ``declared`` type."""
    try:
        _compiled(declared)(value)
    except _Invalid as invalid:
        raise invalid.error(where) from None


def validator(declared: Any) -> Validator:
    """The function :func:`check` applies for ``declared``: for a caller that checks against
    the same type again and again (hashing a typing construct to find it costs a little)."""
    check_value = _compiled(declared)

    def validate(value: Any, where: str) -> None:
        try:
            check_value(value)
        except _Invalid as invalid:
            raise invalid.error(where) from None

    return validate


def _compile(declared: Any) -> _Check:
    """The check of ``declared``, worked out once: every client frame is checked, and reading
    a type's structure costs more than checking a value against it."""
    origin = get_origin(declared)
    if declared is Any:
        return _accept
    if origin is Annotated:
        return _annotated(*get_args(declared))
    if declared is None or declared is type(None):
        return _null
    if origin is Union:
        return _union(get_args(declared))
    if origin is Literal:
        return _literal(get_args(declared))
    if origin is list:
        return _list(*get_args(declared))
    if origin is dict:
        return _dict(*get_args(declared))
    if is_typeddict(declared):
        return _typed_dict(declared)
    return _scalar(declared)


def _accept(value: Any) -> None:
    return None


def _null(value: Any) -> None:
    if value is not None:
        raise _Invalid("expected null")


def _annotated(inner: Any, *metadata: Any) -> _Check:
    check_inner = _compile(inner)
    constraints = [c for c in metadata if isinstance(c, (Length, Range))]

    def check(value: Any) -> None:
        check_inner(value)
        for constraint in constraints:
            constraint.check(value)

    return check


def _union(options: tuple[Any, ...]) -> _Check:
    checks = [_compile(option) for option in options]

    def check(value: Any) -> None:
        for check_option in checks:
            try:
                check_option(value)
                return
            except _Invalid:
                continue
        raise _Invalid(f"{_describe(value)} is none of the accepted types")

    return check


def _literal(allowed: tuple[Any, ...]) -> _Check:
    def check(value: Any) -> None:
        if not any(type(value) is type(option) and value == option for option in allowed):
            raise _Invalid(f"{value!r} is not one of {list(allowed)}")

    return check


def _list(item_type: Any) -> _Check:
    check_item = _compile(item_type)

    def check(value: Any) -> None:
        if not isinstance(value, list):
            raise _Invalid("expected a list")
        for index, item in enumerate(value):
            try:
                check_item(item)
            except _Invalid as invalid:
                raise invalid.at(f"[{index}]") from None

    return check


def _dict(key_type: Any, value_type: Any) -> _Check:
    check_key, check_item = _compile(key_type), _compile(value_type)

    def check(value: Any) -> None:
        if not isinstance(value, dict):
            raise _Invalid("expected an object")
        for key, item in value.items():
            try:
                check_key(key)
            except _Invalid as invalid:
                raise invalid.at(" key") from None
            try:
                check_item(item)
            except _Invalid as invalid:
                raise invalid.at(f"[{key!r}]") from None

    return check


def _typed_dict(declared: Any) -> _Check:
    # Compiled on first use: a TypedDict may refer to itself (nested layouts).
    hints, required = typed_dict_fields(declared)
    checks: dict[str, _Check] = {}

    def check(value: Any) -> None:
        if not isinstance(value, dict):
            raise _Invalid("expected an object")
        if not checks:
            # Worked out whole, then published in one step: a thread checking a value
            # meanwhile must see none of the keys (and work them out too) or all of them.
            checks.update({key: _compiled(hint) for key, hint in hints.items()})
        if not value.keys() <= checks.keys():
            unknown = value.keys() - checks.keys()
            raise _Invalid(f"unknown keys {sorted(map(str, unknown))}")
        if not required <= value.keys():
            raise _Invalid(f"missing keys {sorted(required - value.keys())}")
        for key, item in value.items():
            try:
                checks[key](item)
            except _Invalid as invalid:
                raise invalid.at(f".{key}") from None

    return check


def _compiled(declared: Any) -> _Check:
    check = _CHECKS.get(declared)
    if check is None:
        check = _CHECKS[declared] = _compile(declared)
    return check


def _scalar(declared: Any) -> _Check:
    test = _SCALARS.get(declared)
    if test is None:
        raise TypeError(f"the protocol cannot declare {declared!r}")

    def check(value: Any) -> None:
        if not test(value):
            raise _Invalid(f"expected {declared.__name__}, got {_describe(value)}")

    return check


_SCALARS: dict[Any, Callable[[Any], bool]] = {
    bool: lambda value: isinstance(value, bool),
    int: _is_int,
    float: lambda value: _is_int(value) or (isinstance(value, float) and math.isfinite(value)),
    str: lambda value: isinstance(value, str),
}


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", str: "a string", list: "a list", dict: "an object"}.get(
        type(value), f"a {type(value).__name__}"
    )
