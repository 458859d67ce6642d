from kumamoto_portal import appconfig


class NoticesConfig(appconfig.PortalAppConfig):
    """お知らせ (what it declares: kumamoto_portal/appconfig.py). A notice appears and ends on
    its own schedule, so every page (which may carry the urgent banner) changes then."""

    name = "notices"
    verbose_name = "お知らせ"
    content = True
    page_content = {"notices:list": ("notices.Notice",), "notices:detail": ("notices.Notice",)}
    staff_role = "お知らせ担当"
    clerks_edit = True
    sitemaps = "notices.sitemaps.SITEMAPS"
    unlisted_urls = ["notices:feed"]
    next_change = "notices.models.next_change_after"
