"""Class grades: a table of marks, filtered by the user, with a summary per subject.

python examples/gallery/grades.py
"""

from __future__ import annotations

from statistics import mean

from webio_core import start_server
from webio_core.input import select
from webio_core.output import put_markdown, put_scope, put_table, use_scope

MARKS = [
    {"student": "Ada", "subject": "Maths", "mark": 18},
    {"student": "Ada", "subject": "Physics", "mark": 15},
    {"student": "Alan", "subject": "Maths", "mark": 16},
    {"student": "Alan", "subject": "Physics", "mark": 9},
    {"student": "Grace", "subject": "Maths", "mark": 12},
    {"student": "Grace", "subject": "Physics", "mark": 17},
]
PASS_MARK = 10


def summary() -> list[list[object]]:
    rows: list[list[object]] = [["Subject", "Average", "Best", "Failed"]]
    for subject in sorted({m["subject"] for m in MARKS}):
        marks = [m["mark"] for m in MARKS if m["subject"] == subject]
        failed = sum(mark < PASS_MARK for mark in marks)
        rows.append([subject, f"{mean(marks):.1f}", max(marks), failed])
    return rows


def grades() -> None:
    """Class grades

    A table per student and a summary per subject."""
    put_markdown("## Summary")
    put_table(summary())
    put_scope("marks")
    students = ["Everyone", *sorted({m["student"] for m in MARKS})]
    while True:
        who = select("Show the marks of", students)
        rows = [m for m in MARKS if who in ("Everyone", m["student"])]
        with use_scope("marks", clear=True):
            put_markdown(f"## Marks: {who}")
            # Rows as dicts: the header pairs each column's title with its key.
            put_table(
                rows, header=[("Student", "student"), ("Subject", "subject"), ("Mark", "mark")]
            )


if __name__ == "__main__":
    start_server(grades, port=8080)
