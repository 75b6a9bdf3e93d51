"""The aiohttp backend of webio-core. Its public API is :mod:`webio_aiohttp.api`, also
reachable as ``webio_core.platform.aiohttp``."""
