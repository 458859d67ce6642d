"""sitemap.xml entries for the library pages."""

from django.contrib.sitemaps import Sitemap

from .models import Location

PAGES = ["libraries:guide", "libraries:location_list", "libraries:return", "libraries:eligibility"]


class LocationSitemap(Sitemap):
    def items(self):
        return Location.objects.only("pk")
