"""The public URLs of the library pages: sitemap.xml sections and the finders' answers
(LibrariesConfig.sitemaps and .finder_urls)."""

from areas.models import Municipality
from kumamoto_portal.lib.siteurl import NamedPagesSitemap, SiteSitemap

from .models import Location


class LocationSitemap(SiteSitemap):
    def items(self):
        return Location.objects.only("pk")


SITEMAPS = {
    "libraries": NamedPagesSitemap(
        ["libraries:guide", "libraries:location_list", "libraries:return", "libraries:eligibility"]
    ),
    "library_locations": LocationSitemap,
}


def finder_urls() -> list[str]:
    """Both finders' answers for every value: each member's residents, each location's loans."""
    residents = [
        f"/libraries/eligibility/?resident={code}" for code in Municipality.objects.values_list("code", flat=True)
    ]
    returns = [f"/libraries/return/?from={pk}" for pk in Location.objects.values_list("pk", flat=True)]
    return [*residents, *returns]
