"""The webio_core demo: six small apps on one server.

    python examples/demo.py                    # Tornado (WebSocket), http://localhost:8080/
    python examples/demo.py --backend flask    # the same apps on Flask (HTTP polling)

Open the printed address; the index page links to each app.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from webio_core import config, start_server
from webio_core.input import (
    NUMBER,
    actions,
    checkbox,
    file_upload,
    input,
    input_group,
    input_update,
    radio,
    select,
    slider,
    textarea,
)
from webio_core.output import (
    close_popup,
    popup,
    put_buttons,
    put_code,
    put_datatable,
    put_info,
    put_markdown,
    put_progressbar,
    put_row,
    put_success,
    put_table,
    put_tabs,
    put_text,
    set_progressbar,
    span,
    toast,
    use_scope,
)
from webio_core.pin import pin, pin_wait_change, put_textarea
from webio_core.session import download, hold, local


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


TOPPINGS = {"Pizza": ["Cheese", "Mushrooms", "Olives"], "Salad": ["Feta", "Walnuts", "Croutons"]}


def choose_dish(dish: str) -> None:
    input_update("toppings", options=TOPPINGS[dish])


def check_order(order: dict) -> tuple[str, str] | None:
    if order["dish"] == "Salad" and order["spice"] > 2:
        return ("spice", "A salad that hot? Please pick at most 2.")
    return None


@config(title="Order form")
def order() -> None:
    """Order form

    Every kind of input in one group: choices, a slider, a file, and a field that follows
    another."""
    data = input_group(
        "Your order",
        [
            input("Name", name="name", required=True, datalist=["Ada", "Grace", "Alan"]),
            select("Dish", list(TOPPINGS), name="dish", onchange=choose_dish),
            checkbox("Toppings", TOPPINGS["Pizza"], name="toppings", inline=True),
            radio("Size", ["Small", "Large"], name="size", value="Small"),
            slider("Spice", name="spice", value=1, max_value=5),
            textarea("Notes", name="notes", rows=2, placeholder="Anything else?"),
            file_upload(
                "A photo of your table (optional)", name="photo", accept="image/*", max_size="5M"
            ),
        ],
        validate=check_order,
        cancelable=True,
    )
    if data is None:
        put_text("Order cancelled.")
        return
    photo = data.pop("photo")
    put_markdown(f"## Thank you, {data.pop('name')}!")
    put_code(repr(data), language="python")
    if photo is not None:
        put_text(f"Photo received: {photo['filename']}, {len(photo['content'])} bytes.")


@config(title="Markdown previewer")
def previewer() -> None:
    """Markdown previewer

    A pin widget read as it changes."""
    put_markdown("## Markdown previewer\nType on the left; the preview follows.")
    put_textarea(
        "source", label="Markdown", rows=8, code={"mode": "markdown"}, value="**Hello** _world_"
    )
    with use_scope("preview"):
        put_markdown(pin.source)
    while True:
        change = pin_wait_change("source")
        with use_scope("preview", clear=True):
            put_markdown(change["value"])


SALES = [
    {"id": 1, "region": "North", "product": "Tea", "units": 120, "price": 3.5},
    {"id": 2, "region": "North", "product": "Coffee", "units": 80, "price": 4.0},
    {"id": 3, "region": "South", "product": "Tea", "units": 95, "price": 3.5},
    {"id": 4, "region": "South", "product": "Cocoa", "units": 40, "price": 4.5},
    {"id": 5, "region": "West", "product": "Coffee", "units": 150, "price": 4.0},
]


def sales_csv() -> bytes:
    lines = ["region,product,units,price"]
    lines += [f"{s['region']},{s['product']},{s['units']},{s['price']}" for s in SALES]
    return ("\n".join(lines) + "\n").encode()


def show_details() -> None:
    with popup("How the report is made", size="large"):
        put_markdown("Each sale is *units x price*; regions add up their sales.")
        put_buttons(["Close"], onclick=lambda _: close_popup())


@config(title="Sales report")
def report() -> None:
    """Sales report

    Tables, tabs, a datatable, a progress bar, a popup and a download."""
    put_markdown("## Sales report")
    put_progressbar("loading", label="Adding up the sales")
    for step in range(1, 6):
        time.sleep(0.1)  # a slow query, in a real report
        set_progressbar("loading", step / 5)
    revenue = {s["region"]: 0.0 for s in SALES}
    for sale in SALES:
        revenue[sale["region"]] += sale["units"] * sale["price"]
    put_row(
        [
            put_info(f"{len(SALES)} sales"),
            None,
            put_success(f"Revenue {sum(revenue.values()):.2f}"),
        ],
        size="1fr 10px 1fr",
    )
    by_region = [["Region", "Revenue"], *[[r, f"{v:.2f}"] for r, v in revenue.items()]]
    by_region.append([span(f"{len(revenue)} regions", col=2)])
    put_tabs(
        [
            {"title": "By region", "content": put_table(by_region)},
            {"title": "About", "content": put_markdown("Made with `webio_core.output`.")},
        ]
    )
    put_datatable(
        SALES,
        id_field="id",
        height="auto",
        onselect=lambda row_id: toast(f"Sale {row_id} selected"),
    )
    put_buttons(
        ["Details", "Download CSV"],
        onclick=[show_details, lambda: download("sales.csv", sales_csv())],
    )
    hold()


APPS = {
    "greeting": greeting,
    "counter": counter,
    "countdown": countdown,
    "order": order,
    "previewer": previewer,
    "report": report,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default=None, help="tornado (default), flask, ...")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    start_server(APPS, port=args.port, host=args.host, backend=args.backend)


if __name__ == "__main__":
    main()
