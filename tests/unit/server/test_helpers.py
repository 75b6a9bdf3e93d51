"""webio_core.server.helpers: platform functions declared by PyWebIO's parameter names."""

from __future__ import annotations

import inspect

import pytest

from webio_core.server import Backend, Endpoint, route_helper, server_helper

BACKEND = Backend("fixture", "http", "nowhere:create_server", "nowhere")


def test_server_helper_passes_framework_settings_as_one_dict():
    @server_helper(BACKEND, "cdn debug max_payload_size", settings="framework_options")
    def app(endpoint, framework_options):
        return endpoint, framework_options

    assert str(inspect.signature(app)) == (
        "(applications, cdn=True, debug=False, max_payload_size='200M', **framework_options)"
    )
    endpoint, settings = app(lambda: None, max_payload_size="1K", NAME="value", OTHER=2)
    assert isinstance(endpoint, Endpoint)
    assert endpoint.options.max_payload_bytes == 1024
    assert settings == {"NAME": "value", "OTHER": 2}
    assert app(lambda: None)[1] == {}


def test_helpers_without_settings_take_no_other_keyword():
    @route_helper(BACKEND, "cdn")
    def view(endpoint):
        return endpoint

    assert str(inspect.signature(view)) == "(applications, cdn=True)"
    with pytest.raises(TypeError):
        view(lambda: None, NAME="value")
