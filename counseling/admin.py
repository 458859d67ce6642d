"""Admin for staff: the service with its menus, sessions, closures and extra sessions inline."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet

from kumamoto_portal.admin.base import CompactInline, ContentAdmin

from . import rules
from .models import Closure, CrisisLine, ExtraSession, Menu, Service, WeeklySession


class NoOverlapFormSet(BaseInlineFormSet):
    """Refuse rows of one service that overlap on the same day, as edited together in one form."""

    def clean(self) -> None:
        super().clean()
        rows = [
            form.instance
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and all(form.cleaned_data.get(k) is not None for k in (self.model.day_field, "start", "end"))
        ]
        for i, a in enumerate(rows):
            b = rules.first_overlap(a, rows[i + 1 :], day_of=lambda row: getattr(row, self.model.day_field))
            if b is not None:
                raise ValidationError(
                    f"同じ日の受付時間が重なっています({a.start:%H:%M}〜{a.end:%H:%M} と "
                    f"{b.start:%H:%M}〜{b.end:%H:%M})。時間を分けるか、1つにまとめてください。"
                )


class MenuInline(CompactInline):
    model = Menu


class WeeklySessionInline(CompactInline):
    model = WeeklySession
    formset = NoOverlapFormSet
    fields = ["weekday", "start", "end", "valid_until", "sources", "source_note"]


class ClosureInline(CompactInline):
    """Closures of one kind: a row shows only the fields of its kind (月日 or 日付)."""

    model = Closure
    closure_kind = ""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(kind=self.closure_kind)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        kind = self.closure_kind

        class OfKind(formset):
            def _construct_form(self, i, **form_kwargs):
                form = super()._construct_form(i, **form_kwargs)
                form.instance.kind = kind  # before validation, which checks the fields of the kind
                return form

        return OfKind


class YearlyClosureInline(ClosureInline):
    closure_kind = Closure.Kind.YEARLY
    verbose_name = "毎年の休み(月日で指定)"
    verbose_name_plural = "毎年の休み(月日で指定。例: 12月29日〜1月3日)"
    fields = ["reason", "start_month", "start_day", "end_month", "end_day", "sources", "source_note"]


class DatedClosureInline(ClosureInline):
    closure_kind = Closure.Kind.DATED
    verbose_name = "期間の休み(日付で指定)"
    verbose_name_plural = "期間の休み(日付で指定。例: 2026年5月3日〜5月5日)"
    fields = ["reason", "start_date", "end_date", "sources", "source_note"]


class ExtraSessionInline(CompactInline):
    model = ExtraSession
    formset = NoOverlapFormSet
    fields = ["date", "start", "end", "note", "sources", "source_note"]


@admin.register(Service)
class ServiceAdmin(ContentAdmin):
    list_display = ["name", "channel", "contact_department"]
    search_fields = ["name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [MenuInline, WeeklySessionInline, YearlyClosureInline, DatedClosureInline, ExtraSessionInline]


@admin.register(CrisisLine)
class CrisisLineAdmin(ContentAdmin):
    list_display = ["name", "phone", "hours", "crisis", "foreign_languages", "order"]
    list_editable = ["order"]
    list_filter = ["crisis", "foreign_languages"]
    search_fields = ["name", "name_en"]
