"""Savings dashboard: pins (inputs on the page) that update the result as they change.

python examples/gallery/savings.py
"""

from __future__ import annotations

from webio_core import start_server
from webio_core.input import FLOAT
from webio_core.output import put_markdown, put_table, use_scope
from webio_core.pin import pin, pin_wait_change, put_input, put_select, put_slider

FIELDS = ["monthly", "rate", "years"]


def balance_by_year(monthly: float, rate: float, years: int) -> list[float]:
    """The balance at the end of each year, saving ``monthly`` at ``rate`` % a year."""
    balance, result = 0.0, []
    for _ in range(years):
        for _ in range(12):
            balance = balance * (1 + rate / 100 / 12) + monthly
        result.append(balance)
    return result


def show(monthly: float, rate: float, years: int) -> None:
    balances = balance_by_year(monthly, rate, years)
    saved = monthly * 12 * years
    with use_scope("result", clear=True):
        put_markdown(f"### After {years} years: {balances[-1]:,.2f}")
        put_markdown(f"You put in {saved:,.2f}; interest adds {balances[-1] - saved:,.2f}.")
        put_table([["Year", "Balance"], *[[y, f"{b:,.2f}"] for y, b in enumerate(balances, 1)]])


def savings() -> None:
    """Savings

    A small dashboard: change a value, the table follows."""
    put_markdown("## Savings plan")
    put_input("monthly", type=FLOAT, label="Saved each month", value="100")
    put_slider("rate", label="Interest rate (% a year)", value=3, min_value=0, max_value=10)
    put_select("years", [5, 10, 20, 30], label="Years", value=10)
    while True:
        try:
            show(float(pin.monthly or 0), float(pin.rate), int(pin.years))
        except ValueError:
            with use_scope("result", clear=True):
                put_markdown("Please enter a number.")
        pin_wait_change(*FIELDS)


if __name__ == "__main__":
    start_server(savings, port=8080)
