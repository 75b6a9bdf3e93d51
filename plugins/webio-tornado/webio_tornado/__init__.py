"""The Tornado backend of webio-core. Its public API is :mod:`webio_tornado.api`, also
reachable as ``webio_core.platform.tornado``."""
