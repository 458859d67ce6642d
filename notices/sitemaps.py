"""sitemap.xml sections of the notices (NoticesConfig.sitemaps)."""

from django.utils import timezone

from kumamoto_portal.lib.siteurl import NamedPagesSitemap, SiteSitemap

from .models import Notice


class NoticeSitemap(SiteSitemap):
    def items(self):
        return Notice.objects.visible_at(timezone.now()).only("pk", "published_at")

    def lastmod(self, item: Notice):
        return item.published_at


SITEMAPS = {"notices": NamedPagesSitemap(["notices:list"]), "notice_items": NoticeSitemap}
