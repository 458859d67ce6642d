"""The admin of the sources (出典) that every content row cites."""

from django.contrib import admin
from django.db import models

from kumamoto_portal.models import SiteSettings, Source

from .history import HistoryAdmin


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["code", "title", "publisher", "kind", "published_on", "published_year", "checked_on"]
    list_filter = ["kind"]
    list_display_links = ["code", "title"]
    search_fields = ["code", "title", "publisher", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(SiteSettings)
class SiteSettingsAdmin(HistoryAdmin):
    """One row: 「追加」 only while there is none, never 「削除」."""

    fieldsets = [
        (
            "サイトの運営者(すべてのページの下に表示)",
            {
                "fields": [
                    "operator_name",
                    "operator_department",
                    "operator_phone",
                    "operator_email",
                    "operator_contact_url",
                ]
            },
        ),
        ("情報の見直し", {"fields": ["review_months"]}),
    ]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
