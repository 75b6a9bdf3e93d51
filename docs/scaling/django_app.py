"""A Django app whose webio_core page works under gunicorn with several worker processes.

``wsgi_app`` configures Django itself (no settings module needed) and builds the endpoint, once
in each worker (or in the master with ``--preload``: each worker still connects to Redis on
its own). The workers share sessions through the Redis that ``WEBIO_REDIS_URL`` names; run it
behind nginx (docs/scaling/nginx-http.conf)::

    WEBIO_REDIS_URL=redis://127.0.0.1:6379/0 \\
        gunicorn -w 3 --threads 4 -b 127.0.0.1:8001 django_app:application

plugins/webio-redis/tests/test_http_workers.py runs this very file.
"""

import os

from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform.django import wsgi_app


def echo() -> None:
    # The process that runs the session (its owner), whichever worker a request reaches.
    put_text(f"session runs in process {os.getpid()}")
    while True:
        said = input("say")
        put_text(f"echo {said}")


application = wsgi_app(echo)
