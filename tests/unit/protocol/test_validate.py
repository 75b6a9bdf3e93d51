"""webio_core.protocol.validate: values are checked against declared types, exactly."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union

import pytest
from typing_extensions import NotRequired, TypedDict

from webio_core.protocol import ProtocolError, validate
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


class Frame(TypedDict):
    points: list[Point]
    tags: dict[Annotated[str, Length(1, 5)], int]


@pytest.mark.parametrize(
    "value, message",
    [
        (
            {"points": [{"x": 1}, {"x": 2, "label": ""}], "tags": {}},
            "frame.points[1].label: length",
        ),
        ({"points": [], "tags": {"a": 1, "b": None}}, "frame.tags['b']: expected int, got null"),
        ({"points": [], "tags": {"toolong": 1}}, "frame.tags key: length must be 1 to 5"),
        ({"points": [{"y": 1}], "tags": {}}, r"frame.points[0]: unknown keys ['y']"),
        ({"points": [], "tags": [], "z": 0}, "frame: unknown keys ['z']"),
    ],
)
def test_the_error_gives_the_whole_path_to_the_value(value, message):
    with pytest.raises(ProtocolError) as refused:
        check(value, Frame, "frame")
    assert str(refused.value).startswith(message)


def test_a_type_the_protocol_cannot_declare_is_a_programming_error():
    with pytest.raises(TypeError, match="cannot declare"):
        check(b"x", bytes)


class Pair(TypedDict):
    first: int
    second: int


def test_a_typed_dict_checked_in_two_threads_the_first_time_accepts_its_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A TypedDict's key checks are worked out on its first value, by whichever thread checks
    one. Another thread checking a value meanwhile must find none of them or all, never part:
    it refused a valid client frame's keys as unknown (two first POSTs of a new threaded worker).
    Here the other thread's check runs while the first one has worked out one key of two."""
    check_pair = validate.validator(Pair)
    work_out = validate._compiled
    keys_worked_out = []
    meanwhile: list[Optional[ProtocolError]] = []

    def compiled(declared: Any) -> Any:
        if declared is int:
            keys_worked_out.append(declared)
            if len(keys_worked_out) == 2 and not meanwhile:
                try:
                    check_pair({"first": 1, "second": 2}, "pair")
                    meanwhile.append(None)
                except ProtocolError as error:
                    meanwhile.append(error)
        return work_out(declared)

    monkeypatch.setattr(validate, "_compiled", compiled)
    check_pair({"first": 1, "second": 2}, "pair")
    assert meanwhile == [None]
