"""sitemap.xml entries for the library pages."""

from kumamoto_portal.siteurl import SiteSitemap

from .models import Location

PAGES = ["libraries:guide", "libraries:location_list", "libraries:return", "libraries:eligibility"]


class LocationSitemap(SiteSitemap):
    def items(self):
        return Location.objects.only("pk")
