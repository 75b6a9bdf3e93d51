"""The version and the package metadata PyWebIO also exposes at the top level (a module of
its own, so that any module may import it)."""

__version__ = "0.1.0"
__description__ = (
    "Interactive web apps as plain Python scripts, with pluggable web-server backends "
    "(PyWebIO-compatible API)"
)
__license__ = "MIT"
__author__ = "The webio-core authors"
#: No public address or e-mail has been chosen for the project yet.
__author_email__ = ""
__url__ = ""
