"""sitemap.xml entries for the areas pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import CooperationProject, Municipality, PolicyField


class AreasListsSitemap(Sitemap):
    def items(self) -> list[str]:
        return ["areas:municipality_list", "areas:history", "areas:policy", "areas:project_list"]

    def location(self, item: str) -> str:
        return reverse(item)


class MunicipalitySitemap(Sitemap):
    def items(self):
        return Municipality.objects.only("code")


class PolicyFieldSitemap(Sitemap):
    def items(self):
        return PolicyField.objects.select_related("pillar")


class ProjectSitemap(Sitemap):
    def items(self):
        return CooperationProject.objects.only("slug")
