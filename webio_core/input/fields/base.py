"""What every form field kind has: a name, a label, its spec for the client, the parsing and
validation of the value the client sends for it, and what ``input_update`` may change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, ClassVar, Optional

from ...protocol import ProtocolError, TypedKind
from ..html_attrs import safe_html_attrs

if TYPE_CHECKING:
    from ...session.base import Session

Validator = Callable[[Any], Optional[str]]
OnChange = Callable[[Any], Any]

#: Shown under a required field that was left empty.
REQUIRED_MESSAGE = "Please fill out this field."

#: Parameters PyWebIO's ``input_update`` refuses to change, whatever the field.
FIXED_PARAMETERS = frozenset(
    {"action", "buttons", "code", "inline", "max_size", "max_total_size", "multiple", "name"}
    | {"onchange", "type", "validate"}
)


class FieldError(ValueError):
    """A submitted value the user must correct; the message is shown under the field."""


class Field:
    """One field of a form (or a pin). Subclasses set :attr:`kind` and implement
    :meth:`spec_keys` and :meth:`parse`; the form runner does the rest."""

    #: The wire type of the field (``webio_core.protocol.fields``).
    kind: ClassVar[TypedKind[Any]]
    #: Whether a submission must carry a value for this field.
    always_submitted: ClassVar[bool] = True
    #: Whether the value is files, received after the submission (see :meth:`finish`).
    receives_files: ClassVar[bool] = False
    #: Spec keys ``input_update`` may set as they are (stored as attributes of the field).
    plain_updates: ClassVar[frozenset[str]] = frozenset()

    def __init__(
        self,
        name: str,
        label: Any = "",
        help_text: Optional[str] = None,
        validate: Optional[Validator] = None,
        onchange: Optional[OnChange] = None,
        html_attrs: Optional[dict[str, Any]] = None,
    ) -> None:
        if not isinstance(name, str) or not name:
            raise TypeError("a field name must be a non-empty string")
        self.name = name
        self.label = "" if label is None else str(label)
        self.help_text = "" if help_text is None else str(help_text)
        self.validate = validate
        self.onchange = onchange
        self.html_attrs = safe_html_attrs(html_attrs or {}, f"field {name!r}")

    # ---- the spec -----------------------------------------------------------------------------

    def spec(self) -> dict[str, Any]:
        """The field as the client gets it in ``input_group.inputs`` (or a pin)."""
        return self.kind.build(
            {
                "name": self.name,
                "label": self.label,
                "help_text": self.help_text,
                "onchange": self.onchange is not None,
                "onblur": self.checks_on_blur(),
                "html_attrs": self.html_attrs,
                **self.spec_keys(),
            }
        )

    def spec_keys(self) -> dict[str, Any]:
        """The keys of the kind's spec beyond those of every field."""
        raise NotImplementedError

    def checks_on_blur(self) -> bool:
        """Whether the client asks the server to check the value when the field loses focus."""
        return self.validate is not None

    # ---- the form's life ------------------------------------------------------------------------

    def open(self, session: Session, task_id: str) -> None:
        """The field is about to be shown in form ``task_id`` (e.g. register callbacks)."""

    def close(self, session: Session) -> None:
        """The form is gone: release what :meth:`open` took."""

    def cancels_form(self) -> bool:
        """Whether the field can cancel its form (a cancel button of ``actions``)."""
        return False

    # ---- values ------------------------------------------------------------------------------

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
        return value, self.run_validate(value)

    def run_validate(self, value: Any) -> Optional[str]:
        """The app's ``validate`` verdict on a parsed value."""
        if self.validate is None:
            return None
        error = self.validate(value)
        return str(error) if error else None

    def finish(self, files: list[Any]) -> Any:
        """For fields that :attr:`receives_files`: the value, once the files are received."""
        raise NotImplementedError

    def wire_value(self, value: Any) -> Any:
        """``value`` as the client shows it (for ``input_update(value=...)`` and pins)."""
        return "" if value is None else str(value)

    # ---- input_update -------------------------------------------------------------------------

    def update(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Apply ``input_update`` / ``pin_update`` parameters to the field; returns the
        ``attributes`` for the client. Unknown or fixed parameters raise ValueError."""
        attributes: dict[str, Any] = {}
        for key, value in changes.items():
            if key in FIXED_PARAMETERS:
                raise ValueError(f"{key!r} of a field cannot be updated")
            attributes.update(self.update_one(key, value))
        return attributes

    def update_one(self, key: str, value: Any) -> dict[str, Any]:
        """One parameter of :meth:`update`; kinds add theirs by overriding."""
        if key in ("label", "help_text"):
            text = "" if value is None else str(value)
            setattr(self, key, text)
            return {key: text}
        if key == "value":
            self.set_value(value)
            return {"value": self.wire_value(value)}
        if key == "valid_status":
            return {"valid_status": None if value in (None, 0) else bool(value)}
        if key == "invalid_feedback":
            return {"invalid_feedback": str(value)}
        if key in self.plain_updates:
            setattr(self, key, value)
            return {key: value}
        raise ValueError(f"a {self.kind.name} field has no parameter {key!r} to update")

    def set_value(self, value: Any) -> None:
        """The server changed the value shown (``input_update``, a pin assignment)."""
        self.value = value

    @staticmethod
    def expect_str(raw: Any, name: str) -> str:
        if not isinstance(raw, str):
            raise ProtocolError(f"field {name!r} expects a string")
        return raw
