"""What select, checkbox and radio share: options whose values stay on the server.

The client sends option indices; an index out of range, repeated or naming a disabled option
is no value any client of ours sends, so the submission is dropped (and logged).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Optional

from ...choices import Choice, normalize_options
from ...protocol import ProtocolError
from ...protocol import fields as wire
from ...protocol.constants import MAX_CHOICES
from .base import Field, FieldError, OnChange, Validator

#: Shown under a required choice left without one.
CHOOSE_MESSAGE = "Please choose an option."


class ChoiceField(Field):
    """A field whose value is one option's value, or a list of them when :attr:`multiple`."""

    multiple: bool = False
    #: Whether the field needs a choice (for multiple choices: at least one).
    required: bool = False
    can_require: ClassVar[bool] = True

    def __init__(
        self,
        name: str,
        label: Any,
        options: Optional[Sequence[Any]],
        *,
        value: Any = None,
        help_text: Optional[str] = None,
        validate: Optional[Validator] = None,
        onchange: Optional[OnChange] = None,
        html_attrs: Optional[dict[str, Any]] = None,
    ) -> None:
        if options is None:
            raise TypeError(f"{self.kind.name}() needs options")
        super().__init__(name, label, help_text, validate, onchange, html_attrs)
        self.options = self._normalize(options, value)

    def _normalize(self, options: Sequence[Any], value: Any) -> list[Choice]:
        if len(options) > MAX_CHOICES:
            raise ValueError(f"a field may have at most {MAX_CHOICES} options")
        return normalize_options(options, value, multiple=self.multiple)

    def option_specs(self) -> list[wire.OptionSpec]:
        return [
            wire.OptionSpec(label=c.label, selected=c.selected, disabled=c.disabled)
            for c in self.options
        ]

    # ---- values ------------------------------------------------------------------------------

    def _chosen(self, index: Any) -> Choice:
        if not isinstance(index, int) or isinstance(index, bool):
            raise ProtocolError(f"field {self.name!r} expects option indices")
        if not 0 <= index < len(self.options):
            raise ProtocolError(f"no option {index} in field {self.name!r}")
        choice = self.options[index]
        if choice.disabled:
            raise ProtocolError(f"option {index} of field {self.name!r} is disabled")
        return choice

    def parse(self, raw: Any) -> Any:
        if self.multiple:
            if not isinstance(raw, list):
                raise ProtocolError(f"field {self.name!r} expects a list of option indices")
            if len(set(raw)) != len(raw):
                raise ProtocolError(f"field {self.name!r}: an option is chosen twice")
            values = [self._chosen(index).value for index in sorted(raw)]
            if not values and self.required:
                raise FieldError(CHOOSE_MESSAGE)
            return values
        if raw is None:
            if self.required:
                raise FieldError(CHOOSE_MESSAGE)
            return None
        return self._chosen(raw).value

    def wire_value(self, value: Any) -> Any:
        wanted = list(value or ()) if self.multiple else [value]
        indices = [i for i, c in enumerate(self.options) if c.value in wanted]
        if self.multiple:
            return indices
        return indices[-1] if indices else None

    def set_value(self, value: Any) -> None:
        self.options = self._normalize(
            [(c.label, c.value, False, c.disabled) for c in self.options], value
        )

    def update_one(self, key: str, value: Any) -> dict[str, Any]:
        if key == "options":
            self.options = self._normalize(value, None)
            return {"options": self.option_specs()}
        if key == "required" and self.can_require:
            self.required = bool(value)
            return {"required": self.required}
        return super().update_one(key, value)
