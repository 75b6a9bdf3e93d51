"""The HTTP link's wait for the app's reply, against the session waking it from its own
activity lock (a lock-order deadlock once hung a POST and its session thread for good)."""

from __future__ import annotations

import threading
import time
from typing import Any

from webio_core.server.http import REPLY_WAIT_SECONDS, HttpLink
from webio_core.session.activity import Activity
from webio_core.session.info import SessionInfo
from webio_core.session.threadbased import ThreadSession


class _Observer:
    def session_created(self, session: Any) -> None: ...
    def session_closed(self, session: Any) -> None: ...
    def task_error(self, session: Any, error: BaseException) -> None: ...


class _AppStartsWhileAsked(Activity):
    """The first time it is asked whether the app has settled, the app's thread starts work
    (a busy flip: the session wakes the link under the activity lock) before the answer."""

    __slots__ = ("app_thread",)

    def settled(self, seq: int) -> bool:
        if not hasattr(self, "app_thread"):
            self.app_thread = threading.Thread(target=self.main, args=(True,), daemon=True)
            self.app_thread.start()
            time.sleep(0.1)  # the app thread takes the activity lock and wakes the link
        return super().settled(seq)


def test_a_wake_from_the_activity_lock_does_not_deadlock_a_waiting_request():
    session = ThreadSession("index", lambda: None, SessionInfo(), _Observer())
    activity = _AppStartsWhileAsked(session._notify_busy)
    session.activity = activity
    link = HttpLink(session)
    session.attach(link)

    request = threading.Thread(target=link.wait_for_reply, args=(0, 1), daemon=True)
    request.start()
    request.join(REPLY_WAIT_SECONDS + 5)
    activity.app_thread.join(5)

    assert not request.is_alive(), "the request waiting for the reply is stuck"
    assert not activity.app_thread.is_alive(), "the app thread waking the link is stuck"


def test_a_reply_wakes_the_waiting_request_before_the_deadline():
    session = ThreadSession("index", lambda: None, SessionInfo(), _Observer())
    link = HttpLink(session)
    session.attach(link)
    session.activity.main(True)  # working on event 1
    session.activity.taken(1)
    started = time.monotonic()
    request = threading.Thread(target=link.wait_for_reply, args=(session.outbox.last_seq, 1))
    request.start()
    time.sleep(0.05)
    with session.activity.waiting_for_user():  # the app asks the user again: settled
        request.join(REPLY_WAIT_SECONDS)
    assert not request.is_alive()
    assert time.monotonic() - started < REPLY_WAIT_SECONDS
