"""The Django backend of webio-core. Its public API is :mod:`webio_django.api`, also reachable
as ``webio_core.platform.django``."""
