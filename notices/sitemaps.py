"""sitemap.xml entries for the notices."""

from django.utils import timezone

from kumamoto_portal.siteurl import SiteSitemap

from .models import Notice

PAGES = ["notices:list"]


class NoticeSitemap(SiteSitemap):
    def items(self):
        return Notice.objects.visible_at(timezone.now()).only("pk", "published_at")

    def lastmod(self, item: Notice):
        return item.published_at
