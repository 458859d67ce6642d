"""Absolute URLs of this site (printed page URL, sitemap, robots.txt, .ics, CSV).

When SITE_URL is set (production), every absolute URL is built from it, so a
forged Host header or port never reaches a page or a file. Without it (local
runs), the request's own host is used; a host outside ALLOWED_HOSTS was
already refused with 400 before any of this runs.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest
from django.urls import reverse


def absolute_url(request: HttpRequest, path: str) -> str:
    """`path` (starting with /) as an absolute URL of this site."""
    if settings.SITE_URL:
        return settings.SITE_URL + path
    return request.build_absolute_uri(path)


class SiteSitemap(Sitemap):
    """A sitemap whose URLs use SITE_URL's scheme and host when it is set."""

    def get_protocol(self, protocol: str | None = None) -> str:
        if settings.SITE_URL:
            return urlsplit(settings.SITE_URL).scheme
        return super().get_protocol(protocol)

    def get_domain(self, site=None) -> str:
        if settings.SITE_URL:
            return urlsplit(settings.SITE_URL).netloc
        return super().get_domain(site)


class NamedPagesSitemap(SiteSitemap):
    """Pages without a row behind them, listed by URL name."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def items(self) -> list[str]:
        return self.names

    def location(self, item: str) -> str:
        return reverse(item)
