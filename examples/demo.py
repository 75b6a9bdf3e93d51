"""The webio_core demo: three small apps on one server.

    python examples/demo.py                    # Tornado (WebSocket), http://localhost:8080/
    python examples/demo.py --backend flask    # the same apps on Flask (HTTP polling)

Open the printed address; the index page links to each app.
"""

from __future__ import annotations

import argparse
import asyncio

from webio_core import config, start_server
from webio_core.input import NUMBER, actions, input
from webio_core.output import put_buttons, put_markdown, put_text, toast, use_scope
from webio_core.session import local


def check_name(name: str) -> str | None:
    if len(name.strip()) < 2:
        return "Please enter at least two characters."
    return None


def check_age(age: int) -> str | None:
    return None if 0 < age < 150 else "Please enter your real age."


@config(title="Greeting")
def greeting() -> None:
    """Greeting

    A form with validation."""
    name = input("What is your name?", validate=check_name, placeholder="Ada Lovelace")
    age = input("How old are you?", type=NUMBER, validate=check_age)
    put_markdown(f"## Hello, {name}!")
    put_text(f"In ten years you will be {age + 10}.")
    if actions("Shall I say it again?", ["Yes", "No"]) == "Yes":
        put_text(f"Hello again, {name}.")


def show_count() -> None:
    with use_scope("count", clear=True):
        put_text(f"Count: {local.count}")


def change(amount: int) -> None:
    local.count += amount
    show_count()
    if local.count == 10:
        toast("Ten!", color="success")


@config(title="Counter")
def counter() -> None:
    """Counter

    Buttons with callbacks, and state kept in session.local."""
    local.count = 0
    put_markdown("## Counter")
    show_count()
    put_buttons(
        [{"label": "+1", "value": 1}, {"label": "-1", "value": -1, "color": "secondary"}],
        onclick=change,
        serial_mode=True,  # clicks update the count one after another, never concurrently
    )


@config(title="Async countdown")
async def countdown() -> None:
    """Async countdown

    A coroutine app: await input() and asyncio together."""
    seconds = await input("Count down from?", type=NUMBER, value=3, required=True)
    with use_scope("clock"):
        for left in range(seconds, 0, -1):
            with use_scope("tick", clear=True):
                put_text(f"{left}…")
            await asyncio.sleep(1)
        with use_scope("tick", clear=True):
            put_text("Lift-off!")


APPS = {"greeting": greeting, "counter": counter, "countdown": countdown}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default=None, help="tornado (default), flask, ...")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    start_server(APPS, port=args.port, host=args.host, backend=args.backend)


if __name__ == "__main__":
    main()
