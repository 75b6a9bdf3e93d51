"""``webio_core.platform.django``: the API of the django backend plugin.

Install it with ``pip install webio-core[django]``.
"""

from ._facade import module_getattr

__getattr__ = module_getattr("django")
