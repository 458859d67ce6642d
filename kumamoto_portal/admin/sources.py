"""The admin of the sources (出典) that every content row cites."""

from django.contrib import admin
from django.db import models

from kumamoto_portal.models import Source

from .history import HistoryAdmin


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["code", "title", "publisher", "published_on", "published_year", "checked_on"]
    list_display_links = ["code", "title"]
    search_fields = ["code", "title", "publisher", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
