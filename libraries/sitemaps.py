"""sitemap.xml entries for the library pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Location


class LibraryPagesSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["libraries:guide", "libraries:location_list", "libraries:return", "libraries:eligibility"]

    def location(self, item: str) -> str:
        return reverse(item)


class LocationSitemap(Sitemap):
    def items(self):
        return Location.objects.only("pk")
