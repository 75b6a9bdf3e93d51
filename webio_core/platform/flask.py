"""``webio_core.platform.flask``: the API of the flask backend plugin.

Install it with ``pip install webio-core[flask]``.
"""

from ._facade import module_getattr

__getattr__ = module_getattr("flask")
