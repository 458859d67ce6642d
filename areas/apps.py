from kumamoto_portal import appconfig


class AreasConfig(appconfig.PortalAppConfig):
    """The members, the three pillars and their policy fields, the cooperation projects
    (what it declares: kumamoto_portal/appconfig.py)."""

    name = "areas"
    verbose_name = "地域と構成市町村"
    reference_fixtures = ["areas"]
    content = True
    page_content = {
        "areas:municipality_list": ("areas.Municipality",),
        "areas:history": ("areas.Municipality",),
        # A member's page also lists its libraries and the notices that concern it.
        "areas:municipality": (
            *("areas.Municipality", "areas.CooperationProject"),
            *("libraries.LibrarySystem", "libraries.Location", "libraries.MutualUseAgreement", "libraries.KindCount"),
            "notices.Notice",
        ),
        "areas:policy": ("areas.Pillar", "areas.PolicyGroup", "areas.PolicyField", "areas.CooperationProject"),
        "areas:policy_field": ("areas.PolicyField", "areas.CooperationProject"),
        "areas:project_list": ("areas.CooperationProject",),
        "areas:project": ("areas.CooperationProject", "areas.Municipality", "notices.Notice"),
    }
    staff_role = "圏域担当"
    sitemaps = "areas.sitemaps.SITEMAPS"
