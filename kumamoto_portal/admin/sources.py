"""The admin of the sources (出典) that every content row cites."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from kumamoto_portal import review
from kumamoto_portal.models import SiteSettings, Source
from kumamoto_portal.staff.roles import CLERK_ROLE

from .history import HistoryAdmin


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["code", "title", "publisher", "kind", "published_on", "published_year", "checked_on"]
    list_filter = ["kind"]
    list_display_links = ["code", "title"]
    search_fields = ["code", "title", "publisher", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    CHECKED_REASON = "確認した(「確認が必要な情報」から)"

    def get_urls(self):
        review_url = path("review/", self.admin_site.admin_view(self.review_view), name="kumamoto_portal_source_review")
        return [review_url, *super().get_urls()]

    def _rows_of(self, request: HttpRequest):
        """`rows_of(model)` for review.review_queue: the rows this user may see in the admin (a town's
        clerk: their towns' only); rows edited only inside another form go to area-wide staff."""

        def rows_of(model):
            model_admin = self.admin_site._registry.get(model)
            if model_admin is not None:
                return model_admin.get_queryset(request) if model_admin.has_view_permission(request) else None
            opts = model._meta
            is_clerk = not request.user.is_superuser and request.user.groups.filter(name=CLERK_ROLE).exists()
            if is_clerk or not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
                return None
            return model._default_manager.all()

        return rows_of

    def _unknown_querysets(self, request: HttpRequest):
        """(rows, lookup to the town's name) of each admin that holds town-owned rows with facts that may be unknown."""
        for model, model_admin in self.admin_site._registry.items():
            town_field = getattr(model_admin, "town_field", "")
            if not (town_field and getattr(model, "facts_that_may_be_unknown", ())):
                continue
            if (
                model_admin.has_view_permission(request)
                and not model._meta.get_field(town_field.split("__")[0]).many_to_many
            ):
                yield model_admin.get_queryset(request), f"{town_field}__name"

    def review_view(self, request: HttpRequest) -> HttpResponse:
        """「確認が必要な情報」: sources past the review period with the rows that cite them, and
        「確認した」 (POST), which records today as the source's 確認日 in its edit history."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        months = SiteSettings.current().review_months
        queue = review.review_queue(today, months, self._rows_of(request))
        if request.method == "POST":
            # Only a source in this user's queue (cited by rows they may see) can be marked.
            source = next((q.source for q in queue.sources if str(q.source.pk) == request.POST.get("source")), None)
            if source is None:
                raise Http404("確認が必要な出典の一覧にない出典です。")
            source.checked_on = today
            source._history_user = request.user
            source._change_reason = self.CHECKED_REASON
            source.save()
            self.message_user(
                request, f"「{source.title}」を{today:%Y年%-m月%-d日}に確認したと記録しました。", messages.SUCCESS
            )
            return HttpResponseRedirect(reverse("admin:kumamoto_portal_source_review"))
        context = {
            **self.admin_site.each_context(request),
            "title": "確認が必要な情報",
            "opts": self.model._meta,
            "today": today,
            "review_months": months,
            "queue": queue,
            "unknowns": review.unknown_counts(self._unknown_querysets(request)),
        }
        return TemplateResponse(request, "admin/review_queue.html", context)


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

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "show_save_and_add_another": False}
        return super().changeform_view(request, object_id, form_url, extra_context)
