from kumamoto_portal import appconfig

COUNSELING_CONTENT = (
    *("counseling.Service", "counseling.Menu", "counseling.WeeklySession", "counseling.Closure"),
    *("counseling.ExtraSession", "counseling.CrisisLine"),
)


class CounselingConfig(appconfig.PortalAppConfig):
    """The LINE counseling service (what it declares: kumamoto_portal/appconfig.py)."""

    name = "counseling"
    verbose_name = "LINE相談"
    reference_fixtures = ["counseling"]
    content = True
    page_content = {"counseling:service": COUNSELING_CONTENT, "counseling:calendar": COUNSELING_CONTENT}
    staff_role = "相談窓口担当"
    sitemaps = "counseling.sitemaps.SITEMAPS"
    unlisted_urls = ["counseling:sessions_ics"]
