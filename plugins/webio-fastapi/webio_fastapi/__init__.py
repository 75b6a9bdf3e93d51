"""The FastAPI backend of webio-core (Starlette routes served by uvicorn, sessions over
WebSocket). Its public API is :mod:`webio_fastapi.api`, also reachable as
``webio_core.platform.fastapi``."""
