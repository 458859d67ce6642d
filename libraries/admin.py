"""Admin for staff: systems with their locations inline, locations, agreements."""

from django.contrib import admin
from django.db import models

from areas.clerks import ClerkChoices, ClerkScopedAdmin, town_ids
from kumamoto_portal.admin.base import CompactInline, ContentAdmin
from kumamoto_portal.admin.mixins import SaysWhoSeesIt, SourcesRequired

from .models import KindCount, LibrarySystem, Location, MutualUseAgreement


class LocationInline(SaysWhoSeesIt, SourcesRequired, admin.StackedInline):
    model = Location
    extra = 0
    show_change_link = True
    fields = [
        ("name", "kana", "kind"),
        ("postal_code", "ward"),
        ("address", "address_building"),
        ("phone", "phone_note"),
        ("opening_hours", "closed_days"),
        ("has_return_box", "return_box_note"),
        "display_order",
        ("sources", "source_note"),
    ]


class KindCountInline(CompactInline):
    model = KindCount


class AgreementInline(ClerkChoices, SaysWhoSeesIt, SourcesRequired, admin.StackedInline):
    """Stacked, not a table: its long fields would make the page wider than the screen."""

    model = MutualUseAgreement
    extra = 0
    fields = [
        ("home_municipality", "since"),
        "what_to_bring",
        ("contact_department", "contact_phone"),
        ("sources", "source_note"),
    ]
    autocomplete_fields = ["home_municipality"]
    formfield_overrides = CompactInline.formfield_overrides


@admin.register(LibrarySystem)
class LibrarySystemAdmin(ClerkScopedAdmin, ContentAdmin):
    town_field = "municipality"
    list_display = ["name", "municipality", "e_library_name"]
    list_select_related = ["municipality"]
    search_fields = ["name", "kana", "municipality__name"]
    list_filter = [("municipality", admin.RelatedOnlyFieldListFilter)]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [LocationInline, KindCountInline, AgreementInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """A clerk's library is always their town's: the municipality is required for them
        (a library without one, such as the prefecture's, is kept by area-wide staff)."""
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "municipality" and town_ids(request.user) is not None:
            field.required = True
        return field

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        return [*exclude, "operator"] if town_ids(request.user) is not None else exclude or None


@admin.register(Location)
class LocationAdmin(ClerkScopedAdmin, ContentAdmin):
    town_field = "system__municipality"
    list_display = ["name", "system", "kind", "ward", "phone", "has_return_box", "display_order"]
    list_select_related = ["system"]
    list_filter = [("system", admin.RelatedOnlyFieldListFilter), "kind", "ward", "has_return_box"]
    search_fields = ["name", "kana", "address"]
    list_editable = ["display_order"]


@admin.register(MutualUseAgreement)
class MutualUseAgreementAdmin(ClerkScopedAdmin, ContentAdmin):
    """An agreement belongs to the town whose library system hosts it; its residents'
    town (home_municipality) may be any member."""

    town_field = "system__municipality"
    list_display = ["home_municipality", "system", "since", "contact_department"]
    list_select_related = ["home_municipality", "system"]
    list_filter = [("system", admin.RelatedOnlyFieldListFilter), "home_municipality"]
    search_fields = ["home_municipality__name", "system__name"]
    autocomplete_fields = ["home_municipality", "system"]
