"""The one list of public URLs on the data loaded now: used by the static mirror, the tests,
`make bench` and scripts/snapshot_pages.py (`manage.py public_urls` prints it).

Built from what the apps declare on their AppConfig (kumamoto_portal/appconfig.py):
their sitemap sections, the public files no sitemap lists, and the finders' answers.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import resolve, reverse

from kumamoto_portal import appconfig


def sitemap_paths() -> list[str]:
    """The paths sitemap.xml lists, in its order."""
    paths = []
    for section in appconfig.sitemaps().values():
        sitemap: Sitemap = section() if isinstance(section, type) else section
        paths += [sitemap.location(item) for item in sitemap.items()]
    return paths


def unlisted_paths() -> list[str]:
    """Public pages and files that no sitemap lists (the feed, .ics, CSV, robots.txt, sitemap.xml)."""
    return [reverse(name) for name in appconfig.unlisted_urls()]


def public_urls(finders: bool = True) -> list[str]:
    """Every public page and file: `/`, the sitemap, the unlisted files and, with `finders`,
    every answer of the finders (a query per value)."""
    urls = ["/", *sitemap_paths(), *unlisted_paths(), *(appconfig.finder_urls() if finders else [])]
    return list(dict.fromkeys(urls))


def one_of_each(urls: list[str]) -> list[str]:
    """The first URL of each kind of page (URL name, with or without a query): what a benchmark
    or a browser test needs to cover every template once."""
    kinds: dict[tuple[str, bool], str] = {}
    for url in urls:
        path, _, query = url.partition("?")
        kinds.setdefault((resolve(path).view_name, bool(query)), url)
    return list(kinds.values())
