"""sitemap.xml entries for the counseling pages (by URL name; see kumamoto_portal/sitemaps.py)."""

PAGES = ["counseling:service", "counseling:calendar"]
