"""The version, names and limits of the wire protocol.

Every name here is exported to the browser client and listed in docs/protocol.md by
``scripts/gen_protocol.py``, with the ``#:`` comment above it.
"""

from __future__ import annotations

#: Protocol version, "major.minor". The client refuses a server of another major version.
PROTOCOL_VERSION = "2.1"

# ---- names ------------------------------------------------------------------------------------

#: Id of the ``<script type="application/json">`` element holding the page's configuration.
CONFIG_ELEMENT_ID = "webio-config"
#: The app a page opens when its URL names none.
DEFAULT_APP = "index"
#: The scope that always exists: the page's output area.
ROOT_SCOPE = "ROOT"
#: The page themes of ``config(theme=...)``: "default" follows the system's light or dark
#: preference; the last three are Bootswatch themes, each its own stylesheet
#: (``webio-<theme>.css``).
THEMES = ("default", "dark", "sketchy", "minty", "yeti")
#: The named colours of a toast; any other colour is a CSS colour.
TOAST_COLORS = ("info", "error", "warn", "success")

#: Query argument naming the app of a page, a session or a poll.
QUERY_APP = "app"
#: Query argument of a WebSocket reconnect: the id of the session to re-attach to.
QUERY_SESSION = "session"
#: Query argument of a WebSocket reconnect or an HTTP poll: the highest seq processed.
QUERY_ACK = "ack"
#: Query argument asking for a file of the browser client (``?webio_static=webio.js``).
QUERY_STATIC = "webio_static"
#: Query argument naming the version of a client file; such URLs are cached for good.
QUERY_VERSION = "v"
#: HTTP header carrying the session id of a poll or POST (and of the reply that created it).
SESSION_HEADER = "webio-session-id"
#: Value of the session header that asks for a new session.
NEW_SESSION = "new"
#: HTTP header set on a reply that could not hold every waiting command...
MORE_HEADER = "webio-more"
#: ...to this value.
MORE_VALUE = "1"
#: HTTP status answering a poll or POST of a session that is gone (expired, closed, unknown).
STATUS_SESSION_GONE = 410
#: WebSocket close code refusing a reconnect to a session that is gone.
CLOSE_SESSION_NOT_FOUND = 4404

#: Bytes of the big-endian length that opens a binary client frame: the length of its JSON
#: header, below 2**24, so that its first byte is 0 and tells it from a JSON text frame.
BINARY_FRAME_PREFIX = 4

# ---- limits -----------------------------------------------------------------------------------

#: Events in one client frame, at most.
MAX_EVENTS_PER_FRAME = 64
#: Length of a task_id, at most.
MAX_TASK_ID_LENGTH = 64
#: Length of a form field name, at most.
MAX_FIELD_NAME_LENGTH = 256
#: Fields in one submitted form, at most.
MAX_FORM_FIELDS = 256
#: Commands in one WebSocket frame or HTTP reply, at most.
MAX_COMMANDS_PER_FRAME = 1000
#: Commands that may wait for the client's acknowledgement. An app that sends more is slowed
#: (a thread-based app blocks in put_*, a coroutine-based app may await put_*) until the client
#: acknowledges; a transport never has more than this many on the wire.
SEND_WINDOW = 10_000
#: The client acknowledges at once when this many commands are unacknowledged (and within
#: half a second otherwise), so the send window keeps moving.
ACK_EVERY = 1000
#: Commands one session may hold at all: only a coroutine-based app that sends without ever
#: awaiting can get there (nothing else can slow it); its session is then closed.
OUTBOX_LIMIT = 1_000_000
#: Options of a select, checkbox or radio field, or values of one multiple choice, at most.
MAX_CHOICES = 100_000
#: Files in one file field, at most.
MAX_UPLOAD_FILES = 1000
#: Bytes of file content in one ``upload_chunk`` event, at most; a field's ``chunk_size`` is
#: smaller when the server's ``max_payload_size`` asks for it.
UPLOAD_CHUNK_SIZE = 512 * 1024
#: Bytes of file content in one ``download_chunk`` command, at most.
DOWNLOAD_CHUNK_SIZE = 512 * 1024
#: Characters of commands in one server frame, at most, unless the frame holds a single
#: command: a large download or a burst of large outputs crosses in several frames.
FRAME_TEXT_LIMIT = 1024 * 1024
#: Upload chunks a client may have sent and not yet seen acknowledged: the window keeps a
#: large file from filling the server's and the network's buffers.
UPLOAD_WINDOW = 4

# ---- HTML attributes --------------------------------------------------------------------------

#: Attributes an app may add to a form control (``**other_html_attrs``), besides the ``data-*``
#: and ``aria-*`` ones: none of them runs script or loads anything.
SAFE_HTML_ATTRIBUTES = (
    "accesskey",
    "autocapitalize",
    "autocomplete",
    "autocorrect",
    "autofocus",
    "class",
    "cols",
    "dir",
    "dirname",
    "enterkeyhint",
    "inputmode",
    "lang",
    "max",
    "maxlength",
    "min",
    "minlength",
    "pattern",
    "size",
    "spellcheck",
    "step",
    "style",
    "tabindex",
    "title",
    "translate",
    "wrap",
)
#: Prefixes of attribute names an app may add to a form control.
SAFE_HTML_ATTRIBUTE_PREFIXES = ("data-", "aria-")
