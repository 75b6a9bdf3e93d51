"""The version and the package metadata PyWebIO also exposes at the top level (a module of
its own, so that any module may import it)."""

#: The version of webio-core.
__version__ = "0.1.0"
#: What webio-core is, in one line (the distribution's summary).
__description__ = (
    "Interactive web apps as plain Python scripts, with pluggable web-server backends "
    "(PyWebIO-compatible API)"
)
#: The licence of webio-core.
__license__ = "MIT"
#: Who wrote webio-core.
__author__ = "The webio-core authors"
#: No public address or e-mail has been chosen for the project yet.
__author_email__ = ""
#: No public address has been chosen for the project yet.
__url__ = ""
