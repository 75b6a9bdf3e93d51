"""An app to run as several processes behind nginx (docs/scaling/nginx-round-robin.conf), which
sends each request and socket to the next process in turn. The processes share their sessions
through Redis: a page whose socket lands on a process that does not run its session is served
by the one that does.

    export WEBIO_REDIS_URL=redis://127.0.0.1:6379/0
    python app.py 8001 &   # one process per `server` line of the nginx file
    python app.py 8002 &
    python app.py 8003 &
    python app.py 8004 aiohttp   # a second argument picks the backend (tornado by default)

Each page says which process runs its session: reload the page a few times to see nginx spread
new sessions over the processes; stop and start nginx and the page comes back to its session,
whichever process its new socket reaches.
"""

from __future__ import annotations

import os
import sys

from webio_core import start_server
from webio_core.input import input
from webio_core.output import put_text

USAGE = "usage: WEBIO_REDIS_URL=redis://HOST:PORT/0 python app.py PORT [BACKEND]"


def main() -> None:
    redis_url = os.environ.get("WEBIO_REDIS_URL")
    if not redis_url or len(sys.argv) not in (2, 3) or not sys.argv[1].isdigit():
        sys.exit(USAGE)
    port = int(sys.argv[1])
    backend = sys.argv[2] if len(sys.argv) == 3 else "tornado"

    def echo() -> None:
        put_text(f"process on port {port}")
        while True:
            said = input("Say something")
            put_text(f"echo {said}")

    start_server(
        echo,
        port=port,
        host="127.0.0.1",  # only nginx, on this machine, reaches the processes
        backend=backend,
        registry_url=redis_url,
        # A page whose socket dropped (nginx restarted, a process died) may come back to its
        # session this long, through any process.
        reconnect_timeout=60,
    )


if __name__ == "__main__":
    main()
