"""Server-to-client commands: each name, its spec and what the client does with it.

``session.send(TOAST(toast_spec("Saved")))``: calling a kind with its spec makes the message;
mypy checks the spec against the kind's TypedDict.
"""

from __future__ import annotations

from typing import Any, Literal, Optional, Union

from typing_extensions import TypedDict

from .fields import AnyField, FieldValue, OptionSpec
from .outputs import AnyOutput
from .registry import CommandKind, Registry

COMMANDS: Registry[CommandKind[Any]] = Registry("command")

ScrollPosition = Literal["top", "middle", "bottom"]
ToastPosition = Literal["left", "center", "right"]


class SessionSpec(TypedDict):
    """First command of every session: the client checks the major version and keeps the id
    for reconnects."""

    protocol: str
    session_id: str
    #: Seconds a WebSocket client may take to reconnect (0: no reconnect).
    reconnect_timeout: float


class OutputCommandSpec(TypedDict):
    """Renders ``output`` into scope ``scope`` at ``position`` (-1 appends, 0 is first, a
    negative index counts from the end)."""

    scope: str
    position: int
    output: AnyOutput


class SetScopeSpec(TypedDict):
    """Creates scope ``set_scope`` in ``container`` at ``position``; when it exists,
    ``if_exist`` decides: null leaves it, "clear" empties it, "remove" replaces it."""

    set_scope: str
    container: str
    position: int
    if_exist: Optional[Literal["clear", "remove"]]


class ClearScopeSpec(TypedDict):
    """Empties a scope."""

    clear: str


class RemoveScopeSpec(TypedDict):
    """Deletes a scope and its content (``ROOT`` is only emptied)."""

    remove: str


class ScrollToSpec(TypedDict):
    """Scrolls a scope into view."""

    scroll_to: str
    position: ScrollPosition


OutputCtlSpec = Union[SetScopeSpec, ClearScopeSpec, RemoveScopeSpec, ScrollToSpec]


class InputGroupSpec(TypedDict):
    """Shows a form; ``task_id`` names it in every later command and event about it."""

    label: str
    inputs: list[AnyField]
    cancelable: bool


class FieldAttributes(TypedDict, total=False):
    """What ``update_input`` (and ``pin_update``) changes of a field; absent keys stay as
    they are. Keys a field's type does not have are ignored."""

    #: true: marked valid; false: marked invalid with ``invalid_feedback``; null: no mark.
    valid_status: Optional[bool]
    invalid_feedback: str
    #: In the form the field sends it (option indices for choices).
    value: FieldValue
    label: str
    help_text: str
    placeholder: str
    readonly: bool
    required: bool
    #: Replaces every option of a choice field (and its selection).
    options: list[OptionSpec]
    datalist: list[str]
    min_value: float
    max_value: float
    step: Union[float, Literal["any"]]
    rows: int
    maxlength: Optional[int]
    minlength: Optional[int]
    accept: str


class UpdateInputSpec(TypedDict):
    """Updates field ``target_name`` of form ``task_id``."""

    target_name: str
    attributes: FieldAttributes


class EmptySpec(TypedDict):
    """No data."""


class ToastSpec(TypedDict):
    """Shows a toast for ``duration`` seconds (0: until clicked); a click sends ``callback``
    with ``task_id = callback_id``. ``color`` is info, error, warn, success or a CSS colour."""

    content: str
    duration: float
    position: ToastPosition
    color: str
    callback_id: Optional[str]


def toast_spec(
    content: str,
    duration: float = 2,
    position: ToastPosition = "center",
    color: str = "info",
    callback_id: Optional[str] = None,
) -> ToastSpec:
    """A toast spec with PyWebIO's defaults."""
    return ToastSpec(
        content=content,
        duration=duration,
        position=position,
        color=color,
        callback_id=callback_id,
    )


class SetEnvSpec(TypedDict, total=False):
    """Page settings of the session (``webio_core.session.set_env``)."""

    title: str
    output_animation: bool
    auto_scroll_bottom: bool
    #: Milliseconds between HTTP polls.
    http_pull_interval: float
    input_panel_fixed: bool
    input_panel_min_height: int
    input_panel_init_height: int
    input_auto_focus: bool
    #: Pixels, or a CSS length.
    output_max_width: Union[int, str]


SESSION = COMMANDS.add(CommandKind[SessionSpec]("session", SessionSpec))
OUTPUT = COMMANDS.add(CommandKind[OutputCommandSpec]("output", OutputCommandSpec))
OUTPUT_CTL = COMMANDS.add(
    CommandKind[OutputCtlSpec]("output_ctl", OutputCtlSpec, "Scope operations, one per command.")
)
INPUT_GROUP = COMMANDS.add(CommandKind[InputGroupSpec]("input_group", InputGroupSpec))
UPDATE_INPUT = COMMANDS.add(CommandKind[UpdateInputSpec]("update_input", UpdateInputSpec))
DESTROY_FORM = COMMANDS.add(
    CommandKind[EmptySpec]("destroy_form", EmptySpec, "Removes form ``task_id``.")
)
FORM_READY = COMMANDS.add(
    CommandKind[EmptySpec](
        "form_ready",
        EmptySpec,
        "Form ``task_id`` may be used again: a submission was refused (its errors came first "
        "in ``update_input``), so the client ends its busy state.",
    )
)
TOAST = COMMANDS.add(CommandKind[ToastSpec]("toast", ToastSpec))
SET_ENV = COMMANDS.add(CommandKind[SetEnvSpec]("set_env", SetEnvSpec))
CLOSE_SESSION = COMMANDS.add(
    CommandKind[EmptySpec](
        "close_session",
        EmptySpec,
        "The session is over: the client stops without reconnecting and disables its controls.",
    )
)
