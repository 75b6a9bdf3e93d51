"""The project's routes: a page of the project itself, and webio_core apps mounted with
``webio_view`` as PyWebIO's docs show."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from webio_core.input import input
from webio_core.output import put_text
from webio_core.platform.django import webio_view
from webio_core.session import info


def task_func() -> None:
    name = input("name?")
    put_text(f"Hello {name}")
    request = info.request  # Django's HttpRequest, after the project's middleware
    put_text(f"{type(request).__name__}, anonymous={request.user.is_anonymous}")


async def async_task_func() -> None:
    name = await input("name?")
    put_text(f"Hello {name} from a coroutine")


def home(request: HttpRequest) -> HttpResponse:
    return HttpResponse("the project's own page")


webio_view_func = webio_view(task_func)

urlpatterns = [
    path("", home),
    path(r"tool", webio_view_func),
    path("async-tool", webio_view(async_task_func)),
    path("prefetched", webio_view(task_func)),
    path("partners", webio_view(task_func, allowed_origins=["https://*.partner.example"])),
]
