"""What the page shows of an app's exception in debug mode: a popup with the traceback.

The traceback goes out as the text of a code output and an alert, never as HTML: it quotes
the app's data (exception messages often do), which must not become markup on the page.
"""

from __future__ import annotations

import logging
import secrets
import traceback
from typing import TYPE_CHECKING

from ..protocol import Message
from ..protocol.commands import TOAST, toast_spec
from ..protocol.feedback import POPUP, PopupSpec
from ..protocol.layouts import ALERT, AlertOutput
from ..protocol.outputs import CODE, TEXT, CodeOutput, TextOutput
from .errors import SessionClosedException

if TYPE_CHECKING:
    from .base import Session
    from .link import SessionObserver

logger = logging.getLogger("webio_core.session")

#: What the user sees when the app fails (the traceback goes to the log, and in debug mode to
#: the page as well).
APP_ERROR_MESSAGE = "An internal error occurred in the application."


def report_app_error(session: Session, error: BaseException, observer: SessionObserver) -> None:
    """The app of ``session`` failed: the traceback goes to the log, then to ``observer``; the
    page gets a toast that stays, and in debug mode the traceback in a popup as well."""
    logger.error(
        "session %s: app %r raised an exception",
        session.short_id,
        session.app_name,
        exc_info=(type(error), error, error.__traceback__),
    )
    observer.task_error(session, error)
    messages = [TOAST(toast_spec(APP_ERROR_MESSAGE, duration=0, color="error"))]
    if session.debug:
        messages.append(traceback_popup(APP_ERROR_MESSAGE, error))
    try:
        for message in messages:
            session.send(message)
    except SessionClosedException:
        pass


def format_error(error: BaseException) -> str:
    """The traceback of ``error`` as Python prints it (chained exceptions included)."""
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def traceback_popup(title: str, error: BaseException) -> Message:
    """A large popup titled ``title``: the error's one-line summary in a red alert, then the
    whole traceback in a code block."""
    summary = "".join(traceback.format_exception_only(type(error), error)).strip()
    alert = ALERT.build(
        AlertOutput(
            color="danger",
            contents=[TEXT.build(TextOutput(content=summary, inline=False))],
            closable=False,
        )
    )
    code = CODE.build(CodeOutput(content=format_error(error), language="", rows=None))
    spec = PopupSpec(
        title=title,
        contents=[alert, code],
        size="large",
        implicit_close=True,
        closable=True,
        # The popup's body is a scope; a name no app would choose.
        scope=f"webio-{secrets.token_hex(6)}",
    )
    return POPUP(spec)
