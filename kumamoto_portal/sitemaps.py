"""sitemap.xml: the fixed pages here; each app adds its own sitemap class."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from areas.sitemaps import AreasListsSitemap, MunicipalitySitemap, PolicyFieldSitemap, ProjectSitemap
from counseling.sitemaps import CounselingPagesSitemap
from libraries.sitemaps import LibraryPagesSitemap, LocationSitemap


class StaticPagesSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["home", "accessibility"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": StaticPagesSitemap,
    "areas": AreasListsSitemap,
    "municipalities": MunicipalitySitemap,
    "policy": PolicyFieldSitemap,
    "projects": ProjectSitemap,
    "libraries": LibraryPagesSitemap,
    "library_locations": LocationSitemap,
    "counseling": CounselingPagesSitemap,
}
