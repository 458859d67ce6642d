"""Site settings for a request: who runs the site (every footer) and the review period (the
as-of sentences), read once per request and shared by the views and the templates."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from kumamoto_portal.models import SiteSettings


def site_settings(request: HttpRequest) -> SiteSettings:
    """The settings row (SiteSettings.current()), one query per request at most."""
    if not hasattr(request, "_site_settings"):
        request._site_settings = SiteSettings.current()
    return request._site_settings


def review_months(request: HttpRequest) -> int:
    """The staff-set review period in months (SiteSettings.review_months)."""
    return site_settings(request).review_months


def site_context(request: HttpRequest) -> dict[str, SimpleLazyObject]:
    """Context processor: `site_settings`, read only by the pages that show it."""
    return {"site_settings": SimpleLazyObject(lambda: site_settings(request))}
