"""A FastAPI (Starlette) app whose webio_core page works under uvicorn with several worker
processes. The fastapi backend serves sessions over WebSocket: a session lives in the worker
that accepted its first socket, and a page whose socket dropped reconnects to it
(``reconnect_timeout``) through whichever worker accepts the new socket, which carries it to the
session's worker through the Redis that ``WEBIO_REDIS_URL`` names::

    WEBIO_REDIS_URL=redis://127.0.0.1:6379/0 \\
        uvicorn --workers 2 --host 127.0.0.1 --port 8001 fastapi_app:app

plugins/webio-redis/tests/test_uvicorn_workers.py runs this very file.
"""

import os

from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform.fastapi import asgi_app


def echo() -> None:
    # The process that runs the session (its owner), whichever worker a socket reaches.
    put_text(f"session runs in process {os.getpid()}")
    while True:
        said = input("say")
        put_text(f"echo {said}")


# Every worker imports this file and builds its own endpoint.
app = asgi_app(echo, reconnect_timeout=60)
