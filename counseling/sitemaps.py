"""sitemap.xml entries for the counseling pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class CounselingPagesSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["counseling:service", "counseling:calendar"]

    def location(self, item: str) -> str:
        return reverse(item)
