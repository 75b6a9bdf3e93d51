"""Course registration: a form whose fields are checked one by one, then together.

python examples/gallery/registration.py
"""

from __future__ import annotations

import re
from typing import Any, Optional

from webio_core import start_server
from webio_core.input import NUMBER, checkbox, input, input_group, select
from webio_core.output import put_markdown, put_table

COURSES = ["Python basics", "Data analysis", "Evening photography"]
ADULTS_ONLY = {"Evening photography"}
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)


def check_email(address: str) -> Optional[str]:
    return None if EMAIL.fullmatch(address) else "This does not look like an e-mail address."


def check_age(age: int) -> Optional[str]:
    return None if 8 <= age <= 120 else "Age must be between 8 and 120."


def check_form(data: dict[str, Any]) -> Optional[tuple[str, str]]:
    # Rules that involve several fields: return the field to mark and the message.
    if data["course"] in ADULTS_ONLY and data["age"] < 18:
        return ("course", f"{data['course']} is for adults only.")
    return None


def registration() -> None:
    """Course registration

    A form with checks on each field and on the whole."""
    data = input_group(
        "Register for a course",
        [
            input("Full name", name="name", required=True),
            input("E-mail", name="email", validate=check_email),
            input("Age", name="age", type=NUMBER, validate=check_age),
            select("Course", COURSES, name="course"),
            checkbox("Newsletter", ["Send me the monthly newsletter"], name="news"),
        ],
        validate=check_form,
    )
    put_markdown(f"## Thank you, {data['name']}!")
    put_table(
        [
            ["Course", data["course"]],
            ["Confirmation sent to", data["email"]],
            ["Newsletter", "yes" if data["news"] else "no"],
        ]
    )


if __name__ == "__main__":
    start_server(registration, port=8080)
