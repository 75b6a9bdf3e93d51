"""input_group (group validation, cancel, actions), slider and textarea."""

from __future__ import annotations

import pytest

from webio_core.input import NUMBER, actions, input, input_group, slider, textarea
from webio_core.output import put_text


def check_form(data):
    if len(data["name"]) > 6:
        return ("name", "Name too long!")
    if data["age"] <= 0:
        return ("age", "Age cannot be negative!")
    return None


def test_group_returns_a_dict_and_validates_as_a_whole(serve_app, make_app):
    def scenario():
        data = yield input_group(
            "Basic info",
            [input("Name", name="name"), input("Age", name="age", type=NUMBER)],
            validate=check_form,
        )
        put_text(f"{data['name']} is {data['age']}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        assert form.spec["label"] == "Basic info"
        user.submit(name="Ada", age="-1")
        assert user.wait_until(lambda page: form.error("age"), "the group error") == (
            "Age cannot be negative!"
        )
        assert form.ready == 1
        user.submit(name="Adalovelace", age="36", form=form)
        assert user.wait_until(lambda page: form.error("name"), "the name error")
        user.submit(name="Ada", age="36", form=form)
        user.should_see("Ada is 36")


def test_group_validate_must_name_a_field(serve_app, make_app):
    def scenario():
        try:
            yield input_group("g", [input("a", name="a")], validate=lambda d: "bad")
        except ValueError as exc:
            put_text(str(exc))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.submit(a="x")
        user.should_see("must return (name, error)")


def test_cancelable_group_returns_none(serve_app, make_app):
    def scenario():
        data = yield input_group("g", [input("a", name="a")], cancelable=True)
        put_text(f"got {data!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        assert form.spec["cancelable"] is True
        user.send_event("from_submit", form.task_id, None)
        user.should_see("got None")


def test_a_group_that_is_not_cancelable_refuses_a_cancel(serve_app, make_app):
    def scenario():
        data = yield input_group("g", [input("a", name="a")])
        put_text(f"got {data!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.send_event("from_submit", form.task_id, None)
        user.wait_until(lambda page: form.ready == 1, "the form to be given back")
        user.submit(a="x", form=form)
        user.should_see("got {'a': 'x'}")


def test_actions_in_a_group_replace_the_buttons(serve_app, make_app):
    def scenario():
        info = yield input_group(
            "Add user",
            [
                input("username", name="username", required=True),
                actions(
                    "",
                    [
                        {"label": "Save", "value": "save"},
                        {"label": "Reset", "type": "reset", "color": "warning"},
                        {"label": "Cancel", "type": "cancel", "color": "danger"},
                    ],
                    name="action",
                ),
            ],
        )
        put_text(f"{info!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        assert form.spec["cancelable"] is True
        user.submit(username="", action=0)
        assert user.wait_until(lambda page: form.error("username"), "the required error")
        user.submit(username="ada", action=0, form=form)
        user.should_see("{'username': 'ada', 'action': 'save'}")


def test_fields_need_names_in_a_group(serve_app, make_app):
    def scenario():
        try:
            yield input_group("g", ["not a field"])
        except TypeError as exc:
            put_text(str(exc))

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("name=")


def test_integer_slider(serve_app, make_app):
    def scenario():
        value = yield slider("Level", value=3, min_value=1, max_value=10, step=2)
        put_text(f"{value!r}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        field = user.form().field()
        assert (field["value"], field["min_value"], field["max_value"]) == (3, 1, 10)
        assert field["step"] == 2 and field["float"] is False
        user.submit(7)
        user.should_see("7")


def test_float_slider(serve_app, make_app):
    def scenario():
        value = yield slider("Ratio", value=0.5, max_value=1)
        put_text(f"{value!r} {type(value).__name__}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        field = user.form().field()
        assert field["float"] is True and field["step"] == "any"
        user.submit(1)
        user.should_see("1.0 float")


@pytest.mark.parametrize("forged", [11, -1, "5"])
def test_slider_refuses_values_out_of_range(serve_app, make_app, forged):
    def scenario():
        value = yield slider("Level", max_value=10)
        put_text(f"level {value}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.submit(forged)
        user.wait_until(lambda page: form.ready == 1, "the form to be given back")
        user.submit(10, form=form)
        user.should_see("level 10")


def test_textarea_with_a_code_editor(serve_app, make_app):
    def scenario():
        code = yield textarea(
            "Code", rows=4, code={"mode": "python", "theme": "darcula"}, maxlength=100
        )
        put_text(code)

    with serve_app(make_app(scenario)) as server, server.client() as user:
        field = user.form().field()
        assert field["type"] == "textarea" and field["rows"] == 4
        assert field["code"] == {
            "language": "python",
            "theme": "dark",
            "line_numbers": True,
            "tab_size": 4,
        }
        user.submit("print('hi')\nprint(2)")
        user.should_see("print('hi')\nprint(2)")


def test_textarea_length_is_checked_on_the_server(serve_app, make_app):
    def scenario():
        text = yield textarea("Short", maxlength=3, minlength=2)
        put_text(f"got {text}")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        form = user.form()
        user.submit("abcd")
        assert "at most 3" in user.wait_until(lambda page: form.error(), "the length error")
        user.submit("a", form=form)
        user.wait_until(lambda page: form.ready == 2, "the second refusal")
        assert "at least 2" in form.error()
        user.submit("abc", form=form)
        user.should_see("got abc")
