"""Starting a server: a taken port and a misspelt option fail before serving, with one clear
message, whatever framework the backend wraps; options the framework takes still reach it."""

from __future__ import annotations

import socket

import pytest

from webio_core.output import put_text
from webio_core.server import ServerStartError, UnknownOptionError, create_server

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")


def hello() -> None:
    put_text("hello")


def test_a_taken_port_is_one_clear_error(webio_backend):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(ServerStartError) as raised:
            create_server(hello, backend=webio_backend, host="127.0.0.1", port=port)
    message = str(raised.value)
    assert message.startswith(f"port {port} is already in use on 127.0.0.1: ")
    assert "port=0" in message and "\n" not in message
    # The fixture checks that nothing of the failed start is left running.


def test_a_misspelt_option_names_the_one_meant(webio_backend):
    with pytest.raises(UnknownOptionError, match="did you mean 'reconnect_timeout'"):
        create_server(hello, backend=webio_backend, host="127.0.0.1", reconect_timeout=30)
    with pytest.raises(TypeError, match=f"'max_payload_sise' for the {webio_backend} backend"):
        create_server(hello, backend=webio_backend, host="127.0.0.1", max_payload_sise="1M")


def test_an_option_nobody_knows_lists_what_is_known(webio_backend):
    with pytest.raises(UnknownOptionError) as raised:
        create_server(hello, backend=webio_backend, host="127.0.0.1", xyzzy=1)
    message = str(raised.value)
    assert message.startswith(f"unknown option 'xyzzy' for the {webio_backend} backend. ")
    assert "reconnect_timeout" in message and "trusted_proxies" in message
