"""Resolvers: the forms of ``applications`` start_server accepts, the default index, and which
app a request is for."""

from __future__ import annotations

import pytest

from webio_core.server import AppTarget, NamedApps, Request
from webio_core.server.resolvers import normalize_applications


def alpha():
    pass


def beta():
    pass


async def gamma():
    pass


def test_single_function_is_index():
    assert normalize_applications(alpha) == {"index": alpha}


def test_list_uses_function_names_and_adds_index():
    apps = normalize_applications([alpha, beta, gamma])
    assert list(apps) == ["alpha", "beta", "gamma", "index"]
    assert apps["alpha"] is alpha and apps["gamma"] is gamma
    assert callable(apps["index"]) and apps["index"] not in (alpha, beta, gamma)


def test_tuple_accepted():
    assert list(normalize_applications((alpha,))) == ["alpha", "index"]


def test_dict_keeps_names_and_adds_index():
    apps = normalize_applications({"a": alpha, "b": beta})
    assert apps["a"] is alpha and apps["b"] is beta
    assert "index" in apps


def test_own_index_kept():
    apps = normalize_applications({"index": beta, "a": alpha})
    assert apps == {"index": beta, "a": alpha}
    named_index = normalize_applications([_named("index"), alpha])
    assert named_index["index"].__name__ == "index"


def _named(name):
    def func():
        pass

    func.__name__ = name
    return func


def test_input_dict_not_mutated():
    given = {"a": alpha}
    normalize_applications(given)
    assert given == {"a": alpha}


@pytest.mark.parametrize(
    ("applications", "error"),
    [
        ([], ValueError),
        ({}, ValueError),
        ([lambda: None], ValueError),
        ({"": alpha}, TypeError),
        ({1: alpha}, TypeError),
        ({"a": "not callable"}, TypeError),
        ("alpha", TypeError),
        (None, TypeError),
        (42, TypeError),
    ],
)
def test_bad_applications(applications, error):
    with pytest.raises(error):
        normalize_applications(applications)


def test_index_app_metadata():
    index = normalize_applications({"a": alpha})["index"]
    assert index.__doc__ == "Applications"
    assert not AppTarget("index", index).is_coroutine


def test_is_coroutine():
    assert AppTarget("gamma", gamma).is_coroutine
    assert not AppTarget("alpha", alpha).is_coroutine


def request(path="/", **query):
    return Request.build("GET", query.items(), [], path=path)


def test_named_apps_resolve_by_query_argument():
    apps = NamedApps({"a": alpha, "g": gamma})
    assert apps.resolve(request(app="a")) == AppTarget("a", alpha)
    assert apps.resolve(request(app="g")) == AppTarget("g", gamma)
    assert apps.resolve(request()).name == "index"
    assert apps.resolve(request(app="nope")) is None


def test_named_apps_take_any_path_unless_limited():
    mounted = NamedApps({"a": alpha})
    assert mounted.resolve(request("/tool", app="a")) == AppTarget("a", alpha)
    own_server = NamedApps({"a": alpha}, paths=("/",))
    assert own_server.resolve(request("/", app="a")) == AppTarget("a", alpha)
    assert own_server.resolve(request("/elsewhere", app="a")) is None


def test_named_apps_give_their_names_as_they_are_now():
    resolver = NamedApps({"a": alpha})
    assert resolver.app_names() == ["a", "index"]
    resolver.apps["b"] = beta
    assert resolver.app_names() == ["a", "index", "b"]


def test_an_endpoint_knows_app_names_only_from_a_resolver_that_has_them():
    from webio_core.server import Endpoint
    from webio_core.testing.loopback import LOOPBACK_BACKEND

    class OnePath:
        def resolve(self, request):
            return AppTarget("/tool", alpha) if request.path == "/tool" else None

    assert Endpoint(NamedApps([alpha, beta]), backend=LOOPBACK_BACKEND).app_names() == [
        "alpha",
        "beta",
        "index",
    ]
    assert Endpoint(OnePath(), backend=LOOPBACK_BACKEND).app_names() is None
