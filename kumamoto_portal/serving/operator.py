"""Context processor: `site_settings` (who runs the site, the review period), read only by the
pages that show it (every footer; one query, and only on a render)."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from kumamoto_portal.models import SiteSettings


def site_context(request: HttpRequest) -> dict[str, SimpleLazyObject]:
    return {"site_settings": SimpleLazyObject(SiteSettings.current)}
