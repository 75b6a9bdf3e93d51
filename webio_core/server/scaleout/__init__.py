"""Scale-out: several processes serving the same apps, with no sticky routing.

A session lives in the process that runs its app (its *owner*). A page's request or socket may
land on any process; one that does not own the session carries it to the owner over a
:class:`Bus` (a broker's publish/subscribe, from a plugin such as webio-redis), and the owner's
own transport answers it. :class:`SharedSessions` is the registry that does this; a broker
plugin only provides the bus (see the ``webio_session_registry`` hook), usually a
:class:`ThreadedBus` with the broker's calls. This package is the SDK of broker plugins, as
:mod:`webio_core.server` is that of backends.
"""

from .bus import Bus, BusListener, BusUnavailable
from .sessions import SharedSessions
from .threaded import CONNECT_TIMEOUT_SECONDS, ThreadedBus

__all__ = [
    "CONNECT_TIMEOUT_SECONDS",
    "Bus",
    "BusListener",
    "BusUnavailable",
    "SharedSessions",
    "ThreadedBus",
]
