"""Admin pieces shared by every content app, and the sources (出典) they cite."""

from django import forms
from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .models import SOURCES_REQUIRED, Source


class SourcesRequired:
    """For admins and inlines of content rows: sources are picked with autocomplete (or added
    with "+"), and a row without any is refused with a clear message."""

    def get_autocomplete_fields(self, request) -> list[str]:
        return [*super().get_autocomplete_fields(request), "sources"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "sources" and formfield is not None:
            formfield.error_messages["required"] = SOURCES_REQUIRED
        return formfield


class ContentAdmin(SourcesRequired, SimpleHistoryAdmin):
    """The admin of a content row: edit history, and sources required."""


class CompactInline(SourcesRequired, admin.TabularInline):
    """One row per item: long texts (sources, notes) get a small box, not a full-size one."""

    extra = 0
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "publisher", "published_on", "published_year", "checked_on"]
    list_display_links = ["code", "title"]
    search_fields = ["code", "title", "publisher", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
