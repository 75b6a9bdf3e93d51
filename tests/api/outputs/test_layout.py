"""Tables, grids, rows and columns: the specs they send, spans included."""

from __future__ import annotations

from webio_core.input import input
from webio_core.output import (
    put_button,
    put_column,
    put_grid,
    put_markdown,
    put_row,
    put_table,
    put_text,
    span,
)


def first(user, kind):
    return next(spec for spec in user.page.outputs() if spec["type"] == kind)


def texts_of(cells):
    return [cell.get("content", cell["type"]) for cell in cells]


def test_table_of_lists_with_spans_and_outputs(serve_app, make_app):
    def scenario():
        put_table(
            [
                [span("Name", col=2), "Age"],
                ["Ada", "Lovelace", 36],
                [put_markdown("**Grace**"), span(put_button("Hi", lambda: None), row=2), 85],
            ],
            header=["First", "Last", "Age"],
        )
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        table = first(user, "table")
        assert table["header"] is True
        assert texts_of(table["rows"][0]) == ["First", "Last", "Age"]
        assert texts_of(table["rows"][1]) == ["Name", "Age"]
        assert texts_of(table["rows"][2]) == ["Ada", "Lovelace", "36"]
        assert [c["type"] for c in table["rows"][3]] == ["markdown", "buttons", "text"]
        assert table["spans"] == [
            {"row": 1, "col": 0, "rows": 1, "cols": 2},
            {"row": 3, "col": 1, "rows": 2, "cols": 1},
        ]


def test_table_of_dicts(serve_app, make_app):
    rows = [{"name": "Ada", "age": 36}, {"name": "Grace"}]

    def scenario():
        put_table(rows)
        put_table(rows, header=[("Who", "name"), (put_text("How old"), "age")])
        put_table(rows, header=["age"])
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        plain, pairs, picked = [s for s in user.page.outputs() if s["type"] == "table"]
        assert texts_of(plain["rows"][0]) == ["Name", "Age"]
        assert texts_of(plain["rows"][2]) == ["Grace", ""]
        assert texts_of(pairs["rows"][0]) == ["Who", "How old"]
        assert texts_of(picked["rows"][1]) == ["36"]


def test_row_column_and_grid(serve_app, make_app):
    def scenario():
        put_row([put_text("a"), None, put_text("b")])
        put_column([put_text("c"), put_text("d")], size="1fr 2fr")
        put_grid(
            [[span(put_text("wide"), col=2), put_text("x")], [put_text("y")]],
            cell_width="100px",
            direction="column",
        )
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.form()
        row, column, grid = [s for s in user.page.outputs() if s["type"] == "grid"]
        assert (row["flow"], row["columns"], row["rows"]) == ("column", "1fr 10px 1fr", None)
        assert row["contents"][1]["type"] == "html", "None leaves an empty cell"
        assert (column["flow"], column["rows"]) == ("row", "1fr 2fr")
        assert grid["flow"] == "column"
        assert grid["columns"] == "repeat(2, 100px)" and grid["rows"] == "repeat(3, auto)"
        assert "grid-column-start: span 2" in grid["contents"][0]["style"]
        # Three columns: the span covers two; the one-cell second row gets two empty ones.
        assert len(grid["contents"]) == 5


def test_a_row_as_a_context_manager(serve_app, make_app):
    def scenario():
        with put_row() as scope:
            put_text("left")
            put_text("right")
        put_text(f"after {scope.startswith('webio-')}")
        yield input("keep the page")

    with serve_app(make_app(scenario)) as server, server.client() as user:
        user.should_see("after True")
        row = first(user, "grid")
        (inner,) = row["contents"]
        assert inner.spec["style"] == "display: contents", "the cells stay the grid's own"
        assert user.page.texts(inner.name) == ["left", "right"]
