from datetime import date

from axes.apps import AppConfig as AxesAppConfig

from . import appconfig


class PortalConfig(appconfig.PortalAppConfig):
    """The site-wide app: the sources, the content version behind the page cache, and the
    pages that gather every app (site/: home, accessibility, sitemap, robots.txt)."""

    default = True  # this module also holds AxesConfig
    name = "kumamoto_portal"
    verbose_name = "ポータル"
    # First in INSTALLED_APPS: the sources are loaded before the content that cites them.
    reference_fixtures = ["sources"]
    content = True  # the sources and the site's operator are on the pages
    page_content = {
        "home": (
            *("areas.Municipality", "areas.Pillar", "areas.CooperationProject", "notices.Notice"),
            *("counseling.Service", "counseling.Menu", "counseling.WeeklySession", "counseling.Closure"),
            *("counseling.ExtraSession", "counseling.CrisisLine"),
        ),
        # Text in the templates: the day it was last revised.
        "accessibility": date(2026, 11, 27),
        "styleguide": date(2026, 11, 27),
    }
    sitemaps = "kumamoto_portal.site.sitemaps.SITEMAPS"
    unlisted_urls = ["robots_txt", "sitemap"]

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers itself)
        from .serving import pagecache
        from .staff import permissions

        pagecache.connect_signals()
        post_migrate.connect(permissions.name_permissions_in_japanese)


class AxesConfig(AxesAppConfig):
    """django-axes (login throttling) under a Japanese name in the admin."""

    verbose_name = "ログインの記録(django-axes)"
