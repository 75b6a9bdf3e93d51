"""``webio_core.platform.tornado``: the API of the tornado backend plugin.

Install it with ``pip install webio-core[tornado]``.
"""

from ._facade import module_getattr

__getattr__ = module_getattr("tornado")
