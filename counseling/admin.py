"""Admin for staff: the service with its menus, sessions, closures and extra sessions inline."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from simple_history.admin import SimpleHistoryAdmin

from areas.admin import CompactInline

from . import rules
from .models import Closure, CrisisLine, ExtraSession, Menu, Service, WeeklySession


class NoOverlapFormSet(BaseInlineFormSet):
    """Refuse rows of one service that overlap on the same day, as edited together in one form."""

    day_field = ""  # "weekday" or "date"

    def clean(self) -> None:
        super().clean()
        rows = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and all(form.cleaned_data.get(k) is not None for k in (self.day_field, "start", "end"))
        ]
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if a[self.day_field] == b[self.day_field] and rules.overlaps(
                    a["start"], a["end"], b["start"], b["end"]
                ):
                    raise ValidationError(
                        f"同じ日の受付時間が重なっています({a['start']:%H:%M}〜{a['end']:%H:%M} と "
                        f"{b['start']:%H:%M}〜{b['end']:%H:%M})。時間を分けるか、1つにまとめてください。"
                    )


class WeeklyFormSet(NoOverlapFormSet):
    day_field = "weekday"


class ExtraFormSet(NoOverlapFormSet):
    day_field = "date"


class MenuInline(CompactInline):
    model = Menu


class WeeklySessionInline(CompactInline):
    model = WeeklySession
    formset = WeeklyFormSet
    fields = ["weekday", "start", "end", "source"]


class ClosureInline(CompactInline):
    model = Closure
    fields = ["kind", "reason", "start_month", "start_day", "end_month", "end_day", "start_date", "end_date", "source"]


class ExtraSessionInline(CompactInline):
    model = ExtraSession
    formset = ExtraFormSet
    fields = ["date", "start", "end", "note"]


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "channel", "contact_department"]
    search_fields = ["name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [MenuInline, WeeklySessionInline, ClosureInline, ExtraSessionInline]


@admin.register(CrisisLine)
class CrisisLineAdmin(SimpleHistoryAdmin):
    list_display = ["name", "phone", "hours", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
