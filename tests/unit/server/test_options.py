"""webio_core.server.options: sizes and the options every backend shares."""

from __future__ import annotations

import pytest

from webio_core.server.options import ServerOptions, parse_size


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ("200M", 200 * 1024 * 1024),
        ("40K", 40 * 1024),
        ("1G", 1024**3),
        ("3m", 3 * 1024 * 1024),
        (" 2k ", 2048),
        ("1.5K", 1536),
        ("500", 500),
        (500, 500),
        (1, 1),
    ],
)
def test_parse_size(size, expected):
    assert parse_size(size) == expected


@pytest.mark.parametrize(
    "size",
    [
        "",
        "K",
        "abc",
        "12Q",
        "M200",
        "-1K",
        "0",
        "0K",
        0,
        -5,
        "inf",
        "nan",
        "1e400",
        "0.5",
        "0.0001K",
    ],
)
def test_parse_size_refuses_bad_values(size):
    with pytest.raises(ValueError):
        parse_size(size)


@pytest.mark.parametrize("size", [None, True, 1.5, [1], b"1K"])
def test_parse_size_refuses_other_types(size):
    with pytest.raises(TypeError):
        parse_size(size)


def test_server_options_defaults():
    options = ServerOptions()
    assert options.max_payload_bytes == 200 * 1024 * 1024
    assert options.reconnect_timeout == 0
    assert options.origin_policy.allowed_origins == ()
    assert options.origin_policy.check_origin is None


def test_server_options_parse_and_check():
    check = lambda origin: True  # noqa: E731
    options = ServerOptions(
        max_payload_size="1K", allowed_origins=["http://a.example"], check_origin=check
    )
    assert options.max_payload_bytes == 1024
    assert options.origin_policy.allowed_origins == ("http://a.example",)
    assert options.origin_policy.check_origin is check
    with pytest.raises(ValueError):
        ServerOptions(reconnect_timeout=-1)
    with pytest.raises(ValueError):
        ServerOptions(max_payload_size="lots")
    with pytest.raises(ValueError, match="remote_access"):
        ServerOptions(remote_access=True)


def test_split_separates_framework_settings():
    common, settings = ServerOptions.split(
        {"cdn": False, "max_payload_size": "2K", "websocket_ping_interval": 10, "threaded": True}
    )
    assert common == {"cdn": False, "max_payload_size": "2K"}
    assert ServerOptions(**common).max_payload_bytes == 2048
    assert settings == {"websocket_ping_interval": 10, "threaded": True}
    # Derived fields are not options.
    _, settings = ServerOptions.split({"max_payload_bytes": 1})
    assert settings == {"max_payload_bytes": 1}


def test_allowed_origins_given_as_a_string_is_refused() -> None:
    # Read as characters, "https://*.example.com" would contain the pattern "*": every origin.
    with pytest.raises(TypeError, match=r"list of origin patterns, such as \['https://\*"):
        ServerOptions(allowed_origins="https://*.example.com")  # type: ignore[arg-type]
    assert ServerOptions(allowed_origins=["https://*.example.com"]).origin_policy.allowed_origins
