"""webio_core.protocol.validate: values are checked against declared types, exactly."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

import pytest
from typing_extensions import NotRequired, TypedDict

from webio_core.protocol import ProtocolError
from webio_core.protocol.validate import Length, Range, check


class Point(TypedDict):
    x: int
    label: NotRequired[Annotated[str, Length(1, 3)]]


class Base(TypedDict):
    name: str


class Child(Base):
    size: float


ACCEPTED = [
    ("text", str),
    (0, int),
    (-5, int),
    (1, float),
    (1.5, float),
    (True, bool),
    (None, None),
    (None, Optional[int]),
    (3, Optional[int]),
    ({"anything": [1, {"deep": None}]}, Any),
    ("a", Literal["a", "b"]),
    (1, Literal[1]),
    (["a", "b"], list[str]),
    ({"k": 1}, dict[str, int]),
    ({"x": 1}, Point),
    ({"x": 1, "label": "abc"}, Point),
    ({"name": "n", "size": 2}, Child),
    ("ab", Annotated[str, Length(1, 2)]),
    (0, Annotated[int, Range(min=0)]),
    ([1, "x"], list[Union[int, str]]),
]

REFUSED = [
    (1, str),
    (True, int),
    ("1", int),
    (1.5, int),
    (True, float),
    (float("nan"), float),
    (float("inf"), float),
    (0, bool),
    (0, None),
    ("c", Literal["a", "b"]),
    (True, Literal[1]),
    (1, Literal[True]),
    ("ab", list[str]),
    ({"k": "1"}, dict[str, int]),
    ({1: 1}, dict[str, int]),
    ([], Point),
    ({}, Point),
    ({"x": 1, "extra": 2}, Point),
    ({"x": 1, "label": ""}, Point),
    ({"x": 1, "label": "abcd"}, Point),
    ({"size": 2}, Child),
    ("abc", Annotated[str, Length(1, 2)]),
    (-1, Annotated[int, Range(min=0)]),
    ([1, 2.5], list[Union[int, str]]),
]


@pytest.mark.parametrize(("value", "declared"), ACCEPTED, ids=repr)
def test_accepted(value, declared):
    check(value, declared)


@pytest.mark.parametrize(("value", "declared"), REFUSED, ids=repr)
def test_refused(value, declared):
    with pytest.raises(ProtocolError):
        check(value, declared, "v")


def test_the_error_says_where():
    with pytest.raises(ProtocolError, match=r"frame\.x: expected int, got a string"):
        check({"x": "1"}, Point, "frame")


def test_a_type_the_protocol_cannot_declare_is_a_programming_error():
    with pytest.raises(TypeError, match="cannot declare"):
        check(b"x", bytes)
