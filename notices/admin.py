"""Admin for staff: notices with their status (予定 / 掲載中 / 掲載終了), urgency and dates."""

from django.contrib import admin
from django.db.models import QuerySet
from django.utils import timezone

from areas.clerks import ClerkScopedAdmin
from kumamoto_portal.admin.history import HistoryAdmin

from . import rules
from .models import Notice


class StatusFilter(admin.SimpleListFilter):
    title = "状態"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Notice.Status.choices

    def queryset(self, request, queryset: QuerySet) -> QuerySet:
        if self.value() in Notice.Status.values:
            return queryset.filter(rules.with_status_at(Notice.Status(self.value()), timezone.now()))
        return queryset


@admin.register(Notice)
class NoticeAdmin(ClerkScopedAdmin, HistoryAdmin):
    """A clerk's notices are those linked to their municipalities; each must name at least one."""

    town_field = "municipalities"
    list_display = ["title", "status", "is_urgent", "published_at", "expires_at", "office"]
    list_filter = [StatusFilter, "is_urgent", "published_at", "expires_at"]
    search_fields = ["title"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["municipalities", "project"]
    fieldsets = [
        (None, {"fields": ["title", "body", "is_urgent"]}),
        ("掲載期間", {"fields": ["published_at", "expires_at"]}),
        ("発信元(出典)", {"fields": ["office", "office_phone"]}),
        ("関係する市町村・連携事業", {"fields": ["municipalities", "project"]}),
    ]

    @admin.display(description="状態")
    def status(self, notice: Notice) -> str:
        return notice.status_at(timezone.now()).label
