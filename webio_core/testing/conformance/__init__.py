"""The conformance suite of webio_core backends.

Every test runs against each backend chosen with ``pytest --webio-backend=NAME`` (a test of one
transport only against backends of that transport), on real servers on free loopback ports.
It proves what a backend adds to the core: pages, sessions, transport, limits, security.
What apps can do (the semantics of ``input``, ``put_*``, scopes, callbacks) does not depend on
the backend and is tested once, in the core's own tests.
"""
