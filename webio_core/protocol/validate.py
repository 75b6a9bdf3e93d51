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


#: Checks a value, naming it ``where`` in the error.
Validator = Callable[[Any, str], None]

_VALIDATORS: dict[Any, Validator] = {}


def check(value: Any, declared: Any, where: str = "value") -> None:
    """Raise :class:`ProtocolError` unless ``value`` is of the ``declared`` type."""
    _compiled(declared)(value, where)


def validator(declared: Any) -> Validator:
    """The function :func:`check` applies for ``declared``: for a caller that checks against
    the same type again and again (hashing a typing construct to find it costs a little)."""
    return _compiled(declared)


def _compile(declared: Any) -> Validator:
    """The validator of ``declared``, worked out once: every client frame is checked, and
    reading a type's structure costs more than checking a value against it."""
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


def _accept(value: Any, where: str) -> None:
    return None


def _null(value: Any, where: str) -> None:
    if value is not None:
        raise ProtocolError(f"{where}: expected null")


def _annotated(inner: Any, *metadata: Any) -> Validator:
    check_inner = _compile(inner)
    constraints = [c for c in metadata if isinstance(c, (Length, Range))]

    def validate(value: Any, where: str) -> None:
        check_inner(value, where)
        for constraint in constraints:
            constraint.check(value, where)

    return validate


def _union(options: tuple[Any, ...]) -> Validator:
    validators = [_compile(option) for option in options]

    def validate(value: Any, where: str) -> None:
        for validator in validators:
            try:
                validator(value, where)
                return
            except ProtocolError:
                continue
        raise ProtocolError(f"{where}: {_describe(value)} is none of the accepted types")

    return validate


def _literal(allowed: tuple[Any, ...]) -> Validator:
    def validate(value: Any, where: str) -> None:
        if not any(type(value) is type(option) and value == option for option in allowed):
            raise ProtocolError(f"{where}: {value!r} is not one of {list(allowed)}")

    return validate


def _list(item_type: Any) -> Validator:
    check_item = _compile(item_type)

    def validate(value: Any, where: str) -> None:
        if not isinstance(value, list):
            raise ProtocolError(f"{where}: expected a list")
        for index, item in enumerate(value):
            check_item(item, f"{where}[{index}]")

    return validate


def _dict(key_type: Any, value_type: Any) -> Validator:
    check_key, check_item = _compile(key_type), _compile(value_type)

    def validate(value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise ProtocolError(f"{where}: expected an object")
        for key, item in value.items():
            check_key(key, f"{where} key")
            check_item(item, f"{where}[{key!r}]")

    return validate


def _typed_dict(declared: Any) -> Validator:
    # Compiled on first use: a TypedDict may refer to itself (nested layouts).
    hints, required = typed_dict_fields(declared)
    validators: dict[str, Validator] = {}

    def validate(value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise ProtocolError(f"{where}: expected an object")
        if not validators:
            # Worked out whole, then published in one step: a thread checking a value
            # meanwhile must see none of the keys (and work them out too) or all of them.
            validators.update({key: _compiled(hint) for key, hint in hints.items()})
        if not value.keys() <= validators.keys():
            unknown = value.keys() - validators.keys()
            raise ProtocolError(f"{where}: unknown keys {sorted(map(str, unknown))}")
        if not required <= value.keys():
            raise ProtocolError(f"{where}: missing keys {sorted(required - value.keys())}")
        for key, item in value.items():
            validators[key](item, f"{where}.{key}")

    return validate


def _compiled(declared: Any) -> Validator:
    validator = _VALIDATORS.get(declared)
    if validator is None:
        validator = _VALIDATORS[declared] = _compile(declared)
    return validator


def _scalar(declared: Any) -> Validator:
    test = _SCALARS.get(declared)
    if test is None:
        raise TypeError(f"the protocol cannot declare {declared!r}")

    def validate(value: Any, where: str) -> None:
        if not test(value):
            raise ProtocolError(f"{where}: expected {declared.__name__}, got {_describe(value)}")

    return validate


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
