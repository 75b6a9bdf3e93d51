"""The datatable: records in a sortable, selectable grid drawn by a grid library the client
loads when the first datatable is shown, and the commands that change its rows.

Nested record dicts are columns of columns: a field is named by its path of keys. Values of
``field_args``, ``path_args`` and ``grid_args`` may be the app's JavaScript functions, as
``{js_function_key: true, "params": [...], "body": "..."}`` (``JSFunction``).
"""

from __future__ import annotations

from typing import Annotated, Any, Optional, Union

from typing_extensions import TypedDict

from .commands import COMMANDS
from .events import EVENTS
from .outputs import OUTPUTS
from .registry import CommandKind, EventKind, TypedKind
from .validate import Length, Range

#: A row's id: the value of its ``id_field``, or its index in the records.
RowId = Union[Annotated[str, Length(0, 1024)], int]


class DatatableOutput(TypedDict):
    """A datatable of ``records``. Selecting rows (when ``on_select``) or clicking action
    button *i* sends ``datatable_action`` with ``task_id = callback_id``."""

    records: list[Any]
    callback_id: Optional[str]
    #: Labels of the action buttons shown for a selection; null is a separator.
    actions: list[Optional[str]]
    on_select: bool
    multiple_select: bool
    #: Path of keys of the id field; null: rows are numbered.
    id_field: Optional[list[str]]
    #: The columns shown and their order, as a tree of names (null: those of the first record).
    column_order: Optional[dict[str, Any]]
    #: Column properties by field name.
    field_args: dict[str, Any]
    #: ``[path, properties]`` pairs for nested fields.
    path_args: list[Any]
    grid_args: dict[str, Any]
    js_function_key: str
    cell_content_bar: bool
    #: A CSS height, or "auto".
    height: str
    theme: str
    #: The name commands use for this datatable ("" for none).
    instance_id: str


class DatatableUpdateSpec(TypedDict):
    """Replaces every record (``row_id`` null), one row's record, or one cell (``field``, a
    path of keys) of datatable ``instance_id``."""

    instance_id: str
    data: Any
    row_id: Optional[RowId]
    field: Optional[list[str]]


class DatatableInsertSpec(TypedDict):
    """Inserts ``records`` before row ``row_id`` (at the end when null)."""

    instance_id: str
    records: list[Any]
    row_id: Optional[RowId]


class DatatableRemoveSpec(TypedDict):
    """Removes the rows of these ids."""

    instance_id: str
    row_ids: list[RowId]


class DatatableActionData(TypedDict):
    """The selected rows' ids, and the action button clicked (null: the selection changed)."""

    rows: Annotated[list[RowId], Length(0, 100_000)]
    action: Optional[Annotated[int, Range(min=0)]]


DATATABLE = OUTPUTS.add(TypedKind[DatatableOutput]("datatable", DatatableOutput))
DATATABLE_UPDATE = COMMANDS.add(
    CommandKind[DatatableUpdateSpec]("datatable_update", DatatableUpdateSpec)
)
DATATABLE_INSERT = COMMANDS.add(
    CommandKind[DatatableInsertSpec]("datatable_insert", DatatableInsertSpec)
)
DATATABLE_REMOVE = COMMANDS.add(
    CommandKind[DatatableRemoveSpec]("datatable_remove", DatatableRemoveSpec)
)
DATATABLE_ACTION = EVENTS.add(
    EventKind[DatatableActionData]("datatable_action", DatatableActionData, "", target="callback")
)
