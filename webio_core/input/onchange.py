"""``onchange`` callbacks and ``input_update``: while a field's callback runs, the fields of
its form (or pin) can be changed from it, and only from it."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Optional

from ..protocol.commands import UPDATE_INPUT, UpdateInputSpec

if TYPE_CHECKING:
    from ..session.base import Session
    from .fields.base import Field

logger = logging.getLogger("webio_core.input")


@dataclass(frozen=True)
class _Trigger:
    session: Session
    task_id: str
    fields: Mapping[str, Field]
    name: str


_trigger: ContextVar[Optional[_Trigger]] = ContextVar("webio_onchange_trigger", default=None)


def run_onchange(
    session: Session, task_id: str, fields: Mapping[str, Field], name: str, value: Any
) -> None:
    """Call field ``name``'s onchange with ``value``. A failing callback is logged and the
    form goes on; a coroutine callback (coroutine sessions) runs in the background."""
    callback = fields[name].onchange
    if callback is None:
        return
    trigger = _Trigger(session, task_id, fields, name)
    token = _trigger.set(trigger)
    try:
        result = callback(value)
    except Exception:
        logger.exception("onchange of field %r failed", name)
        return
    finally:
        _trigger.reset(token)
    if inspect.isawaitable(result):
        _run_in_background(session, trigger, result)


def _run_in_background(session: Session, trigger: _Trigger, awaitable: Any) -> None:
    run_async: Optional[Callable[[Any], Any]] = getattr(session, "run_async", None)
    if run_async is None:
        awaitable.close()
        logger.error("onchange of field %r is a coroutine; use a plain function", trigger.name)
        return

    async def with_trigger() -> None:
        token = _trigger.set(trigger)
        try:
            await awaitable
        finally:
            _trigger.reset(token)

    run_async(with_trigger())


def input_update(name: Optional[str] = None, **spec: Any) -> None:
    """Change a field of the form whose ``onchange`` is running: ``name`` (by default the field
    that changed) gets the given parameters, e.g. ``input_update('city', options=cities)``.
    ``type``, ``name``, ``validate``, ``action``, ``code``, ``onchange``, ``multiple``,
    ``buttons``, ``inline`` and the size limits cannot change."""
    trigger = _trigger.get()
    if trigger is None:
        raise RuntimeError("input_update() can only be called in an onchange callback")
    target_name = trigger.name if name is None else name
    target = trigger.fields.get(target_name)
    if target is None:
        raise ValueError(f"input_update(): no field {target_name!r} in this form")
    attributes = target.update({k: v for k, v in spec.items() if v is not None})
    update = UpdateInputSpec(target_name=target_name, attributes=attributes)  # type: ignore[typeddict-item]
    trigger.session.send(UPDATE_INPUT(update, trigger.task_id))
