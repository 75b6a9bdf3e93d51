"""What the page shows of an app's exception in debug mode: a popup with the traceback.

The traceback goes out as the text of a code output and an alert, never as HTML: it quotes
the app's data (exception messages often do), which must not become markup on the page.
"""

from __future__ import annotations

import secrets
import traceback

from ..protocol import Message
from ..protocol.commands import TOAST, toast_spec
from ..protocol.feedback import POPUP, PopupSpec
from ..protocol.layouts import ALERT, AlertOutput
from ..protocol.outputs import CODE, TEXT, CodeOutput, TextOutput

#: What the user sees when the app fails (the traceback goes to the log, and in debug mode to
#: the page as well).
APP_ERROR_MESSAGE = "An internal error occurred in the application."


def error_messages(error: BaseException, debug: bool) -> list[Message]:
    """What the page gets when the app fails: a toast that stays, and in debug mode the
    traceback in a popup."""
    toast = TOAST(toast_spec(APP_ERROR_MESSAGE, duration=0, color="error"))
    return [toast, traceback_popup(APP_ERROR_MESSAGE, error)] if debug else [toast]


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
