"""Small project-wide middleware."""

from collections.abc import Callable
from functools import cache
from urllib.parse import unquote

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from . import outage

SAFE_METHODS = ("GET", "HEAD")


@cache
def admin_prefix() -> str:
    """ "/admin/" (reversed once: every request asks)."""
    return reverse("admin:index")


class HeadWithoutBodyMiddleware:
    """Answer HEAD with the headers of GET and no body.

    Django leaves this to the server; gunicorn drops the body but logs a warning
    for every HEAD, and uptime monitors send HEAD all day. Sits first in
    MIDDLEWARE so Content-Length is that of the final (compressed) body.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response


class PublicMethodsMiddleware:
    """Public pages only read: anything but GET or HEAD answers 405 with `Allow: GET, HEAD`
    and a Japanese page, before CSRF checks or views run. The admin (which posts forms)
    is left alone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in SAFE_METHODS or request.path_info.startswith(admin_prefix()):
            return self.get_response(request)
        response = render(request, "errors/405.html", status=405)
        response["Allow"] = ", ".join(SAFE_METHODS)
        return response


class AdminNeedsDatabaseMiddleware:
    """The admin cannot work without the database: while it cannot be reached, staff get
    the 503 page that says so, not a sign-in form that would then fail."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(admin_prefix()) and not outage.database_answers():
            outage.record_failure()
            return outage.unavailable_response()
        return self.get_response(request)


class RefuseNulMiddleware:
    """A NUL byte in the address (e.g. an admin filter ?kind=%00) is never a real request:
    PostgreSQL refuses it inside a query (a 500), so it answers the Japanese 400 page first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            return render(request, "errors/400.html", status=400)
        return self.get_response(request)
