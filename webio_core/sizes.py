"""Sizes in bytes as PyWebIO's API takes them: ``500``, ``'40K'``, ``'3M'``, ``'1G'``."""

from __future__ import annotations

import math
from typing import Union

_UNITS = {"K": 1024, "M": 1024**2, "G": 1024**3}


def parse_size(size: Union[int, str], *, zero_allowed: bool = False) -> int:
    """``size`` as a number of bytes; with ``zero_allowed``, 0 (meaning "no limit") too."""
    if isinstance(size, bool):
        raise TypeError("size must be an int or a string such as '200M'")
    if isinstance(size, int):
        if size < 0 or (size == 0 and not zero_allowed):
            raise ValueError("size must be positive")
        return size
    if not isinstance(size, str):
        raise TypeError("size must be an int or a string such as '200M'")
    text = size.strip().upper()
    multiplier = _UNITS.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in _UNITS else text
    try:
        value = float(number)
    except ValueError:
        raise ValueError(
            f"cannot read {size!r} as a size; use e.g. 500, '40K', '3M', '1G'"
        ) from None
    if zero_allowed and value == 0:
        return 0
    # Also refuses "inf", "nan" and fractions of a byte such as "0.5", which float() accepts.
    if not math.isfinite(value) or int(value * multiplier) < 1:
        raise ValueError(f"size must be a positive number of bytes, not {size!r}")
    return int(value * multiplier)


def describe_size(size: int) -> str:
    """``size`` bytes for people: ``"512 bytes"``, ``"40 KB"``, ``"3.5 MB"``."""
    if size < 1024:
        return f"{size} bytes"
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    raise AssertionError("unreachable")
