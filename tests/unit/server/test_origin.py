"""The default origin policy (webio_core.server.origin) and its use through the plugin hook."""

from __future__ import annotations

import pytest

from webio_core import hookimpl
from webio_core.plugins import Plugins
from webio_core.server.origin import OriginPolicy, is_same_origin, webio_check_origin

HOST = "app.example.com:8080"


@pytest.mark.parametrize(
    ("origin", "host", "same"),
    [
        ("http://app.example.com:8080", HOST, True),
        ("https://APP.example.com:8080", HOST, True),
        ("http://app.example.com", HOST, False),
        ("http://app.example.com:8081", HOST, False),
        ("http://evil.example", HOST, False),
        ("null", HOST, False),
        ("", HOST, False),
        ("http://[::1", HOST, False),
        ("http://app.example.com:8080", "", False),
    ],
)
def test_is_same_origin(origin, host, same):
    assert is_same_origin(origin, host) is same


def test_same_origin_always_allowed():
    refuse_all = OriginPolicy(check_origin=lambda origin: False)
    assert webio_check_origin("http://app.example.com:8080", HOST, refuse_all) is True


def test_other_origins_refused_by_default():
    assert not webio_check_origin("http://evil.example", HOST, OriginPolicy())
    assert not webio_check_origin("null", HOST, OriginPolicy())


def test_allowed_origins_patterns():
    policy = OriginPolicy(allowed_origins=("http://*.example.com", "https://exact.test"))
    assert webio_check_origin("http://app.example.com", HOST, policy)
    assert webio_check_origin("http://a.b.example.com", HOST, policy)
    assert webio_check_origin("https://exact.test", HOST, policy)
    assert not webio_check_origin("https://app.example.com", HOST, policy)
    assert not webio_check_origin("http://example.com.evil.org", HOST, policy)
    assert not webio_check_origin("http://app.example.com:9000", HOST, policy)
    assert not webio_check_origin("https://exact.test.evil.org", HOST, policy)


def test_check_origin_overrides_allowed_origins():
    seen = []

    def check(origin):
        seen.append(origin)
        return origin.endswith(".trusted.test")

    policy = OriginPolicy(allowed_origins=("http://*.example.com",), check_origin=check)
    assert webio_check_origin("http://x.trusted.test", HOST, policy)
    assert not webio_check_origin("http://app.example.com", HOST, policy)
    assert seen == ["http://x.trusted.test", "http://app.example.com"]


def test_check_origin_result_is_a_bool():
    policy = OriginPolicy(check_origin=lambda origin: "yes" if "good" in origin else "")
    assert webio_check_origin("http://good.test", HOST, policy) is True
    assert webio_check_origin("http://bad.test", HOST, policy) is False


class _Veto:
    """A third-party policy plugin refusing one origin."""

    @hookimpl
    def webio_check_origin(self, origin, host, policy):
        return False if origin == "http://banned.example.com" else None


def test_any_plugin_can_veto():
    plugins = Plugins(load_entry_points=False)
    veto = _Veto()
    policy = OriginPolicy(allowed_origins=("http://*.example.com",))
    assert plugins.origin_allowed("http://ok.example.com", HOST, policy)
    assert plugins.origin_allowed("http://banned.example.com", HOST, policy)
    plugins.pm.register(veto, name="veto")
    assert plugins.origin_allowed("http://ok.example.com", HOST, policy)
    assert not plugins.origin_allowed("http://banned.example.com", HOST, policy)
    assert not plugins.origin_allowed("http://evil.test", HOST, policy)
