"""sitemap.xml: the site's own pages here; each app declares its sections on its AppConfig."""

from kumamoto_portal.lib.siteurl import NamedPagesSitemap

SITEMAPS = {"pages": NamedPagesSitemap(["home", "accessibility"])}
