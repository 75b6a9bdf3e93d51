"""Line counter: upload text files, see how many lines, words and characters each has.

python examples/gallery/line_counter.py
"""

from __future__ import annotations

from webio_core import start_server
from webio_core.input import file_upload
from webio_core.output import put_markdown, put_table, put_warning


def line_counter() -> None:
    """Line counter

    Upload text files and count their lines."""
    files = file_upload(
        "Text files to count", accept=[".txt", ".csv", ".log"], multiple=True, max_size="10M"
    )
    if not files:
        put_warning("No file was chosen.")
        return
    rows = [["File", "Lines", "Words", "Characters"]]
    for f in files:
        text = f["content"].decode("utf-8", errors="replace")
        rows.append([f["filename"], len(text.splitlines()), len(text.split()), len(text)])
    put_markdown(f"## {len(files)} file(s) counted")
    put_table(rows)


if __name__ == "__main__":
    start_server(line_counter, port=8080)
