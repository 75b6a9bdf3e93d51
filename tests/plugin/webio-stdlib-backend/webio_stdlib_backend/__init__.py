"""A webio-core backend on the standard library only: HTTP polling on ``ThreadingHTTPServer``.

Users never import this package: it is found through its ``webio_core`` entry point, as
``start_server(app, backend="stdlib")``. Its public API is :mod:`webio_stdlib_backend.api`.
"""
