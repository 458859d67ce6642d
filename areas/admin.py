"""Admin for staff: members, pillars and fields, cooperation projects."""

from django.contrib import admin
from django.db import models

from kumamoto_portal.admin.base import CompactInline, ContentAdmin

from .models import CooperationProject, Municipality, Pillar, PolicyField, PolicyGroup


@admin.register(Municipality)
class MunicipalityAdmin(ContentAdmin):
    list_display = [
        "code",
        "name",
        "kana",
        "kind",
        "district",
        "joined_on",
        "is_central_city",
        "population",
        "area_km2",
    ]
    list_display_links = ["code", "name"]
    list_filter = ["kind", "is_central_city", "joined_on"]
    search_fields = ["name", "kana", "code"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["code", "name", "kana", "kind", "district", "is_central_city", "joined_on", "website"]}),
        ("人口", {"fields": ["population", "population_reference", "population_source"]}),
        ("面積", {"fields": ["area_km2", "area_reference_date", "area_note", "area_source"]}),
        ("出典", {"fields": ["sources", "source_note"]}),
    ]
    autocomplete_fields = ["population_source", "area_source"]


class PolicyGroupInline(CompactInline):
    model = PolicyGroup


@admin.register(Pillar)
class PillarAdmin(ContentAdmin):
    list_display = ["number", "name", "carried_out_by"]
    list_display_links = ["number", "name"]
    inlines = [PolicyGroupInline]


@admin.register(PolicyField)
class PolicyFieldAdmin(ContentAdmin):
    list_display = ["pillar", "number", "name", "group"]
    list_display_links = ["number", "name"]
    list_filter = ["pillar", "group"]
    list_select_related = ["pillar", "group"]
    search_fields = ["name"]


@admin.register(CooperationProject)
class CooperationProjectAdmin(ContentAdmin):
    list_display = ["title", "status", "policy_field", "started_on", "contact_department"]
    list_filter = ["status", "policy_field__pillar"]
    list_select_related = ["policy_field__pillar"]
    search_fields = ["title", "summary", "municipalities__name"]
    filter_horizontal = ["municipalities"]
    autocomplete_fields = ["policy_field"]
