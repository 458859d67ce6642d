from kumamoto_portal import appconfig

LIBRARY_CONTENT = (
    *("libraries.LibrarySystem", "libraries.Location", "libraries.MutualUseAgreement", "libraries.KindCount"),
)


class LibrariesConfig(appconfig.PortalAppConfig):
    """Library mutual use (what it declares: kumamoto_portal/appconfig.py)."""

    name = "libraries"
    verbose_name = "図書館の相互利用"
    reference_fixtures = ["libraries"]
    content = True
    page_content = {
        name: LIBRARY_CONTENT
        for name in (
            *("libraries:guide", "libraries:location_list", "libraries:location"),
            *("libraries:return", "libraries:eligibility"),
        )
    }
    staff_role = "図書館担当"
    clerks_edit = True
    sitemaps = "libraries.sitemaps.SITEMAPS"
    unlisted_urls = ["libraries:facilities_csv"]
    finder_urls = "libraries.sitemaps.finder_urls"
