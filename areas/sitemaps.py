"""sitemap.xml sections of the areas pages (AreasConfig.sitemaps)."""

from kumamoto_portal.lib.siteurl import NamedPagesSitemap, SiteSitemap

from .models import CooperationProject, Municipality, PolicyField


class MunicipalitySitemap(SiteSitemap):
    def items(self):
        return Municipality.objects.only("code")


class PolicyFieldSitemap(SiteSitemap):
    def items(self):
        return PolicyField.objects.select_related("pillar")


class ProjectSitemap(SiteSitemap):
    def items(self):
        return CooperationProject.objects.only("slug")


SITEMAPS = {
    "areas": NamedPagesSitemap(["areas:municipality_list", "areas:history", "areas:policy", "areas:project_list"]),
    "municipalities": MunicipalitySitemap,
    "policy": PolicyFieldSitemap,
    "projects": ProjectSitemap,
}
