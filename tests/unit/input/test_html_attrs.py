"""Extra HTML attributes: safe ones pass, spelled as HTML wants them; the rest are refused."""

from __future__ import annotations

import pytest

from webio_core.input.html_attrs import safe_html_attrs


def test_names_and_values_as_html_spells_them():
    attrs = safe_html_attrs(
        {
            "data_role": "x",
            "aria_label": "y",
            "maxlength": 5,
            "spellcheck": False,
            "translate": False,
            "autofocus": True,
            "aria_hidden": True,
            "title": None,
        },
        "here",
    )
    assert attrs == {
        "data-role": "x",
        "aria-label": "y",
        "maxlength": 5,
        "spellcheck": "false",
        "translate": "no",
        "autofocus": True,
        "aria-hidden": "true",
    }


@pytest.mark.parametrize(
    ("attrs", "message"),
    [
        ({"onclick": "x"}, "event-handler attribute 'onclick' is refused"),
        ({"ONLOAD": "x"}, "event-handler attribute"),
        ({"src": "x"}, "'src' is not allowed"),
        ({"formaction": "x"}, "not allowed"),
        ({"data-": "x"}, "not allowed"),
        ({"data x": "x"}, "not allowed"),
    ],
)
def test_unsafe_attributes_are_refused(attrs, message):
    with pytest.raises(ValueError, match=message):
        safe_html_attrs(attrs, "here")


def test_values_must_be_plain():
    with pytest.raises(TypeError, match="str, number or bool"):
        safe_html_attrs({"title": ["x"]}, "here")
