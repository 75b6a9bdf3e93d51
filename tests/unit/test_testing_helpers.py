"""Helpers of the public test kit (webio_core.testing)."""

from __future__ import annotations

from webio_core.testing.helpers import ResponseHeaders


def test_response_header_names_are_looked_up_whatever_their_case():
    headers = ResponseHeaders({"Webio-Session-Id": "abc", "content-type": "text/plain"})
    assert headers["webio-session-id"] == headers["WEBIO-SESSION-ID"] == "abc"
    assert headers.get("Content-Type") == "text/plain"
    assert "webio-session-id" in headers and "webio-more" not in headers
    assert headers.get("webio-more", "none") == "none"
    assert list(headers) == ["Webio-Session-Id", "content-type"], "names are kept as sent"
    assert isinstance(headers, dict)
