"""The edit-history screens of every content row (floor: imports no content app).

HistoryAdmin gives each admin a Japanese history page with old → new values and the
editor's name, 「この版に戻す」 on every earlier version (revert_view), and 「削除したデータ」,
the deleted rows to restore (deleted_view). The records themselves are made by
kumamoto_portal/history.py.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from kumamoto_portal import history

from .mixins import SaysWhoSeesIt, WithoutSeconds, inline_changes

SAVED_FOR_RESIDENTS = "住民には、次にページを開いたときから変更後の内容が表示されます。"
HISTORY_TYPES = {"+": "追加", "~": "変更", "-": "削除"}


class HistoryAdmin(WithoutSeconds, SaysWhoSeesIt, SimpleHistoryAdmin):
    """The edit history as staff use it (kumamoto_portal/history.py).

    One record per save, made after the many-to-many fields and the inline tables are
    saved, so it holds the final sources and says what the inlines changed. The history
    page is in Japanese, shows old → new values and who made each change, and offers
    「この版に戻す」 on every earlier version; 「削除したデータ」 lists deleted rows to restore.
    """

    object_history_template = "admin/content_history.html"
    object_history_list_template = "admin/content_history_list.html"

    def save_model(self, request, obj, form, change):
        obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        if hasattr(obj, "skip_history_when_saving"):
            del obj.skip_history_when_saving
        obj._history_user = request.user
        obj._change_reason = inline_changes(formsets)
        obj.save()
        if not change:
            obj.history.filter(pk=obj.history.latest().pk).update(history_type="+")

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if level == messages.SUCCESS:
            message = format_html("{} {}", message, SAVED_FOR_RESIDENTS)  # keeps the admin's link in message
        super().message_user(request, message, level, *args, **kwargs)

    def _check_id(self, object_id: str) -> None:
        """A history address with an id that cannot be one (e.g. "abc") is a 404, not a 500."""
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404 from None

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_id(object_id)
        if request.method == "POST":  # versions are put back with 「この版に戻す」 (revert_view), which is recorded
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<path:object_id>/history/<int:version_id>/revert/",
                self.admin_site.admin_view(self.revert_view),
                name="{}_{}_revert".format(*info),
            ),
            path("deleted/", self.admin_site.admin_view(self.deleted_view), name="{}_{}_deleted".format(*info)),
            *super().get_urls(),
        ]

    def _version(self, object_id: str, version_id: int):
        self._check_id(object_id)
        pk_name = self.model._meta.pk.attname
        return get_object_or_404(self.model.history.model, **{pk_name: object_id, "history_id": version_id})

    def may_revert(self, request: HttpRequest, record, current) -> bool:
        """Whether the user may put back `record` over the row as it is now (`current`), or restore
        it when deleted (`current` is None). The row as it is now decides, not the old version."""
        if current is None:
            return self.has_add_permission(request) and self.has_change_permission(request)
        return self.has_change_permission(request, current) and self.has_view_permission(request, current)

    def links_after_revert(self, request: HttpRequest, name: str, version_ids: list[int], current_ids: list[int]):
        """What a many-to-many field gets back on a revert (all of the version's, unless narrowed)."""
        return version_ids

    def revert_view(self, request: HttpRequest, object_id: str, version_id: int) -> HttpResponse:
        """Confirm (GET) and put back (POST) the version `version_id` of a row, or restore a deleted row."""
        record = self._version(object_id, version_id)
        if record.history_type == "-":
            raise Http404
        instance = record.instance
        current = self.model._default_manager.filter(pk=instance.pk).first()
        if not self.may_revert(request, record, current):
            raise PermissionDenied
        exists = current is not None
        label = history.version_label(record)
        if request.method == "POST":
            restored = history.revert(
                record, request.user, lambda name, old, now: self.links_after_revert(request, name, old, now)
            )
            opts = restored._meta
            change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[restored.pk])
            self.message_user(request, f"「{restored}」を {label} の版に戻しました。", messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"{label} の版に戻す",
            "opts": self.model._meta,
            "object": instance,
            "record": record,
            "label": label,
            "exists": exists,
            "changes": self._changes_to(request, record),
        }
        return TemplateResponse(request, "admin/content_revert.html", context)

    def _changes_to(self, request: HttpRequest, record) -> list[dict]:
        """What putting back `record` would change, as {field, old (now), new (after)}."""
        pk_name = self.model._meta.pk.attname
        latest = self.model.history.filter(**{pk_name: getattr(record, pk_name)}).latest()
        if latest.pk == record.pk:
            return []
        delta = record.diff_against(latest, foreign_keys_are_objs=True)
        return self.get_historical_record_context_helper(request, record).context_for_delta_changes(delta)

    def deleted_view(self, request: HttpRequest) -> HttpResponse:
        """Rows of this model that were deleted, newest first, each with 「元に戻す」."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        model = self.model
        pk_name = model._meta.pk.attname
        existing = model._default_manager.values_list("pk", flat=True)
        deletions = model.history.filter(history_type="-").exclude(**{f"{pk_name}__in": existing})
        rows = []
        for deletion in deletions.order_by("-history_date"):
            earlier = model.history.filter(**{pk_name: getattr(deletion, pk_name)})
            before = earlier.filter(history_date__lt=deletion.history_date).order_by("-history_date").first()
            if before is not None and self.may_revert(request, before, None):
                rows.append({"deletion": deletion, "before": before, "who": history.editor_name(deletion)})
        context = {
            **self.admin_site.each_context(request),
            "title": f"削除した{model._meta.verbose_name}",
            "opts": model._meta,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/content_deleted.html", context)

    def changelist_view(self, request, extra_context=None):
        opts = self.model._meta
        deleted_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_deleted")
        return super().changelist_view(request, {"deleted_url": deleted_url, **(extra_context or {})})

    def history_view_title(self, request, obj) -> str:
        return f"{obj} の変更履歴"

    def history_form_view_title(self, request, obj) -> str:
        return f"{obj} の以前の版"

    def history_view(self, request, object_id, extra_context=None):
        self._check_id(object_id)
        extra = {"history_types": HISTORY_TYPES, **(extra_context or {})}
        return super().history_view(request, object_id, extra)
