"""Sessions shared by several webio-core processes through Redis.

Install it (``pip install webio-core[redis]``) and point every process at the same Redis with
``WEBIO_REDIS_URL=redis://host:6379/0`` or ``start_server(..., registry_url=...)``: a request or
a socket for a session that another process runs is carried there and answered by it (see
:mod:`webio_core.server.scaleout`).
"""

from .bus import RedisBus, RedisUnavailable

__all__ = ["RedisBus", "RedisUnavailable"]
