"""The canonical address of a page: the one the page cache stores and the print QR code shows.

- Its path is what reversing the matched route gives back, so `/libraries/locations/0001/`
  (which the int converter also accepts) has the canonical path `/libraries/locations/1/`.
- Its query is only what the view says it used (`query_used`), in that order: `?sort=kana`
  on /areas/ or `?month=2026-12` on the calendar. A page that takes no query has none, so
  `/?x=1`, `/?utm_source=…` or a 2,000-character query are answered but never stored,
  and the page cache holds at most one entry per canonical URL and encoding.
"""

from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

CANONICAL_QUERY = "canonical_query"


def query_used(request: HttpRequest, **params: object) -> None:
    """Record the query parameters the view read and accepted, with their normalised values
    (None or "" leaves a parameter out)."""
    used = [(name, str(value)) for name, value in params.items() if value not in (None, "")]
    setattr(request, CANONICAL_QUERY, urlencode(used))


def canonical_path(request: HttpRequest) -> str | None:
    """The path of the route the request matched, as `reverse` writes it; None without a route."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    try:
        return reverse(match.view_name, args=match.args, kwargs=match.captured_kwargs)
    except NoReverseMatch:
        return None


def canonical_url(request: HttpRequest) -> str | None:
    """Canonical path and query (see the module doc), or None when the request matched no route."""
    path = canonical_path(request)
    if path is None:
        return None
    query = getattr(request, CANONICAL_QUERY, "")
    return f"{path}?{query}" if query else path


def is_canonical(request: HttpRequest) -> bool:
    """Whether the request's own path and query are the canonical ones (only those are stored)."""
    return request.META.get("QUERY_STRING", "") == getattr(request, CANONICAL_QUERY, "") and (
        request.path == canonical_path(request)
    )
