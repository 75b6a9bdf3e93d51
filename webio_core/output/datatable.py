"""``put_datatable``: records in a sortable, selectable grid, and the functions that change
its rows later by ``instance_id``."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Mapping, Sequence
from typing import Any, Callable, Optional, Union

from ..protocol import ProtocolError
from ..protocol.datatable import (
    DATATABLE,
    DATATABLE_INSERT,
    DATATABLE_REMOVE,
    DATATABLE_UPDATE,
    DatatableInsertSpec,
    DatatableOutput,
    DatatableRemoveSpec,
    DatatableUpdateSpec,
)
from ..session.context import get_current_session
from ._base import Output, ScopeArg

logger = logging.getLogger("webio_core.output")

#: Above this many records ``height="auto"`` would draw every row; a fixed height is used.
AUTO_HEIGHT_LIMIT = 1000
THEMES = ("balham", "alpine", "alpine-dark", "balham-dark", "material")

RowId = Union[str, int]
Action = Optional[tuple[str, Callable[[Any], Any]]]


class JSFunction:
    """A JavaScript function for ``column_args`` / ``grid_args``: the parameter names, then
    the body. It is the app's own code, run in the page as ``run_js`` code is."""

    def __init__(self, *params_and_body: str) -> None:
        if not params_and_body:
            raise ValueError("JSFunction needs at least a body")
        self.params = [str(p) for p in params_and_body[:-1]]
        self.body = str(params_and_body[-1])


def _with_functions(value: Any, key: str) -> Any:
    """``value`` as JSON, ``JSFunction`` objects marked with ``key`` for the client."""

    def encode(obj: Any) -> Any:
        if isinstance(obj, JSFunction):
            return {key: True, "params": obj.params, "body": obj.body}
        raise TypeError(f"{type(obj).__name__} cannot be sent to a datatable")

    return json.loads(json.dumps(value, default=encode))


def _records(records: Sequence[Mapping[str, Any]]) -> list[Any]:
    return json.loads(json.dumps(list(records), default=str))


def _row_ids_decoder(actions: list[Action]) -> Callable[[Any], tuple[Any, ...]]:
    def decode(data: Any) -> tuple[Any, ...]:
        action = data["action"]
        if action is not None and not (0 <= action < len(actions) and actions[action]):
            raise ProtocolError(f"no datatable action {action}")
        return data["rows"], action

    return decode


def put_datatable(
    records: Sequence[Mapping[str, Any]],
    actions: Optional[Sequence[Action]] = None,
    onselect: Optional[Callable[[Any], Any]] = None,
    multiple_select: bool = False,
    id_field: Union[str, Sequence[str], None] = None,
    height: Union[str, int] = 600,
    theme: str = "balham",
    cell_content_bar: bool = True,
    instance_id: str = "",
    column_order: Union[Sequence[str], Mapping[str, Any], None] = None,
    column_args: Optional[Mapping[Union[str, tuple[str, ...]], Mapping[str, Any]]] = None,
    grid_args: Optional[Mapping[str, Any]] = None,
    enterprise_key: str = "",
    scope: ScopeArg = None,
    position: int = -1,
) -> Output:
    """Show ``records`` (dicts, possibly nested) in a grid the user can sort, filter and select
    rows of. ``actions`` are ``(label, callback)`` buttons for the selection (None: a
    separator); ``onselect`` is called with the selected row id (a list of ids with
    ``multiple_select``). Rows are identified by ``id_field`` (a key, or a path of keys) or by
    their index. ``instance_id`` names the table for ``datatable_update`` / ``_insert`` /
    ``_remove``. ``column_order``, ``column_args`` and ``grid_args`` pass options to the grid
    (JavaScript functions as ``JSFunction``)."""
    if enterprise_key:
        raise ValueError("the grid's enterprise edition is not bundled; leave enterprise_key empty")
    if not records and not column_order:
        raise ValueError("column_order is needed when records is empty")
    if theme not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}")
    actions = list(actions or [])
    css_height = f"{height}px" if isinstance(height, int) else str(height)
    if css_height == "auto" and len(records) > AUTO_HEIGHT_LIMIT:
        logger.warning("put_datatable: too many rows for height='auto'; using 600px")
        css_height = "600px"
    key = f"__webio_js_function_{secrets.token_hex(4)}__"
    column_args = column_args or {}

    def on_action(rows: Any, action: Optional[int]) -> Any:
        chosen = rows if multiple_select else (rows[0] if rows else None)
        if action is None:
            return None if onselect is None else onselect(chosen)
        entry = actions[action]
        assert entry is not None
        return entry[1](chosen)

    session = get_current_session()
    callback_id = None
    if actions or onselect is not None:
        callback_id = session.register_callback(on_action, _row_ids_decoder(actions))
    order = dict.fromkeys(column_order) if isinstance(column_order, (list, tuple)) else column_order
    spec = DatatableOutput(
        records=_records(records),
        callback_id=callback_id,
        actions=[None if a is None else str(a[0]) for a in actions],
        on_select=onselect is not None,
        multiple_select=bool(multiple_select),
        id_field=None
        if id_field is None
        else ([id_field] if isinstance(id_field, str) else list(id_field)),
        column_order=_with_functions(order, key) if order is not None else None,
        field_args=_with_functions(
            {k: v for k, v in column_args.items() if isinstance(k, str)}, key
        ),
        path_args=_with_functions(
            [[list(k), v] for k, v in column_args.items() if not isinstance(k, str)], key
        ),
        grid_args=_with_functions(dict(grid_args or {}), key),
        js_function_key=key,
        cell_content_bar=bool(cell_content_bar),
        height=css_height,
        theme=theme,
        instance_id=str(instance_id),
    )
    return Output(DATATABLE, spec, scope, position)


def datatable_update(
    instance_id: str,
    data: Any,
    row_id: Optional[RowId] = None,
    field: Union[str, Sequence[str], None] = None,
) -> None:
    """Replace every record (``data`` a list of dicts), one row's record (``row_id``), or one
    cell (``row_id`` and ``field``, a key or a path of keys)."""
    if row_id is None and field is not None:
        raise ValueError("datatable_update(): field needs a row_id")
    path = None if field is None else ([field] if isinstance(field, str) else list(field))
    spec = DatatableUpdateSpec(
        instance_id=str(instance_id),
        data=json.loads(json.dumps(data, default=str)),
        row_id=row_id,
        field=path,
    )
    get_current_session().send(DATATABLE_UPDATE(spec))


def datatable_insert(instance_id: str, records: Any, row_id: Optional[RowId] = None) -> None:
    """Insert a record or a list of records before row ``row_id`` (at the end by default)."""
    rows = records if isinstance(records, (list, tuple)) else [records]
    spec = DatatableInsertSpec(instance_id=str(instance_id), records=_records(rows), row_id=row_id)
    get_current_session().send(DATATABLE_INSERT(spec))


def datatable_remove(instance_id: str, row_ids: Union[RowId, Sequence[RowId]]) -> None:
    """Remove the rows of these ids (one id or a list)."""
    ids: list[RowId] = list(row_ids) if isinstance(row_ids, (list, tuple)) else [row_ids]  # type: ignore[list-item]
    get_current_session().send(
        DATATABLE_REMOVE(DatatableRemoveSpec(instance_id=str(instance_id), row_ids=ids))
    )
