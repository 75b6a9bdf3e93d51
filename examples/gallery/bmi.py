"""BMI calculator: two numbers in one form, checked before they are accepted.

python examples/gallery/bmi.py      # then open http://127.0.0.1:8080/
"""

from __future__ import annotations

from typing import Optional

from webio_core import start_server
from webio_core.input import FLOAT, input, input_group
from webio_core.output import put_markdown, put_table

# Upper bounds of each category (WHO adult classification).
CATEGORIES = [(18.5, "Underweight"), (25.0, "Normal weight"), (30.0, "Overweight")]


def category(bmi: float) -> str:
    for upper, name in CATEGORIES:
        if bmi < upper:
            return name
    return "Obese"


def check_height(cm: float) -> Optional[str]:
    return None if 50 <= cm <= 250 else "Height must be between 50 and 250 cm."


def check_weight(kg: float) -> Optional[str]:
    return None if 10 <= kg <= 400 else "Weight must be between 10 and 400 kg."


def bmi_calculator() -> None:
    """BMI calculator

    Body mass index from height and weight."""
    data = input_group(
        "Your measurements",
        [
            input("Height (cm)", name="height", type=FLOAT, validate=check_height),
            input("Weight (kg)", name="weight", type=FLOAT, validate=check_weight),
        ],
    )
    bmi = data["weight"] / (data["height"] / 100) ** 2
    put_markdown(f"## Your BMI is {bmi:.1f}")
    put_table(
        [
            ["Category", "BMI"],
            ["Underweight", "below 18.5"],
            ["Normal weight", "18.5 to 25"],
            ["Overweight", "25 to 30"],
            ["Obese", "30 and above"],
        ],
    )
    put_markdown(f"You are in the **{category(bmi)}** range.")


if __name__ == "__main__":
    start_server(bmi_calculator, port=8080)
