"""``webio_core.platform.aiohttp``: the API of the aiohttp backend plugin.

Install it with ``pip install webio-core[aiohttp]``.
"""

from ._facade import module_getattr

__getattr__ = module_getattr("aiohttp")
