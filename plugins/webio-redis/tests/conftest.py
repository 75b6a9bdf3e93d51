from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from webio_core.testing.redis import RedisServer


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A real redis-server on loopback, shared by a module's tests."""
    with RedisServer(Path(tmp_path_factory.mktemp("redis"))) as server:
        yield server
