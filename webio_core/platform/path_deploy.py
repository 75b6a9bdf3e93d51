"""``webio_core.platform.path_deploy``: where PyWebIO programs import the directory deployments
from (``from webio_core.platform.path_deploy import path_deploy``)."""

from ..deploy import path_deploy, path_deploy_http

__all__ = ["path_deploy", "path_deploy_http"]
