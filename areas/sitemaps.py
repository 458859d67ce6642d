"""sitemap.xml entries for the areas pages."""

from kumamoto_portal.siteurl import SiteSitemap

from .models import CooperationProject, Municipality, PolicyField

PAGES = ["areas:municipality_list", "areas:history", "areas:policy", "areas:project_list"]


class MunicipalitySitemap(SiteSitemap):
    def items(self):
        return Municipality.objects.only("code")


class PolicyFieldSitemap(SiteSitemap):
    def items(self):
        return PolicyField.objects.select_related("pillar")


class ProjectSitemap(SiteSitemap):
    def items(self):
        return CooperationProject.objects.only("slug")
