"""config(): per-app decorator vs process-wide defaults, and titles from docstrings."""

from __future__ import annotations

import importlib

import pytest

from webio_core import config
from webio_core.config import AppConfig, app_config

# ``webio_core.config`` the attribute is the config() function (as ``pywebio.config`` is); the
# module of the same name is only reachable through the import system.
config_module = importlib.import_module("webio_core.config")


@pytest.fixture(autouse=True)
def _fresh_global_config(monkeypatch):
    """config() called directly changes a process-wide default: isolate each test."""
    monkeypatch.setattr(config_module, "_global_config", AppConfig())


def plain():
    pass


def test_no_config():
    assert app_config(plain) == AppConfig()


def test_decorator_configures_one_app():
    @config(title="Shop", description="Buy", css_style="body{}", js_file="a.js")
    def shop():
        pass

    settings = app_config(shop)
    assert (settings.title, settings.description, settings.css_style) == ("Shop", "Buy", "body{}")
    assert settings.js_file == ("a.js",)
    # The decorator leaves the other apps alone.
    assert app_config(plain) == AppConfig()


def test_global_call_configures_every_app():
    config(title="Everywhere", css_file=["x.css", "y.css"])
    assert app_config(plain).title == "Everywhere"
    assert app_config(plain).css_file == ("x.css", "y.css")

    @config(title="Mine")
    def mine():
        pass

    # The app's own settings win; the global ones fill the rest.
    assert app_config(mine).title == "Mine"
    assert app_config(mine).css_file == ("x.css", "y.css")
    assert app_config(plain).title == "Everywhere"


def test_global_calls_merge():
    config(title="T")
    config(description="D")
    assert (app_config(plain).title, app_config(plain).description) == ("T", "D")


def test_stacked_decorators_merge():
    @config(title="Title")
    @config(description="Description")
    def app():
        pass

    assert (app_config(app).title, app_config(app).description) == ("Title", "Description")


def test_docstring_title_and_description():
    def documented():
        """Inventory

        Keeps track of things.
        On two lines."""

    settings = app_config(documented)
    assert settings.title == "Inventory"
    assert settings.description == "Keeps track of things.\nOn two lines."


def test_docstring_title_only():
    def documented():
        """Just a title"""

    assert app_config(documented).title == "Just a title"
    assert app_config(documented).description is None


def test_decorator_overrides_docstring_and_docstring_overrides_global():
    config(title="Global", description="Global description")

    def documented():
        """From the docstring"""

    @config(title="From the decorator")
    def decorated():
        """From the docstring"""

    assert app_config(documented).title == "From the docstring"
    assert app_config(documented).description == "Global description"
    assert app_config(decorated).title == "From the decorator"
