"""A Flask app whose webio_core page works under gunicorn with several worker processes.

Every worker has its own endpoint (imported in each, or, with ``--preload``, in the master
before it forks the workers: each worker then connects to Redis on its own, when it first
needs to). They share sessions through the Redis that ``WEBIO_REDIS_URL`` names: a page's poll
or POST may reach any worker, and one that does not run its session carries it to the one that
does. Run it behind nginx (docs/scaling/nginx-http.conf)::

    WEBIO_REDIS_URL=redis://127.0.0.1:6379/0 \\
        gunicorn -w 3 --preload -b 127.0.0.1:8001 flask_app:app

plugins/webio-redis/tests/test_http_workers.py runs this very file.
"""

import os

from flask import Flask

from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform.flask import webio_view


def echo() -> None:
    # The process that runs the session (its owner), whichever worker a request reaches.
    put_text(f"session runs in process {os.getpid()}")
    while True:
        said = input("say")
        put_text(f"echo {said}")


app = Flask(__name__)
app.add_url_rule("/", "echo", webio_view(echo), methods=["GET", "POST", "OPTIONS"])
