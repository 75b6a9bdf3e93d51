"""Several apps on one server: ``?app=name`` picks one; an index lists them when there is none."""

from __future__ import annotations

import json
import re

import pytest

from webio_core import config
from webio_core.input import input
from webio_core.output import put_text
from webio_core.testing import http_request, serve

pytestmark = pytest.mark.usefixtures("webio_no_leaked_threads")


def _page_config(html: str) -> dict:
    match = re.search(
        r'<script type="application/json" id="webio-config">(.*?)</script>', html, re.S
    )
    assert match, "the page carries its configuration"
    return json.loads(match.group(1))


def _links(page):
    return [spec for spec in page.outputs() if spec["type"] == "link"]


def test_dict_of_apps(webio_backend, make_app):
    def alpha():
        put_text("this is alpha")

    def beta():
        name = yield input("beta asks")
        put_text(f"beta got {name}")

    apps = {"a": make_app(alpha), "b": make_app(beta), "index": make_app(lambda: put_text("home"))}
    with serve(apps, backend=webio_backend) as server:
        with server.client(app="a") as user:
            user.should_see("this is alpha")
            user.should_not_see("home")
        with server.client(app="b") as user:
            user.submit("x")
            user.should_see("beta got x")
        with server.client() as user:
            user.should_see("home")
            user.should_not_see("this is alpha")


def test_list_of_apps_uses_function_names(webio_backend, make_app):
    def first_app():
        put_text("first here")

    def second_app():
        put_text("second here")

    with serve([make_app(first_app), make_app(second_app)], backend=webio_backend) as server:
        with server.client(app="second_app") as user:
            user.should_see("second here")
            user.should_not_see("first here")
        with server.client(app="first_app") as user:
            user.should_see("first here")


def test_default_index_lists_apps(webio_backend, make_app):
    def shop():
        """The shop

        Buy things."""
        put_text("shop")

    def blog():
        put_text("blog")

    apps = {"shop": make_app(shop), "blog": make_app(blog)}
    with serve(apps, backend=webio_backend) as server, server.client() as user:
        links = user.wait_until(
            lambda page: _links(page) if len(_links(page)) == 2 else None, "links to both apps"
        )
        assert sorted(link["app"] for link in links) == ["blog", "shop"]
        assert all(link["url"] is None for link in links)
        # The docstring's title names the app, its description follows the link.
        assert {link["app"]: link["name"] for link in links} == {"shop": "The shop", "blog": "blog"}
        user.should_see("Buy things.")


def test_own_index_is_not_replaced(webio_backend, make_app):
    apps = {"index": make_app(lambda: put_text("my own index")), "other": make_app(lambda: None)}
    with serve(apps, backend=webio_backend) as server, server.client() as user:
        user.should_see("my own index")
        assert _links(user.page) == []


def test_page_names_the_app(webio_backend, make_app):
    @config(title="Beta </title> title")
    def beta():
        put_text("b")

    apps = {"alpha": make_app(lambda: None), "beta": make_app(beta)}
    with serve(apps, backend=webio_backend) as server:
        status, headers, body = http_request(server.url, query={"app": "beta"})
        assert status == 200
        assert headers["Content-Type"].startswith("text/html")
        html = body.decode()
        assert _page_config(html)["app"] == "beta"
        assert _page_config(html)["transport"] == server.transport
        assert "<title>Beta &lt;/title&gt; title</title>" in html

        status, _, body = http_request(server.url)
        assert status == 200
        assert _page_config(body.decode())["app"] == "index"


def test_unknown_app_page_is_404(webio_host, make_app):
    with webio_host(make_app(lambda: None)) as server:
        status, headers, _ = http_request(server.url, query={"app": "<b>nope</b>"})
        assert status == 404
        # The name is echoed in plain text, never as HTML.
        assert headers["Content-Type"].startswith("text/plain")
