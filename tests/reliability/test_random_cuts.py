"""Zero loss and zero duplicates in both directions while the connection fails at random:
WebSocket cuts without a close frame, HTTP replies lost after the server handled the request,
POSTs that fail before they leave."""

from __future__ import annotations

from webio_core.input import input
from webio_core.output import put_buttons, put_text
from webio_core.testing import app_variant, serve
from webio_core.testing.faults import open_page

CLICKS = 150
OUTPUTS_PER_CLICK = 3
FAULTS = {"websocket": {"cut": 0.25}, "http": {"lose": 0.25, "fail": 0.15}}


def clicks_app(received: list[int]):
    def scenario():
        def on_click(value: int) -> None:
            received.append(value)
            for k in range(OUTPUTS_PER_CLICK):
                put_text(f"echo {value}.{k}")

        put_buttons([(str(i), i) for i in range(CLICKS)], onclick=on_click, serial_mode=True)
        yield input("keep the page")

    return scenario


def buttons(page) -> str:
    output = page.find("output")
    return output["spec"]["output"]["callback_id"]


def test_nothing_lost_or_duplicated_under_random_faults(webio_backend, session_kind):
    seed = 1
    received: list[int] = []
    app = app_variant(clicks_app(received), session_kind)
    with serve(app, backend=webio_backend, reconnect_timeout=30) as server:
        transport = server.transport
        page = open_page(server.url, transport, seed=seed, **FAULTS[transport])
        try:
            page.receive(lambda p: p.find("output") is not None)
            callback = buttons(page.page)
            for i in range(CLICKS):
                page.send_event("callback", callback, i)
            expected = [f"echo {i}.{k}" for i in range(CLICKS) for k in range(OUTPUTS_PER_CLICK)]
            page.receive(lambda p: len(p.outputs()) >= len(expected), timeout=60)
        finally:
            page.close()
    faults = getattr(page, "cuts", 0) + getattr(page, "lost_replies", 0)
    assert faults > 10, "the test must actually fail the connection"
    assert received == list(range(CLICKS)), "client to server: lost, repeated or out of order"
    assert page.page.outputs() == expected, "server to client: lost, repeated or out of order"
