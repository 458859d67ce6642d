"""The admin classes content apps use: ContentAdmin for a row, CompactInline for its inline tables."""

from django import forms
from django.contrib import admin
from django.db import models

from .history import HistoryAdmin
from .mixins import SaysWhoSeesIt, SourcesRequired, WithoutSeconds


class ContentAdmin(SourcesRequired, HistoryAdmin):
    """The admin of a content row: edit history, and sources required."""


class CompactInline(WithoutSeconds, SaysWhoSeesIt, SourcesRequired, admin.TabularInline):
    """One row per item: long texts (sources, notes) get a small box, not a full-size one."""

    extra = 0
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})}}
