"""``session.info`` as a real browser fills it: a phone's user agent is seen as mobile, the
browser's language and the server's host and origin are the page's."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import expect

from webio_core.output import put_text
from webio_core.session import hold, info

from .conftest import WIDGET_BACKEND

PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def describe() -> None:
    agent = info.user_agent
    put_text(f"mobile={agent.is_mobile} pc={agent.is_pc} browser={agent.browser.family}")
    put_text(f"os={agent.os.family} device={agent.device.family}")
    put_text(f"language={info.user_language} host={info.server_host} origin={info.origin}")
    put_text(f"backend={info.backend} protocol={info.protocol} ip={info.user_ip}")
    hold()


def test_a_phone_is_seen_as_mobile(browser: Any, _e2e_servers: Any):
    context = browser.new_context(user_agent=PHONE, locale="fr-FR", is_mobile=True)
    page = context.new_page()
    try:
        with _e2e_servers.host(WIDGET_BACKEND, describe) as hosted:
            page.goto(f"{hosted.url}?app={hosted.name}")
            expect(page.get_by_text("mobile=True pc=False browser=Mobile Safari")).to_be_visible()
            expect(page.get_by_text("os=iOS device=iPhone")).to_be_visible()
            host = urlsplit(hosted.url).netloc
            expect(
                page.get_by_text(f"language=fr-FR host={host} origin=http://{host}")
            ).to_be_visible()
            expect(page.get_by_text(f"backend={WIDGET_BACKEND} protocol=")).to_contain_text(
                "ip=127.0.0.1"
            )
            context.close()
    finally:
        context.close()


def test_a_desktop_browser_is_not_mobile(open_app: Any):
    with open_app(describe) as page:
        expect(page.get_by_text("mobile=False pc=True")).to_be_visible()
