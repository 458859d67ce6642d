"""What each app tells the site about itself, on its AppConfig (floor: imports no content app).

A content app subclasses `PortalAppConfig` and fills in what applies; the site-wide
parts read these declarations through the functions below instead of naming apps.
So a new app touches its own folder, INSTALLED_APPS and one include() in urls.py.

    class LibrariesConfig(PortalAppConfig):
        name = "libraries"
        reference_fixtures = ["libraries"]          # load_reference_data, in this order
        content = True                              # an edit refreshes every cached page
        page_content = {"libraries:guide": (...)}   # 最終更新日: the models each page shows
        staff_role = "図書館担当"                    # the area-wide role that edits its rows
        clerks_edit = True                          # 市町村担当 edit their towns' rows (areas/clerks.py)
        sitemaps = "libraries.sitemaps.SITEMAPS"    # its sitemap.xml sections
        unlisted_urls = ["libraries:facilities_csv"]  # public files no sitemap lists (mirror, tests)
        finder_urls = "libraries.sitemaps.finder_urls"  # form answers for every value (tests, bench)
        next_change = "notices.rules.…"             # fn(now): the next instant its pages change by themselves
"""

from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from typing import Any

from django.apps import AppConfig, apps
from django.utils.module_loading import import_string


class PortalAppConfig(AppConfig):
    """An app of the portal; every declaration is optional (see the module doc)."""

    reference_fixtures: list[str] = []
    content: bool = False
    # URL name → model labels the page shows, or the date its template text was last revised.
    page_content: dict[str, tuple[str, ...] | date] = {}
    staff_role: str = ""
    clerks_edit: bool = False
    sitemaps: str = ""
    unlisted_urls: list[str] = []
    finder_urls: str = ""
    next_change: str = ""


def portal_apps() -> Iterator[PortalAppConfig]:
    """The portal's apps, in INSTALLED_APPS order."""
    return (config for config in apps.get_app_configs() if isinstance(config, PortalAppConfig))


@cache
def content_app_labels() -> frozenset[str]:
    """Apps whose rows residents see: an edit there raises the content version (page cache)."""
    return frozenset(config.label for config in portal_apps() if config.content)


@cache
def page_content() -> dict[str, tuple[str, ...] | date]:
    """Every page's declaration for 最終更新日 (serving/lastmod.py)."""
    return {name: content for config in portal_apps() for name, content in config.page_content.items()}


def staff_roles(clerk_role: str) -> dict[str, list[str]]:
    """Role (group) name → the app labels whose rows it edits; `clerk_role` gets the apps clerks edit."""
    roles: dict[str, list[str]] = {}
    for config in portal_apps():
        if config.staff_role:
            roles.setdefault(config.staff_role, []).append(config.label)
    roles[clerk_role] = [config.label for config in portal_apps() if config.clerks_edit]
    return roles


@cache
def _imported(attribute: str) -> tuple[Any, ...]:
    """What the apps name in `attribute` (dotted paths), imported once."""
    return tuple(import_string(dotted) for config in portal_apps() if (dotted := getattr(config, attribute)))


@cache
def sitemaps() -> dict[str, Any]:
    """Every app's sitemap.xml sections, in INSTALLED_APPS order."""
    return {name: section for declared in _imported("sitemaps") for name, section in declared.items()}


@cache
def unlisted_urls() -> tuple[str, ...]:
    """URL names of the public pages and files that no sitemap lists."""
    return tuple(name for config in portal_apps() for name in config.unlisted_urls)


def finder_urls() -> list[str]:
    """Every app's form-answer URLs for every value on the data loaded now."""
    return [url for urls in _imported("finder_urls") for url in urls()]


def next_change_after(now: datetime) -> datetime | None:
    """The first instant after `now` at which some app's pages change by themselves (a notice appears), or None."""
    found: list[datetime] = [t for next_change in _imported("next_change") if (t := next_change(now)) is not None]
    return min(found, default=None)
