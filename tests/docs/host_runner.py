"""Serves a documentation example's web application, as its framework's own server would.

Run as ``python host_runner.py FRAMEWORK FILE OBJECT PORT``: FILE is the example's code, OBJECT
the global holding the application (for django, FILE is the project's urls.py). A process of its
own per example, because Django's settings and the frameworks' event loops are per process.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from webio_core.cli.run import import_file

HOST = "127.0.0.1"


def serve_wsgi(app: Any, port: int) -> None:
    from werkzeug.serving import make_server

    make_server(HOST, port, app, threaded=True).serve_forever()


def serve_django(path: Path, port: int) -> None:
    import django
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="docs-example-only",
        ROOT_URLCONF="docs_example_urls",
        ALLOWED_HOSTS=[HOST, "localhost"],
        # The middleware of a new project that matters here: CSRF protection stays on.
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
        ],
        INSTALLED_APPS=[],
    )
    django.setup()
    import_file(path, "docs_example_urls")
    from django.core.wsgi import get_wsgi_application

    serve_wsgi(get_wsgi_application(), port)


def serve_asgi(app: Any, port: int) -> None:
    import uvicorn

    uvicorn.run(app, host=HOST, port=port, log_level="warning")


def serve_aiohttp(app: Any, port: int) -> None:
    from aiohttp import web

    web.run_app(app, host=HOST, port=port, print=None)


def serve_tornado(app: Any, port: int) -> None:
    async def main() -> None:
        app.listen(port, HOST)
        await asyncio.Event().wait()

    asyncio.run(main())


def main(framework: str, path: Path, name: str, port: int) -> None:
    if framework == "django":
        serve_django(path, port)
        return
    app = getattr(import_file(path, "docs_example"), name)
    servers = {
        "flask": serve_wsgi,
        "fastapi": serve_asgi,
        "aiohttp": serve_aiohttp,
        "tornado": serve_tornado,
    }
    servers[framework](app, port)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
