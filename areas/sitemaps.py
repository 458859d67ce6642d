"""sitemap.xml entries for the areas pages."""

from django.contrib.sitemaps import Sitemap

from .models import CooperationProject, Municipality, PolicyField

PAGES = ["areas:municipality_list", "areas:history", "areas:policy", "areas:project_list"]


class MunicipalitySitemap(Sitemap):
    def items(self):
        return Municipality.objects.only("code")


class PolicyFieldSitemap(Sitemap):
    def items(self):
        return PolicyField.objects.select_related("pillar")


class ProjectSitemap(Sitemap):
    def items(self):
        return CooperationProject.objects.only("slug")
