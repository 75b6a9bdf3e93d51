"""``webio_core.platform.fastapi``: the API of the fastapi backend plugin.

Install it with ``pip install webio-core[fastapi]``.
"""

from ._facade import module_getattr

__getattr__ = module_getattr("fastapi")
