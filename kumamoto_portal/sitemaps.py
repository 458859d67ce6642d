"""sitemap.xml: fixed pages by URL name, and each app's own sitemap classes for its rows."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from areas import sitemaps as areas
from counseling import sitemaps as counseling
from libraries import sitemaps as libraries
from notices import sitemaps as notices

from .siteurl import SiteSitemap


class NamedPagesSitemap(SiteSitemap):
    """Pages without a row behind them, listed by URL name."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def items(self) -> list[str]:
        return self.names

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS: dict[str, Sitemap | type[Sitemap]] = {
    "pages": NamedPagesSitemap(["home", "accessibility"]),
    "areas": NamedPagesSitemap(areas.PAGES),
    "municipalities": areas.MunicipalitySitemap,
    "policy": areas.PolicyFieldSitemap,
    "projects": areas.ProjectSitemap,
    "libraries": NamedPagesSitemap(libraries.PAGES),
    "library_locations": libraries.LocationSitemap,
    "counseling": NamedPagesSitemap(counseling.PAGES),
    "notices": NamedPagesSitemap(notices.PAGES),
    "notice_items": notices.NoticeSitemap,
}
