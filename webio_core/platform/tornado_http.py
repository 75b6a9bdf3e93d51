"""``webio_core.platform.tornado_http``: the API of the tornado_http backend (Tornado with
HTTP polling), registered by the tornado backend plugin.

Install it with ``pip install webio-core[tornado]``.
"""

from ._facade import module_getattr

__getattr__ = module_getattr("tornado_http")
