"""Inputs: round trips of every field type, validation, ``required`` and ``actions()``."""

from __future__ import annotations

from webio_core.input import FLOAT, NUMBER, PASSWORD, TEXT, actions, input
from webio_core.output import put_text


def test_text_round_trip(serve_app, make_app):
    def scenario():
        name = yield input("What is your name?", placeholder="Ada")
        put_text(f"Hello, {name}! ({type(name).__name__})")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        field = form.field()
        assert field["type"] == TEXT
        assert field["label"] == "What is your name?"
        assert field["placeholder"] == "Ada"
        user.submit("Ada Lovelace")
        user.should_see("Hello, Ada Lovelace! (str)")
        # The answered form is taken off the page.
        user.wait_until(lambda page: not page.forms, "the form to be destroyed")


def test_number_returns_int(serve_app, make_app):
    def scenario():
        age = yield input("Age", type=NUMBER)
        put_text(f"{age!r} is {type(age).__name__}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        assert user.form().field()["type"] == NUMBER
        user.submit("42")
        user.should_see("42 is int")


def test_number_refuses_non_integers(serve_app, make_app):
    def scenario():
        age = yield input("Age", type=NUMBER)
        put_text(f"{age!r} is {type(age).__name__}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.submit("4.5")
        assert user.wait_until(lambda page: form.error(), "an error on the field")
        assert form.task_id in user.page.forms, "the form must stay for another answer"
        user.submit("-7", form=form)
        user.should_see("-7 is int")


def test_float_round_trip(serve_app, make_app):
    def scenario():
        ratio = yield input("Ratio", type=FLOAT)
        put_text(f"{ratio!r} is {type(ratio).__name__}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        assert user.form().field()["type"] == FLOAT
        user.submit("2.5")
        user.should_see("2.5 is float")


def test_password_round_trip(serve_app, make_app):
    def scenario():
        secret = yield input("Password", type=PASSWORD)
        put_text(f"length {len(secret)}, {type(secret).__name__}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        assert user.form().field()["type"] == PASSWORD
        user.submit("s3cr3t!")
        user.should_see("length 7, str")
        user.should_not_see("s3cr3t!")


def test_successive_inputs_in_order(serve_app, make_app):
    def scenario():
        first = yield input("First")
        second = yield input("Second")
        put_text(f"{first} then {second}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        first = user.form()
        assert first.field()["label"] == "First"
        user.submit("one")
        second = user.wait_until(
            lambda page: next(
                (f for f in page.forms.values() if f.field()["label"] == "Second"), None
            ),
            "the second form",
        )
        assert second.task_id != first.task_id
        user.submit("two", form=second)
        user.should_see("one then two")


def test_validation_error_then_accepted(serve_app, make_app):
    def too_young(age):
        return "You must be 18 or older." if age < 18 else None

    def scenario():
        age = yield input("Age", type=NUMBER, validate=too_young)
        put_text(f"accepted {age}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.submit("12")
        error = user.wait_until(lambda page: form.error(), "the validation error")
        assert error == "You must be 18 or older."
        assert form.task_id in user.page.forms
        user.should_not_see("accepted")

        user.submit("30", form=form)
        user.should_see("accepted 30")
        user.wait_until(lambda page: form.task_id not in page.forms, "the form to be destroyed")


def test_validation_on_blur(serve_app, make_app):
    def no_digits(word):
        return "No digits." if any(c.isdigit() for c in word) else None

    def scenario():
        word = yield input("Word", validate=no_digits)
        put_text(f"word {word}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        name = form.field()["name"]
        user.blur(name, "abc1")
        assert user.wait_until(lambda page: form.error(), "the blur error") == "No digits."
        user.blur(name, "abc")
        # A field that passes on blur loses its error mark.
        user.wait_until(lambda page: form.error() is None, "the error to go away")
        user.submit("abc")
        user.should_see("word abc")


def test_required_refuses_empty(serve_app, make_app):
    def scenario():
        name = yield input("Name", required=True)
        put_text(f"name={name!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        assert form.field()["required"] is True
        user.submit("")
        assert user.wait_until(lambda page: form.error(), "the required error")
        assert form.task_id in user.page.forms
        user.should_not_see("name=")
        user.submit("Grace", form=form)
        user.should_see("name='Grace'")


def test_optional_empty_number_is_none(serve_app, make_app):
    def scenario():
        count = yield input("Count", type=NUMBER)
        put_text(f"count={count!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.submit("")
        user.should_see("count=None")


def test_actions_returns_pressed_value(serve_app, make_app):
    def scenario():
        choice = yield actions(
            "Continue?",
            buttons=["Yes", ("No", 0), {"label": "Later", "value": [1, 2]}],
        )
        put_text(f"chose {choice!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        field = user.form().field()
        assert field["type"] == "actions"
        assert [b["label"] for b in field["buttons"]] == ["Yes", "No", "Later"]
        user.click_action("Later")
        user.should_see("chose [1, 2]")


def test_actions_each_button(serve_app, make_app):
    def scenario():
        for _ in range(2):
            choice = yield actions("Pick", buttons=["Yes", ("No", 0)])
            put_text(f"chose {choice!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.click_action("No")
        user.should_see("chose 0")
        # The first form was destroyed before "chose 0" was sent: form() is the second one.
        user.click_action("Yes")
        user.should_see("chose 'Yes'")


def test_actions_cancel_returns_none(serve_app, make_app):
    def scenario():
        choice = yield actions("Delete?", buttons=["Delete", {"label": "Cancel", "type": "cancel"}])
        put_text(f"chose {choice!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.click_action("Cancel")
        user.should_see("chose None")
