"""The Flask backend of webio-core. Its public API is :mod:`webio_flask.api`, also reachable
as ``webio_core.platform.flask``."""
