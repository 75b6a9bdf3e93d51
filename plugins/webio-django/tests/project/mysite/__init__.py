"""A Django project as ``django-admin startproject`` makes it, with webio_core apps mounted
in its ``urls.py`` as PyWebIO's docs show (``path("tool", webio_view(task_func))``)."""
