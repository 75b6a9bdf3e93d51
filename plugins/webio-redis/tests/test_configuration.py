"""How a server is pointed at Redis, and what it says when it cannot be."""

from __future__ import annotations

import pytest
from webio_redis import RedisUnavailable

from webio_core.plugins import RegistryNotFoundError, get_plugins
from webio_core.server import Endpoint
from webio_core.server.scaleout import SharedSessions
from webio_core.testing import serve
from webio_core.testing.programs import free_port
from webio_core.testing.redis import RedisServer


def app() -> None:
    pass


def test_a_redis_that_is_not_there_is_a_clear_error_at_start() -> None:
    url = f"redis://:secret@127.0.0.1:{free_port()}/0"
    with pytest.raises(RedisUnavailable) as error, serve(app, registry_url=url):
        pass
    message = str(error.value)
    assert f"Cannot reach Redis at redis://***@127.0.0.1:{url.rsplit(':', 1)[1]}" in message
    assert "secret" not in message and "WEBIO_REDIS_URL" in message


def test_the_environment_variable_gives_the_default_url(
    redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEBIO_REDIS_URL", redis_server.url)
    with serve(app) as server:
        assert isinstance(server.endpoint.registry, SharedSessions)


def test_a_url_no_plugin_handles_names_what_to_install() -> None:
    backend = get_plugins().backend("tornado")
    with pytest.raises(RegistryNotFoundError, match="nats://") as error:
        Endpoint.for_server(app, backend, registry_url="nats://127.0.0.1:4222")
    assert "Install one" in str(error.value)
