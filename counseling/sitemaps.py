"""sitemap.xml section of the counseling pages (CounselingConfig.sitemaps)."""

from kumamoto_portal.lib.siteurl import NamedPagesSitemap

SITEMAPS = {"counseling": NamedPagesSitemap(["counseling:service", "counseling:calendar"])}
