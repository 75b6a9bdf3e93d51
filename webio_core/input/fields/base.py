"""What every form field kind has: a name, a label, its spec for the client, and the parsing
and validation of the value the client submits for it."""

from __future__ import annotations

from typing import Any, Callable, ClassVar, Optional

from ...protocol import ProtocolError, TypedKind

Validator = Callable[[Any], Optional[str]]

#: Shown under a required field that was left empty.
REQUIRED_MESSAGE = "Please fill out this field."


class FieldError(ValueError):
    """A submitted value the user must correct; the message is shown under the field."""


class Field:
    """One field of a form. Subclasses set :attr:`kind` and implement :meth:`spec_keys` and
    :meth:`parse`; the form runner does the rest."""

    #: The wire type of the field (``webio_core.protocol.fields``).
    kind: ClassVar[TypedKind[Any]]
    #: Whether the client asks for validation when the field loses focus.
    validates_on_blur: ClassVar[bool] = True
    #: Whether a submission must carry a value for this field.
    always_submitted: ClassVar[bool] = True

    def __init__(
        self,
        name: str,
        label: Any = "",
        help_text: Optional[str] = None,
        validate: Optional[Validator] = None,
    ) -> None:
        if not isinstance(name, str) or not name:
            raise TypeError("a field name must be a non-empty string")
        self.name = name
        self.label = "" if label is None else str(label)
        self.help_text = "" if help_text is None else str(help_text)
        self.validate = validate

    def spec(self) -> dict[str, Any]:
        """The field as the client gets it in ``input_group.inputs``."""
        return self.kind.build(
            {
                "name": self.name,
                "label": self.label,
                "help_text": self.help_text,
                **self.spec_keys(),
            }
        )

    def spec_keys(self) -> dict[str, Any]:
        """The keys of the kind's spec beyond name, label and help_text."""
        raise NotImplementedError

    def cancels_form(self) -> bool:
        """Whether the field can cancel its form (a cancel button of ``actions``)."""
        return False

    def parse(self, raw: Any) -> Any:
        """The value of a submitted ``raw`` value. Raise :class:`FieldError` for a value the user
        must correct, :class:`ProtocolError` for one no client of ours sends."""
        raise NotImplementedError

    def check(self, raw: Any) -> tuple[Any, Optional[str]]:
        """``(value, None)``, or ``(value, message)`` when parsing or ``validate`` fails."""
        try:
            value = self.parse(raw)
        except FieldError as exc:
            return None, str(exc)
        if self.validate is not None:
            error = self.validate(value)
            if error:
                return value, str(error)
        return value, None

    @staticmethod
    def expect_str(raw: Any, name: str) -> str:
        if not isinstance(raw, str):
            raise ProtocolError(f"field {name!r} expects a string")
        return raw
