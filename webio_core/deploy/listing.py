"""The page a directory shows when it has no ``index.py``: its visible subdirectories and its
apps (the scripts that define ``main``), each with the first paragraph of ``main``'s docstring.

The page is plain HTML, served without a session. Its links are relative (``tools/``,
``chart``), so the listing keeps working when a reverse proxy serves the deployment under a
sub-path.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Callable, Union
from urllib.parse import quote

from .paths import SCRIPT_SUFFIX, BaseDirectory, UrlPath, visible
from .scripts import main_summary

#: ``index=`` of path_deploy: True (this listing), False (none), or a function given the
#: directory's path and returning the HTML of its page.
IndexOption = Union[bool, Callable[[str], str]]

_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}"
    "td{padding:.3rem 1.5rem .3rem 0;vertical-align:top}a{text-decoration:none}"
    "td.about{color:#666}"
)


def entries(folder: Path, base: BaseDirectory) -> list[tuple[str, str, str]]:
    """(link, shown name, description) of each item of ``folder`` worth listing: the parent
    (below the base), visible subdirectories, then the apps, each group sorted by name."""
    folders: list[tuple[str, str, str]] = []
    apps: list[tuple[str, str, str]] = []
    try:
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:  # unreadable by the server: nothing to show, like an empty folder
        children = []
    for child in children:
        if not visible(child.name):
            continue
        if base.directory(child) is not None:
            folders.append((quote(child.name) + "/", child.name + "/", ""))
        elif child.name.endswith(SCRIPT_SUFFIX) and base.file(child) is not None:
            about = main_summary(child)
            if about is not None:
                stem = child.name[: -len(SCRIPT_SUFFIX)]
                apps.append((quote(stem), stem, about))
    parent = [("../", "../", "")] if folder != base.root else []
    return parent + folders + apps


def directory_listing(folder: Path, url: UrlPath, base: BaseDirectory) -> str:
    """The HTML listing of ``folder``, a real directory inside the base, reached at ``url``."""
    title = html.escape(f"Index of {url.text}")
    rows = [
        f'<tr><td><a href="{html.escape(link)}">{html.escape(name)}</a></td>'
        f'<td class="about">{html.escape(about)}</td></tr>'
        for link, name, about in entries(folder, base)
    ]
    if not rows:
        rows.append('<tr><td class="about">No apps here.</td></tr>')
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n<table>\n" + "\n".join(rows) + "\n</table>\n</body>\n</html>\n"
    )
