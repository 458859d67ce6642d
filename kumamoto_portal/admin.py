"""Admin pieces shared by every content app."""

from django import forms
from django.contrib import admin
from django.db import models


class CompactInline(admin.TabularInline):
    """One row per item: long texts (sources, notes) get a small box, not a full-size one."""

    extra = 0
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}
