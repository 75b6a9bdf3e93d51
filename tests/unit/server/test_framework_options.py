"""Which options reach a backend's framework, and the error for those no layer knows."""

from __future__ import annotations

import logging
import sys

import pytest

from webio_core.server import Backend, FrameworkOptions, UnknownOptionError
from webio_core.server.framework_options import framework_settings


def backend(options: FrameworkOptions) -> Backend:
    return Backend("sample", "http", "nowhere:create_server", "nowhere", options)


def test_listed_names_signature_parameters_and_pattern_are_accepted():
    declared = FrameworkOptions(
        "alpha beta", parameters_of="textwrap:TextWrapper", pattern="[A-Z][A-Z_]*"
    )
    settings = {"alpha": 1, "width": 40, "SOME_SETTING": True}
    assert framework_settings(backend(declared), settings) == settings
    assert "width" in declared.known_names() and "beta" in declared.known_names()


def test_parameters_without_a_default_are_not_options():
    # textwrap.indent(text, prefix, predicate=None): only predicate is an option.
    known = FrameworkOptions(parameters_of="textwrap:indent").known_names()
    assert known == ["predicate"]


def test_declaring_parameters_imports_nothing_until_a_server_is_created():
    sys.modules.pop("xml.dom.minidom", None)
    backend(FrameworkOptions(parameters_of="xml.dom.minidom:parseString"))
    assert "xml.dom.minidom" not in sys.modules


def test_a_misspelt_core_option_names_the_core_option():
    with pytest.raises(UnknownOptionError) as raised:
        framework_settings(backend(FrameworkOptions("alpha")), {"reconect_timeout": 30})
    assert str(raised.value) == (
        "unknown option 'reconect_timeout' for the sample backend: "
        "did you mean 'reconnect_timeout'?"
    )


def test_a_misspelt_framework_option_names_the_framework_option():
    declared = FrameworkOptions(parameters_of="textwrap:TextWrapper")
    with pytest.raises(TypeError, match="did you mean 'break_long_words'"):
        framework_settings(backend(declared), {"break_long_word": False})


def test_an_unknown_option_far_from_all_lists_both_layers():
    declared = FrameworkOptions("alpha beta", pattern="[A-Z]+", what="Sample settings")
    with pytest.raises(UnknownOptionError) as raised:
        framework_settings(backend(declared), {"xyzzy": 1})
    message = str(raised.value)
    assert message.startswith("unknown option 'xyzzy' for the sample backend. webio_core options:")
    assert "reconnect_timeout" in message
    assert message.endswith("Sample settings: alpha, beta; any name matching '[A-Z]+'.")


def test_a_backend_declaring_nothing_takes_nothing():
    with pytest.raises(UnknownOptionError, match="framework options: none"):
        framework_settings(backend(FrameworkOptions()), {"xyzzy": 1})


def test_ignored_options_are_dropped_with_their_reason_when_true(caplog):
    declared = FrameworkOptions("alpha", ignored={"use_reloader": "debug=True restarts"})
    with caplog.at_level(logging.WARNING, logger="webio_core.server"):
        kept = framework_settings(backend(declared), {"alpha": 1, "use_reloader": True})
        assert framework_settings(backend(declared), {"use_reloader": False}) == {}
    assert kept == {"alpha": 1}
    assert [r.getMessage() for r in caplog.records] == [
        "use_reloader=True is ignored by webio_core's sample backend: debug=True restarts"
    ]
