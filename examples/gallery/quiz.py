"""A multiple-choice quiz: one question at a time, then the score and the corrections.

python examples/gallery/quiz.py
"""

from __future__ import annotations

from webio_core import start_server
from webio_core.input import radio
from webio_core.output import put_error, put_markdown, put_success

QUESTIONS = [
    ("What is 7 x 8?", ["54", "56", "64"], "56"),
    ("Which planet is closest to the Sun?", ["Venus", "Mercury", "Mars"], "Mercury"),
    ("What is the chemical symbol of iron?", ["Ir", "In", "Fe"], "Fe"),
]


def quiz() -> None:
    """Quiz

    Three questions, then your score."""
    put_markdown("## Quiz")
    score = 0
    for number, (question, options, right) in enumerate(QUESTIONS, start=1):
        answer = radio(f"{number}. {question}", options=options, required=True)
        if answer == right:
            score += 1
            put_success(f"{number}. {answer}: right")
        else:
            put_error(f"{number}. {answer}: wrong, the answer is {right}")
    put_markdown(f"**You scored {score} of {len(QUESTIONS)}.**")


if __name__ == "__main__":
    start_server(quiz, port=8080)
